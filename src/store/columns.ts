/**
 * Rows as columns, for the trip from a worker thread to the store's writer: each table of schema.ts is a
 * list of typed columns (after `run_id`, which the writer fills), built row by row into growable typed
 * arrays and shipped as transferable buffers. Strings are dictionary-encoded per batch (a code per row and
 * the batch's distinct values), so a batch crosses threads as a few arrays, not millions of strings, and
 * the writer hands DuckDB codes, not strings.
 *
 * Nulls: NaN for f64/i64/ts, INT32_MIN for i32/date, code −1 for str, 2 for bool.
 */
import type { DataTable } from './schema.ts';

export type ColumnKind =
  | 'str' // VARCHAR
  | 'strs' // VARCHAR[]
  | 'i32' // INTEGER
  | 'i64' // BIGINT (whole numbers within ±2^53, given as numbers)
  | 'f64' // DOUBLE
  | 'date' // DATE (day number since 1970-01-01)
  | 'ts' // TIMESTAMPTZ (instant in seconds since the epoch)
  | 'bool'; // BOOLEAN

export interface ColumnSpec {
  readonly name: string;
  readonly kind: ColumnKind;
  readonly nullable?: boolean;
}

const c = (name: string, kind: ColumnKind, nullable = false): ColumnSpec => ({ name, kind, nullable });

/** Every data table's columns after run_id, in the order of schema.ts (a test and the writer check it). */
export const TABLE_COLUMNS: Readonly<Record<DataTable, readonly ColumnSpec[]>> = {
  subscribers: [
    c('subscriber_id', 'str'),
    c('idx', 'i32'),
    c('persona', 'str'),
    c('family', 'str'),
    c('plan', 'str'),
    c('lines', 'i32'),
    c('name', 'str', true),
    c('company', 'str', true),
    c('city', 'str', true),
    c('activated_on', 'date', true),
    c('ended_on', 'date', true),
    c('end_reason', 'str', true),
    c('billed_cents', 'i64'),
    c('owed_cents', 'i64'),
    c('prepaid_credit_cents', 'i64'),
  ],
  statements: [c('subscriber_id', 'str'), c('statement_index', 'i32'), c('issued_on', 'date'), c('due_on', 'date'), c('total_cents', 'i64')],
  statement_lines: [
    c('subscriber_id', 'str'),
    c('statement_index', 'i32'),
    c('line_no', 'i32'),
    c('category', 'str'),
    c('tariff', 'str', true),
    c('description', 'str'),
    c('period_start', 'date'),
    c('period_end', 'date'),
    c('quantity', 'f64'),
    c('unit', 'str'),
    c('amount_cents', 'i64'),
    c('clauses', 'strs'),
    c('assumed', 'bool'),
  ],
  decisions: [
    c('subscriber_id', 'str'),
    c('seq', 'i32'),
    c('kind', 'str'),
    c('at', 'ts'),
    c('until', 'ts', true),
    c('line', 'str', true),
    c('service', 'str', true),
    c('zone', 'str', true),
    c('quantity', 'f64', true),
    c('amount_cents', 'i64', true),
    c('detail', 'str'),
    c('clauses', 'strs'),
    c('assumed', 'bool'),
  ],
  usage: [
    c('subscriber_id', 'str'),
    c('period', 'i32'),
    c('period_start', 'date'),
    c('line', 'str'),
    c('service', 'str'),
    c('zone', 'str'),
    c('unit', 'str'),
    c('included', 'f64'),
    c('billed', 'f64'),
    c('throttled', 'f64'),
    c('blocked', 'f64'),
    c('free', 'f64'),
  ],
  ledger: [
    c('subscriber_id', 'str'),
    c('seq', 'i32'),
    c('at', 'ts'),
    c('kind', 'str'),
    c('amount_cents', 'i64'),
    c('balance_cents', 'i64'),
    c('detail', 'str'),
    c('clauses', 'strs'),
  ],
  usage_records: [
    c('subscriber_id', 'str'),
    c('seq', 'i32'),
    c('at', 'ts'),
    c('recorded_at', 'ts'),
    c('period', 'i32'),
    c('line', 'str'),
    c('service', 'str'),
    c('direction', 'str'),
    c('country', 'str'),
    c('zone', 'str'),
    c('destination', 'str', true),
    c('number', 'str', true),
    c('amount', 'f64'),
    c('quantity', 'f64'),
    c('unit', 'str'),
    c('recipients', 'i32'),
    c('seconds', 'f64'),
  ],
};

