import { countryZone } from './countries.ts';
import { Svc } from './families.ts';
import { formatInstant } from './time.ts';
import type { TimelineEvent } from './timeline.ts';

/**
 * Usage records as columns: the form the rating loop reads and the generators write, so that millions
 * of records never become millions of objects. A JSON timeline's usage events convert to and from it.
 * Rows are in time order of `at`; `line`, `country` and `to` index the tables beside the columns.
 */
export interface UsageColumns {
  readonly count: number;
  /** Instants of use (whole seconds). */
  readonly at: Float64Array;
  /** When the record reached the operator; equal to `at` unless it is a late roaming record (BASE-D.8.3). */
  readonly recordedAt: Float64Array;
  /** Svc.CALL, Svc.SMS or Svc.DATA. */
  readonly service: Uint8Array;
  /** 1 for a received call. */
  readonly incoming: Uint8Array;
  /** Index of the contract line. */
  readonly line: Uint16Array;
  /** Index into `countries`: where the line was (ISO 3166-1 alpha-2). */
  readonly country: Uint16Array;
  readonly countries: readonly string[];
  /** Destination class (numbering.ts `Dest`); unused for data. */
  readonly dest: Uint8Array;
  /** Index into `numbers`: the other party as written; −1 for data. */
  readonly to: Int32Array;
  readonly numbers: readonly string[];
  /** Call seconds, SMS characters or data bytes, as recorded. */
  readonly amount: Float64Array;
  /** SMS recipients (≥ 1); 1 otherwise. */
  readonly recipients: Uint16Array;
  /** Data session seconds; 0 otherwise. */
  readonly seconds: Float64Array;
  /** What the network saw of the equipment: UsageFlag bits (SIM box, Phone2Go app and conditions). */
  readonly flags: Uint8Array;
}

/** Bits of `UsageColumns.flags`. */
export const UsageFlag = {
  SIMBOX: 1, // BASE-B.3.2.1
  APP_DESKTOP: 2, // CLIC-2.10
  APP_MOBILE: 4,
  AT_INSTALLATION_ADDRESS: 8,
  LOCATION_SHARED: 16,
  MOBILE_NETWORK: 32,
} as const;

/** Grows usage columns row by row without an object per row (generators use it). */
export class UsageBuilder {
  count = 0;
  private cap: number;
  at: Float64Array;
  recordedAt: Float64Array;
  service: Uint8Array;
  incoming: Uint8Array;
  line: Uint16Array;
  country: Uint16Array;
  dest: Uint8Array;
  to: Int32Array;
  amount: Float64Array;
  recipients: Uint16Array;
  seconds: Float64Array;
  flags: Uint8Array;
  private readonly countryIndex = new Map<string, number>();
  private readonly numberIndex = new Map<string, number>();
  readonly countries: string[] = [];
  readonly numbers: string[] = [];

  constructor(capacity = 256) {
    this.cap = Math.max(1, capacity);
    this.at = new Float64Array(this.cap);
    this.recordedAt = new Float64Array(this.cap);
    this.service = new Uint8Array(this.cap);
    this.incoming = new Uint8Array(this.cap);
    this.line = new Uint16Array(this.cap);
    this.country = new Uint16Array(this.cap);
    this.dest = new Uint8Array(this.cap);
    this.to = new Int32Array(this.cap);
    this.amount = new Float64Array(this.cap);
    this.recipients = new Uint16Array(this.cap);
    this.seconds = new Float64Array(this.cap);
    this.flags = new Uint8Array(this.cap);
  }

  /** The index of a country code in this builder's table (adds it once). */
  countryId(iso2: string): number {
    let i = this.countryIndex.get(iso2);
    if (i === undefined) {
      i = this.countries.length;
      this.countries.push(iso2);
      this.countryIndex.set(iso2, i);
    }
    return i;
  }

  /** The index of a number in this builder's table (adds it once). */
  numberId(number: string): number {
    let i = this.numberIndex.get(number);
    if (i === undefined) {
      i = this.numbers.length;
      this.numbers.push(number);
      this.numberIndex.set(number, i);
    }
    return i;
  }

  /** Appends one record; `to` is a number id (−1 for data), `country` a country id. */
  push(
    at: number,
    service: number,
    line: number,
    country: number,
    dest: number,
    to: number,
    amount: number,
    extra: { recordedAt?: number; incoming?: boolean; recipients?: number; seconds?: number; flags?: number } = NONE,
  ): void {
    if (this.count === this.cap) this.grow();
    const i = this.count++;
    this.at[i] = at;
    this.recordedAt[i] = extra.recordedAt ?? at;
    this.service[i] = service;
    this.incoming[i] = extra.incoming ? 1 : 0;
    this.line[i] = line;
    this.country[i] = country;
    this.dest[i] = dest;
    this.to[i] = to;
    this.amount[i] = amount;
    this.recipients[i] = extra.recipients ?? 1;
    this.seconds[i] = extra.seconds ?? 0;
    this.flags[i] = extra.flags ?? 0;
  }

