/**
 * An announced change of conditions (BASE-D.11.1, D.10.3.2.4): when it is announced and how long before
 * it takes effect, leaning to exactly one month (the minimum notice) and one day short of it.
 */
import fc from 'fast-check';
import type { Day } from '../../src/domain/time.ts';
import { edgeInt, secondOfDay, weighted } from '../edges.ts';
import type { BuildContext } from '../types.ts';
import { horizonDay } from './horizon-day.ts';

export interface ChangeNoticeShape {
  readonly day: Day;
  readonly second: number;
  /** Days around "one month later" the change takes effect (0: exactly a month; −1: a day short of the notice). */
  readonly noticeDelta: number;
  readonly kind: 'price_increase' | 'other' | 'beneficial' | 'administrative' | 'legal' | 'cpi_indexation';
  /** Tenths of a percent of fee change. */
  readonly permille: number;
  /** The change concerns one add-on only. */
  readonly optionOnly: boolean;
}

/** A change announced on a day of the horizon (leaving room for what follows it). */
export function changeNotice(ctx: BuildContext): fc.Arbitrary<ChangeNoticeShape> {
  return fc.record({
    day: horizonDay(ctx, 0, Math.max(1, ctx.days - 40)),
    second: secondOfDay(),
    noticeDelta: edgeInt(-3, 45, [-1, 0, 1], 0.7),
    kind: weighted([
      ['price_increase', 6],
      ['other', 1],
      ['beneficial', 1],
      ['administrative', 1],
      ['legal', 1],
      ['cpi_indexation', 1],
    ] as const),
    permille: fc.integer({ min: 5, max: 150 }),
    optionOnly: weighted([[false, 4], [true, 1]]),
  });
}
