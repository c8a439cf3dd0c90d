import { CLAUSES } from '../../src/terms/clauses.ts';
import type { CheckResult } from '../../src/check/check.ts';
import type { Counterexample } from '../../src/check/counterexamples.ts';

/** One clause's verdict: exercised and agreeing (passed), disagreeing (failed), or never exercised (untested). */
export interface ClauseVerdict {
  readonly id: string;
  readonly treatment: readonly string[];
  readonly summary: string;
  readonly exercised: number;
  readonly disagreements: number;
  readonly stakeCents: number;
  readonly status: 'passed' | 'failed' | 'untested';
  readonly counterexample?: string;
}

export interface ComplianceData {
  readonly schema: 'termlab.compliance/1';
  readonly engine: string;
  readonly scenario: string;
  readonly seed: number;
  readonly checked: number;
  readonly agreed: number;
  readonly faults: CheckResult['faults'];
  readonly replayed: CheckResult['replayed'];
  readonly clauses: readonly ClauseVerdict[];
  readonly counterexamples: readonly Counterexample[];
}

/** Rule and detect clauses are judged; a clause no case exercised is untested, never passed. */
export function complianceData(result: CheckResult, meta: { engine: string; scenario: string; seed: number }): ComplianceData {
  const clauses = CLAUSES.filter((c) => c.treatment.includes('rule') || c.treatment.includes('detect')).map((c): ClauseVerdict => {
    const exercised = result.exercised.get(c.id) ?? 0;
    const d = result.disagreements.get(c.id);
    const ce = result.counterexamples.find((x) => x.clauses.includes(c.id));
    return {
      id: c.id,
      treatment: c.treatment,
      summary: c.summary,
      exercised,
      disagreements: d?.count ?? 0,
      stakeCents: d?.stakeCents ?? 0,
      status: d ? 'failed' : exercised > 0 ? 'passed' : 'untested',
      ...(ce ? { counterexample: ce.id } : {}),
    };
  });
  return {
    schema: 'termlab.compliance/1',
    ...meta,
    checked: result.checked,
    agreed: result.agreed,
    faults: result.faults,
    replayed: result.replayed,
    clauses,
    counterexamples: result.counterexamples,
  };
}

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** JUnit XML for CI systems: one test case per clause, and one for "the engine answers every case". */
export function junitXml(data: ComplianceData): string {
  const cases = data.clauses.map((c) => {
    const name = `${c.id} (exercised ${c.exercised}×)`;
    if (c.status === 'untested') return `    <testcase classname="clauses" name="${xml(name)}"><skipped message="no generated case exercised this clause"/></testcase>`;
    if (c.status === 'passed') return `    <testcase classname="clauses" name="${xml(name)}"/>`;
    const ce = data.counterexamples.find((x) => x.id === c.counterexample);
    const sentence = ce?.differences.find((d) => d.clauses.includes(c.id))?.sentence ?? `${c.disagreements} disagreement(s)`;
    const body = ce ? `counterexample ${ce.id} (${ce.timeline.events.length} events, replay: termlab check --replay <store>/${ce.id}.json)\n${JSON.stringify(ce.timeline, null, 2)}` : '';
    return `    <testcase classname="clauses" name="${xml(name)}"><failure message="${xml(sentence)}" type="disagreement">${xml(body)}</failure></testcase>`;
  });
  const faultCase =
    data.faults.length === 0
      ? `    <testcase classname="properties" name="the engine answers every case"/>`
      : `    <testcase classname="properties" name="the engine answers every case"><failure message="${xml(`${data.faults.length} case(s) with an engine fault: ${data.faults[0]!.fault}: ${data.faults[0]!.message}`)}" type="engine-fault"/></testcase>`;
  const all = [...cases, faultCase];
  const failures = data.clauses.filter((c) => c.status === 'failed').length + (data.faults.length > 0 ? 1 : 0);
  const skipped = data.clauses.filter((c) => c.status === 'untested').length;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="termlab compliance" tests="${all.length}" failures="${failures}" skipped="${skipped}">`,
    `  <testsuite name="${xml(`${data.engine} against the terms (${data.scenario}, seed ${data.seed}, ${data.checked} cases)`)}" tests="${all.length}" failures="${failures}" skipped="${skipped}">`,
    ...all,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
