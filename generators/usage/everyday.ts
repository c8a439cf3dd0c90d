/**
 * A subscriber's ordinary usage, one day at a time: how many records (a Poisson count over all lines
 * from the usage profile, by weekday or weekend, at home or abroad), when (the day's instants in order,
 * through a time-of-day profile), on which line and service, with whom, how long or how much, and when
 * roaming records reach the operator (BASE-D.8.3). This is where nearly every record of a population is
 * made, so the rows go straight into the writer's columns and each record costs a few PRNG draws, each
 * split into several choices where the bits allow.
 */
import { Zone } from '../../src/domain/countries.ts';
import { Svc } from '../../src/domain/families.ts';
import { Dest } from '../../src/domain/numbering.ts';
import type { Instant } from '../../src/domain/time.ts';
import { UsageFlag } from '../../src/domain/usage.ts';
import type { Life } from '../life.ts';
import type { Rng } from '../rng.ts';
import type { BuildContext } from '../types.ts';
import type { UsageBuilder } from '../../src/domain/usage.ts';
import { Kind } from './meter.ts';
import { logNormalTable } from './normal.ts';
import { Pool, type Parties } from './parties.ts';
import { drawPoisson, poissonTable } from './poisson.ts';

/** Call durations and data volumes: log-normal around the profile's medians. */
const LN_CALL = logNormalTable(1.0);
const LN_DATA = logNormalTable(1.6);
const INV_65536 = 1 / 65_536;
const INV_4096 = 1 / 4_096;
const INV_2_20 = 1 / 1_048_576;
const MAX_CALL_SECONDS = 14_400;
const MAX_DATA_BYTES = 8e9;
const MAX_DATA_SECONDS = 21_600;
/** Share of roaming records that reach the operator late, in the EU zone and beyond (BASE-D.8.3). */
const LATE_EU = 0.01;
const LATE_WORLD = 0.15;
const DAY = 86_400;

/**
 * Math.round for the non-negative values here, as floor(x + 0.5), which V8 compiles to fewer instructions
 * (Math.round cost a sixteenth of the expansion). The two agree but for x = 0.49999999999999994, a product
 * meant to be exactly ½ (three volume-and-rate pairs of a data session), where this gives 1 as ½ would.
 */
function roundHalfUp(x: number): number {
  return Math.floor(x + 0.5);
}
/** Seconds per byte of a data session at 1 to 32 Mbit/s (125,000 bytes a second per Mbit/s). */
const SECONDS_PER_BYTE = Float64Array.from({ length: 32 }, (_, k) => 1 / (125_000 * (1 + k)));

/**
 * The time-of-day profile: the second of the day before which a share `x` (0–1) of the day's records
 * fall; 4 % of the records before 07:00, 92 % from 07:00 to 23:00, 4 % after (to 23:58). Multiplications
 * only: this runs for every record.
 */
function secondOfShare(x: number): number {
  if (x < 0.04) return x * (25_200 / 0.04);
  if (x < 0.96) return 25_200 + (x - 0.04) * (57_600 / 0.92);
  return 82_800 + (x - 0.96) * (3_480 / 0.04);
}

/** A day's state: weekday or weekend (bit 0), at home or abroad (bit 1). */
export function dayState(weekend: boolean, abroad: boolean): number {
  return (weekend ? 1 : 0) | (abroad ? 2 : 0);
}

/** The ordinary records of one subscriber's days (one per process, taken up by each subscriber in turn: `reset`). */
export class EverydayUsage {
  private life!: Life;
  private rng!: Rng;
  /** The writer's id of Belgium: the data SIM and the fixed line are at home. */
  private home = 0;
  private kinds: Uint8Array = new Uint8Array(0);
  private lines = 0;
  /** Per day state: each line's cumulative share of the day's records. */
  private lineCum: Float64Array = new Float64Array(16);
  /** Per day state: the distribution function of the day's record count. */
  private readonly counts: Float64Array[] = [new Float64Array(64), new Float64Array(64), new Float64Array(64), new Float64Array(64)];
  /** Shares of calls, and of calls and SMS, among a mobile SIM's records. */
  private callShare = 0;
  private callOrSmsShare = 0;
  private incoming1024 = 0;
  private specialShare = 0;
  private specialOrForeignShare = 0;
  private callMedian = 0;
  private dataMedian = 0;
  // Today's place and the records' country: set by `day`, read by the record writers.
  private country = 0;
  private zone: number = Zone.BE;