  /** The columns, trimmed to the rows written. */
  build(): UsageColumns {
    const n = this.count;
    return {
      count: n,
      at: this.at.slice(0, n),
      recordedAt: this.recordedAt.slice(0, n),
      service: this.service.slice(0, n),
      incoming: this.incoming.slice(0, n),
      line: this.line.slice(0, n),
      country: this.country.slice(0, n),
      countries: this.countries,
      dest: this.dest.slice(0, n),
      to: this.to.slice(0, n),
      numbers: this.numbers,
      amount: this.amount.slice(0, n),
      recipients: this.recipients.slice(0, n),
      seconds: this.seconds.slice(0, n),
      flags: this.flags.slice(0, n),
    };
  }

  private grow(): void {
    this.cap *= 2;
    const grow = <A extends Float64Array | Uint8Array | Uint16Array | Int32Array>(a: A): A => {
      const b = new (a.constructor as new (n: number) => A)(this.cap);
      b.set(a);
      return b;
    };
    this.at = grow(this.at);
    this.recordedAt = grow(this.recordedAt);
    this.service = grow(this.service);
    this.incoming = grow(this.incoming);
    this.line = grow(this.line);
    this.country = grow(this.country);
    this.dest = grow(this.dest);
    this.to = grow(this.to);
    this.amount = grow(this.amount);
    this.recipients = grow(this.recipients);
    this.seconds = grow(this.seconds);
    this.flags = grow(this.flags);
  }
}

const NONE = {};

/** The zone of each country of a columns' table, for the rating loop. */
export function zonesOf(columns: UsageColumns): Uint8Array {
  const zones = new Uint8Array(columns.countries.length);
  columns.countries.forEach((c, i) => (zones[i] = countryZone(c) ?? 2));
  return zones;
}

/** The usage rows as timeline events (for JSON export): row i becomes one call, sms or data event. */
export function usageEvent(u: UsageColumns, i: number, lineIds: readonly string[]): TimelineEvent {
  const base = { at: formatInstant(u.at[i]!), line: lineIds[u.line[i]!]!, from: u.countries[u.country[i]!]! };
  const late = u.recordedAt[i]! > u.at[i]! ? { recordedAt: formatInstant(u.recordedAt[i]!) } : {};
  const f = u.flags[i]!;
  const device = f & UsageFlag.SIMBOX ? { device: 'simbox' as const } : {};
  switch (u.service[i]) {
    case Svc.CALL: {
      const via =
        f & (UsageFlag.APP_DESKTOP | UsageFlag.APP_MOBILE)
          ? {
              via: {
                app: f & UsageFlag.APP_DESKTOP ? ('desktop' as const) : ('mobile' as const),
                atInstallationAddress: (f & UsageFlag.AT_INSTALLATION_ADDRESS) !== 0,
                locationShared: (f & UsageFlag.LOCATION_SHARED) !== 0,
                network: f & UsageFlag.MOBILE_NETWORK ? ('mobile' as const) : ('wifi' as const),
              },
            }
          : {};
      return { type: 'call', ...base, to: u.numbers[u.to[i]!]!, seconds: u.amount[i]!, direction: u.incoming[i] ? 'in' : 'out', ...device, ...via, ...late };
    }
    case Svc.SMS:
      return { type: 'sms', ...base, to: u.numbers[u.to[i]!]!, characters: u.amount[i]!, recipients: u.recipients[i]!, ...device, ...late };
    default:
      return { type: 'data', ...base, bytes: u.amount[i]!, seconds: u.seconds[i]!, ...late };
  }
}

/** The flags of a JSON usage event. */
export function usageFlags(e: { device?: 'phone' | 'simbox' | undefined; via?: { app: 'desktop' | 'mobile'; atInstallationAddress?: boolean | undefined; locationShared?: boolean | undefined; network?: 'mobile' | 'wifi' | 'fixed' | undefined } | undefined }): number {
  let f = e.device === 'simbox' ? UsageFlag.SIMBOX : 0;
  if (e.via) {
    f |= e.via.app === 'desktop' ? UsageFlag.APP_DESKTOP : UsageFlag.APP_MOBILE;
    if (e.via.atInstallationAddress) f |= UsageFlag.AT_INSTALLATION_ADDRESS;
    if (e.via.locationShared) f |= UsageFlag.LOCATION_SHARED;
    if (e.via.network === 'mobile') f |= UsageFlag.MOBILE_NETWORK;
  }
  return f;
}
