import type { Catalog } from '../domain/catalog.ts';
import { Zone, ZONE_NAMES } from '../domain/countries.ts';
import { SERVICES, Svc } from '../domain/families.ts';
import { lineAmount, roundHalfUp, type Rate } from '../domain/money.ts';
import { Dest } from '../domain/numbering.ts';
import { OUTCOME_VERSION, type DecisionT, type Outcome } from '../domain/outcome.ts';
import { brusselsDayOf, brusselsMidnight, formatDate, formatInstant, parseDate, type Instant } from '../domain/time.ts';
import type { CompiledTimeline } from './compile.ts';
import { addMonths, ROAMING_SWITCH_SECONDS } from './lifecycle.ts';
import { tariffFor } from './scope.ts';
import { GroupedBlocks } from './grouped-blocks.ts';
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
 * credit that expires first; a record the credit cannot cover is cut (calls and data) or blocked (SMS),
 * and with no credit left nothing is served. Refusals for a state that lasts (no credit, or too little,
 * until the next top-up; the line ended; services suspended) are one decision per state, period, line
 * and service, as rating.ts does for blocks; a record cut part-way is a decision of its own. Received
 * calls in Belgium keep working without credit until the number is withdrawn, 12 months after the SIM
 * or the last top-up (B.1.2.2, B.2.2). After an announced price change, the old prices apply
 * until the first top-up after it takes effect (B.1.2.4, D.11.3). EU roaming through an alternative
 * roaming operator is not charged here and never paid from prepaid credit (B.2.5). A refund of purchased
 * credit, less the catalog fee, is possible only within a month of a port-out (B.1.2.3).
 */
export function ratePrepaid(c: CompiledTimeline, catalog: Catalog): Outcome {
  const account = new PrepaidAccount(c, catalog);
  account.run();
  return {
    schema: OUTCOME_VERSION,
    subscriber: c.timeline.subscriber.id,
    catalog: catalog.name,
    periods: c.periods.map((pp) => ({ index: pp.index, start: formatDate(pp.start), end: formatDate(pp.end), days: pp.days, cycleDays: pp.cycleDays })),
    statements: [],
    decisions: account.decisions,
    usage: usageRows(c, account.usage),
    ledger: account.ledger,
    balances: { billedCents: 0, owedCents: 0, prepaidCreditCents: account.creditAt(account.horizon) },
  };
}

/** The ledger detail of a use of credit, by service × zones + zone: "call (EU)". */
const USE_DETAIL = SERVICES.flatMap((service) => ZONE_NAMES.map((zone) => `${service} (${zone})`));

/**
 * One prepaid line in time, as ratePrepaid runs it: its credit lots, the account events and usage
 * records in time order, and what they add to the ledger, the decisions and the usage table. A class
 * rather than closures in ratePrepaid: its helpers are made once, not once per subscriber, and the per
 * record path (hundreds of records per subscriber) allocates only what goes into the outcome, and a
 * key for a record refused in bulk.
 */
class PrepaidAccount {
  readonly decisions: DecisionT[];
  readonly ledger: Ledger = [];
  /** Quantities per (period, line, service, zone, treatment), laid out as rating.ts's usageIndex. */
  readonly usage: Float64Array;
  readonly horizon: Instant;
  private balance = 0;
  /** Credit lots in the order they were bought (the order lapses are written in). */
  private readonly lots: Lot[] = [];
  /** The same lots by expiry, bought order among equal expiries: credit is used from the first to expire. */
  private readonly byExpiry: Lot[] = [];
  /** No lot with credit left expires before this (a lower bound: lapsing before it finds nothing). */
  private nextExpiry = Infinity;
  private readonly nL: number;
  private readonly rates: Rate[] = [];
  /** The last record cut for want of credit: the largest quantity `credit` pays for is `served` if below `q`. */
  private lastCut: { rate: Rate; level: number; credit: number; q: number; served: number } | undefined;

  /** Top-ups so far: a stretch without (enough) credit lasts until the next one, so they number the stretches. */
  private topUps = 0;
  /** Refusals for a state that lasts, by state, period, line and service: the decision and how many records it covers. */
  private readonly grouped = new GroupedBlocks();

  /** Price level in millionths (B.1.2.4): a new level applies from the first top-up after it takes effect. */
  private level = 1_000_000;
  private readonly pendingLevels: Array<{ effective: Instant; percent: number }>;
  /** BASE-D.11.4: when credit is made unusable by a change of conditions (replaced by new credit). */
  private readonly replacements: Instant[];

