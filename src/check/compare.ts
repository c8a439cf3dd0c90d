import { formatEuros, type Cents } from '../domain/money.ts';
import { classifyNumber, Dest } from '../domain/numbering.ts';
import type { DecisionT, Outcome, StatementLineT } from '../domain/outcome.ts';
import type { TimelineInput } from '../domain/timeline.ts';

/**
 * What is compared between the reference outcome and an engine's, as the QA team declares it: an
 * engine that only produces statement totals can still be checked.
 */
export interface CompareSettings {
  readonly totals: boolean;
  readonly categories: boolean;
  readonly lines: boolean;
  /**
   * Decision kinds compared by kind and time; [] compares none. Records blocked by a state that lasts (a
   * suspension, a SIM box, a CLIC-2.3 pause, an ended line, a prepaid line without credit until its next
   * top-up) are one `blocked` decision per state, period, line and service in the reference, at the first
   * of them and `until` the last (grouped-blocks.ts); a record cut part-way is one of its own. An engine may
   * group them the same way or report each record: its blocked decisions on the line (and service, when it
   * gives one) strictly after a group's first record and up to its last are that group's. The first record
   * must be blocked at its own instant.
   */
  readonly decisions: readonly string[];
  readonly toleranceCents: number;
  /** Line categories and decision kinds left out of every comparison. */
  readonly ignore: readonly string[];
}

export const DEFAULT_SETTINGS: CompareSettings = {
  totals: true,
  categories: true,
  lines: false,
  decisions: ['throttle', 'pause'],
  toleranceCents: 0,
  ignore: [],
};

/** The part of an outcome an engine must produce; everything else is optional. */
export interface EngineOutcome {
  readonly statements: ReadonlyArray<{
    readonly issuedOn: string;
    readonly totalCents: number;
    readonly lines?: ReadonlyArray<{ readonly category: string; readonly tariff?: string; readonly period?: { start: string; end: string }; readonly amountCents: number }>;
  }>;
  readonly decisions?: ReadonlyArray<{ readonly kind: string; readonly at: string; readonly line?: string; readonly service?: string }>;
}

export interface Difference {
  readonly what: 'total' | 'category' | 'line' | 'decision' | 'statement';
  readonly statement?: string;
  readonly category?: string;
  readonly key?: string;
  readonly expectedCents?: number;
  readonly actualCents?: number;
  /** Clause ids of the reference lines or decisions involved. */
  readonly clauses: readonly string[];
  /** Money at stake: |expected − actual| in cents (0 for decisions). */
  readonly stakeCents: number;
  /** One sentence: the clause, what the terms require, what the engine did. */
  readonly sentence: string;
}

/**
 * Compares an engine's outcome with the reference one; returns every difference beyond tolerance. With
 * the `timeline` both were made from, a record the engine blocked and the terms do not is cited by what it
 * was (an emergency call: BASE-B.2.3) and by the plan's family, not by the kind of decision alone.
 */
