import type { Catalog, Plan } from '../domain/catalog.ts';
import { countryZone, Zone } from '../domain/countries.ts';
import { InputError } from '../domain/errors.ts';
import { Svc } from '../domain/families.ts';
import { createNumberClassifier, Dest } from '../domain/numbering.ts';
import { billingPeriods, type BillingPeriod } from '../domain/periods.ts';
import { brusselsDayOf, brusselsMidnight, formatInstant, parseDate, parseInstant, type Day, type Instant } from '../domain/time.ts';
import type { Timeline, TimelineEvent } from '../domain/timeline.ts';
import { addMonths, readLifecycle, type Lifecycle } from './lifecycle.ts';
import { UsageBuilder, UsageFlag, usageFlags, zonesOf, type UsageColumns } from '../domain/usage.ts';

/** Line kinds as small integers for the rating loop. */
export const LineKind = { MOBILE: 0, DATA: 1, FIXED: 2, PHONE2GO: 3 } as const;
const LINE_KINDS = { mobile: LineKind.MOBILE, data: LineKind.DATA, fixed: LineKind.FIXED, phone2go: LineKind.PHONE2GO };

/** BASE-A: an SMS is at most 160 characters; a longer message counts one SMS per started 160. */
export const SMS_SEGMENT_CHARACTERS = 160;

/** The segments an SMS of `characters` is billed as (BASE-A); an empty message is still one SMS. */
export function smsSegments(characters: number): number {
  return characters <= SMS_SEGMENT_CHARACTERS ? 1 : Math.ceil(characters / SMS_SEGMENT_CHARACTERS);
}

/**
 * A timeline made ready for rating: its usage as columns (typed arrays, one row per record, in the
 * order the operator processes them), the billing periods, and the plan. Built once; rating it
 * allocates nothing per record.
 */
export interface CompiledTimeline {
  readonly timeline: Timeline;
  /** The plan of the contract (the first segment's; plan changes are in `lifecycle.segments`). */
  readonly plan: Plan;
  readonly lineIds: readonly string[];
  readonly lineKind: Uint8Array;
  readonly lifecycle: Lifecycle;
  readonly account: readonly AccountEvent[];
  readonly periods: readonly BillingPeriod[];
  /** Period bounds as instants (00:00 Brussels), length periods + 1. */
  readonly periodBounds: Float64Array;
  readonly count: number;
  /** Row order of processing: by the time the record reached the operator, then by event order. */
  readonly order: Int32Array;
  readonly at: Float64Array;
  /** When the record reached the operator: `recordedAt` for a late roaming record, else `at`. */
  readonly arrived: Float64Array;
  readonly service: Uint8Array;
  readonly incoming: Uint8Array;
  readonly line: Uint16Array;
  readonly zone: Uint8Array;
  readonly dest: Uint8Array;
  /** Seconds (rounded up to the catalog's increment), SMS (segments × recipients) or bytes. */
  readonly quantity: Float64Array;
  /** Data session duration in seconds. */
  readonly seconds: Float64Array;
  readonly flags: Uint8Array;
  readonly recipients: Uint16Array;
  readonly period: Int32Array;
  readonly event: Int32Array;
}

type Fail = (path: string, expected: string, got?: unknown) => never;

/** An account event (not usage) with its instant and index in the timeline. */
export interface AccountEvent {
  readonly index: number;
  readonly at: Instant;
  readonly event: Exclude<TimelineEvent, { type: 'call' | 'sms' | 'data' }>;
}

/**
 * Checks everything the schema cannot (the plan exists, lines and events are consistent, events are in
 * order and inside the contract, numbers are well formed) and builds the columns. Throws an InputError
 * naming `file` and the JSON path of the first problem.
 */