/** One column of a finished batch, as it crosses threads. */
export type WireColumn =
  | { readonly kind: 'str'; readonly codes: Int32Array; readonly dict: readonly string[] }
  | { readonly kind: 'strs'; readonly offsets: Int32Array; readonly codes: Int32Array; readonly dict: readonly string[] }
  | { readonly kind: 'i32' | 'date'; readonly data: Int32Array }
  /** i64 and ts arrive as 64-bit integers (ts in microseconds) written into an Int32Array as low/high halves. */
  | { readonly kind: 'i64' | 'ts'; readonly data: Int32Array; readonly nulls?: Uint8Array }
  | { readonly kind: 'f64'; readonly data: Float64Array }
  | { readonly kind: 'bool'; readonly data: Uint8Array };

/** One table's rows of one batch. */
export interface TableBatch {
  readonly rows: number;
  readonly columns: readonly WireColumn[];
}

export const NULL_I32 = -2147483648;

/** A copy of `a` with room for at least `need` values (double the length, or more if that is not enough). */
function grow<A extends Int32Array | Float64Array | Uint8Array>(a: A, need: number): A {
  let n = Math.max(a.length * 2, 256);
  while (n < need) n *= 2;
  const b = new (a.constructor as new (n: number) => A)(n);
  b.set(a);
  return b;
}

/**
 * Distinct strings and their codes, for one column of one batch. The last string coded is remembered:
 * rows of one subscriber repeat its id, and outcome values (kinds, units, categories) come in runs.
 */
class Dictionary {
  readonly values: string[] = [];
  private readonly codes = new Map<string, number>();
  private last: string | undefined;
  private lastCode = -1;

  code(s: string): number {
    if (s === this.last) return this.lastCode;
    let code = this.codes.get(s);
    if (code === undefined) {
      code = this.values.length;
      this.values.push(s);
      this.codes.set(s, code);
    }
    this.last = s;
    this.lastCode = code;
    return code;
  }
}

/*
 * Columns under construction. Each appends the value of row `row` (the table's current row); storage grows
 * by doubling. A null in a column not declared nullable is an error, named by the column.
 */

class StrColumn {
  codes = new Int32Array(256);
  readonly dict = new Dictionary();
  constructor(readonly spec: ColumnSpec) {}
  put(row: number, s: string | null | undefined): void {
    if (row >= this.codes.length) this.codes = grow(this.codes, row + 1);
    if (s == null) this.codes[row] = nullOrThrow(this.spec, -1);
    else this.codes[row] = this.dict.code(s);
  }
  finish(rows: number): WireColumn {
    return { kind: 'str', codes: this.codes.subarray(0, rows), dict: this.dict.values };
  }
}

class StrListColumn {
  offsets = new Int32Array(256);
  codes = new Int32Array(512);
  size = 0;
  readonly dict = new Dictionary();
  constructor(readonly spec: ColumnSpec) {}
  /** A null list is stored as an empty one (a list column has no nulls of its own). */
  put(row: number, list: readonly string[] | null | undefined): void {
    if (list == null) nullOrThrow(this.spec, 0);
    const n = list?.length ?? 0;
    if (row + 2 > this.offsets.length) this.offsets = grow(this.offsets, row + 2);
    if (this.size + n > this.codes.length) this.codes = grow(this.codes, this.size + n);
    this.offsets[row] = this.size;
    for (let i = 0; i < n; i++) this.codes[this.size++] = this.dict.code(list![i]!);
    this.offsets[row + 1] = this.size;
  }
  finish(rows: number): WireColumn {
    return { kind: 'strs', offsets: this.offsets.subarray(0, rows + 1), codes: this.codes.subarray(0, this.size), dict: this.dict.values };
  }
}

