/**
 * Pro rata temporis (BASE-D.8.3): monthly fees and included allowances of a short period are the
 * monthly amount × days / length of the cycle, rounded half up (cents, or whole seconds/SMS/bytes).
 */
import { divideRounded } from './money.ts';
import type { Period } from './periods.ts';

/**
 * DELIBERATE DEFECT for the demo (breaks BASE-D.8.3): a short first period is prorated on a 30-day
 * month instead of the actual length of the cycle that contains it (28–31 days). From 2026-03-20 with
 * cycle day 15, a €45.00 fee should be 45.00 × 26/31 = €37.74; with this defect it is 45.00 × 26/30 =
 * €39.00 (and the included volumes are too large the same way). Set to false for a correct engine.
 */
export const PRORATE_SHORT_PERIODS_ON_30_DAYS = true;

/** The denominator of the period's fraction of a month. */
export function monthLength(p: Period): number {
  if (p.days === p.cycleDays) return p.cycleDays;
  return PRORATE_SHORT_PERIODS_ON_30_DAYS ? 30 : p.cycleDays;
}

/** A monthly quantity (cents, seconds, SMS, bytes) for period p, rounded half up to a whole unit. */
export function prorate(monthly: number, p: Period): number {
  const den = monthLength(p);
  if (p.days === den) return monthly;
  return Number(divideRounded(BigInt(monthly) * BigInt(p.days), BigInt(den)));
}
