import fc from 'fast-check';
import { z } from 'zod';
import { FAMILIES } from '../../src/domain/families.ts';
import type { Day } from '../../src/domain/time.ts';
import { instantOn } from '../calendar.ts';
import { maybe, officeSecond } from '../edges.ts';
import { horizonDay } from '../events/horizon-day.ts';
import { WORLD_DESTINATIONS } from '../events/trip.ts';
import type { Persona } from '../types.ts';

const parameters = z.strictObject({
  reportShare: z.number().min(0).max(1).default(0.6).describe('share reported for SIM resale and suspended'),
});
type Params = z.output<typeof parameters>;

export interface SimResellerShape {
  readonly from: Day;
  readonly country: string;
  readonly report: { readonly afterDays: number; readonly second: number } | null;
}

/** A SIM sold on to someone abroad: used outside the EU zone for good, reported for resale (BASE-B.3.4). */
export const simReseller: Persona<SimResellerShape, Params> = {
  id: 'sim-reseller',
  description: 'Sells the SIM on: from some day on it is used outside the EU zone for good, and may be reported and suspended (BASE-B.3.4).',
  clauses: ['BASE-B.3.4', 'BASE-D.10.2.1', 'BASE-B.2.1'],
  parameters,
  families: FAMILIES,
  fitsText: 'any plan',
  drawsOn: ['horizon'],
  arbitrary: (ctx, p) =>
    fc.record({
      from: horizonDay(ctx, 0, Math.max(1, Math.floor(ctx.days / 2))),
      country: fc.constantFrom(...WORLD_DESTINATIONS),
      report: maybe(fc.record({ afterDays: fc.integer({ min: 7, max: 120 }), second: officeSecond() }), p.reportShare),
    }),
  apply(s, life) {
    const { ctx } = life;
    life.trip(s.from, ctx.until, s.country);
    if (!s.report) return;
    const t = instantOn(s.from + s.report.afterDays, s.report.second);
    life.add(t, { type: 'abuse_report', kind: 'sim_resale', line: ctx.lines[0]!.id });
    life.add(t + 3_600, { type: 'suspension', by: 'operator', reason: 'breach', notice: true, justified: true });
    life.block(t + 3_600, ctx.untilAt);
  },
};
