/**
 * fast-check arbitraries of valid timelines for the default catalog, and helpers the properties use to
 * read and edit them. Every plan family is covered except BASE_PREPAID (not rated yet). Timelines are
 * small (at most 60 usage events, 1–4 months) so a property runs 100+ times in a few seconds.
 */
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import type { z } from 'zod';
import { loadCatalog, type Catalog, type Plan } from '../../src/domain/catalog.ts';
import { countryZone } from '../../src/domain/countries.ts';
import { billingPeriods } from '../../src/domain/periods.ts';
import { brusselsMidnight, formatDate, formatInstant, parseDate, parseInstant } from '../../src/domain/time.ts';
import type { CallEvent, DataEvent, SmsEvent, TimelineInput } from '../../src/domain/timeline.ts';
import { smsSegments } from '../../src/terms/compile.ts';

export const CATALOG_FILE = fileURLToPath(new URL('../../scenarios/catalogs/default.yaml', import.meta.url));
export const catalog: Catalog = loadCatalog(CATALOG_FILE);

/** Every plan of the default catalog except the prepaid one, which the model does not rate yet. */
export const RATED_PLANS = [...catalog.plans.values()].filter((p) => p.family !== 'BASE_PREPAID').map((p) => p.id);

export function planOf(id: string): Plan {
  const p = catalog.plans.get(id);
  if (!p) throw new Error(`test setup: no plan ${id} in the default catalog`);
  return p;
}

export type CallIn = z.input<typeof CallEvent>;
export type SmsIn = z.input<typeof SmsEvent>;
export type DataIn = z.input<typeof DataEvent>;
export type UsageIn = CallIn | SmsIn | DataIn;
export type LineIn = TimelineInput['contract']['lines'][number];
/** A timeline as the generators build it: usage events only. */
export type GenTimeline = Omit<TimelineInput, 'events'> & { events: UsageIn[] };

/** Where a line may be: Belgium, EU-zone countries, and the rest of the world. */
export const COUNTRIES = ['BE', 'FR', 'ES', 'NL', 'DE', 'US', 'CH'] as const;
export const EU_COUNTRIES = ['FR', 'ES', 'NL', 'DE'] as const;

/** Called numbers by destination class (numbering.ts `Dest`), every class represented. */
export const DESTINATIONS = {
  be_fixed: ['+3222345678', '022345678', '+3250441122', '078123456'],
  be_mobile: ['+32470123456', '0475987654', '+32491234567'],
  eu: ['+33612345678', '+34612345678', '+31612345678', '+4915123456789'],
  international: ['+12025550123', '+41791234567', '+447700900123'],
  special: ['070123456', '+3270123456'],
  premium: ['090012345', '077123456', '+3290512345'],
  free: ['080012345'],
  emergency: ['112', '101', '100'],
  short_code: ['1207', '8850'],
} as const;
export const BELGIAN_NUMBERS: readonly string[] = [...DESTINATIONS.be_fixed, ...DESTINATIONS.be_mobile];
export const EMERGENCY_NUMBERS: readonly string[] = DESTINATIONS.emergency;
const ALL_NUMBERS: readonly string[] = Object.values(DESTINATIONS).flat();

/** Activation days around the Belgian DST switches (last Sundays of March and October). */
const DST_STARTS = [
  '2025-03-29', '2025-03-30', '2025-03-31', '2025-10-25', '2025-10-26', '2025-10-27',
  '2026-03-28', '2026-03-29', '2026-03-30', '2026-10-24', '2026-10-25', '2026-10-26',
  '2027-03-27', '2027-03-28', '2027-10-31',
];
const FIRST_DAY = parseDate('2025-01-01')!;
const LAST_DAY = parseDate('2027-12-31')!;

const GB = 1_000_000_000;
const MB = 1_000_000;

/** An instant as Brussels local time with its offset, or in UTC. Both parse to the same instant. */
export function writeInstant(t: number, utc = false): string {
  return utc ? new Date(t * 1000).toISOString().replace('.000Z', 'Z') : formatInstant(t);
}

interface ContractSpec {
  plan: string;
  start: string;
  cycleDay: number;
  horizonDays: number;
  mobiles: number;
  dataSim: boolean;
  fixed: boolean;
  phone2go: number;
  tv: boolean;
  numbered: boolean;
  dataBarred: boolean;
}

