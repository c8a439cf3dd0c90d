import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PERSONAS } from '../../generators/personas/index.ts';
import { population, toTimelineDocument } from '../../generators/population.ts';
import { loadCatalog } from '../domain/catalog.ts';
import { InputError } from '../domain/errors.ts';
import { loadScenario } from '../domain/scenario.ts';
import type { TimelineInput } from '../domain/timeline.ts';
import { complianceData, junitXml } from '../../reports/compliance/data.ts';
import { complianceHtml } from '../../reports/compliance/html.ts';
import { audit } from './audit.ts';
import { judge, runCheck } from './check.ts';
import { DEFAULT_SETTINGS, type CompareSettings } from './compare.ts';
import { CounterexampleStore, exportFixture, type Counterexample } from './counterexamples.ts';
import { writeAtomically } from '../files.ts';
import { openEngine, parseEngineSpec } from './engines.ts';
import { usageOnly, usageOnlyScenario } from './projection.ts';

export interface CheckArgs {
  readonly engine?: string;
  readonly scenario: string;
  readonly runs: number;
  readonly seed?: number;
  readonly months?: number;
  readonly compare: string;
  readonly decisions: string;
  readonly tolerance: number;
  readonly ignore: string;
  readonly store: string;
  readonly out: string;
  readonly timeout: number;
  readonly replay?: string;
  readonly exportFixtures?: string;
  readonly catalog: string;
  readonly quiet: boolean;
  /** Project generated timelines onto what the engine supports ('usage'), or check everything ('all'). */
  readonly only: 'all' | 'usage';
  /** Audit mode: timelines (JSON lines) and the statements a real system produced (JSON lines or CSV). */
  readonly audit?: { readonly timelines: string; readonly statements: string };
}

function auditCommand(args: CheckArgs, settings: CompareSettings): number {
  const rows = audit(args.audit!.timelines, args.audit!.statements, loadCatalog(args.catalog), settings);
  const euros = (c: number) => `€${(c / 100).toFixed(2)}`;
  const leakage = rows.reduce((s, r) => s + r.leakageCents, 0);
  const overcharge = rows.reduce((s, r) => s + r.overchargeCents, 0);
  mkdirSync(args.out, { recursive: true });
  writeAtomically(join(args.out, 'audit.json'), `${JSON.stringify({ schema: 'termlab.audit/1', leakageCents: leakage, overchargeCents: overcharge, subscribers: rows }, null, 2)}\n`);
  for (const r of rows) for (const d of r.differences) console.log(`${r.subscriber}: ${d.sentence}`);
  const differing = rows.filter((r) => r.differences.length > 0).length;
  console.log(`Audited ${rows.length} subscribers: ${differing} differ from the terms; revenue leakage ${euros(leakage)}, overcharges ${euros(overcharge)}. Details: ${args.out}/audit.json`);
  return differing > 0 ? 1 : 0;
}

