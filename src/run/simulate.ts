/**
 * `termlab simulate <scenario.yaml>`: runs a scenario's population through the reference model under its
 * base catalog and every what-if variant, and stores everything in DuckDB (src/store/schema.ts), one run
 * per catalog: run_id '<scenario>/<seed>/<variant>'.
 *
 * - Worker threads generate and rate contiguous batches of subscribers; the main thread is the only
 *   writer and writes batches in subscriber order, so the rows do not depend on the number of workers.
 *   At most two batches per worker are in flight: memory does not grow with the population.
 * - All runs of one invocation are written in one transaction after their `runs` rows were committed as
 *   'running'; it ends by marking them 'complete'. Killed, the store keeps 'running' rows and no data.
 * - `--shard i/n --parquet dir` simulates the i-th slice of the population and writes it as
 *   hive-partitioned Parquet (src/run/shard.ts).
 */
import { availableParallelism } from 'node:os';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { parse as parseYaml } from 'yaml';
import { PERSONAS } from '../../generators/personas/index.ts';
import { InputError } from '../domain/errors.ts';
import { applyOverrides, loadScenario, type LoadedScenario } from '../domain/scenario.ts';
import { formatDate } from '../domain/time.ts';
import { DATA_TABLES, type DataTable } from '../store/schema.ts';
import { StoreWriter, type RunRecord } from '../store/writer.ts';
import { progressBar, wantsProgress, type Progress } from './progress.ts';
import { exportShard, parseShard, retractShard, shardRange, type Shard } from './shard.ts';
import { BatchSimulator, catalogsOf, type BatchResult, type BatchTiming, type FromWorker, type SimulationJob, type ToWorker } from './worker.ts';

export const DEFAULT_DB = 'out/termlab.duckdb';

export interface SimulateOptions {
  readonly scenarioFile: string;
  /** The DuckDB file; default out/termlab.duckdb, or none (a temporary file) with `parquet` alone. */
  readonly db?: string;
  /** Worker threads; 0 simulates in this thread. Default: the machine's cores. */
  readonly workers?: number;
  readonly shard?: Shard;
  /** Directory of the hive-partitioned Parquet output. */
  readonly parquet?: string;
  /** Population size (default: the scenario's). */
  readonly count?: number;
  /** Default: the scenario's. */
  readonly seed?: number;
  /** Also one row per usage record (table usage_records). */
  readonly usageRecords?: boolean;
  /** DuckDB's threads for the store (default: the machine's cores); 1 reproduces a one-CPU machine. */
  readonly duckdbThreads?: number;
  /** Rate every subscriber under every variant, even those a variant cannot change (a check of the reuse). */
  readonly rerateAll?: boolean;
  /** Subscribers per batch (default: up to 256, smaller for small runs so every worker gets work). */
  readonly batchSize?: number;
  readonly progress?: boolean;
  /** Stops the run (and marks it failed) when aborted. */
  readonly signal?: AbortSignal;
}

export interface SimulateResult {
  readonly runIds: readonly string[];
  /** Subscribers simulated (this shard's, with --shard). */
  readonly subscribers: number;
  readonly months: number;
  readonly seconds: number;
  /** Rows stored per table (a reused subscriber's rows are stored once, under the base run). */
  readonly rows: Readonly<Record<DataTable, number>>;
  /** Worker-side stage times (ms, summed over workers), and the main thread's append, commit and export times. */
  readonly timing: BatchTiming & { append: number; commit: number; export: number };
  /** Subscribers of what-if runs whose outcome is the base run's (listed in reused_subscribers, not rated again). */
  readonly reused: number;
  readonly db?: string;
  readonly parquet?: readonly string[];
}

export class Interrupted extends Error {
  constructor() {
    super('interrupted: the run is marked failed and none of its rows were kept');
  }
}

