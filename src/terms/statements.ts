import type { Catalog } from '../domain/catalog.ts';
import { isClic, SERVICE_UNITS, SERVICES, type Family, type OptionId } from '../domain/families.ts';
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
    const instants = this.instants;
    for (let s = 0; s < instants.length; s++) if (instants[s]! > at) return s;
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
 * A contract's fees in time: the plan segment in force on a day, the monthly fees of a segment (CLIC-2.1,
 * CLIC-2.7, CLIC-1, BASE-D.8.1), computed once per segment, and whether a line's clauses come from the
 * BASE general layer standing in for the CLIC general conditions (`assumed`).
 */
class ContractFees {
  private readonly family: Family;
  private readonly clic: boolean;
  private readonly segments: readonly Segment[];
  private readonly feesBySegment = new Map<Segment, Fee[]>();

  constructor(
    c: CompiledTimeline,
    private readonly catalog: Catalog,
  ) {
    this.family = c.timeline.contract.family;
    this.clic = isClic(this.family);
    this.segments = c.lifecycle.segments;
  }

  assumed(clauses: readonly string[]): boolean {
    return this.clic && citesBase(clauses);
  }

  optionAllowed(o: OptionId): boolean {
    return this.catalog.options[o].families.includes(this.family);
  }

  /** The last segment starting on or before `day` (the first one before any). */
  segmentOn(day: Day): Segment {
    let g = this.segments[0]!;
    for (const s of this.segments) if (s.fromDay <= day) g = s;
    return g;
  }

  /** The monthly fees of a segment: its plan's and those of its options allowed on the family. Shared: do not change. */
  of(g: Segment): Fee[] {
    let fees = this.feesBySegment.get(g);
    if (fees === undefined) {
      fees = [
        { category: 'subscription_fee' as const, what: `${g.plan.name} monthly fee`, monthly: price(g.plan.fee, g.priceLevel), clauses: this.clic ? ['CLIC-2.1'] : [] },
        ...g.options
          .filter((o) => this.optionAllowed(o))
          .map((o) => ({
            category: 'option_fee' as const,
            what: `option ${o}`,
            monthly: price(this.catalog.options[o].fee, g.priceLevel),
            clauses: [o === 'phone2go' ? 'CLIC-2.7' : 'CLIC-1'],
          })),
      ];
      this.feesBySegment.set(g, fees);
    }
    return fees;
  }

  on(day: Day): Fee[] {
    return this.of(this.segmentOn(day));
  }
}

