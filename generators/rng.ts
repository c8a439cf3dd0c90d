/**
 * Seeded randomness for the generators: xoshiro128** (Blackman & Vigna, 2018), a small fast 32-bit PRNG
 * for expanding high-volume usage, seeded through splitmix32; `subscriberSeed` derives the seed of
 * subscriber i from the scenario seed alone, so any subscriber can be made on any worker or shard; and
 * `fcRandom` hands the same generator to fast-check, which draws each subscriber's shape. Never Math.random.
 */
import fc from 'fast-check';

/** murmur3's 32-bit finaliser: a bijection that spreads every input bit over the output. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The seed of subscriber `index` of a population with seed `seed`: a hash of both, nothing else. */
export function subscriberSeed(seed: number, index: number): number {
  const lo = index >>> 0;
  const hi = Math.floor(index / 4294967296) >>> 0;
  return fmix32(fmix32(seed ^ 0x9e3779b9) ^ fmix32(lo + 0x7f4a7c15) ^ Math.imul(hi, 0x27d4eb2f));
}

/** A seed derived from another for a named purpose (identity, usage, …), so streams do not overlap. */
export function deriveSeed(seed: number, purpose: number): number {
  return fmix32(seed ^ fmix32(purpose + 0x632be5ab));
}

/** 2^−e for e = 0 … 31, and log2(1 + i / 1024) for i = 0 … 1024 (`Rng.exp`). */
const INV_POW2 = Float64Array.from({ length: 32 }, (_, e) => 2 ** -e);
const LOG2_1P = Float64Array.from({ length: 1025 }, (_, i) => Math.log2(1 + i / 1024));

/** xoshiro128**: 128 bits of state, period 2^128 − 1; `next()` is a uint32, `float()` in [0, 1). */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    // splitmix32 fills the state (written out: no closure, as an Rng is made for every subscriber and
    // purpose); the state is never all zero. int32 state: V8 keeps small-integer fields unboxed (uint32
    // values above 2^31 would make them doubles).
    const s = seed >>> 0;
    this.a = fmix32((s + 0x9e3779b9) >>> 0) | 0;
    this.b = fmix32((s + 2 * 0x9e3779b9) >>> 0) | 0;
    this.c = fmix32((s + 3 * 0x9e3779b9) >>> 0) | 0;
    this.d = fmix32((s + 4 * 0x9e3779b9) >>> 0) | 0;
    if ((this.a | this.b | this.c | this.d) === 0) this.a = 1;
  }

  /** A uniform 32-bit integer, signed (int32 stays a small integer in V8: no heap number). */
  next(): number {
    const b = this.b;
    const r = Math.imul(rotl(Math.imul(b, 5), 7), 9);
    const t = b << 9;
    this.c ^= this.a;
    this.d ^= b;
    this.b = b ^ this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = rotl(this.d, 11);
    return r;
  }

  /** A uniform float in [0, 1). */
  float(): number {
    return (this.next() >>> 0) * 2.3283064365386963e-10;
  }

  /** A uniform integer in [0, n) (n ≤ 2^31; the modulo bias is below 2^-20 for the small n used here). */
  below(n: number): number {
    return (this.next() >>> 1) % n;
  }

  /** A uniform integer in [lo, hi] (both included; hi − lo < 2^32). */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.float() * (hi - lo + 1));
  }

  /** true with probability p. */
  chance(p: number): boolean {
    return this.float() < p;
  }

  /** One element of a non-empty list. */
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.float() * xs.length)]!;
  }

  /**
   * An exponential variate with the given mean: −mean × ln(1 − u), u = next / 2^32. The logarithm is
   * taken from the leading bit of 2^32 × (1 − u) and a table of the mantissa's, interpolated (error below
   * 2e-7 of the mean): Math.log is a call out of compiled code, and a SIM box draws 35,000 a year.
   */
  exp(mean: number): number {
    const x = this.next() >>> 0;
    if (x === 0) return 0;
    const y = 4_294_967_296 - x;
    const e = 31 - Math.clz32(y);
    const m = (y * INV_POW2[e]! - 1) * 1024;
    const i = m | 0;
    const log2y = e + LOG2_1P[i]! + (LOG2_1P[i + 1]! - LOG2_1P[i]!) * (m - i);
    return mean * (32 - log2y) * Math.LN2;
  }

  /** A Poisson count given exp(−mean) (Knuth; meant for small means, computed once by the caller). */
  poisson(expMinusMean: number): number {
    let k = 0;
    let p = this.float();
    while (p > expMinusMean) {
      k++;
      p *= this.float();
    }
    return k;
  }

  /** A copy of the state, for fast-check's `Random`. */
  state(): number[] {
    return [this.a, this.b, this.c, this.d];
  }

  /** A generator continuing from a saved state. */
  static fromState(state: readonly number[]): Rng {
    const r = new Rng(0);
    r.a = state[0]! | 0;
    r.b = state[1]! | 0;
    r.c = state[2]! | 0;
    r.d = state[3]! | 0;
    return r;
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/**
 * The generator as pure-rand's `RandomGenerator` (v8 interface: `next` is a signed 32-bit integer). A
 * class rather than an object of closures, and with `jump`, so that fast-check uses it as it is instead
 * of wrapping it (it wraps generators without `jump`, one closure per call).
 */
class XoshiroGenerator {
  constructor(private readonly rng: Rng) {}
  next(): number {
    return this.rng.next();
  }
  clone(): XoshiroGenerator {
    return new XoshiroGenerator(Rng.fromState(this.rng.state()));
  }
  /** What fast-check does for generators without one: skip 42 draws. */
  jump(): void {
    for (let i = 0; i < 42; i++) this.rng.next();
  }
  getState(): readonly number[] {
    return this.rng.state();
  }
}

/** fast-check's `Random` over xoshiro128** seeded by `seed`: what shape arbitraries are drawn with. */
export function fcRandom(seed: number): fc.Random {
  return new fc.Random(new XoshiroGenerator(new Rng(seed)));
}

/**
 * One value of `arb` drawn from `seed`, without fast-check's bias (edge bias is explicit in the
 * arbitraries), and its context, for shrinking.
 */
export function drawWithSeed<T>(arb: fc.Arbitrary<T>, seed: number): fc.Value<T> {
  return arb.generate(fcRandom(seed), undefined);
}
