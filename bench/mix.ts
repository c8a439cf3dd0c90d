/**
 * A realistic usage mix for the benchmark only (not a persona generator): seeded, deterministic timeline
 * documents for N subscribers on the default catalog's CLIC, CLIC Bureau and BASE subscription plans,
 * 12 months each, with daily usage.
 *
 * Shape, per subscriber-month, aimed at 150–400 usage records:
 * - ~70% calls and SMS, ~30% data sessions; calls mostly from Belgium to Belgian numbers, some to the
 *   EU zone and the rest of the world, a few to special (070), premium (090x, 077), freephone (0800),
 *   short codes and emergency numbers; ~35% of calls incoming.
 * - trips: ~10% of days in the EU zone, ~1% outside it; abroad, some numbers are local ones.
 * - data sessions from a few kB to a few GB (log-normal), with a duration from a plausible throughput.
 * - ~5% heavy users who cross the pack's allowance or CLIC-2.3's fair-use limits (data → throttle,
 *   calls and bulk SMS → pause on unlimited plans, billing on metered ones).
 * - some roaming records reach the operator late (`recordedAt`, BASE-D.8.3), more so outside the EU.
 *
 * No Math.random: everything comes from a mulberry32 generator seeded by `seed`.
 */
import { brusselsMidnight, dayFromYmd, formatDate, formatInstant, type Day } from '../src/domain/time.ts';
import type { TimelineInput } from '../src/domain/timeline.ts';

/** mulberry32: a tiny 32-bit PRNG, good enough for workload shapes. Returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
const int = (rng: Rng, lo: number, hi: number): number => lo + Math.floor(rng() * (hi - lo + 1));
const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;
function weighted<T>(rng: Rng, entries: ReadonlyArray<readonly [T, number]>): T {
  let total = 0;
  for (const [, w] of entries) total += w;
  let x = rng() * total;
  for (const [v, w] of entries) {
    x -= w;
    if (x < 0) return v;
  }
  return entries[entries.length - 1]![0];
}
/** Standard normal (Box–Muller). */
function normal(rng: Rng): number {
  const u = 1 - rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
}
/** Poisson-ish count with mean `mean` (Knuth for small means). */
function poisson(rng: Rng, mean: number): number {
  const l = Math.exp(-mean);
  let k = 0;
  let p = 1;
  do {
    k++;
    p *= rng();
  } while (p > l);
  return k - 1;
}
const digits = (rng: Rng, n: number): string => {
  let s = '';
  for (let i = 0; i < n; i++) s += String(int(rng, 0, 9));
  return s;
};

// Plans of the default catalog in scope: CLIC, CLIC Bureau and BASE subscriptions (not prepaid).
const PLANS = [
  { id: 'clic-s', family: 'CLIC', mobileSims: 1, dataSim: true, unlimitedCalls: true, dataUnlimited: false },
  { id: 'clic-m', family: 'CLIC', mobileSims: 2, dataSim: true, unlimitedCalls: true, dataUnlimited: false },
  { id: 'clic-unlimited', family: 'CLIC', mobileSims: 3, dataSim: true, unlimitedCalls: true, dataUnlimited: true },
  { id: 'clic-bureau', family: 'CLIC_BUREAU', mobileSims: 1, dataSim: false, unlimitedCalls: false, dataUnlimited: false },
  { id: 'base-light', family: 'BASE_SUBSCRIPTION', mobileSims: 1, dataSim: false, unlimitedCalls: false, dataUnlimited: false },
  { id: 'base-plus', family: 'BASE_SUBSCRIPTION', mobileSims: 1, dataSim: false, unlimitedCalls: true, dataUnlimited: false },
] as const;
type PlanDef = (typeof PLANS)[number];
const PLAN_WEIGHTS: ReadonlyArray<readonly [PlanDef, number]> = [
  [PLANS[0], 20],
  [PLANS[1], 15],
  [PLANS[2], 10],
  [PLANS[3], 20],
  [PLANS[4], 20],
  [PLANS[5], 15],
];

