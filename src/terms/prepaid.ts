import type { Catalog } from '../domain/catalog.ts';
import { Zone, ZONE_NAMES } from '../domain/countries.ts';
import { SERVICES, Svc } from '../domain/families.ts';
import { lineAmount, roundHalfUp } from '../domain/money.ts';
import { Dest } from '../domain/numbering.ts';
import { OUTCOME_VERSION, type DecisionT, type Outcome } from '../domain/outcome.ts';
import { brusselsDayOf, brusselsMidnight, formatDate, formatInstant, parseDate, type Instant } from '../domain/time.ts';
import type { CompiledTimeline } from './compile.ts';
import { addMonths, ROAMING_SWITCH_SECONDS } from './lifecycle.ts';
import { tariffFor } from './scope.ts';
import { Treat, TREATMENTS, usageIndex, usageRows } from './rating.ts';

/** BASE-B.2.2: prepaid credit is valid 12 months from purchase; the number may go after 12 months without a top-up. */
export const PREPAID_VALIDITY_MONTHS = 12;
/** BASE-B.1.2.3: a refund after a port-out must be asked within one month. */
export const REFUND_REQUEST_MONTHS = 1;

interface Lot {
  readonly purchasedAt: Instant;
  readonly expires: Instant;
  readonly purchased: boolean;
  left: number;
}

type Ledger = Outcome['ledger'];

/**
 * Prepaid credit (BASE-B.1.2.1, BASE-B.1.2.2, BASE-B.1.2.3, BASE-B.1.2.4, BASE-B.2.2, BASE-B.2.5, BASE-D.11.3, BASE-D.11.4):
 * never invoiced, so no statements. Each
 * top-up is credit valid 12 months from its purchase; usage is charged record by record at the catalog
 * tariffs (each record's price rounded half up to the cent, since credit is kept in cents), from the
 * credit that expires first; a record the credit cannot cover is cut (calls and data) or blocked (SMS).
 * Received calls in Belgium keep working without credit until the number is withdrawn, 12 months after
 * the SIM or the last top-up (B.1.2.2, B.2.2). After an announced price change, the old prices apply
 * until the first top-up after it takes effect (B.1.2.4, D.11.3). EU roaming through an alternative
 * roaming operator is not charged here and never paid from prepaid credit (B.2.5). A refund of purchased
 * credit, less the catalog fee, is possible only within a month of a port-out (B.1.2.3).
 */
