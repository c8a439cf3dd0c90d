/**
 * Model-based property tests of the account's life (Reference model II). A base timeline — one
 * subscriber on a CLIC or BASE plan, paid by direct debit or by hand, indefinite or fixed term, with or
 * without a device discount — gets a random sequence of lifecycle events (suspensions and lifts, lost
 * and replaced SIMs, plan changes, payments, disputes, announced changes, CPI indexations, terminations,
 * deaths, port-outs) mixed with usage, in any order. Whatever the order:
 *
 *   (a) no usage is billed or counted in the pack after the end (BASE-D.10.3.2.1, BASE-C.5): removing
 *       every usage record after the termination instant changes nothing but what was not delivered;
 *   (b) subscription fees stay due during suspensions (BASE-D.10.2.1, BASE-D.10.2, BASE-B.3.1.3): every
 *       period keeps its advance fee line, and a suspension credit only appears with an unjustified
 *       suspension to explain it;
 *   (c) the ledger never owes the client money without an entry in the client's favour explaining it
 *       (BASE-D.8.9: a payment in excess; a credit; a statement in the client's favour);
 *   (d) every statement total is the sum of its lines, and the ledger carries each statement's total;
 *   (e) the outcome validates against OutcomeSchema;
 *   (f) the model is deterministic.
 *
 * More runs for bug hunting: PROPERTY_RUNS=2000 npx vitest run test/model
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadCatalog } from '../../src/domain/catalog.ts';
import { OutcomeSchema, type Outcome } from '../../src/domain/outcome.ts';
import { billingPeriods } from '../../src/domain/periods.ts';
import { brusselsMidnight, formatDate, formatInstant, parseDate, parseInstant } from '../../src/domain/time.ts';
import type { TimelineInput } from '../../src/domain/timeline.ts';
import { smsSegments } from '../../src/terms/compile.ts';
import { referenceOutcome } from '../../src/terms/model.ts';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 150);
const catalog = loadCatalog('scenarios/catalogs/default.yaml');
const PLANS = ['clic-s', 'clic-m', 'clic-unlimited', 'clic-bureau', 'base-light', 'base-plus'] as const;
const NUMBERS = ['+32470123456', '+3222345678', '+33612345678', '+12025550123', '090012345', '070123456'] as const;

type EventInput = TimelineInput['events'][number];
type Doc = TimelineInput;

function rate(doc: unknown): Outcome {
  return referenceOutcome(doc, catalog, 'generated.json');
}

function instant(s: string): number {
  const t = parseInstant(s);
  if (t === undefined) throw new Error(`bad instant ${s}`);
  return t;
}

interface Base {
  plan: (typeof PLANS)[number];
  startDay: number;
  cycleDay: number;
  horizonDays: number;
  payment: 'direct_debit' | 'manual';
  term: { kind: 'indefinite' } | { kind: 'fixed'; months: number };
  device: { discountCents: number; minimumMonths: number; residualCents?: number[] } | undefined;
  dataSim: boolean;
}

const FIRST = parseDate('2025-11-01')!;

const baseArb: fc.Arbitrary<Base> = fc.record({
  plan: fc.constantFrom(...PLANS),
  startDay: fc.oneof(fc.integer({ min: FIRST, max: FIRST + 420 }), fc.constantFrom(...['2026-01-01', '2026-03-28', '2026-03-29', '2026-10-24', '2026-12-20'].map((d) => parseDate(d)!))),
  cycleDay: fc.integer({ min: 1, max: 28 }),
  horizonDays: fc.integer({ min: 25, max: 130 }),
  payment: fc.constantFrom('direct_debit' as const, 'manual' as const),
  term: fc.oneof(fc.constant({ kind: 'indefinite' as const }), fc.integer({ min: 1, max: 24 }).map((months) => ({ kind: 'fixed' as const, months }))),
  device: fc.option(
    fc.record(
      {
        discountCents: fc.integer({ min: 0, max: 60_000 }),
        minimumMonths: fc.integer({ min: 1, max: 24 }),
        residualCents: fc.array(fc.integer({ min: 0, max: 60_000 }), { minLength: 1, maxLength: 24 }),
      },
      { requiredKeys: ['discountCents', 'minimumMonths'] },
    ),
    { nil: undefined },
  ),
  dataSim: fc.boolean(),
});

/** One event as drawn: where it falls in the window (0..1), and a builder given the context. */
type Draw = { pos: number; build: (ctx: Ctx, at: string) => EventInput };
interface Ctx {
  lines: string[];
  statementDays: string[];
  dayInWindow: (frac: number) => string;
}

