import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { CatalogSchema, loadCatalog } from './domain/catalog.ts';
import { InputError } from './domain/errors.ts';
import { OUTCOME_VERSION, OutcomeSchema } from './domain/outcome.ts';
import { TIMELINE_VERSION, TimelineSchema } from './domain/timeline.ts';
import { outcomeTable } from './outcome-table.ts';
import { clauseCoverage, coverageTable } from './terms/coverage.ts';
import { referenceOutcome } from './terms/model.ts';

const DEFAULT_CATALOG = 'scenarios/catalogs/default.yaml';
const USAGE = `termlab — usage simulation and compliance harness for telecom terms (CLIC, BASE)

  termlab rate <timeline.json> [--catalog file.yaml] [--format json|table]
      The outcome the terms require for one subscriber's timeline.
  termlab schema timeline|outcome|catalog
      The JSON Schema of a public format.
  termlab clauses [--format table|json]
      The clause registry with what is implemented and tested.
  termlab demo [--out dir]
      Rates the example timelines of scenarios/timelines and writes their outcomes.

Exit codes: 0 done, 2 bad input or usage.`;

const SCHEMAS: Record<string, z.ZodType> = { timeline: TimelineSchema, outcome: OutcomeSchema, catalog: CatalogSchema };
const SCHEMA_TITLES: Record<string, string> = { timeline: TIMELINE_VERSION, outcome: OUTCOME_VERSION, catalog: 'termlab.catalog/1' };

function main(argv: string[]): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      catalog: { type: 'string', default: DEFAULT_CATALOG },
      format: { type: 'string' },
      out: { type: 'string', default: 'out' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    console.log(USAGE);
    return command || values.help ? 0 : 2;
  }
  switch (command) {
    case 'rate': {
      const file = rest[0];
      if (!file) throw new UsageError('rate needs a timeline file');
      const format = values.format ?? 'json';
      if (format !== 'json' && format !== 'table') throw new UsageError(`--format: expected json or table, got ${format}`);
      const outcome = referenceOutcome(readJson(file), loadCatalog(values.catalog), file);
      process.stdout.write(format === 'json' ? `${JSON.stringify(outcome, null, 2)}\n` : `${outcomeTable(outcome)}\n`);
      return 0;
    }
    case 'schema': {
      const schema = SCHEMAS[rest[0] ?? ''];
      if (!schema) throw new UsageError(`schema: expected one of ${Object.keys(SCHEMAS).join(', ')}`);
      const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
      process.stdout.write(`${JSON.stringify({ title: SCHEMA_TITLES[rest[0]!], ...json }, null, 2)}\n`);
      return 0;
    }
    case 'clauses': {
      const coverage = clauseCoverage(process.cwd());
      process.stdout.write(values.format === 'json' ? `${JSON.stringify(coverage, null, 2)}\n` : `${coverageTable(coverage)}\n`);
      return 0;
    }
    case 'demo':
      return demo(values.catalog, values.out);
    default:
      throw new UsageError(`unknown command ${command}`);
  }
}

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

function writeAtomically(file: string, text: string): void {
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, text);
  renameSync(tmp, file);
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

try {
  process.exitCode = main(process.argv.slice(2));
} catch (e) {
  if (e instanceof InputError || e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    process.stderr.write(`termlab: ${(e as Error).message}\n`);
    process.exitCode = 2;
  } else throw e;
}
