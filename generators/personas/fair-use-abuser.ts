import fc from 'fast-check';
import { z } from 'zod';
import type { Plan } from '../../src/domain/catalog.ts';
import { edgeInt, unitDelta } from '../edges.ts';
import { EU_DESTINATIONS } from '../events/trip.ts';
import type { BuildContext, Persona } from '../types.ts';
import { aimHook, type Aim } from '../usage/aim.ts';
import { Fair } from '../usage/meter.ts';

const parameters = z.strictObject({
  periodShare: z.number().min(0).max(1).default(0.4).describe('share of whole billing periods in which a limit is pushed'),
  exactShare: z.number().min(0).max(1).default(0.75).describe('share of those ending one unit short of, at, or one unit past the limit'),
});
type Params = z.output<typeof parameters>;

/** The CLIC-2.3 counters an unlimited plan has, with the lines each applies to. */
function counters(plan: Plan): number[] {
  const out: number[] = [];
  if (plan.allowances[0] === Infinity) out.push(Fair.CALL);
  if (plan.allowances[1] === Infinity) out.push(Fair.SMS);
  if (plan.allowances[2] === Infinity) {
    out.push(Fair.DATA_BE);
    if (plan.includedInEu) out.push(Fair.DATA_EU);
  }
  return out;
}

function linesFor(ctx: BuildContext, fair: number): number[] {
  return ctx.lines.filter((l) => l.kind === 'mobile' || (l.kind === 'data' && fair >= Fair.DATA_BE)).map((l) => l.index);
}

export interface FairUseShape {
  readonly fair: number;
  readonly line: number;
  readonly country: string;
  readonly periods: ReadonlyArray<{ readonly period: number; readonly delta: number; readonly percentOver: number }>;
}

/** Pushes an unlimited service past CLIC-2.3's limits: 30,000 minutes or SMS, 300 GB in Belgium, 100 GB in the EU zone per SIM. */
export const fairUseAbuser: Persona<FairUseShape, Params> = {
  id: 'fair-use-abuser',
  description: 'Pushes an unlimited service to CLIC-2.3\'s limits (30,000 min, 30,000 SMS, 300 GB BE, 100 GB EU per SIM), often to the unit.',
  clauses: ['CLIC-2.3', 'CLIC-2.4', 'BASE-D.6.3', 'BASE-D.10.2.1'],
  parameters,
  families: ['CLIC', 'CLIC_BUREAU', 'BASE_SUBSCRIPTION'],
  fitsPlan: (plan) => counters(plan).length > 0,
  fitsText: 'plans with an unlimited service',
  drawsOn: ['plan', 'lines', 'horizon'],
  arbitrary(ctx, p) {
    const whole = ctx.periods.filter((q) => q.days >= 27 && q.end <= ctx.until).map((q) => q.index);
    const w = Math.max(1, Math.round(p.exactShare * 100));
    const cs = counters(ctx.plan);
    return fc.constantFrom(...(cs.length > 0 ? cs : [Fair.CALL])).chain((fair) =>
      fc.record({
        fair: fc.constant(fair),
        line: fc.constantFrom(...linesFor(ctx, fair)),
        country: fc.constantFrom(...EU_DESTINATIONS),
        periods:
          whole.length === 0
            ? fc.constant([])
            : fc.uniqueArray(
                fc.record({
                  period: fc.constantFrom(...whole),
                  delta: unitDelta(),
                  percentOver: fc.oneof({ weight: w, arbitrary: fc.constant(0) }, { weight: 101 - w, arbitrary: edgeInt(1, 30, [1], 0.2) }),
                }),
                { minLength: 1, maxLength: Math.max(1, Math.ceil(whole.length * p.periodShare)), selector: (e) => e.period },
              ),
      }),
    );
  },
  apply(shape, life) {
    const ctx = life.ctx;
    if (!counters(ctx.plan).includes(shape.fair) || !linesFor(ctx, shape.fair).includes(shape.line)) return;
    const service = shape.fair >= Fair.DATA_BE ? 2 : shape.fair;
    // The EU-zone limit needs the SIM in the EU zone the whole period.
    if (shape.fair === Fair.DATA_EU) for (const e of shape.periods) life.trip(ctx.periods[e.period]!.start, ctx.periods[e.period]!.end, shape.country);
    const aims: Aim[] = shape.periods.map((e) => ({ ...e, service, fair: shape.fair, line: shape.line }));
    life.hook(aimHook(aims));
  },
};