const reasonArb = fc.constantFrom('client_request', 'non_payment', 'abnormal_use', 'fraud', 'breach', 'network_risk', 'legal');
const pos = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });

const lifecycleArb: fc.Arbitrary<Draw> = fc.oneof(
  fc.record({ pos, by: fc.constantFrom('client' as const, 'operator' as const), reason: reasonArb, notice: fc.boolean(), justified: fc.boolean(), until: fc.option(pos, { nil: undefined }) }).map(
    (d): Draw => ({
      pos: d.pos,
      build: (ctx, at) => ({
        type: 'suspension',
        at,
        by: d.by,
        reason: d.by === 'client' ? 'client_request' : d.reason === 'client_request' ? 'non_payment' : d.reason,
        notice: d.notice,
        justified: d.justified,
        ...(d.until !== undefined ? { until: ctx.dayInWindow(d.until) } : {}),
      }),
    }),
  ),
  pos.map((p): Draw => ({ pos: p, build: (_ctx, at) => ({ type: 'suspension_lifted', at }) })),
  fc.record({ pos, line: fc.nat(3), cause: fc.constantFrom('lost' as const, 'stolen' as const, 'damaged' as const) }).map(
    (d): Draw => ({ pos: d.pos, build: (ctx, at) => ({ type: 'sim_lost', at, line: ctx.lines[d.line % ctx.lines.length]!, cause: d.cause }) }),
  ),
  fc.record({ pos, line: fc.nat(3) }).map((d): Draw => ({ pos: d.pos, build: (ctx, at) => ({ type: 'sim_replaced', at, line: ctx.lines[d.line % ctx.lines.length]! }) })),
  fc.record({ pos, plan: fc.constantFrom(...PLANS), allowed: fc.boolean() }).map(
    (d): Draw => ({ pos: d.pos, build: (_ctx, at) => ({ type: 'plan_change', at, plan: d.plan, allowedByOperator: d.allowed }) }),
  ),
  fc.record({ pos, amount: fc.option(fc.integer({ min: 1, max: 30_000 }), { nil: undefined }), statement: fc.option(fc.nat(10), { nil: undefined }) }).map(
    (d): Draw => ({
      pos: d.pos,
      build: (ctx, at) => ({
        type: 'payment',
        at,
        ...(d.amount !== undefined ? { amountCents: d.amount } : {}),
        ...(d.statement !== undefined ? { statement: ctx.statementDays[d.statement % ctx.statementDays.length]! } : {}),
      }),
    }),
  ),
  fc.record({ pos, statement: fc.nat(10), amount: fc.integer({ min: 1, max: 20_000 }), justified: fc.boolean() }).map(
    (d): Draw => ({
      pos: d.pos,
      build: (ctx, at) => ({ type: 'dispute', at, statement: ctx.statementDays[d.statement % ctx.statementDays.length]!, amountCents: d.amount, justified: d.justified }),
    }),
  ),
  fc
    .record({
      pos,
      by: fc.constantFrom('client' as const, 'operator' as const),
      reason: fc.constantFrom('client_choice', 'change_of_conditions', 'non_payment', 'breach', 'irreparable_breach', 'operator_notice', 'inactivity'),
      effective: fc.option(pos, { nil: undefined }),
    })
    .map(
      (d): Draw => ({
        pos: d.pos,
        build: (ctx, at) => ({ type: 'termination', at, by: d.by, reason: d.reason as 'client_choice', ...(d.effective !== undefined ? { effectiveOn: ctx.dayInWindow(d.effective) } : {}) }),
      }),
    ),
  pos.map((p): Draw => ({ pos: p, build: (_ctx, at) => ({ type: 'death', at }) })),
  pos.map((p): Draw => ({ pos: p, build: (_ctx, at) => ({ type: 'port_out', at }) })),
  fc
    .record({
      pos,
      effective: pos,
      kind: fc.constantFrom('price_increase', 'cpi_indexation', 'beneficial', 'administrative', 'legal', 'other'),
      percent: fc.option(fc.integer({ min: -20, max: 30 }), { nil: undefined }),
    })
    .map(
      (d): Draw => ({
        pos: d.pos,
        build: (ctx, at) => ({
          type: 'change_announced',
          at,
          effectiveOn: ctx.dayInWindow(d.effective),
          kind: d.kind as 'other',
          ...(d.percent !== undefined ? { feeChangePercent: d.percent } : {}),
        }),
      }),
    ),
  fc.record({ pos, percent: fc.integer({ min: 0, max: 5 }) }).map((d): Draw => ({ pos: d.pos, build: (_ctx, at) => ({ type: 'cpi_indexation', at, percent: d.percent }) })),
);

