/**
 * The revenue report: `revenueReport(dbPath, { runId, outDir })` reads a simulation store, describes one
 * complete run (revenue by plan, persona and category, ARPU, prepaid breakage, throttling and pause
 * incidence, suspensions and terminations, the clauses that move money) and compares each what-if
 * variant of its scenario and seed with the base. It writes `revenue.html` (self-contained) and
 * `revenue.json` (the same figures, amounts in integer cents) atomically into `outDir`.
 *
 * The output depends only on the store: no clock, no machine zone, so the same store gives the same bytes.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { type Html, html, page } from '../html.ts';
import { openStore } from '../db.ts';
import { type CatalogChange, catalogChanges } from './catalog-diff.ts';
import * as q from './queries.ts';
import * as s from './sections.ts';

export const REVENUE_REPORT_VERSION = 'termlab.revenue-report/1';
export const DEFAULT_OUT_DIR = join('out', 'reports');

export interface VariantReport {
  run: q.RunInfo;
  changes: CatalogChange[];
  deltas: q.WhatIfDeltas;
  mostAffected: q.AffectedSubscriber[];
}

export interface RevenueReport {
  schema: typeof REVENUE_REPORT_VERSION;
  run: Omit<q.RunInfo, 'catalogJson'>;
  totals: { revenueCents: number; subscribers: number };
  byCategory: q.CategoryRevenue[];
  byPlan: q.SegmentRevenue[];
  byPersona: q.SegmentRevenue[];
  arpu: q.ArpuSummary;
  arpuDistribution: q.ArpuBin[];
  prepaid: q.PrepaidBreakage[];
  incidence: q.Incidence[];
  suspensionsAndTerminations: q.MonthCount[];
  clauses: q.ClauseMoney[];
  /** The experiment: each complete variant of the run's scenario and seed against the base. */
  whatIf: { base: string; variants: VariantReport[] } | null;
}

/** Every figure of the report for the chosen run, from the store. */
export async function buildRevenueReport(conn: DuckDBConnection, selection: q.RunSelection): Promise<RevenueReport> {
  const runId = selection.run.runId;
  const arpu = await q.arpu(conn, runId);
  const byPlan = await q.revenueByPlan(conn, runId);
  const variants: VariantReport[] = [];
  const base = selection.base;
  if (base) {
    for (const v of selection.variants) {
      variants.push({
        run: v,
        changes: catalogChanges(base.catalogJson, v.catalogJson),
        deltas: await q.whatIfDeltas(conn, base.runId, v.runId),
        mostAffected: await q.mostAffected(conn, base.runId, v.runId),
      });
    }
  }
  const { catalogJson: _catalog, ...run } = selection.run;
  return {
    schema: REVENUE_REPORT_VERSION,
    run,
    totals: { revenueCents: arpu.revenueCents, subscribers: byPlan.reduce((a, r) => a + r.subscribers, 0) },
    byCategory: await q.revenueByCategory(conn, runId),
    byPlan,
    byPersona: await q.revenueByPersona(conn, runId),
    arpu,
    arpuDistribution: await q.arpuDistribution(conn, runId, arpu),
    prepaid: await q.prepaidBreakage(conn, runId),
    incidence: await q.throttlePauseIncidence(conn, runId),
    suspensionsAndTerminations: await q.suspensionsAndTerminations(conn, runId),
    clauses: await q.clausesByMoney(conn, runId),
    whatIf: base && variants.length > 0 ? { base: base.runId, variants } : null,
  };
}

const SECTIONS = [
  ['revenue', 'Revenue'],
  ['plans', 'Plans'],
  ['personas', 'Personas'],
  ['arpu', 'ARPU'],
  ['prepaid', 'Prepaid'],
  ['throttling', 'Throttling and pauses'],
  ['lifecycle', 'Suspensions and terminations'],
  ['clauses', 'Clauses'],
  ['what-if', 'What-if'],
] as const;