function citesBase(clauses: readonly string[]): boolean {
  for (const id of clauses) if (id.startsWith('BASE-')) return true;
  return false;
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
  const periods = c.periods;
  const nP = periods.length;
  const life = c.lifecycle;
  const fees = new ContractFees(c, catalog);
  const decisions: DecisionT[] = [...life.decisions];

  if (nP === 0) return emptyOutcome(c, catalog, decisions);

  const end = life.end;
  const closing = end ? Math.min(end.lastDay + 1, periods[nP - 1]!.end) : periods[nP - 1]!.end;
  const draft = new StatementDraft([...periods.map((p) => p.start), ...(closing > periods[nP - 1]!.start ? [closing] : [])], c.timeline.contract.cycleDay);

  for (const o of new Set(life.segments.flatMap((g) => g.options))) {
    if (!fees.optionAllowed(o))
      decisions.push({ kind: 'refused', at: formatInstant(c.periodBounds[0]!), detail: `option ${o} is not available on ${family}`, clauses: [o === 'phone2go' ? 'CLIC-2.7' : 'CLIC-1'], assumed: false });
  }
  for (let i = 0; i < nP; i++) putFeeLines(c, fees, draft, i);
  putUsageLines(c, rated, catalog, fees, draft);
  if (end) for (const line of endOfContractLines(c, fees.segmentOn(end.lastDay), (g) => fees.of(g))) draft.put(end.at, { ...line, assumed: fees.assumed(line.clauses) });
  for (const line of lostSimCredits(c, (day) => fees.segmentOn(day), (g) => fees.of(g))) draft.put(line.at, { ...line.line, assumed: fees.assumed(line.line.clauses) });

  const settled = settleAccount(c, catalog, draft, (day) => fees.on(day), (clauses) => fees.assumed(clauses));
  decisions.push(...settled.decisions);

  const paymentTermDays = catalog.paymentTermDays;
  const statements: StatementT[] = draft.days.map((day, i) => {
    const lines = draft.lines[i]!;
    return {
      index: i,
      issuedOn: formatDate(day),
      dueOn: formatDate(day + paymentTermDays),
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
    decisions: inTimeOrder([...decisions, ...rated.decisions]),
    usage: usageRows(c, rated.usage),
    ledger: settled.ledger,
    balances: { billedCents: statements.reduce((sum, s) => sum + s.totalCents, 0), owedCents: settled.owed, prepaidCreditCents: 0 },
  };
}

/**
 * The fee lines of period `i`: its fees in advance (BASE-D.8.1; pro rata for a short period, D.8.3), and
 * what the period really costs day by day against them: each change within it (credit of the fees before,
 * charge of the fees after, on the next statement) and, after the end, the credit of the days not served.
 */
function putFeeLines(c: CompiledTimeline, fees: ContractFees, draft: StatementDraft, i: number): void {
  const period = c.periods[i]!;
  const end = c.lifecycle.end;
  const serviceEnd = end ? end.lastDay + 1 : Infinity;
  const partial = period.days !== period.cycleDays;
  for (const f of fees.on(period.start)) {
    const clauses = partial ? ['BASE-D.8.3', ...f.clauses, 'BASE-D.8.1'] : [...f.clauses, 'BASE-D.8.1'];
    draft.lines[i]!.push(feeLine(period, period.start, period.end, f.category, f.what, f.monthly, clauses, fees.assumed(clauses)));
  }
  const lastInstant = brusselsMidnight(period.end) - 1;
  const changes = c.lifecycle.segments.filter((g) => g.fromDay > period.start && g.fromDay < Math.min(period.end, serviceEnd));
  changes.forEach((g, k) => {
    const from = g.fromDay;
    const to = Math.min(changes[k + 1]?.fromDay ?? period.end, period.end, serviceEnd);
    const clauses = [...new Set([...g.clauses, 'BASE-D.8.3'])];
    const assumed = fees.assumed(clauses);
    for (const f of fees.on(from - 1))
      draft.put(lastInstant, feeLine(period, from, to, f.category, `${f.what} credited from ${formatDate(from)} (change)`, f.monthly, clauses, assumed, -1));
    for (const f of fees.of(g)) draft.put(lastInstant, feeLine(period, from, to, f.category, `${f.what} from ${formatDate(from)}`, f.monthly, clauses, assumed));
  });
  const creditFrom = end ? Math.max(period.start, unusedFeesFrom(c)) : Infinity;
  if (end && creditFrom < period.end) {
    const clauses = [...end.clauses];
    const assumed = fees.assumed(clauses);
    for (const f of fees.on(serviceEnd - 1))
      draft.put(end.at, feeLine(period, creditFrom, period.end, f.category, `${f.what} credited for the days after the end`, f.monthly, clauses, assumed, -1));
  }
}

/**
 * The usage lines: what each period billed, tariff by tariff, on the statement after the period; then the
 * late records, one line per (statement, usage period, tariff), in the order statements are issued.
 */
function putUsageLines(c: CompiledTimeline, rated: RatedUsage, catalog: Catalog, fees: ContractFees, draft: StatementDraft): void {
  const family = c.timeline.contract.family;
  const periods = c.periods;
  for (let p = 0; p < periods.length; p++) {
    const lastInstant = c.periodBounds[p + 1]! - 1;
    for (let t = 0; t < TARIFF_COUNT; t++) {
      const q = rated.billed[p * TARIFF_COUNT + t]!;
      if (q > 0) draft.put(lastInstant, usageLine(family, periods[p]!, t, q, catalog, false, fees, rated.carriedIn));
    }
  }
  if (rated.late.length === 0) return;
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
    .forEach((e) => draft.lines[e.s]!.push(usageLine(family, periods[e.p]!, e.t, e.q, catalog, true, fees, rated.carriedIn)));
}

/**
 * Decisions in time order; those at the same instant keep their order (a stable sort). Their instants
 * are read once each, not once per comparison.
 */
function inTimeOrder(decisions: DecisionT[]): DecisionT[] {
  const at: number[] = [];
  let sorted = true;
  for (let i = 0; i < decisions.length; i++) {
    at.push(parseInstant(decisions[i]!.at) ?? 0);
    if (i > 0 && at[i]! < at[i - 1]!) sorted = false;
  }
  if (sorted) return decisions;
  const order = at.map((_, i) => i).sort((a, b) => at[a]! - at[b]!);
  return order.map((i) => decisions[i]!);
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

/** What usageLine needs of each tariff, worked out once from TARIFFS. */
const TARIFF_FACTS = TARIFFS.map((tariff) => {
  const service = tariff.field.startsWith('call') ? 'call' : tariff.field.startsWith('sms') ? 'sms' : 'data';
  const serviceIndex = SERVICES.indexOf(service);
  return {
    service,
    serviceIndex,
    unit: SERVICE_UNITS[serviceIndex]!,
    /** The pack's volume covers it: beyond it the line is billed (CLIC-2.1; BASE-D.7.1 in Belgium). */
    beyondPack: tariff.group === 'national' || (tariff.group === 'roaming_eu' && !tariff.field.endsWith('_world')),
  };
});

function usageLine(
  family: Family,
  period: BillingPeriod,
  t: number,
  quantity: number,
  catalog: Catalog,
  late: boolean,
  fees: ContractFees,
  carriedIn: Float64Array,
): StatementLineT {
  const tariff = TARIFFS[t]!;
  const facts = TARIFF_FACTS[t]!;
  const rate = catalog.rates[t]!;
  const rolledOver = facts.beyondPack && carriedIn[period.index * 3 + facts.serviceIndex]! > 0;
  // Beyond a pack prorated for a short period, the proration decides how much is beyond (BASE-D.8.3).
  const prorated = facts.beyondPack && period.days !== period.cycleDays;
  const clauses = usageLineClauses(family, t, late, prorated, rolledOver);
  return {
    category: tariff.category,
    tariff: tariff.key,
    description: late ? `${tariff.label} (roaming records received late)` : tariff.label,
    period: { start: formatDate(period.start), end: formatDate(period.end) },
    quantity,
    unit: facts.unit,
    rate: rate.text,
    amountCents: lineAmount(quantity, rate),
    clauses,
    assumed: fees.assumed(clauses),
  };
}

/**
 * A usage line's clauses: BASE-D.8.3 when prorated, BASE-D.7.2 when an allowance rolled over, then
 * usageClauses. The same few lists recur on every statement: each is worked out once and copied per line.
 */
function usageLineClauses(family: Family, t: number, late: boolean, prorated: boolean, rolledOver: boolean): string[] {
  let known = USAGE_LINE_CLAUSES.get(family);
  if (known === undefined) USAGE_LINE_CLAUSES.set(family, (known = []));
  const k = t * 8 + (late ? 4 : 0) + (prorated ? 2 : 0) + (rolledOver ? 1 : 0);
  const clauses = (known[k] ??= [...(prorated ? ['BASE-D.8.3'] : []), ...(rolledOver ? ['BASE-D.7.2'] : []), ...usageClauses(family, TARIFFS[t]!.key, late)]);
  return clauses.slice();
}
/** By family, the clauses of each (tariff, late, prorated, rolled over), at index tariff × 8 + the three flags. */
const USAGE_LINE_CLAUSES = new Map<Family, Array<readonly string[]>>();

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