const EU_TRIPS = ['FR', 'FR', 'ES', 'ES', 'NL', 'DE', 'IT', 'PT', 'AT', 'GR', 'LU', 'IE', 'HR', 'NO', 'SE', 'PL'] as const;
const WORLD_TRIPS = ['US', 'GB', 'GB', 'CH', 'TR', 'MA', 'AE', 'TH', 'JP', 'CA', 'TN'] as const;
/** A local mobile number of the country (E.164 prefix + remaining digits). */
const LOCAL_PREFIX: Readonly<Record<string, readonly [string, number]>> = {
  FR: ['+336', 8], ES: ['+346', 8], NL: ['+316', 8], DE: ['+49151', 8], IT: ['+393', 9], PT: ['+3519', 8],
  AT: ['+43664', 7], GR: ['+3069', 8], LU: ['+352621', 6], IE: ['+35387', 7], HR: ['+38591', 7], NO: ['+474', 7],
  SE: ['+4670', 7], PL: ['+4850', 7], US: ['+1212', 7], GB: ['+447700', 6], CH: ['+4179', 7], TR: ['+90532', 7],
  MA: ['+2126', 8], AE: ['+97150', 7], TH: ['+668', 8], JP: ['+8190', 8], CA: ['+1416', 7], TN: ['+2169', 7],
};
const localNumber = (rng: Rng, country: string): string => {
  const [prefix, n] = LOCAL_PREFIX[country] ?? ['+336', 8];
  return prefix + digits(rng, n);
};
const SPECIAL = ['070233233', '070345345', '078151515'] as const; // 078 is national rate (BE_FIXED)
const PREMIUM = ['090012345', '090345678', '077123456'] as const;
const FREEPHONE = ['080012345', '080022222'] as const;
const SHORT = ['1207', '8200', '4500', '1919'] as const;
const EMERGENCY = ['112', '101', '100'] as const;

type Heavy = 'none' | 'data' | 'calls' | 'sms';

interface Profile {
  plan: PlanDef;
  heavy: Heavy;
  /** Mean records per day on the main SIM. */
  rate: number;
  belgian: string[];
  eu: string[];
  world: string[];
}

export interface MixStats {
  subscribers: number;
  subscriberMonths: number;
  records: number;
  calls: number;
  sms: number;
  data: number;
  fromBE: number;
  fromEU: number;
  fromWorld: number;
  toBelgian: number;
  toEU: number;
  toWorld: number;
  toSpecial: number;
  late: number;
  daysHome: number;
  daysEU: number;
  daysWorld: number;
  heavy: Record<Heavy, number>;
  plans: Record<string, number>;
  dataBytes: number;
}

export interface Mix {
  docs: TimelineInput[];
  /** Usage records per document, in order. */
  records: number[];
  stats: MixStats;
}

type UsageEvent = TimelineInput['events'][number];
interface Pending {
  t: number;
  e: UsageEvent;
}

/** Generates `subscribers` timeline documents, deterministically from `seed`. */
export function generateMix(subscribers: number, seed = 20260401): Mix {
  const rng = mulberry32(seed);
  const stats: MixStats = {
    subscribers,
    subscriberMonths: subscribers * 12,
    records: 0,
    calls: 0,
    sms: 0,
    data: 0,
    fromBE: 0,
    fromEU: 0,
    fromWorld: 0,
    toBelgian: 0,
    toEU: 0,
    toWorld: 0,
    toSpecial: 0,
    late: 0,
    daysHome: 0,
    daysEU: 0,
    daysWorld: 0,
    heavy: { none: 0, data: 0, calls: 0, sms: 0 },
    plans: {},
    dataBytes: 0,
  };
  const docs: TimelineInput[] = [];
  const records: number[] = [];
  for (let i = 0; i < subscribers; i++) {
    const doc = subscriber(rng, i, stats);
    docs.push(doc);
    records.push(doc.events.length);
    stats.records += doc.events.length;
  }
  return { docs, records, stats };
}

