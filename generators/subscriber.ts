/**
 * One subscriber: its shape (drawn with fast-check: the contract, the usage profile, the habits and each
 * persona's part) and how a shape is built into a timeline and usage columns. A shape determines its
 * subscriber completely, so shrinking a shape shrinks the subscriber.
 */
import fc from 'fast-check';
import type { Catalog, Plan } from '../src/domain/catalog.ts';
import { isClic, OPTIONS, type OptionId } from '../src/domain/families.ts';
import { prorate, type Cents } from '../src/domain/money.ts';
import { billingPeriods, type BillingPeriod } from '../src/domain/periods.ts';
import type { Scenario, ScenarioMixEntry } from '../src/domain/scenario.ts';
import { brusselsMidnight, formatDate, ymdOfDay, type Day, type Instant } from '../src/domain/time.ts';
import { TIMELINE_VERSION, type Timeline } from '../src/domain/timeline.ts';
import { addMonths, instantOn } from './calendar.ts';
import { contractShape, type ContractShape } from './contract.ts';
import { habits } from './events/habits.ts';
import { identity } from './identity.ts';
import { Life, type Habits } from './life.ts';
import { belgianFixed, belgianMobile } from './numbers.ts';
import { PERSONAS } from './personas/index.ts';
import { deriveSeed, Rng } from './rng.ts';
import type { AnyPersona, BuildContext, ContractFacet, ContractNeeds, LineInfo, StatementInfo, UsageProfile } from './types.ts';
import { expandUsage, type GeneratedUsage } from './usage/expand.ts';
import { usageProfile } from './usage-profile.ts';

/** Everything fast-check draws for one subscriber. */
export interface SubscriberShape {
  /** Index of the scenario's mix entry. */
  readonly entry: number;
  /** Seed of the identity, the line numbers and the usage expansion. */
  readonly seed: number;
  readonly contract: ContractShape;
  readonly profile: UsageProfile;
  readonly habits: Habits;
  /** Each persona's part, in the entry's order. */
  readonly personas: readonly unknown[];
}

/** A generated subscriber: contract and account events as a timeline, usage as columns. */
export interface GeneratedSubscriber {
  readonly index: number;
  readonly personas: readonly string[];
  /** Contract and account events only, valid by the timeline schema. */
  readonly timeline: Timeline;
  /** Call, SMS and data rows in time order. */
  readonly usage: GeneratedUsage;
}

/** A scenario ready to generate from: the horizon, and per mix entry its personas and shape arbitrary. */
export interface PopulationPlan {
  readonly scenario: Scenario;
  readonly catalog: Catalog;
  readonly until: Day;
  readonly entries: ReadonlyArray<{ readonly mix: ScenarioMixEntry; readonly personas: readonly AnyPersona[]; readonly shape: fc.Arbitrary<SubscriberShape> }>;
  /** Cumulative weights of the entries, ending at 1. */
  readonly cumulative: Float64Array;
}

export const Purpose = { ENTRY: 1, SHAPE: 2, IDENTITY: 3, NUMBERS: 4, USAGE: 5 } as const;

export function populationPlan(scenario: Scenario, catalog: Catalog): PopulationPlan {
  const until = addMonths(scenario.start, scenario.horizonMonths);
  const total = scenario.mix.reduce((s, m) => s + m.weight, 0);
  const cumulative = new Float64Array(scenario.mix.length);
  let acc = 0;
  scenario.mix.forEach((m, i) => (cumulative[i] = acc += m.weight / total));
  cumulative[cumulative.length - 1] = 1;
  const plan = { scenario, catalog, until, cumulative, entries: [] as PopulationPlan['entries'][number][] };
  const shared = new Map<string, Map<number, fc.Arbitrary<unknown>>>();
  scenario.mix.forEach((mix, i) => {
    const personas = mix.personas.map((id) => {
      const p = PERSONAS.get(id);
      if (!p) throw new Error(`generators: no persona ${id}`);
      return p;
    });
    plan.entries.push({ mix, personas, shape: subscriberShape(plan, i, mix, personas, shared) });
  });
  return plan;
}

