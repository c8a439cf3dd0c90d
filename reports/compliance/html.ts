import { page, raw } from '../html.ts';
import type { ComplianceData } from './data.ts';
import { chartsSection, clauseTable, counterexamplesSection, summarySection } from './sections.ts';

/**
 * The compliance report: one self-contained page in the reports' shell (reports/html.ts: inline CSS, a
 * Content-Security-Policy that forbids scripts and requests), charts as inline SVG from Observable
 * Plot. Summary, clause coverage, money at stake, the judged clauses, then each counterexample with
 * its explanation, the clause's French text, the shrunk timeline and the two outcomes side by side.
 */
export function complianceHtml(data: ComplianceData): string {
  const failed = data.clauses.filter((c) => c.status === 'failed').length;
  const verdict =
    failed === 0 && data.faults.length === 0 ? 'the engine agrees with the terms' : `the engine disagrees on ${failed} clause${failed === 1 ? '' : 's'}`;
  const nav = raw(
    `<nav class="toc"><a href="#summary">Summary</a><a href="#coverage">Coverage</a><a href="#stake">Money at stake</a><a href="#clauses">Clauses</a><a href="#counterexamples">Counterexamples (${data.counterexamples.length})</a></nav>`,
  );
  const body = [
    summarySection(data),
    chartsSection(data),
    clauseTable(data.clauses),
    counterexamplesSection(data),
    '<footer>Clause ids are those of TERMS.md; the French quotes are excerpts of the contract texts (CLIC special conditions, BASE general conditions), which are the authority. Times are Belgian (CET/CEST).</footer>',
  ].join('\n');
  return page({ title: `Compliance: ${verdict}`, subtitle: nav, style: CSS }, raw(body));
}

const CSS = `
:root { --fg: #1d2329; --line: #dde2e7; --bg-soft: #f5f7f9; --passed: #4e79a7; --failed: #e15759; --untested: #a0a0a0; --diff: #fff1c2; --diff-edge: #e0a800; }
a { color: #1a5fb4; text-decoration: none; }
h4 { margin: 18px 0 6px; font-size: 13px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
a:hover { text-decoration: underline; }
.meta { display: flex; gap: 32px; margin: 16px 0; flex-wrap: wrap; }
.meta dt { color: var(--muted); font-size: 12px; }
.meta dd { margin: 0; font-weight: 600; }
.stats { display: grid; grid-template-columns: repeat(auto-fit, minmax(170px, 1fr)); gap: 12px; }
.stat { border: 1px solid var(--line); border-radius: 6px; padding: 10px 12px; background: var(--bg-soft); }
.stat .value { display: block; font-size: 24px; font-weight: 650; font-variant-numeric: tabular-nums; }
.stat .label { color: var(--muted); font-size: 12px; }
.stat.bad .value { color: #b3261e; }
.ok { color: #2d6a2e; }
.faults li { margin: 2px 0; }
.lede { color: var(--muted); margin: 4px 0 8px; max-width: 80ch; }
.legend { max-width: none; display: flex; gap: 20px; font-size: 12px; color: var(--muted); flex-wrap: wrap; }
.swatch { display: inline-block; width: 11px; height: 11px; border-radius: 2px; margin-right: 6px; vertical-align: -1px; }
figure.chart { margin: 8px 0; overflow-x: auto; }
figure.chart svg { max-width: 100%; height: auto; }
main table.clauses, main table.timeline, main table.outcomes { width: 100%; font-size: 13px; }
main .stats, main .meta { max-width: none; }
th, td { text-align: left; padding: 5px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-size: 12px; color: var(--muted); font-weight: 600; background: var(--bg-soft); border-bottom: 1px solid var(--line); }
table.timeline tbody tr td, table.outcomes tbody tr td { background: none; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
table.clauses td.id { white-space: nowrap; font-weight: 600; }
table.clauses td.summary { color: #3c4043; font-size: 12.5px; max-width: 60ch; }
table.clauses tr[data-status="untested"] td { color: var(--muted); }
table.clauses tr[data-status="failed"] td.id, table.clauses tr[data-status="failed"] td.id a { color: #b3261e; }
.status { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 11.5px; font-weight: 600; color: #fff; white-space: nowrap; }
.status-passed { background: var(--passed); }
.status-failed { background: var(--failed); }
.status-untested { background: #fff; color: #5f6368; border: 1px dashed var(--untested); }
@media print { .counterexample { break-inside: avoid; } }
.counterexample { border: 1px solid var(--line); border-left: 4px solid var(--failed); border-radius: 6px; padding: 4px 18px 16px; margin: 20px 0; }
.counterexample h3 { margin-top: 14px; }
.cx-id { color: var(--muted); font-weight: 400; font-size: 12px; margin-left: 8px; }
.explanation { margin: 10px 0; max-width: none; }
.explanation .sentence { font-weight: 600; font-size: 14.5px; }
.quote { display: block; margin: 6px 0 0; padding: 6px 12px; border-left: 3px solid var(--line); background: var(--bg-soft); color: #3c4043; }
.quote q { font-style: italic; quotes: "« " " »"; }
.quote-id { font-weight: 600; font-size: 11.5px; color: var(--muted); margin-right: 8px; }
.provenance { color: var(--muted); font-size: 12px; max-width: none; }
.provenance code, .nowrap { white-space: nowrap; }
table.timeline td.time { white-space: nowrap; font-variant-numeric: tabular-nums; }
table.timeline tr.contract td { background: var(--bg-soft); }
.muted, .detail { color: var(--muted); font-size: 11.5px; }
table.outcomes { table-layout: fixed; }
table.outcomes col.mark { width: 26px; }
table.outcomes col.amount { width: 92px; }
table.outcomes td.amount { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
table.outcomes td.side .detail { display: block; }
table.outcomes tr.statement td { font-weight: 600; background: var(--bg-soft); }
table.outcomes tr.total td { font-weight: 600; }
table.outcomes td.side + td.amount { border-right: 1px solid var(--line); }
table.outcomes td.mark { color: #9a6700; font-weight: 700; text-align: center; }
table.outcomes tr.differs td { background: var(--diff); }
table.outcomes tr.differs td.mark { box-shadow: inset 3px 0 0 var(--diff-edge); }
`;
