/**
 * The store's only writer: opens (or creates) a DuckDB file with schema.ts, and writes runs so that a
 * reader sees a run whole or not at all.
 *
 * 1. `markRunning` upserts each run's row in `runs` with status 'running', committed on its own.
 * 2. `begin` opens ONE transaction that first deletes whatever an earlier run of the same run_id left in
 *    the data tables; `append` adds batches through DuckDB's appender, a data chunk (2,048 rows) at a
 *    time, into the stored rows (`rated.<table>`); `reuse` lists subscribers whose rows a what-if run
 *    shares with the base run (`reused_subscribers`: the views show those rows under both runs);
 *    `complete` sets status 'complete' and commits. A process killed before that commit leaves the
 *    'running' row and none of its rows; `fail` rolls back and marks the runs 'failed'.
 *
 * Columns go into DuckDB without a JavaScript value per cell: numbers are copied from typed arrays into
 * the chunk's vectors, and strings travel as codes into ENUM vectors whose dictionary is the batch's
 * distinct values; the appender casts ENUM to the table's VARCHAR inside DuckDB.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DuckDBDataChunk, DuckDBInstance, type DuckDBAppender, type DuckDBConnection } from '@duckdb/node-api';
import duckdb from '@duckdb/node-bindings';
import { NULL_I32, TABLE_COLUMNS, type ColumnSpec, type TableBatch, type WireColumn } from './columns.ts';
import { DATA_TABLES, DDL, RATED, ratedTableDdl, REUSED, reusedRows, SCHEMA_VERSION, type DataTable } from './schema.ts';

/** One row of `runs`, as the simulation describes it. */
export interface RunRecord {
  readonly runId: string;
  readonly scenario: string;
  readonly scenarioFile: string;
  readonly variant: string;
  readonly seed: number;
  readonly population: number;
  /** 'YYYY-MM-DD'. */
  readonly startDate: string;
  readonly months: number;
  readonly catalog: string;
  readonly catalogJson: string;
  readonly termlabVersion: string;
  readonly shard: string | null;
}

/** Rows per data chunk: DuckDB's vector size. */
const VECTOR_SIZE = duckdb.vector_size();

const quote = (s: string) => `'${s.replaceAll("'", "''")}'`;

/** A temporary table for rows copied within a table (see `keepDependents`). */
const COPY = 'termlab_copied_rows';

export class StoreWriter {
  private appenders: Map<DataTable, DuckDBAppender> | undefined;
  private runIds: readonly string[] = [];
  /** Rows appended per table in the open transaction. */
  readonly rows = new Map<DataTable, number>(DATA_TABLES.map((t) => [t, 0]));
  /** Subscribers listed as reusing another run's rows in the open transaction. */
  reusedSubscribers = 0;
  /** Milliseconds spent appending (building chunks and handing them to DuckDB). */
  appendMs = 0;
  private reusedAppender: DuckDBAppender | undefined;
  /** Run → the run whose rows it reuses. */
  private readonly reusedFrom = new Map<string, string>();

  private constructor(
    readonly file: string,
    private readonly instance: DuckDBInstance,
    readonly connection: DuckDBConnection,
  ) {}

  /**
   * Opens the store, creating the file, its directory and the tables as needed, and checks the tables'
   * columns. DuckDB's memory is capped (`memoryLimit`, default 256MB: its cache of the blocks a run has
   * written would otherwise grow with the run, up to 80 % of the machine's memory); beyond the cap DuckDB
   * evicts written blocks and spills to a temporary directory beside the file. Appending is as fast.
   */
  static async open(file: string, options: { readonly memoryLimit?: string; readonly threads?: number } = {}): Promise<StoreWriter> {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    const config: Record<string, string> = { memory_limit: options.memoryLimit ?? '256MB' };
    if (options.threads !== undefined) config.threads = String(options.threads); // DuckDB's default: the machine's cores
    const instance = await DuckDBInstance.create(file, config);
    const connection = await instance.connect();
    const writer = new StoreWriter(file, instance, connection);
    try {
      await writer.moveVersion1Tables();
      for (const ddl of DDL) await connection.run(ddl);
      await writer.checkColumns();
    } catch (e) {
      writer.close();
      throw e;
    }
    return writer;
  }

