import fc from 'fast-check';
import { z } from 'zod';
import { instantOn } from '../calendar.ts';
import { edgeInt, secondOfDay } from '../edges.ts';
import { trip, type TripShape } from '../events/trip.ts';
import type { Persona } from '../types.ts';

const parameters = z.strictObject({
  maxTrips: z.int().min(1).max(12).default(2).describe('most EU trips with an alternative roaming operator'),
});
type Params = z.output<typeof parameters>;

export interface AlternativeRoamerShape {
  readonly trips: ReadonlyArray<TripShape & { readonly hoursBefore: number; readonly second: number; readonly backAfterDays: number }>;
}

/** Buys EU roaming from an alternative roaming operator for trips (BASE-B.2.5: the switch takes up to 24 hours). */
export const alternativeRoamer: Persona<AlternativeRoamerShape, Params> = {
  id: 'alternative-roamer',
  description: 'Switches EU roaming to an alternative roaming operator before a trip, 24 hours ahead or less (BASE-B.2.5), and back after.',
  clauses: ['BASE-B.2.5', 'BASE-B.2.1', 'BASE-D.7.1'],
  parameters,
  families: ['BASE_SUBSCRIPTION', 'BASE_PREPAID'],
  fitsText: 'BASE plans (BASE-B.2.5)',
  drawsOn: ['horizon'],
  arbitrary: (ctx, p) =>
    fc.record({
      trips: fc.array(
        fc.record({
          from: trip(ctx, { minDays: 3, maxDays: 14, worldShare: 0 }).map((t) => t.from),
          days: fc.integer({ min: 3, max: 14 }),
          country: trip(ctx, { minDays: 3, maxDays: 3, worldShare: 0 }).map((t) => t.country),
          hoursBefore: edgeInt(0, 96, [23, 24, 25], 0.6),
          second: secondOfDay(),
          backAfterDays: fc.integer({ min: 0, max: 10 }),
        }),
        { minLength: 1, maxLength: p.maxTrips },
      ),
    }),
  apply(s, life) {
    for (const t of s.trips) {
      life.trip(t.from, t.from + t.days, t.country);
      const leave = instantOn(t.from, 8 * 3600);
      life.add(leave - t.hoursBefore * 3600, { type: 'roaming_operator_switch', active: true });
      life.add(instantOn(t.from + t.days + t.backAfterDays, t.second), { type: 'roaming_operator_switch', active: false });
    }
  },
};
