import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { writeAtomically } from './files.ts';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { CatalogSchema, consumerLawChecks, loadCatalog } from './domain/catalog.ts';
import { InputError } from './domain/errors.ts';
import { OUTCOME_VERSION, OutcomeSchema } from './domain/outcome.ts';
import { TIMELINE_VERSION, TimelineSchema } from './domain/timeline.ts';
import { outcomeTable } from './outcome-table.ts';
import { reportCommand } from '../reports/cli.ts';
import { clauseCoverage, coverageTable } from './terms/coverage.ts';
import { referenceOutcome } from './terms/model.ts';
import { checkCommand } from './check/command.ts';
import { simulateCommand } from './run/simulate.ts';
import { mainJob } from './run/main-job.ts';
import { generateCommand } from './run/generate.ts';

const DEFAULT_CATALOG = 'scenarios/catalogs/default.yaml';
const USAGE = `termlab — usage simulation and compliance harness for telecom terms (CLIC, BASE)

  termlab rate <timeline.json> [--catalog file.yaml] [--format json|table]
      The outcome the terms require for one subscriber's timeline.
  termlab schema timeline|outcome|catalog
      The JSON Schema of a public format.
  termlab clauses [--format table|json]
      The clause registry with what is implemented and tested.
  termlab start [population]
      The main job (npm start): simulate the default scenario into out/termlab.duckdb, the revenue report,
      and a check of the example engine with its compliance report, all in out/reports/.
  termlab demo [--out dir]
      Rates the example timelines of scenarios/timelines and writes their outcomes.
  termlab generate <scenario.yaml> [--count N] [--seed S] [--out file.jsonl] [--stats]
      The scenario's population as timelines, one JSON line each; --stats: how often each persona and corner occurs.
  termlab simulate <scenario.yaml> [--db out/termlab.duckdb] [--workers N] [--shard i/n --parquet dir]
                   [--count N] [--seed S] [--usage periods|records]
      Simulates the scenario's population under its catalog and each what-if variant into DuckDB (or Parquet).
  termlab report revenue [--db out/termlab.duckdb] [--run ID] [--out out/reports]
      Revenue report of a complete run (default: the latest base run) and its what-if variants: HTML and JSON.
  termlab check --engine <spec> [--scenario file.yaml] [--runs N] [--seed S] [--months M]
                [--compare totals,categories,lines,decisions] [--decisions throttle,pause] [--tolerance cents]
                [--ignore kinds] [--only all|usage] [--store dir] [--out dir] [--timeout ms]
  termlab check --engine <spec> --replay <counterexample.json>
  termlab check --export-fixtures <dir> [--store dir]
  termlab check --audit <timelines.jsonl> --statements <statements.jsonl|csv> [--compare …] [--out dir]
      Audit: re-rates timelines and reports each difference with what a real system billed (leakage, overcharges).
      Checks a billing engine against the terms: module:<file>[#export], process:["program","arg"], or a URL.

Exit codes: 0 done (check: everything agrees), 1 check: a disagreement or an engine fault, 2 bad input or usage.`;

const SCHEMAS: Record<string, z.ZodType> = { timeline: TimelineSchema, outcome: OutcomeSchema, catalog: CatalogSchema };
const SCHEMA_TITLES: Record<string, string> = { timeline: TIMELINE_VERSION, outcome: OUTCOME_VERSION, catalog: 'termlab.catalog/1' };

/** Each command parses its own options, so commands can grow without stepping on each other. */
async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    console.log(USAGE);
    return command ? 0 : 2;
  }
  const handler = COMMANDS[command];
  if (!handler) throw new UsageError(`unknown command ${command}; see termlab --help`);
  return handler(args);
}