export function compareOutcomes(reference: Outcome, engine: EngineOutcome, settings: CompareSettings = DEFAULT_SETTINGS, timeline?: TimelineInput): Difference[] {
  const diffs: Difference[] = [];
  const ignored = new Set(settings.ignore);
  const tol = settings.toleranceCents;
  const euros = (c: number) => formatEuros(c as Cents);
  const engineStatements = new Map(engine.statements.map((s) => [s.issuedOn, s]));
  const keep = (l: { category: string }) => !ignored.has(l.category);

  for (const ref of reference.statements) {
    const eng = engineStatements.get(ref.issuedOn);
    const refLines = ref.lines.filter(keep);
    const refTotal = refLines.reduce((s, l) => s + l.amountCents, 0);
    if (!eng) {
      if (refLines.length > 0)
        diffs.push({
          what: 'statement',
          statement: ref.issuedOn,
          expectedCents: refTotal,
          actualCents: 0,
          clauses: clausesOf(refLines),
          stakeCents: Math.abs(refTotal),
          sentence: `${clausesOf(refLines).join(', ')}: the terms require a statement on ${ref.issuedOn} of ${euros(refTotal)}; the engine issued none.`,
        });
      continue;
    }
    const engLines = (eng.lines ?? []).filter(keep);
    const engTotal = eng.lines ? engLines.reduce((s, l) => s + l.amountCents, 0) : eng.totalCents;
    const byCategory = (lines: ReadonlyArray<{ category: string; amountCents: number }>) => {
      const m = new Map<string, number>();
      for (const l of lines) m.set(l.category, (m.get(l.category) ?? 0) + l.amountCents);
      return m;
    };
    const refCats = byCategory(refLines);
    const engCats = byCategory(engLines);
    const catDiffs: string[] = [];
    if (settings.categories && eng.lines) {
      for (const category of new Set([...refCats.keys(), ...engCats.keys()])) {
        const expected = refCats.get(category) ?? 0;
        const actual = engCats.get(category) ?? 0;
        if (Math.abs(expected - actual) <= tol) continue;
        catDiffs.push(category);
        const lines = refLines.filter((l) => l.category === category);
        const clauses = clausesOf(lines);
        diffs.push({
          what: 'category',
          statement: ref.issuedOn,
          category,
          expectedCents: expected,
          actualCents: actual,
          clauses,
          stakeCents: Math.abs(expected - actual),
          sentence: `${clauses.join(', ') || 'no clause'}: on the statement of ${ref.issuedOn}, ${category.replace(/_/g, ' ')} comes to ${euros(expected)}${lines.length === 1 ? ` (${lines[0]!.description})` : ''}; the engine billed ${euros(actual)}.`,
        });
      }
    }
    if (settings.lines && eng.lines) {
      const key = (l: { category: string; tariff?: string | undefined; period?: { start: string; end: string } | undefined }) =>
        `${l.category}|${l.tariff ?? ''}|${l.period?.start ?? ''}|${l.period?.end ?? ''}`;
      const refByKey = sumBy(refLines, key);
      const engByKey = sumBy(engLines, key);
      for (const k of new Set([...refByKey.keys(), ...engByKey.keys()])) {
        const expected = refByKey.get(k) ?? 0;
        const actual = engByKey.get(k) ?? 0;
        if (Math.abs(expected - actual) <= tol) continue;
        const lines = refLines.filter((l) => key(l) === k);
        const clauses = clausesOf(lines);
        diffs.push({
          what: 'line',
          statement: ref.issuedOn,
          key: k,
          expectedCents: expected,
          actualCents: actual,
          clauses,
          stakeCents: Math.abs(expected - actual),
          sentence: `${clauses.join(', ') || 'no clause'}: ${lines[0]?.description ?? k} on the statement of ${ref.issuedOn} is ${euros(expected)}; the engine billed ${euros(actual)}.`,
        });
      }
    }
    // An engine without lines gives its total as is: compare it with the whole reference total.
    const refTotalCompared = eng.lines ? refTotal : ref.totalCents;
    if (settings.totals && Math.abs(refTotalCompared - engTotal) > tol && catDiffs.length === 0 && !diffs.some((d) => d.what === 'line' && d.statement === ref.issuedOn)) {
      const clauses = clausesOf(refLines);
      diffs.push({
        what: 'total',
        statement: ref.issuedOn,
        expectedCents: refTotalCompared,
        actualCents: engTotal,
        clauses,
        stakeCents: Math.abs(refTotalCompared - engTotal),
        sentence: `${clauses.join(', ')}: the statement of ${ref.issuedOn} comes to ${euros(refTotalCompared)}; the engine's total is ${euros(engTotal)}.`,
      });
    }
  }
  for (const eng of engine.statements) {
    if (reference.statements.some((s) => s.issuedOn === eng.issuedOn)) continue;
    const total = eng.lines ? eng.lines.filter(keep).reduce((s, l) => s + l.amountCents, 0) : eng.totalCents;
    if (total !== 0)
      diffs.push({ what: 'statement', statement: eng.issuedOn, actualCents: total, clauses: [], stakeCents: Math.abs(total), sentence: `the terms require no statement on ${eng.issuedOn}; the engine issued one of ${euros(total)}.` });
  }

  const kinds = settings.decisions.filter((k) => !ignored.has(k));
  if (kinds.length > 0) {
    const sig = (d: { kind: string; at: string; line?: string | undefined }) => `${d.kind}|${Date.parse(d.at)}|${d.line ?? ''}`;
    const refD = reference.decisions.filter((d) => kinds.includes(d.kind));
    const engD = (engine.decisions ?? []).filter((d) => kinds.includes(d.kind));
    const engCount = countBy(engD, sig);
    const refCount = countBy(refD, sig);
    const missing = refD.filter((d) => {
      const k = sig(d);
      if ((engCount.get(k) ?? 0) === 0) return true;
      engCount.set(k, engCount.get(k)! - 1);
      return false;
    });
    const extra = engD.filter((d) => {
      const k = sig(d);
      if ((refCount.get(k) ?? 0) === 0) return true;
      refCount.set(k, refCount.get(k)! - 1);
      return false;
    });
    const groups = refD.filter((d) => d.kind === 'blocked' && d.until !== undefined);
    const inGroup = (e: (typeof engD)[number], g: DecisionT): boolean => {
      const t = Date.parse(e.at);
      const sameService = e.service === undefined || e.service === g.service;
      return e.kind === 'blocked' && (e.line ?? '') === (g.line ?? '') && sameService && t > Date.parse(g.at) && t <= Date.parse(g.until!);
    };
    // A decision made at another time than the terms require is one difference, cited by the reference's
    // clauses; the engine's decision paired with it is preferably one inside the same group.
    for (const d of missing) {
      let i = groups.includes(d) ? extra.findIndex((e) => inGroup(e, d)) : -1;
      if (i < 0) i = extra.findIndex((e) => e.kind === d.kind && (e.line ?? '') === (d.line ?? ''));
      const other = i >= 0 ? extra.splice(i, 1)[0] : undefined;
      diffs.push(
        decisionDiff(
          d,
          `the terms require a ${d.kind} at ${d.at}${d.line ? ` on ${d.line}` : ''} (${d.detail}); the engine made ${other ? `it at ${other.at}` : 'none then'}`,
        ),
      );
    }
    for (const d of extra) {
      // One record of a stretch the reference blocks as a whole: the group's difference, if any, is said above.
      if (groups.some((g) => inGroup(d, g))) continue;
      const blocked = d.kind === 'blocked' && timeline ? blockedRecord(timeline, d) : undefined;
      const clauses = blocked?.clauses ?? DECISION_CLAUSES[d.kind] ?? [];
      const what = blocked?.what ? ` (${blocked.what})` : '';
      diffs.push({ what: 'decision', key: sig(d), clauses, stakeCents: 0, sentence: `${clauses.join(', ') || 'no clause'}: the terms require no ${d.kind} at ${d.at}${d.line ? ` on ${d.line}` : ''}${what}; the engine made one.` });
    }
  }
  return diffs;
}

