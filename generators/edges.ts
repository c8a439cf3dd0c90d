/**
 * Edge bias: the terms draw lines (an allowance, 30,000 minutes, 300 GB, 14 days, €150.00, the sixth
 * month); generators lean towards them. Each helper is an arbitrary that draws a boundary value often
 * and any value otherwise, so both the corners and the ordinary cases are reached.
 */
import fc from 'fast-check';

/** An integer in [min, max] that is one of `edges` (those in range) with probability `share`. */
export function edgeInt(min: number, max: number, edges: readonly number[], share = 0.5): fc.Arbitrary<number> {
  const inRange = [...new Set(edges.filter((e) => e >= min && e <= max))];
  const any = fc.integer({ min, max });
  if (inRange.length === 0) return any;
  const w = Math.max(1, Math.round(share * 100));
  return fc.oneof({ weight: w, arbitrary: fc.constantFrom(...inRange) }, { weight: 100 - w || 1, arbitrary: any });
}

/** One unit below, exactly at, or one unit above a boundary: −1, 0 or +1. */
export function unitDelta(): fc.Arbitrary<-1 | 0 | 1> {
  return fc.constantFrom(-1 as const, 0 as const, 1 as const);
}

/** A second of the day, leaning to the first and last seconds (a period's last instant, midnight). */
export function secondOfDay(): fc.Arbitrary<number> {
  return edgeInt(0, 86_399, [0, 1, 86_398, 86_399], 0.1);
}

/** A working-hours second of the day (08:00–19:00). */
export function officeSecond(): fc.Arbitrary<number> {
  return fc.integer({ min: 8 * 3600, max: 19 * 3600 - 1 });
}

/** A weighted choice among constants: [[value, weight], …] with integer weights. */
export function weighted<T>(entries: ReadonlyArray<readonly [T, number]>): fc.Arbitrary<T> {
  return fc.oneof(...entries.map(([v, w]) => ({ weight: w, arbitrary: fc.constant(v) })));
}

/** `arb` with probability `share`, else null. */
export function maybe<T>(arb: fc.Arbitrary<T>, share: number): fc.Arbitrary<T | null> {
  const w = Math.round(share * 100);
  if (w <= 0) return fc.constant(null);
  if (w >= 100) return arb;
  return fc.oneof({ weight: 100 - w, arbitrary: fc.constant(null) }, { weight: w, arbitrary: arb });
}