/** Simulates a scenario into the store. Throws InputError on bad input before anything is written. */
export async function simulate(options: SimulateOptions): Promise<SimulateResult> {
  const began = performance.now();
  const loaded = loadScenario(options.scenarioFile, PERSONAS);
  const scenario = loaded.scenario;
  const seed = options.seed ?? scenario.seed;
  const count = options.count ?? scenario.population;
  const shard = options.shard;
  const [from, to] = shard ? shardRange(shard, count) : [0, count];
  const catalogs = catalogsOf(loaded);
  const runs: RunRecord[] = catalogs.map(({ variant, catalog }, k) => ({
    runId: `${scenario.name}/${seed}/${variant}`,
    scenario: scenario.name,
    scenarioFile: options.scenarioFile,
    variant,
    seed,
    population: count,
    startDate: formatDate(scenario.start),
    months: scenario.horizonMonths,
    catalog: catalog.name,
    catalogJson: JSON.stringify(catalogDocument(loaded, k)),
    termlabVersion: VERSION,
    shard: shard ? `${shard.index}/${shard.count}` : null,
  }));
  const runIds = runs.map((r) => r.runId);
  const job: SimulationJob = { scenarioFile: resolve(options.scenarioFile), seed, count, usageRecords: options.usageRecords ?? false, reuseBase: !options.rerateAll };

  const parquetOnly = options.parquet !== undefined && options.db === undefined;
  const dbFile = parquetOnly ? join(options.parquet!, `.shard-${shard?.index ?? 1}-of-${shard?.count ?? 1}-${process.pid}.duckdb`) : (options.db ?? DEFAULT_DB);
  const writer = await StoreWriter.open(dbFile, options.duckdbThreads === undefined ? {} : { threads: options.duckdbThreads });
  const timing = { generate: 0, rate: 0, rows: 0, records: 0, append: 0, commit: 0, export: 0 };
  let parquet: string[] | undefined;
  let bar: Progress | undefined;
  try {
    if (options.parquet) retractShard(options.parquet, runIds, shard ?? { index: 1, count: 1 });
    await writer.markRunning(runs);
    await writer.begin(runIds);
    const workers = options.workers ?? availableParallelism();
    const size = options.batchSize ?? Math.max(16, Math.min(256, Math.ceil((to - from) / Math.max(1, workers * 8))));
    const batches: Array<[number, number]> = [];
    for (let a = from; a < to; a += size) batches.push([a, Math.min(to, a + size)]);
    bar = progressBar({ label: `simulate ${scenario.name}/${seed}`, total: to - from, enabled: options.progress ?? wantsProgress() });
    let done = 0;
    for await (const result of batchResults(job, batches, workers, options.signal)) {
      result.runs.forEach((tables, k) => {
        writer.append(runIds[k]!, tables);
        writer.reuse(runIds[k]!, runIds[0]!, result.reused[k]!);
      });
      for (const key of ['generate', 'rate', 'rows', 'records'] as const) timing[key] += result.timing[key];
      done += result.to - result.from;
      bar.update(done);
    }
    bar.finish();
    bar = undefined;
    const t = performance.now();
    const appendBefore = writer.appendMs;
    await writer.complete(to - from);
    timing.commit = performance.now() - t - (writer.appendMs - appendBefore);
    timing.append = writer.appendMs;
    if (options.parquet) {
      const t1 = performance.now();
      parquet = await exportShard(writer.connection, options.parquet, runIds, shard ?? { index: 1, count: 1 });
      timing.export = performance.now() - t1;
    }
  } catch (e) {
    await writer.fail();
    throw e;
  } finally {
    bar?.finish();
    writer.close();
    if (parquetOnly) for (const f of [dbFile, `${dbFile}.wal`, `${dbFile}.tmp`]) rmSync(f, { recursive: true, force: true });
  }
  return {
    runIds,
    subscribers: to - from,
    months: scenario.horizonMonths,
    rows: Object.fromEntries(DATA_TABLES.map((t) => [t, writer.rows.get(t)!])) as Record<DataTable, number>,
    seconds: (performance.now() - began) / 1000,
    timing,
    reused: writer.reusedSubscribers,
    ...(parquetOnly ? {} : { db: dbFile }),
    ...(parquet ? { parquet } : {}),
  };
}

/** The catalog document of run k (0: base; then the variants), overrides applied, as stored in runs.catalog_json. */
function catalogDocument(loaded: LoadedScenario, k: number): unknown {
  const doc = parseYaml(readFileSync(loaded.scenario.catalogFile, 'utf8')) as unknown;
  if (k === 0) return doc;
  const variant = loaded.scenario.variants[k - 1]!;
  return applyOverrides(doc, variant.overrides, loaded.scenario.file, `variants[${k - 1}].overrides`);
}

