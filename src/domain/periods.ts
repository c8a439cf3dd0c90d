/**
 * Billing periods — BASE-D.8.3.
 *
 * "Etant donné que Telenet Group a plusieurs cycles de facturation par mois, la période
 * chargée ne correspondra pas pour tous les Clients à un mois calendrier. Il est dès lors
 * possible que le premier Relevé de compte concerne une période plus courte qu'un mois.
 * Les Tarifs relatifs à un mois seront facturés pro rata temporis, et le nombre de
 * minutes ... inclus ... sera calculé sur la même base."
 *
 * Model: each subscriber has a billing-cycle day `cycleDay` in 1..28. A full period runs
 * from day `cycleDay` of a month (00:00 Brussels) to day `cycleDay` of the next month,
 * exclusive. The cycle day is limited to 28 so that every month has it (no "31st of
 * February" clamping rules to invent). The first period runs from the activation day to
 * the next cycle date and is therefore shorter, unless activation falls on the cycle day.
 *
 * Periods are expressed in civil days (`Day`); a day boundary is 00:00 Brussels time
 * (see `brusselsMidnight` in time.ts).
 */
import { type Day, dayFromYmd, ymdOfDay } from './time.ts';

/** One billing period. */
export interface BillingPeriod {
  /** 0 for the first period after activation, then 1, 2, … */
  index: number;
  /** First day of the period (inclusive). */
  start: Day;
  /** Day after the last day of the period (exclusive). */
  end: Day;
  /** `end - start`. */
  days: number;
  /**
   * Length in days (28–31) of the full billing cycle the period belongs to: for the
   * shorter first period, the cycle [cycle date ≤ activation, next cycle date) that
   * contains it. This is the proration denominator.
   */
  cycleDays: number;
}

function assertCycleDay(cycleDay: number): void {
  if (!Number.isInteger(cycleDay) || cycleDay < 1 || cycleDay > 28) {
    throw new RangeError(`cycleDay must be an integer from 1 to 28, got ${cycleDay}`);
  }
}

/** Cycle date in the month `delta` months after (year, month). */
function cycleDateInMonth(year: number, month: number, delta: number, cycleDay: number): Day {
  const m0 = year * 12 + (month - 1) + delta;
  return dayFromYmd(Math.floor(m0 / 12), (m0 % 12 + 12) % 12 + 1, cycleDay);
}

/** The last cycle date on or before `day`. */
function cycleDateOnOrBefore(day: Day, cycleDay: number): Day {
  const ymd = ymdOfDay(day);
  return cycleDateInMonth(ymd.year, ymd.month, ymd.day >= cycleDay ? 0 : -1, cycleDay);
}

/** The first cycle date strictly after `day`. Throws a RangeError for an invalid cycleDay. */
export function nextCycleDate(day: Day, cycleDay: number): Day {
  assertCycleDay(cycleDay);
  const ymd = ymdOfDay(day);
  return cycleDateInMonth(ymd.year, ymd.month, ymd.day < cycleDay ? 0 : 1, cycleDay);
}

/**
 * Every billing period from `activation` whose start is before `until`, in order.
 * The last period is whole and may end after `until`.
 * Throws a RangeError if `cycleDay` is not an integer 1..28 or `until <= activation`.
 */
export function billingPeriods(activation: Day, cycleDay: number, until: Day): BillingPeriod[] {
  assertCycleDay(cycleDay);
  if (!Number.isInteger(activation) || !Number.isInteger(until)) {
    throw new RangeError('activation and until must be whole day numbers');
  }
  if (until <= activation) {
    throw new RangeError(`until (${until}) must be after activation (${activation})`);
  }
  const periods: BillingPeriod[] = [];
  let start = activation;
  let cycleStart = cycleDateOnOrBefore(activation, cycleDay);
  while (start < until) {
    const end = nextCycleDate(start, cycleDay);
    periods.push({ index: periods.length, start, end, days: end - start, cycleDays: end - cycleStart });
    start = end;
    cycleStart = end;
  }
  return periods;
}

/**
 * Index of the period containing `day` in a list produced by `billingPeriods`
 * (consecutive, sorted), or −1 if `day` is outside all of them. Binary search.
 */
export function periodIndexOf(periods: readonly BillingPeriod[], day: Day): number {
  let lo = 0;
  let hi = periods.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const p = periods[mid]!;
    if (day < p.start) hi = mid - 1;
    else if (day >= p.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/**
 * Fraction of the monthly fee (and of monthly included volumes) due for `period`,
 * pro rata temporis: `{ num: days, den: cycleDays }`.
 *
 * The proration denominator is the actual number of days of the full billing cycle
 * that contains the period (28–31), so a whole period always gets exactly the monthly
 * fee, and a 26-day first period in a 31-day cycle gets 26/31 of it.
 * The fraction is not reduced, so callers can do exact integer arithmetic.
 */
export function prorationRatio(period: BillingPeriod): { num: number; den: number } {
  return { num: period.days, den: period.cycleDays };
}