function contractSpec(plans: readonly string[]): fc.Arbitrary<ContractSpec> {
  return fc.record({
    plan: fc.constantFrom(...plans),
    start: fc.oneof(
      { weight: 1, arbitrary: fc.constantFrom(...DST_STARTS) },
      { weight: 2, arbitrary: fc.integer({ min: FIRST_DAY, max: LAST_DAY }).map(formatDate) },
    ),
    cycleDay: fc.oneof(fc.integer({ min: 1, max: 28 }), fc.constantFrom(1, 15, 25, 26, 27, 28)),
    horizonDays: fc.integer({ min: 1, max: 4 }).chain((m) => fc.integer({ min: Math.max(1, m * 30 - 3), max: m * 30 + 1 })),
    mobiles: fc.integer({ min: 1, max: 3 }),
    dataSim: fc.boolean(),
    fixed: fc.boolean(),
    phone2go: fc.integer({ min: 0, max: 2 }),
    tv: fc.boolean(),
    numbered: fc.boolean(),
    dataBarred: fc.oneof({ weight: 9, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  });
}

interface EventSpec {
  type: 'call' | 'sms' | 'data';
  pos: number;
  lineSel: number;
  country: (typeof COUNTRIES)[number];
  to: string;
  callSeconds: number;
  incoming: boolean;
  characters: number;
  recipients: number;
  bytes: number;
  sessionSeconds: number;
  lateBy: number;
  utc: boolean;
}

/** Usage records; `heavy` makes caps, throttles and pauses (CLIC-2.1, CLIC-2.3) frequent. */
function eventSpec(heavy: boolean): fc.Arbitrary<EventSpec> {
  const h = heavy ? 6 : 1;
  return fc.record({
  type: fc.constantFrom('call', 'sms', 'data'),
  pos: fc.integer({ min: 0, max: 0x7fffffff }),
  lineSel: fc.nat(11),
  country: fc.oneof(
    { weight: 4, arbitrary: fc.constant('BE' as const) },
    { weight: 3, arbitrary: fc.constantFrom(...EU_COUNTRIES) },
    { weight: 1, arbitrary: fc.constantFrom('US' as const, 'CH' as const) },
  ),
  to: fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...BELGIAN_NUMBERS) }, { weight: 4, arbitrary: fc.constantFrom(...ALL_NUMBERS) }),
  callSeconds: fc.oneof(
    { weight: 12, arbitrary: fc.integer({ min: 0, max: 3600 }) },
    { weight: 2, arbitrary: fc.integer({ min: 3600, max: 100_000 }) },
    { weight: h, arbitrary: fc.integer({ min: 500_000, max: 1_900_000 }) },
  ),
  incoming: fc.oneof({ weight: 6, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  characters: fc.integer({ min: 0, max: 500 }),
  recipients: fc.oneof(
    { weight: 12, arbitrary: fc.integer({ min: 1, max: 3 }) },
    { weight: h, arbitrary: fc.integer({ min: 1_000, max: 10_000 }) },
  ),
  bytes: fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min: 0, max: 100 * MB }) },
    { weight: 3, arbitrary: fc.integer({ min: 100 * MB, max: 5 * GB }) },
    { weight: h, arbitrary: fc.integer({ min: 5 * GB, max: 150 * GB }) },
  ),
  sessionSeconds: fc.integer({ min: 1, max: 86_400 }),
  lateBy: fc.oneof(
    { weight: 3, arbitrary: fc.constant(0) },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: 90 * 86_400 }) },
  ),
  utc: fc.boolean(),
  });
}

/** The contract window [first, last) in instants: 00:00 Brussels on the first period's start and after the last period. */
export function contractWindow(doc: Pick<GenTimeline, 'contract' | 'until'>): { first: number; last: number; bounds: number[] } {
  const periods = billingPeriods(parseDate(doc.contract.start)!, doc.contract.cycleDay, parseDate(doc.until)!);
  const bounds = periods.map((p) => brusselsMidnight(p.start));
  bounds.push(brusselsMidnight(periods[periods.length - 1]!.end));
  return { first: bounds[0]!, last: bounds[bounds.length - 1]!, bounds };
}

