/**
 * The revenue report's sections: small functions `(rows, options) → Html`. Charts (Observable Plot,
 * rendered to inline SVG with a server-side DOM) where a shape says more than numbers; tables where
 * people want the numbers. Money is shown in euros from integer cents, months as Belgian calendar months.
 */
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { type Cents, formatEuros, roundHalfUp } from '../../src/domain/money.ts';
import { CLAUSE_BY_ID } from '../../src/terms/clauses.ts';
import { type Html, html, raw } from '../html.ts';
import type { CatalogChange } from './catalog-diff.ts';
import {
  type AffectedSubscriber,
  type ArpuBin,
  type ArpuSummary,
  type CategoryDelta,
  type CategoryRevenue,
  type ClauseMoney,
  type Incidence,
  type MonthCount,
  type PrepaidBreakage,
  REVENUE_GROUPS,
  type RevenueGroup,
  type RunInfo,
  type SegmentRevenue,
  type WhatIfDeltas,
} from './queries.ts';

export interface ChartOptions {
  /** Width of the chart in pixels (height follows the data). */
  width?: number;
  /** The DOM Plot renders into; a linkedom document by default. */
  document?: Document;
}

const WIDTH = 760;

export const CATEGORY_LABELS: Readonly<Record<string, string>> = {
  connection_fee: 'Connection fees',
  subscription_fee: 'Subscription fees',
  option_fee: 'Option fees',
  national_usage: 'National usage',
  international_usage: 'International usage',
  roaming_usage: 'Roaming usage',
  special_numbers: 'Special numbers',
  equipment: 'Equipment',
  third_party: 'Third-party services',
  late_payment: 'Late-payment indemnities',
  reactivation_fee: 'Reactivation fees',
  termination_fee: 'Termination fees',
  device_residual: 'Device residual value',
  credit: 'Credits',
};

export const GROUP_LABELS: Readonly<Record<RevenueGroup, string>> = {
  fees: 'Fees',
  usage: 'Usage beyond the pack',
  account: 'Account fees',
  credits: 'Credits',
};

const GROUP_COLORS: Readonly<Record<RevenueGroup, string>> = { fees: '#3b6fb6', usage: '#e39b2d', account: '#7b5ea7', credits: '#9aa5b1' };
const KIND_COLORS = { suspension: '#e39b2d', termination: '#b3261e' } as const;
const UP = '#1a7f4b';
const DOWN = '#b3261e';

// ——— formatting ———

export function euros(cents: number | null): string {
  return cents === null ? '—' : formatEuros(Math.round(cents) as Cents);
}

export function signedEuros(cents: number): string {
  return cents > 0 ? `+${euros(cents)}` : euros(cents);
}

