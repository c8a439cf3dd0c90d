/**
 * The revenue report end to end on the hand-made store: the files it writes, what they hold, that the
 * page is self-contained and the same bytes whatever the machine's zone, and the CLI's answers.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReportError } from '../../reports/db.ts';
import { type RevenueReport, revenueReport } from '../../reports/revenue/index.ts';
import { createFixtureStore, createIncompleteStore } from './fixture.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const dir = mkdtempSync(join(tmpdir(), 'termlab-report-'));
const DB = join(dir, 'store.duckdb');
const EMPTY = join(dir, 'empty.duckdb');

beforeAll(async () => {
  await createFixtureStore(DB);
  await createIncompleteStore(EMPTY);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function termlab(args: string[], env: Record<string, string> = {}): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(TSX, ['src/cli.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 30_000, env: { ...process.env, ...env } });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('revenueReport', () => {
  it('writes revenue.html and revenue.json for the latest complete base run and its variants, and nothing else', async () => {
    const out = join(dir, 'out-api');
    const files = await revenueReport(DB, { outDir: out });
    expect(files.html).toBe(join(out, 'revenue.html'));
    expect(readdirSync(out).sort()).toEqual(['revenue.html', 'revenue.json']);
    const json = JSON.parse(readFileSync(files.json, 'utf8')) as RevenueReport;
    expect(json.schema).toBe('termlab.revenue-report/1');
    expect(json.run.runId).toBe('demo/7/base');
    expect(json.totals).toEqual({ revenueCents: 26350, subscribers: 4 });
    // the variant: +2000 of CLIC S fees, −1500 of late-payment indemnity
    expect(json.whatIf?.base).toBe('demo/7/base');
    expect(json.whatIf?.variants.map((v) => [v.run.runId, v.deltas.deltaCents, v.mostAffected[0]?.subscriberId])).toEqual([['demo/7/fee-up', 500, 's3']]);
    expect(json.whatIf?.variants[0]?.changes).toEqual([{ path: 'plans[clic-s].fee', base: '45.00', variant: '50.00' }]);
  });

  it('never shows a figure of the running or failed runs (their rows carry 9,999,999 cents)', async () => {
    const { json, html } = await revenueReport(DB, { outDir: join(dir, 'out-poison') });
    expect(readFileSync(json, 'utf8')).not.toMatch(/9999999|cap-down|demo\/8/);
    expect(readFileSync(html, 'utf8')).not.toMatch(/99,999\.99|cap-down|demo\/8/);
  });

  it('shows money in euros, escapes what comes from the store, and needs nothing from the network', async () => {
    const { html } = await revenueReport(DB, { outDir: join(dir, 'out-html') });
    const page = readFileSync(html, 'utf8');
    expect(page).toContain('€263.50');
    expect(page).toContain('Peeters &amp; Zonen &lt;bv&gt;');
    expect(page).not.toMatch(/<script|<link|@import|url\(|src="http|href="http/i);
    expect(page).toMatch(/Content-Security-Policy" content="default-src 'none'/);
    expect((page.match(/<figure class="chart"/g) ?? []).length).toBe(5);
  });

  it('answers a missing database, a store with no complete run and an incomplete --run with a ReportError, writing nothing', async () => {
    const out = join(dir, 'out-none');
    await expect(revenueReport(join(dir, 'missing.duckdb'), { outDir: out })).rejects.toThrow(/missing\.duckdb: no such database/);
    await expect(revenueReport(EMPTY, { outDir: out })).rejects.toThrow(ReportError);
    await expect(revenueReport(DB, { outDir: out, runId: 'demo/7/cap-down' })).rejects.toThrow(/running, not complete/);
    expect(existsSync(out)).toBe(false);
  });
});

describe('termlab report revenue', () => {
  it('writes the report and says where, the same bytes in Brussels and in Los Angeles', () => {
    const a = join(dir, 'cli-a');
    const b = join(dir, 'cli-b');
    const ra = termlab(['report', 'revenue', '--db', DB, '--out', a], { TZ: 'Europe/Brussels' });
    const rb = termlab(['report', 'revenue', '--db', DB, '--out', b, '--run', 'demo/7/base'], { TZ: 'America/Los_Angeles' });
    expect(ra.stderr).toBe('');
    expect(ra.status).toBe(0);
    expect(ra.stdout).toBe(`Wrote ${join(a, 'revenue.html')} and ${join(a, 'revenue.json')} (run demo/7/base, 1 what-if variant)\n`);
    expect(rb.status).toBe(0);
    expect(readFileSync(join(a, 'revenue.html'), 'utf8')).toBe(readFileSync(join(b, 'revenue.html'), 'utf8'));
    expect(readFileSync(join(a, 'revenue.json'), 'utf8')).toBe(readFileSync(join(b, 'revenue.json'), 'utf8'));
  });

  it('exits 2 with one line when the database is missing', () => {
    const r = termlab(['report', 'revenue', '--db', join(dir, 'nothing.duckdb'), '--out', join(dir, 'cli-x')]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^termlab: .*nothing\.duckdb: no such database \(run `termlab simulate <scenario\.yaml>` first, or pass --db\)\n$/);
  });

  it('exits 2 with one line when no run is complete', () => {
    const r = termlab(['report', 'revenue', '--db', EMPTY, '--out', join(dir, 'cli-y')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('termlab: no complete run in the database (a running or failed run is never reported)\n');
    expect(existsSync(join(dir, 'cli-y'))).toBe(false);
  });

  it('exits 2 on an unknown report or option', () => {
    expect(termlab(['report', 'compliance2', '--db', DB]).stderr).toBe('termlab: report: expected one of revenue, got compliance2\n');
    expect(termlab(['report', 'revenue', '--bogus']).status).toBe(2);
  });
});
