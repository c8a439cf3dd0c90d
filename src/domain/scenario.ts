import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { resolveCatalog, type Catalog, type Plan } from './catalog.ts';
import { InputError } from './errors.ts';
import { parseDate, type Day } from './time.ts';
import { firstIssue } from './validation.ts';

/**
 * A scenario (`termlab.scenario/1`, YAML): a population to simulate — how many subscribers, from when and
 * for how long, on which catalog, with which mix of personas (alone or combined, optionally restricted to
 * some plans, with parameters) — and what-if variants of the catalog to compare on that same population.
 * The personas themselves live in generators/; this module checks a scenario against a registry of them
 * passed in, so the domain does not depend on the generators.
 */
export const SCENARIO_VERSION = 'termlab.scenario/1';

const DATE = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a calendar date such as 2026-01-01')
  .refine((s) => parseDate(s) !== undefined, 'expected a calendar date such as 2026-01-01');
const ID = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'expected a lowercase id such as "summer-roamer"');
const WEIGHT = z.number().min(0).refine(Number.isFinite, 'expected a finite number ≥ 0');

const MixEntrySchema = z.strictObject({
  personas: z.array(ID).min(1).describe('One persona, or several that the same subscriber combines.'),
  weight: WEIGHT.describe('Relative share of the population.'),
  plans: z.array(z.string().min(1)).min(1).optional().describe('Only these catalog plans (default: every plan the personas fit).'),
  parameters: z
    .record(z.string(), z.record(z.string(), z.unknown()))
    .optional()
    .describe('Per persona id, values for its parameters (the rest keep their defaults).'),
});

const VariantSchema = z.strictObject({
  name: ID,
  description: z.string().optional(),
  overrides: z
    .record(z.string(), z.unknown())
    .describe('Catalog values by dotted path: "tariffs.roaming_eu.data": 5/GB, "plans.clic-s.fee": "39.00".'),
});

export const ScenarioSchema = z.strictObject({
  schema: z.literal(SCENARIO_VERSION),
  name: ID,
  description: z.string().min(1),
  catalog: z.string().min(1).describe('The plan catalog, as a path relative to the scenario file.'),
  population: z.int().min(1).max(100_000_000).describe('How many subscribers.'),
  start: DATE.describe('The first day subscribers can be activated.'),
  activationDays: z.int().min(1).max(366).default(28).describe('Activations spread over this many days from start.'),
  horizonMonths: z.int().min(1).max(120).describe('Every timeline runs until start + this many months.'),
  seed: z.int().min(0).max(4_294_967_295).describe('Subscriber i depends on (seed, i) only.'),
  plans: z.record(z.string(), WEIGHT).optional().describe('Relative weights of the catalog plans (default: equal).'),
  mix: z.array(MixEntrySchema).min(1),
  variants: z.array(VariantSchema).default([]),
});

export type ScenarioInput = z.input<typeof ScenarioSchema>;

/** What the scenario needs to know of a persona to check a mix entry. */
export interface PersonaRef {
  readonly id: string;
  /** Its parameters with their defaults (a zod object). */
  readonly parameters: z.ZodType<Record<string, unknown>>;
  /** Whether a subscriber of this persona can be on `plan` of `catalog`. */
  fits(plan: Plan, catalog: Catalog): boolean;
  /** Why not, in a few words, for error messages ("BASE_PREPAID plans only"). */
  readonly fitsText: string;
}

export interface ScenarioMixEntry {
  readonly personas: readonly string[];
  readonly weight: number;
  /** The plans this entry's subscribers are drawn from, with their relative weights (all > 0). */
  readonly plans: ReadonlyArray<{ readonly id: string; readonly weight: number }>;
  /** Parameters per persona, defaults filled in. */
  readonly parameters: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}

export interface Scenario {
  readonly file: string;
  readonly name: string;
  readonly description: string;
  readonly catalogFile: string;
  readonly population: number;
  readonly start: Day;
  readonly activationDays: number;
  readonly horizonMonths: number;
  readonly seed: number;
  readonly mix: readonly ScenarioMixEntry[];
  readonly variants: ReadonlyArray<{ readonly name: string; readonly description?: string; readonly overrides: Readonly<Record<string, unknown>> }>;
}

export interface LoadedScenario {
  readonly scenario: Scenario;
  readonly catalog: Catalog;
  /** Each variant's catalog: the scenario's with its overrides applied, validated by the catalog schema. */
  readonly variants: ReadonlyMap<string, Catalog>;
}

