import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deriveSeed, drawWithSeed, Rng, subscriberSeed } from '../../generators/rng.ts';

describe('rng', () => {
  it('repeats itself from the same seed and differs between seeds', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const c = new Rng(43);
    const xs = Array.from({ length: 20 }, () => a.next());
    expect(Array.from({ length: 20 }, () => b.next())).toEqual(xs);
    expect(Array.from({ length: 20 }, () => c.next())).not.toEqual(xs);
  });

  it('draws floats in [0, 1) and integers in range, roughly uniformly', () => {
    const r = new Rng(1);
    const buckets = new Array(10).fill(0);
    for (let i = 0; i < 20_000; i++) {
      const f = r.float();
      expect(f >= 0 && f < 1).toBe(true);
      buckets[Math.floor(f * 10)]++;
      const k = r.below(7);
      expect(Number.isInteger(k) && k >= 0 && k < 7).toBe(true);
    }
    for (const b of buckets) expect(Math.abs(b - 2000)).toBeLessThan(200);
  });

  it('derives subscriber seeds from (seed, index) only, all different over a range', () => {
    const seeds = new Set(Array.from({ length: 10_000 }, (_, i) => subscriberSeed(7, i)));
    expect(seeds.size).toBe(10_000);
    expect(subscriberSeed(7, 123)).toBe(subscriberSeed(7, 123));
    expect(subscriberSeed(7, 123)).not.toBe(subscriberSeed(8, 123));
    expect(deriveSeed(5, 1)).not.toBe(deriveSeed(5, 2));
  });

  it('gives fast-check the same value for the same seed', () => {
    const arb = fc.record({ a: fc.integer(), b: fc.array(fc.nat(), { maxLength: 5 }) });
    expect(drawWithSeed(arb, 9).value).toEqual(drawWithSeed(arb, 9).value);
  });
});
