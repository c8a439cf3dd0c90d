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
  // Integers in tenths and percents, divided when the profile is made: one arbitrary per field and one
  // mapping for all (this is drawn for every subscriber), and they shrink to round numbers.
  const int = (min: number, max: number) => fc.integer({ min, max });
  return fc
    .tuple(int(3, 30), int(1, 15), int(3, 25), int(30, 240), int(1, 40), int(20, 50), int(0, 10), int(0, 6), int(10, 60), int(2, 20), int(5, 30))
    .map(
      ([calls, sms, data, callMedianSeconds, dataMb, incoming, foreign, special, otherSims, dataSim, fixed]): UsageProfile => ({
        callsPerDay: calls / 10,
        smsPerDay: sms / 10,
        dataPerDay: data / 10,
        callMedianSeconds,
        dataMedianBytes: dataMb * 1_000_000,
        incomingShare: incoming / 100,
        foreignShare: foreign / 100,
        specialShare: special / 100,
        otherSims: otherSims / 100,
        dataSimPerDay: dataSim / 10,
        fixedPerDay: fixed / 10,
      }),
    );
}

/** The profile with every daily rate multiplied by `k` (durations and volumes unchanged). */
export function scaleProfile(p: UsageProfile, k: number): void {
  p.callsPerDay *= k;
  p.smsPerDay *= k;
  p.dataPerDay *= k;
  p.dataSimPerDay *= k;
  p.fixedPerDay *= k;
}
