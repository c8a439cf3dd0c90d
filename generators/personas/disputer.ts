import fc from 'fast-check';
import { z } from 'zod';
import { formatDate } from '../../src/domain/time.ts';
import { addMonths, instantOn } from '../calendar.ts';
import { edgeInt, secondOfDay, unitDelta } from '../edges.ts';
import type { Persona } from '../types.ts';

const parameters = z.strictObject({
  maxDisputes: z.int().min(1).max(24).default(3).describe('most statements disputed'),
  justifiedShare: z.number().min(0).max(1).default(0.3).describe('share of disputes found justified'),
});
type Params = z.output<typeof parameters>;

export interface DisputeShape {
  readonly statement: number;
  /** Days around the one-month deadline (−1, 0, +1), or null: `days` after the statement. */
  readonly aroundDeadline: number | null;
  readonly days: number;
  readonly second: number;
  readonly percent: number;
  readonly justified: boolean;
  /** Pays only the undisputed part (BASE-D.8.8), or nothing, instead of the whole statement. */
  readonly pays: 'all' | 'undisputed' | 'nothing';
}

/** Disputes statements, around the one-month deadline of BASE-D.8.8, paying all, the undisputed part or nothing. */
export const disputer: Persona<DisputeShape[], Params> = {
  id: 'disputer',
  description: 'Disputes statements around the one-month deadline (BASE-D.8.8), paying the whole, the undisputed part or nothing.',
  clauses: ['BASE-D.8.8', 'BASE-D.8.9', 'BASE-D.8.6'],
  parameters,
  families: ['CLIC', 'CLIC_BUREAU', 'BASE_SUBSCRIPTION'],
  fitsText: 'subscriptions (prepaid is never invoiced)',
  needs: { manualPayment: true },
  drawsOn: ['statements'],
  arbitrary(ctx, p) {
    const n = ctx.statements.length;
    const j = Math.max(1, Math.round(p.justifiedShare * 100));
    return fc.uniqueArray(
      fc.record({
        statement: edgeInt(0, Math.max(0, n - 1), [0], 0.2),
        aroundDeadline: fc.oneof({ weight: 3, arbitrary: unitDelta() as fc.Arbitrary<number | null> }, { weight: 1, arbitrary: fc.constant(null) }),
        days: fc.integer({ min: 1, max: 40 }),
        second: secondOfDay(),
        percent: edgeInt(1, 100, [100], 0.2),
        justified: fc.oneof({ weight: j, arbitrary: fc.constant(true) }, { weight: 101 - j, arbitrary: fc.constant(false) }),
        pays: fc.constantFrom('all' as const, 'undisputed' as const, 'nothing' as const),
      }),
      { minLength: 1, maxLength: p.maxDisputes, selector: (d) => d.statement },
    );
  },
  apply(disputes, life) {
    for (const d of disputes) {
      const s = life.ctx.statements[d.statement];
      if (!s) continue;
      const day = d.aroundDeadline === null ? s.issued + d.days : addMonths(s.issued, 1) + d.aroundDeadline;
      const amountCents = Math.max(1, Math.round((s.feeCents * d.percent) / 100));
      const t = instantOn(day, d.second);
      life.add(t, { type: 'dispute', statement: formatDate(s.issued), amountCents, justified: d.justified });
      if (d.pays === 'nothing') life.payments[s.index] = { kind: 'none' };
      else if (d.pays === 'undisputed') {
        life.payments[s.index] = { kind: 'none' };
        if (s.feeCents > amountCents) life.add(instantOn(s.due, d.second), { type: 'payment', statement: formatDate(s.issued), amountCents: s.feeCents - amountCents });
      }
    }
  },
};
