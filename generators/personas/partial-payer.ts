import fc from 'fast-check';
import { z } from 'zod';
import { lineAmount } from '../../src/domain/money.ts';
import { T } from '../../src/domain/tariffs.ts';
import { formatDate } from '../../src/domain/time.ts';
import { instantOn } from '../calendar.ts';
import { edgeInt, secondOfDay } from '../edges.ts';
import { indemnityDay } from '../events/payment.ts';
import type { BuildContext, Persona } from '../types.ts';

/** BASE-D.8.6 and the law of 4 May 2023: the flat indemnity changes formula above €150.00 and above €500.00. */
export const INDEMNITY_BOUNDARIES = [15_000, 15_001, 50_000, 50_001] as const;

const parameters = z.strictObject({
  boundaryShare: z.number().min(0).max(1).default(0.8).describe('share leaving exactly €150.00, €150.01, €500.00 or €500.01 unpaid'),
});
type Params = z.output<typeof parameters>;

export interface PartialPayerShape {
  /** The statement left partly unpaid (≥ 1: it carries the usage of the period before). */
  readonly statement: number;
  /** What stays unpaid, in cents. */
  readonly arrears: number;
  /** Days after the due date of the partial payment (before the indemnity applies). */
  readonly afterDueDays: number;
  readonly second: number;
}

/** The premium-number seconds whose charge brings a statement of `fees` to at least `total` (BASE-D.8.1: billed on top). */
export function premiumSecondsFor(ctx: BuildContext, fees: number, total: number): { seconds: number; amount: number } {
  const rate = ctx.catalog.rates[T['premium.call']]!;
  const need = Math.max(0, total - fees);
  if (need === 0 || rate.microEuros === 0) return { seconds: 0, amount: 0 };
  let seconds = Math.max(1, Math.ceil((need * rate.per * 10_000) / rate.microEuros));
  while (lineAmount(seconds, rate) < need) seconds++;
  return { seconds, amount: lineAmount(seconds, rate) };
}

/**
 * Leaves part of one statement unpaid, leaning to the indemnity's tiers. The statement is made of known
 * amounts: the period's fees, and calls to a premium number in the period before (priced by the
 * catalog, billed on top of any pack: CLIC-2.2) — the persona keeps its other usage inside the pack.
 * It pays the rest before the indemnity applies, so exactly the chosen amount is left.
 */
export const partialPayer: Persona<PartialPayerShape, Params> = {
  id: 'partial-payer',
  description: 'Pays part of one statement, leaving €150.00, €150.01, €500.00 or €500.01 unpaid (the BASE-D.8.6 indemnity tiers).',
  clauses: ['BASE-D.8.6', 'BASE-D.8.5', 'BASE-D.8.1', 'CLIC-2.2'],
  parameters,
  families: ['CLIC', 'CLIC_BUREAU', 'BASE_SUBSCRIPTION'],
  fitsText: 'subscriptions (prepaid is never invoiced)',
  needs: { manualPayment: true },
  drawsOn: ['plan', 'statements'],
  arbitrary(ctx, p) {
    const w = Math.max(1, Math.round(p.boundaryShare * 100));
    const last = indemnityDay(ctx.catalog.dunning.indemnityAfterDays) - 1;
    return fc.record({
      statement: edgeInt(1, Math.max(1, ctx.statements.length - 1), [1], 0.3),
      arrears: fc.oneof({ weight: w, arbitrary: fc.constantFrom(...INDEMNITY_BOUNDARIES) }, { weight: 101 - w, arbitrary: fc.integer({ min: 1, max: 200_000 }) }),
      afterDueDays: edgeInt(0, Math.max(0, last), [0, last], 0.4),
      second: secondOfDay(),
    });
  },
  apply(s, life) {
    const { ctx } = life;
    // Everything else inside the pack: little usage, Belgian numbers only, from home, none in the first period.
    const pr = life.profile;
    pr.callsPerDay = Math.min(pr.callsPerDay, 0.3);
    pr.smsPerDay = Math.min(pr.smsPerDay, 0.2);
    pr.dataPerDay = Math.min(pr.dataPerDay, 0.3);
    pr.dataSimPerDay = Math.min(pr.dataSimPerDay, 0.2);
    pr.callMedianSeconds = 45;
    pr.dataMedianBytes = 1_000_000;
    pr.foreignShare = 0;
    pr.specialShare = 0;
    pr.fixedPerDay = 0;
    const second = ctx.periods[1];
    life.block(ctx.startAt, second ? instantOn(second.start, 0) : ctx.untilAt);
    const statement = ctx.statements[s.statement];
    const before = ctx.periods[s.statement - 1];
    if (!statement || !before || s.statement < 1) return;
    const { seconds, amount } = premiumSecondsFor(ctx, statement.feeCents, s.arrears + 100);
    const total = statement.feeCents + amount;
    life.payments[statement.index] = { kind: 'none' };
    life.add(instantOn(statement.due + s.afterDueDays, s.second), { type: 'payment', statement: formatDate(statement.issued), amountCents: total - s.arrears });
    if (seconds === 0) return;
    // The premium calls: the last days of the period before, from 08:00, twelve hours a day at most, an hour each at most.
    const days = Math.ceil(seconds / 43_200);
    const first = Math.max(before.start, before.end - days);
    let left = seconds;
    life.hook({
      day(d) {
        if (d.day < first || d.day >= before.end || left <= 0) return;
        let today = d.day === before.end - 1 ? left : Math.min(left, 43_200);
        let t = d.dayStart + 8 * 3_600;
        while (today > 0) {
          const q = Math.min(today, 3_600);
          d.call(t, 0, d.special(1), d.dest, q, false, 0, t, d.home);
          today -= q;
          left -= q;
          t += q + 30;
        }
      },
    });
  },
};
