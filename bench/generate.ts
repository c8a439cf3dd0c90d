/**
 * Generation throughput on one core: subscriber-months and usage records per second for the default
 * scenario (generators/: shapes with fast-check, identities with faker, usage columns from the PRNG), and
 * the JSON export (`toTimelineDocument` + `JSON.stringify`, what `termlab generate` writes). Warm-up
 * passes first, then timed passes over fresh subscribers; the median and the best pass are reported,
 * with the CPU time of the process beside the wall time (they differ when other processes share the core).
 *
 *   npx tsx bench/generate.ts [--quick]      (npm run bench runs it too, under --single-threaded)
 */
import { fileURLToPath } from 'node:url';
import { PERSONAS } from '../generators/personas/index.ts';
import { population, toTimelineDocument, type GeneratedSubscriber } from '../generators/population.ts';
import { loadScenario } from '../src/domain/scenario.ts';
import { parseDate } from '../src/domain/time.ts';

const TARGET = 50_000;

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');

/** Runs the generation bench; returns the lines to print. */
export function benchGenerate(o: { quick: boolean }): string[] {
  const { scenario, catalog } = loadScenario(fileURLToPath(new URL('../scenarios/default.yaml', import.meta.url)), PERSONAS);
  const size = o.quick ? 400 : 2_000;
  const passes = o.quick ? 3 : 5;
  const count = 1_000_000;
  let next = 0;
  const pass = () => {
    let months = 0;
    let records = 0;
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    for (const sub of population(scenario, catalog, { count, from: next, to: next + size })) {
      months += (parseDate(sub.timeline.until)! - parseDate(sub.timeline.contract.start)!) / (365.25 / 12);
      records += sub.usage.count;
    }
    const c = process.cpuUsage(c0);
    next += size;
    return { months, records, wall: (performance.now() - t0) / 1000, cpu: (c.user + c.system) / 1e6 };
  };
  for (let i = 0; i < (o.quick ? 1 : 2); i++) pass();
  const runs = Array.from({ length: passes }, pass);
  const rate = (f: (r: (typeof runs)[number]) => number, t: (r: (typeof runs)[number]) => number) => runs.map((r) => f(r) / t(r));
  const monthsWall = rate((r) => r.months, (r) => r.wall);
  const monthsCpu = rate((r) => r.months, (r) => r.cpu);
  const recordsWall = rate((r) => r.records, (r) => r.wall);
  const perMonth = runs.reduce((a, r) => a + r.records, 0) / runs.reduce((a, r) => a + r.months, 0);

  // JSON export of a subset.
  const subs: GeneratedSubscriber[] = [...population(scenario, catalog, { count, from: next, to: next + Math.min(size, 200) })];
  let bytes = 0;
  const j0 = performance.now();
  for (const s of subs) bytes += JSON.stringify(toTimelineDocument(s)).length + 1;
  const jsonSeconds = (performance.now() - j0) / 1000;
  const jsonMonths = subs.reduce((a, s) => a + (parseDate(s.timeline.until)! - parseDate(s.timeline.contract.start)!) / (365.25 / 12), 0);

  return [
    `generate: default scenario (${scenario.mix.length} persona mixes, ${scenario.horizonMonths} months), ${passes} passes of ${fmt(size)} subscribers after warm-up, ${perMonth.toFixed(0)} usage records per subscriber-month`,
    `  subscriber-months/s: median ${fmt(median(monthsWall))}, best ${fmt(Math.max(...monthsWall))} (CPU time: median ${fmt(median(monthsCpu))})`,
    `  usage records/s:     median ${fmt(median(recordsWall))}, best ${fmt(Math.max(...recordsWall))}`,
    `  JSON lines (toTimelineDocument + JSON.stringify): ${fmt(jsonMonths / jsonSeconds)} subscriber-months/s, ${(bytes / jsonSeconds / 1e6).toFixed(1)} MB/s, ${fmt(bytes / subs.length / 1000)} kB a subscriber`,
    `  target ≥ ${fmt(TARGET)} subscriber-months/s per core for generation: median ${fmt(median(monthsWall))} (${median(monthsWall) >= TARGET ? 'met' : 'not met'})`,
  ];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const line of benchGenerate({ quick: process.argv.includes('--quick') })) console.log(line);
}