function buildTimeline(c: ContractSpec, specs: readonly EventSpec[]): GenTimeline {
  const plan = planOf(c.plan);
  const clic = plan.family === 'CLIC' || plan.family === 'CLIC_BUREAU';
  const lines: LineIn[] = [];
  const mobiles = Math.min(c.mobiles, plan.mobileSims);
  for (let i = 0; i < mobiles; i++)
    lines.push(c.numbered ? { id: `sim-${i + 1}`, kind: 'mobile', number: `+3247000000${i + 1}` } : { id: `sim-${i + 1}`, kind: 'mobile' });
  if (plan.dataSim && c.dataSim) lines.push({ id: 'data-1', kind: 'data' });
  const options: Array<'phone2go' | 'fixed_telephony' | 'tv'> = [];
  if (clic && c.fixed) {
    options.push('fixed_telephony');
    lines.push({ id: 'fixed-1', kind: 'fixed', number: '+3222000001' });
  }
  if (plan.family === 'CLIC' && c.phone2go > 0) {
    options.push('phone2go');
    for (let i = 0; i < c.phone2go; i++) lines.push({ id: `p2g-${i + 1}`, kind: 'phone2go' });
  }
  if (clic && c.tv) options.push('tv');

  const start = parseDate(c.start)!;
  const doc: GenTimeline = {
    schema: 'termlab.timeline/1',
    subscriber: { id: `gen-${c.plan}-${c.start}`, persona: 'generated' },
    contract: {
      family: plan.family,
      plan: plan.id,
      options,
      start: c.start,
      cycleDay: c.cycleDay,
      lines,
      dataBarred: c.dataBarred,
    },
    until: formatDate(start + c.horizonDays),
    events: [],
  };
  const { first, last } = contractWindow(doc);
  const dataLines = lines.filter((l) => l.kind === 'mobile' || l.kind === 'data');
  // Calls and SMS mostly from mobile SIMs, sometimes from the other lines (a data SIM's are blocked, CLIC-2.4).
  const voiceLines = [...lines.filter((l) => l.kind === 'mobile'), ...lines];

  const timed = specs.map((s) => {
    const t = first + (s.pos % (last - first));
    const pool = s.type === 'data' ? dataLines : voiceLines;
    const line = pool[s.lineSel % pool.length]!;
    const from = line.kind === 'fixed' ? 'BE' : s.country;
    const at = writeInstant(t, s.utc);
    const late = from !== 'BE' && s.lateBy > 0 ? { recordedAt: writeInstant(t + s.lateBy, !s.utc) } : {};
    let e: UsageIn;
    if (s.type === 'call')
      e = { type: 'call', at, line: line.id, from, to: s.to, seconds: s.callSeconds, ...(s.incoming ? { direction: 'in' as const } : {}), ...late };
    else if (s.type === 'sms')
      e = { type: 'sms', at, line: line.id, from, to: s.to, characters: s.characters, ...(s.recipients > 1 ? { recipients: s.recipients } : {}), ...late };
    else e = { type: 'data', at, line: line.id, from, bytes: s.bytes, seconds: s.sessionSeconds, ...late };
    return { t, e };
  });
  timed.sort((a, b) => a.t - b.t); // stable
  doc.events = timed.map((x) => x.e);
  return doc;
}

/** Valid timelines on the given plans (default: every rated plan of the default catalog). */
export function timelineArb(options: { plans?: readonly string[]; maxEvents?: number; heavy?: boolean } = {}): fc.Arbitrary<GenTimeline> {
  const plans = options.plans ?? RATED_PLANS;
  return fc
    .tuple(contractSpec(plans), fc.array(eventSpec(options.heavy ?? false), { maxLength: options.maxEvents ?? 60, size: 'max' }))
    .map(([c, specs]) => buildTimeline(c, specs));
}

/** A number in [0, 1) for picking instants and shares. */
export const unit = fc.integer({ min: 0, max: 999_999 }).map((n) => n / 1_000_000);

/** The instant of an event (`at`). */
export function atOf(e: { at: string }): number {
  const t = parseInstant(e.at);
  if (t === undefined) throw new Error(`test setup: bad instant ${e.at}`);
  return t;
}

/** A copy of `doc` with `event` inserted after every event at or before its instant; returns its index too. */
export function insertEvent(doc: GenTimeline, event: UsageIn): { doc: GenTimeline; index: number } {
  const t = atOf(event);
  let index = doc.events.length;
  while (index > 0 && atOf(doc.events[index - 1]!) > t) index--;
  const events = [...doc.events.slice(0, index), event, ...doc.events.slice(index)];
  return { doc: { ...doc, events }, index };
}

/** The quantity a usage record counts for in its own unit (seconds, SMS, bytes), as the catalog rounds it. */
export function recordQuantity(e: UsageIn, cat: Catalog = catalog): number {
  if (e.type === 'call') return Math.ceil(e.seconds / cat.callIncrementSeconds) * cat.callIncrementSeconds;
  if (e.type === 'sms') return smsSegments(e.characters) * (e.recipients ?? 1);
  return Math.ceil(e.bytes / cat.dataIncrementBytes) * cat.dataIncrementBytes;
}

/** The zone name of a country code. */
export function zoneOf(country: string): 'BE' | 'EU' | 'WORLD' {
  const z = countryZone(country);
  if (z === undefined) throw new Error(`test setup: unknown country ${country}`);
  return (['BE', 'EU', 'WORLD'] as const)[z];
}

/** Index of the period (by bounds) that contains instant t. */
export function periodAt(bounds: readonly number[], t: number): number {
  for (let p = 0; p + 1 < bounds.length; p++) if (t < bounds[p + 1]!) return p;
  throw new Error(`test setup: instant ${t} after the contract`);
}
