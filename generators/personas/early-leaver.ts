import fc from 'fast-check';
import { z } from 'zod';
import type { Day } from '../../src/domain/time.ts';
import { addMonths, instantOn } from '../calendar.ts';
import { secondOfDay, unitDelta } from '../edges.ts';
import { horizonDay } from '../events/horizon-day.ts';
import type { Persona } from '../types.ts';

const parameters = z.strictObject({
  boundaryShare: z.number().min(0).max(1).default(0.6).describe('share leaving the day before, on, or the day after the end of the device\'s minimum period'),
  portShare: z.number().min(0).max(1).default(0.3).describe('share leaving by porting the number out'),
});
type Params = z.output<typeof parameters>;

export interface EarlyLeaverShape {
  readonly aroundMinimum: -1 | 0 | 1 | null;
  readonly day: Day;
  readonly second: number;
  readonly port: boolean;
}

/** Leaves a subscription that came with a device discount, around or before the end of its minimum period. */
export const earlyLeaver: Persona<EarlyLeaverShape, Params> = {
  id: 'early-leaver',
  description: 'Ends a subscription that came with a discounted device before (or just at) the end of its minimum period (CLIC-5.1, BASE-D.10.3.2.3).',
  clauses: ['CLIC-5.1', 'BASE-D.10.3.2.3', 'BASE-D.10.3.2.1', 'BASE-B.2.2'],
  parameters,
  families: ['CLIC', 'CLIC_BUREAU', 'BASE_SUBSCRIPTION'],
  fitsText: 'subscriptions (a device discount is tied to one)',
  needs: { device: true },
  drawsOn: ['horizon'],
  arbitrary(ctx, p) {
    const b = Math.max(1, Math.round(p.boundaryShare * 100));
    const port = Math.round(p.portShare * 100);
    return fc.record({
      aroundMinimum: fc.oneof({ weight: b, arbitrary: unitDelta() as fc.Arbitrary<-1 | 0 | 1 | null> }, { weight: 101 - b, arbitrary: fc.constant(null) }),
      day: horizonDay(ctx, 1),
      second: secondOfDay(),
      port: port <= 0 ? fc.constant(false) : port >= 100 ? fc.constant(true) : fc.oneof({ weight: 100 - port, arbitrary: fc.constant(false) }, { weight: port, arbitrary: fc.constant(true) }),
    });
  },
  apply(s, life) {
    const { ctx } = life;
    let day = s.day;
    if (s.aroundMinimum !== null && ctx.device) {
      const edge = addMonths(ctx.start, ctx.device.minimumMonths) + s.aroundMinimum;
      if (edge > ctx.start && edge < ctx.until) day = edge;
    }
    const t = instantOn(day, s.second);
    if (s.port) {
      life.add(t, { type: 'port_out' });
      life.end(t, 'port_out');
    } else {
      life.add(t, { type: 'termination', by: 'client', reason: 'client_choice' });
      life.end(t, 'termination');
    }
  },
};