  /** When the number goes for want of a top-up (B.2.2): 12 months after the SIM or the last top-up. */
  private withdrawalLimit: Instant;
  private withdrawnAt = Infinity;
  private portedAt: Instant | undefined;
  private ended: Instant;
  private aroFrom = Infinity;

  constructor(
    private readonly c: CompiledTimeline,
    private readonly catalog: Catalog,
  ) {
    this.decisions = [...c.lifecycle.decisions];
    this.nL = c.lineIds.length;
    const nP = Math.max(1, c.periods.length);
    this.usage = new Float64Array(nP * this.nL * 3 * 3 * TREATMENTS);
    const start = brusselsMidnight(parseDate(c.timeline.contract.start)!);
    this.horizon = Math.max(brusselsMidnight(parseDate(c.timeline.until)!), c.periodBounds[c.periods.length] ?? start);
    this.pendingLevels = c.lifecycle.changes
      .filter((ch) => ch.kind === 'price_increase')
      .map((ch) => ({ effective: brusselsMidnight(ch.effectiveDay), percent: percentOf(c, ch.at) }));
    this.replacements = c.account
      .filter((a) => a.event.type === 'change_announced' && a.event.makesCreditUnusable)
      .map((a) => brusselsMidnight(c.lifecycle.changes.find((ch) => ch.at === a.at)!.effectiveDay));
    this.ended = c.lifecycle.end?.at ?? Infinity;
    this.withdrawalLimit = twelveMonthsAfter(start);
  }

  private decide(d: Omit<DecisionT, 'assumed'>): void {
    this.decisions.push({ ...d, assumed: false });
  }

  /** Record `row` (quantity `q` not served) refused: one decision per record. */
  private refuse(t: Instant, row: number, q: number, detail: string, clauses: string[]): DecisionT {
    const c = this.c;
    const d: DecisionT = { kind: 'blocked', at: formatInstant(t), line: c.lineIds[c.line[row]!]!, service: SERVICES[c.service[row]!]!, event: c.event[row]!, quantity: q, detail, clauses, assumed: false };
    this.decisions.push(d);
    return d;
  }

  /**
   * Record `row` refused for a state that lasts (`key`: the state, period, line and service): the first
   * record makes the decision, the next ones add their quantity to it; `ends` says where the state ends.
   */
  private refuseInBulk(key: string, t: Instant, row: number, q: number, detail: string, clauses: string[], ends: string): void {
    if (!this.grouped.add(key, t, q)) this.grouped.open(key, t, this.refuse(t, row, q, detail, clauses), ends);
  }

  private entry(at: Instant, kind: Ledger[number]['kind'], amount: number, detail: string, clauses: string[]): void {
    if (amount === 0) return;
    this.balance += amount;
    this.ledger.push({ at: formatInstant(at), kind, amountCents: amount, balanceCents: this.balance, detail, clauses });
  }

  private addLot(lot: Lot): void {
    this.lots.push(lot);
    let i = this.byExpiry.length;
    while (i > 0 && this.byExpiry[i - 1]!.expires > lot.expires) i--;
    this.byExpiry.splice(i, 0, lot);
    if (lot.left > 0 && lot.expires < this.nextExpiry) this.nextExpiry = lot.expires;
  }

  /** Credit that expired by `t` lapses (B.2.2), lot by lot. */
  private lapseExpired(t: Instant): void {
    if (t < this.nextExpiry) return;
    this.lapse(t, 'expired');
    let next = Infinity;
    for (const lot of this.lots) if (lot.left > 0 && lot.expires < next) next = lot.expires;
    this.nextExpiry = next;
  }

  /** Lots that expired by `t` lapse (why 'expired'), or all lots with credit left lapse for `why`. */
  private lapse(t: Instant, why: string): void {
    for (const lot of this.lots) {
      if (lot.left > 0 && (lot.expires <= t || why !== 'expired')) {
        this.entry(Math.min(t, lot.expires), 'prepaid_lapse', lot.left, why === 'expired' ? `credit bought on ${formatDate(brusselsDayOf(lot.purchasedAt))} lapsed after 12 months` : why, ['BASE-B.2.2']);
        lot.left = 0;
      }
    }
  }

