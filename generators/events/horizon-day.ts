/**
 * A day of the subscriber's horizon, leaning to the edges of billing periods (a period's first and last
 * day), where proration, allowances and statements change (BASE-D.8.3).
 */
import fc from 'fast-check';
import type { Day } from '../../src/domain/time.ts';
import { edgeInt } from '../edges.ts';
import type { BuildContext } from '../types.ts';

/** A day in [start + from, start + to) (offsets in days from the activation), leaning to period edges. */
export function horizonDay(ctx: BuildContext, from = 0, to = ctx.days, share = 0.3): fc.Arbitrary<Day> {
  const lo = ctx.start + Math.max(0, Math.min(from, ctx.days - 1));
  const hi = Math.max(lo, ctx.start + Math.min(to, ctx.days) - 1);
  // An indexed loop into an array of the right size: personas build this for every subscriber, some several times.
  const periods = ctx.periods;
  const edges = new Array<number>(2 * periods.length);
  for (let i = 0; i < periods.length; i++) {
    edges[2 * i] = periods[i]!.start;
    edges[2 * i + 1] = periods[i]!.end - 1;
  }
  return edgeInt(lo, hi, edges, share);
}