export function compileTimeline(timeline: Timeline, catalog: Catalog, file: string): CompiledTimeline {
  const fail: Fail = (path, expected, got) => {
    throw new InputError(file, path, expected, got);
  };
  const contract = checkContract(timeline, catalog, fail);
  const events = timeline.events;
  let previous = -Infinity;
  const instants = new Float64Array(events.length);
  events.forEach((e, i) => {
    const t = parseInstant(e.at)!;
    if (t < previous)
      fail(`events[${i}].at`, `expected events in time order: at or after events[${i - 1}].at (${formatInstant(previous)})`, e.at);
    if (t < contract.window[0] || t >= contract.window[1])
      fail(`events[${i}].at`, `expected an instant inside the contract, from ${formatInstant(contract.window[0])} to before ${formatInstant(contract.window[1])}`, e.at);
    previous = t;
    instants[i] = t;
  });

  const usage = new UsageBuilder();
  const eventIndex: number[] = [];
  const account: AccountEvent[] = [];
  const classify = createNumberClassifier();
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    const t = instants[i]!;
    if (e.type !== 'call' && e.type !== 'sms' && e.type !== 'data') {
      if ('line' in e && e.line !== undefined && !contract.lineIndex.has(e.line))
        fail(`events[${i}].line`, `expected one of the contract's lines (${[...contract.lineIndex.keys()].join(', ')})`, e.line);
      if (e.type === 'plan_change' && !catalog.plans.has(e.plan))
        fail(`events[${i}].plan`, `expected a plan of catalog "${catalog.name}" (${[...catalog.plans.keys()].join(', ')})`, e.plan);
      account.push({ index: i, at: t, event: e });
      continue;
    }
    const li = contract.lineIndex.get(e.line);
    if (li === undefined) fail(`events[${i}].line`, `expected one of the contract's lines (${[...contract.lineIndex.keys()].join(', ')})`, e.line);
    const kind = contract.lineKind[li!]!;
    const z = countryZone(e.from)!;
    if ((kind === LineKind.FIXED || kind === LineKind.PHONE2GO) && e.type === 'data')
      fail(`events[${i}].line`, 'expected a mobile or data SIM for data usage', e.line);
    if (kind === LineKind.FIXED && z !== Zone.BE) fail(`events[${i}].from`, 'expected BE for a fixed line', e.from);
    let recordedAt = t;
    if (e.recordedAt !== undefined) {
      recordedAt = parseInstant(e.recordedAt)!;
      if (z === Zone.BE) fail(`events[${i}].recordedAt`, 'expected recordedAt only on roaming records, used outside Belgium (BASE-D.8.3)', e.recordedAt);
      if (recordedAt < t) fail(`events[${i}].recordedAt`, `expected an instant at or after at (${e.at})`, e.recordedAt);
    }
    const country = usage.countryId(e.from);
    eventIndex.push(i);
    if (e.type === 'data') {
      usage.push(t, Svc.DATA, li!, country, Dest.BE_MOBILE, -1, e.bytes, recordedAt, 0, 1, e.seconds, 0);
      continue;
    }
    const cls = classify(e.to);
    if (!cls.ok) fail(`events[${i}].to`, cls.reason);
    const dest = (cls as { dest: number }).dest;
    const to = usage.numberId(e.to);
    const flags = usageFlags(e);
    if (e.type === 'call') usage.push(t, Svc.CALL, li!, country, dest, to, e.seconds, recordedAt, e.direction === 'in' ? 1 : 0, 1, 0, flags);
    else usage.push(t, Svc.SMS, li!, country, dest, to, e.characters, recordedAt, 0, e.recipients, 0, flags);
  }
  return assemble(timeline, contract, usage.build(), Int32Array.from(eventIndex), account, catalog, file, (row) => `events[${eventIndex[row]}]`);
}

/**
 * Compiles a generated timeline: its contract and account events as a timeline document, its usage as
 * columns (already valid by construction: generators are property-tested against the schema). Usage
 * rows get the event index they would have in the exported JSON (account events first at equal instants).
 */
export function compileGenerated(header: Timeline, usage: UsageColumns, catalog: Catalog, file = 'generated'): CompiledTimeline {
  const contract = checkContract(header, catalog, (path, expected, got) => {
    throw new InputError(file, path, expected, got);
  });
  const account = header.events.map((e, i) => ({ index: i, at: parseInstant(e.at)!, event: e as AccountEvent['event'] }));
  const eventIndex = new Int32Array(usage.count);
  let a = 0;
  for (let i = 0; i < usage.count; i++) {
    while (a < account.length && account[a]!.at <= usage.at[i]!) a++;
    eventIndex[i] = i + a;
  }
  // Account events are in time order: the usage rows before each one only grow.
  let before = 0;
  const merged = account.map((ev, k) => {
    while (before < usage.count && usage.at[before]! < ev.at) before++;
    return { ...ev, index: k + before };
  });
  return assemble(header, contract, usage, eventIndex, merged, catalog, file, (row) => `usage row ${row}`);
}

