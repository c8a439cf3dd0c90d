/**
 * termlab benchmark: rating throughput, end-to-end throughput and heap allocation while rating, on
 * one core, over a seeded realistic usage mix (bench/mix.ts). Prints figures; never asserts on time.
 *
 *   npm run bench                 full run (~30–60 s on 2 cores), then bench/simulate.ts (long: 100,000 subscribers)
 *   npm run bench -- --quick      smoke run (a few seconds), then bench/simulate.ts --quick (about a minute)
 *   options: --subscribers=N (rating set), --e2e=N (end-to-end set), --seed=N, --pin (taskset CPU 0),
 *            --no-isolate (run in this process, without the V8 flags below)
 *
 * Unless --no-isolate, the bench re-executes itself with `--single-threaded` (no V8 background threads:
 * GC and JIT work stays on the measured thread, so the figures are per core) and `--expose-gc`.
 */
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { PerformanceObserver, constants as perfConstants, performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { loadCatalog } from '../src/domain/catalog.ts';
import { lineAmount, parseRate } from '../src/domain/money.ts';
import { compileTimeline, type CompiledTimeline } from '../src/terms/compile.ts';
import { parseTimeline } from '../src/terms/model.ts';
import { rateUsage, type RatedUsage } from '../src/terms/rating.ts';
import { buildOutcome } from '../src/terms/statements.ts';
import type { Timeline } from '../src/domain/timeline.ts';
import { generateMix } from './mix.ts';
import { benchGenerate } from './generate.ts';

const args = process.argv.slice(2);
const flag = (name: string): boolean => args.includes(`--${name}`);
const option = (name: string, fallback: number): number => {
  const a = args.find((x) => x.startsWith(`--${name}=`));
  const n = a === undefined ? fallback : Number(a.slice(name.length + 3));
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`--${name}: expected a positive whole number`);
  return n;
};

const CHILD = 'TERMLAB_BENCH_CHILD';
if (!flag('no-isolate') && process.env[CHILD] === undefined) {
  const node = [process.execPath, ...process.execArgv, '--single-threaded', '--expose-gc', fileURLToPath(import.meta.url), ...args];
  const pinned = flag('pin') && spawnSync('taskset', ['-c', '0', 'true']).status === 0;
  const cmd = pinned ? ['taskset', '-c', '0', ...node] : node;
  const r = spawnSync(cmd[0]!, cmd.slice(1), { stdio: 'inherit', env: { ...process.env, [CHILD]: pinned ? 'pinned' : '1' } });
  // Then the population path (bench/simulate.ts), in its own process with worker threads.
  const sim = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(new URL('./simulate.ts', import.meta.url)), ...args], { stdio: 'inherit' });
  process.exit(r.status || sim.status || 0);
}

const quick = flag('quick');
const SUBSCRIBERS = option('subscribers', quick ? 30 : 300);
const E2E = Math.min(SUBSCRIBERS, option('e2e', quick ? 8 : 50));
const SEED = option('seed', 20260401);
const RATE_WARMUP = quick ? 3 : 5;
const RATE_REPS = quick ? 5 : 15;
const E2E_WARMUP = 1;
const E2E_REPS = quick ? 2 : 5;

// GC events, to count them inside measured windows.
const gcs: Array<{ start: number; end: number; major: boolean }> = [];
const observer = new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    const kind = (e as { detail?: { kind?: number } }).detail?.kind ?? 0;
    gcs.push({ start: e.startTime, end: e.startTime + e.duration, major: kind !== perfConstants.NODE_PERFORMANCE_GC_MINOR });
  }
});
observer.observe({ entryTypes: ['gc'] });
const gcIn = (from: number, to: number) => {
  let count = 0;
  let major = 0;
  let ms = 0;
  for (const g of gcs) if (g.end >= from && g.start <= to) (count++, (major += g.major ? 1 : 0), (ms += g.end - g.start));
  return { count, major, ms };
};
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));
const gc: () => void = (globalThis as { gc?: () => void }).gc ?? (() => {});

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const fmtInt = (n: number): string => Math.round(n).toLocaleString('en-US');
const fmtRate = (n: number): string => (n >= 1e6 ? `${(n / 1e6).toFixed(2)} M` : `${(n / 1e3).toFixed(1)} k`);
const pct = (a: number, b: number): string => `${((100 * a) / b).toFixed(1)}%`;