const usageArb: fc.Arbitrary<Draw> = fc.oneof(
  fc.record({ pos, line: fc.nat(3), from: fc.constantFrom('BE', 'BE', 'FR', 'US'), to: fc.constantFrom(...NUMBERS), seconds: fc.integer({ min: 0, max: 7200 }), simbox: fc.integer({ min: 0, max: 30 }) }).map(
    (d): Draw => ({
      pos: d.pos,
      build: (ctx, at) => ({ type: 'call', at, line: ctx.lines[d.line % ctx.lines.length]!, from: d.from, to: d.to, seconds: d.seconds, ...(d.simbox === 0 ? { device: 'simbox' as const } : {}) }),
    }),
  ),
  fc.record({ pos, line: fc.nat(3), from: fc.constantFrom('BE', 'FR'), to: fc.constantFrom(...NUMBERS), characters: fc.integer({ min: 0, max: 400 }), recipients: fc.integer({ min: 1, max: 25 }) }).map(
    (d): Draw => ({ pos: d.pos, build: (ctx, at) => ({ type: 'sms', at, line: ctx.lines[d.line % ctx.lines.length]!, from: d.from, to: d.to, characters: d.characters, recipients: d.recipients }) }),
  ),
  fc.record({ pos, line: fc.nat(3), from: fc.constantFrom('BE', 'FR', 'US'), bytes: fc.integer({ min: 0, max: 6_000_000_000 }), seconds: fc.integer({ min: 1, max: 36_000 }) }).map(
    (d): Draw => ({ pos: d.pos, build: (ctx, at) => ({ type: 'data', at, line: ctx.lines[d.line % ctx.lines.length]!, from: d.from, bytes: d.bytes, seconds: d.seconds }) }),
  ),
);

