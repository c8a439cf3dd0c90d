/**
 * Test helpers for the generators: the default catalog, scenarios built in memory (one persona or a
 * combination, a short horizon), populations, and the checks every generated subscriber must pass.
 */
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { PERSONAS } from '../../generators/personas/index.ts';
import { population, toTimelineDocument, type GeneratedSubscriber } from '../../generators/population.ts';
import { situationsOf, type SituationId } from '../../generators/stats.ts';
import { loadCatalog, type Catalog } from '../../src/domain/catalog.ts';
import { resolveScenario, ScenarioSchema, type Scenario } from '../../src/domain/scenario.ts';
import { TimelineSchema } from '../../src/domain/timeline.ts';
import { parseTimeline } from '../../src/terms/model.ts';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const CATALOG_FILE = fileURLToPath(new URL('../../scenarios/catalogs/default.yaml', import.meta.url));
export const catalog: Catalog = loadCatalog(CATALOG_FILE);

export interface MixIn {
  personas: string[];
  weight?: number;
  plans?: string[];
  parameters?: Record<string, Record<string, unknown>>;
}

/** A scenario in memory on the default catalog. */
export function scenarioOf(mix: MixIn[], o: { months?: number; start?: string; seed?: number; population?: number; activationDays?: number } = {}): Scenario {
  const doc = {
    schema: 'termlab.scenario/1',
    name: 'test',
    description: 'test scenario',
    catalog: 'catalogs/default.yaml',
    population: o.population ?? 1000,
    start: o.start ?? '2026-03-01',
    activationDays: o.activationDays ?? 28,
    horizonMonths: o.months ?? 3,
    seed: o.seed ?? 7,
    mix: mix.map((m) => ({ weight: 1, ...m })),
  };
  return resolveScenario(ScenarioSchema.parse(doc), 'test.yaml', CATALOG_FILE, catalog, PERSONAS);
}

/** `count` subscribers of a scenario. */
export function generate(scenario: Scenario, count: number, from = 0): GeneratedSubscriber[] {
  return [...population(scenario, catalog, { count: from + count, from })];
}

/**
 * The subscriber as a JSON document, through a JSON round trip, validated by the timeline schema; and its
 * header (`sub.timeline`, built without the schema's parse) already what the parse returns, defaults included.
 */
export function validDocument(sub: GeneratedSubscriber): unknown {
  const doc = JSON.parse(JSON.stringify(toTimelineDocument(sub)));
  parseTimeline(doc, `subscriber ${sub.index}`);
  expect(TimelineSchema.parse(sub.timeline), `subscriber ${sub.index}: the header as the schema parses it`).toEqual(sub.timeline);
  return doc;
}

/** How many of the subscribers reach each situation. */
export function reached(subs: readonly GeneratedSubscriber[]): Map<SituationId, number> {
  const m = new Map<SituationId, number>();
  for (const s of subs) for (const id of situationsOf(s, catalog)) m.set(id, (m.get(id) ?? 0) + 1);
  return m;
}

/** Every persona id. */
export const PERSONA_IDS = [...PERSONAS.keys()];

/** Expects each situation reached by at least `min` of the subscribers, naming the ones missing. */
export function expectReached(subs: readonly GeneratedSubscriber[], ids: readonly SituationId[], min = 1): Map<SituationId, number> {
  const m = reached(subs);
  const missing = ids.filter((id) => (m.get(id) ?? 0) < min);
  if (missing.length > 0) throw new Error(`not reached by ${min} of ${subs.length} subscribers: ${missing.join(', ')} (reached: ${[...m].map(([k, v]) => `${k} ${v}`).join(', ')})`);
  return m;
}

/** A subscriber's account events of one type. */
export function eventsOf<T extends string>(sub: GeneratedSubscriber, type: T) {
  return sub.timeline.events.filter((e) => e.type === type) as Array<Extract<GeneratedSubscriber['timeline']['events'][number], { type: T }>>;
}
