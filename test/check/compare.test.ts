/**
 * compareOutcomes on hand-made outcomes: each difference beyond tolerance is one sentence that names
 * the clause, what the terms require and what the engine did, with both amounts in euros.
 */
import { describe, expect, it } from 'vitest';
import { compareOutcomes, clausesOf, DEFAULT_SETTINGS, type CompareSettings, type EngineOutcome } from '../../src/check/compare.ts';
import { loadCatalog } from '../../src/domain/catalog.ts';
import { OUTCOME_VERSION, type DecisionT, type Outcome, type StatementLineT, type StatementT } from '../../src/domain/outcome.ts';
import { referenceOutcome } from '../../src/terms/model.ts';

const MARCH = { start: '2026-03-15', end: '2026-04-15' };
const APRIL = { start: '2026-04-15', end: '2026-05-15' };

const line = (l: Partial<StatementLineT> & Pick<StatementLineT, 'category' | 'description' | 'amountCents' | 'clauses'>): StatementLineT => ({
  period: MARCH,
  quantity: 1,
  unit: 'event',
  assumed: false,
  ...l,
});

/** CLIC S fee for April, in advance. */
const FEE = line({ category: 'subscription_fee', description: 'CLIC S monthly fee', period: APRIL, amountCents: 4500, clauses: ['CLIC-2.1', 'BASE-D.8.1'] });
/** A 2-minute call from Belgium to +33 6…: outside the pack (CLIC-2.2), €0.38. */
const EU_CALL = line({
  category: 'international_usage',
  tariff: 'international.call_eu',
  description: 'calls from Belgium to the EU zone',
  quantity: 120,
  unit: 'second',
  rate: '0.19/min',
  amountCents: 38,
  clauses: ['CLIC-2.2', 'BASE-D.8.1'],
});
const ROAMING_DATA = line({ category: 'roaming_usage', tariff: 'roaming_world.data', description: 'data in the United States', unit: 'byte', amountCents: 1250, clauses: ['BASE-D.8.1'] });
const ROAMING_CALL = line({ category: 'roaming_usage', tariff: 'roaming_world.call', description: 'calls from the United States', unit: 'second', amountCents: 199, clauses: ['BASE-D.8.1'] });

const statement = (issuedOn: string, lines: StatementLineT[], index = 0): StatementT => ({
  index,
  issuedOn,
  dueOn: issuedOn,
  lines,
  totalCents: lines.reduce((s, l) => s + l.amountCents, 0),
});

function reference(statements: StatementT[], decisions: DecisionT[] = []): Outcome {
  return {
    schema: OUTCOME_VERSION,
    subscriber: 'compare-test',
    catalog: 'default',
    periods: [],
    statements,
    decisions,
    usage: [],
    ledger: [],
    balances: { billedCents: statements.reduce((s, x) => s + x.totalCents, 0), owedCents: 0, prepaidCreditCents: 0 },
  };
}

/** What an engine answers for `statements`, with every line as the reference has it unless changed. */
const engineOf = (statements: StatementT[], decisions: EngineOutcome['decisions'] = []): EngineOutcome => ({
  statements: statements.map((s) => ({
    issuedOn: s.issuedOn,
    totalCents: s.totalCents,
    lines: s.lines.map((l) => ({ category: l.category, ...(l.tariff ? { tariff: l.tariff } : {}), period: l.period, amountCents: l.amountCents })),
  })),
  decisions,
});

const settings = (s: Partial<CompareSettings>): CompareSettings => ({ ...DEFAULT_SETTINGS, ...s });