/** Reads a scenario YAML file, its catalog (relative to it) and its variants; throws InputError naming the file and path. */
export function loadScenario(file: string, personas: ReadonlyMap<string, PersonaRef>): LoadedScenario {
  const doc = readYaml(file, 'scenario');
  const parsed = ScenarioSchema.safeParse(doc);
  if (!parsed.success) {
    const issue = firstIssue(parsed.error, doc);
    throw new InputError(file, issue.path, issue.expected, issue.got);
  }
  const catalogFile = resolve(dirname(file), parsed.data.catalog);
  let catalogDoc: unknown;
  try {
    catalogDoc = readYaml(catalogFile, 'catalog');
  } catch (e) {
    if (e instanceof InputError && e.file === catalogFile && e.path === '' && /readable/.test(e.expected))
      throw new InputError(file, 'catalog', `expected a readable catalog file, relative to the scenario (${catalogFile})`, parsed.data.catalog);
    throw e;
  }
  const catalog = resolveCatalog(catalogDoc, catalogFile);
  const scenario = resolveScenario(parsed.data, file, catalogFile, catalog, personas);
  const variants = new Map<string, Catalog>();
  scenario.variants.forEach((v, i) => {
    if (variants.has(v.name)) throw new InputError(file, `variants[${i}].name`, 'expected a unique variant name', v.name);
    variants.set(v.name, variantCatalog(catalogDoc, v.overrides, catalogFile, file, `variants[${i}].overrides`));
  });
  return { scenario, catalog, variants };
}

/** Checks the mix against the catalog and the personas: known ids, plans the personas fit, valid parameters. */
export function resolveScenario(
  s: z.output<typeof ScenarioSchema>,
  file: string,
  catalogFile: string,
  catalog: Catalog,
  personas: ReadonlyMap<string, PersonaRef>,
): Scenario {
  const planList = () => [...catalog.plans.keys()].join(', ');
  const expectPlan = (path: string, id: string): Plan => {
    const plan = catalog.plans.get(id);
    if (!plan) throw new InputError(file, path, `expected a plan of catalog "${catalog.name}" (${planList()})`, id);
    return plan;
  };
  const planWeights = new Map<string, number>();
  if (s.plans) for (const [id, w] of Object.entries(s.plans)) (expectPlan(`plans.${id}`, id), planWeights.set(id, w));

  const mix: ScenarioMixEntry[] = s.mix.map((entry, i) => {
    const at = `mix[${i}]`;
    const refs = entry.personas.map((id, j) => {
      const p = personas.get(id);
      if (!p) throw new InputError(file, `${at}.personas[${j}]`, `expected a persona id (${[...personas.keys()].join(', ')})`, id);
      if (entry.personas.indexOf(id) !== j) throw new InputError(file, `${at}.personas[${j}]`, 'expected each persona once in a combination', id);
      return p;
    });
    const fitsAll = (plan: Plan) => refs.every((p) => p.fits(plan, catalog));
    let plans: Array<{ id: string; weight: number }>;
    if (entry.plans) {
      plans = entry.plans.map((id, j) => {
        const plan = expectPlan(`${at}.plans[${j}]`, id);
        const misfit = refs.find((p) => !p.fits(plan, catalog));
        if (misfit) throw new InputError(file, `${at}.plans[${j}]`, `expected a plan persona ${misfit.id} can be on (${misfit.fitsText})`, id);
        return { id, weight: planWeights.get(id) || 1 };
      });
    } else {
      const pool = planWeights.size > 0 ? [...planWeights].filter(([, w]) => w > 0).map(([id]) => id) : [...catalog.plans.keys()];
      plans = pool.filter((id) => fitsAll(catalog.plans.get(id)!)).map((id) => ({ id, weight: planWeights.get(id) ?? 1 }));
      if (plans.length === 0)
        throw new InputError(
          file,
          `${at}.personas`,
          `expected personas that fit one of the scenario's plans (${pool.join(', ')}): ${refs.map((p) => `${p.id}: ${p.fitsText}`).join('; ')}`,
          entry.personas,
        );
    }
    const parameters: Record<string, Record<string, unknown>> = {};
    for (const [id, given] of Object.entries(entry.parameters ?? {})) {
      if (!entry.personas.includes(id))
        throw new InputError(file, `${at}.parameters.${id}`, `expected parameters of one of this entry's personas (${entry.personas.join(', ')})`, id);
    }
    for (const p of refs) {
      const given = entry.parameters?.[p.id] ?? {};
      const r = p.parameters.safeParse(given);
      if (!r.success) {
        const issue = firstIssue(r.error, given);
        throw new InputError(file, `${at}.parameters.${p.id}${issue.path ? `.${issue.path}` : ''}`, issue.expected, issue.got);
      }
      parameters[p.id] = r.data;
    }
    return { personas: entry.personas, weight: entry.weight, plans, parameters };
  });
  if (!mix.some((m) => m.weight > 0)) throw new InputError(file, 'mix', 'expected at least one entry with a weight above 0', s.mix.map((m) => m.weight));

  return {
    file,
    name: s.name,
    description: s.description,
    catalogFile,
    population: s.population,
    start: parseDate(s.start)!,
    activationDays: s.activationDays,
    horizonMonths: s.horizonMonths,
    seed: s.seed,
    mix,
    variants: s.variants,
  };
}