/** Builds a valid timeline: every event inside the contract window, in time order (stable on ties). */
function buildDoc(b: Base, lifecycle: Draw[], usage: Draw[]): Doc {
  const plan = catalog.plans.get(b.plan)!;
  const lines: Array<{ id: string; kind: 'mobile' | 'data' }> = [{ id: 'sim-1', kind: 'mobile' }];
  if (plan.mobileSims > 1) lines.push({ id: 'sim-2', kind: 'mobile' });
  if (plan.dataSim && b.dataSim) lines.push({ id: 'data-1', kind: 'data' });
  const until = b.startDay + b.horizonDays;
  const periods = billingPeriods(b.startDay, b.cycleDay, until);
  const first = brusselsMidnight(b.startDay);
  const last = brusselsMidnight(periods[periods.length - 1]!.end);
  const span = last - first;
  const ctx: Ctx = {
    lines: lines.map((l) => l.id),
    statementDays: [...periods.map((p) => formatDate(p.start)), formatDate(periods[periods.length - 1]!.end)],
    dayInWindow: (frac) => formatDate(b.startDay + Math.floor(frac * (periods[periods.length - 1]!.end - b.startDay))),
  };
  const drawn = [...lifecycle, ...usage].map((d, i) => ({ t: first + Math.floor(d.pos * span), i, d }));
  drawn.sort((x, y) => x.t - y.t || x.i - y.i);
  const events = drawn.map(({ t, d }) => d.build(ctx, formatInstant(t)));
  return {
    schema: 'termlab.timeline/1',
    subscriber: { id: 'lifecycle-property' },
    contract: {
      family: plan.family,
      plan: b.plan,
      options: [],
      term: b.term,
      ...(b.device ? { device: b.device } : {}),
      start: formatDate(b.startDay),
      cycleDay: b.cycleDay,
      lines,
      payment: b.payment,
    },
    until: formatDate(until),
    events,
  };
}

const docArb: fc.Arbitrary<Doc> = fc
  .tuple(baseArb, fc.array(lifecycleArb, { minLength: 1, maxLength: 12 }), fc.array(usageArb, { maxLength: 25 }))
  .map(([b, l, u]) => buildDoc(b, l, u));

/** The instant the subscription ends (the earliest termination decision), or Infinity. */
function endOf(o: Outcome): number {
  return Math.min(Infinity, ...o.decisions.filter((d) => d.kind === 'termination').map((d) => instant(d.at)));
}

function quantityOf(e: EventInput): { service: 'call' | 'sms' | 'data'; q: number } | undefined {
  if (e.type === 'call') return { service: 'call', q: e.seconds };
  if (e.type === 'sms') return { service: 'sms', q: smsSegments(e.characters) * (e.recipients ?? 1) };
  if (e.type === 'data') return { service: 'data', q: e.bytes };
  return undefined;
}

const key = (r: Outcome['usage'][number]) => `${r.period}|${r.line}|${r.service}|${r.zone}`;