describe('statements, by category', () => {
  const ref = reference([statement('2026-04-15', [FEE, EU_CALL])]);
  const offByOne = engineOf([statement('2026-04-15', [FEE, { ...EU_CALL, amountCents: 37 }])]);

  it('an engine that agrees has no difference', () => {
    expect(compareOutcomes(ref, engineOf(ref.statements))).toEqual([]);
  });

  it('a category off by 1 cent is one difference at tolerance 0 (CLIC-2.2, €0.38 against €0.37)', () => {
    expect(compareOutcomes(ref, offByOne, settings({ toleranceCents: 0 }))).toEqual([
      {
        what: 'category',
        statement: '2026-04-15',
        category: 'international_usage',
        expectedCents: 38,
        actualCents: 37,
        clauses: ['CLIC-2.2', 'BASE-D.8.1'],
        stakeCents: 1,
        sentence: 'CLIC-2.2, BASE-D.8.1: on the statement of 2026-04-15, international usage comes to €0.38 (calls from Belgium to the EU zone); the engine billed €0.37.',
      },
    ]);
  });

  it('a category off by 1 cent is no difference at tolerance 1, and neither is the total it moves', () => {
    expect(compareOutcomes(ref, offByOne, settings({ toleranceCents: 1 }))).toEqual([]);
  });

  it('a category the engine leaves out is billed €0.00; one the terms do not have is expected €0.00 and cites no clause', () => {
    const engine = engineOf([statement('2026-04-15', [FEE, { ...ROAMING_CALL, amountCents: 38 }])]);
    const diffs = compareOutcomes(ref, engine);
    expect(diffs.map((d) => [d.what, d.category, d.expectedCents, d.actualCents, d.clauses])).toEqual([
      ['category', 'international_usage', 38, 0, ['CLIC-2.2', 'BASE-D.8.1']],
      ['category', 'roaming_usage', 0, 38, []],
    ]);
    expect(diffs[0]!.sentence).toBe('CLIC-2.2, BASE-D.8.1: on the statement of 2026-04-15, international usage comes to €0.38 (calls from Belgium to the EU zone); the engine billed €0.00.');
    expect(diffs[1]!.sentence).toBe('no clause: on the statement of 2026-04-15, roaming usage comes to €0.00; the engine billed €0.38.');
  });

  it('amounts of a thousand euros and more are written with a thousands separator', () => {
    const big = reference([statement('2026-04-15', [{ ...ROAMING_DATA, amountCents: 123_456 }])]);
    const [d] = compareOutcomes(big, engineOf([statement('2026-04-15', [{ ...ROAMING_DATA, amountCents: 123_400 }])]));
    expect(d!.sentence).toBe('BASE-D.8.1: on the statement of 2026-04-15, roaming usage comes to €1,234.56 (data in the United States); the engine billed €1,234.00.');
    expect(d!.stakeCents).toBe(56);
  });
});

describe('missing and extra statements', () => {
  const ref = reference([statement('2026-03-15', [FEE]), statement('2026-04-15', [FEE, EU_CALL], 1)]);

  it('a statement the engine did not issue is one difference with the amount the terms require', () => {
    const engine = engineOf([ref.statements[0]!]);
    expect(compareOutcomes(ref, engine)).toEqual([
      {
        what: 'statement',
        statement: '2026-04-15',
        expectedCents: 4538,
        actualCents: 0,
        clauses: ['CLIC-2.1', 'CLIC-2.2', 'BASE-D.8.1'],
        stakeCents: 4538,
        sentence: 'CLIC-2.1, CLIC-2.2, BASE-D.8.1: the terms require a statement on 2026-04-15 of €45.38; the engine issued none.',
      },
    ]);
  });

  it('a statement the terms do not require is one difference with the amount the engine billed', () => {
    const engine = engineOf([...ref.statements, statement('2026-05-15', [FEE], 2)]);
    expect(compareOutcomes(ref, engine)).toEqual([
      {
        what: 'statement',
        statement: '2026-05-15',
        actualCents: 4500,
        clauses: [],
        stakeCents: 4500,
        sentence: 'the terms require no statement on 2026-05-15; the engine issued one of €45.00.',
      },
    ]);
  });

  it('an extra statement of €0.00 and a missing one with nothing on it are no difference', () => {
    const empty = reference([statement('2026-03-15', [FEE]), statement('2026-04-15', [], 1)]);
    expect(compareOutcomes(empty, engineOf([empty.statements[0]!, statement('2026-05-15', [], 2)]))).toEqual([]);
  });
});

