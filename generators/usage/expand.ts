/**
 * The usage expander: a subscriber's calls, SMS and data sessions, day by day over the horizon, drawn
 * by a seeded xoshiro128** PRNG and written straight into columns (no object per record; see columns.ts).
 * Each day: where the subscriber is (trips), which lines can be used (activation, suspension, lost SIM,
 * end of contract), Poisson counts per line from the usage profile, then the personas' hooks add their
 * records; the day's records are sorted by time and counted by the `Meter` so that hooks can aim at
 * allowances and CLIC-2.3's limits to the unit.
 */
import { countryZone, Zone } from '../../src/domain/countries.ts';
import { Svc } from '../../src/domain/families.ts';
import { classifyNumber, Dest } from '../../src/domain/numbering.ts';
import { weekdayOfDay, type Day, type Instant } from '../../src/domain/time.ts';
import { midnight } from '../calendar.ts';
import { UsageBuilder, UsageFlag, type UsageColumns } from '../../src/domain/usage.ts';
import type { Life } from '../life.ts';
import {
  belgianFixed,
  belgianMobile,
  EMERGENCY,
  FREEPHONE_NUMBERS,
  localNumber,
  national,
  PREMIUM_NUMBERS,
  SHORT_CODES,
  SPECIAL_NUMBERS,
} from '../numbers.ts';
import { Rng } from '../rng.ts';
import type { BuildContext } from '../types.ts';
import { Kind, Meter } from './meter.ts';
import { logNormalTable } from './normal.ts';

/** A generated subscriber's usage: the domain's columns (flags included: SIM box, Phone2Go app). */
export type GeneratedUsage = UsageColumns;

/** Zones as plain constants in the hot loop (countries.ts `Zone`). */
const BE = Zone.BE;
const EU = Zone.EU;
const WORLD = Zone.WORLD;

const LN_CALL = logNormalTable(1.0);
const INV_65536 = 1 / 65_536;
const LN_DATA = logNormalTable(1.6);
const DAY = 86_400;
const KIND_OF = { mobile: Kind.MOBILE, data: Kind.DATA, fixed: Kind.FIXED, phone2go: Kind.PHONE2GO } as const;
const SPECIAL_POOLS = [SPECIAL_NUMBERS, PREMIUM_NUMBERS, FREEPHONE_NUMBERS, SHORT_CODES, EMERGENCY] as const;
const Pool = { SPECIAL: 0, PREMIUM: 1, FREE: 2, SHORT: 3, EMERGENCY: 4 } as const;

/**
 * The state of the expander as usage hooks see it on a given day: the day, the period, where the
 * subscriber is, the counters, and methods to add records.
 */
export class DayContext {
  readonly ctx: BuildContext;
  readonly life: Life;
  readonly rng: Rng;
  readonly meter: Meter;
  readonly kinds: Uint8Array;
  day: Day = 0;
  dayStart: Instant = 0;
  dayLength = DAY;
  /** Index of the billing period the day belongs to. */
  period = 0;
  /** The period's last day is today. */
  lastDayOfPeriod = false;
  /** Where the subscriber is today (builder country id), its code and zone. */
  country = 0;
  /** The code of the country the subscriber is in today. */
  get countryCode(): string {
    return this.b.countries[this.country]!;
  }
  zone: number = Zone.BE;
  /** The instant of the last record written (for closing records). */
  lastAt: Instant = -Infinity;
  /** The builder's id of Belgium, where fixed lines always are. */
  readonly home: number;

  private readonly b: UsageBuilder;
  private readonly buf = DAY_BUFFER;
  private readonly countryOfDay: Uint16Array;
  private readonly zoneOfDay: Uint8Array;
  private readonly expNegTotal: Float64Array;
  private readonly lineCum: Float64Array;
  /** No hooks: records go straight to the builder, already in time order. */
  private readonly direct: boolean;
  /** Some hook aims at counters: count every record. */
  private readonly metering: boolean;
  private readonly contacts: Int32Array;
  private readonly contactDest: Uint8Array;
  private readonly foreign: Int32Array;
  private readonly foreignDest: Uint8Array;
  private readonly specialIds = new Int32Array(5).fill(-1);
  private readonly specialDest = new Uint8Array(5);
  private readonly localIds = new Map<number, [Int32Array, Uint8Array]>();
  private pickedTo = 0;
  private pickedDest = 0;
  // The usage profile's numbers, read in the hot loop.
  private readonly incomingShare: number;
  private readonly specialShare: number;
  private readonly foreignShare: number;
  private readonly callMedian: number;
  private readonly dataMedian: number;
  private readonly firstMobile: number;

