/**
 * Poisson counts by inversion of a precomputed distribution function: one draw and about `mean`
 * comparisons, where Knuth's method (`Rng.poisson`) draws `mean + 1` uniforms. The expander draws one
 * count a day per subscriber from a handful of fixed means, so the tables are made once per subscriber.
 * The table is scaled to 2^32 so that a draw is compared as a 32-bit integer, never turned into a float.
 */
import type { Rng } from '../rng.ts';

/** Beyond this many standard deviations above the mean the tail is below what a 32-bit draw can reach. */
const TAIL_SIGMAS = 12;
const TWO_32 = 4_294_967_296;

/**
 * 2^32 × P(N ≤ k) for k = 0, 1, … up to where it reaches 2^32 (that entry is exactly 2^32, above any
 * draw; entries after it are never read), written into `into` when it is long enough (tables are remade
 * for every subscriber).
 */
export function poissonTable(mean: number, into?: Float64Array): Float64Array {
  const last = mean > 0 ? Math.ceil(mean + TAIL_SIGMAS * Math.sqrt(mean) + TAIL_SIGMAS) : 0;
  const cdf = into !== undefined && into.length > last ? into : new Float64Array(last + 1);
  // P(0) = e^−mean, P(k) = P(k − 1) × mean / k; past e^−700 (which would underflow) in log space.
  const logSpace = mean > 700;
  let p = logSpace ? 0 : Math.exp(-mean);
  let logP = -mean;
  let sum = 0;
  for (let k = 0; k < last; k++) {
    if (k > 0) {
      if (logSpace) logP += Math.log(mean / k);
      else p *= mean / k;
    }
    sum += logSpace ? Math.exp(logP) : p;
    cdf[k] = sum * TWO_32;
  }
  cdf[last] = TWO_32;
  return cdf;
}

/** A Poisson count drawn with the table of its mean. */
export function drawPoisson(rng: Rng, cdf: Float64Array): number {
  const u = rng.next() >>> 0;
  let k = 0;
  while (u >= cdf[k]!) k++;
  return k;
}