  constructor(
    private readonly out: UsageBuilder,
    private readonly parties: Parties,
  ) {}

  /** Takes a new subscriber's profile and lines (the tables of the last one are reused: one per process). */
  reset(ctx: BuildContext, life: Life, rng: Rng, kinds: Uint8Array, home: number): void {
    this.life = life;
    this.rng = rng;
    this.kinds = kinds;
    this.home = home;
    const p = life.profile;
    const perDay = p.callsPerDay + p.smsPerDay + (ctx.dataBarred ? 0.05 : p.dataPerDay);
    this.callShare = p.callsPerDay / perDay;
    this.callOrSmsShare = (p.callsPerDay + p.smsPerDay) / perDay;
    this.incoming1024 = p.incomingShare * 1024;
    this.specialShare = p.specialShare;
    this.specialOrForeignShare = p.specialShare + p.foreignShare;
    this.callMedian = p.callMedianSeconds;
    this.dataMedian = p.dataMedianBytes;
    const n = (this.lines = ctx.lines.length);
    const firstMobile = Math.max(0, kinds.indexOf(Kind.MOBILE));
    if (this.lineCum.length < 4 * n) this.lineCum = new Float64Array(4 * n);
    const lineCum = this.lineCum;
    for (let state = 0; state < 4; state++) {
      const weekend = (state & 1) === 1;
      const abroad = (state & 2) === 2;
      let total = 0;
      for (let l = 0; l < n; l++) {
        const kind = kinds[l]!;
        let mean: number;
        if (kind === Kind.MOBILE) mean = l === firstMobile ? perDay : perDay * p.otherSims;
        else if (kind === Kind.DATA) mean = ctx.dataBarred ? 0.02 : p.dataSimPerDay;
        else mean = kind === Kind.FIXED ? p.fixedPerDay : p.fixedPerDay * 0.5;
        // Less at weekends (the fixed line and Phone2Go are business lines), less abroad.
        mean *= weekend ? (kind === Kind.MOBILE || kind === Kind.DATA ? 0.8 : 0.1) : 1;
        if (abroad && kind === Kind.MOBILE) mean *= 0.8;
        if (abroad && kind === Kind.PHONE2GO) mean *= 0.3;
        total += mean;
        lineCum[state * n + l] = total;
      }
      for (let l = 0; l < n; l++) lineCum[state * n + l] = total > 0 ? lineCum[state * n + l]! / total : 1;
      this.counts[state] = poissonTable(total, this.counts[state]);
    }
  }

  /** How many ordinary records a day in `state` has (drawn: call it once per day, before `day`). */
  count(state: number): number {
    return drawPoisson(this.rng, this.counts[state]!);
  }

