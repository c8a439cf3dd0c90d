import type { Difference, EngineOutcome } from '../../src/check/compare.ts';
import type { Outcome } from '../../src/domain/outcome.ts';
import { belgianTime, euros, humanize } from './format.ts';

/** One side of a row: what it says, its amount if any, and a muted detail (period, clauses). */
export interface Cell {
  readonly text: string;
  readonly amount?: string;
  readonly detail?: string;
  /** Clause ids the reference cites for it. */
  readonly clauses?: readonly string[];
}

/** A row of the two outcomes side by side; `differs` when a Difference of the check names it. */
export interface SideRow {
  readonly kind: 'statement' | 'line' | 'total' | 'decision' | 'note';
  readonly reference?: Cell;
  readonly engine?: Cell;
  readonly differs: boolean;
}

type EngineLine = NonNullable<EngineOutcome['statements'][number]['lines']>[number];
type Keyed = { category: string; tariff?: string | undefined; period?: { start: string; end: string } | undefined };

const lineKey = (l: Keyed) => `${l.category}|${l.tariff ?? ''}|${l.period?.start ?? ''}|${l.period?.end ?? ''}`;
const decisionSig = (d: { kind: string; at: string; line?: string | undefined }) => `${d.kind}|${Date.parse(d.at)}|${d.line ?? ''}`;
const period = (p: { start: string; end: string } | undefined) => (p ? `${p.start} → ${p.end}` : undefined);

/**
 * The reference outcome and the engine's, aligned row by row: statements by issue date, their lines by
 * category and line key, then the compared decisions in time. A row differs exactly when one of the
 * check's differences names it (a whole statement, a category, a line key, a total, a decision), so the
 * page highlights what the check judged, not what merely looks different. Statements that agree fold
 * into one note row, so the rows that matter stay in view.
 */
export function sideBySide(reference: Outcome, engine: EngineOutcome, differences: readonly Difference[]): SideRow[] {
  const wholeStatements = new Set(differences.filter((d) => d.what === 'statement').map((d) => d.statement));
  const categories = new Set(differences.filter((d) => d.what === 'category').map((d) => `${d.statement}|${d.category}`));
  const lineKeys = new Set(differences.filter((d) => d.what === 'line').map((d) => `${d.statement}|${d.key}`));
  const totals = new Set(differences.filter((d) => d.what === 'total').map((d) => d.statement));
  const partly = new Set(differences.filter((d) => d.what === 'category' || d.what === 'line').map((d) => d.statement));

  const groups: Array<{ issuedOn: string; rows: SideRow[] }> = [];
  const issued = [...reference.statements.map((s) => s.issuedOn), ...engine.statements.map((s) => s.issuedOn)].filter((d, i, all) => all.indexOf(d) === i);
  for (const issuedOn of issued) {
    const ref = reference.statements.find((s) => s.issuedOn === issuedOn);
    const eng = engine.statements.find((s) => s.issuedOn === issuedOn);
    const whole = wholeStatements.has(issuedOn);
    const rows: SideRow[] = [];
    groups.push({ issuedOn, rows });
    rows.push({
      kind: 'statement',
      reference: ref ? { text: `Statement of ${issuedOn}`, detail: `due ${ref.dueOn}` } : { text: `no statement on ${issuedOn}` },
      engine: { text: eng ? `Statement of ${issuedOn}` : `no statement on ${issuedOn}` },
      differs: whole,
    });
    const refLines = ref?.lines ?? [];
    const engLines: readonly EngineLine[] = eng?.lines ?? [];
    const categoriesInOrder = [...refLines, ...engLines].map((l) => l.category).filter((c, i, all) => all.indexOf(c) === i);
    for (const category of categoriesInOrder) {
      const r = refLines.filter((l) => l.category === category);
      const e = engLines.filter((l) => l.category === category);
      const categoryDiffers = whole || categories.has(`${issuedOn}|${category}`);
      for (const [rl, el] of pairLines(r, e)) {
        const differs = categoryDiffers || (rl !== undefined && lineKeys.has(`${issuedOn}|${lineKey(rl)}`)) || (el !== undefined && lineKeys.has(`${issuedOn}|${lineKey(el)}`));
        rows.push({
          kind: 'line',
          ...(rl ? { reference: { text: rl.description, amount: euros(rl.amountCents), detail: period(rl.period)!, clauses: rl.clauses } } : {}),
          ...(el ? { engine: { text: humanize(el.category) + (el.tariff ? ` (${el.tariff})` : ''), amount: euros(el.amountCents), ...(el.period ? { detail: period(el.period)! } : {}) } } : {}),
          differs,
        });
      }
    }
    const refTotal = ref?.totalCents;
    const engTotal = eng ? (eng.lines ? eng.lines.reduce((s, l) => s + l.amountCents, 0) : eng.totalCents) : undefined;
    rows.push({
      kind: 'total',
      ...(refTotal !== undefined ? { reference: { text: 'total', amount: euros(refTotal) } } : {}),
      ...(engTotal !== undefined ? { engine: { text: 'total', amount: euros(engTotal) } } : {}),
      differs: whole || totals.has(issuedOn) || (partly.has(issuedOn) && refTotal !== engTotal),
    });
  }
  const decisions = decisionRows(reference, engine, differences);
  const anyDiffers = [...groups.flatMap((g) => g.rows), ...decisions].some((r) => r.differs);
  return [...(anyDiffers ? collapseAgreeing(groups) : groups.flatMap((g) => g.rows)), ...decisions];
}

