import type { Difference } from '../../src/check/compare.ts';
import type { Counterexample } from '../../src/check/counterexamples.ts';
import type { TimelineInput } from '../../src/domain/timeline.ts';
import { coverageChart, stakeChart, STATUS_COLOURS, type Status } from './charts.ts';
import type { ClauseVerdict, ComplianceData } from './data.ts';
import { belgianTime, duration, esc, euros, humanize, volume } from './format.ts';
import { sideBySide, type Cell } from './outcomes.ts';
import { QUOTES } from './quotes.ts';

/** At most this many clauses of one difference are quoted; the sentence names them all. */
const MAX_QUOTES = 3;

const badge = (status: Status) => `<span class="status status-${status}">${status}</span>`;
const pct = (n: number, of: number) => (of === 0 ? '–' : `${((100 * n) / of).toFixed(n === of || n === 0 ? 0 : 1)}\u00a0%`);
const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function summarySection(data: ComplianceData): string {
  const by = (s: Status) => data.clauses.filter((c) => c.status === s).length;
  const disagreeing = data.checked - data.agreed - data.faults.length;
  const faults = new Map<string, Array<ComplianceData['faults'][number]>>();
  for (const f of data.faults) faults.set(f.fault, [...(faults.get(f.fault) ?? []), f]);
  const faultList =
    data.faults.length === 0
      ? '<p class="ok">No engine fault: the engine answered every case.</p>'
      : `<ul class="faults">${[...faults]
          .map(([kind, fs]) => `<li><strong>${esc(humanize(kind))}</strong> × ${fs.length}, e.g. case #${fs[0]!.index}: <code>${esc(fs[0]!.message)}</code></li>`)
          .join('')}</ul>`;
  const stillFailing = data.replayed.filter((r) => r.stillFails).length;
  const replayed =
    data.replayed.length === 0
      ? ''
      : `<p>Stored counterexamples replayed first: ${data.replayed.length} (${stillFailing} still disagree, ${data.replayed.length - stillFailing} now agree).</p>`;
  const stat = (value: string, label: string, cls = '') => `<div class="stat ${cls}"><span class="value">${value}</span> <span class="label">${label}</span></div>`;
  return `<section id="summary">
<dl class="meta"><div><dt>Engine</dt> <dd><code>${esc(data.engine)}</code></dd></div> <div><dt>Scenario</dt> <dd>${esc(data.scenario)}</dd></div> <div><dt>Seed</dt> <dd>${esc(data.seed)}</dd></div></dl>
<div class="stats">
${stat(String(data.checked), 'cases checked')}
${stat(String(data.agreed), `agree with the terms (${pct(data.agreed, data.checked)})`)}
${stat(String(disagreeing), 'disagree', disagreeing > 0 ? 'bad' : '')}
${stat(String(data.faults.length), 'engine faults', data.faults.length > 0 ? 'bad' : '')}
${stat(`${by('passed')} / ${by('failed')} / ${by('untested')}`, `clauses passed / failed / untested, of ${data.clauses.length} judged`)}
</div>
<h3>Engine faults</h3>
${faultList}
${replayed}
</section>`;
}

export function legend(): string {
  const items: Array<[Status, string]> = [
    ['passed', 'exercised, engine agrees'],
    ['failed', 'engine disagrees'],
    ['untested', 'no case exercised it'],
  ];
  return `<p class="legend">${items.map(([s, what]) => `<span><i class="swatch" style="background:${STATUS_COLOURS[s]}"></i>${s}: ${what}</span>`).join('')}</p>`;
}

export function chartsSection(data: ComplianceData): string {
  const failed = data.clauses.some((c) => c.status === 'failed');
  return `<section id="coverage">
<h2>Clause coverage</h2>
<p class="lede">Generated cases whose reference outcome cites each rule or detect clause. A clause no case exercised is <em>untested</em>: the check says nothing about it.</p>
${legend()}
<figure class="chart" data-chart="coverage">${coverageChart(data.clauses)}</figure>
</section>
<section id="stake">
<h2>Money at stake per failing clause</h2>
${
  failed
    ? `<p class="lede">The sum of |expected − actual| over the disagreements citing the clause. A difference citing several clauses counts for each.</p>
<figure class="chart" data-chart="stake">${stakeChart(data.clauses)}</figure>`
    : '<p class="ok">No clause failed: no money at stake.</p>'
}
</section>`;
}

export function clauseTable(clauses: readonly ClauseVerdict[]): string {
  const rows = clauses.map(
    (c) => `<tr data-clause="${esc(c.id)}" data-status="${c.status}">
