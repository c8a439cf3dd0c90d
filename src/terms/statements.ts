import type { Catalog } from '../domain/catalog.ts';
import { ZONE_NAMES } from '../domain/countries.ts';
import { isClic, OPTIONS, SERVICES, type Family } from '../domain/families.ts';
import { lineAmount, prorate, type Cents } from '../domain/money.ts';
import { OUTCOME_VERSION, type DecisionT, type Outcome, type StatementLineT, type StatementT, type UsageRowT } from '../domain/outcome.ts';
import { nextCycleDate, type BillingPeriod } from '../domain/periods.ts';
import { TARIFFS, TARIFF_COUNT } from '../domain/tariffs.ts';
import { brusselsMidnight, formatDate, formatInstant, type Day } from '../domain/time.ts';
import type { CompiledTimeline } from './compile.ts';
import { Treat, usageIndex, type RatedUsage } from './rating.ts';

/**
 * Statements (BASE-D.8.1, BASE-D.8.3, BASE-D.8.5). One is issued on the first day of every billing period: the
 * subscription fee and options for that period, paid in advance (D.8.1 "payables chaque mois par
 * anticipation"), and the usage of the period that just ended. A closing statement after the last
 * period carries its usage. A roaming record that reaches the operator after its period's statement was
 * issued goes on the first statement issued after it arrived (D.8.3), as a line of its own. Each
 * statement is due `paymentTermDays` after it is issued (D.8.5).
 */
