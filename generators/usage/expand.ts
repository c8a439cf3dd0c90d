/**
 * The usage expander: a subscriber's calls, SMS and data sessions, day by day over the horizon, drawn
 * by a seeded xoshiro128** PRNG and written straight into columns (no object per record; the domain's UsageBuilder).
 * Each day: where the subscriber is (trips), whether every line can be used all day (activation,
 * suspension, lost SIM, end of contract), the ordinary records (everyday.ts), then the personas' hooks
 * add theirs, which are merged in time order with the day's and counted by the `Meter`, so that hooks
 * can aim at allowances and CLIC-2.3's limits to the unit. `DayContext` is what the hooks see.
 */
import { countryZone, Zone } from '../../src/domain/countries.ts';
import { Svc } from '../../src/domain/families.ts';
import { Dest } from '../../src/domain/numbering.ts';
import type { Day, Instant } from '../../src/domain/time.ts';
import type { UsageColumns } from '../../src/domain/usage.ts';
import { horizonDays } from '../calendar.ts';
import type { Life } from '../life.ts';
import { Rng } from '../rng.ts';
import type { BuildContext } from '../types.ts';
import { UsageBuilder } from '../../src/domain/usage.ts';
import { dayState, EverydayUsage } from './everyday.ts';
import { lineKinds, Meter } from './meter.ts';
import { Parties } from './parties.ts';

/** A generated subscriber's usage: the domain's columns (flags included: SIM box, Phone2Go app). */
export type GeneratedUsage = UsageColumns;

const DAY = 86_400;
const NO_ZONES = new Uint8Array(0);

/**
 * The state of the expander as usage hooks see it on a given day: the day, the period, where the
 * subscriber is, the counters, and methods to add records. One per process, taken up by each subscriber
 * in turn (`expand`): its writers, tables and scratch arrays are reused, so that expanding a subscriber
 * allocates little beyond its result.
 */
export class DayContext {
  ctx!: BuildContext;
  life!: Life;
  rng!: Rng;
  /** The counters, for subscribers with hooks (ordinary ones are not counted). */
  meter!: Meter;
  kinds!: Uint8Array;
  day: Day = 0;
  dayStart: Instant = 0;
  dayLength = DAY;
  /** Index of the billing period the day belongs to. */
  period = 0;
  /** The period's last day is today. */
  lastDayOfPeriod = false;
  /** Where the subscriber is today (the writer's country id) and its zone. */
  country = 0;
  zone: number = Zone.BE;
  /** The writer's id of Belgium, where fixed lines always are. */
  home = 0;

  /** The subscriber's rows (scratch columns reused, only the result of `build` is allocated). */
  private readonly out = new UsageBuilder();
  /** The hooks' records of the day, before they are merged in time order (their country and number ids are `out`'s). */
  private readonly hookRows = new UsageBuilder(256);
  /** The day's ordinary records while a merge is under way. */
  private readonly mergeScratch = new UsageBuilder(256);
  private readonly parties = new Parties(this.out);
  private readonly everyday = new EverydayUsage(this.out, this.parties);
  /** Per day of the horizon: where the subscriber is, and its zone. */
  private countryOfDay = new Uint16Array(400);
  private zoneOfDay = new Uint8Array(400);
  /** Some hook aims at counters: count every record. */
  private metering = false;
  /** Rows before this one are final: in time order and counted. */
  private settled = 0;
  /** The zone of each country of this subscriber's table (made when first needed). */
  private zones = NO_ZONES;

  /** Expands a subscriber's usage over its horizon. */
  expand(ctx: BuildContext, life: Life, seed: number): GeneratedUsage {
    this.ctx = ctx;
    this.life = life;
    this.rng = new Rng(seed);
    this.kinds = lineKinds(ctx.lines);
    this.out.reset();
    this.hookRows.count = 0;
    this.home = this.out.countryId('BE');
    this.parties.reset(this.rng);
    this.everyday.reset(ctx, life, this.rng, this.kinds, this.home);
    this.placeDays();
    this.zones = NO_ZONES;
    if (ctx.activation !== null && ctx.periods.length > 0) {
      if (life.hooks.length === 0) this.ordinaryDays(ctx.activation);
      else this.daysWithHooks(ctx.activation);
    }
    return this.out.build();
  }

  /** Where the subscriber is, day by day; later trips (personas) over earlier ones. */
  private placeDays(): void {
    const { ctx, life } = this;
    const days = Math.max(0, ctx.days);
    if (this.countryOfDay.length < days) {
      this.countryOfDay = new Uint16Array(days);
      this.zoneOfDay = new Uint8Array(days);
    }
    this.countryOfDay.fill(this.home, 0, days);
    this.zoneOfDay.fill(Zone.BE, 0, days);
    for (const t of life.trips) {
      const id = this.out.countryId(t.country);
      const zone = countryZone(t.country) ?? Zone.WORLD;
      for (let d = Math.max(t.from, ctx.start); d < Math.min(t.to, ctx.until); d++) {
        this.countryOfDay[d - ctx.start] = id;
        this.zoneOfDay[d - ctx.start] = zone;
      }
    }
  }

