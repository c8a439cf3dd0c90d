/**
 * A scenario's population: `population(scenario, catalog, { seed, count, from, to })` yields subscribers
 * from..to. Subscriber i depends only on (seed, i): its seed is a hash of both, its mix entry and shape are
 * drawn from that seed, so a run split over workers or shards gives the same subscribers.
 * `toTimelineDocument` turns one into a JSON-ready timeline (contract 1).
 */
import type { Catalog } from '../src/domain/catalog.ts';
import type { Scenario } from '../src/domain/scenario.ts';
import { parseInstant } from '../src/domain/time.ts';
import type { TimelineInput } from '../src/domain/timeline.ts';
import { usageEvent } from '../src/domain/usage.ts';
import { deriveSeed, drawWithSeed, Rng, subscriberSeed } from './rng.ts';
import { buildSubscriber, populationPlan, Purpose, type GeneratedSubscriber, type PopulationPlan, type SubscriberShape } from './subscriber.ts';

export type { GeneratedSubscriber } from './subscriber.ts';

export interface PopulationOptions {
  /** Overrides the scenario's seed. */
  readonly seed?: number;
  /** Population size (default: the scenario's). */
  readonly count?: number;
  /** First subscriber index (default 0). */
  readonly from?: number;
  /** End index, exclusive (default: count). */
  readonly to?: number;
}

const plans = new WeakMap<Scenario, WeakMap<Catalog, PopulationPlan>>();

/** The scenario's generation plan (cached per scenario and catalog). */
export function planFor(scenario: Scenario, catalog: Catalog): PopulationPlan {
  let byCatalog = plans.get(scenario);
  if (!byCatalog) plans.set(scenario, (byCatalog = new WeakMap()));
  let plan = byCatalog.get(catalog);
  if (!plan) byCatalog.set(catalog, (plan = populationPlan(scenario, catalog)));
  return plan;
}

/** The shape of subscriber `index`: its mix entry and everything fast-check draws for it. */
export function shapeOf(plan: PopulationPlan, seed: number, index: number): SubscriberShape {
  const s = subscriberSeed(seed, index);
  const u = new Rng(deriveSeed(s, Purpose.ENTRY)).float();
  let entry = 0;
  while (entry < plan.cumulative.length - 1 && u >= plan.cumulative[entry]!) entry++;
  return drawWithSeed(plan.entries[entry]!.shape, deriveSeed(s, Purpose.SHAPE)).value;
}

/** Subscribers from..to of the scenario's population. */
export function* population(scenario: Scenario, catalog: Catalog, options: PopulationOptions = {}): Generator<GeneratedSubscriber> {
  const plan = planFor(scenario, catalog);
  const seed = options.seed ?? scenario.seed;
  const count = options.count ?? scenario.population;
  const from = Math.max(0, options.from ?? 0);
  const to = Math.min(count, options.to ?? count);
  for (let i = from; i < to; i++) yield buildSubscriber(plan, shapeOf(plan, seed, i), i);
}

type DocEvent = TimelineInput['events'][number];

/**
 * The subscriber as one JSON-ready timeline document: account events and usage rows merged in time
 * order, account events first at equal instants (the order `compileGenerated` assumes).
 */
export function toTimelineDocument(sub: GeneratedSubscriber): TimelineInput {
  const tl = sub.timeline;
  const u = sub.usage;
  const lineIds = tl.contract.lines.map((l) => l.id);
  const account = tl.events;
  const accountAt = account.map((e) => parseInstant(e.at)!);
  const events: DocEvent[] = [];
  let a = 0;
  for (let i = 0; i < u.count; i++) {
    const t = u.at[i]!;
    while (a < account.length && accountAt[a]! <= t) events.push(account[a++]!);
    events.push(usageEvent(u, i, lineIds) as DocEvent);
  }
  while (a < account.length) events.push(account[a++]!);
  return { ...tl, events };
}