/** The shape of a subscriber of mix entry `entry`; `shared`: the population's persona arbitraries (`personaPart`). */
function subscriberShape(
  plan: Omit<PopulationPlan, 'entries'>,
  entry: number,
  mix: ScenarioMixEntry,
  personas: readonly AnyPersona[],
  shared: Map<string, Map<number, fc.Arbitrary<unknown>>>,
): fc.Arbitrary<SubscriberShape> {
  const needs: ContractNeeds = Object.assign({}, ...personas.map((p) => p.needs ?? {}));
  const contract = contractShape({ catalog: plan.catalog, plans: mix.plans, activationDays: plan.scenario.activationDays, needs });
  // The seed, profile and habits, then each persona's part, as one tuple mapped into the shape (not fc.record: this
  // is drawn for every subscriber, and a record's generic mapping costs more than its fields).
  const common = [fc.integer({ min: 0, max: 0xffffffff }), usageProfile(), habits(plan.catalog.paymentTermDays)] as const;
  const parts = personas.map((p) => personaPart(plan, p, mix.parameters[p.id] ?? {}, shared));
  return contract.chain((c) => {
    const ctx = buildContext(plan, c);
    return fc
      .tuple(...common, fc.tuple(...parts.map((part) => part(ctx))))
      .map(([seed, profile, payHabits, drawn]): SubscriberShape => ({ entry, contract: c, seed, profile, habits: payHabits, personas: drawn }));
  });
}

/**
 * A persona's arbitrary against a context, built once per value of what it reads of the contract (its
 * `drawsOn`) and shared by every subscriber with that value, whatever its mix entry (entries with the same
 * parameters share them): the same key gives the same arbitrary, so a subscriber draws what it would draw
 * from one built for it alone, whichever subscribers were made before it.
 */
function personaPart(
  plan: Omit<PopulationPlan, 'entries'>,
  persona: AnyPersona,
  params: Record<string, unknown>,
  shared: Map<string, Map<number, fc.Arbitrary<unknown>>>,
): (ctx: BuildContext) => fc.Arbitrary<unknown> {
  const build = (ctx: BuildContext) => persona.arbitrary(ctx, params) as fc.Arbitrary<unknown>;
  if (persona.drawsOn === undefined) return build;
  const key = facetKey(plan, persona.drawsOn);
  const id = `${persona.id} ${JSON.stringify(params)}`;
  let built = shared.get(id);
  if (built === undefined) shared.set(id, (built = new Map()));
  const cache = built;
  return (ctx) => {
    const k = key(ctx);
    return k < 0 ? build(ctx) : cached(cache, k, () => build(ctx));
  };
}

/**
 * The key of what a persona reads of a context (`facets`), as a number: the contract day, the activation
 * and the cycle day (the horizon and its periods), or only how many statements there are, the plan, the
 * lines; −1 for a context out of its ranges. A persona that reads the statements' count and not the
 * horizon is keyed by the count: subscribers with the same count share its arbitrary whatever their dates.
 */
