import fc from 'fast-check';
import { z } from 'zod';
import type { Catalog, Plan } from '../../src/domain/catalog.ts';
import { instantOn } from '../calendar.ts';
import { edgeInt, maybe, secondOfDay, weighted } from '../edges.ts';
import type { BuildContext, Persona } from '../types.ts';

const parameters = z.strictObject({
  maxChanges: z.int().min(1).max(12).default(3).describe('most plan changes'),
  samePeriodPairShare: z.number().min(0).max(1).default(0.3).describe('share making an upgrade then a downgrade in one billing period (CLIC-2.6 forbids it)'),
});
type Params = z.output<typeof parameters>;

/** Plans of the same family the contract's lines fit on. */
function targets(catalog: Catalog, plan: Plan, mobiles: number, dataSim: boolean): Plan[] {
  return [...catalog.plans.values()].filter((p) => p.id !== plan.id && p.family === plan.family && p.mobileSims >= mobiles && (!dataSim || p.dataSim));
}
function targetsOf(ctx: BuildContext): Plan[] {
  return targets(ctx.catalog, ctx.plan, ctx.lines.filter((l) => l.kind === 'mobile').length, ctx.lines.some((l) => l.kind === 'data'));
}

/** Whether `to` has more mobile data than `from` (CLIC-2.6's upgrade). */
export function isUpgrade(from: Plan, to: Plan): boolean {
  return to.allowances[2]! > from.allowances[2]!;
}

export interface PlanChange {
  readonly period: number;
  readonly position: 'first' | 'last' | 'any';
  readonly offset: number;
  readonly second: number;
  readonly plan: string;
}

export interface PlanSwitcherShape {
  readonly changes: readonly PlanChange[];
  /** An upgrade followed by a downgrade back in the same period. */
  readonly pair: { readonly period: number; readonly first: number; readonly gapDays: number; readonly second: number; readonly up: string } | null;
}

/** Moves between plans of its family: upgrades at once, downgrades, sometimes both in one period. */
export const planSwitcher: Persona<PlanSwitcherShape, Params> = {
  id: 'plan-switcher',
  description: 'Changes plan within its family: upgrades, downgrades on a period\'s first or last day, sometimes an upgrade and a downgrade in one period (CLIC-2.6).',
  clauses: ['CLIC-2.6', 'BASE-D.8.3', 'BASE-D.6.5', 'BASE-D.10.3.2.3'],
  parameters,
  families: ['CLIC', 'CLIC_BUREAU', 'BASE_SUBSCRIPTION'],
  fitsPlan: (plan, catalog) => targets(catalog, plan, 1, false).length > 0,
  fitsText: 'plans with another plan of the same family in the catalog',
  drawsOn: ['plan', 'lines', 'horizon'],
  arbitrary(ctx, p) {
    const ts = targetsOf(ctx);
    const n = ctx.periods.length;
    if (ts.length === 0) return fc.constant({ changes: [], pair: null });
    const ups = ts.filter((t) => isUpgrade(ctx.plan, t)).map((t) => t.id);
    const change = fc.record({
      period: edgeInt(0, n - 1, [0, 1, n - 1], 0.3),
      position: weighted([['first', 1], ['last', 1], ['any', 2]] as const),
      offset: fc.integer({ min: 0, max: 30 }),
      second: secondOfDay(),
      plan: fc.constantFrom(...ts.map((t) => t.id)),
    });
    return fc.record({
      changes: fc.array(change, { minLength: 1, maxLength: p.maxChanges }),
      pair:
        ups.length === 0
          ? fc.constant(null)
          : maybe(
              fc.record({ period: fc.integer({ min: 0, max: n - 1 }), first: fc.integer({ min: 0, max: 20 }), gapDays: edgeInt(0, 10, [0, 1], 0.5), second: secondOfDay(), up: fc.constantFrom(...ups) }),
              p.samePeriodPairShare,
            ),
    });
  },
  apply(s, life) {
    const { ctx } = life;
    const ok = new Set(targetsOf(ctx).map((t) => t.id));
    let current = ctx.plan.id;
    const changes = s.changes
      .map((c) => {
        const period = ctx.periods[c.period];
        if (!period) return null;
        const day = c.position === 'first' ? period.start : c.position === 'last' ? period.end - 1 : period.start + (c.offset % period.days);
        return { day, second: c.second, plan: c.plan };
      })
      .filter((c): c is { day: number; second: number; plan: string } => c !== null)
      .sort((a, b) => a.day - b.day || a.second - b.second);
    for (const c of changes) {
      if (!ok.has(c.plan) && c.plan !== ctx.plan.id) continue;
      if (c.plan === current) continue;
      life.add(instantOn(c.day, c.second), { type: 'plan_change', plan: c.plan });
      current = c.plan;
    }
    if (s.pair) {
      const period = ctx.periods[s.pair.period];
      if (!period) return;
      const up = Math.min(period.end - 1, period.start + s.pair.first);
      const down = Math.min(period.end - 1, up + s.pair.gapDays);
      const t = instantOn(up, s.pair.second);
      life.add(t, { type: 'plan_change', plan: s.pair.up });
      life.add(Math.max(t + 60, instantOn(down, s.pair.second)), { type: 'plan_change', plan: ctx.plan.id });
    }
  },
};