  /**
   * Writes the `count` ordinary records (`count` > 0) of the day starting at `start` (`length` seconds
   * long) in time order, in `country` (the writer's id) of `zone`; `checkLines`: some line cannot be used
   * all day, so each record's line is checked at its instant (the records of a line that cannot be used
   * are dropped).
   */
  day(count: number, start: Instant, length: number, state: number, country: number, zone: number, checkLines: boolean): void {
    const rng = this.rng;
    this.country = country;
    this.zone = zone;
    this.out.reserve(count);
    const lines = this.lines;
    const cum = state * lines;
    const lineCum = this.lineCum;
    const kinds = this.kinds;
    const lastSecond = length - 121;
    // The day's instants in order: one in each equal share of the day (stratified), through the time-of-day profile.
    const slot = 1 / count;
    let share = 0;
    for (let i = 0; i < count; i++, share += slot) {
      // One draw for two choices: where in its share of the day the record falls (high 20 bits) and its
      // service (low 12 bits, if on a mobile SIM); a second one for the line when there are several.
      const r = rng.next();
      const t = start + Math.min(lastSecond, secondOfShare(share + (r >>> 12) * INV_2_20 * slot) | 0);
      let l = 0;
      if (lines > 1) {
        const v = rng.float();
        while (l < lines - 1 && v >= lineCum[cum + l]!) l++;
      }
      if (checkLines && !this.life.canUse(l, t)) continue;
      const kind = kinds[l]!;
      if (kind === Kind.MOBILE) {
        const w = (r & 0xfff) * INV_4096;
        if (w < this.callShare) this.call(t, l);
        else if (w < this.callOrSmsShare) this.sms(t, l);
        else this.data(t, l, this.country, this.zone);
      } else if (kind === Kind.DATA) this.data(t, l, this.home, Zone.BE);
      else if (kind === Kind.FIXED) this.fixedCall(t, l);
      else this.appCall(t, l);
    }
  }

  /** When a record made abroad reaches the operator: mostly at once, sometimes up to 45 days later (BASE-D.8.3). */
  private recorded(t: Instant, zone: number): Instant {
    if (zone === Zone.BE) return t;
    const rng = this.rng;
    return rng.float() < (zone === Zone.EU ? LATE_EU : LATE_WORLD) ? t + 3600 + Math.floor(rng.float() * 45 * DAY) : t;
  }

  /**
   * The other party of a mobile call or SMS (in `parties.to`, `parties.dest`). One draw: the kind of
   * party (high 16 bits) and which contact (low 16 bits) in the common case, a contact at home, which is
   * checked first (and small enough to be inlined); `otherParty` makes the others.
   */
  private party(sms: boolean): void {
    const r = this.rng.next();
    if (this.zone === Zone.BE && (r >>> 16) * INV_65536 >= this.specialOrForeignShare) this.parties.contactAt(r & 0xffff);
    else this.otherParty(sms, r);
  }

  /** A special number, a number abroad, or a party abroad (`party`'s draw: `r`). */
  private otherParty(sms: boolean, r: number): void {
    const rng = this.rng;
    const parties = this.parties;
    const u = (r >>> 16) * INV_65536;
    if (u < this.specialShare) {
      const v = rng.float();
      if (sms) parties.special(v < 0.2 ? Pool.SPECIAL : v < 0.4 ? Pool.PREMIUM : Pool.SHORT);
      else parties.special(v < 0.3 ? Pool.SPECIAL : v < 0.4 ? Pool.PREMIUM : v < 0.6 ? Pool.FREE : v < 0.997 ? Pool.SHORT : Pool.EMERGENCY);
    } else if (this.zone !== Zone.BE) {
      // Abroad: a quarter local numbers, a few numbers abroad, the rest contacts at home.
      const v = rng.float();
      if (v < 0.25) parties.local(this.country, this.out.countries[this.country]!, this.zone === Zone.EU);
      else if (v < 0.3) parties.foreignNumber();
      else parties.contact();
    } else parties.foreignNumber();
  }

  private call(t: Instant, line: number): void {
    this.party(false);
    // One draw: received or not (bits 0–9), unanswered (bits 10–14), duration (bits 22–31).
    const r = this.rng.next();
    const incoming = (r & 0x3ff) < this.incoming1024;
    const seconds = !incoming && ((r >>> 10) & 31) < 2 ? 0 : Math.min(MAX_CALL_SECONDS, Math.max(1, roundHalfUp(this.callMedian * LN_CALL[r >>> 22]!)));
    const p = this.parties;
    this.out.append(t, Svc.CALL, line, this.country, p.dest, p.to, seconds, this.recorded(t, this.zone), incoming ? 1 : 0, 1, 0, 0);
  }

