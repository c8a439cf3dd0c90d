/**
 * A subscriber is built from its shape (drawn with fast-check), so shrinking the shape shrinks the
 * subscriber: every shrunk shape still builds into a valid timeline, and fast-check's shrinking reaches
 * smaller ones.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planFor } from '../../generators/population.ts';
import { drawWithSeed } from '../../generators/rng.ts';
import { buildSubscriber, type SubscriberShape } from '../../generators/subscriber.ts';
import { catalog, scenarioOf, validDocument } from './helpers.ts';

const scenario = scenarioOf(
  [
    { personas: ['everyday-user', 'summer-roamer'] },
    { personas: ['non-payer'] },
    { personas: ['everyday-user', 'sim-loser'] },
    { personas: ['allowance-crosser', 'plan-switcher'] },
    { personas: ['phone2go-sharer', 'late-activator'] },
  ],
  { months: 3 },
);
const plan = planFor(scenario, catalog);
const build = (shape: SubscriberShape) => buildSubscriber(plan, shape, 0);

describe('subscriber shapes', () => {
  it('build into valid timelines (property, every mix entry)', () => {
    plan.entries.forEach((entry) => {
      fc.assert(
        fc.property(entry.shape, (shape) => {
          validDocument(build(shape));
        }),
        { numRuns: 15 },
      );
    });
  });

  it('stay valid when fast-check shrinks them, all the way down the first branches', () => {
    plan.entries.forEach((entry, e) => {
      let value = drawWithSeed(entry.shape, 1000 + e);
      let checked = 0;
      // Follow the first shrink at each level (the path fast-check takes when every smaller value still fails).
      for (let depth = 0; depth < 40; depth++) {
        const shrinks = [...entry.shape.shrink(value.value, value.context).take(5)];
        if (shrinks.length === 0) break;
        for (const s of shrinks) {
          validDocument(build(s.value));
          checked++;
        }
        value = shrinks[0]!;
      }
      expect(checked).toBeGreaterThan(0);
    });
  });

  it('shrink a failing property to a smaller subscriber that is still valid', () => {
    const entry = plan.entries[0]!;
    // A property that fails on any subscriber with more than 50 usage rows: fast-check must shrink to one just above.
    const details = fc.check(fc.property(entry.shape, (shape) => build(shape).usage.count <= 50), { numRuns: 50, seed: 42 });
    expect(details.failed).toBe(true);
    const [shape] = details.counterexample!;
    const sub = build(shape);
    validDocument(sub);
    expect(details.numShrinks).toBeGreaterThan(0);
    expect(sub.usage.count).toBeGreaterThan(50);
    // Shrunk towards the least usage the shape can express: the lowest rates, the first day, seed 0.
    expect(shape.profile.callsPerDay).toBe(0.3);
    expect(shape.profile.dataPerDay).toBe(0.3);
    expect(shape.contract.startOffset).toBe(0);
    expect(shape.seed).toBe(0);
  });
});
