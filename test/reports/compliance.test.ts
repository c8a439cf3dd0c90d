import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DOMParser, parseHTML } from 'linkedom';
import { afterAll, describe, expect, it } from 'vitest';
import type { Difference, EngineOutcome } from '../../src/check/compare.ts';
import { COUNTEREXAMPLE_VERSION, type Counterexample } from '../../src/check/counterexamples.ts';
import { OUTCOME_VERSION, type Outcome, type StatementT } from '../../src/domain/outcome.ts';
import { TIMELINE_VERSION } from '../../src/domain/timeline.ts';
import { CLAUSES } from '../../src/terms/clauses.ts';
import { junitXml, type ComplianceData } from '../../reports/compliance/data.ts';
import { complianceHtml } from '../../reports/compliance/html.ts';
import { QUOTES } from '../../reports/compliance/quotes.ts';
import { excerpt, normalise } from '../../scripts/extract-quotes.ts';

/*
 * The fixture, by hand: four judged clauses.
 *   BASE-D.8.6  failed   the engine charges €50.00 as the indemnity on €300.00 (the terms: €45.00)
 *   CLIC-2.3    failed   the engine does not throttle at 300 GB
 *   CLIC-2.1    passed
 *   BASE-D.8.8  untested
 */
const fee = (issuedOn: string, start: string, end: string) => ({
  category: 'subscription_fee' as const,
  description: 'BASE Plus monthly fee',
  period: { start, end },
  quantity: 1,
  unit: 'event' as const,
  amountCents: 4500,
  clauses: ['BASE-D.8.1'],
  assumed: false,
});

function outcome(statements: StatementT[], decisions: Outcome['decisions'] = []): Outcome {
  const billed = statements.reduce((s, x) => s + x.totalCents, 0);
  return {
    schema: OUTCOME_VERSION,
    subscriber: 'case',
    catalog: 'default',
    periods: [],
    statements,
    decisions,
    usage: [],
    ledger: [],
    balances: { billedCents: billed, owedCents: 0, prepaidCreditCents: 0 },
  };
}

const INDEMNITY_SENTENCE = 'BASE-D.8.6: the indemnity on €300.00 is €45.00 (€30 + 10 % × €150.00); the engine charged €50.00.';
const indemnityDiff: Difference = {
  what: 'category',
  statement: '2026-03-01',
  category: 'late_payment',
  expectedCents: 4500,
  actualCents: 5000,
  clauses: ['BASE-D.8.6'],
  stakeCents: 500,
  sentence: INDEMNITY_SENTENCE,
};
const indemnity: Counterexample = {
  schema: COUNTEREXAMPLE_VERSION,
  id: 'aaaa11112222',
  engine: 'module:engine.ts',
  scenario: 'demo',
  seed: 7,
  path: { index: 3, eventsBefore: 212 },
  clauses: ['BASE-D.8.6'],
  differences: [indemnityDiff],
  timeline: {
    schema: TIMELINE_VERSION,
    subscriber: { id: 'case' },
    contract: { family: 'BASE_SUBSCRIPTION', plan: 'base-plus', start: '2026-01-01', cycleDay: 1, lines: [{ id: 'm1', kind: 'mobile', number: '+32470000001' }], payment: 'manual' },
    until: '2026-04-01',
    events: [
      { type: 'call', at: '2026-01-10T09:00:00Z', line: 'm1', from: 'BE', to: '+32470000002', seconds: 125 },
      { type: 'payment', at: '2026-03-30T08:00:00Z', amountCents: 1000, statement: '2026-02-01' },
    ],
  },
  reference: outcome([
    { index: 0, issuedOn: '2026-02-01', dueOn: '2026-02-15', lines: [fee('2026-02-01', '2026-02-01', '2026-03-01')], totalCents: 4500 },
    {
      index: 1,
      issuedOn: '2026-03-01',
      dueOn: '2026-03-15',
      lines: [
        fee('2026-03-01', '2026-03-01', '2026-04-01'),
        { category: 'late_payment', description: 'Late-payment indemnity on €300.00', period: { start: '2026-02-15', end: '2026-03-01' }, quantity: 1, unit: 'event', amountCents: 4500, clauses: ['BASE-D.8.6'], assumed: false },
      ],
      totalCents: 9000,
    },
  ]),
  engineOutcome: {
    statements: [
      { issuedOn: '2026-02-01', totalCents: 4500, lines: [{ category: 'subscription_fee', amountCents: 4500, period: { start: '2026-02-01', end: '2026-03-01' } }] },
      {
        issuedOn: '2026-03-01',
        totalCents: 9500,
        lines: [
          { category: 'subscription_fee', amountCents: 4500, period: { start: '2026-03-01', end: '2026-04-01' } },
          { category: 'late_payment', amountCents: 5000 },
        ],
      },
    ],
  },
};