const COMMANDS: Record<string, (args: string[]) => number | Promise<number>> = {
  rate(args) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { catalog: { type: 'string', default: DEFAULT_CATALOG }, format: { type: 'string', default: 'json' } } });
    const file = positionals[0];
    if (!file) throw new UsageError('rate needs a timeline file');
    if (values.format !== 'json' && values.format !== 'table') throw new UsageError(`--format: expected json or table, got ${values.format}`);
    const catalog = loadCatalog(values.catalog);
    // BASE-D.8.6 reminder fees meet consumer law: said, never silently changed.
    for (const warning of consumerLawChecks(catalog)) process.stderr.write(`termlab: warning: ${values.catalog}: ${warning}\n`);
    const outcome = referenceOutcome(readJson(file), catalog, file);
    process.stdout.write(values.format === 'json' ? `${JSON.stringify(outcome, null, 2)}\n` : `${outcomeTable(outcome)}\n`);
    return 0;
  },
  schema(args) {
    const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
    const schema = SCHEMAS[positionals[0] ?? ''];
    if (!schema) throw new UsageError(`schema: expected one of ${Object.keys(SCHEMAS).join(', ')}`);
    const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
    process.stdout.write(`${JSON.stringify({ title: SCHEMA_TITLES[positionals[0]!], ...json }, null, 2)}\n`);
    return 0;
  },
  clauses(args) {
    const { values } = parseArgs({ args, options: { format: { type: 'string', default: 'table' } } });
    const coverage = clauseCoverage(process.cwd());
    process.stdout.write(values.format === 'json' ? `${JSON.stringify(coverage, null, 2)}\n` : `${coverageTable(coverage)}\n`);
    return 0;
  },
  demo(args) {
    const { values } = parseArgs({ args, options: { catalog: { type: 'string', default: DEFAULT_CATALOG }, out: { type: 'string', default: 'out' } } });
    return demo(values.catalog, values.out);
  },
  report: (args) => reportCommand(args),
  start: (args) => mainJob(args),
  simulate: (args) => simulateCommand(args),
  generate: (args) => generateCommand(args),
  async check(args) {
    const { values } = parseArgs({
      args,
      options: {
        engine: { type: 'string' },
        scenario: { type: 'string', default: 'scenarios/check.yaml' },
        runs: { type: 'string', default: '200' },
        seed: { type: 'string' },
        months: { type: 'string' },
        compare: { type: 'string', default: 'totals,lines,decisions' },
        decisions: { type: 'string', default: 'throttle,pause' },
        tolerance: { type: 'string', default: '0' },
        ignore: { type: 'string', default: '' },
        store: { type: 'string', default: 'out/counterexamples' },
        out: { type: 'string', default: 'out/reports' },
        timeout: { type: 'string', default: '10000' },
        replay: { type: 'string' },
        'export-fixtures': { type: 'string' },
        catalog: { type: 'string', default: DEFAULT_CATALOG },
        quiet: { type: 'boolean', default: false },
        only: { type: 'string', default: 'all' },
        audit: { type: 'string' },
        statements: { type: 'string' },
      },
    });
    if ((values.audit === undefined) !== (values.statements === undefined)) throw new UsageError('--audit <timelines.jsonl> goes with --statements <statements.jsonl|csv>');
    if (values.only !== 'all' && values.only !== 'usage') throw new UsageError(`--only: expected all or usage, got ${values.only}`);
    const int = (name: string, text: string | undefined) => {
      if (text === undefined) return undefined;
      const n = Number(text);
      if (!Number.isSafeInteger(n) || n < 0) throw new UsageError(`--${name}: expected a whole number ≥ 0, got ${text}`);
      return n;
    };
    return checkCommand({
      ...(values.engine ? { engine: values.engine } : {}),
      scenario: values.scenario,
      runs: int('runs', values.runs)!,
      ...(values.seed !== undefined ? { seed: int('seed', values.seed)! } : {}),
      ...(values.months !== undefined ? { months: int('months', values.months)! } : {}),
      compare: values.compare,
      decisions: values.decisions,
      tolerance: int('tolerance', values.tolerance)!,
      ignore: values.ignore,
      store: values.store,
      out: values.out,
      timeout: int('timeout', values.timeout)!,
      ...(values.replay ? { replay: values.replay } : {}),
      ...(values['export-fixtures'] ? { exportFixtures: values['export-fixtures'] } : {}),
      catalog: values.catalog,
      quiet: values.quiet,
      only: values.only,
      ...(values.audit && values.statements ? { audit: { timelines: values.audit, statements: values.statements } } : {}),
    });
  },
};

/** Rates every example timeline; writes all outcomes, or none when one input is bad. */
function demo(catalogFile: string, outDir: string): number {
  const catalog = loadCatalog(catalogFile);
  const dir = 'scenarios/timelines';
  const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  const outcomes = files.map((f) => ({ name: basename(f, '.json'), outcome: referenceOutcome(readJson(join(dir, f)), catalog, join(dir, f)) }));
  mkdirSync(outDir, { recursive: true });
  for (const { name, outcome } of outcomes) {
    console.log(outcomeTable(outcome));
    console.log('');
    writeAtomically(join(outDir, `${name}.outcome.json`), `${JSON.stringify(outcome, null, 2)}\n`);
  }
  console.log(`Wrote ${outcomes.length} outcomes to ${outDir}/ (${outcomes.map((o) => `${o.name}.outcome.json`).join(', ')})`);
  return 0;
}

function readJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new InputError(file, '', 'expected a readable file', (e as NodeJS.ErrnoException).code ?? String(e));
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new InputError(file, '', 'expected valid JSON', (e as Error).message);
  }
}

class UsageError extends Error {}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    const err = e as Error & { code?: string };
    if (e instanceof InputError || e instanceof UsageError || err.code?.startsWith('ERR_PARSE_ARGS') || err.message?.startsWith('--engine')) {
      process.stderr.write(`termlab: ${err.message}\n`);
      process.exitCode = 2;
    } else {
      process.stderr.write(`${err.stack ?? err}\n`);
      process.exitCode = 70;
    }
  },
);
