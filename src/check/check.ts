import type { Catalog } from '../domain/catalog.ts';
import { InputError } from '../domain/errors.ts';
import type { Outcome } from '../domain/outcome.ts';
import type { TimelineInput } from '../domain/timeline.ts';
import { referenceOutcome } from '../terms/model.ts';
import { compareOutcomes, type CompareSettings, type Difference, type EngineOutcome } from './compare.ts';
import { COUNTEREXAMPLE_VERSION, counterexampleId, type Counterexample, type CounterexampleStore } from './counterexamples.ts';
import type { Engine, EngineFault } from './engines.ts';
import { shrinkTimeline } from './shrink.ts';

export interface CheckOptions {
  readonly engine: Engine;
  readonly engineName: string;
  readonly catalog: Catalog;
  readonly settings: CompareSettings;
  readonly scenario: string;
  readonly seed: number;
  readonly runs: number;
  /** The generated case `index` (deterministic for the seed): a timeline document. */
  readonly source: (index: number) => TimelineInput;
  readonly store?: CounterexampleStore;
  readonly shrinkBudget?: number;
  readonly onCase?: (done: number, total: number) => void;
}

export interface CheckResult {
  readonly checked: number;
  readonly agreed: number;
  /** How often each clause was exercised: cited by the reference outcome of a checked case. */
  readonly exercised: ReadonlyMap<string, number>;
  /** Cases that disagree on each clause (a difference counts for its main clause), and the money at stake (cents). */
  readonly disagreements: ReadonlyMap<string, { count: number; stakeCents: number }>;
  readonly counterexamples: readonly Counterexample[];
  /** Stored counterexamples re-checked first: still failing, or now agreeing. */
  readonly replayed: ReadonlyArray<{ readonly id: string; readonly stillFails: boolean }>;
  readonly faults: ReadonlyArray<{ readonly index: number; readonly fault: EngineFault; readonly message: string }>;
}

type Verdict =
  | { readonly kind: 'invalid'; readonly message: string }
  | { readonly kind: 'fault'; readonly fault: EngineFault; readonly message: string }
  | { readonly kind: 'agree'; readonly reference: Outcome }
  | { readonly kind: 'disagree'; readonly reference: Outcome; readonly engine: EngineOutcome; readonly differences: Difference[] };

/** Runs one case through the reference model and the engine, and compares. */
export async function judge(timeline: TimelineInput, opts: Pick<CheckOptions, 'engine' | 'catalog' | 'settings'>): Promise<Verdict> {
  let reference: Outcome;
  try {
    reference = referenceOutcome(timeline, opts.catalog, 'case');
  } catch (e) {
    if (e instanceof InputError) return { kind: 'invalid', message: e.message };
    throw e;
  }
  const answer = await opts.engine.rate(timeline);
  if (!answer.ok) return { kind: 'fault', fault: answer.fault, message: answer.message };
  const differences = compareOutcomes(reference, answer.outcome, opts.settings, timeline);
  return differences.length === 0 ? { kind: 'agree', reference } : { kind: 'disagree', reference, engine: answer.outcome, differences };
}

/**
 * `termlab check`: the stored counterexamples first, then `runs` generated cases. Every disagreement
 * is shrunk to a small timeline that still disagrees on one of the same clauses, attributed to the
 * clause ids of the reference lines and decisions involved, and stored. Engine faults are recorded
 * per case and the run goes on. Cases with the same clauses as one already shrunk are counted, not
 * shrunk again.
 */
