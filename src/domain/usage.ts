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

/**
 * Usage columns written row by row, without an object per row: into scratch arrays that grow as needed
 * and are reused from one timeline to the next (`reset`), then copied once into a single buffer per
 * timeline (`build`: one allocation; the columns are views of it). Generators write millions of rows
 * through it; compile.ts writes a JSON timeline's usage events through it.
 */
export class UsageBuilder {
  count = 0;
  at = new Float64Array(4096);
  recordedAt = new Float64Array(4096);
  amount = new Float64Array(4096);
  seconds = new Float64Array(4096);
  to = new Int32Array(4096);
  line = new Uint16Array(4096);
  country = new Uint16Array(4096);
  recipients = new Uint16Array(4096);
  service = new Uint8Array(4096);
  incoming = new Uint8Array(4096);
  dest = new Uint8Array(4096);
  flags = new Uint8Array(4096);
  countries: string[] = [];
  numbers: string[] = [];
  private readonly countryIndex = new Map<string, number>();
  private readonly numberIndex = new Map<string, number>();

  /** Starts a new subscriber (the tables handed out before stay with their columns). */
  reset(): void {
    this.count = 0;
    this.countries = [];
    this.numbers = [];
    this.countryIndex.clear();
    this.numberIndex.clear();
  }

  countryId(iso2: string): number {
    let i = this.countryIndex.get(iso2);
    if (i === undefined) {
      i = this.countries.length;
      this.countries.push(iso2);
      this.countryIndex.set(iso2, i);
    }
    return i;
  }

  numberId(number: string): number {
    let i = this.numberIndex.get(number);
    if (i === undefined) {
      i = this.numbers.length;
      this.numbers.push(number);
      this.numberIndex.set(number, i);
    }
    return i;
  }

  /** Appends one row (time order is the caller's). */
  push(
    at: number,
    service: number,
    line: number,
    country: number,
    dest: number,
    to: number,
    amount: number,
    recordedAt: number,
    incoming: boolean,
    recipients: number,
    seconds: number,
    flags: number,
  ): void {
    const i = this.count;
    if (i === this.at.length) this.grow();
    this.count = i + 1;
    this.at[i] = at;
    this.recordedAt[i] = recordedAt;
    this.service[i] = service;
    this.incoming[i] = incoming ? 1 : 0;
    this.line[i] = line;
    this.country[i] = country;
    this.dest[i] = dest;
    this.to[i] = to;
    this.amount[i] = amount;
    this.recipients[i] = recipients;
    this.seconds[i] = seconds;
    this.flags[i] = flags;
  }

  /** The rows written since `reset`, as columns over one buffer. */
  build(): UsageColumns {
    const n = this.count;
    const buffer = new ArrayBuffer(n * 46);
    let offset = 0;
    const f64 = (src: Float64Array) => {
      const a = new Float64Array(buffer, offset, n);
      a.set(src.subarray(0, n));
      offset += n * 8;
      return a;
    };
    const i32 = (src: Int32Array) => {
      const a = new Int32Array(buffer, offset, n);
      a.set(src.subarray(0, n));
      offset += n * 4;
      return a;
    };
    const u16 = (src: Uint16Array) => {
      const a = new Uint16Array(buffer, offset, n);
      a.set(src.subarray(0, n));
      offset += n * 2;
      return a;
    };
    const u8 = (src: Uint8Array) => {
      const a = new Uint8Array(buffer, offset, n);
      a.set(src.subarray(0, n));
      offset += n;
      return a;
    };
    // Widest first, so every view is aligned.
    const at = f64(this.at);
    const recordedAt = f64(this.recordedAt);
    const amount = f64(this.amount);
    const seconds = f64(this.seconds);
    const to = i32(this.to);
    const line = u16(this.line);
    const country = u16(this.country);
    const recipients = u16(this.recipients);
    return {
      count: n,
      at,
      recordedAt,
      service: u8(this.service),
      incoming: u8(this.incoming),
      line,
      country,
      countries: this.countries,
      dest: u8(this.dest),
      to,
      numbers: this.numbers,
      amount,
      recipients,
      seconds,
      flags: u8(this.flags),
    };
  }

  private grow(): void {
    const cap = this.at.length * 2;
    const g = <A extends Float64Array | Uint8Array | Uint16Array | Int32Array>(a: A): A => {
      const b = new (a.constructor as new (n: number) => A)(cap);
      b.set(a);
      return b;
    };
    this.at = g(this.at);
    this.recordedAt = g(this.recordedAt);
    this.amount = g(this.amount);
    this.seconds = g(this.seconds);
    this.to = g(this.to);
    this.line = g(this.line);
    this.country = g(this.country);
    this.recipients = g(this.recipients);
    this.service = g(this.service);
    this.incoming = g(this.incoming);
    this.dest = g(this.dest);
    this.flags = g(this.flags);
  }
}


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