const VERSION = (createRequire(import.meta.url)('../../package.json') as { version: string }).version;

// ---- batches, in worker threads or here ---------------------------------------------------------

/** Results of the batches in order; with workers, at most two batches per worker are in flight. */
async function* batchResults(job: SimulationJob, batches: ReadonlyArray<readonly [number, number]>, workers: number, signal?: AbortSignal): AsyncGenerator<BatchResult> {
  if (workers <= 0) {
    const simulator = new BatchSimulator(job);
    for (let seq = 0; seq < batches.length; seq++) {
      if (signal?.aborted) throw new Interrupted();
      yield simulator.run(seq, batches[seq]![0], batches[seq]![1]);
      await new Promise((r) => setImmediate(r)); // let signals in
    }
    return;
  }
  const pool = new WorkerPool(job, Math.min(workers, Math.max(1, batches.length)), batches, signal);
  try {
    for (let seq = 0; seq < batches.length; seq++) yield await pool.result(seq);
  } finally {
    await pool.close();
  }
}

const PER_WORKER = 2;

class WorkerPool {
  private readonly workers: Array<{ worker: Worker; inFlight: number }> = [];
  private readonly ready = new Map<number, BatchResult>();
  private next = 0;
  private consumed = 0;
  private failure: Error | undefined;
  private waiting: { seq: number; resolve: (r: BatchResult) => void; reject: (e: Error) => void } | undefined;
  private readonly onAbort = () => this.fail(new Interrupted());

  constructor(
    job: SimulationJob,
    size: number,
    private readonly batches: ReadonlyArray<readonly [number, number]>,
    private readonly signal?: AbortSignal,
  ) {
    for (let i = 0; i < size; i++) {
      const worker = new Worker(bootstrap(), { eval: true, execArgv: [], workerData: { termlabSimulation: job } });
      const slot = { worker, inFlight: 0 };
      worker.on('message', (m: FromWorker) => {
        if (m.type === 'error') {
          const e = m.error;
          this.fail(e.input ? new InputError(e.input.file, e.input.path, e.input.expected, e.input.got) : Object.assign(new Error(e.message), { stack: e.stack }));
          return;
        }
        slot.inFlight--;
        this.ready.set(m.result.seq, m.result);
        this.settle();
        this.dispatch();
      });
      worker.on('error', (e) => this.fail(e));
      worker.on('exit', (code) => {
        if (code !== 0 && !this.closing) this.fail(new Error(`simulate: a worker thread exited with code ${code}`));
      });
      this.workers.push(slot);
    }
    signal?.addEventListener('abort', this.onAbort);
    if (signal?.aborted) this.onAbort();
    this.dispatch();
  }

  private closing = false;

  /** Keeps every worker busy, within the window of batches dispatched but not yet written. */
  private dispatch(): void {
    while (this.next < this.batches.length && this.next - this.consumed < this.workers.length * PER_WORKER && !this.failure) {
      const slot = this.workers.reduce((a, b) => (b.inFlight < a.inFlight ? b : a));
      if (slot.inFlight >= PER_WORKER) return;
      const [from, to] = this.batches[this.next]!;
      slot.inFlight++;
      slot.worker.postMessage({ type: 'batch', seq: this.next++, from, to } satisfies ToWorker);
    }
  }

  private settle(): void {
    const w = this.waiting;
    if (!w) return;
    if (this.failure) {
      this.waiting = undefined;
      w.reject(this.failure);
      return;
    }
    const r = this.ready.get(w.seq);
    if (r) {
      this.ready.delete(w.seq);
      this.waiting = undefined;
      this.consumed = w.seq + 1;
      this.dispatch();
      w.resolve(r);
    }
  }

  private fail(e: Error): void {
    this.failure ??= e;
    this.settle();
  }

