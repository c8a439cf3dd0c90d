/**
 * A subscriber's ordinary habits with money: how many days before the due date statements get paid
 * (leaning to 0: on the due date itself, BASE-D.8.5) and at what time; on prepaid, how often and how
 * much credit is topped up.
 */
import fc from 'fast-check';
import { edgeInt, secondOfDay } from '../edges.ts';
import type { Habits } from '../life.ts';

/** Payment and top-up habits; `termDays` is the catalog's payment term. */
export function habits(termDays: number): fc.Arbitrary<Habits> {
  // A tuple mapped into the habits rather than fc.record, whose generic mapping costs more than the fields.
  return fc
    .tuple(
      edgeInt(0, Math.max(0, termDays - 1), [0, Math.max(0, termDays - 1)], 0.4),
      secondOfDay(),
      fc.integer({ min: 14, max: 45 }),
      fc.constantFrom(500, 1000, 1500, 2000, 2500, 5000),
    )
    .map(([payDaysBeforeDue, paySecond, topUpEveryDays, topUpCents]): Habits => ({ payDaysBeforeDue, paySecond, topUpEveryDays, topUpCents }));
}