  private checkWithdrawal(t: Instant): void {
    const limit = this.withdrawalLimit;
    if (this.withdrawnAt === Infinity && limit <= t && limit < this.ended) {
      this.withdrawnAt = limit;
      this.decide({ kind: 'number_withdrawal', at: formatInstant(limit), detail: 'no top-up for 12 months: the number is withdrawn and the remaining credit lapses', clauses: ['BASE-B.2.2'] });
      this.lapse(limit, 'remaining credit lapses with the number');
    }
  }

  /** Credit left at `t`: what is left of the lots not expired by then. */
  creditAt(t: Instant): number {
    let sum = 0;
    for (const l of this.lots) if (l.expires > t) sum += l.left;
    return sum;
  }

  private purchasedCreditAt(t: Instant): number {
    let sum = 0;
    for (const l of this.lots) if (l.purchased && l.expires > t) sum += l.left;
    return sum;
  }

  private emptyLots(): void {
    for (const l of this.lots) l.left = 0;
  }

  /** Takes `amount` from the lots valid at `t`, the first to expire first. */
  private debit(t: Instant, amount: number): void {
    let left = amount;
    for (const lot of this.byExpiry) {
      if (lot.expires <= t || left === 0) continue;
      const take = Math.min(lot.left, left);
      lot.left -= take;
      left -= take;
    }
  }

  /** BASE-D.11.4: credit a change makes unusable is replaced by new credit of the same value. */
  private replace(t: Instant): void {
    const value = this.creditAt(t);
    if (value === 0) return;
    const purchased = this.purchasedCreditAt(t);
    this.emptyLots();
    this.entry(t, 'prepaid_lapse', value, 'credit made unusable by a change of conditions', ['BASE-D.11.4']);
    this.addLot({ purchasedAt: t, expires: twelveMonthsAfter(t), purchased: purchased > 0, left: value });
    this.entry(t, 'prepaid_top_up', -value, 'replacement credit of the same value', ['BASE-D.11.4']);
  }

  /** Account events and usage records in time order (an account event first at the same instant), then the horizon. */
  run(): void {
    const c = this.c;
    const events = c.account;
    let r = 0;
    let a = 0;
    while (r < c.count || a < events.length) {
      const nextAccount = a < events.length ? events[a]!.at : Infinity;
      const nextUsage = r < c.count ? c.at[r]! : Infinity;
      const t = Math.min(nextAccount, nextUsage);
      this.checkWithdrawal(t);
      this.lapseExpired(t);
      while (this.replacements.length > 0 && this.replacements[0]! <= t) {
        const at = this.replacements.shift()!;
        if (at < Math.min(this.withdrawnAt, this.ended)) this.replace(at);
      }
      if (nextAccount <= nextUsage) this.accountEvent(t, events[a++]!.event);
      else this.useRecord(t, r++);
    }
    for (const t of this.replacements) {
      if (t >= this.horizon) break;
      this.checkWithdrawal(t);
      this.lapseExpired(t);
      if (t < Math.min(this.withdrawnAt, this.ended)) this.replace(t);
    }
    this.checkWithdrawal(this.horizon);
    this.lapseExpired(this.horizon);
    this.grouped.finish();
  }

