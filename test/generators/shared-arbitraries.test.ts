/**
 * Persona arbitraries are built once per value of what they read of the contract (`drawsOn`) and shared
 * between subscribers: each reads nothing else, and a subscriber's shape does not depend on the
 * subscribers made before it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PERSONAS } from '../../generators/personas/index.ts';
import { shapeOf } from '../../generators/population.ts';
import { buildContext, populationPlan } from '../../generators/subscriber.ts';
import type { BuildContext, ContractFacet } from '../../generators/types.ts';
import { catalog, PERSONA_IDS, scenarioOf } from './helpers.ts';

const FIELDS: Record<ContractFacet, readonly string[]> = {
  horizon: ['start', 'until', 'days', 'periods'],
  plan: ['catalog', 'plan', 'family'],
  lines: ['lines'],
  statements: ['statements'],
};

/** The context as a persona declaring `facets` may see it: any other field throws, and so does a statement's content. */
function guarded(ctx: BuildContext, facets: readonly ContractFacet[], id: string): BuildContext {
  const allowed = new Set(facets.flatMap((f) => FIELDS[f]));
  const poisoned = ctx.statements.map(
    (s) => new Proxy(s, { get: (_, k) => { throw new Error(`${id} reads statements[].${String(k)}, which drawsOn does not cover`); } }),
  );
  return new Proxy(ctx, {
    get(target, k) {
      if (!allowed.has(k as string)) throw new Error(`${id} reads ctx.${String(k)}, which its drawsOn (${facets.join(', ')}) does not cover`);
      return k === 'statements' ? poisoned : target[k as keyof BuildContext];
    },
  });
}

describe('shared persona arbitraries', () => {
  it('every persona says what it reads of the contract, and reads nothing else', () => {
    for (const id of PERSONA_IDS) {
      const persona = PERSONAS.get(id)!;
      expect(persona.drawsOn, id).toBeDefined();
      const plan = populationPlan(scenarioOf([{ personas: [id] }], { months: 14 }), catalog);
      const params = plan.entries[0]!.mix.parameters[id] ?? {};
      for (const shape of fc.sample(plan.entries[0]!.shape, { numRuns: 30, seed: 3 })) {
        const ctx = buildContext(plan, shape.contract);
        expect(() => persona.arbitrary(guarded(ctx, persona.drawsOn!, id), params)).not.toThrow();
      }
    }
  });

  it('give a subscriber the same shape whichever subscribers were made before it', () => {
    const mix = [
      { personas: ['everyday-user'], weight: 3 },
      { personas: ['everyday-user', 'late-payer'] },
      { personas: ['fair-use-abuser'] },
      { personas: ['plan-switcher'] },
      { personas: ['everyday-user', 'phone2go-sharer'] },
      { personas: ['prepaid-topper'] },
    ];
    // Two plans, so two caches: one filled in index order, the other backwards.
    const forward = populationPlan(scenarioOf(mix, { months: 6, activationDays: 3 }), catalog);
    const backward = populationPlan(scenarioOf(mix, { months: 6, activationDays: 3 }), catalog);
    const n = 300;
    const a = Array.from({ length: n }, (_, i) => shapeOf(forward, 11, i));
    const b = Array.from({ length: n }, (_, i) => shapeOf(backward, 11, n - 1 - i)).reverse();
    expect(b).toEqual(a);
  });
});