describe('the account\'s life, whatever the order of its events (model-based)', () => {
  it('(a) no usage is billed or counted in the pack after the end (BASE-D.10.3.2.1, BASE-C.5)', () => {
    fc.assert(
      fc.property(docArb, (doc) => {
        const o = rate(doc);
        const end = endOf(o);
        if (!Number.isFinite(end)) return;
        const after = doc.events.filter((e) => quantityOf(e) !== undefined && instant(e.at) > end);
        const trimmed = { ...doc, events: doc.events.filter((e) => !after.includes(e)) };
        const t = rate(trimmed);
        // what was in the pack or billed is the same with or without the records after the end
        const served = (x: Outcome) => new Map(x.usage.map((r) => [key(r), [r.included, r.billed]]));
        const a = served(o);
        const b = served(t);
        for (const k of new Set([...a.keys(), ...b.keys()])) expect(a.get(k) ?? [0, 0], k).toEqual(b.get(k) ?? [0, 0]);
        // and the records after the end are all accounted for as not delivered (or free)
        for (const service of ['call', 'sms', 'data'] as const) {
          const total = (x: Outcome) => x.usage.filter((r) => r.service === service).reduce((s, r) => s + r.included + r.billed + r.throttled + r.blocked + r.free, 0);
          const removed = after.map(quantityOf).filter((x) => x?.service === service).reduce((s, x) => s + x!.q, 0);
          expect(total(o) - total(t), service).toBe(removed);
        }
        // no usage line of any statement changes either
        const usageLines = (x: Outcome) => x.statements.flatMap((s) => s.lines.filter((l) => l.tariff !== undefined).map((l) => `${s.issuedOn}|${l.tariff}|${l.period.start}|${l.quantity}|${l.amountCents}`));
        expect(usageLines(o)).toEqual(usageLines(t));
      }),
      { numRuns: RUNS },
    );
  });

  it('(b) every period keeps its advance fee during suspensions; a suspension credit needs an unjustified suspension (BASE-D.10.2.1, BASE-D.10.2, BASE-B.3.1.3)', () => {
    fc.assert(
      fc.property(docArb, (doc) => {
        const o = rate(doc);
        for (const p of o.periods) {
          const s = o.statements.find((x) => x.issuedOn === p.start);
          expect(s, `statement of ${p.start}`).toBeDefined();
          const advance = s!.lines.filter((l) => l.category === 'subscription_fee' && l.period.start === p.start && l.period.end === p.end && l.amountCents > 0);
          expect(advance, `advance fee of the period ${p.start}..${p.end}`).toHaveLength(1);
        }
        const suspensionCredits = o.statements.flatMap((s) => s.lines).filter((l) => l.amountCents < 0 && l.clauses.includes('BASE-D.10.2.1'));
        const unjustified = o.decisions.filter((d) => d.kind === 'flag' && d.clauses.includes('BASE-D.10.2.1') && /unjustified/.test(d.detail));
        if (suspensionCredits.length > 0) expect(unjustified.length, 'a suspension credit note without an unjustified suspension').toBeGreaterThan(0);
        // a suspension at the client's request never gives fees back (BASE-D.10.2: fees stay due), nor does the pack rule (BASE-C.4)
        const clientSuspensionCredits = o.statements.flatMap((s) => s.lines).filter((l) => l.amountCents < 0 && (l.clauses.includes('BASE-D.10.2') || l.clauses.includes('BASE-C.4')));
        expect(clientSuspensionCredits).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });

  it('(c) the ledger owes the client money only as far as entries in the client\'s favour explain it (BASE-D.8.9, BASE-D.8.8, BASE-D.8.7)', () => {
    fc.assert(
      fc.property(docArb, (doc) => {
        const o = rate(doc);
        let balance = 0;
        let favour = 0;
        for (const [i, e] of o.ledger.entries()) {
          balance += e.amountCents;
          expect(e.balanceCents, `ledger[${i}].balanceCents`).toBe(balance);
          const explains = e.amountCents < 0 && (e.kind === 'credit' || e.kind === 'refund' || e.kind === 'statement' || (e.kind === 'payment' && e.clauses.includes('BASE-D.8.9')));
          if (explains) favour += -e.amountCents;
          if (balance < 0) expect(-balance, `ledger[${i}]: the operator owes ${-balance} cents, explained by ${favour}`).toBeLessThanOrEqual(favour);
        }
        expect(o.balances.owedCents).toBe(balance);
      }),
      { numRuns: RUNS },
    );
  });

  it('(d) every statement total is the sum of its lines, and the ledger carries each statement (BASE-D.8.1, BASE-D.8.5)', () => {
    fc.assert(
      fc.property(docArb, (doc) => {
        const o = rate(doc);
        for (const s of o.statements) expect(s.totalCents, s.issuedOn).toBe(s.lines.reduce((sum, l) => sum + l.amountCents, 0));
        expect(o.balances.billedCents).toBe(o.statements.reduce((sum, s) => sum + s.totalCents, 0));
        expect(o.ledger.filter((e) => e.kind === 'statement').map((e) => e.amountCents)).toEqual(o.statements.map((s) => s.totalCents));
      }),
      { numRuns: RUNS },
    );
  });

  it('(e) the outcome validates against OutcomeSchema', () => {
    fc.assert(
      fc.property(docArb, (doc) => {
        const parsed = OutcomeSchema.safeParse(rate(doc));
        expect(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues[0])).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('(f) the model is deterministic: the same timeline, or a copy of it, gives the same outcome', () => {
    fc.assert(
      fc.property(docArb, (doc) => {
        const first = rate(doc);
        expect(rate(structuredClone(doc))).toEqual(first);
        expect(JSON.stringify(rate(doc))).toBe(JSON.stringify(first));
      }),
      { numRuns: RUNS },
    );
  });
});