/**
 * Applies a variant's overrides to the catalog document and validates the result with the catalog
 * schema. A path is dotted; a plan is addressed by its id (`plans.clic-s.fee`). Errors name the
 * scenario file and the override.
 */
export function variantCatalog(catalogDoc: unknown, overrides: Readonly<Record<string, unknown>>, catalogFile: string, file: string, at: string): Catalog {
  const doc = applyOverrides(catalogDoc, overrides, file, at);
  try {
    return resolveCatalog(doc, catalogFile);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    const key = Object.keys(overrides).find((k) => e.path.startsWith(catalogPath(catalogDoc, k))) ?? '';
    throw new InputError(file, key ? `${at}["${key}"]` : at, `expected overrides that keep the catalog valid: ${e.path || '(root)'}: ${e.expected}`, e.got);
  }
}

/** A copy of the catalog document with each override set at its path. */
export function applyOverrides(catalogDoc: unknown, overrides: Readonly<Record<string, unknown>>, file: string, at: string): unknown {
  const doc = structuredClone(catalogDoc) as Record<string, unknown>;
  for (const [key, value] of Object.entries(overrides)) {
    const where = `${at}["${key}"]`;
    const segments = key.split('.');
    if (segments.some((s) => s === '')) throw new InputError(file, where, 'expected a dotted path into the catalog such as "plans.clic-s.fee"', key);
    let node: unknown = doc;
    for (let k = 0; k < segments.length; k++) {
      const seg = segments[k]!;
      const last = k === segments.length - 1;
      const prefix = segments.slice(0, k).join('.') || '(root)';
      if (Array.isArray(node)) {
        const item = node.find((x) => typeof x === 'object' && x !== null && (x as { id?: unknown }).id === seg);
        if (item === undefined || last)
          throw new InputError(file, where, `expected a path into the catalog: ${prefix} has no item with id "${seg}" (${idsOf(node)})`, key);
        node = item;
        continue;
      }
      if (typeof node !== 'object' || node === null) throw new InputError(file, where, `expected a path into the catalog: ${prefix} is a value, not a section`, key);
      const obj = node as Record<string, unknown>;
      if (last) {
        obj[seg] = value;
        break;
      }
      if (!(seg in obj)) throw new InputError(file, where, `expected a path into the catalog: ${prefix} has no "${seg}" (${Object.keys(obj).join(', ')})`, key);
      node = obj[seg];
    }
  }
  return doc;
}

/** The catalog's own JSON path of an override key (plans by index), to match its validation errors. */
function catalogPath(catalogDoc: unknown, key: string): string {
  let node: unknown = catalogDoc;
  const out: Array<string | number> = [];
  for (const seg of key.split('.')) {
    if (Array.isArray(node)) {
      const i = node.findIndex((x) => (x as { id?: unknown } | null)?.id === seg);
      out.push(i);
      node = node[i];
    } else {
      out.push(seg);
      node = (node as Record<string, unknown> | undefined)?.[seg];
    }
  }
  return out.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}

function idsOf(items: unknown[]): string {
  return items.map((x) => String((x as { id?: unknown } | null)?.id)).join(', ');
}

function readYaml(file: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new InputError(file, '', `expected a readable ${what} file`, (e as NodeJS.ErrnoException).code ?? String(e));
  }
  try {
    return parseYaml(text);
  } catch (e) {
    throw new InputError(file, '', 'expected valid YAML', (e as Error).message.split('\n')[0]);
  }
}
