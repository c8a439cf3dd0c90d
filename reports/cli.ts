/**
 * `termlab report revenue [--db out/termlab.duckdb] [--run ID] [--out out/reports]`.
 * Exit 0 with one line naming the files written; 2 with one line on stderr for a usage error, a missing
 * database, no complete run or a --run that is unknown or not complete.
 */
import { parseArgs } from 'node:util';
import { ReportError } from './db.ts';
import { DEFAULT_OUT_DIR, revenueReport } from './revenue/index.ts';

export const DEFAULT_DB = 'out/termlab.duckdb';
export const REPORT_KINDS = ['revenue'] as const;

/** `termlab report <kind> …`: `args` are the arguments after `report`; resolves to the exit code. */
export async function reportCommand(args: string[]): Promise<number> {
  let values: { db?: string; run?: string; out?: string };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: { db: { type: 'string' }, run: { type: 'string' }, out: { type: 'string' } },
    }));
  } catch (e) {
    return fail(`report: ${(e as Error).message}`);
  }
  const [kind, extra] = positionals;
  if (kind !== 'revenue') return fail(`report: expected one of ${REPORT_KINDS.join(', ')}${kind ? `, got ${kind}` : ''}`);
  if (extra !== undefined) return fail(`report revenue: unexpected argument ${extra}`);
  try {
    const { html, json, report } = await revenueReport(values.db ?? DEFAULT_DB, { runId: values.run, outDir: values.out ?? DEFAULT_OUT_DIR });
    const variants = report.whatIf?.variants.length ?? 0;
    process.stdout.write(`Wrote ${html} and ${json} (run ${report.run.runId}${variants ? `, ${variants} what-if variant${variants > 1 ? 's' : ''}` : ''})\n`);
    return 0;
  } catch (e) {
    if (e instanceof ReportError) return fail(e.message);
    throw e;
  }
}

function fail(message: string): number {
  process.stderr.write(`termlab: ${message}\n`);
  return 2;
}