function subscriber(rng: Rng, index: number, stats: MixStats): TimelineInput {
  const plan = weighted(rng, PLAN_WEIGHTS);
  // One subscriber in 20 is heavy, so every run, even a small one, exercises the throttle and pause paths.
  const heavy: Heavy = index % 20 === 7 ? (['data', 'calls', 'data', 'sms'] as const)[Math.floor(index / 20) % 4]! : 'none';
  stats.heavy[heavy]++;
  stats.plans[plan.id] = (stats.plans[plan.id] ?? 0) + 1;
  const p: Profile = {
    plan,
    heavy,
    rate: 4.5 + rng() * 6.5,
    belgian: [],
    eu: [],
    world: [],
  };
  for (let k = 0; k < 30; k++) {
    const mobile = rng() < 0.7;
    const national = rng() < 0.4;
    const nsn = mobile ? `4${int(rng, 7, 9)}${digits(rng, 7)}` : pick(rng, ['2', '3', '9']) + digits(rng, 7);
    p.belgian.push(national ? `0${nsn}` : `+32${nsn}`);
  }
  for (let k = 0; k < 6; k++) p.eu.push(localNumber(rng, pick(rng, EU_TRIPS)));
  for (let k = 0; k < 3; k++) p.world.push(localNumber(rng, pick(rng, WORLD_TRIPS)));

  // Lines: 1..mobileSims mobile SIMs, sometimes the data SIM (CLIC-2.4), a fixed line or Phone2Go.
  const lines: Array<{ id: string; kind: 'mobile' | 'data' | 'fixed' | 'phone2go'; number?: string }> = [];
  const mobiles = plan.mobileSims === 1 ? 1 : weighted(rng, [[1, 5], [2, 3], [3, 1]] as const);
  for (let k = 0; k < Math.min(mobiles, plan.mobileSims); k++)
    lines.push({ id: `sim-${k + 1}`, kind: 'mobile', number: `+3247${int(rng, 0, 9)}${digits(rng, 6)}` });
  if (plan.dataSim && rng() < 0.3) lines.push({ id: 'data-1', kind: 'data' });
  const options: Array<'phone2go' | 'fixed_telephony' | 'tv'> = [];
  if (plan.family !== 'BASE_SUBSCRIPTION' && rng() < 0.1) {
    options.push('fixed_telephony');
    lines.push({ id: 'fixed-1', kind: 'fixed', number: `+322${digits(rng, 7)}` });
  }
  if (plan.family === 'CLIC' && rng() < 0.05) {
    options.push('phone2go');
    lines.push({ id: 'p2g-1', kind: 'phone2go' });
  }
  if (plan.family !== 'BASE_SUBSCRIPTION' && rng() < 0.3) options.push('tv');

  const startYear = 2025;
  const startMonth = int(rng, 1, 12);
  const startDay = int(rng, 1, 28);
  const start = dayFromYmd(startYear, startMonth, startDay);
  const until = dayFromYmd(startYear + 1, startMonth, startDay);
  const cycleDay = rng() < 0.5 ? 1 : int(rng, 1, 28);

  const events: UsageEvent[] = [];
  let tripLeft = 0;
  let tripCountry = 'BE';
  for (let day: Day = start; day < until; day++) {
    if (tripLeft === 0) {
      tripCountry = 'BE';
      const x = rng();
      if (x < 0.027) {
        tripCountry = pick(rng, EU_TRIPS);
        tripLeft = int(rng, 2, 6);
      } else if (x < 0.029) {
        tripCountry = pick(rng, WORLD_TRIPS);
        tripLeft = int(rng, 3, 8);
      }
    }
    if (tripLeft > 0) tripLeft--;
    const from = tripCountry;
    const zone = from === 'BE' ? 0 : (EU_TRIPS as readonly string[]).includes(from) ? 1 : 2;
    if (zone === 0) stats.daysHome++;
    else if (zone === 1) stats.daysEU++;
    else stats.daysWorld++;

    const t0 = brusselsMidnight(day);
    const dayLength = brusselsMidnight(day + 1) - t0;
    const pending: Pending[] = [];
    const when = (): number => t0 + (rng() < 0.93 ? 7 * 3600 + Math.floor(rng() * 16 * 3600) : Math.floor(rng() * dayLength));
    const weekend = (day + 4) % 7 >= 5; // day 0 was a Thursday
    for (const line of lines) {
      let mean: number;
      if (line.kind === 'mobile') mean = line.id === 'sim-1' ? p.rate : p.rate * 0.35;
      else if (line.kind === 'data') mean = 1.2;
      else mean = weekend ? 0.2 : 0.8;
      if (line.kind !== 'mobile' && line.kind !== 'data' && from !== 'BE') mean = 0; // the fixed line stays home
      const n = poisson(rng, weekend ? mean * 0.8 : mean);
      for (let k = 0; k < n; k++) {
        const t = when();
        const e = usage(rng, p, line.id, line.kind, from, zone, t, stats);
        pending.push({ t, e });
      }
      if (line.id === 'sim-1' && heavy !== 'none' && (heavy === 'data' || zone === 0)) for (const e of heavyDay(rng, p, from, zone, when)) pending.push(e);
    }
    pending.sort((a, b) => a.t - b.t);
    for (const x of pending) events.push(x.e);
  }
  return {
    schema: 'termlab.timeline/1',
    subscriber: { id: `bench-${String(index).padStart(5, '0')}`, persona: heavy === 'none' ? 'typical' : `heavy-${heavy}` },
    contract: {
      family: plan.family,
      plan: plan.id,
      options,
      start: formatDate(start),
      cycleDay,
      lines,
    },
    until: formatDate(until),
    events,
  };
}