/** Exit codes for CI: 0 everything agrees, 1 a disagreement or an engine fault, 2 usage or configuration. */
export async function checkCommand(args: CheckArgs): Promise<number> {
  const store = new CounterexampleStore(args.store);
  if (args.exportFixtures) {
    const all = store.all();
    for (const c of all) exportFixture(c, args.exportFixtures);
    console.log(`Exported ${all.length} counterexample(s) as fixtures to ${args.exportFixtures}/`);
    return 0;
  }
  // Statements from a real system carry money, not decisions: an audit compares totals and categories.
  if (args.audit) return auditCommand(args, { ...compareSettings(args), totals: true, categories: true, lines: false, decisions: [] });
  if (!args.engine) throw new InputError('command line', '--engine', 'expected an engine: module:<file>[#export], process:["program","arg"] or an http(s) URL');
  const settings = compareSettings(args);
  const spec = parseEngineSpec(args.engine, args.timeout);
  const engine = await openEngine(spec);
  try {
    if (args.replay) {
      const c = JSON.parse(readFileSync(args.replay, 'utf8')) as Counterexample;
      const catalog = loadCatalog(args.catalog);
      const v = await judge(c.timeline, { engine, catalog, settings });
      if (v.kind === 'agree') console.log(`${c.id}: the engine now agrees with the terms.`);
      else if (v.kind === 'disagree') for (const d of v.differences) console.log(`${c.id}: ${d.sentence}`);
      else console.log(`${c.id}: ${v.kind}: ${v.message}`);
      return v.kind === 'agree' ? 0 : v.kind === 'invalid' ? 2 : 1;
    }
    const loaded = loadScenario(args.scenario, PERSONAS);
    const asked = args.months ? { ...loaded.scenario, horizonMonths: args.months } : loaded.scenario;
    const projected = args.only === 'usage' ? usageOnlyScenario(asked, loaded.catalog) : { scenario: asked, left: [] };
    const scenario = projected.scenario;
    if (projected.left.length > 0) console.log(`--only usage: prepaid plans left out (${projected.left.join(', ')}): their usage needs top-ups, an account event (BASE-B.1.2.1).`);
    const seed = args.seed ?? scenario.seed;
    const subscribers = (index: number): TimelineInput => {
      const [sub] = population(scenario, loaded.catalog, { seed, count: Math.max(args.runs, index + 1), from: index, to: index + 1 });
      const doc = toTimelineDocument(sub!);
      return args.only === 'usage' ? usageOnly(doc) : doc;
    };
    const progress = !args.quiet && process.stderr.isTTY && !process.env.CI;
    const result = await runCheck({
      engine,
      engineName: args.engine,
      catalog: loaded.catalog,
      settings,
      scenario: scenario.name,
      seed,
      runs: args.runs,
      source: subscribers,
      store,
      onCase: progress ? (done, total) => process.stderr.write(`\rchecked ${done}/${total}`) : undefined,
    });
    if (progress) process.stderr.write('\n');
    const data = complianceData(result, { engine: args.engine, scenario: scenario.name, seed });
    mkdirSync(args.out, { recursive: true });
    writeAtomically(join(args.out, 'compliance.json'), `${JSON.stringify(data, null, 2)}\n`);
    writeAtomically(join(args.out, 'compliance.junit.xml'), junitXml(data));
    writeAtomically(join(args.out, 'compliance.html'), complianceHtml(data));
    const failed = data.clauses.filter((c) => c.status === 'failed');
    const untested = data.clauses.filter((c) => c.status === 'untested').length;
    console.log(`Checked ${result.checked} generated cases against ${args.engine} (scenario ${scenario.name}, seed ${seed}): ${result.agreed} agree.`);
    for (const r of result.replayed) console.log(`  stored counterexample ${r.id}: ${r.stillFails ? 'still disagrees' : 'now agrees'}`);
    for (const c of result.counterexamples) console.log(`  ${c.clauses.join(', ')}: ${c.differences[0]!.sentence} (shrunk to ${c.timeline.events.length} events: ${args.store}/${c.id}.json)`);
    if (result.faults.length > 0) console.log(`  ${result.faults.length} engine fault(s), first: case ${result.faults[0]!.index}: ${result.faults[0]!.fault}: ${result.faults[0]!.message}`);
    console.log(`Clauses: ${data.clauses.length - failed.length - untested} passed, ${failed.length} failed, ${untested} untested. Reports: ${args.out}/compliance.html, compliance.json, compliance.junit.xml`);
    return failed.length > 0 || result.faults.length > 0 || result.replayed.some((r) => r.stillFails) ? 1 : 0;
  } finally {
    await engine.close();
  }
}

function compareSettings(args: CheckArgs): CompareSettings {
  const parts = new Set(args.compare.split(',').map((s) => s.trim()).filter(Boolean));
  for (const p of parts)
    if (!['totals', 'categories', 'lines', 'decisions'].includes(p))
      throw new InputError('command line', '--compare', 'expected a list of totals, categories, lines, decisions', args.compare);
  return {
    ...DEFAULT_SETTINGS,
    totals: parts.has('totals'),
    categories: parts.has('categories'),
    lines: parts.has('lines'),
    decisions: parts.has('decisions') ? args.decisions.split(',').map((s) => s.trim()).filter(Boolean) : [],
    toleranceCents: args.tolerance,
    ignore: args.ignore.split(',').map((s) => s.trim()).filter(Boolean),
  };
}
