/**
 * A lost, stolen or broken SIM (BASE-B.3.1.3, B.3.2.4): when it goes, how long before the client asks to
 * suspend, when the new SIM comes, and after how many working days the suspension is lifted, leaning to
 * the fifth (the deadline) and the sixth (a day of fee not due).
 */
import fc from 'fast-check';
import type { Day } from '../../src/domain/time.ts';
import { edgeInt, secondOfDay } from '../edges.ts';
import type { BuildContext } from '../types.ts';
import { horizonDay } from './horizon-day.ts';

export interface SimLossShape {
  readonly line: number;
  readonly day: Day;
  readonly second: number;
  readonly cause: 'lost' | 'stolen' | 'damaged';
  /** Hours between the loss and the call asking to suspend (the client pays usage until then). */
  readonly reportAfterHours: number;
  /** Days from the report to the new SIM. */
  readonly replacedAfterDays: number;
  /** Working days from the new SIM to the lifting of the suspension. */
  readonly liftAfterWorkingDays: number;
}

/** One SIM loss on a mobile line of the contract. */
export function simLoss(ctx: BuildContext): fc.Arbitrary<SimLossShape> {
  const mobiles = ctx.lines.filter((l) => l.kind === 'mobile').map((l) => l.index);
  return fc.record({
    line: fc.constantFrom(...mobiles),
    day: horizonDay(ctx, 0, Math.max(1, ctx.days - 20)),
    second: secondOfDay(),
    cause: fc.constantFrom('lost' as const, 'stolen' as const, 'damaged' as const),
    reportAfterHours: edgeInt(0, 96, [0, 1, 24], 0.4),
    replacedAfterDays: edgeInt(0, 14, [1, 2], 0.4),
    liftAfterWorkingDays: edgeInt(1, 12, [5, 6], 0.7),
  });
}