interface CheckedContract {
  readonly plan: Plan;
  /** Where events may fall: from 00:00 on contract.start to the end of the period containing until − 1. */
  readonly window: readonly [Instant, Instant];
  readonly lineIndex: ReadonlyMap<string, number>;
  readonly lineKind: Uint8Array;
}

function checkContract(timeline: Timeline, catalog: Catalog, fail: Fail): CheckedContract {
  const c = timeline.contract;
  const plan = catalog.plans.get(c.plan);
  if (!plan) fail('contract.plan', `expected a plan of catalog "${catalog.name}" (${[...catalog.plans.keys()].join(', ')})`, c.plan);
  const p = plan!;
  if (p.family !== c.family) fail('contract.family', `expected ${p.family}, the family of plan ${p.id}`, c.family);

  const start = parseDate(c.start)!;
  const until = parseDate(timeline.until)!;
  if (until <= start) fail('until', `expected a date after contract.start (${c.start})`, timeline.until);
  const horizon = billingPeriods(start, c.cycleDay, until);
  const window = [brusselsMidnight(start), brusselsMidnight(horizon[horizon.length - 1]!.end)] as const;

  const options = new Set<string>();
  c.options.forEach((o, i) => {
    if (options.has(o)) fail(`contract.options[${i}]`, 'expected each option once', o);
    if (o !== 'phone2go' && !catalog.options[o].families.includes(c.family))
      fail(`contract.options[${i}]`, `expected an option available on ${c.family} (CLIC-1: ${catalog.options[o].families.join(', ')})`, o);
    options.add(o);
  });

  const classify = createNumberClassifier();
  const lineIndex = new Map<string, number>();
  const lineKind = new Uint8Array(c.lines.length);
  const counts = { mobile: 0, data: 0, fixed: 0, phone2go: 0 };
  c.lines.forEach((line, i) => {
    if (lineIndex.has(line.id)) fail(`contract.lines[${i}].id`, 'expected a unique line id', line.id);
    lineIndex.set(line.id, i);
    lineKind[i] = LINE_KINDS[line.kind];
    counts[line.kind]++;
    if (line.number !== undefined && !classify(line.number).ok)
      fail(`contract.lines[${i}].number`, 'expected a well-formed number such as +32470123456', line.number);
    if (line.kind === 'mobile' && counts.mobile > p.mobileSims)
      fail(`contract.lines[${i}]`, `expected at most ${p.mobileSims} mobile SIM(s) on plan ${p.id} (CLIC-1)`, line.id);
    if (line.kind === 'data' && counts.data > (p.dataSim ? 1 : 0))
      fail(`contract.lines[${i}]`, `expected ${p.dataSim ? 'at most one data SIM' : 'no data SIM'} on plan ${p.id} (CLIC-2.4)`, line.id);
    if (line.kind === 'fixed' && !options.has('fixed_telephony'))
      fail(`contract.lines[${i}]`, 'expected the fixed_telephony option for a fixed line', line.id);
    if (line.kind === 'phone2go' && (!options.has('phone2go') || counts.phone2go > 2))
      fail(`contract.lines[${i}]`, 'expected the phone2go option, which gives two licences (CLIC-2.9)', line.id);
  });
  return { plan: p, window, lineIndex, lineKind };
}

/**
 * Reads the account's life, derives the billing periods of the service (from activation to the end),
 * and the rating columns: rounded quantities (BASE-A segments), zones, periods and processing order.
 */
