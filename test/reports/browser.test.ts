/**
 * The revenue page in a real browser: Debian's chromium (installed by .ci/run), driven by playwright-core,
 * opens the generated file offline. No console error and no page error; every chart figure holds an SVG
 * with marks actually drawn; and no request leaves file:// (the page is self-contained).
 *
 * Without /usr/bin/chromium (or the browser TERMLAB_CHROMIUM names) the test is skipped with a message,
 * except in CI (CI=true), where it fails.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { revenueReport } from '../../reports/revenue/index.ts';
import { createFixtureStore } from './fixture.ts';

const CHROMIUM = process.env.TERMLAB_CHROMIUM ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const present = existsSync(CHROMIUM);
const inCi = process.env.CI === 'true';
const dir = mkdtempSync(join(tmpdir(), 'termlab-report-browser-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

if (!present && !inCi) {
  console.warn(`test/reports/browser.test.ts: skipped: ${CHROMIUM} is missing (apt-get install -y chromium, as .ci/run does)`);
}

describe('the revenue page in chromium', () => {
  if (!present) {
    if (inCi) {
      it(`needs ${CHROMIUM} in CI`, () => {
        expect.fail(`${CHROMIUM} is missing: .ci/run installs Debian's chromium before npm test`);
      });
    } else {
      it.skip(`skipped: ${CHROMIUM} is missing (apt-get install -y chromium)`, () => {});
    }
    return;
  }

  it('opens offline without errors and draws every chart', async () => {
    await createFixtureStore(join(dir, 'store.duckdb'));
    const { html } = await revenueReport(join(dir, 'store.duckdb'), { outDir: join(dir, 'out') });

    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    try {
      const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
      const problems: string[] = [];
      const requests: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
      });
      page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
      page.on('request', (r) => requests.push(r.url()));
      page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));

      const url = pathToFileURL(html).href;
      await page.goto(url, { waitUntil: 'load' });

      const charts = await page.$$eval('figure.chart', (figures) =>
        figures.map((f) => {
          const svg = f.querySelector('svg[class^="plot-"]');
          const marks = svg ? [...svg.querySelectorAll('g[aria-label]:not([aria-label*="axis"]):not([aria-label*="grid"]) :is(rect, path, circle)')] : [];
          const drawn = marks.filter((m) => {
            const box = m.getBoundingClientRect();
            return box.width > 0 || box.height > 0;
          });
          return { label: f.getAttribute('aria-label'), svg: svg !== null, marks: marks.length, drawn: drawn.length };
        }),
      );
      expect(charts.map((c) => c.label)).toEqual([
        'revenue by category',
        'revenue by plan',
        'ARPU distribution',
        'suspensions and terminations by month',
        'what-if deltas by category',
      ]);
      for (const c of charts) {
        expect(c.svg, `${c.label}: an SVG`).toBe(true);
        expect(c.drawn, `${c.label}: marks drawn`).toBeGreaterThan(0);
      }
      expect(await page.title()).toBe('Revenue — demo');
      expect(problems).toEqual([]);
      expect(requests.filter((r) => !r.startsWith('file://'))).toEqual([]);
      expect(requests).toEqual([url]);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
