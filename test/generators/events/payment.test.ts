import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indemnityDay, latePayment, onTimePayment, paymentAfterIndemnityDeadline } from '../../../generators/events/payment.ts';

const days = (arb: fc.Arbitrary<{ kind: string; daysAfterDue?: number }>) => fc.sample(arb, { numRuns: 300, seed: 4 }).map((p) => p.daysAfterDue!);

describe('payment timing', () => {
  it('places on-time, late and after-indemnity payments on their side of the due date and of the indemnity\'s first day (BASE-D.8.6)', () => {
    const first = indemnityDay(14);
    expect(first).toBe(15);
    expect(days(onTimePayment(15)).every((d) => d <= 0 && d > -15)).toBe(true);
    expect(days(latePayment(14)).every((d) => d >= 1 && d < first)).toBe(true);
    expect(days(paymentAfterIndemnityDeadline(14)).every((d) => d >= first)).toBe(true);
  });

  it('leans to the due date, the first day late, and the indemnity\'s first day', () => {
    expect(days(onTimePayment(15))).toContain(0);
    expect(days(latePayment(14))).toContain(1);
    expect(days(latePayment(14))).toContain(14);
    expect(days(paymentAfterIndemnityDeadline(14))).toContain(15);
    expect(days(paymentAfterIndemnityDeadline(14))).toContain(16);
  });
});