function facetKey(plan: Omit<PopulationPlan, 'entries'>, drawsOn: readonly ContractFacet[]): (ctx: BuildContext) => number {
  const facets = new Set(drawsOn);
  const horizon = facets.has('horizon');
  const statements = facets.has('statements') && !horizon;
  const byPlan = facets.has('plan');
  const lines = facets.has('lines');
  const planIndex = partsOf(plan).planIndex;
  return (ctx) => {
    // The horizon's part of the key, or the statements' count in its place (below 2^28 either way).
    let dates = 0;
    if (horizon) {
      const start = ctx.start - plan.scenario.start;
      const activation = ctx.activation === null ? 0 : ctx.activation - ctx.start + 1;
      const cycleDay = ctx.cycleDay;
      if (start < 0 || start >= 8192 || activation < 0 || activation >= 1024 || cycleDay < 0 || cycleDay >= 32) return -1;
      dates = (start * 1024 + activation) * 32 + cycleDay;
    } else if (statements) {
      dates = ctx.statements.length;
      if (dates >= 8192) return -1;
    }
    const p = byPlan ? planIndex.get(ctx.plan.id)! : 0;
    if (p >= 64) return -1;
    let kinds = 0;
    if (lines) {
      let mobile = 0;
      let data = 0;
      let fixed = 0;
      let phone2go = 0;
      for (const l of ctx.lines) {
        if (l.kind === 'mobile') mobile++;
        else if (l.kind === 'data') data++;
        else if (l.kind === 'fixed') fixed++;
        else phone2go++;
      }
      // Lines come in this order (mobiles, data SIM, fixed line, licences), so the counts make them.
      if (mobile >= 16 || data >= 2 || fixed >= 2 || phone2go >= 8) return -1;
      kinds = ((mobile * 2 + data) * 2 + fixed) * 8 + phone2go;
    }
    return (dates * 64 + p) * 512 + kinds;
  };
}

/** CLIC-2.5: a SIM must be activated within 14 days of its receipt. */
export const ACTIVATION_DAYS = 14;
const ACTIVATION_SECOND = 10 * 3600;

const LINE_PREFIX = { mobile: 'sim', data: 'data', fixed: 'fixed', phone2go: 'p2g' } as const;

/**
 * The last context made, for the contract shape it was made for: the shape's draw makes it (persona
 * arbitraries are drawn against it) and the subscriber's build uses it right after. One entry, not a
 * WeakMap of every contract drawn: weak keys cost the garbage collector on every young collection.
 */
let last: { plan: Omit<PopulationPlan, 'entries'>; contract: ContractShape; ctx: BuildContext } | undefined;

/** What the contract fixes: dates, lines, periods and statements. */
export function buildContext(plan: Omit<PopulationPlan, 'entries'>, c: ContractShape): BuildContext {
  if (last === undefined || last.contract !== c || last.plan !== plan) last = { plan, contract: c, ctx: contextOf(plan, c) };
  return last.ctx;
}

/**
 * The billing periods from `activation` to `until` on `cycleDay`, made once per process for each
 * combination (a population has a few hundred: activation days × cycle days) and shared, frozen, by the
 * subscribers that have it: a pure function of its arguments, so sharing changes nothing.
 */
const PERIODS = new Map<number, readonly BillingPeriod[]>();

function periodsOf(activation: Day, cycleDay: number, until: Day): readonly BillingPeriod[] {
  if (until - activation >= 8192) return billingPeriods(activation, cycleDay, until);
  const key = (activation * 32 + cycleDay) * 8192 + (until - activation);
  return cached(PERIODS, key, () => Object.freeze(billingPeriods(activation, cycleDay, until).map((p) => Object.freeze(p))));
}

/**
 * `map`'s value for `key`, made by `make` the first time. A population needs a few hundred keys; beyond
 * 16,384 (horizons or activation spreads beyond any scenario's) the map starts again, so it stays bounded.
 */
function cached<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    if (map.size >= 16_384) map.clear();
    map.set(key, (value = make()));
  }
  return value;
}

/**
 * What contracts of a population share, made once each and frozen, like the periods: the lines of each
 * combination of SIMs, fixed line and licences, and the statements of each plan, options and periods (pure
 * functions of those; made for every subscriber, they were a sixth of the shape's cost and of its garbage).
 */
interface SharedParts {
  readonly lines: Map<number, readonly LineInfo[]>;
  readonly planIndex: Map<string, number>;
  /** By periods (the shared arrays of `periodsOf`), then plan and options. */
  readonly statements: Map<readonly BillingPeriod[], Map<number, readonly StatementInfo[]>>;
}