  constructor(ctx: BuildContext, life: Life, seed: number) {
    this.ctx = ctx;
    this.life = life;
    this.rng = new Rng(seed);
    this.kinds = Uint8Array.from(ctx.lines.map((l) => KIND_OF[l.kind]));
    this.meter = new Meter(ctx.plan, ctx.catalog, ctx.dataBarred, this.kinds, ctx.periods);
    // One writer for every subscriber of the process: its scratch columns are reused, only the result is allocated.
    this.b = WRITER;
    this.b.reset();
    this.home = this.b.countryId('BE');
    this.firstMobile = Math.max(0, ctx.lines.findIndex((l) => l.kind === 'mobile'));

    const rng = this.rng;
    const p = life.profile;
    this.incomingShare = p.incomingShare;
    this.specialShare = p.specialShare;
    this.foreignShare = p.foreignShare;
    this.callMedian = p.callMedianSeconds;
    this.dataMedian = p.dataMedianBytes;
    // Contacts: Belgian mobile and fixed numbers (E.164 or national form), a few abroad; their classes are known by construction.
    this.contacts = new Int32Array(CONTACTS);
    this.contactDest = new Uint8Array(CONTACTS);
    for (let i = 0; i < CONTACTS; i++) {
      const mobile = rng.chance(0.7);
      const e164 = mobile ? belgianMobile(rng) : belgianFixed(rng);
      this.contacts[i] = this.b.numberId(rng.chance(0.4) ? national(e164) : e164);
      this.contactDest[i] = mobile ? Dest.BE_MOBILE : Dest.BE_FIXED;
    }
    this.foreign = new Int32Array(FOREIGN);
    this.foreignDest = new Uint8Array(FOREIGN);
    for (let i = 0; i < FOREIGN; i++) {
      const country = i < 4 ? rng.pick(EU_CALLED) : rng.pick(WORLD_CALLED);
      this.foreign[i] = this.b.numberId(localNumber(rng, country));
      this.foreignDest[i] = i < 4 ? Dest.EU : Dest.INTL;
    }

    // Where the subscriber is, day by day; later trips (personas) over earlier ones.
    this.countryOfDay = new Uint16Array(Math.max(0, ctx.days)).fill(this.home);
    this.zoneOfDay = new Uint8Array(Math.max(0, ctx.days)).fill(BE);
    for (const t of life.trips) {
      const id = this.b.countryId(t.country);
      const zone = countryZone(t.country) ?? WORLD;
      for (let d = Math.max(t.from, ctx.start); d < Math.min(t.to, ctx.until); d++) {
        this.countryOfDay[d - ctx.start] = id;
        this.zoneOfDay[d - ctx.start] = zone;
      }
    }

    // Per state (weekday/weekend × home/abroad): exp(−mean) of the day's record count over all lines, and each line's cumulative share.
    const perDay = p.callsPerDay + p.smsPerDay + (ctx.dataBarred ? 0.05 : p.dataPerDay);
    const nLines = ctx.lines.length;
    this.expNegTotal = new Float64Array(4);
    this.lineCum = new Float64Array(4 * nLines);
    for (let k = 0; k < 4; k++) {
      const weekend = (k & 1) === 1;
      const abroad = (k & 2) === 2;
      let total = 0;
      ctx.lines.forEach((line, l) => {
        let mean: number;
        if (line.kind === 'mobile') mean = l === this.firstMobile ? perDay : perDay * p.otherSims;
        else if (line.kind === 'data') mean = ctx.dataBarred ? 0.02 : p.dataSimPerDay;
        else mean = line.kind === 'fixed' ? p.fixedPerDay : p.fixedPerDay * 0.5;
        mean *= weekend ? (line.kind === 'mobile' || line.kind === 'data' ? 0.8 : 0.1) : 1;
        if (abroad && line.kind === 'mobile') mean *= 0.8;
        if (abroad && line.kind === 'phone2go') mean *= 0.3;
        total += mean;
        this.lineCum[k * nLines + l] = total;
      });
      for (let l = 0; l < nLines; l++) this.lineCum[k * nLines + l] = total > 0 ? this.lineCum[k * nLines + l]! / total : 1;
      this.expNegTotal[k] = Math.exp(-total);
    }
    this.direct = life.hooks.length === 0;
    this.metering = life.hooks.some((h) => h.closing !== undefined);
  }