describe('statement lines, keyed by category, tariff and period', () => {
  const LINES = settings({ categories: false, lines: true });
  const ref = reference([statement('2026-04-15', [FEE, ROAMING_DATA, ROAMING_CALL])]);

  it('two lines of one category are compared each on its own: the category total hides nothing', () => {
    // The engine swaps 10 cents from data to calls: the category and the statement total agree.
    const engine = engineOf([statement('2026-04-15', [FEE, { ...ROAMING_DATA, amountCents: 1240 }, { ...ROAMING_CALL, amountCents: 209 }])]);
    expect(compareOutcomes(ref, engine, settings({}))).toEqual([]);
    expect(compareOutcomes(ref, engine, LINES)).toEqual([
      {
        what: 'line',
        statement: '2026-04-15',
        key: 'roaming_usage|roaming_world.data|2026-03-15|2026-04-15',
        expectedCents: 1250,
        actualCents: 1240,
        clauses: ['BASE-D.8.1'],
        stakeCents: 10,
        sentence: 'BASE-D.8.1: data in the United States on the statement of 2026-04-15 is €12.50; the engine billed €12.40.',
      },
      {
        what: 'line',
        statement: '2026-04-15',
        key: 'roaming_usage|roaming_world.call|2026-03-15|2026-04-15',
        expectedCents: 199,
        actualCents: 209,
        clauses: ['BASE-D.8.1'],
        stakeCents: 10,
        sentence: 'BASE-D.8.1: calls from the United States on the statement of 2026-04-15 is €1.99; the engine billed €2.09.',
      },
    ]);
  });

  it('a line billed for another period is a line missing from one period and one the terms do not have in the other', () => {
    const engine = engineOf([statement('2026-04-15', [{ ...FEE, period: { start: '2026-04-15', end: '2026-05-14' } }, ROAMING_DATA, ROAMING_CALL])]);
    const diffs = compareOutcomes(ref, engine, LINES);
    expect(diffs.map((d) => [d.key, d.expectedCents, d.actualCents, d.clauses])).toEqual([
      ['subscription_fee||2026-04-15|2026-05-15', 4500, 0, ['CLIC-2.1', 'BASE-D.8.1']],
      ['subscription_fee||2026-04-15|2026-05-14', 0, 4500, []],
    ]);
    expect(diffs[0]!.sentence).toBe('CLIC-2.1, BASE-D.8.1: CLIC S monthly fee on the statement of 2026-04-15 is €45.00; the engine billed €0.00.');
    expect(diffs[1]!.sentence).toBe('no clause: subscription_fee||2026-04-15|2026-05-14 on the statement of 2026-04-15 is €0.00; the engine billed €45.00.');
  });

  it('with line differences on a statement its total is not reported again', () => {
    const engine = engineOf([statement('2026-04-15', [FEE, ROAMING_DATA, { ...ROAMING_CALL, amountCents: 0 }])]);
    expect(compareOutcomes(ref, engine, LINES).map((d) => d.what)).toEqual(['line']);
  });
});

describe('decisions, by kind and time', () => {
  const THROTTLE: DecisionT = {
    kind: 'throttle',
    at: '2026-04-01T08:00:00+02:00',
    until: '2026-04-15T00:00:00+02:00',
    line: 'sim-1',
    service: 'data',
    zone: 'BE',
    detail: "the pack's data is used up in Belgium: 512 kbps until the end of the billing period",
    clauses: ['CLIC-2.1'],
    assumed: false,
  };
  const ref = reference([statement('2026-04-15', [FEE])], [THROTTLE]);
  const statements = engineOf(ref.statements).statements;

  it('the same decision at the same instant written in another zone is no difference', () => {
    expect(compareOutcomes(ref, { statements, decisions: [{ kind: 'throttle', at: '2026-04-01T06:00:00Z', line: 'sim-1' }] })).toEqual([]);
  });

  it('a decision at another time is one difference, cited by the reference decision clauses, saying both times', () => {
    expect(compareOutcomes(ref, { statements, decisions: [{ kind: 'throttle', at: '2026-04-02T08:00:00+02:00', line: 'sim-1' }] })).toEqual([
      {
        what: 'decision',
        key: 'throttle|2026-04-01T08:00:00+02:00|sim-1',
        clauses: ['CLIC-2.1'],
        stakeCents: 0,
        sentence:
          "CLIC-2.1: the terms require a throttle at 2026-04-01T08:00:00+02:00 on sim-1 (the pack's data is used up in Belgium: 512 kbps until the end of the billing period); the engine made it at 2026-04-02T08:00:00+02:00.",
      },
    ]);
  });

  it('a decision the engine did not make is one difference saying the engine made none', () => {
    const [d] = compareOutcomes(ref, { statements, decisions: [] });
    expect(d!.sentence).toBe(
      "CLIC-2.1: the terms require a throttle at 2026-04-01T08:00:00+02:00 on sim-1 (the pack's data is used up in Belgium: 512 kbps until the end of the billing period); the engine made none then.",
    );
  });

  it('a decision on another line is not the same decision at another time', () => {
    const diffs = compareOutcomes(ref, { statements, decisions: [{ kind: 'throttle', at: '2026-04-02T08:00:00+02:00', line: 'data-1' }] });
    expect(diffs.map((d) => d.sentence)).toEqual([
      "CLIC-2.1: the terms require a throttle at 2026-04-01T08:00:00+02:00 on sim-1 (the pack's data is used up in Belgium: 512 kbps until the end of the billing period); the engine made none then.",
      'CLIC-2.1, CLIC-2.3: the terms require no throttle at 2026-04-02T08:00:00+02:00 on data-1; the engine made one.',
    ]);
  });

  it('an extra decision cites the clause of its kind (a pause: CLIC-2.3)', () => {
    expect(compareOutcomes(ref, { statements, decisions: [THROTTLE, { kind: 'pause', at: '2026-04-07T23:58:27+02:00', line: 'sim-1' }] })).toEqual([
      {
        what: 'decision',
        key: `pause|${Date.parse('2026-04-07T23:58:27+02:00')}|sim-1`,
        clauses: ['CLIC-2.3'],
        stakeCents: 0,
        sentence: 'CLIC-2.3: the terms require no pause at 2026-04-07T23:58:27+02:00 on sim-1; the engine made one.',
      },
    ]);
  });

  it('only the kinds the settings name are compared', () => {
    const extraAlert = { statements, decisions: [THROTTLE, { kind: 'alert', at: '2026-04-01T08:00:00+02:00', line: 'sim-1' }] };
    expect(compareOutcomes(ref, extraAlert)).toEqual([]);
    expect(compareOutcomes(ref, extraAlert, settings({ decisions: ['throttle', 'alert'] })).map((d) => d.sentence)).toEqual([
      'BASE-D.6.1.3: the terms require no alert at 2026-04-01T08:00:00+02:00 on sim-1; the engine made one.',
    ]);
    expect(compareOutcomes(ref, { statements, decisions: [] }, settings({ decisions: [] }))).toEqual([]);
  });
});

