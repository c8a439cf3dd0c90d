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
  const edges: number[] = [];
  for (const p of ctx.periods) edges.push(p.start, p.end - 1);
  return edgeInt(lo, hi, edges, share);
}
