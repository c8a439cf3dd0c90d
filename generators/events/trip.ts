/**
 * A trip abroad: where (an EU-zone country, CLIC-2.2, or the rest of the world), from which day and
 * for how many days. Trips lean to crossing a billing-period boundary, where allowances reset.
 */
import fc from 'fast-check';
import type { Day } from '../../src/domain/time.ts';
import { ymdOfDay, dayFromYmd } from '../../src/domain/time.ts';
import type { BuildContext } from '../types.ts';
import { horizonDay } from './horizon-day.ts';

export const EU_DESTINATIONS = ['FR', 'ES', 'IT', 'NL', 'DE', 'PT', 'GR', 'AT', 'HR', 'IE', 'SE', 'NO', 'PL', 'LU', 'CY', 'MT', 'RE'] as const;
export const WORLD_DESTINATIONS = ['US', 'GB', 'CH', 'TR', 'MA', 'TH', 'JP', 'CA', 'AE', 'TN', 'SN', 'CD', 'BR', 'IN', 'MC', 'AD'] as const;

export interface TripShape {
  readonly from: Day;
  readonly days: number;
  readonly country: string;
}

export interface TripOptions {
  readonly minDays: number;
  readonly maxDays: number;
  /** Share of trips outside the EU zone (0–1). */
  readonly worldShare: number;
  /** Only from these days (e.g. the summer); default: the whole horizon. */
  readonly window?: { readonly from: Day; readonly to: Day };
}

/** Destinations by share of the rest of the world, made once each (trips are drawn for most subscribers). */
const destinations = new Map<number, fc.Arbitrary<string>>();

function destination(worldShare: number): fc.Arbitrary<string> {
  const w = Math.round(worldShare * 100);
  let arb = destinations.get(w);
  if (!arb) destinations.set(w, (arb = destinationFor(w)));
  return arb;
}

function destinationFor(w: number): fc.Arbitrary<string> {
  if (w <= 0) return fc.constantFrom(...EU_DESTINATIONS);
  if (w >= 100) return fc.constantFrom(...WORLD_DESTINATIONS);
  return fc.oneof({ weight: 100 - w, arbitrary: fc.constantFrom(...EU_DESTINATIONS) }, { weight: w, arbitrary: fc.constantFrom(...WORLD_DESTINATIONS) });
}

/** One trip inside the horizon. */
export function trip(ctx: BuildContext, o: TripOptions): fc.Arbitrary<TripShape> {
  const from = o.window ? Math.max(0, o.window.from - ctx.start) : 0;
  const to = o.window ? Math.max(from + 1, o.window.to - ctx.start) : ctx.days;
  // A tuple mapped into the trip rather than fc.record, whose generic mapping costs more than the fields.
  return fc
    .tuple(horizonDay(ctx, from, to, 0.2), fc.integer({ min: o.minDays, max: Math.max(o.minDays, o.maxDays) }), destination(o.worldShare))
    .map(([day, days, country]): TripShape => ({ from: day, days, country }));
}

/** The summers (1 July – 31 August) that overlap the horizon, as windows of start days. */
export function summers(ctx: BuildContext): Array<{ from: Day; to: Day }> {
  const out: Array<{ from: Day; to: Day }> = [];
  const first = ymdOfDay(ctx.start).year;
  const last = ymdOfDay(ctx.until).year;
  for (let y = first; y <= last; y++) {
    const from = Math.max(dayFromYmd(y, 7, 1), ctx.start);
    const to = Math.min(dayFromYmd(y, 9, 1), ctx.until);
    if (to > from) out.push({ from, to });
  }
  return out;
}
