/**
 * Audit mode (termlab check --audit): timelines and the statements a real system produced for them,
 * re-rated with the reference model; each difference reported, with the leakage and overcharges.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/domain/catalog.ts';
import { audit } from '../../src/check/audit.ts';
import { DEFAULT_SETTINGS } from '../../src/check/compare.ts';

const catalog = loadCatalog('scenarios/catalogs/default.yaml');
const dir = mkdtempSync(join(tmpdir(), 'termlab-audit-'));

// BASE Light from 2026-01-05 (cycle day 5), one month: the opening statement bills the fee (€10.00,
// BASE-D.8.1), the closing one 2026-02-05 the call beyond the pack: 150 min − 120 min included = 30 min
// × €0.15/min = €4.50 (national_usage, BASE-D.7.1).
const timeline = {
  schema: 'termlab.timeline/1',
  subscriber: { id: 'a-1' },
  contract: { family: 'BASE_SUBSCRIPTION', plan: 'base-light', start: '2026-01-05', cycleDay: 5, lines: [{ id: 'sim-1', kind: 'mobile' }] },
  until: '2026-02-05',
  events: [{ type: 'call', at: '2026-01-10T10:00:00+01:00', line: 'sim-1', from: 'BE', to: '+32470123456', seconds: 9000 }],
};
const timelines = join(dir, 'timelines.jsonl');
writeFileSync(timelines, `${JSON.stringify(timeline)}\n`);
const settings = { ...DEFAULT_SETTINGS, lines: false, decisions: [] };

describe('audit mode (termlab check --audit)', () => {
  it('finds nothing when the system billed what the terms require (BASE-D.8.1, BASE-D.7.1)', () => {
    const csv = join(dir, 'right.csv');
    writeFileSync(csv, 'subscriber,issuedOn,category,amountCents\na-1,2026-01-05,subscription_fee,1000\na-1,2026-02-05,national_usage,450\n');
    const [row] = audit(timelines, csv, catalog, settings);
    expect(row).toMatchObject({ subscriber: 'a-1', referenceCents: 1450, billedCents: 1450, leakageCents: 0, overchargeCents: 0, differences: [] });
  });

  it('reports revenue leakage when the system billed less: €4.50 of overage never billed (BASE-D.7.1)', () => {
    const csv = join(dir, 'leak.csv');
    writeFileSync(csv, 'subscriber,issuedOn,category,amountCents\na-1,2026-01-05,subscription_fee,1000\n');
    const [row] = audit(timelines, csv, catalog, settings);
    // reference 1000 + 450 = 1450; billed 1000: leakage 450
    expect(row!.leakageCents).toBe(450);
    expect(row!.overchargeCents).toBe(0);
    expect(row!.differences.map((d) => [d.statement, d.clauses[0], d.expectedCents, d.actualCents])).toEqual([['2026-02-05', 'BASE-D.7.1', 450, 0]]);
  });

  it('reports an overcharge from JSON lines statements: the fee billed twice (BASE-D.8.1)', () => {
    const jsonl = join(dir, 'over.jsonl');
    const statements = [
      { issuedOn: '2026-01-05', totalCents: 2000, lines: [{ category: 'subscription_fee', amountCents: 2000 }] },
      { issuedOn: '2026-02-05', totalCents: 450, lines: [{ category: 'national_usage', amountCents: 450 }] },
    ];
    writeFileSync(jsonl, `${JSON.stringify({ subscriber: 'a-1', statements })}\n`);
    const [row] = audit(timelines, jsonl, catalog, settings);
    // billed 2000 + 450 = 2450 against 1450: overcharge 1000
    expect(row!.overchargeCents).toBe(1000);
    expect(row!.differences[0]!.sentence).toMatch(/^BASE-D\.8\.1\b.*comes to €10\.00 .*; the engine billed €20\.00\.$/);
  });

  it('through the CLI: exit 1 on a difference, audit.json written; a bad CSV header is exit 2 naming the line', () => {
    const csv = join(dir, 'leak2.csv');
    writeFileSync(csv, 'subscriber,issuedOn,category,amountCents\na-1,2026-01-05,subscription_fee,1000\n');
    const run = (...args: string[]) => spawnSync('node_modules/.bin/tsx', ['src/cli.ts', 'check', ...args], { encoding: 'utf8' });
    const r = run('--audit', timelines, '--statements', csv, '--out', dir);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('revenue leakage €4.50, overcharges €0.00');
    expect(JSON.parse(readFileSync(join(dir, 'audit.json'), 'utf8'))).toMatchObject({ schema: 'termlab.audit/1', leakageCents: 450, overchargeCents: 0 });
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'who,when,what,how much\n');
    const b = run('--audit', timelines, '--statements', bad, '--out', dir);
    expect(b.status).toBe(2);
    expect(b.stdout).toBe('');
    expect(b.stderr).toMatch(/bad\.csv: line 1: expected the header subscriber,issuedOn,category,amountCents/);
  });
});