  private accountEvent(t: Instant, e: CompiledTimeline['account'][number]['event']): void {
    if (e.type === 'top_up' && t < Math.min(this.withdrawnAt, this.ended)) {
      this.topUps++;
      this.withdrawalLimit = twelveMonthsAfter(t);
      while (this.pendingLevels.length > 0 && this.pendingLevels[0]!.effective <= t) this.level = Math.round(this.level * (1 + this.pendingLevels.shift()!.percent / 100));
      this.addLot({ purchasedAt: t, expires: twelveMonthsAfter(t), purchased: !e.promotional, left: e.amountCents });
      this.entry(t, 'prepaid_top_up', -e.amountCents, e.promotional ? 'promotional credit' : 'credit bought', ['BASE-B.1.2.1']);
    } else if (e.type === 'port_out') {
      this.portedAt = t;
    } else if (e.type === 'roaming_operator_switch') {
      this.aroFrom = e.active ? t + ROAMING_SWITCH_SECONDS : Infinity;
    } else if (e.type === 'refund_request') {
      const portedAt = this.portedAt;
      const inTime = portedAt !== undefined && brusselsDayOf(t) <= addMonths(brusselsDayOf(portedAt), REFUND_REQUEST_MONTHS);
      if (!inTime) {
        this.decide({ kind: 'refused', at: formatInstant(t), detail: 'prepaid credit is only refunded on migration to a subscription or within a month of a port-out', clauses: ['BASE-B.1.2.3', 'BASE-D.11.3'] });
      } else {
        const purchased = this.purchasedCreditAt(portedAt);
        const refund = Math.max(0, purchased - this.catalog.fees.prepaidRefund);
        this.emptyLots();
        this.entry(t, 'prepaid_refund', purchased, `unused purchased credit of ${(purchased / 100).toFixed(2)} euros refunded less the ${(this.catalog.fees.prepaidRefund / 100).toFixed(2)} euros fee: ${(refund / 100).toFixed(2)} euros paid back; promotional credit is not refunded`, ['BASE-B.1.2.3']);
      }
    } else if (e.type === 'plan_change') {
      const to = this.catalog.plans.get(e.plan);
      if (to && to.family === 'BASE_SUBSCRIPTION' && t < this.ended) {
        const purchased = this.purchasedCreditAt(t);
        this.emptyLots();
        this.entry(t, 'prepaid_refund', purchased, `migration to ${to.name}: the purchased credit (${(purchased / 100).toFixed(2)} euros) is transferred`, ['BASE-B.1.2.3']);
        this.decide({ kind: 'migration', at: formatInstant(t), detail: `migrated to the subscription ${to.name}; the prepaid line ends`, clauses: ['BASE-B.1.2.3'] });
        this.ended = Math.min(this.ended, t);
      }
    }
  }

  /** The catalog rate of a tariff, read from the catalog once per tariff (the catalog may trace its reads). */
  private rate(tariff: number): Rate {
    return (this.rates[tariff] ??= this.catalog.rates[tariff]!);
  }

  /**
   * How much of `q` the credit pays for, when not all of it (see `affordable`). Once the credit has run
   * out, record after record asks the same question (same rate, level and credit). As prices grow with
   * the quantity, an answer below the quantity asked is the largest quantity the credit pays for at all,
   * and so the answer for any quantity that costs more than the credit.
   */
  private affordable(q: number, credit: number, rate: Rate): number {
    const last = this.lastCut;
    if (last && last.rate === rate && last.level === this.level && last.credit === credit && last.served < last.q && rate.microEuros >= 0 && this.level >= 0) return Math.min(q, last.served);
    const served = affordable(q, credit, rate, this.level);
    this.lastCut = { rate, level: this.level, credit, q, served };
    return served;
  }

