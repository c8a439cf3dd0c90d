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

/** Grows typed arrays by doubling. */
function grow<A extends Int32Array | Float64Array | Uint8Array>(a: A, need: number): A {
  if (need <= a.length) return a;
  let n = a.length * 2;
  while (n < need) n *= 2;
  const b = new (a.constructor as new (n: number) => A)(n);
  b.set(a);
  return b;
}

/** A column under construction. `put*` append one value; rows advance in `TableBuilder.row`. */
const STR = 0;
const STRS = 1;
const I32 = 2;
const F64 = 3;
const BOOL = 4;

abstract class ColumnBuilder {
  abstract readonly code: number;
  abstract finish(rows: number): WireColumn;
}

class StrColumn extends ColumnBuilder {
  readonly code = STR;
  codes = new Int32Array(256);
  readonly dict: string[] = [];
  private readonly index = new Map<string, number>();
  put(row: number, s: string | null | undefined): void {
    this.codes = grow(this.codes, row + 1);
    if (s == null) {
      this.codes[row] = -1;
      return;
    }
    let code = this.index.get(s);
    if (code === undefined) {
      code = this.dict.length;
      this.dict.push(s);
      this.index.set(s, code);
    }
    this.codes[row] = code;
  }
  finish(rows: number): WireColumn {
    return { kind: 'str', codes: this.codes.slice(0, rows), dict: this.dict };
  }
}

class StrListColumn extends ColumnBuilder {
  readonly code = STRS;
  offsets = new Int32Array(256);
  codes = new Int32Array(512);
  size = 0;
  readonly dict: string[] = [];
  private readonly index = new Map<string, number>();
  put(row: number, list: readonly string[]): void {
    this.offsets = grow(this.offsets, row + 2);
    this.codes = grow(this.codes, this.size + list.length);
    this.offsets[row] = this.size;
    for (const s of list) {
      let code = this.index.get(s);
      if (code === undefined) {
        code = this.dict.length;
        this.dict.push(s);
        this.index.set(s, code);
      }
      this.codes[this.size++] = code;
    }
    this.offsets[row + 1] = this.size;
  }
  finish(rows: number): WireColumn {
    const offsets = this.offsets.slice(0, rows + 1);
    if (rows === 0) offsets[0] = 0;
    return { kind: 'strs', offsets, codes: this.codes.slice(0, this.size), dict: this.dict };
  }
}

class I32Column extends ColumnBuilder {
  readonly code = I32;
  data = new Int32Array(256);
  constructor(readonly kind: 'i32' | 'date') {
    super();
  }
  put(row: number, v: number | null | undefined): void {
    this.data = grow(this.data, row + 1);
    this.data[row] = v == null ? NULL_I32 : v;
  }
  finish(rows: number): WireColumn {
    return { kind: this.kind, data: this.data.slice(0, rows) };
  }
}

class F64Column extends ColumnBuilder {
  readonly code = F64;
  data = new Float64Array(256);
  constructor(readonly kind: 'f64' | 'i64' | 'ts') {
    super();
  }
  put(row: number, v: number | null | undefined): void {
    this.data = grow(this.data, row + 1);
    this.data[row] = v == null ? NaN : v;
  }
  finish(rows: number): WireColumn {
    if (this.kind === 'f64') return { kind: 'f64', data: this.data.slice(0, rows) };
    return int64Column(this.kind, this.data, rows, this.kind === 'ts' ? 1_000_000 : 1);
  }
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

class BoolColumn extends ColumnBuilder {
  readonly code = BOOL;
  data = new Uint8Array(256);
  put(row: number, v: boolean | null | undefined): void {
    this.data = grow(this.data, row + 1);
    this.data[row] = v == null ? 2 : v ? 1 : 0;
  }
  finish(rows: number): WireColumn {
    return { kind: 'bool', data: this.data.slice(0, rows) };
  }
}

type Builder = StrColumn | StrListColumn | I32Column | F64Column | BoolColumn;

function builderFor(spec: ColumnSpec): Builder {
  switch (spec.kind) {
    case 'str':
      return new StrColumn();
    case 'strs':
      return new StrListColumn();
    case 'i32':
    case 'date':
      return new I32Column(spec.kind);
    case 'f64':
    case 'i64':
    case 'ts':
      return new F64Column(spec.kind);
    case 'bool':
      return new BoolColumn();
  }
}

export type RowValue = string | number | boolean | readonly string[] | null | undefined;

/**
 * A table's rows under construction. `add(values)` appends one row given in column order; values are
 * strings, numbers, booleans, string lists or null.
 */
export class TableBuilder {
  rows = 0;
  private readonly builders: Builder[];
  constructor(readonly specs: readonly ColumnSpec[]) {
    this.builders = specs.map(builderFor);
  }

  add(values: readonly RowValue[]): void {
    const row = this.rows;
    const builders = this.builders;
    for (let j = 0; j < builders.length; j++) {
      const v = values[j];
      if (v == null && !this.specs[j]!.nullable) throw new TypeError(`store: column ${this.specs[j]!.name} cannot be null`);
      const b = builders[j]!;
      switch (b.code) {
        case STR:
          (b as StrColumn).put(row, v as string | null | undefined);
          break;
        case STRS:
          (b as StrListColumn).put(row, (v ?? []) as readonly string[]);
          break;
        case I32:
          (b as I32Column).put(row, v as number | null | undefined);
          break;
        case F64:
          (b as F64Column).put(row, v as number | null | undefined);
          break;
        default:
          (b as BoolColumn).put(row, v as boolean | null | undefined);
      }
    }
    this.rows++;
  }

  finish(): TableBatch {
    return { rows: this.rows, columns: this.builders.map((b) => b.finish(this.rows)) };
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
