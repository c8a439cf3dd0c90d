/**
 * Usage columns written row by row into scratch arrays reused from one subscriber to the next, then
 * copied once into a single buffer per subscriber (one allocation, the columns are views of it). The
 * same job as the domain's `UsageBuilder`, without its two dozen allocations per subscriber, which cost
 * more than the rows themselves at population scale.
 */
import type { UsageColumns } from '../../src/domain/usage.ts';

export class ColumnWriter {
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
