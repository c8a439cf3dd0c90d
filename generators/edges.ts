/**
 * Edge bias: the terms draw lines (an allowance, 30,000 minutes, 300 GB, 14 days, €150.00, the sixth
 * month); generators lean towards them. Each helper is an arbitrary that draws a boundary value often
 * and any value otherwise, so both the corners and the ordinary cases are reached.
 *
 * `edgeInt` and `weighted` are small arbitraries of their own rather than compositions (`fc.oneof` of
 * `fc.constantFrom` and `fc.integer`): personas build them for every subscriber against its contract
 * (a day of its horizon leaning to its billing periods' edges), and a composition costs more to build
 * and to draw from than the draw itself. They draw the same way (one draw for the branch, one for the
 * value) and shrink like an integer and a constant: towards the lower bound, and towards the first entry.
 */
import fc from 'fast-check';

/** An integer in [min, max], one of `edges` with probability `percent` / 100. */
class EdgeIntArbitrary extends fc.Arbitrary<number> {
  private any: fc.Arbitrary<number> | undefined;

  constructor(
    private readonly min: number,
    private readonly max: number,
    private readonly edges: readonly number[],
    private readonly percent: number,
  ) {
    super();
  }

  generate(mrng: fc.Random): fc.Value<number> {
    const edge = mrng.nextInt(0, 99) < this.percent;
    return new fc.Value(edge ? this.edges[mrng.nextInt(0, this.edges.length - 1)]! : mrng.nextInt(this.min, this.max), undefined);
  }

  canShrinkWithoutContext(value: unknown): value is number {
    return Number.isInteger(value) && (value as number) >= this.min && (value as number) <= this.max;
  }

  /** As an integer of the range shrinks (the arbitrary for that is made only when shrinking). */
  shrink(value: number): fc.Stream<fc.Value<number>> {
    this.any ??= fc.integer({ min: this.min, max: this.max });
    return this.any.shrink(value, undefined);
  }
}

/** An integer in [min, max] that is one of `edges` (those in range) with probability `share`. */
export function edgeInt(min: number, max: number, edges: readonly number[], share = 0.5): fc.Arbitrary<number> {
  const inRange: number[] = [];
  for (const e of edges) if (e >= min && e <= max && !inRange.includes(e)) inRange.push(e);
  if (inRange.length === 0) return fc.integer({ min, max });
  return new EdgeIntArbitrary(min, max, inRange, Math.max(1, Math.min(99, Math.round(share * 100))));
}

/** One unit below, exactly at, or one unit above a boundary: −1, 0 or +1. */
export function unitDelta(): fc.Arbitrary<-1 | 0 | 1> {
  return fc.constantFrom(-1 as const, 0 as const, 1 as const);
}

/** A second of the day, leaning to the first and last seconds (a period's last instant, midnight). */
export function secondOfDay(): fc.Arbitrary<number> {
  return edgeInt(0, 86_399, [0, 1, 86_398, 86_399], 0.1);
}

/** A working-hours second of the day (08:00–19:00). */
export function officeSecond(): fc.Arbitrary<number> {
  return fc.integer({ min: 8 * 3600, max: 19 * 3600 - 1 });
}

/** A choice among constants by integer weights; shrinks to the first. */
class WeightedArbitrary<T> extends fc.Arbitrary<T> {
  private readonly values: T[] = [];
  private readonly cumulative: number[] = [];

  constructor(entries: ReadonlyArray<readonly [T, number]>) {
    super();
    let total = 0;
    for (const [value, weight] of entries) {
      if (!(Number.isInteger(weight) && weight >= 0)) throw new Error(`generators: weighted: expected an integer weight ≥ 0, got ${weight}`);
      this.values.push(value);
      this.cumulative.push((total += weight));
    }
    if (total <= 0) throw new Error('generators: weighted: expected a weight above 0');
  }

  generate(mrng: fc.Random): fc.Value<T> {
    const u = mrng.nextInt(0, this.cumulative[this.cumulative.length - 1]! - 1);
    let i = 0;
    while (u >= this.cumulative[i]!) i++;
    return new fc.Value(this.values[i]!, i);
  }

  canShrinkWithoutContext(value: unknown): value is T {
    return this.values.includes(value as T);
  }

  shrink(value: T, context: unknown): fc.Stream<fc.Value<T>> {
    const index = typeof context === 'number' ? context : this.values.indexOf(value);
    return index > 0 ? fc.Stream.of(new fc.Value(this.values[0]!, 0)) : fc.Stream.nil();
  }
}

/** A weighted choice among constants: [[value, weight], …] with integer weights. */
export function weighted<T>(entries: ReadonlyArray<readonly [T, number]>): fc.Arbitrary<T> {
  return new WeightedArbitrary(entries);
}

/** `arb` with probability `share`, else null. */
export function maybe<T>(arb: fc.Arbitrary<T>, share: number): fc.Arbitrary<T | null> {
  const w = Math.round(share * 100);
  if (w <= 0) return fc.constant(null);
  if (w >= 100) return arb;
  return fc.oneof({ weight: 100 - w, arbitrary: fc.constant(null) }, { weight: w, arbitrary: arb });
}