  /** Usage record `row` at `t`: free, blocked, or charged to the credit (cut or refused when it runs out). */
  private useRecord(t: Instant, row: number): void {
    const c = this.c;
    const usage = this.usage;
    const p = c.period[row]!;
    const line = c.line[row]!;
    const s = c.service[row]!;
    const z = c.zone[row]!;
    const d = c.dest[row]!;
    const q = c.quantity[row]!;
    const u = usageIndex(this.nL, p, line, s, z);
    if (s !== Svc.DATA && d === Dest.EMERGENCY) {
      usage[u + Treat.FREE] = usage[u + Treat.FREE]! + q;
      return;
    }
    // An ended line stays ended; records after its last period count in that period (compile.ts).
    const over = t >= this.ended || t >= this.withdrawnAt;
    const block = over ? -1 : blockAt(c, line, t);
    if (over || block >= 0) {
      usage[u + Treat.BLOCKED] = usage[u + Treat.BLOCKED]! + q;
      if (over) this.refuseInBulk(`ended:${p}:${line}:${s}`, t, row, q, 'the prepaid line has ended', ['BASE-B.2.2'], 'the end of the period or of the horizon');
      else this.refuseInBulk(`block:${block}:${p}:${line}:${s}`, t, row, q, 'services suspended', ['BASE-B.3.1.3'], 'the end of the period or of the block');
      return;
    }
    if (c.incoming[row] === 1 && z !== Zone.WORLD) {
      usage[u + Treat.FREE] = usage[u + Treat.FREE]! + q; // B.1.2.2: received calls in Belgium work while the number lives
      return;
    }
    if (d === Dest.FREE && s !== Svc.DATA) {
      usage[u + Treat.FREE] = usage[u + Treat.FREE]! + q;
      return;
    }
    if (z === Zone.EU && t >= this.aroFrom) {
      usage[u + Treat.FREE] = usage[u + Treat.FREE]! + q; // B.2.5: served and charged by the alternative roaming operator
      return;
    }
    const credit = this.creditAt(t);
    // B.1.2.2: services work "aussi longtemps que le Forfait d'appel prépayé n'a pas été totalement épuisé"
    // (while credit remains). With none left nothing is served, not even a second whose price rounds to
    // 0 c. Credit only falls until the next top-up, so this lasts: one decision per stretch without credit.
    if (credit <= 0) {
      usage[u + Treat.BLOCKED] = usage[u + Treat.BLOCKED]! + q;
      this.refuseInBulk(`no-credit:${this.topUps}:${p}:${line}:${s}`, t, row, q, 'no prepaid credit left', ['BASE-B.1.2.2', 'BASE-B.1.2.1'], 'the next top-up or the end of the period');
      return;
    }
    const tariff = c.incoming[row] === 1 ? tariffFor(s, z, d) + 1 /* roaming_world.call_received follows call */ : tariffFor(s, z, d);
    const rate = this.rate(tariff);
    const cost = prepaidPrice(q, rate, this.level);
    let served = q;
    if (cost > credit) {
      // B.1.2.1: access "à concurrence du montant" (up to the credit's amount): a call or session is cut
      // where its price, rounded half up to the cent, would pass the credit; an SMS is not split. Credit
      // left (so not "totalement épuisé", B.1.2.2) but below the price of one unit of what is asked (a
      // second of a 2.50/min call with 2 c left, an SMS with 9 c): none of it is served, since more would
      // pass the amount or leave a debt, and prepaid is never invoiced; cheaper services still work.
      // Until the next top-up credit only falls and prices stay (B.1.2.4), so this lasts: one decision per
      // stretch, period, line and service. A record cut part-way is a decision of its own.
      served = s === Svc.SMS ? 0 : this.affordable(q, credit, rate);
      usage[u + Treat.BLOCKED] = usage[u + Treat.BLOCKED]! + q - served;
      if (served > 0) this.refuse(t, row, q - served, 'cut when the prepaid credit ran out', ['BASE-B.1.2.1', 'BASE-B.1.2.2']);
      else this.refuseInBulk(`too-little:${this.topUps}:${p}:${line}:${s}`, t, row, q, 'too little prepaid credit left', ['BASE-B.1.2.1', 'BASE-B.1.2.2'], 'the next top-up or the end of the period');
    }
    if (served > 0) {
      const charged = served === q ? cost : prepaidPrice(served, rate, this.level);
      this.debit(t, charged);
      usage[u + Treat.BILLED] = usage[u + Treat.BILLED]! + served;
      this.entry(t, 'prepaid_use', charged, USE_DETAIL[s * ZONE_NAMES.length + z]!, ['BASE-B.1.2.1']);
    }
  }
}

/** 00:00 Brussels time on the day 12 months after the day of `t` (B.2.2: credit validity, number withdrawal). */
function twelveMonthsAfter(t: Instant): Instant {
  return brusselsMidnight(addMonths(brusselsDayOf(t), PREPAID_VALIDITY_MONTHS));
}

/** The index of a block (suspension, lost SIM: B.3.1.3) of the line, or of every line, that holds at `t`; -1 if none. */
function blockAt(c: CompiledTimeline, line: number, t: Instant): number {
  const blocks = c.lifecycle.blocks;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if ((b.line === -1 || b.line === line) && b.from <= t && t < b.to) return i;
  }
  return -1;
}

/** A record's price at a price level in millionths, rounded half up to the cent (credit is kept in cents). */
function prepaidPrice(quantity: number, rate: Rate, level: number): number {
  return roundHalfUp(lineAmount(quantity, rate) * level, 1_000_000);
}

/** The largest quantity whose price fits in `credit` (a call or a session is cut when the credit runs out). */
function affordable(q: number, credit: number, rate: Rate, level: number): number {
  let lo = 0;
  let hi = q;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (prepaidPrice(mid, rate, level) <= credit) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function percentOf(c: CompiledTimeline, at: Instant): number {
  const e = c.account.find((x) => x.at === at && x.event.type === 'change_announced')?.event;
  return e && e.type === 'change_announced' ? (e.feeChangePercent ?? 0) : 0;
}
