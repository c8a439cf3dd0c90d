/**
 * The simulation's unit of work, and the worker thread that runs it: generate subscribers from..to of a
 * scenario's population once, rate each under the base catalog and under every what-if variant (common
 * random numbers), and turn the outcomes into store rows as columns (src/store/columns.ts). A variant
 * re-rates only the subscribers whose base run read a catalog value it changes (catalog-reads.ts); the
 * others are listed as reused. The main thread, the only writer, receives the rows with their buffers
 * transferred.
 *
 * A subscriber depends only on (seed, index), so a batch gives the same rows in whichever worker,
 * process or machine it runs.
 */
import { parentPort, workerData, isMainThread } from 'node:worker_threads';
import { PERSONAS } from '../../generators/personas/index.ts';
import { population } from '../../generators/population.ts';
import type { Catalog } from '../domain/catalog.ts';
import { InputError } from '../domain/errors.ts';
import { loadScenario, type LoadedScenario, type Scenario } from '../domain/scenario.ts';
import { transferables, type TableBatch } from '../store/columns.ts';
import { RunRows } from '../store/rows.ts';
import type { DataTable } from '../store/schema.ts';
import type { Outcome } from '../domain/outcome.ts';
import { compileGenerated, type CompiledTimeline } from '../terms/compile.ts';
import { VariantReuse } from './catalog-reads.ts';
import { rateCompiled } from '../terms/model.ts';

/** What every worker needs to know to simulate any batch of a run. */
export interface SimulationJob {
  readonly scenarioFile: string;
  readonly seed: number;
  /** Population size (what `population` draws indices from). */
  readonly count: number;
  readonly usageRecords: boolean;
  /** Copy the base's rows for subscribers a variant cannot change (default); false re-rates everyone. */
  readonly reuseBase?: boolean;
}

/** Milliseconds spent per stage on a batch. */
export interface BatchTiming {
  /** generators: shape, life, identity, usage expansion. */
  generate: number;
  /** compileGenerated + rateCompiled (rating and outcome), summed over the catalogs. */
  rate: number;
  /** outcome → store columns. */
  rows: number;
  records: number;
}

export interface BatchResult {
  readonly seq: number;
  readonly from: number;
  readonly to: number;
  /** Per catalog, in the job's order (base first), the tables' rows. */
  readonly runs: ReadonlyArray<Readonly<Record<DataTable, TableBatch>>>;
  /**
   * Per catalog, the subscribers (ids) whose outcome is the base's because they read nothing the variant
   * changes (catalog-reads.ts): their rows are not in `runs`; the store copies the base's. Empty for the base.
   */
  readonly reused: ReadonlyArray<readonly string[]>;
  readonly timing: BatchTiming;
}

/** A scenario's catalogs in run order: the base, then each variant. */
export function catalogsOf(loaded: LoadedScenario): Array<{ readonly variant: string; readonly catalog: Catalog }> {
  return [{ variant: 'base', catalog: loaded.catalog }, ...[...loaded.variants].map(([variant, catalog]) => ({ variant, catalog }))];
}

/** Simulates batches of one job; used by the worker threads (and in-process by tests). */
export class BatchSimulator {
  private readonly scenario: Scenario;
  private readonly catalogs: ReturnType<typeof catalogsOf>;
  private readonly reuse: VariantReuse;

  constructor(private readonly job: SimulationJob) {
    const loaded = loadScenario(job.scenarioFile, PERSONAS);
    this.scenario = loaded.scenario;
    this.catalogs = catalogsOf(loaded);
    this.reuse = new VariantReuse(this.catalogs.map((c) => c.catalog), job.reuseBase !== false);
  }

  run(seq: number, from: number, to: number): BatchResult {
    const timing: BatchTiming = { generate: 0, rate: 0, rows: 0, records: 0 };
    const rows = this.catalogs.map(() => new RunRows({ usageRecords: this.job.usageRecords }));
    const reused: string[][] = this.catalogs.map(() => []);
    const base = this.catalogs[0]!.catalog;
    const subscribers = population(this.scenario, base, { seed: this.job.seed, count: this.job.count, from, to });
    for (;;) {
      let t = performance.now();
      const next = subscribers.next();
      timing.generate += performance.now() - t;
      if (next.done) break;
      const sub = next.value;
      const id = sub.timeline.subscriber.id;
      timing.records += sub.usage.count;
      this.reuse.next();
      this.catalogs.forEach(({ variant }, k) => {
        if (!this.reuse.mustRate(k)) {
          reused[k]!.push(id);
          return;
        }
        const model = this.reuse.catalogFor(k);
        t = performance.now();
        let compiled: CompiledTimeline;
        let outcome: Outcome;
        try {
          compiled = compileGenerated(sub.timeline, sub.usage, model, id);
          outcome = rateCompiled(compiled, model);
        } catch (e) {
          if (!(e instanceof InputError) || k === 0) throw e;
          throw new InputError(
            this.job.scenarioFile,
            `variants[${k - 1}].overrides`,
            `overrides that every subscriber of the population still fits (variant ${variant}, subscriber ${sub.index}: ${e.message})`,
          );
        }
        const t1 = performance.now();
        timing.rate += t1 - t;
        rows[k]!.add({ index: sub.index, personas: sub.personas, timeline: sub.timeline, usage: sub.usage, compiled, outcome });
        timing.rows += performance.now() - t1;
      });
    }
    const t = performance.now();
    const runs = rows.map((r) => r.finish());
    timing.rows += performance.now() - t;
    return { seq, from, to, runs, reused, timing };
  }
}

/** Messages from the main thread to a worker. */
export type ToWorker = { readonly type: 'batch'; readonly seq: number; readonly from: number; readonly to: number } | { readonly type: 'stop' };

/** Messages from a worker to the main thread. */
export type FromWorker =
  | { readonly type: 'result'; readonly result: BatchResult }
  | { readonly type: 'error'; readonly error: { name: string; message: string; stack?: string; input?: { file: string; path: string; expected: string; got?: unknown } } };

/** The buffers of a result, to transfer rather than copy. */
export function resultTransferables(result: BatchResult): ArrayBuffer[] {
  return result.runs.flatMap((tables) => Object.values(tables).flatMap((t: TableBatch) => transferables(t)));
}

if (!isMainThread && (workerData as { termlabSimulation?: SimulationJob } | null)?.termlabSimulation) {
  const port = parentPort!;
  let simulator: BatchSimulator | undefined;
  port.on('message', (m: ToWorker) => {
    if (m.type === 'stop') {
      port.close();
      return;
    }
    try {
      simulator ??= new BatchSimulator((workerData as { termlabSimulation: SimulationJob }).termlabSimulation);
      const result = simulator.run(m.seq, m.from, m.to);
      port.postMessage({ type: 'result', result } satisfies FromWorker, resultTransferables(result));
    } catch (e) {
      const err = e as Error;
      const input = e instanceof InputError ? { file: e.file, path: e.path, expected: e.expected, ...(e.got === undefined ? {} : { got: e.got }) } : undefined;
      port.postMessage({ type: 'error', error: { name: err.name, message: err.message, ...(err.stack ? { stack: err.stack } : {}), ...(input ? { input } : {}) } } satisfies FromWorker);
    }
  });
}
