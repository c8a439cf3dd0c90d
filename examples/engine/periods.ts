/**
 * Billing periods (BASE-D.8.3): from the cycle day at 00:00 Brussels to the next one, exclusive; the
 * first runs from the contract start to the next cycle day and may be short.
 */
import { brusselsMidnight, dayOf, ymd, type Day, type Instant } from './time.ts';

export interface Period {
  readonly index: number;
  readonly start: Day;
  readonly end: Day;
  readonly days: number;
  /** Length of the whole cycle the period belongs to (28–31 days). */
  readonly cycleDays: number;
  readonly startsAt: Instant;
  readonly endsAt: Instant;
}

function cycleDateAfter(day: Day, cycleDay: number): Day {
  const d = ymd(day);
  return d.day < cycleDay ? dayOf(d.year, d.month, cycleDay) : dayOf(d.year, d.month + 1, cycleDay);
}

function cycleDateOnOrBefore(day: Day, cycleDay: number): Day {
  const d = ymd(day);
  return d.day >= cycleDay ? dayOf(d.year, d.month, cycleDay) : dayOf(d.year, d.month - 1, cycleDay);
}

export function periodsOf(start: Day, cycleDay: number, until: Day): Period[] {
  const out: Period[] = [];
  let from = start;
  let cycleFrom = cycleDateOnOrBefore(start, cycleDay);
  while (from < until) {
    const to = cycleDateAfter(from, cycleDay);
    out.push({
      index: out.length,
      start: from,
      end: to,
      days: to - from,
      cycleDays: to - cycleFrom,
      startsAt: brusselsMidnight(from),
      endsAt: brusselsMidnight(to),
    });
    from = to;
    cycleFrom = to;
  }
  return out;
}