function destination(rng: Rng, p: Profile, from: string, zone: number, stats: MixStats): string {
  const x = rng();
  let to: string;
  if (zone === 0) {
    if (x < 0.885) to = pick(rng, p.belgian);
    else if (x < 0.935) to = pick(rng, p.eu);
    else if (x < 0.95) to = pick(rng, p.world);
    else if (x < 0.97) to = pick(rng, SPECIAL);
    else if (x < 0.975) to = pick(rng, PREMIUM);
    else if (x < 0.985) to = pick(rng, FREEPHONE);
    else if (x < 0.999) to = pick(rng, SHORT);
    else to = pick(rng, EMERGENCY);
  } else if (x < 0.75) to = pick(rng, p.belgian);
  else if (x < 0.93) to = localNumber(rng, from);
  else if (x < 0.97) to = zone === 1 ? pick(rng, p.world) : pick(rng, p.eu);
  else if (x < 0.99) to = pick(rng, SPECIAL);
  else to = pick(rng, EMERGENCY);
  const c = to.charCodeAt(0);
  if (to.startsWith('+32') || (c === 48 && !/^0(70|77|90|800)/.test(to))) stats.toBelgian++;
  else if (c !== 43) stats.toSpecial++;
  else if (to.startsWith('+1') || to.startsWith('+44') || to.startsWith('+41') || to.startsWith('+90') || /^\+(212|971|66|81|216)/.test(to)) stats.toWorld++;
  else stats.toEU++;
  return to;
}

function recordedAt(rng: Rng, zone: number, t: number, stats: MixStats): string | undefined {
  if (zone === 0) return undefined;
  if (rng() >= (zone === 1 ? 0.01 : 0.15)) return undefined;
  stats.late++;
  return formatInstant(t + 3600 + Math.floor(rng() * 45 * 86_400));
}

function count(stats: MixStats, zone: number): void {
  if (zone === 0) stats.fromBE++;
  else if (zone === 1) stats.fromEU++;
  else stats.fromWorld++;
}