export async function runCheck(opts: CheckOptions): Promise<CheckResult> {
  const exercised = new Map<string, number>();
  const disagreements = new Map<string, { count: number; stakeCents: number }>();
  const counterexamples: Counterexample[] = [];
  const faults: Array<{ index: number; fault: EngineFault; message: string }> = [];
  const replayed: Array<{ id: string; stillFails: boolean }> = [];
  const seen = new Set<string>();

  for (const stored of opts.store?.all() ?? []) {
    const v = await judge(stored.timeline, opts);
    replayed.push({ id: stored.id, stillFails: v.kind === 'disagree' });
    if (v.kind === 'disagree') for (const d of v.differences) seen.add(mainClause(d));
  }

  let agreed = 0;
  for (let index = 0; index < opts.runs; index++) {
    opts.onCase?.(index, opts.runs);
    const timeline = opts.source(index);
    const v = await judge(timeline, opts);
    if (v.kind === 'invalid') throw new Error(`generated case ${index} is not a valid timeline: ${v.message}`);
    if (v.kind === 'fault') {
      faults.push({ index, fault: v.fault, message: v.message });
      continue;
    }
    for (const id of citedClauses(v.reference)) exercised.set(id, (exercised.get(id) ?? 0) + 1);
    if (v.kind === 'agree') {
      agreed++;
      continue;
    }
    // Per case: one disagreement for each main clause its differences name, with their money at stake.
    const perClause = new Map<string, number>();
    for (const d of v.differences) {
      const id = mainClause(d);
      perClause.set(id, (perClause.get(id) ?? 0) + d.stakeCents);
    }
    for (const [id, stake] of perClause) {
      const entry = disagreements.get(id) ?? { count: 0, stakeCents: 0 };
      entry.count++;
      entry.stakeCents += stake;
      disagreements.set(id, entry);
    }
    // Shrink only for clauses no counterexample covers yet: one witness per clause.
    // A difference on a statement that already differs on a covered clause is taken for its consequence.
    const explained = new Set(v.differences.filter((d) => seen.has(mainClause(d)) && d.statement).map((d) => d.statement));
    const uncovered = [...new Set(v.differences.filter((d) => !d.statement || !explained.has(d.statement)).map(mainClause))].filter((id) => !seen.has(id));
    if (uncovered.length === 0) continue;
    const target = new Set(uncovered.slice(0, 1));
    const shows = async (candidate: TimelineInput, strict: boolean) => {
      const c = await judge(candidate, opts);
      if (c.kind !== 'disagree' || !c.differences.some((d) => target.has(mainClause(d)))) return false;
      // Strict: no clause already witnessed differs too, so the witness is not a consequence of one.
      return !strict || !c.differences.some((d) => !target.has(mainClause(d)) && seen.has(mainClause(d)));
    };
    // A first period that is whole keeps proration out of the way, when the disagreement survives it.
    let start = timeline;
    const day = Number(timeline.contract.start.slice(8, 10));
    if (day <= 28 && day !== timeline.contract.cycleDay) {
      const aligned = { ...timeline, contract: { ...timeline.contract, cycleDay: day } };
      if (await shows(aligned, false)) start = aligned;
    }
    const { timeline: small } = await shrinkTimeline(start, (candidate) => shows(candidate, false), opts.shrinkBudget ?? 600);
    // Every event of the shrunk case is needed for the target; if a clause already witnessed still differs
    // there, the target's disagreement is taken for a consequence of it, not a bug of its own.
    if (!(await shows(small, true))) continue;
    const final = await judge(small, opts);
    if (final.kind !== 'disagree') continue;
    for (const d of final.differences) seen.add(mainClause(d));
    const witness = final.differences.filter((d) => target.has(mainClause(d)));
    const ce: Counterexample = {
      schema: COUNTEREXAMPLE_VERSION,
      id: counterexampleId(small),
      engine: opts.engineName,
      scenario: opts.scenario,
      seed: opts.seed,
      path: { index, eventsBefore: timeline.events.length },
      clauses: [...target],
      differences: witness.length > 0 ? witness : final.differences,
      timeline: small,
      reference: final.reference,
      engineOutcome: final.engine,
    };
    counterexamples.push(ce);
    opts.store?.save(ce);
  }
  opts.onCase?.(opts.runs, opts.runs);
  return { checked: opts.runs, agreed, exercised, disagreements, counterexamples, replayed, faults };
}

/** The clause ids an outcome cites: what a case exercised. */
export function citedClauses(o: Outcome): Set<string> {
  const ids = new Set<string>();
  for (const s of o.statements) for (const l of s.lines) for (const c of l.clauses) ids.add(c);
  for (const d of o.decisions) for (const c of d.clauses) ids.add(c);
  for (const l of o.ledger) for (const c of l.clauses) ids.add(c);
  return ids;
}

/** The clause a difference is attributed to: the deciding clause of the reference lines involved. */
function mainClause(d: Difference): string {
  return d.clauses[0] ?? `(${d.what})`;
}
