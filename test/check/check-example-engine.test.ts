/**
 * The QA path end to end: `termlab check` as a subprocess against the example engine of examples/engine
 * (three deliberate defects) through the JSON-lines adapter. It finds each defect with its clause and a
 * shrunk counterexample, stores them and re-checks them first next time, replays one, exports fixtures,
 * writes JUnit; a perfect engine (the reference model behind `module:`) passes; a bad spec is exit 2.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { judge, runCheck } from '../../src/check/check.ts';
import { DEFAULT_SETTINGS } from '../../src/check/compare.ts';
import type { Counterexample } from '../../src/check/counterexamples.ts';
import { openEngine, type Engine } from '../../src/check/engines.ts';
import { loadCatalog } from '../../src/domain/catalog.ts';
import { OutcomeSchema } from '../../src/domain/outcome.ts';
import { TimelineSchema, type TimelineInput } from '../../src/domain/timeline.ts';
import type { ComplianceData } from '../../reports/compliance/data.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const dir = mkdtempSync(join(tmpdir(), 'termlab-check-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const EXAMPLE = 'process:["node_modules/.bin/tsx","examples/engine/main.ts"]';
const RUNS = '300';
const store = join(dir, 'store');
const out = join(dir, 'out');

function termlab(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(TSX, ['src/cli.ts', 'check', '--quiet', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const stored = (): Counterexample[] =>
  readdirSync(store)
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(join(store, f), 'utf8')) as Counterexample);
const witness = (clause: string) => stored().find((c) => c.clauses.includes(clause));

const DEFECTS = { proration: ['proration.ts', 'PRORATE_SHORT_PERIODS_ON_30_DAYS'], rollover: ['allowances.ts', 'USE_CARRIED_OVER_FIRST'], zone: ['coverage.ts', 'EU_NUMBERS_IN_PACK_FROM_BELGIUM'] } as const;

/** The example engine with only `defect` left: a temp copy of examples/engine with the two other constants set to false. */
async function engineWithOnly(defect: keyof typeof DEFECTS): Promise<Engine> {
  const root = join(dir, `only-${defect}`);
  if (!readdirSync(dir).includes(`only-${defect}`)) {
    cpSync(join(ROOT, 'examples', 'engine'), join(root, 'examples', 'engine'), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules'), join(root, 'node_modules'));
    symlinkSync(join(ROOT, 'scenarios'), join(root, 'scenarios'));
    writeFileSync(join(root, 'package.json'), '{"type":"module"}\n');
    for (const [name, [file, constant]] of Object.entries(DEFECTS)) {
      if (name === defect) continue;
      const path = join(root, 'examples', 'engine', file);
      const text = readFileSync(path, 'utf8');
      expect(text).toContain(`export const ${constant} = true;`);
      writeFileSync(path, text.replace(`export const ${constant} = true;`, `export const ${constant} = false;`));
    }
  }
  return openEngine({ kind: 'module', path: join(root, 'examples', 'engine', 'index.ts'), export: 'rate', timeoutMs: 10_000 });
}

const catalog = loadCatalog(join(ROOT, 'scenarios', 'catalogs', 'default.yaml'));
/** What `termlab check` compares by default (--compare totals,lines,decisions). */
const SETTINGS = { ...DEFAULT_SETTINGS, categories: false, lines: true };

/** Whether the engine with only `defect` still disagrees with the terms on a counterexample's timeline, on its clause. */
async function reproducedByAlone(defect: keyof typeof DEFECTS, c: Counterexample): Promise<boolean> {
  const engine = await engineWithOnly(defect);
  try {
    const v = await judge(c.timeline, { engine, catalog, settings: SETTINGS });
    return v.kind === 'disagree' && v.differences.some((d) => c.clauses.includes(d.clauses[0] ?? ''));
  } finally {
    await engine.close();
  }
}

/**
 * BASE Light from 2026-01-18, cycle day 28: a 10-day first period whose 120 minutes are prorated to
 * 2,323 s (10/31; the engine's 10/30 gives 2,400 s), 1,968 s used and the rest carried over, then 7,630 s
 * in the second period: the terms bill 75 s beyond 7,200 s + 355 s carried (€0.19); the engine, with
 * 432 s carried, bills nothing. A consequence of the proration defect on the line BASE-D.7.2 decides.
 */
const SHORT_FIRST_PERIOD_THEN_OVERAGE = {
  schema: 'termlab.timeline/1',
  subscriber: { id: 'proration-then-rollover' },
  contract: { family: 'BASE_SUBSCRIPTION', plan: 'base-light', start: '2026-01-18', cycleDay: 28, lines: [{ id: 'sim-1', kind: 'mobile', number: '+32493367855' }] },
  until: '2026-02-03',
  events: [
    { type: 'call', at: '2026-01-24T18:02:41+01:00', line: 'sim-1', from: 'BE', to: '0493550859', seconds: 823 },
    { type: 'call', at: '2026-01-28T12:03:12+01:00', line: 'sim-1', from: 'BE', to: '+3295213053', seconds: 1145 },
    { type: 'call', at: '2026-02-02T09:09:40+01:00', line: 'sim-1', from: 'BE', to: '+3214811725', seconds: 2363 },
    { type: 'call', at: '2026-02-02T19:34:12+01:00', line: 'sim-1', from: 'BE', to: '+32463720520', seconds: 5267 },
  ],
} as TimelineInput;

describe('termlab check against the example engine (process:, --only usage)', () => {
  let first: ReturnType<typeof termlab>;
  beforeAll(() => {
    first = termlab('--engine', EXAMPLE, '--only', 'usage', '--runs', RUNS, '--months', '6', '--store', store, '--out', out);
  }, 60_000);

  it('exits 1: the engine disagrees with the terms', () => {
    expect(first.stderr).toBe('');
    expect(first.status).toBe(1);
    expect(first.stdout).toMatch(new RegExp(`^Checked ${RUNS} generated cases against process:\\["node_modules/\\.bin/tsx","examples/engine/main\\.ts"\\] \\(scenario check, seed 20260401\\): \\d+ agree\\.`));
  });

  it('finds the proration on 30 days (BASE-D.8.3): a short first period, witnessed by at most 5 events', () => {
    const c = witness('BASE-D.8.3')!;
    expect(c).toBeDefined();
    expect(c.timeline.events.length).toBeLessThanOrEqual(5);
    expect(Number(c.timeline.contract.start.slice(8))).not.toBe(c.timeline.contract.cycleDay);
    const d = c.differences.find((x) => x.clauses[0] === 'BASE-D.8.3')!;
    expect(d.sentence).toMatch(/^BASE-D\.8\.3\b.*monthly fee, \d+\/(28|29|30|31) of the month \(pro rata temporis\).* is €\d+\.\d\d; the engine billed €\d+\.\d\d\.$/);
    expect(d.expectedCents).not.toBe(d.actualCents);
    expect(first.stdout).toContain(`  BASE-D.8.3: ${c.differences[0]!.sentence} (shrunk to ${c.timeline.events.length} events: ${store}/${c.id}.json)`);
  });

  it('finds the EU numbers in the pack from Belgium (CLIC-2.2, or BASE-D.7.1 on BASE plans): one call from Belgium to the EU zone', () => {
    const zone = [witness('CLIC-2.2'), witness('BASE-D.7.1'), witness('BASE-B.2.1')].filter((c) => c !== undefined);
    expect(zone.length).toBeGreaterThan(0);
    for (const c of zone) {
      expect(c.timeline.events.length).toBeLessThanOrEqual(5);
      expect(c.timeline.events.some((e) => (e.type === 'call' || e.type === 'sms') && e.from === 'BE' && /^\+(3[0-9]|4[0-9])/.test(e.to) && !e.to.startsWith('+32'))).toBe(true);
      expect(c.differences[0]!.sentence).toMatch(/^(CLIC-2\.2|BASE-D\.7\.1)\b.*from Belgium to the EU zone .* is €\d+\.\d\d; the engine billed €0\.00\.$/);
    }
  });

  it('finds the carried minutes used first (BASE-D.7.2) on a BASE plan, witnessed by at most 5 events', () => {
    const c = witness('BASE-D.7.2')!;
    expect(c).toBeDefined();
    expect(c.timeline.contract.family).toBe('BASE_SUBSCRIPTION');
    console.info(`rollover witness ${c.id}: ${c.timeline.events.length} events (from ${c.path.eventsBefore}); ${c.differences.map((d) => d.sentence).join(' ')}`);
    expect(c.timeline.events.length).toBeLessThanOrEqual(5);
    expect(c.differences.some((d) => d.clauses[0] === 'BASE-D.7.2')).toBe(true);
  });

  it('the proration and zone witnesses show their defect alone: the engine with only that defect disagrees on them', async () => {
    expect(await reproducedByAlone('proration', witness('BASE-D.8.3')!)).toBe(true);
    for (const c of [witness('CLIC-2.2'), witness('BASE-D.7.1'), witness('BASE-B.2.1')]) if (c) expect(await reproducedByAlone('zone', c)).toBe(true);
  });

  it('stores each counterexample as termlab.counterexample/1 with a valid timeline and both outcomes', () => {
    const all = stored();
    expect(all.length).toBeGreaterThanOrEqual(3);
    for (const c of all) {
      expect(c.schema).toBe('termlab.counterexample/1');
      expect(c.engine).toBe(EXAMPLE);
      expect(TimelineSchema.safeParse(c.timeline).success).toBe(true);
      expect(OutcomeSchema.safeParse(c.reference).success).toBe(true);
      expect(c.differences.length).toBeGreaterThan(0);
      for (const d of c.differences) expect(d.sentence).toMatch(/^[A-Z]+(-[A-Z0-9.]+)+\b/);
      expect(c.timeline.events.length).toBeLessThanOrEqual(c.path.eventsBefore);
    }
  });

  it('writes JUnit XML with a failure for each failed clause and a skipped test for each untested one', () => {
    const data = JSON.parse(readFileSync(join(out, 'compliance.json'), 'utf8')) as ComplianceData;
    const xml = readFileSync(join(out, 'compliance.junit.xml'), 'utf8');
    const cases = [...xml.matchAll(/<testcase classname="clauses" name="([^ "]+) \(exercised (\d+)×\)"(\/>|>(<failure|<skipped))/g)].map((m) => ({ id: m[1]!, exercised: Number(m[2]), kind: m[4] ?? 'passed' }));
    expect(cases.map((c) => c.id)).toEqual(data.clauses.map((c) => c.id));
    for (const v of data.clauses) {
      const tc = cases.find((c) => c.id === v.id)!;
      expect([v.id, tc.kind]).toEqual([v.id, v.status === 'failed' ? '<failure' : v.status === 'untested' ? '<skipped' : 'passed']);
    }
    const failed = data.clauses.filter((c) => c.status === 'failed').map((c) => c.id);
    expect(failed).toEqual(expect.arrayContaining(['BASE-D.8.3', 'BASE-D.7.2', 'CLIC-2.2']));
    expect(xml).toMatch(new RegExp(`<testsuites name="termlab compliance" tests="${data.clauses.length + 1}" failures="${failed.length}" skipped="${data.clauses.filter((c) => c.status === 'untested').length}">`));
    expect(xml).toContain('<testcase classname="properties" name="the engine answers every case"/>');
    expect(data.faults).toEqual([]);
  });

  it('re-checks the stored counterexamples first on the next run: each still disagrees', () => {
    const ids = stored().map((c) => c.id);
    const again = termlab('--engine', EXAMPLE, '--only', 'usage', '--runs', '5', '--months', '6', '--store', store, '--out', join(dir, 'out-2'));
    expect(again.status).toBe(1);
    const lines = again.stdout.split('\n');
    for (const id of ids) expect(lines).toContain(`  stored counterexample ${id}: still disagrees`);
    const data = JSON.parse(readFileSync(join(dir, 'out-2', 'compliance.json'), 'utf8')) as ComplianceData;
    expect(data.replayed.map((r) => r.id).sort()).toEqual([...ids].sort());
  });

  it('--replay <file> re-checks one counterexample: exit 1 and its sentence', () => {
    const c = witness('BASE-D.8.3')!;
    const r = termlab('--engine', EXAMPLE, '--replay', join(store, `${c.id}.json`));
    expect(r.status).toBe(1);
    expect(r.stdout.split('\n')).toContain(`${c.id}: ${c.differences[0]!.sentence}`);
  });

  it('--export-fixtures writes each stored counterexample as a JSON fixture: description, clauses, timeline, expected outcome', () => {
    const fixtures = join(dir, 'fixtures');
    const r = termlab('--export-fixtures', fixtures, '--store', store);
    expect(r.status).toBe(0);
    const all = stored();
    expect(r.stdout).toBe(`Exported ${all.length} counterexample(s) as fixtures to ${fixtures}/\n`);
    for (const c of all) {
      const f = JSON.parse(readFileSync(join(fixtures, `${c.clauses[0]}-${c.id}.json`), 'utf8')) as { description: string; clauses: string[]; timeline: unknown; expected: unknown };
      expect(f.clauses).toEqual(c.clauses);
      expect(f.description).toBe(c.differences.map((d) => d.sentence).join(' '));
      expect(f.timeline).toEqual(c.timeline);
      expect(OutcomeSchema.safeParse(f.expected).success).toBe(true);
    }
  });
});

describe('attribution: a witness shows its own defect', () => {
  it('the proration defect alone disagrees on a short first period then overage, on BASE-D.8.3 and on the line BASE-D.7.2 decides; the rollover defect alone agrees', async () => {
    const proration = await engineWithOnly('proration');
    const rollover = await engineWithOnly('rollover');
    try {
      const v = await judge(SHORT_FIRST_PERIOD_THEN_OVERAGE, { engine: proration, catalog, settings: SETTINGS });
      expect(v.kind === 'disagree' && v.differences.map((d) => d.sentence)).toEqual([
        'BASE-D.8.3, BASE-D.8.1: BASE Light monthly fee, 10/31 of the month (pro rata temporis) on the statement of 2026-01-18 is €3.23; the engine billed €3.33.',
        'BASE-D.7.2, BASE-D.7.1, BASE-D.8.1: calls in Belgium beyond the pack on the statement of 2026-02-28 is €0.19; the engine billed €0.00.',
      ]);
      expect((await judge(SHORT_FIRST_PERIOD_THEN_OVERAGE, { engine: rollover, catalog, settings: SETTINGS })).kind).toBe('agree');
    } finally {
      await proration.close();
      await rollover.close();
    }
  });

  // The proration defect also shifts carried minutes on the next statement: a consequence, not a
  // BASE-D.7.2 bug of its own (runCheck keeps only witnesses free of clauses already witnessed).
  it('an engine with only the proration defect gets a counterexample on BASE-D.8.3 and none on BASE-D.7.2', async () => {
    const engine = await engineWithOnly('proration');
    try {
      const result = await runCheck({ engine, engineName: 'only proration', catalog, settings: SETTINGS, scenario: 'hand-made', seed: 0, runs: 2, source: () => SHORT_FIRST_PERIOD_THEN_OVERAGE });
      expect(result.counterexamples.map((c) => c.clauses.join(', '))).toEqual(['BASE-D.8.3']);
    } finally {
      await engine.close();
    }
  });
});

describe('termlab check against a perfect engine and a bad spec', () => {
  it('a module engine wrapping the reference model agrees everywhere: exit 0, nothing stored', () => {
    const engine = join(dir, 'perfect.ts');
    writeFileSync(
      engine,
      [
        `import { loadCatalog } from ${JSON.stringify(join(ROOT, 'src', 'domain', 'catalog.ts'))};`,
        `import { referenceOutcome } from ${JSON.stringify(join(ROOT, 'src', 'terms', 'model.ts'))};`,
        `const catalog = loadCatalog('scenarios/catalogs/default.yaml');`,
        `export function rate(t: unknown) { return referenceOutcome(t, catalog); }`,
        '',
      ].join('\n'),
    );
    const perfectStore = join(dir, 'perfect-store');
    const r = termlab('--engine', `module:${engine}`, '--only', 'usage', '--runs', '80', '--months', '6', '--store', perfectStore, '--out', join(dir, 'perfect-out'));
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(': 80 agree.');
    expect(r.stdout).toMatch(/Clauses: \d+ passed, 0 failed, \d+ untested\./);
    expect(() => readdirSync(perfectStore)).toThrow();
    expect(readFileSync(join(dir, 'perfect-out', 'compliance.junit.xml'), 'utf8')).not.toContain('<failure');
  });

  it('a bad --engine spec is exit 2 with one line on stderr and nothing on stdout', () => {
    for (const spec of ['process:node engine.js', `module:${join(ROOT, 'examples', 'engine', 'index.ts')}#nothing`]) {
      const r = termlab('--engine', spec, '--runs', '1', '--store', join(dir, 'bad-store'), '--out', join(dir, 'bad-out'));
      expect([spec, r.status]).toEqual([spec, 2]);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^termlab: --engine[^\n]*\n$/);
    }
  });

  it('a module: spec naming a missing file is exit 2 with one line on stderr', () => {
    const r = termlab('--engine', `module:${join(dir, 'no-such-engine.ts')}`, '--runs', '1', '--store', join(dir, 'bad-store'), '--out', join(dir, 'bad-out'));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^termlab: [^\n]*no-such-engine\.ts[^\n]*\n$/);
  });
});