/** Runs `pass` warm-up + reps times; returns the seconds of each timed rep. */
function measure(warmup: number, reps: number, pass: () => number): { seconds: number[]; sink: number; from: number; to: number } {
  let sink = 0;
  for (let i = 0; i < warmup; i++) sink += pass();
  const seconds: number[] = [];
  const from = performance.now();
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    sink += pass();
    seconds.push((performance.now() - t0) / 1000);
  }
  return { seconds, sink, from, to: performance.now() };
}

const rows: string[][] = [];
function row(what: string, records: number, seconds: number[]): void {
  const med = median(seconds);
  const min = Math.min(...seconds);
  rows.push([what, fmtInt(records), med.toFixed(4), min.toFixed(4), fmtRate(records / med), fmtRate(records / min)]);
}

// ---- setup ---------------------------------------------------------------------------------------
const began = performance.now();
const catalog = loadCatalog(fileURLToPath(new URL('../scenarios/catalogs/default.yaml', import.meta.url)));
const cpus = os.cpus();
console.log(`termlab bench${quick ? ' (--quick)' : ''}`);
console.log(
  `node ${process.version}, V8 ${process.versions.v8}, ${cpus[0]?.model.trim() ?? 'unknown CPU'} (${cpus.length} CPUs), ` +
    `${process.env[CHILD] === 'pinned' ? 'pinned to CPU 0, ' : ''}${process.execArgv.includes('--single-threaded') ? 'V8 --single-threaded' : 'V8 default threads'}, load average ${os.loadavg()[0]!.toFixed(2)}`,
);

let t = performance.now();
const mix = generateMix(SUBSCRIBERS, SEED);
const genSeconds = (performance.now() - t) / 1000;
const st = mix.stats;
const usageDays = st.daysHome + st.daysEU + st.daysWorld;
console.log(
  `mix: ${SUBSCRIBERS} subscribers × 12 months (seed ${SEED}), ${fmtInt(st.records)} usage records = ${fmtInt(st.records / st.subscriberMonths)} per subscriber-month ` +
    `(min ${fmtInt(Math.min(...mix.records) / 12)}, max ${fmtInt(Math.max(...mix.records) / 12)}); generated in ${genSeconds.toFixed(1)} s`,
);
console.log(
  `     calls ${pct(st.calls, st.records)}, SMS ${pct(st.sms, st.records)}, data ${pct(st.data, st.records)}; ` +
    `records from BE ${pct(st.fromBE, st.records)}, EU ${pct(st.fromEU, st.records)}, world ${pct(st.fromWorld, st.records)}; ` +
    `days in EU ${pct(st.daysEU, usageDays)}, outside ${pct(st.daysWorld, usageDays)}`,
);
const dests = st.toBelgian + st.toEU + st.toWorld + st.toSpecial;
console.log(
  `     calls/SMS to Belgian numbers ${pct(st.toBelgian, dests)}, EU ${pct(st.toEU, dests)}, world ${pct(st.toWorld, dests)}, ` +
    `special/short/emergency ${pct(st.toSpecial, dests)}; late roaming records ${fmtInt(st.late)}; ` +
    `heavy users: ${st.heavy.data} data, ${st.heavy.calls} calls, ${st.heavy.sms} SMS`,
);

t = performance.now();
const compiled: CompiledTimeline[] = mix.docs.map((doc, i) => compileTimeline(parseTimeline(doc, `bench-${i}`), catalog, `bench-${i}`));
const prepSeconds = (performance.now() - t) / 1000;
const e2eDocs = mix.docs.slice(0, E2E);
mix.docs.length = 0; // only the end-to-end subset keeps its JSON documents
const records = compiled.reduce((n, c) => n + c.count, 0);
const e2eRecords = mix.records.slice(0, E2E).reduce((a, b) => a + b, 0);