/** Statements with no differing row fold into one note per run of them ("3 statements agree: …"). */
function collapseAgreeing(groups: ReadonlyArray<{ issuedOn: string; rows: SideRow[] }>): SideRow[] {
  const out: SideRow[] = [];
  let run: string[] = [];
  const flush = () => {
    if (run.length === 0) return;
    const dates = run.length <= 3 ? run.join(', ') : `${run[0]} to ${run[run.length - 1]}`;
    out.push({ kind: 'note', reference: { text: `${run.length === 1 ? '1 statement agrees' : `${run.length} statements agree`}: ${dates}.` }, differs: false });
    run = [];
  };
  for (const g of groups) {
    if (g.rows.some((r) => r.differs)) {
      flush();
      out.push(...g.rows);
    } else run.push(g.issuedOn);
  }
  flush();
  return out;
}

/** Lines of one category, paired: same line key first, then what is left in order. */
function pairLines<R extends Keyed, E extends Keyed>(refs: readonly R[], engs: readonly E[]): Array<[R | undefined, E | undefined]> {
  const left = [...engs];
  const pairs: Array<[R | undefined, E | undefined]> = [];
  const unpaired: R[] = [];
  for (const r of refs) {
    const i = left.findIndex((e) => lineKey(e) === lineKey(r));
    if (i >= 0) pairs.push([r, left.splice(i, 1)[0]]);
    else unpaired.push(r);
  }
  for (const r of unpaired) pairs.push([r, left.shift()]);
  for (const e of left) pairs.push([undefined, e]);
  return pairs;
}

function decisionRows(reference: Outcome, engine: EngineOutcome, differences: readonly Difference[]): SideRow[] {
  const decisionDiffs = new Set(differences.filter((d) => d.what === 'decision').map((d) => d.key));
  const engD = engine.decisions ?? [];
  const kinds = new Set([...engD.map((d) => d.kind), ...[...decisionDiffs].map((k) => k?.split('|')[0])]);
  const refD = reference.decisions.filter((d) => kinds.has(d.kind));
  const unmatchedEng = [...engD];
  type Pair = { at: number; ref?: (typeof refD)[number]; eng?: (typeof engD)[number] };
  const pairs: Pair[] = [];
  for (const d of refD) {
    const i = unmatchedEng.findIndex((e) => decisionSig(e) === decisionSig(d));
    const e = i >= 0 ? unmatchedEng.splice(i, 1)[0] : undefined;
    pairs.push({ at: Date.parse(d.at), ref: d, ...(e ? { eng: e } : {}) });
  }
  for (const e of unmatchedEng) pairs.push({ at: Date.parse(e.at), eng: e });
  pairs.sort((a, b) => a.at - b.at);

  const rows: SideRow[] = [];
  if (pairs.length > 0) rows.push({ kind: 'statement', reference: { text: 'Decisions' }, engine: { text: 'Decisions' }, differs: false });
  for (const p of pairs) {
    const differs =
      (p.ref !== undefined && p.eng === undefined && decisionDiffs.has(`${p.ref.kind}|${p.ref.at}|${p.ref.line ?? ''}`)) ||
      (p.eng !== undefined && p.ref === undefined && decisionDiffs.has(decisionSig(p.eng)));
    rows.push({
      kind: 'decision',
      ...(p.ref ? { reference: { text: `${p.ref.kind} ${belgianTime(p.ref.at)}${p.ref.line ? ` on ${p.ref.line}` : ''}`, detail: p.ref.detail, clauses: p.ref.clauses } } : {}),
      ...(p.eng ? { engine: { text: `${p.eng.kind} ${belgianTime(p.eng.at)}${p.eng.line ? ` on ${p.eng.line}` : ''}` } } : {}),
      differs,
    });
  }
  const others = new Map<string, number>();
  for (const d of reference.decisions) if (!kinds.has(d.kind)) others.set(d.kind, (others.get(d.kind) ?? 0) + 1);
  if (others.size > 0)
    rows.push({
      kind: 'note',
      reference: { text: `Also decided, not compared: ${[...others].map(([k, n]) => `${humanize(k)} × ${n}`).join(', ')}.` },
      differs: false,
    });
  return rows;
}
