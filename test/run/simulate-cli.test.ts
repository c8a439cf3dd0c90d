import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'termlab-simulate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CLI = ['bin/termlab.js', 'simulate'];
const SMALL = 'test/run/fixtures/small.yaml';
const termlab = (...args: string[]) => spawnSync(process.execPath, [...CLI, ...args], { encoding: 'utf8', env: { ...process.env, CI: '1' } });

async function query(file: string, sql: string): Promise<unknown[][]> {
  const db = await DuckDBInstance.create(file);
  const c = await db.connect();
  try {
    return (await c.runAndReadAll(sql)).getRowsJson() as unknown[][];
  } finally {
    c.closeSync();
    db.closeSync();
  }
}

describe('termlab simulate on bad input: exit 2, one line naming the file and the path, nothing written', () => {
  const cases: Array<[string, string[], RegExp]> = [
    ['an unknown scenario file', ['test/run/fixtures/nope.yaml'], /^termlab: test\/run\/fixtures\/nope\.yaml: \(root\): expected a readable scenario file/],
    ['a scenario that is not YAML', ['test/run/fixtures/bad-yaml.yaml'], /^termlab: test\/run\/fixtures\/bad-yaml\.yaml: \(root\): expected valid YAML/],
    ['an override of a path the catalog does not have', ['test/run/fixtures/bad-override.yaml'], /^termlab: test\/run\/fixtures\/bad-override\.yaml: variants\[0\]\.overrides\["tarifs\.roaming_eu\.data"\]: expected a path into the catalog/],
    ['a shard that is not i/n', ['test/run/fixtures/small.yaml', '--shard', '3/2', '--parquet', 'x'], /^termlab: command line: --shard: expected i\/n with 1 ≤ i ≤ n/],
    ['a shard without --parquet', ['test/run/fixtures/small.yaml', '--shard', '1/2'], /^termlab: command line: --shard: expected --parquet <dir>/],
    ['a count that is not a number', ['test/run/fixtures/small.yaml', '--count', 'many'], /^termlab: command line: --count: expected a whole number/],
  ];
  for (const [what, args, message] of cases)
    it(what, () => {
      const db = join(dir, `${what.replaceAll(' ', '-')}.duckdb`);
      const r = termlab(...args, '--db', db);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stdout).toBe('');
      expect(existsSync(db)).toBe(false);
    });
});

describe('a killed run leaves nothing a report would read, and a re-run replaces it', () => {
  it('SIGKILL in the middle of a run: no complete run and none of its rows; the re-run completes', async () => {
    const db = join(dir, 'killed.duckdb');
    // Big enough to take well over the few seconds before the kill (4,000 took 9 s in all: too close to it).
    const child = spawn(process.execPath, [...CLI, SMALL, '--count', '20000', '--workers', '2', '--db', db], { stdio: 'ignore', env: { ...process.env, CI: '1' } });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    const started = Date.now();
    while (!existsSync(db) && Date.now() - started < 20_000) await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, 6_000)); // batches are being appended by now
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');

    const runs = await query(db, `SELECT run_id, status FROM runs ORDER BY run_id`);
    expect(runs.length).toBe(2);
    for (const [, status] of runs) expect(status).toBe('running');
    for (const t of ['subscribers', 'statements', 'statement_lines', 'decisions', 'usage', 'ledger'])
      expect(await query(db, `SELECT count(*)::INT FROM ${t}`)).toEqual([[0]]);

    const rerun = termlab(SMALL, '--count', '12', '--workers', '1', '--db', db);
    expect(rerun.stderr).toBe('');
    expect(rerun.status).toBe(0);
    expect(rerun.stdout).toMatch(/^Simulated 12 subscribers × 4 months under 2 catalogs/);
    expect(await query(db, `SELECT DISTINCT status FROM runs`)).toEqual([['complete']]);
    expect(await query(db, `SELECT count(*)::INT FROM subscribers WHERE run_id = 'small/11/base'`)).toEqual([[12]]);

    // Once more with fewer subscribers: the run's old rows are replaced, not added to.
    expect(termlab(SMALL, '--count', '5', '--workers', '0', '--db', db).status).toBe(0);
    expect(await query(db, `SELECT run_id, count(*)::INT FROM subscribers GROUP BY 1 ORDER BY 1`)).toEqual([
      ['small/11/base', 5],
      ['small/11/cheaper-eu-data', 5],
    ]);
    expect(await query(db, `SELECT count(*)::INT FROM statements WHERE subscriber_id NOT IN (SELECT subscriber_id FROM subscribers)`)).toEqual([[0]]);
  }, 60_000);
});
