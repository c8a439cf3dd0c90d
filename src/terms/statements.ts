import type { Catalog } from '../domain/catalog.ts';
import { isClic, type Family, type OptionId } from '../domain/families.ts';
import { lineAmount } from '../domain/money.ts';
import { OUTCOME_VERSION, type DecisionT, type Outcome, type StatementLineT, type StatementT } from '../domain/outcome.ts';
import { nextCycleDate, type BillingPeriod } from '../domain/periods.ts';
import { TARIFFS, TARIFF_COUNT } from '../domain/tariffs.ts';
import { brusselsDayOf, brusselsMidnight, formatDate, formatInstant, parseInstant, type Day } from '../domain/time.ts';
import type { CompiledTimeline } from './compile.ts';
import { usageRows, type RatedUsage } from './rating.ts';
import type { Segment } from './lifecycle.ts';
import { feeLine, price, type Fee } from './fees.ts';
import { endOfContractLines, lostSimCredits, unusedFeesFrom } from './termination.ts';
import { settleAccount } from './dunning.ts';

/** Statements being drafted: lines are put on the first statement issued after the instant they arise. */
export class StatementDraft {
  readonly days: Day[];
  readonly instants: number[];
  readonly lines: StatementLineT[][];

  constructor(
    days: Day[],
    private readonly cycleDay: number,
  ) {
    this.days = days;
    this.instants = days.map(brusselsMidnight);
    this.lines = days.map(() => []);
  }

  /** The index of the first statement issued strictly after `at`, adding statements at later cycle dates as needed. */
  indexAfter(at: number): number {
    const s = this.instants.findIndex((i) => i > at);
    if (s >= 0) return s;
    // The first cycle date after both the last statement and `at`: no empty statements in between.
    const day = nextCycleDate(Math.max(this.days[this.days.length - 1]!, brusselsDayOf(at)), this.cycleDay);
    this.days.push(day);
    this.instants.push(brusselsMidnight(day));
    this.lines.push([]);
    return this.days.length - 1;
  }

  put(at: number, line: StatementLineT): void {
    this.lines[this.indexAfter(at)]!.push(line);
  }
}

/**
 * Statements (BASE-D.8.1, BASE-D.8.3, BASE-D.8.5). One is issued on the first day of every billing
 * period: the subscription fee and options for that period, paid in advance (D.8.1 "payables chaque
 * mois par anticipation"), and the usage of the period that just ended. Changes within a period (a plan
 * change, CLIC-2.6 and D.8.3; a new price, D.7.3 and D.11.1; the end of the contract) are settled pro
 * rata temporis on the next statement. A closing statement the day after the service ends carries the
 * last usage and what the end costs. A roaming record that reaches the operator after its period's
 * statement was issued goes on the first statement issued after it arrived (D.8.3), as a line of its
 * own. Each statement is due `paymentTermDays` after it is issued (D.8.5); dunning.ts settles the account.
 */