export function ratePrepaid(c: CompiledTimeline, catalog: Catalog): Outcome {
  const decisions: DecisionT[] = [...c.lifecycle.decisions];
  const decide = (d: Omit<DecisionT, 'assumed'>) => decisions.push({ ...d, assumed: false });
  const ledger: Ledger = [];
  let balance = 0;
  const entry = (at: Instant, kind: Ledger[number]['kind'], amount: number, detail: string, clauses: string[]) => {
    if (amount === 0) return;
    balance += amount;
    ledger.push({ at: formatInstant(at), kind, amountCents: amount, balanceCents: balance, detail, clauses });
  };
  const lots: Lot[] = [];
  const nL = c.lineIds.length;
  const nP = Math.max(1, c.periods.length);
  const usage = new Float64Array(nP * nL * 3 * 3 * TREATMENTS);
  const start = brusselsMidnight(parseDate(c.timeline.contract.start)!);
  const horizon = Math.max(brusselsMidnight(parseDate(c.timeline.until)!), c.periodBounds[c.periods.length] ?? start);

  // Price changes (B.1.2.4): a new price level applies from the first top-up after it takes effect.
  const changes = c.lifecycle.changes.filter((ch) => ch.kind === 'price_increase').map((ch) => ({ effective: brusselsMidnight(ch.effectiveDay), percent: percentOf(c, ch.at) }));
  let level = 1_000_000;
  const pendingLevels = [...changes];

  let lastTopUp = start;
  let withdrawnAt = Infinity;
  let portedAt: Instant | undefined;
  let ended = c.lifecycle.end?.at ?? Infinity;
  let aroFrom = Infinity;
  const lapse = (t: Instant, why: string) => {
    for (const lot of lots) {
      if (lot.left > 0 && (lot.expires <= t || why !== 'expired')) {
        entry(Math.min(t, lot.expires), 'prepaid_lapse', lot.left, why === 'expired' ? `credit bought on ${formatDate(brusselsDayOf(lot.purchasedAt))} lapsed after 12 months` : why, ['BASE-B.2.2']);
        lot.left = 0;
      }
    }
  };
  const checkWithdrawal = (t: Instant) => {
    const limit = brusselsMidnight(addMonths(brusselsDayOf(lastTopUp), PREPAID_VALIDITY_MONTHS));
    if (withdrawnAt === Infinity && limit <= t && limit < ended) {
      withdrawnAt = limit;
      decide({ kind: 'number_withdrawal', at: formatInstant(limit), detail: 'no top-up for 12 months: the number is withdrawn and the remaining credit lapses', clauses: ['BASE-B.2.2'] });
      lapse(limit, 'remaining credit lapses with the number');
    }
  };
  const available = (t: Instant) => lots.reduce((s, l) => s + (l.expires > t ? l.left : 0), 0);
  const debit = (t: Instant, amount: number) => {
    let left = amount;
    for (const lot of [...lots].sort((a, b) => a.expires - b.expires)) {
      if (lot.expires <= t || left === 0) continue;
      const take = Math.min(lot.left, left);
      lot.left -= take;
      left -= take;
    }
  };

  // BASE-D.11.4: credit a change makes unusable is replaced by new credit of the same value.
  const replacements = c.account
    .filter((a) => a.event.type === 'change_announced' && a.event.makesCreditUnusable)
    .map((a) => brusselsMidnight(c.lifecycle.changes.find((ch) => ch.at === a.at)!.effectiveDay));
  const replace = (t: Instant) => {
    const value = lots.reduce((sum, l) => sum + (l.expires > t ? l.left : 0), 0);
    if (value === 0) return;
    const purchased = lots.filter((l) => l.purchased && l.expires > t).reduce((sum, l) => sum + l.left, 0);
    for (const l of lots) l.left = 0;
    entry(t, 'prepaid_lapse', value, 'credit made unusable by a change of conditions', ['BASE-D.11.4']);
    lots.push({ purchasedAt: t, expires: brusselsMidnight(addMonths(brusselsDayOf(t), PREPAID_VALIDITY_MONTHS)), purchased: purchased > 0, left: value });
    entry(t, 'prepaid_top_up', -value, 'replacement credit of the same value', ['BASE-D.11.4']);
  };

  let r = 0;
  const events = c.account;
  let a = 0;
  while (r < c.count || a < events.length) {
    const nextAccount = a < events.length ? events[a]!.at : Infinity;
    const nextUsage = r < c.count ? c.at[r]! : Infinity;
    const t = Math.min(nextAccount, nextUsage);
    checkWithdrawal(t);
    lapse(t, 'expired');
    while (replacements.length > 0 && replacements[0]! <= t) {
      const at = replacements.shift()!;
      if (at < Math.min(withdrawnAt, ended)) replace(at);
    }
    if (nextAccount <= nextUsage) {
      const e = events[a++]!.event;
      if (e.type === 'top_up' && t < Math.min(withdrawnAt, ended)) {
        lastTopUp = t;
        while (pendingLevels.length > 0 && pendingLevels[0]!.effective <= t) level = Math.round(level * (1 + pendingLevels.shift()!.percent / 100));
        lots.push({ purchasedAt: t, expires: brusselsMidnight(addMonths(brusselsDayOf(t), PREPAID_VALIDITY_MONTHS)), purchased: !e.promotional, left: e.amountCents });
        entry(t, 'prepaid_top_up', -e.amountCents, e.promotional ? 'promotional credit' : 'credit bought', ['BASE-B.1.2.1']);
      } else if (e.type === 'port_out') {
        portedAt = t;
      } else if (e.type === 'roaming_operator_switch') {
        aroFrom = e.active ? t + ROAMING_SWITCH_SECONDS : Infinity;
      } else if (e.type === 'refund_request') {
        const inTime = portedAt !== undefined && brusselsDayOf(t) <= addMonths(brusselsDayOf(portedAt), REFUND_REQUEST_MONTHS);
        if (!inTime) {
          decide({ kind: 'refused', at: formatInstant(t), detail: 'prepaid credit is only refunded on migration to a subscription or within a month of a port-out', clauses: ['BASE-B.1.2.3', 'BASE-D.11.3'] });
        } else {
          const purchased = lots.filter((l) => l.purchased && l.expires > portedAt!).reduce((s, l) => s + l.left, 0);
          const refund = Math.max(0, purchased - catalog.fees.prepaidRefund);
          for (const l of lots) l.left = 0;
          entry(t, 'prepaid_refund', purchased, `unused purchased credit of ${(purchased / 100).toFixed(2)} euros refunded less the ${(catalog.fees.prepaidRefund / 100).toFixed(2)} euros fee: ${(refund / 100).toFixed(2)} euros paid back; promotional credit is not refunded`, ['BASE-B.1.2.3']);
        }
      } else if (e.type === 'plan_change') {
        const to = catalog.plans.get(e.plan);
        if (to && to.family === 'BASE_SUBSCRIPTION' && t < ended) {
          const purchased = lots.filter((l) => l.purchased && l.expires > t).reduce((s, l) => s + l.left, 0);
          for (const l of lots) l.left = 0;
          entry(t, 'prepaid_refund', purchased, `migration to ${to.name}: the purchased credit (${(purchased / 100).toFixed(2)} euros) is transferred`, ['BASE-B.1.2.3']);
          decide({ kind: 'migration', at: formatInstant(t), detail: `migrated to the subscription ${to.name}; the prepaid line ends`, clauses: ['BASE-B.1.2.3'] });
          ended = Math.min(ended, t);
        }
      }
      continue;
    }
    // A usage record, in time order.
    const p = c.period[r]!;
    const line = c.line[r]!;
    const s = c.service[r]!;
    const z = c.zone[r]!;
    const d = c.dest[r]!;
    const q = c.quantity[r]!;
    const u = usageIndex(nL, p, line, s, z);
    const row = r++;
    if (s !== Svc.DATA && d === Dest.EMERGENCY) {
      usage[u + Treat.FREE] = usage[u + Treat.FREE]! + q;
      continue;
    }
    const over = t >= ended || t >= withdrawnAt;
    if (over || c.lifecycle.blocks.some((b) => (b.line === -1 || b.line === line) && b.from <= t && t < b.to)) {
      usage[u + Treat.BLOCKED] = usage[u + Treat.BLOCKED]! + q;
      decide({ kind: 'blocked', at: formatInstant(t), line: c.lineIds[line]!, service: SERVICES[s]!, event: c.event[row]!, quantity: q, detail: over ? 'the prepaid line has ended' : 'services suspended', clauses: over ? ['BASE-B.2.2'] : ['BASE-B.3.1.3'] });
      continue;
    }
    if (c.incoming[row] === 1 && z !== Zone.WORLD) {
      usage[u + Treat.FREE] = usage[u + Treat.FREE]! + q; // B.1.2.2: received calls in Belgium work while the number lives
      continue;
    }
    if (d === Dest.FREE && s !== Svc.DATA) {
      usage[u + Treat.FREE] = usage[u + Treat.FREE]! + q;
      continue;
    }
    if (z === Zone.EU && t >= aroFrom) {
      usage[u + Treat.FREE] = usage[u + Treat.FREE]! + q; // B.2.5: served and charged by the alternative roaming operator
      continue;
    }
    const tariff = c.incoming[row] === 1 ? tariffFor(s, z, d) + 1 /* roaming_world.call_received follows call */ : tariffFor(s, z, d);
    const rate = catalog.rates[tariff]!;
    const priceOf = (qty: number) => roundHalfUp(lineAmount(qty, rate) * level, 1_000_000);
    const cost = priceOf(q);
    const credit = available(t);
    let served = q;
    if (cost > credit) {
      served = s === Svc.SMS ? 0 : affordable(q, credit, priceOf);
      usage[u + Treat.BLOCKED] = usage[u + Treat.BLOCKED]! + q - served;
      decide({ kind: 'blocked', at: formatInstant(t), line: c.lineIds[line]!, service: SERVICES[s]!, event: c.event[row]!, quantity: q - served, detail: served > 0 ? 'cut when the prepaid credit ran out' : 'no prepaid credit left', clauses: ['BASE-B.1.2.1', 'BASE-B.1.2.2'] });
    }
    if (served > 0) {
      const charged = priceOf(served);
      debit(t, charged);
      usage[u + Treat.BILLED] = usage[u + Treat.BILLED]! + served;
      entry(t, 'prepaid_use', charged, `${SERVICES[s]} (${ZONE_NAMES[z]})`, ['BASE-B.1.2.1']);
    }
  }
  for (const t of replacements) {
    if (t >= horizon) break;
    checkWithdrawal(t);
    lapse(t, 'expired');
    if (t < Math.min(withdrawnAt, ended)) replace(t);
  }
  checkWithdrawal(horizon);
  lapse(horizon, 'expired');

  const credit = lots.reduce((s2, l) => s2 + (l.expires > horizon ? l.left : 0), 0);
  return {
    schema: OUTCOME_VERSION,
    subscriber: c.timeline.subscriber.id,
    catalog: catalog.name,
    periods: c.periods.map((pp) => ({ index: pp.index, start: formatDate(pp.start), end: formatDate(pp.end), days: pp.days, cycleDays: pp.cycleDays })),
    statements: [],
    decisions,
    usage: usageRows(c, usage),
    ledger,
    balances: { billedCents: 0, owedCents: 0, prepaidCreditCents: credit },
  };
}

/** The largest quantity whose price fits in `credit` (a call or a session is cut when the credit runs out). */
function affordable(q: number, credit: number, priceOf: (qty: number) => number): number {
  let lo = 0;
  let hi = q;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (priceOf(mid) <= credit) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function percentOf(c: CompiledTimeline, at: Instant): number {
  const e = c.account.find((x) => x.at === at && x.event.type === 'change_announced')?.event;
  return e && e.type === 'change_announced' ? (e.feeChangePercent ?? 0) : 0;
}
