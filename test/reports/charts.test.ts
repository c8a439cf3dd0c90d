/**
 * Golden snapshots of the report's charts, in the manner of Observable Plot's own tests: the SVG is
 * compared with a file under snapshots/, numbers rounded to two decimals and one element per line, so a
 * change in a chart shows as a readable diff. The suite runs in America/Los_Angeles (vitest.config.ts);
 * nothing in a chart may depend on it. `npx vitest run -u test/reports` rewrites the snapshots.
 */
import { describe, expect, it } from 'vitest';
import type { CategoryRevenue, MonthCount } from '../../reports/revenue/queries.ts';
import { categoryChart, eventsChart, euroTick } from '../../reports/revenue/sections.ts';

/** The chart's own SVG (not the legend's swatches), one tag per line, decimals to two places. */
export function normalizeSvg(figure: string): string {
  const svg = /<svg[^>]*class="plot-[\w-]*"[\s\S]*?<\/svg>/.exec(figure)?.[0] ?? '';
  return `${svg
    .replace(/-?\d+\.\d+/g, (n) => String(Math.round(Number(n) * 100) / 100))
    .replace(/></g, '>\n<')}\n`;
}

// The fixture's base run: what queries.test.ts checks revenueByCategory returns.
const BY_CATEGORY: CategoryRevenue[] = [
  { category: 'subscription_fee', lines: 6, amountCents: 23000 },
  { category: 'roaming_usage', lines: 2, amountCents: 1550 },
  { category: 'late_payment', lines: 1, amountCents: 1500 },
  { category: 'international_usage', lines: 1, amountCents: 800 },
  { category: 'credit', lines: 1, amountCents: -500 },
];

describe('charts', () => {
  it('revenue by category: one bar a category, largest first, credits left of zero, each labelled in euros', async () => {
    const figure = categoryChart(BY_CATEGORY).toString();
    expect(figure).toContain('€230.00');
    expect(figure).toContain('-€5.00');
    await expect(normalizeSvg(figure)).toMatchFileSnapshot('./snapshots/revenue-by-category.svg');
  });

  it('suspensions and terminations: one band a month, the year on the first month and on January', () => {
    const rows: MonthCount[] = [
      { month: '2026-01', kind: 'suspension', count: 0 },
      { month: '2026-01', kind: 'termination', count: 0 },
      { month: '2026-02', kind: 'suspension', count: 1 },
      { month: '2026-02', kind: 'termination', count: 1 },
    ];
    const svg = normalizeSvg(eventsChart(rows).toString());
    expect(svg).toContain('>Jan 2026<');
    expect(svg).toContain('>Feb<');
    expect((svg.match(/<rect /g) ?? []).length).toBe(2);
  });

  it('axis ticks are compact euros', () => {
    expect([0, 850, 1200, 12_000, 1_250_000, -20].map(euroTick)).toEqual(['€0', '€850', '€1.2k', '€12k', '€1.25M', '-€20']);
  });
});