/** i32 and date (day numbers). */
class I32Column {
  data = new Int32Array(256);
  constructor(readonly spec: ColumnSpec & { readonly kind: 'i32' | 'date' }) {}
  put(row: number, v: number | null | undefined): void {
    if (row >= this.data.length) this.data = grow(this.data, row + 1);
    this.data[row] = v == null ? nullOrThrow(this.spec, NULL_I32) : v;
  }
  finish(rows: number): WireColumn {
    return { kind: this.spec.kind, data: this.data.subarray(0, rows) };
  }
}

/** f64, and i64 and ts (seconds), which become int64 halves when the batch is finished. */
class F64Column {
  data = new Float64Array(256);
  constructor(readonly spec: ColumnSpec & { readonly kind: 'f64' | 'i64' | 'ts' }) {}
  put(row: number, v: number | null | undefined): void {
    if (row >= this.data.length) this.data = grow(this.data, row + 1);
    this.data[row] = v == null ? nullOrThrow(this.spec, NaN) : v;
  }
  finish(rows: number): WireColumn {
    const kind = this.spec.kind;
    if (kind === 'f64') return { kind: 'f64', data: this.data.subarray(0, rows) };
    return int64Column(kind, this.data, rows, kind === 'ts' ? 1_000_000 : 1);
  }
}

class BoolColumn {
  data = new Uint8Array(256);
  constructor(readonly spec: ColumnSpec) {}
  put(row: number, v: boolean | null | undefined): void {
    if (row >= this.data.length) this.data = grow(this.data, row + 1);
    this.data[row] = v == null ? nullOrThrow(this.spec, 2) : v ? 1 : 0;
  }
  finish(rows: number): WireColumn {
    return { kind: 'bool', data: this.data.subarray(0, rows) };
  }
}

/** The stored null of a nullable column; an error for any other. */
function nullOrThrow<T>(spec: ColumnSpec, stored: T): T {
  if (!spec.nullable) throw new TypeError(`store: column ${spec.name} cannot be null`);
  return stored;
}

/** Whole numbers as int64 halves (little-endian), without a BigInt per value; NaN becomes a null. */
function int64Column(kind: 'i64' | 'ts', values: Float64Array, rows: number, scale: number): WireColumn {
  const data = new Int32Array(rows * 2);
  let nulls: Uint8Array | undefined;
  for (let i = 0; i < rows; i++) {
    const v = values[i]! * scale;
    if (Number.isNaN(v)) {
      (nulls ??= new Uint8Array(rows))[i] = 1;
      continue;
    }
    if (!Number.isSafeInteger(v)) throw new RangeError(`store: ${v} is not a whole number within ±2^53`);
    const hi = Math.floor(v / 4294967296);
    data[2 * i] = (v - hi * 4294967296) | 0;
    data[2 * i + 1] = hi;
  }
  return nulls ? { kind, data, nulls } : { kind, data };
}

type Column = StrColumn | StrListColumn | I32Column | F64Column | BoolColumn;

function columnFor(spec: ColumnSpec): Column {
  switch (spec.kind) {
    case 'str':
      return new StrColumn(spec);
    case 'strs':
      return new StrListColumn(spec);
    case 'i32':
    case 'date':
      return new I32Column(spec as ColumnSpec & { kind: 'i32' | 'date' });
    case 'f64':
    case 'i64':
    case 'ts':
      return new F64Column(spec as ColumnSpec & { kind: 'f64' | 'i64' | 'ts' });
    case 'bool':
      return new BoolColumn(spec);
  }
}

export type RowValue = string | number | boolean | readonly string[] | null | undefined;

/**
 * A table's rows under construction, appended value by value in column order and closed by `endRow`, as
 * with DuckDB's appender:
 *
 *     statements.str(id).i32(st.index).date(issued).date(due).i64(st.totalCents).endRow();
 *
 * Each method names the kind of its column and checks it, and `endRow` checks that every column got its
 * value, so a row written out of step with TABLE_COLUMNS fails at once, naming the column. No array per
 * row and no dispatch per value on the column's kind: rows are written by the hundred million.
 * `add(values)` appends a whole row given as an array, for code that is not on that path (tests).
 */
export class TableBuilder {
  rows = 0;
  private readonly columns: Column[];
  /** The columns' kinds, apart: reading them off the columns (five classes) would be a slow property read per value. */
  private readonly kinds: ColumnKind[];
  /** The column the next value goes to. */
  private next = 0;
  private finished = false;

