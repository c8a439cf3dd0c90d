import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import { TABLE_COLUMNS, TableBuilder, type TableBatch } from '../../src/store/columns.ts';
import { DATA_TABLES, TABLE_DDL, type DataTable } from '../../src/store/schema.ts';
import { StoreWriter, type RunRecord } from '../../src/store/writer.ts';

const dir = mkdtempSync(join(tmpdir(), 'termlab-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (runId: string): RunRecord => ({
  runId,
  scenario: 'demo',
  scenarioFile: 'demo.yaml',
  variant: 'base',
  seed: 7,
  population: 3,
  startDate: '2026-01-01',
  months: 2,
  catalog: 'default',
  catalogJson: '{}',
  termlabVersion: '0.0.0',
  shard: null,
});

function emptyTables(): Record<DataTable, TableBatch> {
  return Object.fromEntries(DATA_TABLES.map((t) => [t, new TableBuilder(TABLE_COLUMNS[t]).finish()])) as Record<DataTable, TableBatch>;
}

async function query(file: string, sql: string): Promise<Record<string, unknown>[]> {
  const db = await DuckDBInstance.create(file);
  const c = await db.connect();
  try {
    return (await c.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
  } finally {
    c.closeSync();
    db.closeSync();
  }
}

describe('the store writer', () => {
  it('creates the tables of schema.ts, whose columns are those the rows are built with', async () => {
    const file = join(dir, 'schema.duckdb');
    const w = await StoreWriter.open(file);
    w.close();
    const cols = await query(
      file,
      `SELECT table_schema || '.' || table_name AS t, list(column_name ORDER BY ordinal_position) AS c FROM information_schema.columns GROUP BY 1`,
    );
    // the stored rows (rated.*) and the views readers query (main.*) have the same columns
    for (const t of DATA_TABLES)
      for (const name of [`rated.${t}`, `main.${t}`]) expect(cols.find((r) => r.t === name)?.c).toEqual(['run_id', ...TABLE_COLUMNS[t].map((c) => c.name)]);
    expect(cols.find((r) => r.t === 'main.reused_subscribers')?.c).toEqual(['run_id', 'subscriber_id', 'from_run_id']);
  });

  it('writes nulls, lists, dates, instants and large dictionaries as given, over several data chunks', async () => {
    const file = join(dir, 'roundtrip.duckdb');
    const decisions = new TableBuilder(TABLE_COLUMNS.decisions);
    const N = 5000;
    for (let i = 0; i < N; i++)
      decisions.add([
        `s${i % 3}`,
        i,
        i % 2 ? 'alert' : 'throttle',
        1_767_225_600 + i, // 2026-01-01T00:00:00Z + i s
        i % 3 === 0 ? null : 1_767_225_600 + 86_400,
        i % 5 === 0 ? null : 'sim-1',
        i % 7 === 0 ? null : 'data',
        'BE',
        i % 4 === 0 ? null : i * 1.5,
        i % 6 === 0 ? null : -i,
        `detail number ${i}`, // 5,000 distinct values: a two-byte dictionary
        i % 2 ? ['BASE-D.6.1.3'] : ['CLIC-2.1', 'BASE-D.8.3'],
        i % 2 === 0,
      ]);
    const tables = { ...emptyTables(), decisions: decisions.finish() };
    const w = await StoreWriter.open(file);
    await w.markRunning([run('demo/7/base')]);
    await w.begin(['demo/7/base']);
    w.append('demo/7/base', tables);
    await w.complete(3);
    w.close();

    const rows = await query(
      file,
      `SELECT seq, subscriber_id, kind, epoch("at")::BIGINT AS "at", epoch(until)::BIGINT AS until, line, service, zone, quantity, amount_cents, detail, clauses, assumed
       FROM decisions WHERE run_id = 'demo/7/base' ORDER BY seq`,
    );
    expect(rows).toHaveLength(N);
    for (const i of [0, 1, 2, 2047, 2048, 2049, 4095, 4096, 4999]) {
      expect(rows[i]).toEqual({
        seq: i,
        subscriber_id: `s${i % 3}`,
        kind: i % 2 ? 'alert' : 'throttle',
        at: String(1_767_225_600 + i),
        until: i % 3 === 0 ? null : String(1_767_225_600 + 86_400),
        line: i % 5 === 0 ? null : 'sim-1',
        service: i % 7 === 0 ? null : 'data',
        zone: 'BE',
        quantity: i % 4 === 0 ? null : i * 1.5,
        amount_cents: i % 6 === 0 ? null : String(-i),
        detail: `detail number ${i}`,
        clauses: i % 2 ? ['BASE-D.6.1.3'] : ['CLIC-2.1', 'BASE-D.8.3'],
        assumed: i % 2 === 0,
      });
    }
    const [status] = await query(file, `SELECT status, subscribers_done FROM runs`);
    expect(status).toEqual({ status: 'complete', subscribers_done: 3 });
  });

  it('writes dates and negative amounts exactly (subscribers)', async () => {
    const file = join(dir, 'subscribers.duckdb');
    const subs = new TableBuilder(TABLE_COLUMNS.subscribers);
    subs.add(['s1', 0, 'light-user', 'CLIC', 'clic-s', 2, 'An Peeters', 'Peeters bv', 'Gent', 20454, null, null, 10550, -2_000_000_000_123, 0]);
    subs.add(['s2', 1, 'summer-roamer+late-payer', 'BASE_SUBSCRIPTION', 'base-plus', 1, null, null, null, null, -1, 'death', 0, 0, 0]);
    const w = await StoreWriter.open(file);
    await w.markRunning([run('demo/7/base')]);
    await w.begin(['demo/7/base']);
    w.append('demo/7/base', { ...emptyTables(), subscribers: subs.finish() });
    await w.complete(2);
    w.close();
    const rows = await query(file, `SELECT subscriber_id, persona, name, company, activated_on::VARCHAR AS a, ended_on::VARCHAR AS e, end_reason, owed_cents FROM subscribers ORDER BY idx`);
    expect(rows).toEqual([
      { subscriber_id: 's1', persona: 'light-user', name: 'An Peeters', company: 'Peeters bv', a: '2026-01-01', e: null, end_reason: null, owed_cents: '-2000000000123' },
      { subscriber_id: 's2', persona: 'summer-roamer+late-payer', name: null, company: null, a: null, e: '1969-12-31', end_reason: 'death', owed_cents: '0' },
    ]);
  });

  it('leaves a failed run marked failed and without rows, and a re-run replaces the old rows', async () => {
    const file = join(dir, 'atomic.duckdb');
    const statements = (total: number, n: number) => {
      const b = new TableBuilder(TABLE_COLUMNS.statements);
      for (let i = 0; i < n; i++) b.add(['s1', i, 20454 + 31 * i, 20469 + 31 * i, total]);
      return { ...emptyTables(), statements: b.finish() };
    };
    const w = await StoreWriter.open(file);
    await w.markRunning([run('demo/7/base')]);
    await w.begin(['demo/7/base']);
    w.append('demo/7/base', statements(100, 3));
    await w.complete(1);

    await w.markRunning([run('demo/7/base')]);
    await w.begin(['demo/7/base']);
    w.append('demo/7/base', statements(999, 5));
    await w.fail();
    w.close();
    expect(await query(file, `SELECT status FROM runs`)).toEqual([{ status: 'failed' }]);
    // the failed re-run's rows are gone; the old run's rows are still there but its status hides them
    expect(await query(file, `SELECT count(*)::INT AS n, max(total_cents)::INT AS t FROM statements`)).toEqual([{ n: 3, t: 100 }]);

    const w2 = await StoreWriter.open(file);
    await w2.markRunning([run('demo/7/base')]);
    await w2.begin(['demo/7/base']);
    w2.append('demo/7/base', statements(42, 2));
    await w2.complete(1);
    w2.close();
    expect(await query(file, `SELECT status FROM runs`)).toEqual([{ status: 'complete' }]);
    expect(await query(file, `SELECT count(*)::INT AS n, max(total_cents)::INT AS t FROM statements`)).toEqual([{ n: 2, t: 42 }]);
  });

  /** 100 usage rows for each of `ids`, with amounts `scale` times a row's number. */
  function usageRows(ids: readonly string[], scale = 1): TableBatch {
    const usage = new TableBuilder(TABLE_COLUMNS.usage);
    for (const id of ids)
      for (let k = 0; k < 100; k++) usage.add([id, k % 12, 20454 + 30 * (k % 12), `sim-${k % 3}`, ['call', 'sms', 'data'][k % 3], ['BE', 'EU', 'WORLD'][k % 3], 'second', k, k * 2 * scale, 0, 0, 1]);
    return usage.finish();
  }
  const variant = (runId: string): RunRecord => ({ ...run(runId), variant: runId.split('/')[2]! });

  it("shows a reused subscriber's rows under the reusing run, stored once, on one DuckDB thread and past a row group", async () => {
    // 300,000 usage rows of 3,000 subscribers (more than DuckDB's 122,880-row group); the variant reuses
    // every other subscriber and rates the others itself (here: their rows doubled).
    const file = join(dir, 'reuse.duckdb');
    const ids = Array.from({ length: 3_000 }, (_, i) => `sub-${String(i).padStart(5, '0')}`);
    const reused = ids.filter((_, i) => i % 2 === 0);
    const rated = ids.filter((_, i) => i % 2 === 1);
    const w = await StoreWriter.open(file, { threads: 1 });
    await w.markRunning([run('demo/7/base'), variant('demo/7/cheaper')]);
    await w.begin(['demo/7/base', 'demo/7/cheaper']);
    w.append('demo/7/base', { ...emptyTables(), usage: usageRows(ids) });
    w.append('demo/7/cheaper', { ...emptyTables(), usage: usageRows(rated, 2) });
    w.reuse('demo/7/cheaper', 'demo/7/base', reused);
    await w.complete(ids.length);
    w.close();
    expect(w.reusedSubscribers).toBe(reused.length);
    expect(await query(file, `SELECT run_id, count(*)::INT AS n, count(DISTINCT subscriber_id)::INT AS s FROM usage GROUP BY run_id ORDER BY run_id`)).toEqual([
      { run_id: 'demo/7/base', n: 100 * ids.length, s: ids.length },
      { run_id: 'demo/7/cheaper', n: 100 * ids.length, s: ids.length },
    ]);
    // stored: the base's rows and the variant's own, not the reused ones again
    expect(await query(file, `SELECT count(*)::INT AS n FROM rated.usage`)).toEqual([{ n: 150 * ids.length }]);
    // a reused subscriber shows exactly the base's rows, a rated one its own
    const differ = (run: string, subs: readonly string[]) =>
      query(
        file,
        `SELECT count(*)::INT AS n FROM (SELECT * EXCLUDE (run_id) FROM usage WHERE run_id = 'demo/7/cheaper' AND subscriber_id IN (SELECT unnest(['${subs.join("','")}']))
         EXCEPT ALL SELECT * EXCLUDE (run_id) FROM rated.usage WHERE run_id = '${run}' AND subscriber_id IN (SELECT unnest(['${subs.join("','")}'])))`,
      );
    expect(await differ('demo/7/base', reused)).toEqual([{ n: 0 }]);
    expect(await differ('demo/7/cheaper', rated)).toEqual([{ n: 0 }]);
    expect(await query(file, `SELECT sum(billed)::BIGINT AS b FROM usage WHERE run_id = 'demo/7/cheaper'`)).toEqual([
      { b: String((reused.length + 2 * rated.length) * 2 * 4950) }, // Σ k for k < 100 = 4,950; billed = 2k, doubled when rated
    ]);
    expect(await query(file, `SELECT status FROM runs ORDER BY run_id`)).toEqual([{ status: 'complete' }, { status: 'complete' }]);
  });

  it('keeps what a run not rewritten reused: re-running the base alone copies its old rows to the variant first', async () => {
    const file = join(dir, 'dependents.duckdb');
    const w = await StoreWriter.open(file);
    await w.markRunning([run('demo/7/base'), variant('demo/7/cheaper')]);
    await w.begin(['demo/7/base', 'demo/7/cheaper']);
    w.append('demo/7/base', { ...emptyTables(), usage: usageRows(['a', 'b']) });
    w.reuse('demo/7/cheaper', 'demo/7/base', ['a', 'b']);
    await w.complete(2);
    const before = await w.connection.runAndReadAll(`SELECT sum(billed) FROM usage WHERE run_id = 'demo/7/cheaper'`);
    // the scenario lost its variant: only the base is simulated again, with other rows
    await w.markRunning([run('demo/7/base')]);
    await w.begin(['demo/7/base']);
    w.append('demo/7/base', { ...emptyTables(), usage: usageRows(['a', 'b'], 10) });
    await w.complete(2);
    w.close();
    expect(await query(file, `SELECT run_id, sum(billed)::BIGINT AS b FROM usage GROUP BY ALL ORDER BY ALL`)).toEqual([
      { run_id: 'demo/7/base', b: String(2 * 10 * 2 * 4950) },
      { run_id: 'demo/7/cheaper', b: String(before.getRows()[0]![0]) },
    ]);
    expect(before.getRows()[0]![0]).toBe(2 * 2 * 4950);
    expect(await query(file, `SELECT count(*)::INT AS n FROM reused_subscribers`)).toEqual([{ n: 0 }]);
  });

  it('moves the tables of a schema-1 store (every run stored whole in main) under the views, rows intact', async () => {
    const file = join(dir, 'version1.duckdb');
    const db = await DuckDBInstance.create(file);
    const c = await db.connect();
    for (const t of DATA_TABLES) await c.run(`CREATE TABLE ${t} (\n${TABLE_DDL[t]}\n)`);
    await c.run(`INSERT INTO statements VALUES ('old/1/base', 's1', 0, DATE '2026-01-01', DATE '2026-01-16', 4500), ('old/1/base', 's1', 1, DATE '2026-02-01', DATE '2026-02-16', 4600)`);
    c.closeSync();
    db.closeSync();
    const w = await StoreWriter.open(file);
    w.close();
    expect(await query(file, `SELECT table_schema AS s, table_type AS k FROM information_schema.tables WHERE table_name = 'statements' ORDER BY 1`)).toEqual([
      { s: 'main', k: 'VIEW' },
      { s: 'rated', k: 'BASE TABLE' },
    ]);
    expect(await query(file, `SELECT statement_index AS i, total_cents::INT AS t FROM statements ORDER BY 1`)).toEqual([
      { i: 0, t: 4500 },
      { i: 1, t: 4600 },
    ]);
  });
});