// ---- 1. rating throughput ------------------------------------------------------------------------
gc();
const ratePass = (): number => {
  let sink = 0;
  for (const c of compiled) {
    const r = rateUsage(c, catalog);
    sink += r.decisions.length + r.late.length;
  }
  return sink;
};
const rating = measure(RATE_WARMUP, RATE_REPS, ratePass);
row('rating: rateUsage over compiled timelines', records, rating.seconds);

// ---- 2. end to end -------------------------------------------------------------------------------
gc();
const e2ePass = (): number => {
  let sink = 0;
  for (let i = 0; i < e2eDocs.length; i++) {
    const c = compileTimeline(parseTimeline(e2eDocs[i], 'bench'), catalog, 'bench');
    sink += buildOutcome(c, rateUsage(c, catalog), catalog).statements.length;
  }
  return sink;
};
const e2e = measure(E2E_WARMUP, E2E_REPS, e2ePass);
row(`end to end: parse + compile + rate + outcome (${E2E} subscribers)`, e2eRecords, e2e.seconds);

// Stage by stage, on the same subset (each stage's input prepared by the previous one).
let timelines: Timeline[] = [];
let stageCompiled: CompiledTimeline[] = [];
let stageRated: RatedUsage[] = [];
const stages: Array<[string, () => number]> = [
  ['  of which parse (zod)', () => ((timelines = e2eDocs.map((d) => parseTimeline(d, 'bench'))), timelines.length)],
  ['  of which compile', () => ((stageCompiled = timelines.map((tl) => compileTimeline(tl, catalog, 'bench'))), stageCompiled.length)],
  ['  of which rate', () => ((stageRated = stageCompiled.map((c) => rateUsage(c, catalog))), stageRated.length)],
  ['  of which build outcome', () => stageCompiled.reduce((n, c, i) => n + buildOutcome(c, stageRated[i]!, catalog).statements.length, 0)],
];
for (const [what, pass] of stages) row(what, e2eRecords, measure(E2E_WARMUP, E2E_REPS, pass).seconds);

// ---- 3. heap allocation while rating -------------------------------------------------------------
// process.memoryUsage().heapUsed before and after each rateUsage call: V8's used heap grows by exactly
// what was allocated unless a GC ran in between, so samples that overlap a GC event are dropped.
// arrayBuffers counts the off-heap backing stores of the result's typed arrays.
await settle();
gc();
const baseline: number[] = [];
for (let i = 0; i < 64; i++) {
  const a = process.memoryUsage();
  const b = process.memoryUsage();
  baseline.push(b.heapUsed - a.heapUsed);
}
const base = median(baseline);
const samples: Array<{ from: number; to: number; records: number; heap: number; external: number; typical: boolean; decisions: number }> = [];
const kept: RatedUsage[] = [];
for (const c of compiled) {
  const from = performance.now();
  const m0 = process.memoryUsage();
  const r = rateUsage(c, catalog);
  const m1 = process.memoryUsage();
  const to = performance.now();
  kept.push(r);
  samples.push({
    from,
    to,
    records: c.count,
    heap: m1.heapUsed - m0.heapUsed - base,
    external: m1.arrayBuffers - m0.arrayBuffers,
    typical: c.timeline.subscriber.persona === 'typical',
    decisions: r.decisions.length,
  });
}
await settle();
const valid = samples.filter((s) => gcIn(s.from, s.to).count === 0 && s.heap >= 0);
const sum = (xs: typeof valid, f: (s: (typeof valid)[number]) => number) => xs.reduce((a, s) => a + f(s), 0);
/** Least squares heap = fixed + perRecord × records. */
function fit(xs: typeof valid): { fixed: number; perRecord: number } {
  const n = xs.length;
  const mx = sum(xs, (s) => s.records) / n;
  const my = sum(xs, (s) => s.heap) / n;
  const sxy = sum(xs, (s) => (s.records - mx) * (s.heap - my));
  const sxx = sum(xs, (s) => (s.records - mx) ** 2);
  const perRecord = sxx === 0 ? 0 : sxy / sxx;
  return { fixed: my - perRecord * mx, perRecord };
}