describe('blocked decisions of a state that lasts', () => {
  // A prepaid line with no top-up: its three calls find no credit (BASE-B.1.2.2), one refusal at the first.
  const call = (at: string) => ({ type: 'call' as const, at, line: 'sim-1', from: 'BE', to: '+32470123456', seconds: 60 });
  const ref = referenceOutcome(
    {
      schema: 'termlab.timeline/1',
      subscriber: { id: 'prepaid' },
      contract: { family: 'BASE_PREPAID', plan: 'base-prepaid', start: '2026-01-05', cycleDay: 5, lines: [{ id: 'sim-1', kind: 'mobile' }] },
      until: '2026-02-05',
      events: [call('2026-01-06T10:00:00+01:00'), call('2026-01-07T10:00:00+01:00'), call('2026-01-08T10:00:00+01:00')],
    },
    loadCatalog('scenarios/catalogs/default.yaml'),
    'compare-test',
  );
  const blocked = settings({ decisions: ['blocked'] });

  it('an engine that gives one decision for the stretch, at its first record, agrees', () => {
    // Three calls, no credit ever (B.1.2.2): one refusal at the first call, until the third, 3 × 60 s.
    expect(ref.decisions.filter((d) => d.kind === 'blocked').map((d) => [d.at, d.until, d.quantity])).toEqual([
      ['2026-01-06T10:00:00+01:00', '2026-01-08T10:00:00+01:00', 180],
    ]);
    expect(compareOutcomes(ref, { statements: [], decisions: [{ kind: 'blocked', at: '2026-01-06T10:00:00+01:00', line: 'sim-1' }] }, blocked)).toEqual([]);
  });

  it('an engine that gives one per record agrees: the records after the first are in the group', () => {
    const perRecord = ['2026-01-06T10:00:00+01:00', '2026-01-07T10:00:00+01:00', '2026-01-08T10:00:00+01:00'].map((at) => ({ kind: 'blocked', at, line: 'sim-1' }));
    expect(compareOutcomes(ref, { statements: [], decisions: perRecord }, blocked)).toEqual([]);
  });

  it('an engine that serves the first record and blocks the rest differs once, at the first record', () => {
    const late = ['2026-01-07T10:00:00+01:00', '2026-01-08T10:00:00+01:00'].map((at) => ({ kind: 'blocked', at, line: 'sim-1' }));
    expect(compareOutcomes(ref, { statements: [], decisions: late }, blocked).map((d) => [d.clauses[0], d.sentence.replace(/ \(.*\);/, ';')])).toEqual([
      ['BASE-B.1.2.2', 'BASE-B.1.2.2, BASE-B.1.2.1: the terms require a blocked at 2026-01-06T10:00:00+01:00 on sim-1; the engine made it at 2026-01-07T10:00:00+01:00.'],
    ]);
  });

  it('an engine that says which service it blocked is held to it: another service inside the stretch differs', () => {
    // The stretch blocks calls (B.1.2.2); an SMS blocked at 01-07 10:00 is nothing the terms refuse.
    const decisions = [
      { kind: 'blocked', at: '2026-01-06T10:00:00+01:00', line: 'sim-1', service: 'call' },
      { kind: 'blocked', at: '2026-01-07T10:00:00+01:00', line: 'sim-1', service: 'call' },
      { kind: 'blocked', at: '2026-01-07T10:00:00+01:00', line: 'sim-1', service: 'sms' },
      { kind: 'blocked', at: '2026-01-08T10:00:00+01:00', line: 'sim-1', service: 'call' },
    ];
    expect(compareOutcomes(ref, { statements: [], decisions }, blocked).map((d) => d.sentence)).toEqual([
      'BASE-B.2.3: the terms require no blocked at 2026-01-07T10:00:00+01:00 on sim-1; the engine made one.',
    ]);
  });

  it('a blocked record outside the stretch, or on another line, is a difference of its own', () => {
    const decisions = [
      { kind: 'blocked', at: '2026-01-06T10:00:00+01:00', line: 'sim-1' },
      { kind: 'blocked', at: '2026-01-09T10:00:00+01:00', line: 'sim-1' },
      { kind: 'blocked', at: '2026-01-07T10:00:00+01:00', line: 'sim-2' },
    ];
    expect(compareOutcomes(ref, { statements: [], decisions }, blocked).map((d) => d.sentence)).toEqual([
      'BASE-B.2.3: the terms require no blocked at 2026-01-09T10:00:00+01:00 on sim-1; the engine made one.',
      'BASE-B.2.3: the terms require no blocked at 2026-01-07T10:00:00+01:00 on sim-2; the engine made one.',
    ]);
  });
});

