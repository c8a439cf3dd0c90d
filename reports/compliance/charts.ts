import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import type { ClauseVerdict } from './data.ts';
import { euros } from './format.ts';

export type Status = ClauseVerdict['status'];

/** One colour per status, shared by the charts, the legend and the table badges (Tableau 10: colour-blind safe). */
export const STATUS_COLOURS: Readonly<Record<Status, string>> = { passed: '#4e79a7', failed: '#e15759', untested: '#a0a0a0' };
const STATUSES: readonly Status[] = ['passed', 'failed', 'untested'];

const ROW = 17;
const count = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;
const WIDTH = 880;

function svg(options: Plot.PlotOptions): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const el = Plot.plot({ ...options, document: document as unknown as Document }) as unknown as Element;
  el.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  return el.outerHTML;
}

/**
 * Cases exercising each rule/detect clause, in registry order, coloured by status. An untested clause
 * has no bar: it is marked "untested" at zero in grey, never drawn as passed.
 */
export function coverageChart(clauses: readonly ClauseVerdict[]): string {
  const exercised = clauses.filter((c) => c.status !== 'untested');
  const untested = clauses.filter((c) => c.status === 'untested');
  const colour = { domain: [...STATUSES], range: STATUSES.map((s) => STATUS_COLOURS[s]) };
  const label = (c: ClauseVerdict) => (c.status === 'failed' ? `${c.exercised} · ${count(c.disagreements, 'disagreement')}` : `${c.exercised}`);
  const title = (c: ClauseVerdict) => `${c.id}: ${c.status}, exercised by ${c.exercised} case(s)${c.disagreements ? `, ${c.disagreements} disagreement(s)` : ''}`;
  return svg({
    width: WIDTH,
    height: clauses.length * ROW + 50,
    marginLeft: 110,
    marginRight: 150,
    style: { fontSize: '11px' },
    color: colour,
    x: { label: 'cases exercising the clause →', axis: clauses.length > 20 ? 'both' : 'bottom', grid: true, nice: true, domain: [0, Math.max(1, ...clauses.map((c) => c.exercised))] },
    y: { domain: clauses.map((c) => c.id), label: null, padding: 0.2 },
    marks: [
      Plot.barX(exercised, { x: 'exercised', y: 'id', fill: 'status', title }),
      Plot.text(exercised, { x: 'exercised', y: 'id', text: label, dx: 4, textAnchor: 'start', fill: 'status' }),
      Plot.dot(untested, { x: 0, y: 'id', r: 3.5, stroke: 'status', fill: 'white', title }),
      Plot.text(untested, { x: 0, y: 'id', text: () => 'untested', dx: 8, textAnchor: 'start', fill: 'status', fontStyle: 'italic' }),
      Plot.ruleX([0]),
    ],
  });
}

/** Money at stake (|expected − actual| summed over disagreements) per failing clause, largest first. */
export function stakeChart(clauses: readonly ClauseVerdict[]): string {
  const failed = clauses.filter((c) => c.status === 'failed').sort((a, b) => b.stakeCents - a.stakeCents || a.id.localeCompare(b.id));
  const rows = failed.map((c) => ({ id: c.id, euros: c.stakeCents / 100, cents: c.stakeCents, disagreements: c.disagreements }));
  return svg({
    width: WIDTH,
    height: rows.length * 26 + 50,
    marginLeft: 110,
    marginRight: 150,
    style: { fontSize: '11px' },
    x: { label: 'money at stake (€) →', grid: true, nice: true, domain: [0, Math.max(1, ...rows.map((r) => r.euros))] },
    y: { domain: rows.map((r) => r.id), label: null, padding: 0.25 },
    marks: [
      Plot.barX(rows, { x: 'euros', y: 'id', fill: STATUS_COLOURS.failed, title: (r: (typeof rows)[number]) => `${r.id}: ${euros(r.cents)} at stake in ${r.disagreements} disagreement(s)` }),
      Plot.text(rows, {
        x: 'euros',
        y: 'id',
        text: (r: (typeof rows)[number]) => `${euros(r.cents)}${r.cents === 0 ? ' (decisions only)' : ''}`,
        dx: 4,
        textAnchor: 'start',
      }),
      Plot.ruleX([0]),
    ],
  });
}
