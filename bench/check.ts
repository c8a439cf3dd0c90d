/**
 * termlab check bench: how fast the compliance check runs against the example engine of examples/engine,
 * and how fast it finds each of its three deliberate defects. Prints figures; never asserts on time.
 *
 *   node_modules/.bin/tsx bench/check.ts [--quick] [--cases=N] [--runs=N]
 *
 * - checked timelines per second: reference model + engine + comparison (`judge`) over N generated
 *   usage-only timelines (scenarios/check.yaml, 6 months), for the reference model alone, the engine in
 *   process (module:examples/engine/index.ts#rate) and as a subprocess (process: tsx examples/engine/main.ts);
 * - for each defect alone (a temp copy of the engine with the two other constants set to false): the
 *   time and cases to the first disagreement, the clauses it is attributed to, and the size of its
 *   counterexample shrunk as `termlab check` does (budget 400);
 * - `runCheck` with all three defects through the subprocess, as `termlab check --only usage` runs it:
 *   each counterexample's clause and size.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { PERSONAS } from '../generators/personas/index.ts';
import { population, toTimelineDocument } from '../generators/population.ts';
import { judge, runCheck } from '../src/check/check.ts';
import { DEFAULT_SETTINGS, type CompareSettings } from '../src/check/compare.ts';
import { openEngine, parseEngineSpec, type Engine } from '../src/check/engines.ts';
import { usageOnly } from '../src/check/projection.ts';
import { shrinkTimeline } from '../src/check/shrink.ts';
import { loadScenario } from '../src/domain/scenario.ts';
import type { TimelineInput } from '../src/domain/timeline.ts';
import { referenceOutcome } from '../src/terms/model.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

/** What `termlab check` compares by default (--compare totals,lines,decisions). */
const SETTINGS: CompareSettings = { ...DEFAULT_SETTINGS, totals: true, categories: false, lines: true, decisions: ['throttle', 'pause'] };

const DEFECTS = [
  { constant: 'PRORATE_SHORT_PERIODS_ON_30_DAYS', file: 'proration.ts', clause: 'BASE-D.8.3' },
  { constant: 'USE_CARRIED_OVER_FIRST', file: 'allowances.ts', clause: 'BASE-D.7.2' },
  { constant: 'EU_NUMBERS_IN_PACK_FROM_BELGIUM', file: 'coverage.ts', clause: 'CLIC-2.2 / BASE-B.2.1' },
] as const;

export interface CheckBenchOptions {
  readonly quick?: boolean;
  /** Timelines timed for throughput. */
  readonly cases?: number;
  /** Cases tried per defect, and by runCheck. */
  readonly runs?: number;
}