describe('a record the engine blocks and the terms serve', () => {
  const catalog = loadCatalog('scenarios/catalogs/default.yaml');
  const blocked = settings({ decisions: ['blocked'] });
  const call = (at: string, to: string) => ({ type: 'call' as const, at, line: 'sim-1', from: 'BE', to, seconds: 60 });
  const clic = {
    schema: 'termlab.timeline/1' as const,
    subscriber: { id: 'clic' },
    contract: { family: 'CLIC' as const, plan: 'clic-s', start: '2026-03-15', cycleDay: 15, lines: [{ id: 'sim-1', kind: 'mobile' as const }] },
    until: '2026-04-15',
    // Both are served: a call to a Belgian mobile counts in the pack (CLIC-2.1, 2.2); 112 is never blocked (BASE-B.2.3).
    events: [call('2026-03-20T10:00:00+01:00', '+32470123456'), call('2026-03-21T10:00:00+01:00', '112')],
  };
  const ref = referenceOutcome(clic, catalog, 'compare-test');
  const engineBlocking = { ...engineOf(ref.statements), decisions: clic.events.map((e) => ({ kind: 'blocked', at: e.at, line: 'sim-1' })) };

  it('is cited by what it was: an emergency call breaks BASE-B.2.3, any other call the pack (CLIC-2.1)', () => {
    expect(ref.decisions.filter((d) => d.kind === 'blocked')).toEqual([]);
    expect(compareOutcomes(ref, engineBlocking, blocked, clic).map((d) => [d.clauses, d.sentence])).toEqual([
      [['CLIC-2.1'], 'CLIC-2.1: the terms require no blocked at 2026-03-20T10:00:00+01:00 on sim-1 (a call to +32470123456); the engine made one.'],
      [['BASE-B.2.3'], 'BASE-B.2.3: the terms require no blocked at 2026-03-21T10:00:00+01:00 on sim-1 (a call to 112); the engine made one.'],
    ]);
  });

  it('on prepaid with credit, breaks BASE-B.1.2.2 (services work while credit remains)', () => {
    // A 10-euro top-up, then one minute to a Belgian mobile: well within the credit.
    const prepaid = {
      ...clic,
      subscriber: { id: 'prepaid' },
      contract: { family: 'BASE_PREPAID' as const, plan: 'base-prepaid', start: '2026-03-15', cycleDay: 15, lines: [{ id: 'sim-1', kind: 'mobile' as const }] },
      events: [{ type: 'top_up' as const, at: '2026-03-15T09:00:00+01:00', amountCents: 1000, promotional: false }, call('2026-03-20T10:00:00+01:00', '+32470123456')],
    };
    const prepaidRef = referenceOutcome(prepaid, catalog, 'compare-test');
    expect(prepaidRef.decisions.filter((d) => d.kind === 'blocked')).toEqual([]);
    const engine = { ...engineOf(prepaidRef.statements), decisions: [{ kind: 'blocked', at: '2026-03-20T10:00:00+01:00', line: 'sim-1' }] };
    expect(compareOutcomes(prepaidRef, engine, blocked, prepaid).map((d) => d.clauses)).toEqual([['BASE-B.1.2.2']]);
  });

  it('without the timeline, is cited by the kind of decision', () => {
    expect(compareOutcomes(ref, engineBlocking, blocked).map((d) => d.clauses)).toEqual([['BASE-B.2.3'], ['BASE-B.2.3']]);
  });
});

