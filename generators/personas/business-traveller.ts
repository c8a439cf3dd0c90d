import fc from 'fast-check';
import { z } from 'zod';
import { Zone } from '../../src/domain/countries.ts';
import { trip, type TripShape } from '../events/trip.ts';
import type { Persona } from '../types.ts';

const parameters = z.strictObject({
  tripsPerMonth: z.number().min(0).max(10).default(1.5).describe('business trips a month'),
  worldShare: z.number().min(0).max(1).default(0.35).describe('share of trips outside the EU zone'),
  lateShare: z.number().min(0).max(1).default(0.25).describe('share of roaming records that reach the operator late'),
  callsAbroad: z.number().min(0).max(50).default(5).describe('extra calls a day abroad'),
});
type Params = z.output<typeof parameters>;

/** Travels for work every month, in and beyond the EU zone; many roaming records arrive late. */
export const businessTraveller: Persona<TripShape[], Params> = {
  id: 'business-traveller',
  description: 'Travels for work every month, in and beyond the EU zone; many roaming records reach the operator late.',
  clauses: ['CLIC-2.2', 'BASE-B.2.1', 'BASE-D.8.3', 'BASE-D.6.1.3'],
  parameters,
  families: ['CLIC', 'CLIC_BUREAU', 'BASE_SUBSCRIPTION'],
  fitsText: 'CLIC, CLIC Bureau and BASE subscriptions',
  drawsOn: ['horizon'],
  arbitrary: (ctx, p) =>
    fc.array(trip(ctx, { minDays: 1, maxDays: 5, worldShare: p.worldShare }), { maxLength: Math.ceil((p.tripsPerMonth * ctx.days * 2) / 30) }),
  apply(trips, life, p) {
    for (const t of trips) life.trip(t.from, t.from + t.days, t.country);
    const extra = Math.exp(-p.callsAbroad);
    life.hook({
      day(d) {
        if (d.zone === Zone.BE) return;
        const n = d.rng.poisson(extra);
        const line = d.kinds.indexOf(0);
        for (let i = 0; i < n; i++) {
          const t = d.dayStart + d.timeOfDay();
          if (!d.usable(line, t)) continue;
          const to = d.rng.chance(0.6) ? d.contact() : d.rng.chance(0.5) ? d.local() : d.foreignNumber();
          const late = d.lateArrival(t, p.lateShare);
          d.call(t, line, to, d.dest, 30 + Math.floor(d.rng.float() * 1_800), d.rng.chance(0.4), 0, late);
          if (d.rng.chance(0.5) && d.usable(line, t + 60)) d.data(t + 60, line, Math.round(1_000_000 + d.rng.float() * 80_000_000), 600, d.lateArrival(t + 60, p.lateShare));
        }
      },
    });
  },
};