<td class="id">${c.counterexample ? `<a href="#cx-${esc(c.counterexample)}">${esc(c.id)}</a>` : esc(c.id)}</td>
<td class="summary">${esc(c.summary)}</td>
<td class="num">${c.exercised}</td>
<td class="num">${c.disagreements}</td>
<td class="num">${c.status === 'failed' ? euros(c.stakeCents) : '–'}</td>
<td>${badge(c.status)}</td>
</tr>`,
  );
  return `<section id="clauses">
<h2>Judged clauses</h2>
<table class="clauses">
<thead><tr><th>Clause</th><th>What it says</th><th class="num">Exercised</th><th class="num">Disagreements</th><th class="num">Money at stake</th><th>Status</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
</section>`;
}

export function counterexamplesSection(data: ComplianceData): string {
  if (data.counterexamples.length === 0) return '<section id="counterexamples"><h2>Counterexamples</h2><p class="ok">None: every checked case agrees.</p></section>';
  return `<section id="counterexamples">
<h2>Counterexamples</h2>
<p class="lede">Each is the smallest timeline found that still shows the disagreement, with both outcomes side by side; the rows the check found different are marked ≠.</p>
${data.counterexamples.map(counterexample).join('\n')}
</section>`;
}

function counterexample(c: Counterexample): string {
  const events = c.timeline.events?.length ?? 0;
  return `<article class="counterexample" id="cx-${esc(c.id)}" data-counterexample="${esc(c.id)}">
<h3>${esc(c.clauses.join(', ') || 'no clause')} <span class="cx-id">counterexample ${esc(c.id)}</span></h3>
<div class="explanations">${c.differences.map(explanation).join('\n')}</div>
<p class="provenance">Case #${c.path.index} of ${esc(c.scenario)}, seed ${c.seed}; shrunk from ${count(c.path.eventsBefore, 'event')} to ${events}. Replay: <code>termlab check --engine … --replay &lt;store&gt;/${esc(c.id)}.json</code></p>
<h4>Shrunk timeline</h4>
${timelineTable(c.timeline)}
<h4>Outcomes</h4>
${outcomesTable(c)}
</article>`;
}

/** The difference's sentence, and the French text of the clauses it names, in one explanation. */
export function explanation(d: Difference): string {
  const quoted = d.clauses.filter((id) => QUOTES[id] !== undefined).slice(0, MAX_QUOTES);
  const quotes = quoted
    .map((id) => `<span class="quote" data-clause="${esc(id)}"><span class="quote-id">${esc(id)}</span><q lang="fr">${esc(QUOTES[id]!)}</q></span>`)
    .join('');
  return `<p class="explanation" data-what="${d.what}"><span class="sentence">${esc(d.sentence)}</span>${quotes}</p>`;
}

type EventLike = { readonly type: string; readonly at: string } & Readonly<Record<string, unknown>>;

export function timelineTable(t: TimelineInput): string {
  const rows = (t.events ?? []).map((e, i) => eventRow(e as unknown as EventLike, i));
  return `<table class="timeline">