describe('ignored categories and decision kinds', () => {
  const ref = reference([statement('2026-04-15', [FEE, EU_CALL])]);

  it('an ignored category is left out of the category and total comparisons', () => {
    const engine = engineOf([statement('2026-04-15', [FEE, { ...EU_CALL, amountCents: 0 }])]);
    expect(compareOutcomes(ref, engine, settings({ ignore: ['international_usage'] }))).toEqual([]);
    expect(compareOutcomes(ref, engine, settings({ ignore: ['international_usage'], lines: true, categories: false }))).toEqual([]);
    expect(compareOutcomes(ref, engine, settings({ ignore: ['subscription_fee'] }))).toHaveLength(1);
  });

  it('a statement holding only ignored lines may be missing', () => {
    const onlyEu = reference([statement('2026-04-15', [EU_CALL])]);
    expect(compareOutcomes(onlyEu, { statements: [] }, settings({ ignore: ['international_usage'] }))).toEqual([]);
  });

  it('an ignored decision kind is not compared', () => {
    const withPause = { ...engineOf(ref.statements), decisions: [{ kind: 'pause', at: '2026-04-07T23:58:27+02:00', line: 'sim-1' }] };
    expect(compareOutcomes(ref, withPause)).toHaveLength(1);
    expect(compareOutcomes(ref, withPause, settings({ ignore: ['pause'] }))).toEqual([]);
  });
});

describe('an engine that produces statement totals only', () => {
  const ref = reference([statement('2026-03-15', [FEE]), statement('2026-04-15', [FEE, EU_CALL, ROAMING_CALL], 1)]);
  const totals = (...cents: number[]): EngineOutcome => ({ statements: ref.statements.map((s, i) => ({ issuedOn: s.issuedOn, totalCents: cents[i]! })) });

  it('is checked on its totals, whatever else the settings ask for', () => {
    expect(compareOutcomes(ref, totals(4500, 4737), settings({ lines: true, categories: true }))).toEqual([]);
    expect(compareOutcomes(ref, totals(4500, 4699), settings({ lines: true, categories: true }))).toEqual([
      {
        what: 'total',
        statement: '2026-04-15',
        expectedCents: 4737,
        actualCents: 4699,
        clauses: ['BASE-D.8.1', 'CLIC-2.1', 'CLIC-2.2'],
        stakeCents: 38,
        sentence: 'BASE-D.8.1, CLIC-2.1, CLIC-2.2: the statement of 2026-04-15 comes to €47.37; the engine\'s total is €46.99.',
      },
    ]);
  });

  it('a total within tolerance is no difference', () => {
    expect(compareOutcomes(ref, totals(4501, 4736), settings({ toleranceCents: 1 }))).toEqual([]);
  });

  it('no total is compared when totals are not asked for', () => {
    expect(compareOutcomes(ref, totals(4500, 4699), settings({ totals: false }))).toEqual([]);
  });

  // A totals-only engine's total includes every category, so it is compared with the whole reference total.
  it('ignoring a category does not make an agreeing totals-only engine disagree', () => {
    expect(compareOutcomes(ref, totals(4500, 4737), settings({ ignore: ['international_usage'] }))).toEqual([]);
  });
});

describe('clausesOf', () => {
  it('puts the deciding clause of most lines first, then the others in order', () => {
    expect(clausesOf([FEE, EU_CALL, ROAMING_CALL])).toEqual(['BASE-D.8.1', 'CLIC-2.1', 'CLIC-2.2']);
    expect(clausesOf([EU_CALL])).toEqual(['CLIC-2.2', 'BASE-D.8.1']);
    expect(clausesOf([])).toEqual([]);
  });
});
