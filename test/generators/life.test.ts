import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { instantOn } from '../../generators/calendar.ts';
import { Life } from '../../generators/life.ts';
import { buildContext, populationPlan } from '../../generators/subscriber.ts';
import { catalog, scenarioOf } from './helpers.ts';

describe('a life', () => {
  const plan = populationPlan(scenarioOf([{ personas: ['everyday-user'], plans: ['base-plus'] }], { months: 3 }), catalog);
  const shape = fc.sample(plan.entries[0]!.shape, { numRuns: 1, seed: 3 })[0]!;
  const ctx = buildContext(plan, shape.contract);

  it('puts account events in time order and keeps only payments, disputes and a port-out after the end', () => {
    const life = new Life(ctx, shape.profile, shape.habits);
    const d = ctx.start + 20;
    life.add(instantOn(d + 5, 0), { type: 'plan_change', plan: 'base-light' });
    life.add(instantOn(d, 3600), { type: 'termination', by: 'client', reason: 'client_choice' });
    life.end(instantOn(d, 3600), 'termination');
    life.add(instantOn(d + 2, 0), { type: 'port_out' });
    life.add(instantOn(d + 1, 0), { type: 'payment' });
    life.add(instantOn(d + 3, 0), { type: 'death' });
    life.add(instantOn(d - 1, 0), { type: 'top_up', amountCents: 500 });
    expect(life.finish().map((e) => e.type)).toEqual(['top_up', 'termination', 'payment', 'port_out']);
  });

  it('keeps the relative\'s termination after a death, and drops events outside the horizon', () => {
    const life = new Life(ctx, shape.profile, shape.habits);
    life.add(instantOn(ctx.start + 10, 0), { type: 'death' });
    life.end(instantOn(ctx.start + 10, 0), 'death');
    life.add(instantOn(ctx.start + 12, 0), { type: 'termination', by: 'client', reason: 'client_choice' });
    life.add(instantOn(ctx.until + 3, 0), { type: 'payment' });
    expect(life.finish().map((e) => e.type)).toEqual(['death', 'termination']);
  });
});
