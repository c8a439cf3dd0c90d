import fc from 'fast-check';
import { z } from 'zod';
import { formatDate, type Day } from '../../src/domain/time.ts';
import { addMonths, instantOn } from '../calendar.ts';
import { edgeInt, maybe, secondOfDay, unitDelta } from '../edges.ts';
import { horizonDay } from '../events/horizon-day.ts';
import type { Persona } from '../types.ts';

const parameters = z.strictObject({
  earlyLiftShare: z.number().min(0).max(1).default(0.3).describe('share asking in writing to lift the suspension early'),
});
type Params = z.output<typeof parameters>;

export interface HolidaySuspenderShape {
  readonly from: Day;
  readonly second: number;
  /** Around six months (−1, 0, +1 day: BASE-D.10.2 allows at most 6 months) or `months` months. */
  readonly aroundSixMonths: -1 | 0 | 1 | null;
  readonly months: number;
  readonly liftEarlyDays: number | null;
}

/** Asks to suspend the subscription for a while (a long stay abroad), up to about the six months allowed. */
export const holidaySuspender: Persona<HolidaySuspenderShape, Params> = {
  id: 'holiday-suspender',
  description: 'Asks to suspend the subscription for a set period, leaning to the 6-month maximum (BASE-D.10.2), fees still due.',
  clauses: ['BASE-D.10.2', 'BASE-D.10.2.1', 'BASE-C.4'],
  parameters,
  families: ['CLIC', 'CLIC_BUREAU', 'BASE_SUBSCRIPTION'],
  fitsText: 'subscriptions',
  drawsOn: ['horizon'],
  arbitrary: (ctx, p) =>
    fc.record({
      from: horizonDay(ctx, 0, Math.max(1, ctx.days - 30)),
      second: secondOfDay(),
      aroundSixMonths: fc.oneof({ weight: 3, arbitrary: unitDelta() as fc.Arbitrary<-1 | 0 | 1 | null> }, { weight: 2, arbitrary: fc.constant(null) }),
      months: edgeInt(1, 5, [1], 0.2),
      liftEarlyDays: maybe(fc.integer({ min: 1, max: 30 }), p.earlyLiftShare),
    }),
  apply(s, life) {
    const until = s.aroundSixMonths === null ? addMonths(s.from, s.months) : addMonths(s.from, 6) + s.aroundSixMonths;
    const t = instantOn(s.from, s.second);
    life.add(t, { type: 'suspension', by: 'client', reason: 'client_request', notice: true, justified: true, until: formatDate(until) });
    const lifted = s.liftEarlyDays === null ? instantOn(until, 0) : Math.max(t + 60, instantOn(until - s.liftEarlyDays, s.second));
    life.add(lifted, { type: 'suspension_lifted' });
    life.block(t, lifted);
  },
};