function assemble(
  timeline: Timeline,
  contract: CheckedContract,
  u: UsageColumns,
  eventIndex: Int32Array,
  account: readonly AccountEvent[],
  catalog: Catalog,
  file: string,
  where: (row: number) => string,
): CompiledTimeline {
  const n = u.count;
  let simBoxAt: Instant | undefined;
  for (let i = 0; i < n; i++)
    if (u.flags[i]! & UsageFlag.SIMBOX) {
      simBoxAt = u.at[i]!;
      break;
    }
  const lifecycle = readLifecycle(timeline, catalog, contract.lineIndex, account, simBoxAt);
  const activation = lifecycle.activation;
  if (n > 0 && (!activation || u.at[0]! < activation.at))
    throw new InputError(file, `${where(0)}.at`, activation ? `expected usage from the activation on (${formatInstant(activation.at)})` : 'expected no usage: the subscription never started (BASE-D.10.1, CLIC-2.5)', formatInstant(u.at[0]!));
  if (activation) flagInactivity(u, activation.at, lifecycle, parseDate(timeline.until)!);
  const until = parseDate(timeline.until)!;
  const periods = activation
    ? billingPeriods(activation.day, timeline.contract.cycleDay, Math.max(activation.day + 1, Math.min(until, lifecycle.end ? lifecycle.end.lastDay + 1 : until)))
    : [];
  const bounds = new Float64Array(periods.length + 1);
  periods.forEach((period, i) => (bounds[i] = brusselsMidnight(period.start)));
  if (periods.length > 0) bounds[periods.length] = brusselsMidnight(periods[periods.length - 1]!.end);

  const zones = zonesOf(u);
  const zone = new Uint8Array(n);
  const quantity = new Float64Array(n);
  const period = new Int32Array(n);
  let late = false;
  let pi = 0;
  // Read from the catalog once, and only when a record needs it (what-if reuse records what was read).
  let callIncrement: number | undefined;
  let dataIncrement: number | undefined;
  for (let i = 0; i < n; i++) {
    const t = u.at[i]!;
    while (pi + 1 < periods.length && t >= bounds[pi + 1]!) pi++;
    period[i] = pi;
    zone[i] = zones[u.country[i]!]!;
    if (u.recordedAt[i]! > t) late = true;
    const s = u.service[i]!;
    quantity[i] =
      s === Svc.CALL
        ? roundUpTo(u.amount[i]!, (callIncrement ??= catalog.callIncrementSeconds))
        : s === Svc.SMS
          ? smsSegments(u.amount[i]!) * u.recipients[i]!
          : roundUpTo(u.amount[i]!, (dataIncrement ??= catalog.dataIncrementBytes));
  }
  const totals = [0, 0, 0];
  for (let i = 0; i < n; i++) totals[u.service[i]!] = totals[u.service[i]!]! + quantity[i]!;
  const limits = [1e12, 1e12, 1e15];
  totals.forEach((total, s) => {
    if (total > limits[s]!)
      throw new InputError(file, 'events', `expected at most ${limits[s]} ${['seconds of calls', 'SMS', 'bytes of data'][s]} in one timeline, so that every amount stays exact`, total);
  });
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  if (late) order.sort((a, b) => u.recordedAt[a]! - u.recordedAt[b]! || a - b);
  return {
    timeline,
    plan: contract.plan,
    lineIds: timeline.contract.lines.map((l) => l.id),
    lineKind: contract.lineKind,
    lifecycle,
    account,
    periods,
    periodBounds: bounds,
    count: n,
    order,
    at: u.at,
    arrived: u.recordedAt,
    service: u.service,
    incoming: u.incoming,
    line: u.line,
    zone,
    dest: u.dest,
    quantity,
    seconds: u.seconds,
    flags: u.flags,
    recipients: u.recipients,
    period,
    event: eventIndex,
  };
}

/**
 * BASE-B.2.2: a subscription not used at all for twelve months may be ended and its number withdrawn.
 * Flags each such stretch (the operator's decision to end it is an event of its own).
 */
function flagInactivity(u: UsageColumns, activation: Instant, lifecycle: Lifecycle, until: Day): void {
  const end = Math.min(lifecycle.end?.at ?? Infinity, brusselsMidnight(until));
  let last = activation;
  const check = (next: Instant) => {
    // Twelve months are at least 365 days; a shorter gap cannot reach the limit (the calendar is costly).
    if (next - last < SURELY_WITHIN_TWELVE_MONTHS) return;
    const limit = brusselsMidnight(addMonths(brusselsDayOf(last), 12));
    if (limit <= next)
      lifecycle.decisions.push({ kind: 'flag', at: formatInstant(limit), detail: 'not used at all for twelve months: the operator may end the subscription and withdraw the number', clauses: ['BASE-B.2.2'], assumed: false });
  };
  for (let i = 0; i < u.count; i++) {
    if (u.incoming[i]) continue;
    if (u.at[i]! >= end) break;
    check(u.at[i]!);
    last = u.at[i]!;
  }
  check(end);
}

/** Seconds: 12 months from any instant end at least this much later (365 days less a day and a DST hour, with margin). */
const SURELY_WITHIN_TWELVE_MONTHS = 363 * 86_400;

function roundUpTo(value: number, increment: number): number {
  return increment === 1 ? value : Math.ceil(value / increment) * increment;
}