  /** Registers numbers in the builder: their ids and destination classes. */
  register(numbers: readonly string[]): [Int32Array, Uint8Array] {
    const ids = new Int32Array(numbers.length);
    const dests = new Uint8Array(numbers.length);
    numbers.forEach((n, i) => {
      const cls = classifyNumber(n);
      if (!cls.ok) throw new Error(`generators: a generated number is not valid: ${n}: ${cls.reason}`);
      ids[i] = this.b.numberId(n);
      dests[i] = cls.dest;
    });
    return [ids, dests];
  }

  /** The builder's id of a number and its destination class (numbering.ts `Dest`). */
  number(n: string): { id: number; dest: number } {
    const [ids, dests] = this.register([n]);
    return { id: ids[0]!, dest: dests[0]! };
  }

  /** The builder's id of a country code. */
  countryId(iso2: string): number {
    return this.b.countryId(iso2);
  }

  /** Whether `line` can be used at `t` (activated, not suspended or lost, contract running). */
  usable(line: number, t: Instant): boolean {
    const life = this.life;
    if (t < life.lineFrom[line]! || t >= life.endAt) return false;
    const blocks = life.blocks;
    for (let i = 0; i < blocks.length; i++) {
      const b = blocks[i]!;
      if (t >= b.from && t < b.to && (b.line < 0 || b.line === line)) return false;
    }
    return true;
  }

  /** Whether every line can be used all day (the common case: no per-record check). */
  private usableAllDay(from: Instant, to: Instant): boolean {
    const life = this.life;
    if (to > life.endAt) return false;
    const lf = life.lineFrom;
    for (let l = 0; l < lf.length; l++) if (lf[l]! > from) return false;
    const blocks = life.blocks;
    for (let i = 0; i < blocks.length; i++) if (blocks[i]!.from < to && blocks[i]!.to > from) return false;
    return true;
  }

  /** A Belgian contact of the subscriber (id, and its class in `pickedDest`). */
  contact(): number {
    const i = this.rng.below(this.contacts.length);
    this.pickedDest = this.contactDest[i]!;
    return (this.pickedTo = this.contacts[i]!);
  }

  /** The class of the number last picked by `contact`, `foreignNumber`, `special` or `local`. */
  get dest(): number {
    return this.pickedDest;
  }

  foreignNumber(): number {
    const i = this.rng.below(this.foreign.length);
    this.pickedDest = this.foreignDest[i]!;
    return (this.pickedTo = this.foreign[i]!);
  }

  /** A special (070), premium, freephone, short-code or emergency number (Pool index 0–4). */
  special(pool: number): number {
    let id = this.specialIds[pool]!;
    if (id < 0) {
      const n = this.rng.pick(SPECIAL_POOLS[pool]!);
      const r = this.number(n);
      id = this.specialIds[pool] = r.id;
      this.specialDest[pool] = r.dest;
    }
    this.pickedDest = this.specialDest[pool]!;
    return (this.pickedTo = id);
  }

  /** A local number of the country the subscriber is in. */
  local(): number {
    let pool = this.localIds.get(this.country);
    if (!pool) {
      const dest = this.zone === EU ? Dest.EU : Dest.INTL;
      pool = [new Int32Array(3), new Uint8Array(3).fill(dest)];
      for (let i = 0; i < 3; i++) pool[0][i] = this.b.numberId(localNumber(this.rng, this.countryCode));
      this.localIds.set(this.country, pool);
    }
    const i = this.rng.below(pool[0].length);
    this.pickedDest = pool[1][i]!;
    return (this.pickedTo = pool[0][i]!);
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
    this.push(t, Svc.CALL, line, country, dest, to, seconds, recordedAt, incoming, 1, 0, flags);
  }

  /** Adds an SMS to today's records. */
  sms(t: Instant, line: number, to: number, dest: number, characters: number, recipients = 1, recordedAt = t, country = this.country, flags = 0): void {
    this.push(t, Svc.SMS, line, country, dest, to, characters, recordedAt, false, recipients, 0, flags);
  }