  result(seq: number): Promise<BatchResult> {
    return new Promise((resolve, reject) => {
      this.waiting = { seq, resolve, reject };
      this.settle();
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    this.signal?.removeEventListener('abort', this.onAbort);
    await Promise.all(this.workers.map(({ worker }) => worker.terminate()));
  }
}

/** Worker threads run TypeScript through tsx's loader, registered in the thread before the worker module loads. */
function bootstrap(): string {
  const worker = new URL('./worker.ts', import.meta.url).href;
  let api = 'tsx/esm/api';
  try {
    api = import.meta.resolve(api);
  } catch {
    // resolved from the working directory instead
  }
  return `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(worker)}); })`;
}

// ---- the command ---------------------------------------------------------------------------------

/** `termlab simulate <scenario.yaml> [--db file] [--workers N] [--shard i/n --parquet dir] [--count N] [--seed S] [--usage periods|records] [--rerate-all]` */
export async function simulateCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      db: { type: 'string' },
      workers: { type: 'string' },
      shard: { type: 'string' },
      parquet: { type: 'string' },
      count: { type: 'string' },
      seed: { type: 'string' },
      usage: { type: 'string', default: 'periods' },
      quiet: { type: 'boolean', default: false },
      'rerate-all': { type: 'boolean', default: false },
    },
  });
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new InputError('command line', '', 'expected one scenario file: termlab simulate <scenario.yaml>', positionals);
  if (!existsSync(file)) throw new InputError(file, '', 'expected a readable scenario file', 'ENOENT');
  const int = (name: string, min: number, max = Number.MAX_SAFE_INTEGER) => {
    const text = values[name as 'workers'];
    if (text === undefined) return undefined;
    const n = Number(text);
    if (!/^\d+$/.test(text) || n < min || n > max) throw new InputError('command line', `--${name}`, `expected a whole number from ${min} to ${max}`, text);
    return n;
  };
  if (values.usage !== 'periods' && values.usage !== 'records') throw new InputError('command line', '--usage', 'expected periods (per subscriber, period, line, service and zone) or records (also every usage record)', values.usage);
  const shard = values.shard === undefined ? undefined : parseShard(values.shard);
  if (shard && values.parquet === undefined) throw new InputError('command line', '--shard', 'expected --parquet <dir> with --shard: each shard writes its rows as Parquet', values.shard);
  const workers = int('workers', 0, 256);
  const count = int('count', 1, 100_000_000);
  const seed = int('seed', 0, 4_294_967_295);

  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    const r = await simulate({
      scenarioFile: file,
      ...(values.db !== undefined ? { db: values.db } : {}),
      ...(workers !== undefined ? { workers } : {}),
      ...(shard ? { shard } : {}),
      ...(values.parquet !== undefined ? { parquet: values.parquet } : {}),
      ...(count !== undefined ? { count } : {}),
      ...(seed !== undefined ? { seed } : {}),
      usageRecords: values.usage === 'records',
      rerateAll: values['rerate-all'],
      ...(values.quiet ? { progress: false } : {}),
      signal: controller.signal,
    });
    const total = DATA_TABLES.reduce((n, t) => n + r.rows[t], 0);
    const where = [r.db, r.parquet ? `${values.parquet}/ (Parquet, shard ${shard ? `${shard.index}/${shard.count}` : '1/1'})` : undefined].filter(Boolean).join(' and ');
    console.log(
      `Simulated ${fmt(r.subscribers)} subscribers × ${r.months} months under ${r.runIds.length} catalog${r.runIds.length > 1 ? 's' : ''} in ${r.seconds.toFixed(1)} s: ` +
        `${fmt(total)} rows (${DATA_TABLES.filter((t) => r.rows[t] > 0).map((t) => `${t} ${fmt(r.rows[t])}`).join(', ')}) written to ${where}`,
    );
    if (r.reused > 0)
      console.log(`What-if runs: ${fmt(r.reused)} subscriber outcomes are the base run's (they read no catalog value the variant changes), stored once and listed in reused_subscribers; --rerate-all rates them again`);
    console.log(`Runs (complete): ${r.runIds.join(', ')}`);
    return 0;
  } catch (e) {
    if (e instanceof Interrupted) {
      process.stderr.write(`termlab: ${e.message}\n`);
      return 130;
    }
    throw e;
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
}

const fmt = (n: number) => n.toLocaleString('en-US');
