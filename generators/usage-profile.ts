/**
 * How much and how a subscriber uses the phone day to day (about 100 records a month on average, in line
 * with Belgian averages of some 50 calls, 25 SMS and a few GB of data a month): calls, SMS and data sessions a day, typical
 * durations and volumes, and the share of received, foreign and special calls. Values are drawn on a
 * grid (tenths, percents) so they shrink to round numbers.
 */
import fc from 'fast-check';
import type { UsageProfile } from './types.ts';

/** An everyday subscriber's usage profile. */
export function usageProfile(): fc.Arbitrary<UsageProfile> {
  const tenths = (min: number, max: number) => fc.integer({ min: min * 10, max: max * 10 }).map((n) => n / 10);
  const percent = (min: number, max: number) => fc.integer({ min, max }).map((n) => n / 100);
  return fc.record({
    callsPerDay: tenths(0.3, 3),
    smsPerDay: tenths(0.1, 1.5),
    dataPerDay: tenths(0.3, 2.5),
    callMedianSeconds: fc.integer({ min: 30, max: 240 }),
    dataMedianBytes: fc.integer({ min: 1, max: 40 }).map((mb) => mb * 1_000_000),
    incomingShare: percent(20, 50),
    foreignShare: percent(0, 10),
    specialShare: percent(0, 6),
    otherSims: percent(10, 60),
    dataSimPerDay: tenths(0.2, 2),
    fixedPerDay: tenths(0.5, 3),
  });
}

/** The profile with every daily rate multiplied by `k` (durations and volumes unchanged). */
export function scaleProfile(p: UsageProfile, k: number): void {
  p.callsPerDay *= k;
  p.smsPerDay *= k;
  p.dataPerDay *= k;
  p.dataSimPerDay *= k;
  p.fixedPerDay *= k;
}