const PARTS = new WeakMap<Omit<PopulationPlan, 'entries'>, SharedParts>();

function partsOf(plan: Omit<PopulationPlan, 'entries'>): SharedParts {
  let parts = PARTS.get(plan);
  if (parts === undefined) PARTS.set(plan, (parts = { lines: new Map(), planIndex: new Map([...plan.catalog.plans.keys()].map((id, i) => [id, i])), statements: new Map() }));
  return parts;
}

/** The options of each combination (bit 0: fixed telephony, 1: TV, 2: Phone2Go), in the domain's order. */
const OPTION_SETS: ReadonlyArray<readonly OptionId[]> = Array.from({ length: 8 }, (_, mask) =>
  Object.freeze(OPTIONS.filter((o) => (o === 'fixed_telephony' && mask & 1) || (o === 'tv' && mask & 2) || (o === 'phone2go' && mask & 4))),
);

/** The contract's lines: mobile SIMs, the data SIM, the fixed line, Phone2Go licences, in that order. */
function linesOf(parts: SharedParts, c: ContractShape): readonly LineInfo[] {
  const key = ((c.mobiles * 2 + (c.dataSim ? 1 : 0)) * 2 + (c.fixedLine ? 1 : 0)) * 64 + c.phone2go;
  let lines = parts.lines.get(key);
  if (lines === undefined) {
    const kinds: Array<LineInfo['kind']> = [];
    for (let i = 0; i < c.mobiles; i++) kinds.push('mobile');
    if (c.dataSim) kinds.push('data');
    if (c.fixedLine) kinds.push('fixed');
    for (let i = 0; i < c.phone2go; i++) kinds.push('phone2go');
    const counts = { mobile: 0, data: 0, fixed: 0, phone2go: 0 };
    lines = Object.freeze(kinds.map((kind, index) => Object.freeze({ index, kind, id: `${LINE_PREFIX[kind]}-${++counts[kind]}` })));
    parts.lines.set(key, lines);
  }
  return lines;
}

/** One statement per period (BASE-D.8.1, D.8.5): issued on its first day, the fee and options prorated (BASE-D.8.3). */
function statementsOf(parts: SharedParts, catalog: Catalog, p: Plan, options: readonly OptionId[], mask: number, periods: readonly BillingPeriod[]): readonly StatementInfo[] {
  const make = () =>
    periods.map((period) => {
      let fee = prorate(p.fee, period.days, period.cycleDays) as number;
      for (const o of options) fee += prorate(catalog.options[o].fee as Cents, period.days, period.cycleDays);
      return Object.freeze({ index: period.index, issued: period.start, due: period.start + catalog.paymentTermDays, feeCents: fee });
    });
  // Only periods shared through `periodsOf` are keys (others are made for one subscriber).
  if (!Object.isFrozen(periods)) return make();
  const byPlan = cached(parts.statements, periods, () => new Map<number, readonly StatementInfo[]>());
  return cached(byPlan, parts.planIndex.get(p.id)! * 8 + mask, () => Object.freeze(make()));
}