/** The report as a self-contained HTML page. */
export function renderRevenueHtml(report: RevenueReport, options: s.ChartOptions = {}): string {
  const all = report.incidence.find((r) => r.plan === '(all)');
  const lapsed = report.prepaid.reduce((a, r) => a + r.lapsedCents, 0);
  const toppedUp = report.prepaid.reduce((a, r) => a + r.toppedUpCents, 0);
  const section = (id: string, title: string, body: Html) => html`<section id="${id}"><h2>${title}</h2>\n${body}\n</section>\n`;
  const body = html`<nav class="toc">${SECTIONS.filter(([id]) => id !== 'what-if' || report.whatIf).map(([id, t]) => html`<a href="#${id}">${t}</a>`)}</nav>
${s.headline({
  revenueCents: report.totals.revenueCents,
  subscribers: report.totals.subscribers,
  arpu: report.arpu,
  lapsedCents: lapsed,
  breakage: toppedUp > 0 ? lapsed / toppedUp : null,
  throttledShare: all && all.subscriberPeriods > 0 ? all.throttled / all.subscriberPeriods : null,
  pausedShare: all && all.subscriberPeriods > 0 ? all.paused / all.subscriberPeriods : null,
})}
${s.runTable(report.run, { base: report.whatIf?.base })}
${section('revenue', 'Revenue by category', html`<p>What the statements bill, by the headings of BASE-D.8.1 and the money the account's life adds. Prepaid credit is never invoiced (BASE-A) and is shown under Prepaid.</p>
${s.categoryChart(report.byCategory, options)}
${s.categoryTable(report.byCategory)}`)}
${section('plans', 'Revenue by plan', html`${s.planChart(report.byPlan, options)}
${s.segmentTable(report.byPlan, { label: 'Plan' })}`)}
${section('personas', 'Revenue by persona', html`<p>A subscriber with several personas counts once, under their joined name.</p>
${s.segmentTable(report.byPersona, { label: 'Persona' })}`)}
${section('arpu', 'ARPU and its distribution', html`<p>A subscriber-month is a subscriber and a calendar month in which one of their billed service periods starts; ARPU is the revenue divided by the subscriber-months (prepaid months, never invoiced, are not counted).</p>
${s.arpuChart(report.arpuDistribution, report.arpu, options)}
${s.arpuTable(report.arpu)}`)}
${section('prepaid', 'Prepaid breakage', html`<p>Credit bought and never used: it lapses twelve months after purchase or when the number is withdrawn (BASE-B.2.2), or is replaced when a change makes it unusable (BASE-D.11.4); a refund (BASE-B.1.2.3) is not breakage.</p>
${s.prepaidTable(report.prepaid)}`)}
${section('throttling', 'Throttling and pause incidence', html`<p>The share of subscriber-periods (a subscriber and one billing period) with at least one throttle (CLIC-2.1, CLIC-2.3: 512 kbps) or pause (CLIC-2.3: the service stops until the period ends).</p>
${s.incidenceTable(report.incidence)}`)}
${section('lifecycle', 'Suspensions and terminations over time', s.eventsChart(report.suspensionsAndTerminations, options))}
${section('clauses', 'The clauses that move the most money', html`<p>Each statement line counts for every clause it cites, so the column does not add up to the revenue. <em>Moved</em> adds amounts either way (credits too); <em>net</em> keeps their sign.</p>
${s.clausesTable(report.clauses)}`)}
${report.whatIf ? section('what-if', 'What-if variants', whatIfBody(report.whatIf, options)) : ''}
<footer>termlab ${report.run.termlabVersion} · run <code>${report.run.runId}</code> · amounts in euros, computed from integer cents · months and days in Belgian time (Europe/Brussels) · the same figures are in revenue.json</footer>`;
  return page(
    {
      title: `Revenue — ${report.run.scenario}`,
      subtitle: html`Run <code>${report.run.runId}</code>: ${s.integer(report.run.population)} simulated subscribers, ${report.run.months} months from ${report.run.startDate}, catalog ${report.run.catalog}`,
    },
    body,
  );
}

function whatIfBody(whatIf: NonNullable<RevenueReport['whatIf']>, options: s.ChartOptions): Html {
  return html`<p>Each variant runs the same simulated population as the base <code>${whatIf.base}</code> (same scenario, same seed: common random numbers), with its catalog changes; the differences are the changes' doing.</p>
${s.whatIfTable(whatIf.variants)}
${whatIf.variants.map(
  (v) => html`<h3>Variant <code>${v.run.variant}</code> against the base</h3>
${s.deltaChart(v.deltas.byCategory, options)}
${s.deltaTable(v.deltas.byCategory)}
<p>The subscribers whose bill moves most (largest absolute difference of billed amount over the horizon):</p>
${s.mostAffectedTable(v.mostAffected)}
`,
)}`;
}

export interface RevenueReportOptions {
  /** The run to describe; the latest complete base run when absent. */
  runId?: string;
  /** Where revenue.html and revenue.json go; `out/reports` by default. */
  outDir?: string;
}

export interface RevenueReportFiles {
  /** Path of the HTML page written. */
  html: string;
  /** Path of the JSON written. */
  json: string;
  report: RevenueReport;
}

/**
 * Reads the store at `dbPath`, writes revenue.html and revenue.json into `outDir`, each through a temporary
 * file renamed into place, so a reader never sees half a file. Throws ReportError (a missing database,
 * no complete run, an unknown or incomplete --run) before writing anything.
 */
export async function revenueReport(dbPath: string, options: RevenueReportOptions = {}): Promise<RevenueReportFiles> {
  const store = await openStore(dbPath);
  let report: RevenueReport;
  try {
    report = await buildRevenueReport(store.conn, await q.chooseRuns(store.conn, options.runId));
  } finally {
    store.close();
  }
  const outDir = options.outDir ?? DEFAULT_OUT_DIR;
  mkdirSync(outDir, { recursive: true });
  const files = { html: join(outDir, 'revenue.html'), json: join(outDir, 'revenue.json') };
  const texts = { html: renderRevenueHtml(report), json: `${JSON.stringify(report, null, 2)}\n` };
  const tmp = { html: `${files.html}.tmp-${process.pid}`, json: `${files.json}.tmp-${process.pid}` };
  try {
    writeFileSync(tmp.json, texts.json);
    writeFileSync(tmp.html, texts.html);
    renameSync(tmp.json, files.json);
    renameSync(tmp.html, files.html);
  } finally {
    rmSync(tmp.json, { force: true });
    rmSync(tmp.html, { force: true });
  }
  return { ...files, report };
}
