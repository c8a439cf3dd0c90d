import fc from 'fast-check';
import { z } from 'zod';
import { FAMILIES } from '../../src/domain/families.ts';
import type { Day } from '../../src/domain/time.ts';
import { instantOn } from '../calendar.ts';
import { edgeInt, officeSecond, secondOfDay } from '../edges.ts';
import { horizonDay } from '../events/horizon-day.ts';
import type { Persona } from '../types.ts';

const parameters = z.strictObject({});
type Params = z.output<typeof parameters>;

export interface DeceasedShape {
  readonly day: Day;
  readonly second: number;
  /** Days until a relative ends the subscription. */
  readonly relativeAfterDays: number;
  readonly relativeSecond: number;
}

/** Dies during the horizon; a relative ends the subscription, at once or weeks later (BASE-D.10.3.2.1). */
export const deceasedSubscriber: Persona<DeceasedShape, Params> = {
  id: 'deceased-subscriber',
  description: 'Dies; a relative ends the subscription at once or weeks later, free (BASE-D.10.3.2.1, D.10.3.2.3).',
  clauses: ['BASE-D.10.3.2.1', 'BASE-D.10.3.2.3'],
  parameters,
  families: FAMILIES,
  fitsText: 'any plan',
  drawsOn: ['horizon'],
  arbitrary: (ctx) =>
    fc.record({ day: horizonDay(ctx, 1), second: secondOfDay(), relativeAfterDays: edgeInt(0, 90, [0, 1], 0.4), relativeSecond: officeSecond() }),
  apply(s, life) {
    const t = instantOn(s.day, s.second);
    life.add(t, { type: 'death' });
    life.end(t, 'death');
    life.add(Math.max(t + 60, instantOn(s.day + s.relativeAfterDays, s.relativeSecond)), { type: 'termination', by: 'client', reason: 'client_choice' });
  },
};