function contextOf(plan: Omit<PopulationPlan, 'entries'>, c: ContractShape): BuildContext {
  const { catalog, scenario, until } = plan;
  const p = catalog.plans.get(c.plan)!;
  const span = until - scenario.start;
  const start = scenario.start + Math.max(0, Math.min(c.startOffset, span - 1));
  // SIMs received later and activated some days after (CLIC-2.5: within 14 days, else the contract ends).
  let received: Day | null = c.activationAfterDays !== 0 ? start + c.receivedAfterDays : null;
  if (received !== null && received >= until) received = null;
  let activation: Day | null = start;
  let activationEventAt: Instant | null = null;
  if (received !== null) {
    const day = c.activationAfterDays > 0 ? received + c.activationAfterDays : null;
    activationEventAt = day !== null && day < until ? instantOn(day, ACTIVATION_SECOND) : null;
    activation = activationEventAt === null || (isClic(p.family) && day! > received + ACTIVATION_DAYS) ? null : day;
  }
  const activationAt = activation === null ? brusselsMidnight(until) : activationEventAt ?? brusselsMidnight(start);
  const dom = ymdOfDay(activation ?? start).day;
  const cycleDay = c.cycleOnActivation && dom <= 28 ? dom : c.cycleDay;
  const parts = partsOf(plan);
  const lines = linesOf(parts, c);
  const mask = (c.fixedLine ? 1 : 0) | (c.tv ? 2 : 0) | (c.phone2go > 0 ? 4 : 0);
  const options = OPTION_SETS[mask]!;
  const periods = activation === null ? [] : periodsOf(activation, cycleDay, until);
  const statements = p.family === 'BASE_PREPAID' ? [] : statementsOf(parts, catalog, p, options, mask, periods);
  return {
    catalog,
    plan: p,
    family: p.family,
    options,
    lines,
    start,
    until,
    received,
    activation,
    activationAt,
    activationEventAt,
    startAt: brusselsMidnight(start),
    untilAt: brusselsMidnight(until),
    cycleDay,
    periods,
    statements,
    term: c.fixedTermMonths > 0 ? { kind: 'fixed', months: c.fixedTermMonths } : { kind: 'indefinite' },
    device: c.device ?? undefined,
    days: until - start,
    dataBarred: c.dataBarred,
    payment: c.payment,
  };
}

/** Builds subscriber `index` from its shape: personas applied, account events, identity, numbers, usage. */
export function buildSubscriber(plan: PopulationPlan, shape: SubscriberShape, index: number): GeneratedSubscriber {
  const entry = plan.entries[shape.entry]!;
  const ctx = buildContext(plan, shape.contract);
  const life = new Life(ctx, shape.profile, shape.habits);
  entry.personas.forEach((p, j) => p.apply(shape.personas[j], life, entry.mix.parameters[p.id] ?? {}));
  const events = life.finish();
  const usage = expandUsage(ctx, life, deriveSeed(shape.seed, Purpose.USAGE));
  const who = identity(deriveSeed(shape.seed, Purpose.IDENTITY), shape.contract.locale, isClic(ctx.family));
  const rng = new Rng(deriveSeed(shape.seed, Purpose.NUMBERS));
  const lines = ctx.lines.map((l) => {
    if (l.kind === 'mobile') return { id: l.id, kind: l.kind, number: belgianMobile(rng) };
    if (l.kind === 'data') return { id: l.id, kind: l.kind };
    return { id: l.id, kind: l.kind, number: belgianFixed(rng) };
  });
  const c = shape.contract;
  // Built as the timeline the schema's parse would return (every default written out, account events'
  // included: events/defaults.ts), so the parse is not run for every subscriber; the generators' tests
  // parse generated timelines and check that nothing changes.
  const timeline: Timeline = {
    schema: TIMELINE_VERSION,
    subscriber: {
      id: `${plan.scenario.name}-${String(index).padStart(6, '0')}`,
      persona: entry.mix.personas.join(' + '),
      identity: who as unknown as Record<string, unknown>,
    },
    contract: {
      family: ctx.family,
      plan: ctx.plan.id,
      options: [...ctx.options],
      term: ctx.term.kind === 'fixed' ? { kind: 'fixed', months: ctx.term.months } : { kind: 'indefinite' },
      ...(c.device ? { device: { discountCents: c.device.discountCents, minimumMonths: c.device.minimumMonths } } : {}),
      start: formatDate(ctx.start),
      cycleDay: ctx.cycleDay,
      lines,
      dataBarred: ctx.dataBarred,
      payment: ctx.payment,
    },
    until: formatDate(ctx.until),
    events,
  };
  return { index, personas: entry.mix.personas, timeline, usage };
}
