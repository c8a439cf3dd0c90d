import fc from 'fast-check';
import { z } from 'zod';
import { FAMILIES } from '../../src/domain/families.ts';
import type { Persona } from '../types.ts';
import { scaleProfile } from '../usage-profile.ts';

const parameters = z.strictObject({
  activity: z.number().min(0).max(1).default(0.15).describe('share of an everyday user\'s calls, SMS and data'),
});
type Params = z.output<typeof parameters>;

/** Barely uses the phone: stays far inside the pack, months may pass with only a few records. */
export const lightUser: Persona<null, Params> = {
  id: 'light-user',
  description: 'Barely uses the phone: a few calls and SMS a week, far inside the pack.',
  clauses: ['BASE-D.7.2', 'BASE-B.2.2'],
  parameters,
  families: FAMILIES,
  fitsText: 'any plan',
  drawsOn: [],
  arbitrary: () => fc.constant(null),
  apply(_shape, life, p) {
    scaleProfile(life.profile, p.activity);
  },
};