const THROTTLE_SENTENCE =
  'CLIC-2.3: the terms require a throttle at 2026-01-20T10:00:00+01:00 on m1 (300 GB reached in Belgium: 512 kbps until the end of the period); the engine made none then.';
const throttle: Counterexample = {
  ...indemnity,
  id: 'bbbb33334444',
  path: { index: 9, eventsBefore: 80 },
  clauses: ['CLIC-2.3'],
  differences: [{ what: 'decision', key: 'throttle|2026-01-20T10:00:00+01:00|m1', clauses: ['CLIC-2.3'], stakeCents: 0, sentence: THROTTLE_SENTENCE }],
  timeline: {
    schema: TIMELINE_VERSION,
    subscriber: { id: 'case' },
    contract: { family: 'CLIC', plan: 'clic-unlimited', start: '2026-01-01', cycleDay: 1, lines: [{ id: 'm1', kind: 'mobile' }] },
    until: '2026-02-01',
    events: [{ type: 'data', at: '2026-01-20T10:00:00+01:00', line: 'm1', from: 'BE', bytes: 300_000_000_001, seconds: 3600 }],
  },
  reference: outcome(
    [{ index: 0, issuedOn: '2026-01-01', dueOn: '2026-01-15', lines: [fee('2026-01-01', '2026-01-01', '2026-02-01')], totalCents: 4500 }],
    [
      { kind: 'alert', at: '2026-01-05T10:00:00+01:00', detail: 'over the plan', clauses: ['BASE-D.6.1.3'], assumed: false },
      { kind: 'throttle', at: '2026-01-20T10:00:00+01:00', line: 'm1', detail: '300 GB reached in Belgium', clauses: ['CLIC-2.3'], assumed: false },
    ],
  ),
  engineOutcome: { statements: [{ issuedOn: '2026-01-01', totalCents: 4500 }], decisions: [] } satisfies EngineOutcome,
};

const verdict = (id: string, status: 'passed' | 'failed' | 'untested', extra: Partial<ComplianceData['clauses'][number]> = {}) => {
  const c = CLAUSES.find((x) => x.id === id)!;
  return { id, treatment: c.treatment, summary: c.summary, exercised: 0, disagreements: 0, stakeCents: 0, status, ...extra };
};

const DATA: ComplianceData = {
  schema: 'termlab.compliance/1',
  engine: 'module:engine.ts',
  scenario: 'demo',
  seed: 7,
  checked: 20,
  agreed: 15,
  faults: [{ index: 4, fault: 'timeout', message: 'no answer within 5000 ms' }],
  replayed: [],
  clauses: [
    verdict('CLIC-2.1', 'passed', { exercised: 10 }),
    verdict('CLIC-2.3', 'failed', { exercised: 3, disagreements: 1, counterexample: throttle.id }),
    verdict('BASE-D.8.6', 'failed', { exercised: 4, disagreements: 2, stakeCents: 500, counterexample: indemnity.id }),
    verdict('BASE-D.8.8', 'untested'),
  ],
  counterexamples: [indemnity, throttle],
};