export async function benchCheck(options: CheckBenchOptions = {}): Promise<void> {
  const quick = options.quick ?? false;
  const cases = options.cases ?? (quick ? 20 : 100);
  const runs = options.runs ?? (quick ? 40 : 150);
  const began = performance.now();

  const loaded = loadScenario(join(ROOT, 'scenarios', 'check.yaml'), PERSONAS);
  const scenario = { ...loaded.scenario, horizonMonths: 6 };
  const catalog = loaded.catalog;
  const seed = scenario.seed;
  const count = Math.max(cases, runs);
  const docs: TimelineInput[] = [];
  for (const sub of population(scenario, catalog, { seed, count, from: 0, to: count })) docs.push(usageOnly(toTimelineDocument(sub)));
  const source = (i: number) => docs[i]!;
  const events = docs.slice(0, cases).reduce((n, d) => n + d.events.length, 0);
  console.log(`\ntermlab check bench${quick ? ' (--quick)' : ''}: scenario ${scenario.name}, seed ${seed}, 6 months, usage only; ${cases} timelines, ${(events / cases).toFixed(0)} events each on average`);

  // ---- 1. checked timelines per second ----------------------------------------------------------
  const rows: Array<[string, number, number]> = [];
  /** One warm-up pass over the cases, then the best of two timed passes. */
  const time = async (what: string, one: (t: TimelineInput) => Promise<unknown> | unknown) => {
    for (let i = 0; i < cases; i++) await one(source(i));
    let best = Infinity;
    for (let rep = 0; rep < 2; rep++) {
      const t0 = performance.now();
      for (let i = 0; i < cases; i++) await one(source(i));
      best = Math.min(best, (performance.now() - t0) / 1000);
    }
    rows.push([what, cases / best, (1000 * best) / cases]);
  };
  await time('reference model alone (referenceOutcome)', (t) => referenceOutcome(t, catalog, 'bench'));
  const inProcess = await openEngine(parseEngineSpec(`module:${join(ROOT, 'examples', 'engine', 'index.ts')}#rate`));
  await time('example engine alone, in process (rate through the module adapter)', (t) => inProcess.rate(t));
  await time('check, engine in process (module:examples/engine/index.ts#rate)', (t) => judge(t, { engine: inProcess, catalog, settings: SETTINGS }));
  await inProcess.close();
  const subprocess = await openEngine(parseEngineSpec(`process:${JSON.stringify([TSX, join(ROOT, 'examples', 'engine', 'main.ts')])}`, 30_000));
  await time('check, engine as a subprocess (process: tsx examples/engine/main.ts)', (t) => judge(t, { engine: subprocess, catalog, settings: SETTINGS }));
  const w = Math.max(...rows.map((r) => r[0].length));
  console.log(`${'what'.padEnd(w)}  timelines/s  ms/timeline`);
  for (const [what, perSecond, ms] of rows) console.log(`${what.padEnd(w)}  ${perSecond.toFixed(1).padStart(11)}  ${ms.toFixed(1).padStart(11)}`);

  // ---- 2. each defect alone: time to the first disagreement, shrunk size --------------------------
  const work = mkdtempSync(join(tmpdir(), 'termlab-bench-check-'));
  try {
    console.log(`\neach defect alone (a temp copy of examples/engine with the two other defects fixed), in process, up to ${runs} cases:`);
    for (const defect of DEFECTS) {
      const engine = await oneDefectEngine(work, defect.constant);
      const t0 = performance.now();
      let found: { index: number; ms: number; clauses: string[]; timeline: TimelineInput } | undefined;
      for (let i = 0; i < runs && !found; i++) {
        const v = await judge(source(i), { engine, catalog, settings: SETTINGS });
        if (v.kind === 'disagree') found = { index: i, ms: performance.now() - t0, clauses: [...new Set(v.differences.map(mainClause))], timeline: source(i) };
      }
      if (!found) {
        console.log(`  ${defect.clause.padEnd(21)} no disagreement in ${runs} cases (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
        await engine.close();
        continue;
      }
      const target = new Set(found.clauses.slice(0, 1));
      const s0 = performance.now();
      const shrunk = await shrinkTimeline(found.timeline, async (c) => {
        const v = await judge(c, { engine, catalog, settings: SETTINGS });
        return v.kind === 'disagree' && v.differences.some((d) => target.has(mainClause(d)));
      });
      const shrinkMs = performance.now() - s0;
      console.log(
        `  ${defect.clause.padEnd(21)} first disagreement at case ${found.index} after ${found.ms.toFixed(0)} ms, on ${found.clauses.join(', ')}; ` +
          `shrunk on ${[...target][0]} from ${found.timeline.events.length} to ${shrunk.timeline.events.length} events in ${shrunk.calls} checks, ${shrinkMs.toFixed(0)} ms`,
      );
      await engine.close();
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }

  // ---- 3. runCheck with all three defects, through the subprocess ---------------------------------
  const r0 = performance.now();
  const result = await runCheck({ engine: subprocess, engineName: 'example engine (process)', catalog, settings: SETTINGS, scenario: scenario.name, seed, runs, source });
  const s = (performance.now() - r0) / 1000;
  await subprocess.close();
  console.log(`\nrunCheck, all three defects, subprocess: ${runs} cases in ${s.toFixed(1)} s (${(runs / s).toFixed(1)} cases/s with shrinking), ${result.agreed} agree, ${result.faults.length} faults; counterexamples:`);
  for (const c of result.counterexamples) console.log(`  ${c.clauses.join(', ').padEnd(12)} case ${String(c.path.index).padStart(3)}: ${String(c.path.eventsBefore).padStart(5)} → ${c.timeline.events.length} events`);
  console.log(`check bench time ${((performance.now() - began) / 1000).toFixed(1)} s`);
}

/** A temp copy of examples/engine where only `keep` is still true, imported in process. */
async function oneDefectEngine(work: string, keep: string): Promise<Engine> {
  const root = join(work, keep);
  cpSync(join(ROOT, 'examples', 'engine'), join(root, 'examples', 'engine'), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(root, 'node_modules'));
  symlinkSync(join(ROOT, 'scenarios'), join(root, 'scenarios'));
  writeFileSync(join(root, 'package.json'), '{"type":"module"}\n');
  for (const d of DEFECTS) {
    if (d.constant === keep) continue;
    const file = join(root, 'examples', 'engine', d.file);
    const text = readFileSync(file, 'utf8');
    const fixed = text.replace(`export const ${d.constant} = true;`, `export const ${d.constant} = false;`);
    if (fixed === text) throw new Error(`bench/check.ts: ${d.file} no longer has "export const ${d.constant} = true;"`);
    writeFileSync(file, fixed);
  }
  return openEngine(parseEngineSpec(`module:${join(root, 'examples', 'engine', 'index.ts')}#rate`));
}

function mainClause(d: { clauses: readonly string[]; what: string }): string {
  return d.clauses[0] ?? `(${d.what})`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const option = (name: string): number | undefined => {
    const a = args.find((x) => x.startsWith(`--${name}=`));
    return a === undefined ? undefined : Number(a.slice(name.length + 3));
  };
  const cases = option('cases');
  const runs = option('runs');
  await benchCheck({ quick: args.includes('--quick'), ...(cases ? { cases } : {}), ...(runs ? { runs } : {}) });
}