  /**
   * A store of schema version 1 kept every run's rows in `main.<table>`, what-if runs included: those
   * become the stored rows of version 2 (`rated.<table>`, no reused subscribers), in one transaction.
   */
  private async moveVersion1Tables(): Promise<void> {
    const tables = await this.connection.runAndReadAll(`SELECT table_name FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = 'main'`);
    const old = new Set(tables.getRows().map(([t]) => String(t)));
    const moved = DATA_TABLES.filter((t) => old.has(t));
    if (moved.length === 0) return;
    await this.connection.run('BEGIN');
    try {
      await this.connection.run(`CREATE SCHEMA IF NOT EXISTS ${RATED}`);
      for (const t of moved) {
        await this.connection.run(ratedTableDdl(t));
        await this.connection.run(`INSERT INTO ${RATED}.${t} SELECT * FROM main.${t}`);
        await this.connection.run(`DROP TABLE main.${t}`);
      }
      await this.connection.run('COMMIT');
    } catch (e) {
      await this.connection.run('ROLLBACK').catch(() => {});
      throw new Error(`${this.file}: could not move the tables of store schema 1 to schema ${SCHEMA_VERSION} (${(e as Error).message}): use a new database file`);
    }
  }

  private async checkColumns(): Promise<void> {
    const reader = await this.connection.runAndReadAll(
      `SELECT table_schema, table_name, list(column_name ORDER BY ordinal_position) FROM information_schema.columns
       WHERE table_catalog = current_database() AND table_schema IN ('main', '${RATED}') GROUP BY ALL`,
    );
    const found = new Map(reader.getRows().map(([s, t, cols]) => [`${String(s)}.${String(t)}`, String((cols as { items: unknown[] }).items.join(', '))]));
    for (const t of DATA_TABLES) {
      const want = ['run_id', ...TABLE_COLUMNS[t].map((c) => c.name)].join(', ');
      for (const name of [`${RATED}.${t}`, `main.${t}`])
        if (found.get(name) !== want)
          throw new Error(`${this.file}: ${name} has columns (${found.get(name)}), expected (${want}) of store schema ${SCHEMA_VERSION}: use a new database file`);
    }
  }

  /** Upserts the runs' rows with status 'running' (committed): from now on no report reads them. */
  async markRunning(runs: readonly RunRecord[]): Promise<void> {
    await this.connection.run('BEGIN');
    try {
      for (const r of runs)
        await this.connection.run(
          `INSERT INTO runs (run_id, scenario, scenario_file, variant, seed, population, start_date, months, catalog, catalog_json, termlab_version, schema_version, status, shard, subscribers_done)
           VALUES ($1, $2, $3, $4, $5, $6, $7::DATE, $8, $9, $10, $11, $12, 'running', $13, 0)
           ON CONFLICT (run_id) DO UPDATE SET scenario = excluded.scenario, scenario_file = excluded.scenario_file, variant = excluded.variant,
             seed = excluded.seed, population = excluded.population, start_date = excluded.start_date, months = excluded.months,
             catalog = excluded.catalog, catalog_json = excluded.catalog_json, termlab_version = excluded.termlab_version,
             schema_version = excluded.schema_version, status = 'running', shard = excluded.shard, subscribers_done = 0`,
          [r.runId, r.scenario, r.scenarioFile, r.variant, r.seed, r.population, r.startDate, r.months, r.catalog, r.catalogJson, r.termlabVersion, SCHEMA_VERSION, r.shard],
        );
      await this.connection.run('COMMIT');
    } catch (e) {
      await this.connection.run('ROLLBACK').catch(() => {});
      throw e;
    }
  }

  /** Opens the run's transaction: the old rows of these run ids are deleted in it, then batches are appended. */
  async begin(runIds: readonly string[]): Promise<void> {
    this.runIds = runIds;
    await this.connection.run('BEGIN');
    const ids = runIds.map(quote).join(', ');
    await this.keepDependents(ids);
    for (const t of DATA_TABLES) await this.connection.run(`DELETE FROM ${RATED}.${t} WHERE run_id IN (${ids})`);
    await this.connection.run(`DELETE FROM ${REUSED} WHERE run_id IN (${ids})`);
    this.appenders = new Map();
    for (const t of DATA_TABLES) this.appenders.set(t, await this.connection.createAppender(t, RATED));
    this.reusedAppender = await this.connection.createAppender(REUSED);
    this.reusedFrom.clear();
    this.reusedSubscribers = 0;
    for (const t of DATA_TABLES) this.rows.set(t, 0);
  }

