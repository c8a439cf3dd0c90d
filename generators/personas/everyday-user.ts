import fc from 'fast-check';
import { z } from 'zod';
import { FAMILIES } from '../../src/domain/families.ts';
import { trip, type TripShape } from '../events/trip.ts';
import type { Persona } from '../types.ts';
import { scaleProfile } from '../usage-profile.ts';

const parameters = z.strictObject({
  activity: z.number().min(0).max(20).default(1).describe('multiplies calls, SMS and data sessions a day'),
  tripsPerYear: z.number().min(0).max(50).default(2).describe('short trips abroad a year'),
  worldShare: z.number().min(0).max(1).default(0.1).describe('share of trips outside the EU zone'),
});
type Params = z.output<typeof parameters>;

/** Ordinary national use: calls, SMS and data every day, a few short trips a year. */
export const everydayUser: Persona<TripShape[], Params> = {
  id: 'everyday-user',
  description: 'Ordinary national use of the pack every day, with a few short trips abroad a year.',
  clauses: ['CLIC-2.1', 'CLIC-2.2', 'BASE-D.7.1', 'BASE-D.8.3'],
  parameters,
  families: FAMILIES,
  fitsText: 'any plan',
  drawsOn: ['horizon'],
  arbitrary: (ctx, p) =>
    fc.array(trip(ctx, { minDays: 2, maxDays: 8, worldShare: p.worldShare }), {
      maxLength: Math.ceil((p.tripsPerYear * ctx.days * 2) / 365),
    }),
  apply(trips, life, p) {
    scaleProfile(life.profile, p.activity);
    for (const t of trips) life.trip(t.from, t.from + t.days, t.country);
  },
};