export function buildOutcome(c: CompiledTimeline, rated: RatedUsage, catalog: Catalog): Outcome {
  const family = c.timeline.contract.family;
  const clic = isClic(family);
  const periods = c.periods;
  const nP = periods.length;
  const life = c.lifecycle;
  const assumed = (clauses: readonly string[]) => clic && clauses.some((id) => id.startsWith('BASE-'));
  const decisions: DecisionT[] = [...life.decisions];

  if (nP === 0) return emptyOutcome(c, catalog, decisions);

  const end = life.end;
  const serviceEnd = end ? end.lastDay + 1 : Infinity;
  const closing = end ? Math.min(end.lastDay + 1, periods[nP - 1]!.end) : periods[nP - 1]!.end;
  const draft = new StatementDraft([...periods.map((p) => p.start), ...(closing > periods[nP - 1]!.start ? [closing] : [])], c.timeline.contract.cycleDay);
  const at = (day: Day) => brusselsMidnight(day);

  const optionAllowed = (o: OptionId) => catalog.options[o].families.includes(family);
  for (const o of new Set(life.segments.flatMap((g) => g.options))) {
    if (!optionAllowed(o))
      decisions.push({ kind: 'refused', at: formatInstant(c.periodBounds[0]!), detail: `option ${o} is not available on ${family}`, clauses: [o === 'phone2go' ? 'CLIC-2.7' : 'CLIC-1'], assumed: false });
  }
  const segmentOn = (day: Day) => {
    let g = life.segments[0]!;
    for (const s of life.segments) if (s.fromDay <= day) g = s;
    return g;
  };
  const fees = (g: Segment): Fee[] => [
    { category: 'subscription_fee' as const, what: `${g.plan.name} monthly fee`, monthly: price(g.plan.fee, g.priceLevel), clauses: clic ? ['CLIC-2.1'] : [] },
    ...g.options.filter(optionAllowed).map((o) => ({
      category: 'option_fee' as const,
      what: `option ${o}`,
      monthly: price(catalog.options[o].fee, g.priceLevel),
      clauses: [o === 'phone2go' ? 'CLIC-2.7' : 'CLIC-1'],
    })),
  ];

  periods.forEach((period, i) => {
    const partial = period.days !== period.cycleDays;
    const advance = segmentOn(period.start);
    for (const f of fees(advance)) {
      const clauses = [...(partial ? ['BASE-D.8.3'] : []), ...f.clauses, 'BASE-D.8.1'];
      draft.lines[i]!.push(feeLine(period, period.start, period.end, f.category, f.what, f.monthly, clauses, assumed(clauses)));
    }
    // What the period really costs, day by day, against what was charged in advance.
    const changes = life.segments.filter((g) => g.fromDay > period.start && g.fromDay < Math.min(period.end, serviceEnd));
    changes.forEach((g, k) => {
      const from = g.fromDay;
      const to = Math.min(changes[k + 1]?.fromDay ?? period.end, period.end, serviceEnd);
      const before = segmentOn(from - 1);
      const clauses = [...new Set([...g.clauses, 'BASE-D.8.3'])];
      for (const f of fees(before))
        draft.put(at(period.end) - 1, feeLine(period, from, to, f.category, `${f.what} credited from ${formatDate(from)} (change)`, f.monthly, clauses, assumed(clauses), -1));
      for (const f of fees(g))
        draft.put(at(period.end) - 1, feeLine(period, from, to, f.category, `${f.what} from ${formatDate(from)}`, f.monthly, clauses, assumed(clauses)));
    });
    const creditFrom = end ? Math.max(period.start, unusedFeesFrom(c)) : Infinity;
    if (end && creditFrom < period.end) {
      const last = segmentOn(serviceEnd - 1);
      const clauses = [...end.clauses];
      for (const f of fees(last))
        draft.put(end.at, feeLine(period, creditFrom, period.end, f.category, `${f.what} credited for the days after the end`, f.monthly, clauses, assumed(clauses), -1));
    }
  });

  for (let p = 0; p < nP; p++) {
    for (let t = 0; t < TARIFF_COUNT; t++) {
      const q = rated.billed[p * TARIFF_COUNT + t]!;
      if (q > 0) draft.put(c.periodBounds[p + 1]! - 1, usageLine(family, periods[p]!, t, q, catalog, false, assumed, rated.carriedIn));
    }
  }
  // Late records: one line per (statement, usage period, tariff), in the order statements are issued.
  const lateTotals = new Map<string, { s: number; p: number; t: number; q: number }>();
  for (const l of rated.late) {
    const s = draft.indexAfter(l.arrived);
    const key = `${s}:${l.period}:${l.tariff}`;
    const entry = lateTotals.get(key) ?? { s, p: l.period, t: l.tariff, q: 0 };
    entry.q += l.quantity;
    lateTotals.set(key, entry);
  }
  [...lateTotals.values()]
    .sort((a, b) => a.s - b.s || a.p - b.p || a.t - b.t)
    .forEach((e) => draft.lines[e.s]!.push(usageLine(family, periods[e.p]!, e.t, e.q, catalog, true, assumed, rated.carriedIn)));

  if (end) for (const line of endOfContractLines(c, segmentOn(end.lastDay), fees)) draft.put(end.at, { ...line, assumed: assumed(line.clauses) });
  for (const line of lostSimCredits(c, segmentOn, fees)) draft.put(line.at, { ...line.line, assumed: assumed(line.line.clauses) });

  const settled = settleAccount(c, catalog, draft, (day) => fees(segmentOn(day)), assumed);
  decisions.push(...settled.decisions);

  const statements: StatementT[] = draft.days.map((day, i) => {
    const lines = draft.lines[i]!;
    return {
      index: i,
      issuedOn: formatDate(day),
      dueOn: formatDate(day + catalog.paymentTermDays),
      lines,
      totalCents: lines.reduce((sum, l) => sum + l.amountCents, 0),
    };
  });
  return {
    schema: OUTCOME_VERSION,
    subscriber: c.timeline.subscriber.id,
    catalog: catalog.name,
    periods: periods.map((p) => ({ index: p.index, start: formatDate(p.start), end: formatDate(p.end), days: p.days, cycleDays: p.cycleDays })),
    statements,
    decisions: [...decisions, ...rated.decisions].sort((a, b) => instantOf(a.at) - instantOf(b.at)),
    usage: usageRows(c, rated.usage),
    ledger: settled.ledger,
    balances: { billedCents: statements.reduce((sum, s) => sum + s.totalCents, 0), owedCents: settled.owed, prepaidCreditCents: 0 },
  };
}