  /**
   * A run not rewritten now that reuses rows of one that is (a variant since dropped from its scenario,
   * say) would silently show the new rows: it gets its own copy of the rows it reused first.
   */
  private async keepDependents(ids: string): Promise<void> {
    // The rows of reused_subscribers (as `r.` in reusedRows) that reuse one of these runs and are not among them.
    const dependent = (r = '') => `WHERE ${r}from_run_id IN (${ids}) AND ${r}run_id NOT IN (${ids})`;
    const n = await this.connection.runAndReadAll(`SELECT count(*)::INTEGER FROM ${REUSED} ${dependent()}`);
    if (n.getRows()[0]![0] === 0) return;
    for (const t of DATA_TABLES) {
      // Through a temporary table: DuckDB 1.5 can fail an INSERT that reads the table it writes (an
      // internal error on a partial block, seen with one thread).
      await this.connection.run(`CREATE TEMP TABLE ${COPY} AS ${reusedRows(t, dependent('r.'))}`);
      await this.connection.run(`INSERT INTO ${RATED}.${t} SELECT * FROM ${COPY}`);
      await this.connection.run(`DROP TABLE ${COPY}`);
    }
    await this.connection.run(`DELETE FROM ${REUSED} ${dependent()}`);
  }

  /** Appends one run's rows of a batch, table by table. */
  append(runId: string, tables: Readonly<Record<DataTable, TableBatch>>): void {
    if (!this.appenders) throw new Error('store: append outside a transaction');
    const t0 = performance.now();
    for (const t of DATA_TABLES) {
      const batch = tables[t];
      if (batch.rows === 0) continue;
      appendBatch(this.appenders.get(t)!, runId, TABLE_COLUMNS[t], batch);
      this.rows.set(t, this.rows.get(t)! + batch.rows);
    }
    this.appendMs += performance.now() - t0;
  }

  /**
   * Records that run `runId` holds, for these subscribers, exactly the rows of run `fromRunId` (a what-if
   * variant that cannot change them): the views show those rows under both run ids.
   */
  reuse(runId: string, fromRunId: string, subscriberIds: readonly string[]): void {
    if (!this.appenders || !this.reusedAppender) throw new Error('store: reuse outside a transaction');
    if (subscriberIds.length === 0) return;
    const from = this.reusedFrom.get(runId);
    if (from !== undefined && from !== fromRunId) throw new Error(`store: run ${runId} already reuses the rows of ${from}`);
    this.reusedFrom.set(runId, fromRunId);
    const t0 = performance.now();
    for (const id of subscriberIds) {
      this.reusedAppender.appendVarchar(runId);
      this.reusedAppender.appendVarchar(id);
      this.reusedAppender.appendVarchar(fromRunId);
      this.reusedAppender.endRow();
    }
    this.reusedSubscribers += subscriberIds.length;
    this.appendMs += performance.now() - t0;
  }

  /** Flushes the appenders, marks the runs complete with how many subscribers they hold, and commits. */
  async complete(subscribers: number): Promise<void> {
    const t0 = performance.now();
    this.closeAppenders();
    this.appendMs += performance.now() - t0;
    await this.connection.run(`UPDATE runs SET status = 'complete', subscribers_done = ${subscribers} WHERE run_id IN (${this.runIds.map(quote).join(', ')})`);
    await this.connection.run('COMMIT');
  }

  /** Rolls back the open transaction (if any) and marks the runs failed. */
  async fail(): Promise<void> {
    try {
      if (this.appenders) for (const a of this.appenders.values()) a.clear();
      this.reusedAppender?.clear();
      this.closeAppenders();
    } catch {
      // the rollback below discards whatever the appenders held
    }
    await this.connection.run('ROLLBACK').catch(() => {});
    if (this.runIds.length > 0)
      await this.connection.run(`UPDATE runs SET status = 'failed' WHERE run_id IN (${this.runIds.map(quote).join(', ')})`).catch(() => {});
  }

  private closeAppenders(): void {
    if (!this.appenders) return;
    const appenders = [...this.appenders.values(), ...(this.reusedAppender ? [this.reusedAppender] : [])];
    this.appenders = undefined;
    this.reusedAppender = undefined;
    for (const a of appenders) a.closeSync();
  }

  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}

// ---- data chunks ---------------------------------------------------------------------------------

const PLAIN_TYPES = {
  i32: duckdb.Type.INTEGER,
  i64: duckdb.Type.BIGINT,
  f64: duckdb.Type.DOUBLE,
  date: duckdb.Type.DATE,
  ts: duckdb.Type.TIMESTAMP_TZ,
  bool: duckdb.Type.BOOLEAN,
} as const;

interface EnumType {
  readonly type: duckdb.LogicalType;
  readonly width: 1 | 2 | 4;
}

function enumType(dict: readonly string[]): EnumType {
  const type = duckdb.create_enum_type(dict.length > 0 ? dict : ['']);
  const internal = duckdb.enum_internal_type(type);
  return { type, width: internal === duckdb.Type.UTINYINT ? 1 : internal === duckdb.Type.USMALLINT ? 2 : 4 };
}

