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
 * Usage columns written row by row, without an object per row: into scratch columns that grow as needed
 * and are reused from one timeline to the next (`reset`), then copied once into a single buffer per
 * timeline (`build`: one allocation; the columns are views of it). Generators write millions of rows
 * through it (reserving a day's rows at once, moving a persona's rows into the day's, dropping rows);
 * compile.ts writes a JSON timeline's usage events through it.
 *
 * The twelve columns are kept as blocks of four typed arrays, one per element type (the 64-bit floats
 * `at`, `recordedAt`, `amount`, `seconds` one after the other in one array, and so on): writing a row
 * then looks up four arrays instead of twelve, which halves its cost.
 */
/** Bytes of one row over all columns: 4 × 8 (at, recordedAt, amount, seconds) + 4 (to) + 3 × 2 + 4 × 1. */
const ROW_BYTES = 46;
/** Blocks of `f64`. */
const AT = 0;
const RECORDED_AT = 1;
const AMOUNT = 2;
const SECONDS = 3;
/** Blocks of `u16`. */
const LINE = 0;
const COUNTRY = 1;
const RECIPIENTS = 2;
/** Blocks of `u8`. */
const SERVICE = 0;
const INCOMING = 1;
const DEST = 2;
const FLAGS = 3;

export class UsageBuilder {
  count = 0;
  /** Rows each block holds. */
  private capacity: number;
  private f64: Float64Array;
  private i32: Int32Array;
  private u16: Uint16Array;
  private u8: Uint8Array;
  countries: string[] = [];
  numbers: string[] = [];
  private readonly countryIndex = new Map<string, number>();
  private readonly numberIndex = new Map<string, number>();

  constructor(capacity = 4096) {
    this.capacity = capacity;
    this.f64 = new Float64Array(4 * capacity);
    this.i32 = new Int32Array(capacity);
    this.u16 = new Uint16Array(3 * capacity);
    this.u8 = new Uint8Array(4 * capacity);
  }

  /** Starts a new subscriber (the tables handed out by `build` stay with their columns). */
  reset(): void {
    this.count = 0;
    this.countries = [];
    this.numbers = [];
    this.countryIndex.clear();
    this.numberIndex.clear();
  }

  countryId(iso2: string): number {
    return intern(this.countries, this.countryIndex, iso2);
  }

  /**
   * Adds a number to the table without looking for it first: for a subscriber's contacts, registered
   * once each at the start (a contact picked twice from the directory only takes two ids).
   */
  addNumber(number: string): number {
    return this.numbers.push(number) - 1;
  }

  /** The id of a number in the table, added if it is not there yet. */
  numberId(number: string): number {
    return intern(this.numbers, this.numberIndex, number);
  }

  /** Room for `n` more rows. */
  reserve(n: number): void {
    if (this.count + n > this.capacity) this.grow(this.count + n);
  }

  /**
   * `push` into room made by `reserve` (the ordinary records reserve a day's rows at once): no capacity
   * check, which lets the compiler keep the columns at hand across a day's rows.
   */
  append(
    at: number,
    service: number,
    line: number,
    country: number,
    dest: number,
    to: number,
    amount: number,
    recordedAt: number,
    incoming: number,
    recipients: number,
    seconds: number,
    flags: number,
  ): void {
    const i = this.count++;
    const c = this.capacity;
    const f64 = this.f64;
    f64[AT * c + i] = at;
    f64[RECORDED_AT * c + i] = recordedAt;
    f64[AMOUNT * c + i] = amount;
    f64[SECONDS * c + i] = seconds;
    this.i32[i] = to;
    const u16 = this.u16;
    u16[LINE * c + i] = line;
    u16[COUNTRY * c + i] = country;
    u16[RECIPIENTS * c + i] = recipients;
    const u8 = this.u8;
    u8[SERVICE * c + i] = service;
    u8[INCOMING * c + i] = incoming;
    u8[DEST * c + i] = dest;
    u8[FLAGS * c + i] = flags;
  }

  /** Appends one row (time order is the caller's); `amount` is call seconds, SMS characters or data bytes. */
  push(
    at: number,
    service: number,
    line: number,
    country: number,
    dest: number,
    to: number,
    amount: number,
    recordedAt: number,
    incoming: number,
    recipients: number,
    seconds: number,
    flags: number,
  ): void {
    if (this.count === this.capacity) this.grow(this.count + 1);
    this.append(at, service, line, country, dest, to, amount, recordedAt, incoming, recipients, seconds, flags);
  }

  // The columns of row i.
  at(i: number): number {
    return this.f64[AT * this.capacity + i]!;
  }
  amount(i: number): number {
    return this.f64[AMOUNT * this.capacity + i]!;
  }
  line(i: number): number {
    return this.u16[LINE * this.capacity + i]!;
  }
  country(i: number): number {
    return this.u16[COUNTRY * this.capacity + i]!;
  }
  recipients(i: number): number {
    return this.u16[RECIPIENTS * this.capacity + i]!;
  }
  service(i: number): number {
    return this.u8[SERVICE * this.capacity + i]!;
  }
  incoming(i: number): boolean {
    return this.u8[INCOMING * this.capacity + i] === 1;
  }
  dest(i: number): number {
    return this.u8[DEST * this.capacity + i]!;
  }

  /** Appends row `i` of `from` (whose country and number ids are this writer's) into room made by `reserve`. */
  copyRow(from: UsageBuilder, i: number): void {
    const c = from.capacity;
    const f64 = from.f64;
    const u16 = from.u16;
    const u8 = from.u8;
    this.append(
      f64[AT * c + i]!,
      u8[SERVICE * c + i]!,
      u16[LINE * c + i]!,
      u16[COUNTRY * c + i]!,
      u8[DEST * c + i]!,
      from.i32[i]!,
      f64[AMOUNT * c + i]!,
      f64[RECORDED_AT * c + i]!,
      u8[INCOMING * c + i]!,
      u16[RECIPIENTS * c + i]!,
      f64[SECONDS * c + i]!,
      u8[FLAGS * c + i]!,
    );
  }

  /** Moves rows `from..count` to the end of `into` (emptied first) and drops them here. */
  moveTail(from: number, into: UsageBuilder): void {
    into.count = 0;
    into.reserve(this.count - from);
    for (let i = from; i < this.count; i++) into.copyRow(this, i);
    this.count = from;
  }

  /** The rows written since `reset`, as columns over one buffer (the domain's layout: widest first, so every view is aligned). */
  build(): UsageColumns {
    const n = this.count;
    const c = this.capacity;
    // Every byte of the buffer is copied into below: Node's unpooled, uninitialised allocation spares zeroing it first.
    const buffer = Buffer.allocUnsafeSlow(n * ROW_BYTES).buffer;
    const f64 = new Float64Array(buffer, 0, 4 * n);
    for (let b = 0; b < 4; b++) f64.set(this.f64.subarray(b * c, b * c + n), b * n);
    const to = new Int32Array(buffer, 32 * n, n);
    to.set(this.i32.subarray(0, n));
    const u16 = new Uint16Array(buffer, 36 * n, 3 * n);
    for (let b = 0; b < 3; b++) u16.set(this.u16.subarray(b * c, b * c + n), b * n);
    const u8 = new Uint8Array(buffer, 42 * n, 4 * n);
    for (let b = 0; b < 4; b++) u8.set(this.u8.subarray(b * c, b * c + n), b * n);
    return {
      count: n,
      at: f64.subarray(AT * n, (AT + 1) * n),
      recordedAt: f64.subarray(RECORDED_AT * n, (RECORDED_AT + 1) * n),
      amount: f64.subarray(AMOUNT * n, (AMOUNT + 1) * n),
      seconds: f64.subarray(SECONDS * n, (SECONDS + 1) * n),
      to,
      line: u16.subarray(LINE * n, (LINE + 1) * n),
      country: u16.subarray(COUNTRY * n, (COUNTRY + 1) * n),
      recipients: u16.subarray(RECIPIENTS * n, (RECIPIENTS + 1) * n),
      service: u8.subarray(SERVICE * n, (SERVICE + 1) * n),
      incoming: u8.subarray(INCOMING * n, (INCOMING + 1) * n),
      dest: u8.subarray(DEST * n, (DEST + 1) * n),
      flags: u8.subarray(FLAGS * n, (FLAGS + 1) * n),
      countries: this.countries,
      numbers: this.numbers,
    };
  }

  /** Doubles the capacity (at least to `atLeast` rows), each block moved to its new place. */
  private grow(atLeast: number): void {
    const old = this.capacity;
    let cap = old * 2;
    while (cap < atLeast) cap *= 2;
    const f64 = new Float64Array(4 * cap);
    const u16 = new Uint16Array(3 * cap);
    const u8 = new Uint8Array(4 * cap);
    for (let b = 0; b < 4; b++) f64.set(this.f64.subarray(b * old, (b + 1) * old), b * cap);
    for (let b = 0; b < 3; b++) u16.set(this.u16.subarray(b * old, (b + 1) * old), b * cap);
    for (let b = 0; b < 4; b++) u8.set(this.u8.subarray(b * old, (b + 1) * old), b * cap);
    const i32 = new Int32Array(cap);
    i32.set(this.i32);
    this.capacity = cap;
    this.f64 = f64;
    this.i32 = i32;
    this.u16 = u16;
    this.u8 = u8;
  }
}


/** The index of `value` in `table`, appended (and indexed in `index`) if it is not there yet. */
function intern(table: string[], index: Map<string, number>, value: string): number {
  let i = index.get(value);
  if (i === undefined) {
    i = table.push(value) - 1;
    index.set(value, i);
  }
  return i;
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