function instantOf(text: string): number {
  return parseInstant(text) ?? 0;
}

function emptyOutcome(c: CompiledTimeline, catalog: Catalog, decisions: DecisionT[]): Outcome {
  return {
    schema: OUTCOME_VERSION,
    subscriber: c.timeline.subscriber.id,
    catalog: catalog.name,
    periods: [],
    statements: [],
    decisions,
    usage: [],
    ledger: [],
    balances: { billedCents: 0, owedCents: 0, prepaidCreditCents: 0 },
  };
}

const UNIT_OF_FIELD = { call: 'second', sms: 'sms', data: 'byte' } as const;

function usageLine(
  family: Family,
  period: BillingPeriod,
  t: number,
  quantity: number,
  catalog: Catalog,
  late: boolean,
  assumed: (c: readonly string[]) => boolean,
  carriedIn: Float64Array,
): StatementLineT {
  const tariff = TARIFFS[t]!;
  const rate = catalog.rates[t]!;
  const service = tariff.field.startsWith('call') ? 'call' : tariff.field.startsWith('sms') ? 'sms' : 'data';
  const beyondPack = tariff.group === 'national' || (tariff.group === 'roaming_eu' && !tariff.field.endsWith('_world'));
  const rolledOver = beyondPack && carriedIn[period.index * 3 + ['call', 'sms', 'data'].indexOf(service)]! > 0;
  // Beyond a pack prorated for a short period, the proration decides how much is beyond (BASE-D.8.3).
  const prorated = beyondPack && period.days !== period.cycleDays;
  const clauses = [...(prorated ? ['BASE-D.8.3'] : []), ...(rolledOver ? ['BASE-D.7.2'] : []), ...usageClauses(family, tariff.key, late)];
  return {
    category: tariff.category,
    tariff: tariff.key,
    description: late ? `${tariff.label} (roaming records received late)` : tariff.label,
    period: { start: formatDate(period.start), end: formatDate(period.end) },
    quantity,
    unit: UNIT_OF_FIELD[service],
    rate: rate.text,
    amountCents: lineAmount(quantity, rate),
    clauses,
    assumed: assumed(clauses),
  };
}

/**
 * The clauses that make a usage line billable. CLIC: beyond the pack's volume (CLIC-2.1; in the EU zone
 * data goes on at normal speed, billed) or outside what the pack covers (CLIC-2.2). BASE: tariffs apply
 * in Belgium (D.7.1), roaming and international at the published prices (B.2.1), listed per D.8.1.
 */
export function usageClauses(family: Family, tariffKey: string, late: boolean): string[] {
  const [group = '', field = ''] = tariffKey.split('.');
  const out: string[] = [];
  if (isClic(family)) {
    if (group === 'national' || (group === 'roaming_eu' && !field.endsWith('_world'))) out.push('CLIC-2.1');
    out.push('CLIC-2.2');
  } else {
    // D.7.1 decides what the plan covers (use in Belgium); B.2.1 prices the rest at the published rates.
    out.push('BASE-D.7.1', ...(group === 'international' || group.startsWith('roaming') ? ['BASE-B.2.1'] : []), 'BASE-D.8.1');
  }
  if (field.startsWith('sms')) out.push('BASE-A');
  if (field === 'data') out.push('BASE-B.4');
  // A late record's line is decided by its lateness first.
  return late ? ['BASE-D.8.3', ...out] : out;
}