  constructor(readonly specs: readonly ColumnSpec[]) {
    this.columns = specs.map(columnFor);
    this.kinds = specs.map((spec) => spec.kind);
  }

  /** The next column, checked to be of `kind`. */
  private column(kind: ColumnKind): Column {
    if (this.kinds[this.next] !== kind) throw this.outOfStep(kind);
    return this.columns[this.next++]!;
  }

  private outOfStep(kind: ColumnKind): TypeError {
    const col = this.columns[this.next];
    return new TypeError(`store: value ${this.next + 1} of the row is a ${kind}, but ${col ? `column ${col.spec.name} is a ${col.spec.kind}` : `the table has ${this.columns.length} columns`}`);
  }

  str(v: string | null | undefined): this {
    (this.column('str') as StrColumn).put(this.rows, v);
    return this;
  }

  strs(v: readonly string[] | null | undefined): this {
    (this.column('strs') as StrListColumn).put(this.rows, v);
    return this;
  }

  i32(v: number | null | undefined): this {
    (this.column('i32') as I32Column).put(this.rows, v);
    return this;
  }

  /** A day number (days since 1970-01-01). */
  date(v: number | null | undefined): this {
    (this.column('date') as I32Column).put(this.rows, v);
    return this;
  }

  f64(v: number | null | undefined): this {
    (this.column('f64') as F64Column).put(this.rows, v);
    return this;
  }

  i64(v: number | null | undefined): this {
    (this.column('i64') as F64Column).put(this.rows, v);
    return this;
  }

  /** An instant in seconds since the epoch. */
  ts(v: number | null | undefined): this {
    (this.column('ts') as F64Column).put(this.rows, v);
    return this;
  }

  bool(v: boolean | null | undefined): this {
    (this.column('bool') as BoolColumn).put(this.rows, v);
    return this;
  }

  endRow(): void {
    if (this.next !== this.columns.length || this.finished) throw this.badEnd();
    this.next = 0;
    this.rows++;
  }

  private badEnd(): TypeError {
    if (this.finished) return new TypeError('store: rows added to a finished table batch');
    return new TypeError(`store: a row ended after ${this.next} of ${this.columns.length} values (next column: ${this.columns[this.next]!.spec.name})`);
  }

  /** Appends one row given in column order: strings, numbers, booleans, string lists or null. */
  add(values: readonly RowValue[]): void {
    this.specs.forEach((spec, j) => {
      const v = values[j];
      switch (spec.kind) {
        case 'str':
          return this.str(v as string | null | undefined);
        case 'strs':
          return this.strs(v as readonly string[] | null | undefined);
        case 'i32':
          return this.i32(v as number | null | undefined);
        case 'date':
          return this.date(v as number | null | undefined);
        case 'f64':
          return this.f64(v as number | null | undefined);
        case 'i64':
          return this.i64(v as number | null | undefined);
        case 'ts':
          return this.ts(v as number | null | undefined);
        case 'bool':
          return this.bool(v as boolean | null | undefined);
      }
    });
    this.endRow();
  }

  /**
   * The rows as wire columns: views of the builder's own arrays (no copy; their buffers, a little larger
   * than the rows, are what `transferables` hands to the other thread). The builder is done with then.
   */
  finish(): TableBatch {
    if (this.next !== 0) throw new TypeError(`store: the last row was not ended (${this.next} of ${this.columns.length} values)`);
    if (this.finished) throw new TypeError('store: a table batch is finished only once');
    this.finished = true;
    return { rows: this.rows, columns: this.columns.map((col) => col.finish(this.rows)) };
  }
}

/** The buffers of a batch's columns, to transfer rather than copy between threads. */
export function transferables(batch: TableBatch): ArrayBuffer[] {
  const out: ArrayBuffer[] = [];
  for (const col of batch.columns) {
    if ('codes' in col) out.push(col.codes.buffer as ArrayBuffer);
    if ('offsets' in col) out.push(col.offsets.buffer as ArrayBuffer);
    if ('data' in col) out.push(col.data.buffer as ArrayBuffer);
    if ('nulls' in col && col.nulls) out.push(col.nulls.buffer as ArrayBuffer);
  }
  return out;
}