export function buildOutcome(c: CompiledTimeline, rated: RatedUsage, catalog: Catalog): Outcome {
  const family = c.timeline.contract.family;
  const clic = isClic(family);
  const periods = c.periods;
  const nP = periods.length;
  const assumed = (clauses: readonly string[]) => clic && clauses.some((id) => id.startsWith('BASE-'));
  const decisions: DecisionT[] = [];

  // Issue days: each period's first day, the closing one, and later cycle dates for records arriving late.
  const issueDays: Day[] = periods.map((p) => p.start);
  issueDays.push(periods[nP - 1]!.end);
  const lastArrival = rated.late.reduce((m, l) => Math.max(m, l.arrived), -Infinity);
  while (brusselsMidnight(issueDays[issueDays.length - 1]!) <= lastArrival)
    issueDays.push(nextCycleDate(issueDays[issueDays.length - 1]!, c.timeline.contract.cycleDay));
  const issueInstants = issueDays.map(brusselsMidnight);
  const linesOf: StatementLineT[][] = issueDays.map(() => []);

  const optionAllowed = (o: (typeof OPTIONS)[number]) => catalog.options[o].families.includes(family);
  for (const o of c.timeline.contract.options) {
    if (!optionAllowed(o))
      decisions.push({
        kind: 'refused',
        at: formatInstant(c.periodBounds[0]!),
        detail: `option ${o} is not available on ${family}`,
        clauses: [o === 'phone2go' ? 'CLIC-2.7' : 'CLIC-1'],
        assumed: false,
      });
  }

  periods.forEach((period, i) => {
    const partial = period.days !== period.cycleDays;
    const feeClauses = [...(clic ? ['CLIC-2.1'] : []), 'BASE-D.8.1', ...(partial ? ['BASE-D.8.3'] : [])];
    linesOf[i]!.push(feeLine(period, 'subscription_fee', `${c.plan.name} monthly fee`, c.plan.fee, feeClauses, assumed(feeClauses)));
    for (const o of c.timeline.contract.options) {
      if (!optionAllowed(o)) continue;
      const clauses = [o === 'phone2go' ? 'CLIC-2.7' : 'CLIC-1', 'BASE-D.8.1', ...(partial ? ['BASE-D.8.3'] : [])];
      linesOf[i]!.push(feeLine(period, 'option_fee', `option ${o}`, catalog.options[o].fee, clauses, assumed(clauses)));
    }
  });

  for (let p = 0; p < nP; p++) {
    for (let t = 0; t < TARIFF_COUNT; t++) {
      const q = rated.billed[p * TARIFF_COUNT + t]!;
      if (q > 0) linesOf[p + 1]!.push(usageLine(family, periods[p]!, t, q, catalog, false, assumed));
    }
  }
  // Late records: one line per (statement, usage period, tariff), in the order statements are issued.
  const lateTotals = new Map<string, { s: number; p: number; t: number; q: number }>();
  for (const l of rated.late) {
    let s = 0;
    while (issueInstants[s]! <= l.arrived) s++;
    const key = `${s}:${l.period}:${l.tariff}`;
    const entry = lateTotals.get(key) ?? { s, p: l.period, t: l.tariff, q: 0 };
    entry.q += l.quantity;
    lateTotals.set(key, entry);
  }
  [...lateTotals.values()]
    .sort((a, b) => a.s - b.s || a.p - b.p || a.t - b.t)
    .forEach((e) => linesOf[e.s]!.push(usageLine(family, periods[e.p]!, e.t, e.q, catalog, true, assumed)));

  const statements: StatementT[] = issueDays.map((day, i) => {
    const lines = linesOf[i]!;
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
    decisions: [...decisions, ...rated.decisions],
    usage: usageRows(c, rated),
    balances: { billedCents: statements.reduce((sum, s) => sum + s.totalCents, 0) },
  };
}

function feeLine(
  period: BillingPeriod,
  category: 'subscription_fee' | 'option_fee',
  what: string,
  monthly: Cents,
  clauses: string[],
  assumed: boolean,
): StatementLineT {
  const partial = period.days !== period.cycleDays;
  return {
    category,
    description: partial ? `${what}, ${period.days}/${period.cycleDays} of the month (pro rata temporis)` : what,
    period: { start: formatDate(period.start), end: formatDate(period.end) },
    quantity: period.days,
    unit: 'day',
    rate: `${(monthly / 100).toFixed(2)}/${period.cycleDays} days`,
    amountCents: prorate(monthly, period.days, period.cycleDays),
    clauses,
    assumed,
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
): StatementLineT {
  const tariff = TARIFFS[t]!;
  const rate = catalog.rates[t]!;
  const service = tariff.field.startsWith('call') ? 'call' : tariff.field.startsWith('sms') ? 'sms' : 'data';
  const clauses = usageClauses(family, tariff.key, late);
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
    out.push(group === 'international' || group.startsWith('roaming') ? 'BASE-B.2.1' : 'BASE-D.7.1', 'BASE-D.8.1');
  }
  if (field.startsWith('sms')) out.push('BASE-A');
  if (field === 'data') out.push('BASE-B.4');
  if (late) out.push('BASE-D.8.3');
  return out;
}

function usageRows(c: CompiledTimeline, rated: RatedUsage): UsageRowT[] {
  const rows: UsageRowT[] = [];
  const nL = c.lineIds.length;
  for (let p = 0; p < c.periods.length; p++)
    for (let l = 0; l < nL; l++)
      for (let s = 0; s < 3; s++)
        for (let z = 0; z < 3; z++) {
          const u = usageIndex(nL, p, l, s, z);
          let any = 0;
          for (let k = 0; k < 5; k++) any += rated.usage[u + k]!;
          if (any === 0) continue;
          rows.push({
            period: p,
            line: c.lineIds[l]!,
            service: SERVICES[s]!,
            zone: ZONE_NAMES[z]!,
            unit: (['second', 'sms', 'byte'] as const)[s]!,
            included: rated.usage[u + Treat.INCLUDED]!,
            billed: rated.usage[u + Treat.BILLED]!,
            throttled: rated.usage[u + Treat.THROTTLED]!,
            blocked: rated.usage[u + Treat.BLOCKED]!,
            free: rated.usage[u + Treat.FREE]!,
          });
        }
  return rows;
}