  /** The code of the country the subscriber is in today. */
  get countryCode(): string {
    return this.out.countries[this.country]!;
  }

  /** The instant of the last row written (for closing records). */
  get lastAt(): Instant {
    return this.out.count > 0 ? this.out.at(this.out.count - 1) : -Infinity;
  }

  /** Registers numbers in the writer: their ids and destination classes (numbering.ts `Dest`). */
  register(numbers: readonly string[]): [Int32Array, Uint8Array] {
    const { ids, dests } = this.parties.register(numbers);
    return [ids, dests];
  }

  /** The writer's id of a number and its destination class. */
  number(n: string): { id: number; dest: number } {
    const { ids, dests } = this.parties.register([n]);
    return { id: ids[0]!, dest: dests[0]! };
  }

  /** The writer's id of a country code. */
  countryId(iso2: string): number {
    return this.out.countryId(iso2);
  }

  /** Whether `line` can be used at `t` (activated, not suspended or lost, contract running). */
  usable(line: number, t: Instant): boolean {
    return this.life.canUse(line, t);
  }

  /** A Belgian contact of the subscriber (its id; its class in `dest`). */
  contact(): number {
    return this.parties.contact();
  }

  /** The class of the number last picked by `contact`, `foreignNumber`, `special` or `local`. */
  get dest(): number {
    return this.parties.dest;
  }

  /** One of the subscriber's numbers abroad. */
  foreignNumber(): number {
    return this.parties.foreignNumber();
  }

  /** A special (070), premium, freephone, short-code or emergency number (parties.ts `Pool` index 0–4). */
  special(pool: number): number {
    return this.parties.special(pool);
  }

  /** A local number of the country the subscriber is in. */
  local(): number {
    return this.parties.local(this.country, this.countryCode, this.zone === Zone.EU);
  }

  /** A second of today in waking hours mostly (07:00–23:00), never in the day's last two minutes. */
  timeOfDay(): number {
    const r = this.rng.float();
    if (r < 0.92) return 25_200 + Math.floor((r / 0.92) * 57_600);
    return Math.floor(this.rng.float() * (this.dayLength - 120));
  }

  /** A late arrival for a roaming record (BASE-D.8.3): 1 hour to 45 days later, with `share` probability. */
  lateArrival(t: Instant, share: number): Instant {
    return this.rng.float() < share ? t + 3600 + Math.floor(this.rng.float() * 45 * DAY) : t;
  }

  /** Adds a call to today's records. */
  call(t: Instant, line: number, to: number, dest: number, seconds: number, incoming = false, flags = 0, recordedAt = t, country = this.country): void {
    this.hookRows.push(t, Svc.CALL, line, country, dest, to, seconds, recordedAt, incoming ? 1 : 0, 1, 0, flags);
  }

  /** Adds an SMS to today's records. */
  sms(t: Instant, line: number, to: number, dest: number, characters: number, recipients = 1, recordedAt = t, country = this.country, flags = 0): void {
    this.hookRows.push(t, Svc.SMS, line, country, dest, to, characters, recordedAt, 0, recipients, 0, flags);
  }

  /** Adds a data session to today's records. */
  data(t: Instant, line: number, bytes: number, seconds: number, recordedAt = t, country = this.country): void {
    this.hookRows.push(t, Svc.DATA, line, country, Dest.BE_MOBILE, -1, bytes, recordedAt, 0, 1, Math.max(1, seconds), 0);
  }

  /** The days of a subscriber no persona adds records to: only the ordinary records (nothing reads the day's state). */
  private ordinaryDays(activation: Day): void {
    const { ctx, life, everyday } = this;
    const { midnights, weekend } = horizonDays(ctx.start, ctx.days);
    for (let d = activation - ctx.start; d < ctx.days; d++) {
      const start = midnights[d]!;
      if (start >= life.endAt) break;
      const zone = this.zoneOfDay[d]!;
      const state = dayState(weekend[d] === 1, zone !== Zone.BE);
      const count = everyday.count(state);
      if (count === 0) continue;
      const next = midnights[d + 1]!;
      everyday.day(count, start, next - start, state, this.countryOfDay[d]!, zone, !life.canUseAll(start, next));
    }
  }

