import fc from 'fast-check';
import { z } from 'zod';
import { formatDate } from '../../src/domain/time.ts';
import { instantOn } from '../calendar.ts';
import { edgeInt, maybe, officeSecond, weighted } from '../edges.ts';
import type { Persona } from '../types.ts';

const parameters = z.strictObject({
  suspendShare: z.number().min(0).max(1).default(0.6).describe('share suspended by the operator for non-payment'),
  terminateShare: z.number().min(0).max(1).default(0.5).describe('share of suspended ones then terminated'),
  unjustifiedShare: z.number().min(0).max(1).default(0.1).describe('share of suspensions recorded as unjustified'),
});
type Params = z.output<typeof parameters>;

export interface NonPayerShape {
  /** The first statement never paid; every later one stays unpaid too. */
  readonly stopsAt: number;
  readonly suspension: {
    readonly afterDueDays: number;
    readonly second: number;
    readonly justified: boolean;
    readonly termination: { readonly afterDays: number; readonly noticeDays: number } | null;
  } | null;
}

/** Stops paying at some statement and never pays again; the operator may suspend, then terminate. */
export const nonPayer: Persona<NonPayerShape, Params> = {
  id: 'non-payer',
  description: 'Stops paying at some statement and never pays again; the operator may suspend, then terminate (BASE-D.10.2.1, D.10.3.1.1).',
  clauses: ['BASE-D.8.6', 'BASE-D.10.2.1', 'BASE-D.10.3.1.1', 'BASE-D.10.3.1.4', 'BASE-C.4'],
  parameters,
  families: ['CLIC', 'CLIC_BUREAU', 'BASE_SUBSCRIPTION'],
  fitsText: 'subscriptions (prepaid is never invoiced)',
  needs: { manualPayment: true },
  drawsOn: ['statements'],
  arbitrary(ctx, p) {
    const n = ctx.statements.length;
    return fc.record({
      stopsAt: edgeInt(0, Math.max(0, n - 1), [0, n - 1], 0.3),
      suspension: maybe(
        fc.record({
          afterDueDays: edgeInt(1, 60, [14, 15, 30], 0.5),
          second: officeSecond(),
          justified: weighted([[true, Math.max(1, Math.round(100 * (1 - p.unjustifiedShare)))], [false, Math.max(1, Math.round(100 * p.unjustifiedShare))]]),
          termination: maybe(fc.record({ afterDays: edgeInt(1, 45, [14, 15], 0.5), noticeDays: edgeInt(0, 30, [15], 0.6) }), p.terminateShare),
        }),
        p.suspendShare,
      ),
    });
  },
  apply(s, life) {
    const statements = life.ctx.statements;
    for (let i = s.stopsAt; i < statements.length; i++) life.payments[i] = { kind: 'none' };
    const first = statements[s.stopsAt];
    if (!first || !s.suspension) return;
    const t = instantOn(first.due + s.suspension.afterDueDays, s.suspension.second);
    life.add(t, { type: 'suspension', by: 'operator', reason: 'non_payment', notice: true, justified: s.suspension.justified });
    life.block(t, life.ctx.untilAt);
    const term = s.suspension.termination;
    if (term) {
      const day = first.due + s.suspension.afterDueDays + term.afterDays;
      const effective = day + term.noticeDays;
      life.add(instantOn(day, s.suspension.second), {
        type: 'termination',
        by: 'operator',
        reason: 'non_payment',
        ...(term.noticeDays > 0 ? { effectiveOn: formatDate(effective) } : {}),
      });
      life.end(term.noticeDays > 0 ? instantOn(effective, 0) : instantOn(day, s.suspension.second), 'termination');
    }
  },
};