export function integer(n: number): string {
  return String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export function percent(share: number | null, digits = 1): string {
  if (share === null || !Number.isFinite(share)) return '—';
  const text = (share * 100).toFixed(digits);
  return `${Number(text) === 0 ? (0).toFixed(digits) : text}%`;
}

/** Whole euros from €10,000 up (a headline figure), cents below. */
export function headlineEuros(cents: number | null): string {
  if (cents === null || Math.abs(cents) < 1_000_000) return euros(cents);
  return euros(roundHalfUp(cents, 100) * 100).replace(/\.00$/, '');
}

/** Compact euros for chart axes: €850, €12k, €1.2M. */
export function euroTick(value: number): string {
  const sign = value < 0 ? '-' : '';
  const a = Math.abs(value);
  if (a >= 1e6) return `${sign}€${trim(a / 1e6)}M`;
  if (a >= 1e3) return `${sign}€${trim(a / 1e3)}k`;
  return `${sign}€${trim(a)}`;
}

function trim(x: number): string {
  return x >= 100 ? x.toFixed(0) : String(Number(x.toFixed(x >= 10 ? 1 : 2)));
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** '2026-02' → 'Feb 2026'. */
export function monthLabel(month: string): string {
  const [y, m] = month.split('-');
  return `${MONTHS[Number(m) - 1] ?? m} ${y}`;
}

function categoryLabel(category: string): string {
  return CATEGORY_LABELS[category] ?? category;
}

function delta(cents: number): Html {
  return html`<span class="${cents > 0 ? 'up' : cents < 0 ? 'down' : ''}">${signedEuros(cents)}</span>`;
}

// ——— charts ———

let defaultDocument: Document | undefined;

function plotDocument(options: ChartOptions): Document {
  if (options.document) return options.document;
  defaultDocument ??= parseHTML('<!doctype html><html><body></body></html>').document as unknown as Document;
  return defaultDocument;
}

/** Axis label under the middle of the axis, clear of the tick labels. */
const X_LABEL = { labelAnchor: 'center', labelOffset: 34 } as const;

/** Whole-number ticks for counts: every integer up to 10, Plot's own (integer) ticks above. */
function countTicks(max: number): number[] | undefined {
  return max <= 10 ? Array.from({ length: Math.max(max, 1) + 1 }, (_, i) => i) : undefined;
}

function chart(plotOptions: Plot.PlotOptions, options: ChartOptions, caption: string, label: string): Html {
  const element = Plot.plot({
    width: options.width ?? WIDTH,
    marginBottom: 44,
    style: { fontSize: '12px' },
    ...plotOptions,
    document: plotDocument(options),
  });
  return html`<figure class="chart" aria-label="${label}">${raw(element.outerHTML)}<figcaption>${caption}</figcaption></figure>`;
}

function empty(what: string): Html {
  return html`<p class="empty">${what}</p>`;
}

/** Revenue by statement line category as horizontal bars, largest first, each labelled in euros. */
export function categoryChart(rows: readonly CategoryRevenue[], options: ChartOptions = {}): Html {
  if (rows.length === 0) return empty('No statement lines in this run.');
  const data = rows.map((r) => ({ label: categoryLabel(r.category), euros: r.amountCents / 100, text: euros(r.amountCents) }));
  return chart(
    {
      height: 40 + 28 * data.length,
      marginLeft: 170,
      marginRight: 90,
      x: { label: 'Revenue (€)', tickFormat: euroTick, grid: true, nice: true, ...X_LABEL },
      y: { label: null, domain: data.map((d) => d.label) },
      marks: [
        Plot.barX(data, { x: 'euros', y: 'label', fill: (d: (typeof data)[number]) => (d.euros < 0 ? GROUP_COLORS.credits : GROUP_COLORS.fees) }),
        Plot.ruleX([0]),
        Plot.text(data, {
          x: 'euros',
          y: 'label',
          text: 'text',
          textAnchor: 'start',
          dx: 4,
          fill: 'currentColor',
          filter: (d: (typeof data)[number]) => d.euros >= 0,
        }),
        Plot.text(data, { x: 0, y: 'label', text: 'text', textAnchor: 'start', dx: 4, filter: (d: (typeof data)[number]) => d.euros < 0 }),
      ],
    },
    options,
    'Billed amounts by statement line category (BASE-D.8.1); credits are negative.',
    'revenue by category',
  );
}

/** Revenue by plan, stacked by group (fees, usage, account fees, credits). */
export function planChart(rows: readonly SegmentRevenue[], options: ChartOptions = {}): Html {
  const keys = { fees: 'feesCents', usage: 'usageCents', account: 'accountCents', credits: 'creditsCents' } as const;
  const data = rows.flatMap((r) => REVENUE_GROUPS.map((g) => ({ plan: r.key, group: GROUP_LABELS[g], euros: r[keys[g]] / 100 }))).filter((d) => d.euros !== 0);
  if (data.length === 0) return empty('No revenue by plan in this run.');
  return chart(
    {
      height: 60 + 30 * rows.length,
      marginLeft: 130,
      x: { label: 'Revenue (€)', tickFormat: euroTick, grid: true, ...X_LABEL },
      y: { label: null, domain: rows.map((r) => r.key) },
      color: { legend: true, domain: REVENUE_GROUPS.map((g) => GROUP_LABELS[g]), range: REVENUE_GROUPS.map((g) => GROUP_COLORS[g]) },
      marks: [Plot.barX(data, { x: 'euros', y: 'plan', fill: 'group' }), Plot.ruleX([0])],
    },
    options,
    'Revenue by plan: fees, usage beyond the pack, account fees (late payment, reactivation, termination, device) and credits.',
    'revenue by plan',
  );
}

/** The distribution of revenue per subscriber-month, with the ARPU and the median marked. */
export function arpuChart(bins: readonly ArpuBin[], summary: ArpuSummary, options: ChartOptions = {}): Html {
  if (bins.length === 0 || summary.arpuCents === null) return empty('No billed subscriber-month in this run.');
  const data = bins.map((b) => ({ x1: b.fromCents / 100, x2: b.toCents / 100, count: b.count }));
  const mean = [{ at: summary.arpuCents / 100, label: `ARPU ${euros(summary.arpuCents)}` }];
  const median = [{ at: (summary.medianCents ?? 0) / 100, label: `median ${euros(summary.medianCents)}` }];
  const meanFirst = summary.arpuCents >= (summary.medianCents ?? 0);
  const open = bins.at(-1)?.open ? ` The last bar holds every subscriber-month from ${euros(bins.at(-1)!.fromCents)} up (the top 1 %, up to ${euros(summary.maxCents)}).` : '';
  return chart(
    {
      height: 280,
      marginTop: 30,
      marginLeft: 56,
      x: { label: 'Revenue per subscriber-month (€)', tickFormat: euroTick, ...X_LABEL },
      y: { label: null, grid: true, ticks: countTicks(Math.max(...bins.map((b) => b.count))), tickFormat: integer },
      marks: [
        Plot.rectY(data, { x1: 'x1', x2: 'x2', y: 'count', fill: GROUP_COLORS.fees, insetLeft: 0.5, insetRight: 0.5 }),
        Plot.ruleY([0]),
        Plot.ruleX(mean, { x: 'at', stroke: '#1d2329', strokeDasharray: '4,3' }),
        Plot.ruleX(median, { x: 'at', stroke: '#1d2329' }),
        Plot.text(mean, { x: 'at', text: 'label', frameAnchor: 'top', dy: -16, lineAnchor: 'top', textAnchor: meanFirst ? 'start' : 'end', dx: meanFirst ? 3 : -3 }),
        Plot.text(median, { x: 'at', text: 'label', frameAnchor: 'top', dy: -16, lineAnchor: 'top', textAnchor: meanFirst ? 'end' : 'start', dx: meanFirst ? -3 : 3 }),
      ],
    },
    options,
    `Subscriber-months by revenue, in bands of ${euros(bins[0]!.toCents - bins[0]!.fromCents)}: what a subscriber is billed for the service periods starting in a month.${open}`,
    'ARPU distribution',
  );
}

/** Suspensions and terminations by the Belgian month they take effect, stacked. */
export function eventsChart(rows: readonly MonthCount[], options: ChartOptions = {}): Html {
  if (rows.length === 0) return empty('No months in this run.');
  const months = [...new Set(rows.map((r) => r.month))];
  const data = rows.filter((r) => r.count > 0);
  const total = rows.reduce((a, r) => a + r.count, 0);
  const highest = Math.max(...months.map((m) => rows.filter((r) => r.month === m).reduce((a, r) => a + r.count, 0)));
  return chart(
    {
      height: 260,
      marginTop: 24,
      marginBottom: months.length > 24 ? 56 : 30,
      x: { label: null, domain: months, tickFormat: (m: string, i: number) => (i === 0 || m.endsWith('-01') ? monthLabel(m) : monthLabel(m).slice(0, 3)), tickRotate: months.length > 24 ? -45 : 0 },
      y: { label: 'Decisions', grid: true, ticks: countTicks(highest), tickFormat: integer, domain: total === 0 ? [0, 1] : undefined },
      color: { legend: true, domain: ['suspension', 'termination'], range: [KIND_COLORS.suspension, KIND_COLORS.termination] },
      marks: [Plot.barY(data, { x: 'month', y: 'count', fill: 'kind', insetLeft: 2, insetRight: 2 }), Plot.ruleY([0])],
    },
    options,
    total === 0
      ? 'No suspension or termination in this run.'
      : 'Suspensions (BASE-D.10.2, D.10.2.1) and terminations (D.10.3) by the month, in Belgian time, they take effect.',
    'suspensions and terminations by month',
  );
}

/** A what-if variant's revenue deltas by category, gains in green and losses in red. */
export function deltaChart(rows: readonly CategoryDelta[], options: ChartOptions = {}): Html {
  const data = rows.filter((r) => r.deltaCents !== 0).map((r) => ({ label: categoryLabel(r.category), euros: r.deltaCents / 100, text: signedEuros(r.deltaCents) }));
  if (data.length === 0) return empty('No category changes: the variant bills exactly what the base bills.');
  return chart(
    {
      height: 50 + 30 * data.length,
      marginLeft: 170,
      marginRight: 90,
      insetLeft: 80,
      x: { label: 'Change in revenue (€)', tickFormat: euroTick, grid: true, nice: true, ...X_LABEL },
      y: { label: null, domain: data.map((d) => d.label) },
      marks: [
        Plot.barX(data, { x: 'euros', y: 'label', fill: (d: (typeof data)[number]) => (d.euros > 0 ? UP : DOWN) }),
        Plot.ruleX([0]),
        Plot.text(data, { x: 'euros', y: 'label', text: 'text', textAnchor: 'start', dx: 4, filter: (d: (typeof data)[number]) => d.euros > 0 }),
        Plot.text(data, { x: 'euros', y: 'label', text: 'text', textAnchor: 'end', dx: -4, filter: (d: (typeof data)[number]) => d.euros < 0 }),
      ],
    },
    options,
    'Variant minus base, by statement line category; categories that do not change are left out.',
    'what-if deltas by category',
  );
}

// ——— tables and text ———

export interface Headline {
  revenueCents: number;
  subscribers: number;
  arpu: ArpuSummary;
  lapsedCents: number;
  breakage: number | null;
  throttledShare: number | null;
  pausedShare: number | null;
}

/** The figures at the top of the page. */
export function headline(h: Headline): Html {
  const card = (label: string, value: string, note?: string) =>
    html`<div class="card"><div class="label">${label}</div><div class="value">${value}</div>${note ? html`<div class="note">${note}</div>` : ''}</div>`;
  return html`<section class="cards" aria-label="headline figures">
${card('Revenue billed', headlineEuros(h.revenueCents), 'all statement lines, credits deducted')}
${card('Subscribers', integer(h.subscribers))}
${card('ARPU', euros(h.arpu.arpuCents), `per subscriber-month (${integer(h.arpu.subscriberMonths)})`)}
${card('Median month', euros(h.arpu.medianCents), `p10 ${euros(h.arpu.p10Cents)} · p90 ${euros(h.arpu.p90Cents)}`)}
${card('Prepaid breakage', headlineEuros(h.lapsedCents), h.breakage === null ? 'no prepaid top-up' : `${percent(h.breakage)} of credit bought lapsed`)}
${card('Throttled periods', percent(h.throttledShare), `paused: ${percent(h.pausedShare)}`)}
</section>`;
}

/** The run (and the base its variants are compared with) as a small table. */
export function runTable(run: Omit<RunInfo, 'catalogJson'>, options: { base?: string } = {}): Html {
  const row = (label: string, value: Html | string) => html`<tr><th scope="row">${label}</th><td>${value}</td></tr>`;
  return html`<table class="run">
<tbody>
${row('Run', html`<code>${run.runId}</code>`)}
${row('Scenario', html`${run.scenario} (<code>${run.scenarioFile}</code>), seed ${String(run.seed)}, variant ${run.variant}`)}
${row('Population', `${integer(run.population)} subscribers over ${run.months} months from ${run.startDate}`)}
${row('Catalog', run.catalog)}
${options.base && options.base !== run.runId ? row('Base run', html`<code>${options.base}</code>`) : ''}
${row('termlab', run.termlabVersion)}
</tbody>
</table>`;
}

/** Revenue by category as numbers, with each category's share of the total. */
export function categoryTable(rows: readonly CategoryRevenue[]): Html {
  if (rows.length === 0) return empty('No statement lines in this run.');
  const total = rows.reduce((a, r) => a + r.amountCents, 0);
  return html`<table>
<thead><tr><th>Category</th><th class="num">Lines</th><th class="num">Revenue</th><th class="num">Share</th></tr></thead>
<tbody>
${rows.map((r) => html`<tr><td>${categoryLabel(r.category)}</td><td class="num">${integer(r.lines)}</td><td class="num">${euros(r.amountCents)}</td><td class="num">${percent(total === 0 ? null : r.amountCents / total)}</td></tr>\n`)}
</tbody>
<tfoot><tr><td>Total</td><td class="num">${integer(rows.reduce((a, r) => a + r.lines, 0))}</td><td class="num">${euros(total)}</td><td></td></tr></tfoot>
</table>`;
}

/** Revenue by plan or persona as numbers: subscribers, subscriber-months, revenue by group, ARPU. */
export function segmentTable(rows: readonly SegmentRevenue[], options: { label: string }): Html {
  if (rows.length === 0) return empty('No subscribers in this run.');
  const sum = (f: (r: SegmentRevenue) => number) => rows.reduce((a, r) => a + f(r), 0);
  const months = sum((r) => r.subscriberMonths);
  const amount = sum((r) => r.amountCents);
  return html`<table>
<thead><tr><th>${options.label}</th><th class="num">Subscribers</th><th class="num">Subscriber-months</th><th class="num">Fees</th><th class="num">Usage</th><th class="num">Account fees</th><th class="num">Credits</th><th class="num">Revenue</th><th class="num">ARPU</th></tr></thead>
<tbody>
${rows.map(
  (r) => html`<tr><td>${r.key}</td><td class="num">${integer(r.subscribers)}</td><td class="num">${integer(r.subscriberMonths)}</td><td class="num">${euros(r.feesCents)}</td><td class="num">${euros(r.usageCents)}</td><td class="num">${euros(r.accountCents)}</td><td class="num">${euros(r.creditsCents)}</td><td class="num">${euros(r.amountCents)}</td><td class="num">${euros(r.arpuCents)}</td></tr>\n`,
)}
</tbody>
<tfoot><tr><td>All</td><td class="num">${integer(sum((r) => r.subscribers))}</td><td class="num">${integer(months)}</td><td class="num">${euros(sum((r) => r.feesCents))}</td><td class="num">${euros(sum((r) => r.usageCents))}</td><td class="num">${euros(sum((r) => r.accountCents))}</td><td class="num">${euros(sum((r) => r.creditsCents))}</td><td class="num">${euros(amount)}</td><td class="num">${euros(months > 0 ? roundHalfUp(amount, months) : null)}</td></tr></tfoot>
</table>`;
}

/** ARPU and the quantiles of revenue per subscriber-month. */
export function arpuTable(s: ArpuSummary): Html {
  const cells: [string, number | null][] = [
    ['Min', s.minCents], ['p10', s.p10Cents], ['p25', s.p25Cents], ['Median', s.medianCents], ['p75', s.p75Cents], ['p90', s.p90Cents], ['p99', s.p99Cents], ['Max', s.maxCents], ['ARPU (mean)', s.arpuCents],
  ];
  return html`<table>
<thead><tr>${cells.map(([l]) => html`<th class="num">${l}</th>`)}</tr></thead>
<tbody><tr>${cells.map(([, v]) => html`<td class="num">${euros(v)}</td>`)}</tr></tbody>
</table>`;
}

/** Prepaid credit by plan: bought, used, lapsed (breakage) and refunded. */
export function prepaidTable(rows: readonly PrepaidBreakage[]): Html {
  if (rows.length === 0) return empty('No prepaid subscriber in this run.');
  return html`<table>
<thead><tr><th>Plan</th><th class="num">Subscribers</th><th class="num">Topped up</th><th class="num">Used</th><th class="num">Lapsed</th><th class="num">Refunded</th><th class="num">Breakage</th></tr></thead>
<tbody>
${rows.map(
  (r) => html`<tr><td>${r.plan}</td><td class="num">${integer(r.subscribers)}</td><td class="num">${euros(r.toppedUpCents)}</td><td class="num">${euros(r.usedCents)}</td><td class="num">${euros(r.lapsedCents)}</td><td class="num">${euros(r.refundedCents)}</td><td class="num">${percent(r.breakage)}</td></tr>\n`,
)}
</tbody>
</table>`;
}

/** Throttling and pause incidence by plan, as shares of subscriber-periods. */
export function incidenceTable(rows: readonly Incidence[]): Html {
  if (rows.length === 0) return empty('No billing periods in this run.');
  const share = (n: number, d: number) => percent(d === 0 ? null : n / d);
  const row = (r: Incidence) =>
    html`<td class="num">${integer(r.subscriberPeriods)}</td><td class="num">${integer(r.throttled)}</td><td class="num">${share(r.throttled, r.subscriberPeriods)}</td><td class="num">${integer(r.paused)}</td><td class="num">${share(r.paused, r.subscriberPeriods)}</td>`;
  const all = rows.find((r) => r.plan === '(all)');
  return html`<table>
<thead><tr><th>Plan</th><th class="num">Subscriber-periods</th><th class="num">Throttled</th><th class="num">Share</th><th class="num">Paused</th><th class="num">Share</th></tr></thead>
<tbody>
${rows.filter((r) => r !== all).map((r) => html`<tr><td>${r.plan}</td>${row(r)}</tr>\n`)}
</tbody>
${all ? html`<tfoot><tr><td>All</td>${row(all)}</tr></tfoot>` : ''}
</table>`;
}

/** The clauses that moved the most money, with what each says. */
export function clausesTable(rows: readonly ClauseMoney[]): Html {
  if (rows.length === 0) return empty('No statement lines in this run.');
  const summary = (id: string) => {
    const text = CLAUSE_BY_ID.get(id)?.summary ?? '';
    if (text.length <= 110) return text;
    const cut = text.slice(0, 108);
    return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 60)).replace(/[\s,;:(]+$/, '')}…`;
  };
  return html`<table>
<thead><tr><th>Clause</th><th>What it says</th><th class="num">Lines</th><th class="num">Net</th><th class="num">Moved</th></tr></thead>
<tbody>
${rows.map(
  (r) => html`<tr><td><code>${r.clause}</code></td><td class="muted">${summary(r.clause)}</td><td class="num">${integer(r.lines)}</td><td class="num">${euros(r.netCents)}</td><td class="num">${euros(r.grossCents)}</td></tr>\n`,
)}
</tbody>
</table>`;
}

export interface VariantSummary {
  run: RunInfo;
  changes: readonly CatalogChange[];
  deltas: WhatIfDeltas;
}

function changeText(c: CatalogChange): string {
  const show = (v: unknown) => (v === undefined ? '(none)' : typeof v === 'string' ? v : JSON.stringify(v));
  return `${c.path}: ${show(c.base)} → ${show(c.variant)}`;
}

/** One row per what-if variant: what it changes and what that does to revenue. */
export function whatIfTable(variants: readonly VariantSummary[]): Html {
  return html`<table>
<thead><tr><th>Variant</th><th>Catalog changes</th><th class="num">Base revenue</th><th class="num">Variant revenue</th><th class="num">Change</th><th class="num">Change %</th><th class="num">Subscribers affected</th></tr></thead>
<tbody>
${variants.map(
  (v) => html`<tr><td><code>${v.run.variant}</code></td><td>${v.changes.length === 0 ? html`<span class="muted">none in the catalog</span>` : v.changes.slice(0, 6).map((c, i) => html`${i ? html`<br>` : ''}<code>${changeText(c)}</code>`)}${v.changes.length > 6 ? html`<br><span class="muted">and ${v.changes.length - 6} more</span>` : ''}</td><td class="num">${euros(v.deltas.baseCents)}</td><td class="num">${euros(v.deltas.variantCents)}</td><td class="num">${delta(v.deltas.deltaCents)}</td><td class="num">${v.deltas.deltaCents > 0 ? '+' : ''}${percent(v.deltas.baseCents === 0 ? null : v.deltas.deltaCents / Math.abs(v.deltas.baseCents))}</td><td class="num">${integer(v.deltas.subscribersChanged)} of ${integer(v.deltas.subscribers)}</td></tr>\n`,
)}
</tbody>
</table>`;
}

/** A variant's deltas by category as numbers. */
export function deltaTable(rows: readonly CategoryDelta[]): Html {
  const changed = rows.filter((r) => r.deltaCents !== 0);
  if (changed.length === 0) return empty('No category changes.');
  return html`<table>
<thead><tr><th>Category</th><th class="num">Base</th><th class="num">Variant</th><th class="num">Change</th></tr></thead>
<tbody>
${changed.map((r) => html`<tr><td>${categoryLabel(r.category)}</td><td class="num">${euros(r.baseCents)}</td><td class="num">${euros(r.variantCents)}</td><td class="num">${delta(r.deltaCents)}</td></tr>\n`)}
</tbody>
</table>`;
}

/** The subscribers whose bill moves most under a variant. */
export function mostAffectedTable(rows: readonly AffectedSubscriber[]): Html {
  if (rows.length === 0) return empty('No subscriber is billed differently.');
  return html`<table>
<thead><tr><th>Subscriber</th><th>Name</th><th>Persona</th><th>Plan</th><th class="num">Base</th><th class="num">Variant</th><th class="num">Change</th></tr></thead>
<tbody>
${rows.map(
  (r) => html`<tr><td><code>${r.subscriberId}</code></td><td>${r.name ?? ''}${r.company ? html` <span class="muted">(${r.company})</span>` : ''}</td><td>${r.persona}</td><td>${r.plan}</td><td class="num">${euros(r.baseCents)}</td><td class="num">${euros(r.variantCents)}</td><td class="num">${delta(r.deltaCents)}</td></tr>\n`,
)}
</tbody>
</table>`;
}