  /** The days of a subscriber with usage hooks: the day's state as they see it, their records merged and counted. */
  private daysWithHooks(activation: Day): void {
    const { ctx, life, everyday } = this;
    const { midnights, weekend } = horizonDays(ctx.start, ctx.days);
    const periods = ctx.periods;
    const dayHooks = life.hooks.filter((h) => h.day !== undefined);
    const closings = life.hooks.flatMap((h) => (h.closing ? [h.closing] : []));
    // A hook that closes the day aims at counters: then every row is counted.
    this.metering = closings.length > 0;
    let period = 0;
    let periodEnd = periods[0]!.end;
    this.meter = new Meter(ctx.plan, ctx.catalog, ctx.dataBarred, this.kinds, periods);
    this.meter.open(0);
    for (let d = activation - ctx.start; d < ctx.days; d++) {
      const start = midnights[d]!;
      if (start >= life.endAt) break;
      const day = ctx.start + d;
      while (day >= periodEnd && period + 1 < periods.length) periodEnd = periods[++period]!.end;
      if (period !== this.meter.period) this.meter.open(period);
      this.day = day;
      this.dayStart = start;
      this.dayLength = midnights[d + 1]! - start;
      this.period = period;
      this.lastDayOfPeriod = day === periodEnd - 1;
      this.country = this.countryOfDay[d]!;
      this.zone = this.zoneOfDay[d]!;
      const state = dayState(weekend[d] === 1, this.zone !== Zone.BE);
      this.settled = this.out.count;
      const count = everyday.count(state);
      if (count > 0) everyday.day(count, start, this.dayLength, state, this.country, this.zone, !life.canUseAll(start, start + this.dayLength));
      for (let h = 0; h < dayHooks.length; h++) dayHooks[h]!.day!(this);
      this.settle();
      for (let h = 0; h < closings.length; h++) {
        closings[h]!(this);
        this.settle();
      }
    }
  }

  /**
   * Merges the hooks' records into today's rows in time order (the ordinary records first at equal
   * instants, then the hooks' in the order they were added), and counts the new rows when some hook
   * aims at counters.
   */
  private settle(): void {
    const out = this.out;
    const added = this.hookRows;
    const n = added.count;
    if (n === 0 && !this.metering) {
      this.settled = out.count;
      return;
    }
    if (n > 0) {
      out.reserve(n);
      const order = timeOrder(added);
      if (out.count === this.settled || out.at(out.count - 1) <= added.at(order[0]!)) {
        for (let k = 0; k < n; k++) out.copyRow(added, order[k]!);
      } else {
        const today = this.mergeScratch;
        out.moveTail(this.settled, today);
        let i = 0;
        let k = 0;
        while (i < today.count || k < n) {
          if (k === n || (i < today.count && today.at(i) <= added.at(order[k]!))) out.copyRow(today, i++);
          else out.copyRow(added, order[k++]!);
        }
      }
      added.count = 0;
    }
    if (this.metering) {
      const zoneOf = this.zoneTable();
      for (let i = this.settled; i < out.count; i++)
        this.meter.count(out.service(i), out.incoming(i), out.line(i), zoneOf[out.country(i)]!, out.dest(i), out.amount(i), out.recipients(i));
    }
    this.settled = out.count;
  }

  /** The zone of each country of the writer's table. */
  private zoneTable(): Uint8Array {
    const cs = this.out.countries;
    if (this.zones.length !== cs.length) this.zones = Uint8Array.from(cs, (c) => countryZone(c) ?? Zone.WORLD);
    return this.zones;
  }
}

/** Scratch for `timeOrder`. */
let HOOK_ORDER = new Int32Array(64);

/** The rows of `w` in time order, stably (hooks add few records a day, mostly already in order). */
function timeOrder(w: UsageBuilder): Int32Array {
  const n = w.count;
  if (HOOK_ORDER.length < n) HOOK_ORDER = new Int32Array(Math.max(n, HOOK_ORDER.length * 2));
  const o = HOOK_ORDER;
  for (let i = 0; i < n; i++) o[i] = i;
  let sorted = true;
  for (let i = 1; i < n && sorted; i++) sorted = w.at(i - 1) <= w.at(i);
  if (sorted) return o;
  if (n < 48) {
    for (let i = 1; i < n; i++) {
      const x = o[i]!;
      const t = w.at(x);
      let j = i - 1;
      while (j >= 0 && w.at(o[j]!) > t) {
        o[j + 1] = o[j]!;
        j--;
      }
      o[j + 1] = x;
    }
  } else {
    sortByTime(w, o, n);
  }
  return o;
}

/** The first `n` row indexes in `order` sorted by time, stably (a function of its own: its comparator's closure would make every `timeOrder` call allocate). */
function sortByTime(w: UsageBuilder, order: Int32Array, n: number): void {
  const idx = Array.from(order.subarray(0, n));
  idx.sort((x, y) => w.at(x) - w.at(y) || x - y);
  order.set(idx);
}

const EXPANDER = new DayContext();

/** Expands a subscriber's usage over its horizon. */
export function expandUsage(ctx: BuildContext, life: Life, seed: number): GeneratedUsage {
  return EXPANDER.expand(ctx, life, seed);
}