function dataSession(rng: Rng, line: string, from: string, zone: number, t: number, stats: MixStats): UsageEvent {
  // Log-normal volume: median ~4 MB, a long tail to a few GB.
  const bytes = Math.max(2_000, Math.min(6e9, Math.round(4e6 * Math.exp(1.9 * normal(rng)))));
  const bps = (1 + rng() * 30) * 125_000; // 1–31 Mbit/s
  const seconds = Math.max(5, Math.min(4 * 3600, Math.round(bytes / bps + rng() * 120)));
  stats.data++;
  stats.dataBytes += bytes;
  count(stats, zone);
  const late = recordedAt(rng, zone, t, stats);
  return { type: 'data', at: formatInstant(t), line, from, bytes, seconds, ...(late ? { recordedAt: late } : {}) };
}

function usage(rng: Rng, p: Profile, line: string, kind: string, from: string, zone: number, t: number, stats: MixStats): UsageEvent {
  const x = rng();
  if (kind === 'data' || (kind === 'mobile' && x >= 0.7)) return dataSession(rng, line, from, zone, t, stats);
  count(stats, zone);
  const late = recordedAt(rng, zone, t, stats);
  const lateField = late ? { recordedAt: late } : {};
  if (kind !== 'mobile' || x < 0.39) {
    stats.calls++;
    const incoming = rng() < 0.35;
    const to = kind === 'phone2go' ? pick(rng, p.belgian) : destination(rng, p, from, zone, stats);
    const seconds = rng() < 0.08 ? 0 : Math.min(3 * 3600, Math.round(15 + 100 * Math.exp(1.1 * normal(rng))));
    return {
      type: 'call',
      at: formatInstant(t),
      line,
      from,
      to,
      seconds,
      ...(incoming ? { direction: 'in' as const } : {}),
      ...lateField,
    };
  }
  stats.sms++;
  const y = rng();
  const characters = y < 0.7 ? int(rng, 1, 160) : y < 0.97 ? int(rng, 161, 480) : int(rng, 481, 1200);
  const recipients = rng() < 0.05 ? int(rng, 2, 6) : 1;
  return {
    type: 'sms',
    at: formatInstant(t),
    line,
    from,
    to: destination(rng, p, from, zone, stats),
    characters,
    ...(recipients > 1 ? { recipients } : {}),
    ...lateField,
  };
}

/** Extra usage of a heavy user on the main SIM: enough to cross allowances or CLIC-2.3's limits. */
function heavyDay(rng: Rng, p: Profile, from: string, zone: number, when: () => number): Pending[] {
  const out: Pending[] = [];
  if (p.heavy === 'data') {
    // ~12 GB/day on unlimited data (300 GB fair use), ~2 GB/day otherwise (5–40 GB packs).
    const perDay = p.plan.dataUnlimited ? 12e9 : 2e9;
    const sessions = int(rng, 3, 5);
    for (let k = 0; k < sessions; k++) {
      const t = when();
      const bytes = Math.round((perDay / sessions) * (0.6 + rng() * 0.8));
      const seconds = Math.round(bytes / ((20 + rng() * 80) * 125_000));
      out.push({ t, e: { type: 'data', at: formatInstant(t), line: 'sim-1', from, bytes, seconds: Math.max(60, seconds) } });
    }
  } else if (p.heavy === 'calls') {
    // ~1,700 min/day on unlimited calls (30,000 min fair use → pause), ~5 h/day on metered plans.
    const calls = p.plan.unlimitedCalls ? 14 : 5;
    for (let k = 0; k < calls; k++) {
      const t = when();
      out.push({ t, e: { type: 'call', at: formatInstant(t), line: 'sim-1', from, to: pick(rng, p.belgian), seconds: 3600 + int(rng, 0, 3600) } });
    }
  } else if (p.heavy === 'sms') {
    // Bulk SMS to many recipients: ~1,500 SMS/day (30,000 SMS fair use → pause).
    const n = p.plan.unlimitedCalls ? 10 : 3;
    for (let k = 0; k < n; k++) {
      const t = when();
      out.push({
        t,
        e: { type: 'sms', at: formatInstant(t), line: 'sim-1', from, to: pick(rng, p.belgian), characters: int(rng, 40, 300), recipients: int(rng, 80, 220) },
      });
    }
  }
  return out;
}