  /** Adds a data session to today's records. */
  data(t: Instant, line: number, bytes: number, seconds: number, recordedAt = t, country = this.country): void {
    this.push(t, Svc.DATA, line, country, Dest.BE_MOBILE, -1, bytes, recordedAt, false, 1, Math.max(1, seconds), 0);
  }

  private push(
    t: Instant,
    service: number,
    line: number,
    country: number,
    dest: number,
    to: number,
    amount: number,
    recordedAt: Instant,
    incoming: boolean,
    recipients: number,
    seconds: number,
    flags: number,
  ): void {
    if (this.direct) {
      this.b.push(t, service, line, country, dest, to, amount, recordedAt, incoming, recipients, seconds, flags);
      if (this.metering) this.meter.count(service, incoming, line, this.zoneTable()[country]!, dest, amount, recipients);
      this.lastAt = t;
      return;
    }
    this.buf.push(t, service, line, country, dest, to, amount, recordedAt, incoming, recipients, seconds, flags);
  }

  /** Writes today's records in time order (stable), counting each. */
  flush(): void {
    const b = this.buf;
    const n = b.count;
    if (n === 0) return;
    if (DAY_ORDER.length < n) DAY_ORDER = new Int32Array(Math.max(n, DAY_ORDER.length * 2));
    const o = DAY_ORDER;
    for (let i = 0; i < n; i++) o[i] = i;
    let sorted = true;
    for (let i = 1; i < n && sorted; i++) sorted = b.at[i - 1]! <= b.at[i]!;
    if (sorted) {
      // already in time order (the day's ordinary records are drawn sorted)
    } else if (n < 48) {
      for (let i = 1; i < n; i++) {
        const x = o[i]!;
        const t = b.at[x]!;
        let j = i - 1;
        while (j >= 0 && b.at[o[j]!]! > t) {
          o[j + 1] = o[j]!;
          j--;
        }
        o[j + 1] = x;
      }
    } else {
      const idx = Array.from(o.subarray(0, n));
      idx.sort((x, y) => b.at[x]! - b.at[y]! || x - y);
      o.set(idx);
    }
    const out = this.b;
    const zoneOf = this.zoneTable();
    for (let k = 0; k < n; k++) {
      const i = o[k]!;
      const incoming = b.incoming[i] === 1;
      out.push(b.at[i]!, b.service[i]!, b.line[i]!, b.country[i]!, b.dest[i]!, b.to[i]!, b.amount[i]!, b.recordedAt[i]!, incoming, b.recipients[i]!, b.seconds[i]!, b.flags[i]!);
      if (this.metering) this.meter.count(b.service[i]!, incoming, b.line[i]!, zoneOf[b.country[i]!]!, b.dest[i]!, b.amount[i]!, b.recipients[i]!);
    }
    this.lastAt = b.at[o[n - 1]!]!;
    b.count = 0;
  }

  private zones = new Uint8Array(0);
  private zoneTable(): Uint8Array {
    const cs = this.b.countries;
    if (this.zones.length !== cs.length) this.zones = Uint8Array.from(cs, (c) => countryZone(c) ?? Zone.WORLD);
    return this.zones;
  }

