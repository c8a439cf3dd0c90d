/**
 * The population: every generated subscriber is a valid timeline (contract 1), the same (seed, index)
 * gives the same subscriber whatever the split into runs, and timelines rate through the model.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { population, toTimelineDocument } from '../../generators/population.ts';
import { parseInstant } from '../../src/domain/time.ts';
import { compileGenerated } from '../../src/terms/compile.ts';
import { referenceOutcome } from '../../src/terms/model.ts';
import { rateUsage } from '../../src/terms/rating.ts';
import { buildOutcome } from '../../src/terms/statements.ts';
import { catalog, generate, PERSONA_IDS, scenarioOf, validDocument } from './helpers.ts';

const mixed = scenarioOf(
  [
    { personas: ['everyday-user'], weight: 4 },
    { personas: ['summer-roamer', 'late-payer'] },
    { personas: ['fair-use-abuser'] },
    { personas: ['everyday-user', 'sim-loser'] },
    { personas: ['prepaid-topper'] },
  ],
  { months: 3 },
);

describe('population', () => {
  it('makes timelines valid by the timeline schema, defaults written out, for every persona, horizon and index (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PERSONA_IDS), fc.integer({ min: 1, max: 4 }), fc.nat(100_000), fc.nat(), (id, months, index, seed) => {
        const scenario = scenarioOf([{ personas: [id] }], { months, seed });
        const [sub] = generate(scenario, 1, index);
        validDocument(sub!);
      }),
      { numRuns: 60 },
    );
  });

  it('gives subscriber i from (seed, i) alone: the same whatever the from/to split', () => {
    const whole = [...population(mixed, catalog, { count: 12 })];
    const parts = [...population(mixed, catalog, { count: 12, from: 0, to: 5 }), ...population(mixed, catalog, { count: 12, from: 5, to: 12 })];
    const seven = [...population(mixed, catalog, { count: 100, from: 7, to: 8 })];
    expect(parts).toEqual(whole);
    expect(seven[0]).toEqual(whole[7]);
    expect(parts.map((s) => s.index)).toEqual([...Array(12).keys()]);
  });

  it('gives another population for another seed', () => {
    const a = [...population(mixed, catalog, { count: 3 })];
    const b = [...population(mixed, catalog, { count: 3, seed: 99 })];
    expect(b.map((s) => s.timeline.subscriber.identity)).not.toEqual(a.map((s) => s.timeline.subscriber.identity));
  });

  it('writes usage rows in time order, inside the horizon and after the activation', () => {
    for (const sub of generate(mixed, 30)) {
      const u = sub.usage;
      const start = parseInstant(`${sub.timeline.contract.start}T00:00:00+01:00`)! - 3600;
      const until = parseInstant(`${sub.timeline.until}T00:00:00+01:00`)!;
      for (let i = 0; i < u.count; i++) {
        if (i > 0) expect(u.at[i]!).toBeGreaterThanOrEqual(u.at[i - 1]!);
        expect(u.at[i]!).toBeGreaterThanOrEqual(start);
        expect(u.at[i]!).toBeLessThan(until);
        expect(u.recordedAt[i]!).toBeGreaterThanOrEqual(u.at[i]!);
      }
    }
  });

  it('merges account events and usage rows in time order, account events first at equal instants', () => {
    for (const sub of generate(mixed, 20)) {
      const doc = toTimelineDocument(sub);
      expect(doc.events.length).toBe(sub.usage.count + sub.timeline.events.length);
      const at = doc.events.map((e) => parseInstant(e.at)!);
      for (let i = 1; i < at.length; i++) {
        expect(at[i]!).toBeGreaterThanOrEqual(at[i - 1]!);
        const usage = (t: string) => t === 'call' || t === 'sms' || t === 'data';
        if (at[i] === at[i - 1]) expect(usage(doc.events[i - 1]!.type) && !usage(doc.events[i]!.type)).toBe(false);
      }
    }
  });

  it('rates timelines without account events through compileGenerated, rateUsage and buildOutcome', () => {
    const plain = scenarioOf([{ personas: ['everyday-user'] }, { personas: ['business-traveller'] }, { personas: ['everyday-user', 'allowance-crosser'] }, { personas: ['fair-use-abuser'] }], { months: 3 });
    let rated = 0;
    for (const sub of generate(plain, 24)) {
      if (sub.timeline.events.length > 0 || sub.timeline.contract.family === 'BASE_PREPAID') continue;
      const compiled = compileGenerated(sub.timeline, sub.usage, catalog, sub.timeline.subscriber.id);
      const outcome = buildOutcome(compiled, rateUsage(compiled, catalog), catalog);
      expect(outcome.statements.length).toBeGreaterThan(0);
      rated++;
    }
    expect(rated).toBeGreaterThan(15);
  });

  it('makes documents the reference model reads, account events included', () => {
    for (const sub of generate(mixed, 12)) expect(() => referenceOutcome(validDocument(sub), catalog, `subscriber ${sub.index}`)).not.toThrow();
  });
});