// ---- probe: money arithmetic beyond 2^53 ----------------------------------------------------------
// bill() recomputes lineAmount on the period's running quantity for every billed record. At 10/GB the
// denominator is 10^9 × 10^4, so roundHalfUp leaves the safe-integer path once the running quantity
// passes ~450 MB and computes with BigInt. Timed over many calls; allocation over a GC-free window.
const perGB = parseRate('10/GB')!;
const amountLoop = (q: number, n: number): number => {
  let s = 0;
  for (let i = 0; i < n; i++) s += lineAmount(q + (i & 1023), perGB);
  return s;
};
const probe = async (q: number): Promise<{ ns: number; bytes: number | undefined }> => {
  let s = amountLoop(q, 50_000) + amountLoop(q, 50_000);
  const n = 500_000;
  const t0 = performance.now();
  s += amountLoop(q, n);
  const ns = ((performance.now() - t0) * 1e6) / n;
  gc();
  const m = 5_000;
  const from = performance.now();
  const h0 = process.memoryUsage().heapUsed;
  s += amountLoop(q, m);
  const h1 = process.memoryUsage().heapUsed;
  const to = performance.now();
  await settle();
  const bytes = gcIn(from, to).count === 0 ? Math.max(0, (h1 - h0 - base) / m) : undefined;
  return { ns: s === -1 ? ns + 1 : ns, bytes };
};
const safeProbe = await probe(100_000_000);
const bigProbe = await probe(5_000_000_000);
const fmtProbe = (p: { ns: number; bytes: number | undefined }) => `${p.ns.toFixed(0)} ns/call, ${p.bytes === undefined ? 'n/a' : p.bytes.toFixed(0)} B/call`;

// ---- report --------------------------------------------------------------------------------------
await settle();
console.log(`prepared (parse + compile) ${compiled.length} timelines in ${prepSeconds.toFixed(1)} s; rating: ${RATE_WARMUP} warm-up + ${RATE_REPS} timed passes; end to end: ${E2E_WARMUP} + ${E2E_REPS}`);
console.log('');
const header = ['what', 'records', 's median', 's min', 'rec/s median', 'rec/s best'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const r of rows) console.log(line(r));
console.log('');
const rg = gcIn(rating.from, rating.to);
console.log(
  `GC during the ${RATE_REPS} timed rating passes: ${rg.count} events (${rg.major} major), ${rg.ms.toFixed(1)} ms = ${pct(rg.ms / 1000, (rating.to - rating.from) / 1000)} of the time`,
);
if (valid.length === 0) console.log('heap allocated while rating: no sample free of GC');
else {
  const recs = sum(valid, (s) => s.records);
  const typical = valid.filter((s) => s.typical);
  const heavy = valid.filter((s) => !s.typical);
  const ty = fit(typical.length > 2 ? typical : valid);
  console.log(
    `heap allocated while rating (${valid.length}/${samples.length} timelines measured without a GC): ${(sum(valid, (s) => s.heap) / recs).toFixed(1)} bytes/record overall, ` +
      `${fmtInt(sum(valid, (s) => s.heap) / valid.length)} bytes per rateUsage call`,
  );
  console.log(
    `  typical subscribers, least squares: ${fmtInt(ty.fixed)} bytes per call + ${ty.perRecord.toFixed(2)} bytes per record` +
      (heavy.length ? `; heavy users: ${(sum(heavy, (s) => s.heap) / sum(heavy, (s) => s.records)).toFixed(1)} bytes/record (each blocked record emits a decision)` : ''),
  );
  console.log(
    `  plus off-heap typed-array stores ${fmtInt(median(valid.map((s) => s.external)))} bytes per call (median); ` +
      `decisions emitted: ${(sum(valid, (s) => s.decisions) / (recs / 1000)).toFixed(2)} per 1,000 records`,
  );
}
console.log(`probe lineAmount at 10/GB: ${fmtProbe(safeProbe)} at 100 MB (number path); ${fmtProbe(bigProbe)} at 5 GB (BigInt path)`);
console.log(`target ≥ 5 M records/s per core for rating: median ${fmtRate(records / median(rating.seconds))} records/s. Total bench time ${((performance.now() - began) / 1000).toFixed(1)} s.`);
console.log('');
for (const l of benchGenerate({ quick })) console.log(l);
observer.disconnect();
void kept.length;
void rating.sink;
void e2e.sink;
await (await import('./check.ts')).benchCheck({ quick });