  /** Expands the whole horizon. */
  run(): GeneratedUsage {
    const { ctx, life } = this;
    const rng = this.rng;
    const periods = ctx.periods;
    const hooks = life.hooks;
    const p = life.profile;
    const callShare = p.callsPerDay / (p.callsPerDay + p.smsPerDay + (ctx.dataBarred ? 0.05 : p.dataPerDay));
    const smsShare = callShare + p.smsPerDay / (p.callsPerDay + p.smsPerDay + (ctx.dataBarred ? 0.05 : p.dataPerDay));
    const nLines = ctx.lines.length;
    const lineCum = this.lineCum;
    const kinds = this.kinds;
    const expNegTotal = this.expNegTotal;
    if (ctx.activation === null || periods.length === 0) return this.b.build();
    let next = midnight(ctx.activation);
    let weekday = weekdayOfDay(ctx.activation);
    let period = 0;
    this.meter.open(0);
    for (let day = ctx.activation; day < ctx.until; day++) {
      const start = next;
      next = midnight(day + 1);
      if (start >= life.endAt) break;
      while (period + 1 < periods.length && day >= periods[period]!.end) period++;
      if (period !== this.meter.period) this.meter.open(period);
      this.day = day;
      this.dayStart = start;
      this.dayLength = next - start;
      this.period = period;
      this.lastDayOfPeriod = day === periods[period]!.end - 1;
      this.country = this.countryOfDay[day - ctx.start]!;
      this.zone = this.zoneOfDay[day - ctx.start]!;
      const weekend = weekday >= 5;
      weekday = weekday === 6 ? 0 : weekday + 1;
      const abroad = this.zone !== BE;
      const k = (weekend ? 1 : 0) + (abroad ? 2 : 0);
      const count = rng.poisson(expNegTotal[k]!);
      if (count > 0) {
        const allUsable = this.usableAllDay(start, next);
        const cum = k * nLines;
        const lastSecond = this.dayLength - 121;
        const slot = 1 / count;
        for (let i = 0; i < count; i++) {
          // The day's instants in order: one per equal share of the day (stratified), through the time-of-day profile.
          const x = (i + rng.float()) * slot;
          const second = x < 0.04 ? (x / 0.04) * 25_200 : x < 0.96 ? 25_200 + ((x - 0.04) / 0.92) * 57_600 : 82_800 + ((x - 0.96) / 0.04) * 3_480;
          const t = start + Math.min(lastSecond, Math.floor(second));
          // One draw for two choices: the line (high 16 bits) and the service (low 16 bits).
          const r = rng.next();
          const v = (r >>> 16) * INV_65536;
          let l = 0;
          while (l < nLines - 1 && v >= lineCum[cum + l]!) l++;
          if (!allUsable && !this.usable(l, t)) continue;
          const kind = kinds[l]!;
          if (kind === Kind.MOBILE) {
            const w = (r & 0xffff) * INV_65536;
            if (w < callShare) this.everydayCall(t, l);
            else if (w < smsShare) this.everydaySms(t, l);
            else this.everydayData(t, l, this.country);
          } else if (kind === Kind.DATA) this.everydayData(t, l, this.home);
          else if (kind === Kind.FIXED) this.fixedCall(t, l);
          else this.appCall(t, l);
        }
      }
      for (let h = 0; h < hooks.length; h++) hooks[h]!.day?.(this);
      if (!this.direct) this.flush();
      for (let h = 0; h < hooks.length; h++) {
        const closing = hooks[h]!.closing;
        if (closing) {
          closing(this);
          this.flush();
        }
      }
    }
    return this.b.build();
  }

  /** Picks the other party of an everyday call or SMS (in `pickedTo`, `pickedDest`). */
  private everydayParty(sms: boolean): void {
    const rng = this.rng;
    // One draw: the kind of party (high 16 bits), and which contact (low 16 bits) in the common case.
    const r = rng.next();
    const u = (r >>> 16) * INV_65536;
    const special = this.specialShare;
    if (u < special) {
      const v = rng.float();
      if (sms) this.special(v < 0.2 ? Pool.SPECIAL : v < 0.4 ? Pool.PREMIUM : Pool.SHORT);
      else this.special(v < 0.3 ? Pool.SPECIAL : v < 0.4 ? Pool.PREMIUM : v < 0.6 ? Pool.FREE : v < 0.997 ? Pool.SHORT : Pool.EMERGENCY);
    } else if (this.zone !== BE) {
      const v = rng.float();
      if (v < 0.25) this.local();
      else if (v < 0.3) this.foreignNumber();
      else this.contact();
    } else if (u < special + this.foreignShare) this.foreignNumber();
    else {
      const i = (r & 0xffff) % this.contacts.length;
      this.pickedDest = this.contactDest[i]!;
      this.pickedTo = this.contacts[i]!;
    }
  }

  private everydayCall(t: Instant, line: number): void {
    const rng = this.rng;
    this.everydayParty(false);
    // One draw: received or not (bits 0–9), unanswered (bits 10–14), duration (bits 22–31).
    const r = rng.next();
    const incoming = (r & 0x3ff) < this.incomingShare * 1024;
    const seconds = !incoming && ((r >>> 10) & 31) < 2 ? 0 : Math.min(14_400, Math.max(1, Math.round(this.callMedian * LN_CALL[r >>> 22]!)));
    const late = this.zone === BE ? t : this.lateArrival(t, this.zone === EU ? 0.01 : 0.15);
    this.call(t, line, this.pickedTo, this.pickedDest, seconds, incoming, 0, late);
  }

