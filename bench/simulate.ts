/**
 * termlab simulate benchmark: the analysts' path end to end (generate, rate under every catalog of the
 * scenario, store in DuckDB) on scenarios/default.yaml, and where its time goes. Prints figures; never
 * asserts on time.
 *
 *   npx tsx bench/simulate.ts            100,000 subscribers × 12 months end to end (long: see the figures)
 *   npx tsx bench/simulate.ts --quick    2,000 subscribers; smaller samples
 *   options: --count=N (end to end), --sample=N (stage profile and storage), --speedup=N (1 vs 2 workers),
 *            --sections=1,2,3,4 (which of the parts below to run)
 *
 * 1. Stages, in this thread, per subscriber: generation, compile, rating, outcome, store rows (a variant
 *    rates only the subscribers it can change, as in the simulation).
 * 2. Storage: the rows of `sample` subscribers written by the store's writer, against DuckDB's own appender
 *    ceiling measured here: the same rows, already in DuckDB data chunks of the tables' own types, appended
 *    by DuckDB's appender with no JavaScript work, in one transaction like a run.
 * 3. Speed-up from 1 to 2 worker threads, end to end, in fresh processes.
 * 4. End to end with the default number of workers, in fresh processes, with peak RSS (at a tenth of the
 *    population and at the full population, to show whether memory grows with it), then the revenue report.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance, type DuckDBDataChunk } from '@duckdb/node-api';
import { PERSONAS } from '../generators/personas/index.ts';
import { population } from '../generators/population.ts';
import { revenueReport } from '../reports/revenue/index.ts';
import { loadScenario } from '../src/domain/scenario.ts';
import { simulate, type SimulateResult } from '../src/run/simulate.ts';
import { BatchSimulator, catalogsOf, type BatchResult } from '../src/run/worker.ts';
import { RunRows } from '../src/store/rows.ts';
import { DATA_TABLES, DDL, RATED } from '../src/store/schema.ts';
import { StoreWriter, type RunRecord } from '../src/store/writer.ts';
import { VariantReuse } from '../src/run/catalog-reads.ts';
import { compileGenerated } from '../src/terms/compile.ts';
import { ratePrepaid } from '../src/terms/prepaid.ts';
import { rateUsage } from '../src/terms/rating.ts';
import { buildOutcome } from '../src/terms/statements.ts';

const SCENARIO = fileURLToPath(new URL('../scenarios/default.yaml', import.meta.url));
const args = process.argv.slice(2);
const option = (name: string, fallback: number): number => {
  const a = args.find((x) => x.startsWith(`--${name}=`));
  const n = a === undefined ? fallback : Number(a.slice(name.length + 3));
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`--${name}: expected a positive whole number`);
  return n;
};

// ---- a child process: one simulate run, its result and peak RSS as JSON on stdout ---------------
const childAt = args.indexOf('--child');
if (childAt >= 0) {
  const { count, workers, db, report } = JSON.parse(args[childAt + 1]!) as { count: number; workers?: number; db: string; report?: boolean };
  const r = await simulate({ scenarioFile: SCENARIO, count, db, ...(workers !== undefined ? { workers } : {}), progress: false });
  const t0 = performance.now();
  if (report) await revenueReport(db, { outDir: join(dirname(db), 'reports') });
  const reportSeconds = (performance.now() - t0) / 1000;
  process.stdout.write(JSON.stringify({ ...r, reportSeconds, maxRssMB: process.resourceUsage().maxRSS / 1024 }));
  process.exit(0);
}

const quick = args.includes('--quick');
const COUNT = option('count', quick ? 2_000 : 100_000);
const SAMPLE = option('sample', quick ? 150 : 1_000);
const SPEEDUP = option('speedup', quick ? 300 : 10_000);
const SECTIONS = new Set((args.find((x) => x.startsWith('--sections='))?.slice(11) ?? '1,2,3,4').split(','));
const dir = mkdtempSync(join(os.tmpdir(), 'termlab-bench-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const loaded = loadScenario(SCENARIO, PERSONAS);
const catalogs = catalogsOf(loaded);
console.log(
  `termlab simulate bench${quick ? ' (--quick)' : ''}: scenarios/default.yaml (${loaded.scenario.horizonMonths} months, ${catalogs.length} catalogs: ${catalogs.map((c) => c.variant).join(', ')}), ` +
    `${os.cpus().length} CPUs, node ${process.version}, load average ${os.loadavg()[0]!.toFixed(2)}`,
);

// ---- 1. stages ----------------------------------------------------------------------------------
if (SECTIONS.has('1')) {
  const warm = Math.min(50, SAMPLE);
  const t = { generate: 0, compile: 0, rate: 0, outcome: 0, rows: 0, records: 0, rowsOut: 0, rated: 0 };
  let n = 0;
  // As the simulation does: the base through CatalogReads, a variant only where it changes something read.
  const reuse = new VariantReuse(catalogs.map((c) => c.catalog));
  const rows = catalogs.map(() => new RunRows({ usageRecords: false }));
  const subs = population(loaded.scenario, loaded.catalog, { count: warm + SAMPLE });
  for (;;) {
    let t0 = performance.now();
    const next = subs.next();
    const gen = performance.now() - t0;
    if (next.done) break;
    const sub = next.value;
    const measured = n++ >= warm;
    if (measured) (t.generate += gen), (t.records += sub.usage.count);
    reuse.next();
    catalogs.forEach((_, k) => {
      if (!reuse.mustRate(k)) return;
      const catalog = reuse.catalogFor(k);
      if (measured) t.rated++;
      t0 = performance.now();
      const c = compileGenerated(sub.timeline, sub.usage, catalog);
      const t1 = performance.now();
      const prepaid = c.timeline.contract.family === 'BASE_PREPAID';
      const rated = prepaid ? undefined : rateUsage(c, catalog);
      const t2 = performance.now();
      const outcome = prepaid ? ratePrepaid(c, catalog) : buildOutcome(c, rated!, catalog);
      const t3 = performance.now();
      rows[k]!.add({ index: sub.index, personas: sub.personas, timeline: sub.timeline, usage: sub.usage, compiled: c, outcome });
      const t4 = performance.now();
      if (measured) {
        t.compile += t1 - t0;
        t.rate += t2 - t1;
        t.outcome += t3 - t2;
        t.rows += t4 - t3;
        t.rowsOut += 1 + outcome.statements.length + outcome.statements.reduce((a, s) => a + s.lines.length, 0) + outcome.decisions.length + outcome.usage.length + outcome.ledger.length;
      }
    });
  }
  const total = t.generate + t.compile + t.rate + t.outcome + t.rows;
  const per = (ms: number) => `${fmt(ms / SAMPLE, 2)} ms`;
  const share = (ms: number) => `${fmt((100 * ms) / total, 1)} %`;
  console.log('');
  const perRun = t.rated / SAMPLE;
  console.log(
    `1. Where a subscriber's time goes, one thread (${fmt(SAMPLE)} subscribers after ${warm} warm-up; ${fmt(t.records / SAMPLE)} usage records and ${fmt(t.rowsOut / t.rated)} store rows per subscriber and catalog; ` +
      `${fmt(perRun, 2)} of ${catalogs.length} catalogs rated per subscriber, the other variants reuse the base outcome):`,
  );
  console.log(`   generate (generators/)                 ${per(t.generate).padStart(10)}  ${share(t.generate).padStart(7)}   once per subscriber`);
  console.log(`   compileGenerated (src/terms)           ${per(t.compile).padStart(10)}  ${share(t.compile).padStart(7)}   × ${fmt(perRun, 2)} catalogs`);
  console.log(`   rateUsage / ratePrepaid (src/terms)    ${per(t.rate).padStart(10)}  ${share(t.rate).padStart(7)}   × ${fmt(perRun, 2)}`);
  console.log(`   buildOutcome (src/terms)               ${per(t.outcome).padStart(10)}  ${share(t.outcome).padStart(7)}   × ${fmt(perRun, 2)}`);
  console.log(`   outcome → store columns (src/store)    ${per(t.rows).padStart(10)}  ${share(t.rows).padStart(7)}   × ${fmt(perRun, 2)}`);
  console.log(`   total                                  ${per(total).padStart(10)}            = ${fmt(SAMPLE / (total / 1000), 0)} subscribers/s per core before writing`);
}

// ---- 2. storage ---------------------------------------------------------------------------------
if (SECTIONS.has('2')) {
  const sim = new BatchSimulator({ scenarioFile: SCENARIO, seed: loaded.scenario.seed, count: SAMPLE, usageRecords: false });
  const batches: BatchResult[] = [];
  for (let from = 0, seq = 0; from < SAMPLE; from += 256) batches.push(sim.run(seq++, from, Math.min(SAMPLE, from + 256)));
  const runs: RunRecord[] = catalogs.map(({ variant }) => ({
    runId: `bench/${variant}`,
    scenario: 'bench',
    scenarioFile: SCENARIO,
    variant,
    seed: 0,
    population: SAMPLE,
    startDate: '2026-01-01',
    months: 12,
    catalog: 'default',
    catalogJson: '{}',
    termlabVersion: '0',
    shard: null,
  }));
  // Three alternating rounds, best of each: the machine may be shared.
  let ours = Infinity;
  let ceiling = Infinity;
  let rows = 0;
  let chunks: Map<string, DuckDBDataChunk[]> | undefined;
  for (let round = 0; round < 3; round++) {
    const writer = await StoreWriter.open(join(dir, `storage-${round}.duckdb`));
    await writer.markRunning(runs);
    const t0 = performance.now();
    await writer.begin(runs.map((r) => r.runId));
    for (const b of batches) b.runs.forEach((tables, k) => writer.append(runs[k]!.runId, tables));
    await writer.complete(SAMPLE);
    ours = Math.min(ours, (performance.now() - t0) / 1000);
    rows = DATA_TABLES.reduce((n, t) => n + writer.rows.get(t)!, 0);
    if (!chunks) {
      // The same rows as DuckDB data chunks of the tables' own types (VARCHAR, VARCHAR[], …).
      chunks = new Map();
      for (const t of DATA_TABLES) {
        const result = await writer.connection.run(`SELECT * FROM ${RATED}.${t}`);
        chunks.set(t, Array.from({ length: result.chunkCount }, (_, i) => result.getChunk(i)));
      }
    }
    writer.close();

    const db = await DuckDBInstance.create(join(dir, `ceiling-${round}.duckdb`), { memory_limit: '256MB' });
    const c = await db.connect();
    for (const ddl of DDL) await c.run(ddl);
    const t1 = performance.now();
    await c.run('BEGIN');
    for (const t of DATA_TABLES) {
      const appender = await c.createAppender(t, RATED);
      for (const chunk of chunks.get(t)!) appender.appendDataChunk(chunk);
      appender.closeSync();
    }
    await c.run('COMMIT');
    ceiling = Math.min(ceiling, (performance.now() - t1) / 1000);
    c.closeSync();
    db.closeSync();
  }
  console.log('');
  console.log(`2. Storage: ${fmt(rows)} rows appended (${fmt(SAMPLE)} subscribers × ${catalogs.length} catalogs, without the rows a variant reuses from the base), one transaction each, file-backed DuckDB, best of 3 rounds:`);
  console.log(`   store writer (ENUM-coded chunks from worker columns)   ${fmt(ours, 2).padStart(7)} s  ${fmt(rows / ours).padStart(11)} rows/s`);
  console.log(`   DuckDB appender ceiling (prebuilt chunks, no JS work)  ${fmt(ceiling, 2).padStart(7)} s  ${fmt(rows / ceiling).padStart(11)} rows/s`);
  console.log(`   writer / ceiling: ${fmt((100 * ceiling) / ours, 1)} % (target ≥ 70 %)`);
}

// ---- 3 and 4. end to end in fresh processes -----------------------------------------------------
type ChildResult = SimulateResult & { maxRssMB: number; reportSeconds: number };
function child(count: number, workers?: number, report = false): ChildResult {
  const db = join(dir, `e2e-${count}-${workers ?? 'default'}.duckdb`);
  const spec = JSON.stringify({ count, db, report, ...(workers !== undefined ? { workers } : {}) });
  const r = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--child', spec], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(`bench child failed: ${r.stderr}`);
  rmSync(db, { force: true });
  return JSON.parse(r.stdout) as ChildResult;
}

const line = (label: string, r: ChildResult) => {
  const rows = DATA_TABLES.reduce((n, t) => n + r.rows[t], 0);
  return `   ${label.padEnd(34)} ${fmt(r.seconds, 1).padStart(7)} s  ${fmt(r.subscribers / r.seconds, 1).padStart(8)} subscribers/s  ${fmt(rows).padStart(11)} rows  ${fmt(rows / r.seconds).padStart(9)} rows/s  peak RSS ${fmt(r.maxRssMB)} MB`;
};

if (SECTIONS.has('3')) {
  const one = child(SPEEDUP, 1);
  const two = child(SPEEDUP, 2);
  console.log('');
  console.log(`3. Speed-up, ${fmt(SPEEDUP)} subscribers end to end:`);
  console.log(line('1 worker', one));
  console.log(line('2 workers', two));
  console.log(`   speed-up ${fmt(one.seconds / two.seconds, 2)}× (target ≥ 1.7×); the main thread (the writer) appended for ${fmt(two.timing.append / 1000, 1)} s and committed in ${fmt(two.timing.commit / 1000, 1)} s of the 2-worker run`);
}

if (SECTIONS.has('4')) {
  const tenth = child(Math.max(1, Math.round(COUNT / 10)), undefined, true);
  const full = child(COUNT, undefined, true);
  const t = full.timing;
  const workerMs = t.generate + t.rate + t.rows;
  console.log('');
  console.log(`4. End to end, ${os.availableParallelism()} workers (the default), ${full.months} months, ${full.runIds.length} catalogs:`);
  console.log(line(`${fmt(tenth.subscribers)} subscribers`, tenth));
  console.log(line(`${fmt(full.subscribers)} subscribers`, full));
  console.log(
    `   worker time ${fmt(workerMs / 1000, 1)} core-s: generate ${fmt((100 * t.generate) / workerMs, 1)} %, compile + rate + outcome ${fmt((100 * t.rate) / workerMs, 1)} %, store rows ${fmt((100 * t.rows) / workerMs, 1)} %; ` +
      `main thread: append ${fmt(t.append / 1000, 1)} s, commit ${fmt(t.commit / 1000, 1)} s; ${fmt(full.reused)} variant subscriber-runs reuse the base's rows`,
  );
  console.log(
    `   revenue report (termlab report revenue): ${fmt(tenth.reportSeconds, 1)} s and ${fmt(full.reportSeconds, 1)} s; simulated, stored and reported: ${fmt(full.seconds + full.reportSeconds, 1)} s for ${fmt(full.subscribers)} ` +
      `(target: 100,000 subscribers × 12 months in under 60 s); load average now ${os.loadavg()[0]!.toFixed(2)}`,
  );
}