/** Codes as the enum's unsigned integers (a null's −1 becomes the largest code; its row is invalid anyway). */
function enumCodes(codes: Int32Array, from: number, n: number, width: 1 | 2 | 4): Uint8Array | Uint16Array | Uint32Array {
  const out = width === 1 ? new Uint8Array(n) : width === 2 ? new Uint16Array(n) : new Uint32Array(n);
  out.set(codes.subarray(from, from + n));
  return out;
}

function copy(vector: duckdb.Vector, a: ArrayBufferView): void {
  duckdb.copy_data_to_vector(vector, 0, a.buffer as ArrayBuffer, a.byteOffset, a.byteLength);
}

/** Writes the validity mask of `n` rows from `isNull(row)`; all valid writes nothing. */
function validity(vector: duckdb.Vector, n: number, isNull: (k: number) => boolean): void {
  let words: Uint32Array | undefined;
  for (let k = 0; k < n; k++) {
    if (!isNull(k)) continue;
    words ??= new Uint32Array(Math.ceil(n / 64) * 2).fill(0xffffffff);
    words[k >>> 5]! &= ~(1 << (k & 31));
  }
  if (!words) return;
  duckdb.vector_ensure_validity_writable(vector);
  duckdb.copy_data_to_vector_validity(vector, 0, words.buffer as ArrayBuffer, 0, words.byteLength);
}

/** Appends a batch as data chunks: run_id (a one-value ENUM), then the columns. */
function appendBatch(appender: DuckDBAppender, runId: string, specs: readonly ColumnSpec[], batch: TableBatch): void {
  const run = enumType([runId]);
  const enums = batch.columns.map((col) => (col.kind === 'str' || col.kind === 'strs' ? enumType(col.dict) : undefined));
  const types = [run.type, ...batch.columns.map((col, j) => (col.kind === 'str' ? enums[j]!.type : col.kind === 'strs' ? duckdb.create_list_type(enums[j]!.type) : duckdb.create_logical_type(PLAIN_TYPES[col.kind])))];
  const raw = duckdb.create_data_chunk(types);
  const chunk = new DuckDBDataChunk(raw);
  const runCodes = new Uint8Array(VECTOR_SIZE);
  for (let from = 0; from < batch.rows; from += VECTOR_SIZE) {
    const n = Math.min(VECTOR_SIZE, batch.rows - from);
    duckdb.data_chunk_reset(raw);
    copy(duckdb.data_chunk_get_vector(raw, 0), runCodes.subarray(0, n));
    batch.columns.forEach((col, j) => fillVector(duckdb.data_chunk_get_vector(raw, j + 1), col, enums[j], specs[j]!, from, n));
    duckdb.data_chunk_set_size(raw, n);
    appender.appendDataChunk(chunk);
  }
}

function fillVector(v: duckdb.Vector, col: WireColumn, e: EnumType | undefined, spec: ColumnSpec, from: number, n: number): void {
  switch (col.kind) {
    case 'str': {
      copy(v, enumCodes(col.codes, from, n, e!.width));
      if (spec.nullable) validity(v, n, (k) => col.codes[from + k]! < 0);
      return;
    }
    case 'strs': {
      const base = col.offsets[from]!;
      const total = col.offsets[from + n]! - base;
      const entries = new Uint32Array(n * 4); // (offset, length) as little-endian uint64 pairs
      for (let k = 0; k < n; k++) {
        entries[4 * k] = col.offsets[from + k]! - base;
        entries[4 * k + 2] = col.offsets[from + k + 1]! - col.offsets[from + k]!;
      }
      duckdb.list_vector_reserve(v, total);
      duckdb.list_vector_set_size(v, total);
      if (total > 0) copy(duckdb.list_vector_get_child(v), enumCodes(col.codes, base, total, e!.width));
      copy(v, entries);
      return;
    }
    case 'i32':
    case 'date': {
      const data = col.data.subarray(from, from + n);
      copy(v, data);
      if (spec.nullable) validity(v, n, (k) => data[k] === NULL_I32);
      return;
    }
    case 'i64':
    case 'ts': {
      copy(v, col.data.subarray(2 * from, 2 * (from + n)));
      const nulls = col.nulls;
      if (nulls) validity(v, n, (k) => nulls[from + k] === 1);
      return;
    }
    case 'f64': {
      const data = col.data.subarray(from, from + n);
      copy(v, data);
      if (spec.nullable) validity(v, n, (k) => Number.isNaN(data[k]!));
      return;
    }
    case 'bool': {
      const data = col.data.subarray(from, from + n);
      copy(v, data);
      if (spec.nullable) validity(v, n, (k) => data[k] === 2);
      return;
    }
  }
}
