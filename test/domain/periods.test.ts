import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  type BillingPeriod,
  billingPeriods,
  nextCycleDate,
  periodIndexOf,
  prorationRatio,
} from '../../src/domain/periods.ts';
import { dayFromYmd, formatDate, parseDate, ymdOfDay } from '../../src/domain/time.ts';

function day(s: string): number {
  const d = parseDate(s);
  if (d === undefined) throw new Error(`test fixture is not a valid date: ${s}`);
  return d;
}

/** Periods with readable dates, for comparing against hand-written expectations. */
function readable(periods: BillingPeriod[]) {
  return periods.map((p) => ({ ...p, start: formatDate(p.start), end: formatDate(p.end) }));
}

describe('billing periods (BASE-D.8.3)', () => {
  it('gives a shorter first period from activation to the next cycle date, prorated over its whole cycle', () => {
    // Activation 2026-03-20, cycle day 15: the first period is 2026-03-20..2026-04-15 (exclusive),
    // March 20..31 is 12 days + April 1..14 is 14 days = 26 days.
    // It lies in the cycle 2026-03-15..2026-04-15, which has 31 days (March has 31), so cycleDays = 31.
    // Next period: 2026-04-15..2026-05-15 = 30 days (April has 30).
    const periods = billingPeriods(day('2026-03-20'), 15, day('2026-05-01'));
    expect(readable(periods)).toEqual([
      { index: 0, start: '2026-03-20', end: '2026-04-15', days: 26, cycleDays: 31 },
      { index: 1, start: '2026-04-15', end: '2026-05-15', days: 30, cycleDays: 30 },
    ]);
    expect(prorationRatio(periods[0]!)).toEqual({ num: 26, den: 31 });
    expect(prorationRatio(periods[1]!)).toEqual({ num: 30, den: 30 });
  });

  it('gives a full 28-day period for an activation on 2026-02-01 with cycle day 1', () => {
    const periods = billingPeriods(day('2026-02-01'), 1, day('2026-02-02'));
    expect(readable(periods)).toEqual([{ index: 0, start: '2026-02-01', end: '2026-03-01', days: 28, cycleDays: 28 }]);
    expect(prorationRatio(periods[0]!)).toEqual({ num: 28, den: 28 });
  });

  it('gives a 29-day period for February of the leap year 2028', () => {
    const periods = billingPeriods(day('2028-01-01'), 1, day('2028-03-01'));
    expect(readable(periods)).toEqual([
      { index: 0, start: '2028-01-01', end: '2028-02-01', days: 31, cycleDays: 31 },
      { index: 1, start: '2028-02-01', end: '2028-03-01', days: 29, cycleDays: 29 },
    ]);
  });

  it('prorates an activation before the cycle day over the previous month\'s cycle', () => {
    // Activation 2026-03-10, cycle day 15: period 2026-03-10..2026-03-15 = 5 days,
    // inside the cycle 2026-02-15..2026-03-15 = 28 days (February 2026 has 28).
    const [first] = billingPeriods(day('2026-03-10'), 15, day('2026-03-11'));
    expect(first && { ...first, start: formatDate(first.start), end: formatDate(first.end) }).toEqual({
      index: 0,
      start: '2026-03-10',
      end: '2026-03-15',
      days: 5,
      cycleDays: 28,
    });
  });

  it('handles an activation on the 31st with cycle day 28 across a year end', () => {
    // 2026-12-31, cycle day 28: period 2026-12-31..2027-01-28 = 28 days in the cycle
    // 2026-12-28..2027-01-28 = 31 days.
    const periods = billingPeriods(day('2026-12-31'), 28, day('2027-02-01'));
    expect(readable(periods)).toEqual([
      { index: 0, start: '2026-12-31', end: '2027-01-28', days: 28, cycleDays: 31 },
      { index: 1, start: '2027-01-28', end: '2027-02-28', days: 31, cycleDays: 31 },
    ]);
  });

  it('includes the last period whose start is before until, even if it ends after until', () => {
    const periods = billingPeriods(day('2026-01-15'), 15, day('2026-03-16'));
    expect(periods.map((p) => formatDate(p.start))).toEqual(['2026-01-15', '2026-02-15', '2026-03-15']);
    expect(formatDate(periods.at(-1)!.end)).toBe('2026-04-15');
    expect(billingPeriods(day('2026-01-15'), 15, day('2026-03-15'))).toHaveLength(2);
  });

  it('rejects cycle days outside 1..28 and an until that is not after activation', () => {
    const a = day('2026-03-20');
    expect(() => billingPeriods(a, 0, a + 10)).toThrow(RangeError);
    expect(() => billingPeriods(a, 29, a + 10)).toThrow(RangeError);
    expect(() => billingPeriods(a, 1.5, a + 10)).toThrow(RangeError);
    expect(() => billingPeriods(a, 15, a)).toThrow(RangeError);
    expect(() => billingPeriods(a, 15, a - 1)).toThrow(RangeError);
    expect(() => nextCycleDate(a, 0)).toThrow(RangeError);
    expect(() => nextCycleDate(a, 29)).toThrow(RangeError);
  });

  it('finds the next cycle date strictly after a day', () => {
    expect(formatDate(nextCycleDate(day('2026-03-14'), 15))).toBe('2026-03-15');
    expect(formatDate(nextCycleDate(day('2026-03-15'), 15))).toBe('2026-04-15');
    expect(formatDate(nextCycleDate(day('2026-12-20'), 15))).toBe('2027-01-15');
    expect(formatDate(nextCycleDate(day('2026-12-31'), 1))).toBe('2027-01-01');
  });

  it('locates the period containing a day, or -1 outside them', () => {
    const periods = billingPeriods(day('2026-03-20'), 15, day('2026-06-01'));
    expect(periodIndexOf(periods, day('2026-03-19'))).toBe(-1);
    expect(periodIndexOf(periods, day('2026-03-20'))).toBe(0);
    expect(periodIndexOf(periods, day('2026-04-14'))).toBe(0);
    expect(periodIndexOf(periods, day('2026-04-15'))).toBe(1);
    expect(periodIndexOf(periods, day('2026-06-14'))).toBe(2); // periods start 03-20, 04-15, 05-15
    expect(periodIndexOf(periods, day('2026-06-15'))).toBe(-1);
    expect(periodIndexOf([], 0)).toBe(-1);
  });

  it('tiles the time line with periods that start on the cycle day and are whole after the first', () => {
    const lo = dayFromYmd(1990, 1, 1);
    const hi = dayFromYmd(2150, 12, 31);
    fc.assert(
      fc.property(
        fc.integer({ min: lo, max: hi }),
        fc.integer({ min: 1, max: 28 }),
        fc.integer({ min: 1, max: 1500 }),
        fc.integer({ min: -40, max: 1540 }),
        (activation, cycleDay, span, probeOffset) => {
          const until = activation + span;
          const periods = billingPeriods(activation, cycleDay, until);
          expect(periods.length).toBeGreaterThan(0);
          const first = periods[0]!;
          const last = periods.at(-1)!;
          expect(first.start).toBe(activation);
          expect(last.start).toBeLessThan(until);
          expect(last.end).toBeGreaterThanOrEqual(until);
          periods.forEach((p, i) => {
            expect(p.index).toBe(i);
            expect(p.days).toBe(p.end - p.start);
            expect(p.days).toBeGreaterThan(0);
            expect(p.days).toBeLessThanOrEqual(p.cycleDays);
            expect(p.cycleDays).toBeGreaterThanOrEqual(28);
            expect(p.cycleDays).toBeLessThanOrEqual(31);
            expect(ymdOfDay(p.end).day).toBe(cycleDay);
            expect(p.end).toBe(nextCycleDate(p.start, cycleDay));
            if (i > 0) {
              expect(p.start).toBe(periods[i - 1]!.end); // no gap, no overlap
              expect(ymdOfDay(p.start).day).toBe(cycleDay);
              expect(p.days).toBe(p.cycleDays);
            }
          });
          // The first period is whole exactly when activation falls on the cycle day.
          expect(first.days === first.cycleDays).toBe(ymdOfDay(activation).day === cycleDay);
          // periodIndexOf agrees with a linear scan.
          const probe = activation + probeOffset;
          expect(periodIndexOf(periods, probe)).toBe(periods.findIndex((p) => p.start <= probe && probe < p.end));
        },
      ),
      { numRuns: 300 },
    );
  });
});
