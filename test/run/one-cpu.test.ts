/**
 * On a one-CPU machine DuckDB runs one thread. With one thread, DuckDB 1.5 failed an earlier writer that
 * copied the rows a what-if run reuses (INSERT … SELECT from the table being written, in the transaction
 * that appended to it: "INTERNAL Error: BlockManager::ConvertToPersistent in destructive mode") on the
 * default scenario at 10,000 subscribers. The writer no longer copies (reused rows are shown by the views),
 * but the run must still complete, whole, and each run show every subscriber.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, expect, it } from 'vitest';
import { simulate } from '../../src/run/simulate.ts';

const dir = mkdtempSync(join(tmpdir(), 'termlab-one-cpu-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('simulates 10,000 subscribers with DuckDB on one thread: every run complete, the variants with their reused rows', async () => {
  const db = join(dir, 'one-thread.duckdb');
  const r = await simulate({ scenarioFile: 'scenarios/default.yaml', count: 10_000, db, duckdbThreads: 1, progress: false });
  expect(r.reused).toBeGreaterThan(0);
  const instance = await DuckDBInstance.create(db, { access_mode: 'READ_ONLY' });
  const c = await instance.connect();
  try {
    const runs = (await c.runAndReadAll(`SELECT status, count(*)::INT FROM runs GROUP BY status`)).getRowsJson();
    expect(runs).toEqual([['complete', 3]]);
    // every run holds every subscriber
    const subscribers = (await c.runAndReadAll(`SELECT count(DISTINCT subscriber_id)::INT FROM subscribers GROUP BY run_id`)).getRowsJson();
    expect(subscribers).toEqual([[10_000], [10_000], [10_000]]);
  } finally {
    c.closeSync();
    instance.closeSync();
  }
}, 180_000);
