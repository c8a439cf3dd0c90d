/**
 * What-if variants re-rate only the subscribers they can change. The reference model is a pure function
 * of a timeline and of the catalog values it reads, so a subscriber whose base run read none of the
 * values a variant changes gets, under that variant, exactly the base outcome: the simulation copies its
 * rows instead of rating it again (common random numbers, at a fraction of the cost).
 *
 * Reads are recorded at the granularity variants change things: a top-level value (`paymentTermDays`)
 * or one entry of a collection (`rates.11`, `plans.clic-s`, `fees.reminder`, `options.phone2go`); what
 * lies inside an entry (a plan's fields) is not traced, the entry counts as read whole. Reading a whole
 * collection (iterating the plans, the length of the rates) is `<collection>.*`, which any change in that
 * collection touches. Nothing is cached by catalog anywhere in the model (a test re-rates every
 * subscriber of a population under several variants and compares).
 */
import type { Catalog } from '../domain/catalog.ts';

/** The keys of what `variant` changes against `base`: `<name>` or `<collection>.<key>` and `<collection>.*`. */
export function catalogChanges(base: Catalog, variant: Catalog): Set<string> {
  const changes = new Set<string>();
  for (const name of Object.keys(base) as Array<keyof Catalog>) {
    const a = base[name] as unknown;
    const b = variant[name] as unknown;
    if (!isCollection(a) || !isCollection(b)) {
      if (!same(a, b)) changes.add(name);
      continue;
    }
    const left = entries(a);
    const right = entries(b);
    for (const key of new Set([...left.keys(), ...right.keys()])) {
      if (left.has(key) && right.has(key) && same(left.get(key), right.get(key))) continue;
      changes.add(`${name}.${key}`);
      changes.add(`${name}.*`);
    }
  }
  for (const name of Object.keys(variant)) if (!(name in base)) changes.add(name);
  return changes;
}

/** A catalog that records which of its values are read, for one subscriber at a time. */
export class CatalogReads {
  /** Hand this to the model instead of the catalog itself. */
  readonly catalog: Catalog;
  private readonly read = new Set<string>();

  constructor(target: Catalog) {
    const view = {} as Record<string, unknown>;
    for (const name of Object.keys(target) as Array<keyof Catalog>) {
      const value = target[name] as unknown;
      const traced = isCollection(value) ? this.collection(name, value) : undefined;
      Object.defineProperty(view, name, {
        enumerable: true,
        get: traced ? () => traced : () => (this.read.add(name), value),
      });
    }
    this.catalog = Object.freeze(view) as unknown as Catalog;
  }

  /** Forgets what was read (before the next subscriber). */
  clear(): void {
    this.read.clear();
  }

  /** Whether anything read since `clear` is among `changes` (from catalogChanges). */
  touches(changes: ReadonlySet<string>): boolean {
    for (const key of changes) if (this.read.has(key)) return true;
    return false;
  }

  /** What was read since `clear`, sorted (for tests and diagnostics). */
  keys(): string[] {
    return [...this.read].sort();
  }

  private collection(name: string, value: Collection): unknown {
    const read = this.read;
    const whole = `${name}.*`;
    if (value instanceof Map) {
      const keyOf = new Map([...value.keys()].map((k) => [k, `${name}.${String(k)}`]));
      const entry = (k: unknown) => read.add(keyOf.get(k) ?? `${name}.${String(k)}`);
      const all = () => read.add(whole);
      return Object.freeze({
        get: (k: unknown) => (entry(k), value.get(k)),
        has: (k: unknown) => (entry(k), value.has(k)),
        get size() {
          return all(), value.size;
        },
        keys: () => (all(), value.keys()),
        values: () => (all(), value.values()),
        entries: () => (all(), value.entries()),
        forEach: (f: (v: unknown, k: unknown, m: unknown) => void) => (all(), value.forEach(f)),
        [Symbol.iterator]: () => (all(), value[Symbol.iterator]()),
      });
    }
    // Arrays (the rates) and records (fees, dunning, options): an entry by its index or property name.
    const keyOf = new Map(Object.keys(value).map((k) => [k, `${name}.${k}`]));
    return new Proxy(value, {
      get(target, property, receiver) {
        const key = typeof property === 'string' ? keyOf.get(property) : undefined;
        read.add(key ?? whole);
        return Reflect.get(target, property, receiver);
      },
      has(target, property) {
        read.add(whole);
        return Reflect.has(target, property);
      },
      ownKeys(target) {
        read.add(whole);
        return Reflect.ownKeys(target);
      },
      set() {
        throw new TypeError('catalog: read only');
      },
    });
  }
}

type Collection = ReadonlyMap<unknown, unknown> | readonly unknown[] | Readonly<Record<string, unknown>>;

/** Maps, arrays and records: every non-null object of a resolved catalog. */
function isCollection(value: unknown): value is Collection {
  return typeof value === 'object' && value !== null;
}

function entries(value: Collection): Map<string, unknown> {
  return value instanceof Map ? new Map([...value].map(([k, v]) => [String(k), v])) : new Map(Object.entries(value));
}

/** Deep equality of resolved catalog values (numbers including ±Infinity, strings, arrays, records, maps). */
function same(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b) || a instanceof Map !== b instanceof Map) return false;
  const x = entries(a as Collection);
  const y = entries(b as Collection);
  if (x.size !== y.size) return false;
  for (const [k, v] of x) if (!y.has(k) || !same(v, y.get(k))) return false;
  return true;
}

/**
 * A scenario's catalogs (base first, then the variants) as the simulation rates one subscriber under
 * them: the base through CatalogReads, each variant only when it changes something the base run read.
 */
export class VariantReuse {
  private readonly reads: CatalogReads | undefined;
  private readonly changes: ReadonlyArray<ReadonlySet<string>>;

  /** `reuse` false rates every subscriber under every catalog. */
  constructor(
    private readonly catalogs: readonly Catalog[],
    reuse = true,
  ) {
    const base = catalogs[0]!;
    this.reads = catalogs.length > 1 && reuse ? new CatalogReads(base) : undefined;
    this.changes = catalogs.map((catalog, k) => (k === 0 ? new Set<string>() : catalogChanges(base, catalog)));
  }

  /** Before each subscriber: forgets what the previous one read. */
  next(): void {
    this.reads?.clear();
  }

  /** Whether catalog k must rate this subscriber (always the base; a variant when its changes were read). */
  mustRate(k: number): boolean {
    return k === 0 || !this.reads || this.reads.touches(this.changes[k]!);
  }

  /** The catalog to hand the model for catalog k (the base's recording view). */
  catalogFor(k: number): Catalog {
    return k === 0 && this.reads ? this.reads.catalog : this.catalogs[k]!;
  }
}
