import { reportCommand } from '../../reports/cli.ts';
import { checkCommand } from '../check/command.ts';
import { simulateCommand } from './simulate.ts';

/**
 * `npm start`: the main job on the embedded defaults. Simulates the default scenario into the DuckDB
 * file, writes the revenue report, checks the example billing engine against the terms and writes the
 * compliance report, then says where everything is. Disagreements of the example engine are its
 * deliberate defects: findings, not a failure of the job.
 */
export async function mainJob(args: string[]): Promise<number> {
  const db = 'out/termlab.duckdb';
  const out = 'out/reports';
  const count = args[0] ?? '10000';
  console.log(`1/3 Simulating scenarios/default.yaml (${count} subscribers, 12 months) into ${db}`);
  const simulated = await simulateCommand(['scenarios/default.yaml', '--db', db, '--count', count]);
  if (simulated !== 0) return simulated;
  console.log(`\n2/3 Revenue report`);
  const reported = await reportCommand(['revenue', '--db', db, '--out', out]);
  if (reported !== 0) return reported;
  console.log(`\n3/3 Checking the example billing engine (examples/engine) against the terms`);
  const checked = await checkCommand({
    engine: 'process:["node_modules/.bin/tsx","examples/engine/main.ts"]',
    scenario: 'scenarios/check.yaml',
    runs: 300,
    months: 6,
    compare: 'totals,lines,decisions',
    decisions: 'throttle,pause',
    tolerance: 0,
    ignore: '',
    store: 'out/counterexamples',
    out,
    timeout: 10_000,
    catalog: 'scenarios/catalogs/default.yaml',
    quiet: false,
    only: 'usage',
  });
  if (checked === 2) return 2;
  console.log(`\nDone. Open ${out}/revenue.html and ${out}/compliance.html (JSON and JUnit XML beside them); the data is in ${db}.`);
  return 0;
}
