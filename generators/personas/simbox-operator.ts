import fc from 'fast-check';
import { z } from 'zod';
import { FAMILIES } from '../../src/domain/families.ts';
import type { Day } from '../../src/domain/time.ts';
import { instantOn } from '../calendar.ts';
import { maybe, officeSecond } from '../edges.ts';
import { horizonDay } from '../events/horizon-day.ts';
import { belgianMobile } from '../numbers.ts';
import type { Persona } from '../types.ts';
import { UsageFlag } from '../../src/domain/usage.ts';

const parameters = z.strictObject({
  minCallsPerDay: z.int().min(1).max(2_000).default(40).describe('fewest SIM-box calls a day'),
  maxCallsPerDay: z.int().min(1).max(2_000).default(250).describe('most SIM-box calls a day'),
  reportShare: z.number().min(0).max(1).default(0.5).describe('share of operators reported and suspended for fraud'),
});
type Params = z.output<typeof parameters>;

export interface SimboxShape {
  readonly line: number;
  readonly from: Day;
  readonly callsPerDay: number;
  readonly report: { readonly afterDays: number; readonly second: number; readonly suspend: boolean } | null;
}

/** Routes calls through a SIM box (GSM gateway): hundreds of short calls a day to Belgian numbers, from the gateway's IMEI. */
export const simboxOperator: Persona<SimboxShape, Params> = {
  id: 'simbox-operator',
  description: 'Puts a SIM in a SIM box (GSM gateway) and terminates hundreds of calls a day through it.',
  clauses: ['BASE-B.3.2.1', 'BASE-B.5', 'BASE-D.10.2.1', 'BASE-D.10.3.1.2'],
  parameters,
  families: FAMILIES,
  fitsText: 'any plan',
  drawsOn: ['lines', 'horizon'],
  arbitrary(ctx, p) {
    const mobiles = ctx.lines.filter((l) => l.kind === 'mobile').map((l) => l.index);
    return fc.record({
      line: fc.constantFrom(...mobiles),
      from: horizonDay(ctx, 0, Math.max(1, Math.floor(ctx.days / 2))),
      callsPerDay: fc.integer({ min: p.minCallsPerDay, max: Math.max(p.minCallsPerDay, p.maxCallsPerDay) }),
      report: maybe(fc.record({ afterDays: fc.integer({ min: 1, max: 60 }), second: officeSecond(), suspend: fc.boolean() }), p.reportShare),
    });
  },
  apply(s, life) {
    const ctx = life.ctx;
    if (ctx.lines[s.line]?.kind !== 'mobile') return;
    const line = ctx.lines[s.line]!;
    if (s.report) {
      const t = instantOn(s.from + s.report.afterDays, s.report.second);
      life.add(t, { type: 'abuse_report', kind: 'fraud', line: line.id });
      if (s.report.suspend) {
        life.add(t + 60, { type: 'suspension', by: 'operator', reason: 'fraud', notice: false, justified: true });
        life.block(t + 60, ctx.untilAt);
      }
    }
    let pool: Int32Array | undefined;
    let dests: Uint8Array | undefined;
    life.hook({
      day(d) {
        if (d.day < s.from) return;
        if (!pool) {
          const numbers: string[] = [];
          for (let i = 0; i < 200; i++) numbers.push(belgianMobile(d.rng));
          [pool, dests] = d.register(numbers);
        }
        const n = Math.round(s.callsPerDay * (0.7 + 0.6 * d.rng.float()));
        let t = d.dayStart + 6 * 3600;
        const end = d.dayStart + d.dayLength - 600;
        for (let i = 0; i < n && t < end; i++) {
          const k = d.rng.below(pool.length);
          const seconds = 20 + Math.floor(d.rng.exp(100));
          if (d.usable(s.line, t)) d.call(t, s.line, pool[k]!, dests![k]!, seconds, false, UsageFlag.SIMBOX, t, d.home);
          t += seconds + 5 + Math.floor(d.rng.float() * 120);
        }
      },
    });
  },
};
