/**
 * When a statement gets paid relative to its due date (BASE-D.8.5, D.8.6): on or before it, late (a
 * reminder goes out the day after the due date), or after the reminder's deadline, when the flat
 * indemnity applies (catalog `dunning.indemnityAfterDays` after the reminder). Lateness leans to the
 * first day late and to the days around the indemnity's deadline.
 */
import fc from 'fast-check';
import { edgeInt, secondOfDay } from '../edges.ts';
import type { PaymentPlan } from '../life.ts';

/** Days after the due date from which the indemnity applies: the reminder (due + 1) plus `indemnityAfterDays`. */
export function indemnityDay(indemnityAfterDays: number): number {
  return 1 + indemnityAfterDays;
}

/** The plan of a payment `daysAfterDue` days after the due date at `second` (a tuple mapped into it: drawn for every statement of a persona's subscriber, where fc.record's generic mapping costs more than the fields). */
function pay([daysAfterDue, second]: [number, number]): PaymentPlan {
  return { kind: 'pay', daysAfterDue, second };
}

/** A payment on time: `0..termDays − 1` days before the due date, leaning to the due date itself. */
export function onTimePayment(termDays: number): fc.Arbitrary<PaymentPlan> {
  return fc.tuple(edgeInt(-(Math.max(1, termDays) - 1), 0, [0], 0.3), secondOfDay()).map(pay);
}

/** A payment after the due date but before the indemnity applies. */
export function latePayment(indemnityAfterDays: number): fc.Arbitrary<PaymentPlan> {
  const last = indemnityDay(indemnityAfterDays) - 1;
  return fc.tuple(edgeInt(1, Math.max(1, last), [1, 2, last], 0.5), secondOfDay()).map(pay);
}

/** A payment on or after the day the indemnity applies, leaning to that day and the one after. */
export function paymentAfterIndemnityDeadline(indemnityAfterDays: number): fc.Arbitrary<PaymentPlan> {
  const first = indemnityDay(indemnityAfterDays);
  return fc.tuple(edgeInt(first, first + 75, [first, first + 1, first + 30], 0.5), secondOfDay()).map(pay);
}
