import fc from 'fast-check';
import { z } from 'zod';
import { FAMILIES } from '../../src/domain/families.ts';
import type { Day } from '../../src/domain/time.ts';
import { addMonths, instantOn } from '../calendar.ts';
import { edgeInt, secondOfDay, unitDelta, weighted } from '../edges.ts';
import { horizonDay } from '../events/horizon-day.ts';
import type { Persona } from '../types.ts';

const parameters = z.strictObject({});
type Params = z.output<typeof parameters>;

export interface NumberPorterShape {
  /** Port at once, or end the contract first and port the number later (BASE-B.2.2: it is kept one month). */
  readonly mode: 'port' | 'terminate-then-port';
  readonly day: Day;
  readonly second: number;
  /** Days around one month after the end (−1, 0, +1) for a later port. */
  readonly portDelta: -1 | 0 | 1;
  /** Prepaid: days around one month after the port for the refund request (BASE-B.1.2.3), or null. */
  readonly refundDelta: number | null;
}

/** Ports the number to another operator, at once or after ending the contract, around the one-month limits. */
export const numberPorter: Persona<NumberPorterShape, Params> = {
  id: 'number-porter',
  description: 'Ports the number out, or ends the contract and ports a month later (±1 day); on prepaid asks for the credit back (BASE-B.2.2, B.1.2.3).',
  clauses: ['BASE-B.2.2', 'BASE-B.1.2.3', 'BASE-C.5', 'BASE-D.10.3.2.1', 'CLIC-5.1'],
  parameters,
  families: FAMILIES,
  fitsText: 'any plan',
  drawsOn: ['horizon'],
  arbitrary: (ctx) =>
    fc.record({
      mode: weighted([['port', 3], ['terminate-then-port', 2]] as const),
      day: horizonDay(ctx, 1),
      second: secondOfDay(),
      portDelta: unitDelta(),
      refundDelta: fc.oneof({ weight: 3, arbitrary: edgeInt(-20, 5, [-1, 0, 1], 0.7) as fc.Arbitrary<number | null> }, { weight: 1, arbitrary: fc.constant(null) }),
    }),
  apply(s, life) {
    const t = instantOn(s.day, s.second);
    let portAt = t;
    if (s.mode === 'port') {
      life.add(t, { type: 'port_out' });
      life.end(t, 'port_out');
    } else {
      life.add(t, { type: 'termination', by: 'client', reason: 'client_choice' });
      life.end(t, 'termination');
      portAt = instantOn(addMonths(s.day, 1) + s.portDelta, s.second);
      life.add(portAt, { type: 'port_out' });
    }
    if (life.ctx.family === 'BASE_PREPAID' && s.refundDelta !== null) {
      const day = addMonths(s.day + Math.floor((portAt - t) / 86_400), 1) + s.refundDelta;
      life.add(Math.max(portAt + 60, instantOn(day, 11 * 3600)), { type: 'refund_request' });
    }
  },
};