<thead><tr><th class="num">#</th><th>Time (Belgium)</th><th>Type</th><th>Line</th><th>From</th><th>To</th><th>Quantity</th></tr></thead>
<tbody>
<tr class="contract"><td class="num">–</td><td colspan="6">${contractLine(t)}</td></tr>
${rows.join('\n')}
</tbody>
</table>`;
}

function contractLine(t: TimelineInput): string {
  const k = t.contract;
  const term = k.term?.kind === 'fixed' ? `fixed term of ${count(k.term.months, 'month')}` : 'indefinite term';
  const lines = k.lines.map((l) => `${l.id} (${l.kind}${l.number ? ` ${l.number}` : ''})`).join(', ');
  const parts = [
    `<strong>Contract</strong> ${esc(k.family)} plan <strong>${esc(k.plan)}</strong>${k.options?.length ? ` + ${esc(k.options.join(', '))}` : ''}`,
    term,
    `starts ${esc(k.start)}`,
    `cycle day ${k.cycleDay}`,
    `lines ${esc(lines)}`,
    k.payment === 'manual' ? 'pays manually' : 'pays by direct debit',
    ...(k.device ? [`device discount ${euros(k.device.discountCents)} over ${count(k.device.minimumMonths, 'month')}`] : []),
    ...(k.dataBarred ? ['data barred'] : []),
    `horizon until ${esc(t.until)}`,
  ];
  return parts.join(' · ');
}

function eventRow(e: EventLike, i: number): string {
  const s = (k: string) => (e[k] === undefined ? '' : String(e[k]));
  let type = humanize(e.type);
  let from = s('from');
  let to = s('to');
  let quantity = '';
  switch (e.type) {
    case 'call':
      if (e['direction'] === 'in') type = 'call (incoming)';
      if (e['device'] === 'simbox') type += ' via SIM box';
      if (e['via']) type += ` via Phone2Go ${(e['via'] as { app: string }).app} app`;
      quantity = duration(Number(e['seconds']));
      break;
    case 'sms': {
      const chars = Number(e['characters']);
      const segments = Math.max(1, Math.ceil(chars / 160));
      const recipients = Number(e['recipients'] ?? 1);
      quantity = `${count(segments, 'SMS', 'SMS')} (${count(chars, 'character')})${recipients > 1 ? ` × ${recipients} recipients` : ''}`;
      if (e['device'] === 'simbox') type += ' via SIM box';
      break;
    }
    case 'data':
      quantity = `${volume(Number(e['bytes']))} in ${duration(Number(e['seconds']))}`;
      break;
    case 'top_up':
    case 'payment':
    case 'dispute':
      quantity = e['amountCents'] === undefined ? 'all due' : euros(Number(e['amountCents']));
      to = s('statement') ? `statement of ${s('statement')}` : '';
      if (e['promotional']) type += ' (promotional)';
      if (e['justified']) type += ' (justified)';
      break;
    case 'plan_change':
      to = s('plan');
      if (e['allowedByOperator']) type += ' (allowed by operator)';
      break;
    case 'suspension':
    case 'termination':
      from = `by ${s('by')}`;
      to = s('until') || s('effectiveOn');
      quantity = humanize(s('reason'));
      break;
    case 'phone2go_login':
      from = s('device');
      to = belgianTime(s('until'));
      break;
    case 'change_announced':
      to = `effective ${s('effectiveOn')}`;
      quantity = humanize(s('kind')) + (e['feeChangePercent'] !== undefined ? ` (${s('feeChangePercent')} %)` : '');
      break;
    case 'cpi_indexation':
      quantity = `${s('percent')} %`;
      break;
    case 'abuse_report':
      quantity = humanize(s('kind'));
      break;
    case 'roaming_operator_switch':
      quantity = e['active'] ? 'alternative operator on' : 'back to BASE roaming';
      break;
    case 'sim_lost':
      quantity = s('cause');
      break;
  }
  const recorded = e['recordedAt'] ? `<br><span class="muted">recorded ${esc(belgianTime(String(e['recordedAt'])))}</span>` : '';
  return `<tr><td class="num">${i + 1}</td><td class="time">${esc(belgianTime(e.at))}${recorded}</td><td>${esc(type)}</td><td>${esc(s('line'))}</td><td>${esc(from)}</td><td>${esc(to)}</td><td>${esc(quantity)}</td></tr>`;
}

function cell(c: Cell | undefined): string {
  if (!c) return '<td class="side empty"></td><td class="amount empty"></td>';
  const clauses = c.clauses?.length ? `${c.detail ? ' · ' : ''}${c.clauses.map((id) => `<span class="nowrap">${esc(id)}</span>`).join(', ')}` : '';
  const detail = c.detail || clauses ? ` <span class="detail">${esc(c.detail ?? '')}${clauses}</span>` : '';
  return `<td class="side">${esc(c.text)}${detail}</td><td class="amount">${c.amount ?? ''}</td>`;
}

export function outcomesTable(c: Counterexample): string {
  const rows = sideBySide(c.reference, c.engineOutcome, c.differences);
  const body = rows
    .map((r) => {
      const cls = [r.kind, r.differs ? 'differs' : ''].filter(Boolean).join(' ');
      if (r.kind === 'note') return `<tr class="${cls}"><td class="mark"></td><td colspan="4" class="detail">${esc(r.reference?.text ?? '')}</td></tr>`;
      return `<tr class="${cls}"><td class="mark">${r.differs ? '≠' : ''}</td>${cell(r.reference)}${cell(r.engine)}</tr>`;
    })
    .join('\n');
  return `<table class="outcomes">
<colgroup><col class="mark"><col class="side"><col class="amount"><col class="side"><col class="amount"></colgroup>
<thead><tr><th></th><th colspan="2">What the terms require (reference)</th><th colspan="2">What the engine did</th></tr></thead>
<tbody>
${body}
</tbody>
</table>`;
}