  private everydaySms(t: Instant, line: number): void {
    const rng = this.rng;
    this.everydayParty(true);
    if (this.pickedDest === Dest.EMERGENCY || this.pickedDest === Dest.FREE) this.contact();
    // One draw: length (high 16 bits) and group size (low 16 bits).
    const q = rng.next();
    const r = (q >>> 16) * INV_65536;
    const characters = r < 0.7 ? 1 + Math.floor((r / 0.7) * 160) : r < 0.97 ? 161 + Math.floor(((r - 0.7) / 0.27) * 320) : 481 + Math.floor(((r - 0.97) / 0.03) * 720);
    const g = q & 0xffff;
    const recipients = g < 0.03 * 65_536 ? 2 + (g % 4) : 1;
    const late = this.zone === BE ? t : this.lateArrival(t, this.zone === EU ? 0.01 : 0.15);
    this.sms(t, line, this.pickedTo, this.pickedDest, characters, recipients, late);
  }

  private everydayData(t: Instant, line: number, country: number): void {
    const rng = this.rng;
    const r = rng.next();
    const bytes = Math.min(8e9, Math.max(1_000, Math.round(this.dataMedian * LN_DATA[r >>> 22]!)));
    const bps = 125_000 * (1 + (r & 31));
    const seconds = Math.min(21_600, Math.max(1, Math.round(bytes / bps) + (r & 0x3ff) % 120));
    const zone = country === this.home ? BE : this.zone;
    const late = zone === BE ? t : this.lateArrival(t, zone === EU ? 0.01 : 0.15);
    this.data(t, line, bytes, seconds, late, country);
  }

  /** The fixed line stays in Belgium: calls to Belgian numbers mostly, a third received. */
  private fixedCall(t: Instant, line: number): void {
    const rng = this.rng;
    const u = rng.float();
    if (u < 0.05) this.special(u < 0.02 ? Pool.SPECIAL : Pool.FREE);
    else if (u < 0.12) this.foreignNumber();
    else this.contact();
    const r = rng.next();
    const seconds = Math.max(1, Math.round(this.callMedian * 1.5 * LN_CALL[r >>> 22]!));
    this.call(t, line, this.pickedTo, this.pickedDest, Math.min(14_400, seconds), (r & 7) < 3, 0, t, this.home);
  }

  /** A Phone2Go licence (CLIC-2.9): through the desktop app at the office or the mobile app; Belgian numbers mostly. */
  private appCall(t: Instant, line: number): void {
    const rng = this.rng;
    const u = rng.float();
    if (u < 0.04) this.foreignNumber();
    else if (u < 0.05) this.special(Pool.PREMIUM);
    else this.contact();
    const r = rng.next();
    const desktop = (r & 3) !== 0;
    const home = this.zone === BE;
    let flags: number = desktop ? UsageFlag.APP_DESKTOP : UsageFlag.APP_MOBILE;
    if (desktop) flags |= home && (r & 8) === 0 ? UsageFlag.AT_INSTALLATION_ADDRESS : 0;
    else flags |= ((r & 32) === 0 ? UsageFlag.LOCATION_SHARED : 0) | ((r & 64) === 0 ? UsageFlag.MOBILE_NETWORK : 0);
    const seconds = Math.min(14_400, Math.max(1, Math.round(this.callMedian * LN_CALL[r >>> 22]!)));
    this.call(t, line, this.pickedTo, this.pickedDest, seconds, (r & 128) !== 0 && (r & 256) !== 0, flags);
  }
}

const WRITER = new UsageBuilder();
/** One day's records before they are sorted by time (their country and number ids are the subscriber's). */
const DAY_BUFFER = new UsageBuilder();
let DAY_ORDER = new Int32Array(64);

/** Countries whose numbers subscribers call from home. */
const EU_CALLED = ['FR', 'NL', 'DE', 'ES', 'IT', 'LU', 'PL', 'PT', 'RO'] as const;
const CONTACTS = 20;
const FOREIGN = 6;
const WORLD_CALLED = ['MA', 'TR', 'US', 'GB', 'CD', 'CH'] as const;

/** Expands a subscriber's usage over its horizon. */
export function expandUsage(ctx: BuildContext, life: Life, seed: number): GeneratedUsage {
  return new DayContext(ctx, life, seed).run();
}