  private sms(t: Instant, line: number): void {
    const p = this.parties;
    this.party(true);
    if (p.dest === Dest.EMERGENCY || p.dest === Dest.FREE) p.contact();
    // One draw: the length (high 16 bits; 160 characters at most mostly, up to 1,200) and the group size (low 16 bits).
    const q = this.rng.next();
    const r = (q >>> 16) * INV_65536;
    const characters = r < 0.7 ? 1 + Math.floor(r * (160 / 0.7)) : r < 0.97 ? 161 + Math.floor((r - 0.7) * (320 / 0.27)) : 481 + Math.floor((r - 0.97) * (720 / 0.03));
    const g = q & 0xffff;
    const recipients = g < 0.03 * 65_536 ? 2 + (g % 4) : 1;
    this.out.append(t, Svc.SMS, line, this.country, p.dest, p.to, characters, this.recorded(t, this.zone), 0, recipients, 0, 0);
  }

  private data(t: Instant, line: number, country: number, zone: number): void {
    // One draw: the volume (bits 22–31), the throughput (bits 0–4) and extra seconds (bits 0–9).
    const r = this.rng.next();
    const bytes = Math.min(MAX_DATA_BYTES, Math.max(1_000, roundHalfUp(this.dataMedian * LN_DATA[r >>> 22]!)));
    const seconds = Math.min(MAX_DATA_SECONDS, Math.max(1, roundHalfUp(bytes * SECONDS_PER_BYTE[r & 31]!) + ((r & 0x3ff) % 120)));
    this.out.append(t, Svc.DATA, line, country, Dest.BE_MOBILE, -1, bytes, this.recorded(t, zone), 0, 1, seconds, 0);
  }

  /** The fixed line stays in Belgium: calls to Belgian numbers mostly, a third received. */
  private fixedCall(t: Instant, line: number): void {
    const p = this.parties;
    const u = this.rng.float();
    if (u < 0.05) p.special(u < 0.02 ? Pool.SPECIAL : Pool.FREE);
    else if (u < 0.12) p.foreignNumber();
    else p.contact();
    const r = this.rng.next();
    const seconds = Math.min(MAX_CALL_SECONDS, Math.max(1, roundHalfUp(this.callMedian * 1.5 * LN_CALL[r >>> 22]!)));
    this.out.append(t, Svc.CALL, line, this.home, p.dest, p.to, seconds, t, (r & 7) < 3 ? 1 : 0, 1, 0, 0);
  }

  /** A Phone2Go licence (CLIC-2.9): through the desktop app at the office or the mobile app; Belgian numbers mostly. */
  private appCall(t: Instant, line: number): void {
    const p = this.parties;
    const u = this.rng.float();
    if (u < 0.04) p.foreignNumber();
    else if (u < 0.05) p.special(Pool.PREMIUM);
    else p.contact();
    const r = this.rng.next();
    const desktop = (r & 3) !== 0;
    let flags: number = desktop ? UsageFlag.APP_DESKTOP : UsageFlag.APP_MOBILE;
    if (desktop) flags |= this.zone === Zone.BE && (r & 8) === 0 ? UsageFlag.AT_INSTALLATION_ADDRESS : 0;
    else flags |= ((r & 32) === 0 ? UsageFlag.LOCATION_SHARED : 0) | ((r & 64) === 0 ? UsageFlag.MOBILE_NETWORK : 0);
    const seconds = Math.min(MAX_CALL_SECONDS, Math.max(1, roundHalfUp(this.callMedian * LN_CALL[r >>> 22]!)));
    const incoming = (r & 128) !== 0 && (r & 256) !== 0;
    this.out.append(t, Svc.CALL, line, this.country, p.dest, p.to, seconds, t, incoming ? 1 : 0, 1, 0, flags);
  }
}