const html = complianceHtml(DATA);
const { document } = parseHTML(html);
const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('the compliance page', () => {
  it('lists every judged clause with its status, the untested one as untested', () => {
    const rows = [...document.querySelectorAll('table.clauses tbody tr')];
    expect(rows.map((r) => [r.getAttribute('data-clause'), text(r.querySelector('.status'))])).toEqual([
      ['CLIC-2.1', 'passed'],
      ['CLIC-2.3', 'failed'],
      ['BASE-D.8.6', 'failed'],
      ['BASE-D.8.8', 'untested'],
    ]);
    const untested = document.querySelector('tr[data-clause="BASE-D.8.8"]');
    expect(text(untested)).toContain('untested');
    expect(text(untested)).not.toContain('passed');
    expect(text(document.querySelector('tr[data-clause="BASE-D.8.6"]'))).toContain('€5.00');
  });

  it('shows an untested clause as untested in the coverage chart, never as a passed bar', () => {
    const chart = document.querySelector('figure[data-chart="coverage"] svg')!;
    const titles = [...chart.querySelectorAll('title')].map(text);
    expect(titles).toContain('BASE-D.8.8: untested, exercised by 0 case(s)');
    expect(titles.filter((t) => t.startsWith('BASE-D.8.8')).length).toBe(1);
    const bars = [...chart.querySelectorAll('g[aria-label="bar"] rect')];
    expect(bars.map((b) => text(b.querySelector('title')).split(':')[0])).toEqual(['CLIC-2.1', 'CLIC-2.3', 'BASE-D.8.6']);
  });

  it('summarises the run: engine, scenario, seed, cases, faults by kind', () => {
    const summary = text(document.querySelector('#summary'));
    for (const s of ['module:engine.ts', 'demo', '7', '20 cases checked', '15 agree', 'timeout × 1', 'no answer within 5000 ms']) expect(summary).toContain(s);
  });

  it('puts the French text of the clause next to the sentence that names it (BASE-D.8.6)', () => {
    const p = document.querySelector('#cx-aaaa11112222 .explanation')!;
    expect(text(p.querySelector('.sentence'))).toBe(INDEMNITY_SENTENCE);
    const quote = p.querySelector('.quote[data-clause="BASE-D.8.6"] q')!;
    expect(quote.getAttribute('lang')).toBe('fr');
    expect(text(quote)).toBe(QUOTES['BASE-D.8.6']);
    expect(text(quote)).toContain("Les montants qui ne sont pas payés à échéance seront majorés d'une indemnité forfaitaire");
  });

  it('quotes CLIC-2.3 beside the missing throttle', () => {
    const p = document.querySelector('#cx-bbbb33334444 .explanation')!;
    expect(text(p.querySelector('.sentence'))).toBe(THROTTLE_SENTENCE);
    expect(text(p.querySelector('.quote[data-clause="CLIC-2.3"] q'))).toContain('le service concerné sera mis en pause');
  });

  it('highlights the differing lines of the outcomes, and only those', () => {
    const differing = (id: string) =>
      [...document.querySelectorAll(`#cx-${id} table.outcomes tr.differs`)].map((r) => [...r.querySelectorAll('td')].map(text).filter(Boolean).join(' | '));
    expect(differing('aaaa11112222')).toEqual([
      '≠ | Late-payment indemnity on €300.00 2026-02-15 → 2026-03-01 · BASE-D.8.6 | €45.00 | late payment | €50.00',
      '≠ | total | €90.00 | total | €95.00',
    ]);
    expect(differing('bbbb33334444')).toEqual(['≠ | throttle 2026-01-20 10:00:00 CET on m1 300 GB reached in Belgium · CLIC-2.3']);
    const agreeing = text(document.querySelector('#cx-aaaa11112222 table.outcomes'));
    expect(agreeing).toContain('1 statement agrees: 2026-02-01.');
  });

  it('shows the shrunk timeline: the contract, then one row per event in Belgian time', () => {
    const rows = [...document.querySelectorAll('#cx-aaaa11112222 table.timeline tbody tr')].map((r) => [...r.querySelectorAll('td')].map(text));
    expect(rows[0]![1]).toContain('BASE_SUBSCRIPTION plan base-plus');
    expect(rows.slice(1)).toEqual([
      ['1', '2026-01-10 10:00:00 CET', 'call', 'm1', 'BE', '+32470000002', '2 min 05 s'],
      ['2', '2026-03-30 10:00:00 CEST', 'payment', '', '', 'statement of 2026-02-01', '€10.00'],
    ]);
    const data = [...document.querySelectorAll('#cx-bbbb33334444 table.timeline tbody tr')][1]!;
    expect([...data.querySelectorAll('td')].map(text)).toEqual(['1', '2026-01-20 10:00:00 CET', 'data', 'm1', 'BE', '', '300.00 GB in 1 h 00 min 00 s']);
  });

  it('is self-contained: no script, no external resource', () => {
    expect(document.querySelectorAll('script, link, img, iframe').length).toBe(0);
    expect(html).not.toMatch(/\b(src|href)="(https?:)?\/\//);
    expect(html).not.toMatch(/@import|url\(/);
  });
});

describe('the quotes', () => {
  const judged = CLAUSES.filter((c) => c.treatment.includes('rule') || c.treatment.includes('detect'));

  it('quote every rule and detect clause, briefly', () => {
    expect(Object.keys(QUOTES).sort()).toEqual(judged.map((c) => c.id).sort());
    for (const [id, q] of Object.entries(QUOTES)) expect(q.length, id).toBeLessThan(750);
  });

  const seeds = new URL('../../../shared/seeds/', import.meta.url);
  it.skipIf(!existsSync(seeds))('are verbatim from the seeds, whitespace normalised', () => {
    const clic = normalise(readFileSync(new URL('000_340088c4ac9ee206.txt', seeds), 'utf8'));
    const base = normalise(readFileSync(new URL('003_6d4128f30f694e09.txt', seeds), 'utf8'));
    for (const [id, q] of Object.entries(QUOTES))
      for (const part of q.replace(/^\[…\] /, '').split(' […] ')) expect(id.startsWith('CLIC') ? clic : base, id).toContain(part);
  });

  it('fail loudly when the seed no longer holds the words', () => {
    expect(() => excerpt('X-1', 'abc def', { after: 'abc', parts: [['def', 'ghi']] })).toThrow('X-1: "ghi" not found within');
  });
});

describe('the JUnit XML', () => {
  const xml = junitXml(DATA);
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  const cases = [...doc.querySelectorAll('testcase[classname="clauses"]')];

  it('has one test case per judged clause: failures for failed, skipped for untested', () => {
    expect(cases.map((c) => c.getAttribute('name'))).toEqual(['CLIC-2.1 (exercised 10×)', 'CLIC-2.3 (exercised 3×)', 'BASE-D.8.6 (exercised 4×)', 'BASE-D.8.8 (exercised 0×)']);
    const outcome = (c: Element) => (c.querySelector('failure') ? 'failure' : c.querySelector('skipped') ? 'skipped' : 'pass');
    expect(cases.map(outcome)).toEqual(['pass', 'failure', 'failure', 'skipped']);
    expect(cases[2]!.querySelector('failure')!.getAttribute('message')).toBe(INDEMNITY_SENTENCE);
  });

  it('counts the failures and skips in the suite', () => {
    const suite = doc.querySelector('testsuite')!;
    expect(suite.getAttribute('failures')).toBe('3'); // two clauses and the engine fault
    expect(suite.getAttribute('skipped')).toBe('1');
  });
});

const CHROMIUM = '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium && !process.env.CI) console.warn(`SKIPPED: the compliance page browser test: ${CHROMIUM} is absent (apt-get install -y chromium).`);

describe.skipIf(!haveChromium && !process.env.CI)('the compliance page in headless Chromium', () => {
  const dir = mkdtempSync(join(tmpdir(), 'termlab-compliance-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('opens from a file without errors, draws every chart, and fetches nothing', async () => {
    const { chromium } = await import('playwright-core');
    const file = join(dir, 'compliance.html');
    writeFileSync(file, html);
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    try {
      const page = await browser.newPage();
      const problems: string[] = [];
      const requests: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
      });
      page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
      page.on('request', (r) => requests.push(r.url()));
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
      const charts = await page.$$eval('figure.chart', (figs) =>
        figs.map((f) => ({
          chart: f.getAttribute('data-chart'),
          marks: f.querySelectorAll('svg g[aria-label="bar"] rect, svg g[aria-label="dot"] circle').length,
          width: f.querySelector('svg')?.getBoundingClientRect().width ?? 0,
        })),
      );
      expect(charts.map((c) => c.chart)).toEqual(['coverage', 'stake']);
      for (const c of charts) {
        expect(c.marks, c.chart ?? '').toBeGreaterThan(0);
        expect(c.width, c.chart ?? '').toBeGreaterThan(100);
      }
      // To look at the page: TERMLAB_SCREENSHOT=/tmp/compliance.png npx vitest run test/reports/compliance.test.ts
      if (process.env.TERMLAB_SCREENSHOT) {
        writeFileSync(`${process.env.TERMLAB_SCREENSHOT}.html`, html);
        await page.screenshot({ path: process.env.TERMLAB_SCREENSHOT, fullPage: true });
      }
      expect(problems).toEqual([]);
      expect(requests.filter((u) => !u.startsWith('file://'))).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
