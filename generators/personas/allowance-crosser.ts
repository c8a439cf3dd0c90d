import fc from 'fast-check';
import { z } from 'zod';
import type { Plan } from '../../src/domain/catalog.ts';
import { edgeInt, unitDelta } from '../edges.ts';
import type { Persona } from '../types.ts';
import { aimHook, type Aim } from '../usage/aim.ts';

const parameters = z.strictObject({
  periodShare: z.number().min(0).max(1).default(0.5).describe('share of billing periods in which the allowance is pushed to its end'),
  exactShare: z.number().min(0).max(1).default(0.75).describe('share of those ending one unit short of, exactly at, or one unit past it'),
});
type Params = z.output<typeof parameters>;

const SERVICES = ['calls', 'SMS', 'data'] as const;
const flat = (plan: Plan) => [0, 1, 2].filter((s) => plan.allowances[s]! > 0 && plan.allowances[s] !== Infinity);

export interface AllowanceCrosserShape {
  readonly service: number;
  readonly periods: ReadonlyArray<{ readonly period: number; readonly delta: number; readonly percentOver: number }>;
}

/** Uses a flat pack allowance to its end: one unit short, exactly, one unit past, or well past (CLIC-2.1). */
export const allowanceCrosser: Persona<AllowanceCrosserShape, Params> = {
  id: 'allowance-crosser',
  description: 'Uses a flat allowance of the pack (minutes, SMS or data) to its last unit, or just past it.',
  clauses: ['CLIC-2.1', 'CLIC-2.4', 'BASE-D.7.1', 'BASE-D.7.2', 'BASE-D.8.3', 'BASE-D.6.1.3'],
  parameters,
  families: ['CLIC', 'CLIC_BUREAU', 'BASE_SUBSCRIPTION'],
  fitsPlan: (plan) => flat(plan).length > 0,
  fitsText: 'plans with a flat (not unlimited) allowance',
  drawsOn: ['plan', 'horizon'],
  arbitrary(ctx, p) {
    const services = flat(ctx.plan);
    const n = ctx.periods.length;
    const w = Math.max(1, Math.round(p.exactShare * 100));
    const episode = fc.record({
      period: edgeInt(0, n - 1, [0, n - 1], 0.2),
      delta: unitDelta(),
      percentOver: fc.oneof({ weight: w, arbitrary: fc.constant(0) }, { weight: 101 - w, arbitrary: fc.integer({ min: 1, max: 60 }) }),
    });
    return fc.record({
      service: services.length > 0 ? fc.constantFrom(...services) : fc.constant(2),
      periods: fc.uniqueArray(episode, { minLength: 1, maxLength: Math.max(1, Math.ceil(n * p.periodShare)), selector: (e) => e.period }),
    });
  },
  apply(shape, life) {
    if (!flat(life.ctx.plan).includes(shape.service)) return;
    const aims: Aim[] = shape.periods.map((e) => ({ ...e, service: shape.service, fair: -1, line: -1 }));
    life.hook(aimHook(aims));
  },
};
export const SERVICE_NAMES = SERVICES;
