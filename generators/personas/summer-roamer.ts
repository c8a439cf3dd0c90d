import fc from 'fast-check';
import { z } from 'zod';
import { Zone } from '../../src/domain/countries.ts';
import { FAMILIES } from '../../src/domain/families.ts';
import { summers, trip, type TripShape } from '../events/trip.ts';
import type { Persona } from '../types.ts';

const parameters = z.strictObject({
  minDays: z.int().min(1).max(90).default(7).describe('shortest holiday'),
  maxDays: z.int().min(1).max(90).default(21).describe('longest holiday'),
  worldShare: z.number().min(0).max(1).default(0.15).describe('share of holidays outside the EU zone'),
  holidayDataSessions: z.number().min(0).max(50).default(3).describe('extra data sessions a day abroad (maps, photos, streaming)'),
});
type Params = z.output<typeof parameters>;

/** Spends the summer holidays abroad, mostly in the EU zone, using data heavily there. */
export const summerRoamer: Persona<TripShape[], Params> = {
  id: 'summer-roamer',
  description: 'Spends July or August abroad, mostly in the EU zone, and uses data heavily there.',
  clauses: ['CLIC-2.1', 'CLIC-2.2', 'BASE-B.2.1', 'BASE-D.7.1', 'BASE-D.8.3', 'BASE-D.6.1.3'],
  parameters,
  families: FAMILIES,
  fitsText: 'any plan',
  drawsOn: ['horizon'],
  arbitrary(ctx, p) {
    const o = { minDays: p.minDays, maxDays: Math.max(p.minDays, p.maxDays), worldShare: p.worldShare };
    const windows = summers(ctx);
    if (windows.length === 0) return fc.array(trip(ctx, o), { minLength: 1, maxLength: 1 });
    return fc.tuple(...windows.map((w) => trip(ctx, { ...o, window: w })));
  },
  apply(trips, life, p) {
    for (const t of trips) life.trip(t.from, t.from + t.days, t.country);
    const extra = Math.exp(-p.holidayDataSessions);
    life.hook({
      day(d) {
        if (d.zone === Zone.BE) return;
        const n = d.rng.poisson(extra);
        const line = d.kinds.indexOf(0);
        for (let i = 0; i < n; i++) {
          const t = d.dayStart + d.timeOfDay();
          if (!d.usable(line, t)) continue;
          const bytes = Math.round(5_000_000 + d.rng.float() * 300_000_000);
          d.data(t, line, bytes, Math.max(1, Math.round(bytes / 1_000_000)), d.lateArrival(t, d.zone === Zone.EU ? 0.02 : 0.2));
        }
      },
    });
  },
};
