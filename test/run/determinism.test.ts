import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulate } from '../../src/run/simulate.ts';
import { TABLE_COLUMNS } from '../../src/store/columns.ts';
import { DATA_TABLES } from '../../src/store/schema.ts';

const SCENARIO = 'test/run/fixtures/small.yaml';
const COUNT = 24;
const dir = mkdtempSync(join(tmpdir(), 'termlab-determinism-'));
let db: DuckDBInstance;
let c: DuckDBConnection;
let reused = 0;

beforeAll(async () => {
  // The same run four ways: one worker thread, two (small batches, so both get work), and two shards to
  // Parquet (simulated in this thread: which thread runs a batch is what the first comparison covers).
  const common = { scenarioFile: SCENARIO, count: COUNT, usageRecords: true, progress: false };
  reused = (await simulate({ ...common, db: join(dir, 'one.duckdb'), workers: 1 })).reused;
  // The variant re-rated for every subscriber, none of the base's rows reused (catalog-reads.ts).
  await simulate({ ...common, db: join(dir, 'rerated.duckdb'), workers: 0, rerateAll: true });
  await simulate({ ...common, db: join(dir, 'two.duckdb'), workers: 2, batchSize: 5 });
  for (const index of [1, 2]) await simulate({ ...common, shard: { index, count: 2 }, parquet: join(dir, 'parquet'), workers: 0, batchSize: 7 });
  db = await DuckDBInstance.create(':memory:');
  c = await db.connect();
  await c.run(`ATTACH '${join(dir, 'one.duckdb')}' AS one (READ_ONLY)`);
  await c.run(`ATTACH '${join(dir, 'two.duckdb')}' AS two (READ_ONLY)`);
  await c.run(`ATTACH '${join(dir, 'rerated.duckdb')}' AS rerated (READ_ONLY)`);
}, 60_000);

afterAll(() => {
  c?.closeSync();
  db?.closeSync();
  rmSync(dir, { recursive: true, force: true });
});

const columns = (table: (typeof DATA_TABLES)[number]) => ['run_id', ...TABLE_COLUMNS[table].map((col) => col.name)].map((n) => `"${n}"`).join(', ');

async function rows(sql: string): Promise<unknown[][]> {
  return (await c.runAndReadAll(sql)).getRowsJson() as unknown[][];
}

describe('a run gives the same rows whatever the number of workers or shards', () => {
  it('writes every table for the base and the variant', async () => {
    const runs = await rows(`SELECT run_id, status, subscribers_done FROM one.runs ORDER BY run_id`);
    expect(runs).toEqual([
      ['small/11/base', 'complete', COUNT],
      ['small/11/cheaper-eu-data', 'complete', COUNT],
    ]);
    for (const t of ['subscribers', 'statements', 'statement_lines', 'usage', 'ledger', 'usage_records'] as const)
      expect(Number((await rows(`SELECT count(*) FROM one.${t}`))[0]![0])).toBeGreaterThan(0);
  });

  it('adds up: statement totals are their lines, billed amounts are the statements', async () => {
    const lines = await rows(
      `SELECT count(*)::INTEGER FROM one.statements s JOIN (SELECT run_id, subscriber_id, statement_index, sum(amount_cents) AS t FROM one.statement_lines GROUP BY ALL) l
       USING (run_id, subscriber_id, statement_index) WHERE s.total_cents <> l.t`,
    );
    expect(lines).toEqual([[0]]);
    const billed = await rows(
      `SELECT count(*)::INTEGER FROM one.subscribers u LEFT JOIN (SELECT run_id, subscriber_id, sum(total_cents) AS t FROM one.statements GROUP BY ALL) s
       USING (run_id, subscriber_id) WHERE u.billed_cents <> coalesce(s.t, 0)`,
    );
    expect(billed).toEqual([[0]]);
  });

  for (const table of DATA_TABLES)
    it(`${table}: one worker and two workers, row by row`, async () => {
      const order = `ORDER BY ALL`;
      const a = await rows(`SELECT ${columns(table)} FROM one.${table} ${order}`);
      const b = await rows(`SELECT ${columns(table)} FROM two.${table} ${order}`);
      expect(b).toEqual(a);
    });

  it('the variant reused the base rows of some subscribers, and rated the others', () => {
    expect(reused).toBeGreaterThan(0);
    expect(reused).toBeLessThan(COUNT);
  });

  for (const table of DATA_TABLES)
    it(`${table}: base rows reused for the subscribers a variant cannot change, or every subscriber re-rated: the same rows`, async () => {
      const a = await rows(`SELECT ${columns(table)} FROM one.${table} ORDER BY ALL`);
      const b = await rows(`SELECT ${columns(table)} FROM rerated.${table} ORDER BY ALL`);
      expect(b).toEqual(a);
    });

  for (const table of DATA_TABLES)
    it(`${table}: shards 1/2 and 2/2 in Parquet read as one table, row by row`, async () => {
      const files = join(dir, 'parquet', table, '**', '*.parquet');
      const a = await rows(`SELECT ${columns(table)} FROM one.${table} ORDER BY ALL`);
      const b = await rows(`SELECT ${columns(table)} FROM read_parquet('${files}', hive_partitioning = true) ORDER BY ALL`);
      expect(b).toEqual(a);
    });

  it('the shards write hive partitions run_id=…/shard=i, and a runs table that says which shards are complete', async () => {
    expect(readdirSync(join(dir, 'parquet', 'usage')).sort()).toEqual(['run_id=small%2F11%2Fbase', 'run_id=small%2F11%2Fcheaper-eu-data']);
    expect(readdirSync(join(dir, 'parquet', 'usage', 'run_id=small%2F11%2Fbase')).sort()).toEqual(['shard=1', 'shard=2']);
    const runs = await rows(
      `SELECT run_id, shard::INT, shards, status, subscribers_done FROM read_parquet('${join(dir, 'parquet', 'runs', '**', '*.parquet')}', hive_partitioning = true) ORDER BY run_id, shard`,
    );
    expect(runs).toEqual([
      ['small/11/base', 1, 2, 'complete', COUNT / 2],
      ['small/11/base', 2, 2, 'complete', COUNT / 2],
      ['small/11/cheaper-eu-data', 1, 2, 'complete', COUNT / 2],
      ['small/11/cheaper-eu-data', 2, 2, 'complete', COUNT / 2],
    ]);
    expect(readdirSync(join(dir, 'parquet')).filter((f) => f.startsWith('.'))).toEqual([]); // no staging or temporary database left
  });
});