/**
 * The clauses an engine breaks by blocking, at `d.at` on `d.line`, a record the terms serve: emergency
 * services are always reachable (BASE-B.2.3); otherwise what entitles the plan's client to use, prepaid
 * credit (B.1.2.2), a CLIC pack's volumes (CLIC-2.1) or a subscription's tariffs (BASE-D.7.1). `what` names
 * the record when the timeline has one there.
 */
function blockedRecord(timeline: TimelineInput, d: { at: string; line?: string | undefined }): { clauses: string[]; what?: string } {
  const t = Date.parse(d.at);
  const e = timeline.events.find((e) => (e.type === 'call' || e.type === 'sms' || e.type === 'data') && e.line === d.line && Date.parse(e.at) === t);
  if (e?.type === 'call' || e?.type === 'sms') {
    const what = `${e.type === 'call' ? 'a call' : 'an SMS'} to ${e.to}`;
    const to = classifyNumber(e.to);
    return { clauses: to.ok && to.dest === Dest.EMERGENCY ? ['BASE-B.2.3'] : entitlement(timeline), what };
  }
  return e ? { clauses: entitlement(timeline), what: 'a data session' } : { clauses: entitlement(timeline) };
}

/** What entitles a plan's client to use the service: prepaid credit, a CLIC pack's volumes, a subscription's tariffs. */
function entitlement(timeline: TimelineInput): string[] {
  const family = timeline.contract.family;
  return family === 'BASE_PREPAID' ? ['BASE-B.1.2.2'] : family === 'BASE_SUBSCRIPTION' ? ['BASE-D.7.1'] : ['CLIC-2.1'];
}

/** The clauses that govern a kind of decision, for one the engine made and the terms do not require. */
const DECISION_CLAUSES: Readonly<Record<string, readonly string[]>> = {
  pause: ['CLIC-2.3'],
  throttle: ['CLIC-2.1', 'CLIC-2.3'],
  alert: ['BASE-D.6.1.3'],
  blocked: ['BASE-B.2.3'],
  reminder: ['BASE-D.8.6'],
  suspension: ['BASE-D.10.2.1'],
  termination: ['BASE-D.10.3.2.1'],
};

function decisionDiff(d: DecisionT, text: string): Difference {
  return { what: 'decision', key: `${d.kind}|${d.at}|${d.line ?? ''}`, clauses: d.clauses, stakeCents: 0, sentence: `${d.clauses.join(', ')}: ${text}.` };
}

/**
 * The clause ids of some lines, the deciding one first: each line lists the clause that decides it first
 * (e.g. BASE-D.8.3 on a prorated fee, CLIC-2.2 on a call outside the pack), then the ones that classify it.
 */
export function clausesOf(lines: ReadonlyArray<Pick<StatementLineT, 'clauses'>>): string[] {
  const first = new Map<string, number>();
  for (const l of lines) if (l.clauses[0]) first.set(l.clauses[0], (first.get(l.clauses[0]) ?? 0) + 1);
  const primary = [...first.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([c]) => c);
  const rest = [...new Set(lines.flatMap((l) => l.clauses))].filter((c) => !first.has(c)).sort();
  return [...primary, ...rest];
}

function sumBy<T extends { amountCents: number }>(items: readonly T[], key: (t: T) => string): Map<string, number> {
  const m = new Map<string, number>();
  for (const i of items) m.set(key(i), (m.get(key(i)) ?? 0) + i.amountCents);
  return m;
}

function countBy<T>(items: readonly T[], key: (t: T) => string): Map<string, number> {
  const m = new Map<string, number>();
  for (const i of items) m.set(key(i), (m.get(key(i)) ?? 0) + 1);
  return m;
}
