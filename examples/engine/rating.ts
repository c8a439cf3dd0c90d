/**
 * The rating loop: periods in order, each period's usage records in time order against the pack's
 * allowances and fair-use limits, then the statements (BASE-D.8.1, D.8.5): one on the first day of each
 * period with that period's fees in advance and the previous period's usage, and a closing one.
 */
import { AllowancePool } from './allowances.ts';
import type { Catalog, Plan, Service } from './catalog.ts';
import { countsInPack, dataInPack, dataTariffFor, tariffFor } from './coverage.ts';
import { readTimeline, TimelineError, type SimLine, type Subscription, type UsageRecord } from './input.ts';
import { lineCents } from './money.ts';
import type { Decision, Outcome, Statement, StatementLine, UsageRow } from './outcome.ts';
import { periodsOf, type Period } from './periods.ts';
import { monthLength, prorate } from './proration.ts';
import { formatBrussels, formatDay, type Instant } from './time.ts';
import type { Zone } from './zones.ts';

interface ThrottleState {
  since: Instant;
  delivered: number;
}

class SimState {
  callSeconds = 0;
  sms = 0;
  data: Record<Zone, number> = { BE: 0, EU: 0, WORLD: 0 };
  callsPaused = false;
  smsPaused = false;
  throttle: Partial<Record<Zone, ThrottleState>> = {};
  flagged = new Set<string>();
}

interface PeriodRun {
  period: Period;
  pools: Partial<Record<Service, AllowancePool>>;
  sims: Map<string, SimState>;
  /** When flat data ran out in Belgium: every SIM of the pack at 512 kbps from then (CLIC-2.1). */
  packThrottledSince: Instant | null;
  /** Billed quantity per tariff key. */
  billed: Map<string, number>;
  alertsSent: number;
}

const CATEGORY_OF_GROUP: Record<string, string> = {
  national: 'national_usage',
  international: 'international_usage',
  roaming_eu: 'roaming_usage',
  roaming_world: 'roaming_usage',
  special: 'special_numbers',
  premium: 'special_numbers',
  short_code: 'special_numbers',
};

const isClic = (plan: Plan): boolean => plan.family === 'CLIC' || plan.family === 'CLIC_BUREAU';

class Rater {
  readonly decisions: Decision[] = [];
  private readonly rows = new Map<string, UsageRow>();

  constructor(
    private readonly catalog: Catalog,
    private readonly plan: Plan,
    private readonly lines: readonly SimLine[],
  ) {}

  private cite(...clauses: string[]): { clauses: string[]; assumed: boolean } {
    return { clauses, assumed: isClic(this.plan) && clauses.some((c) => c.startsWith('BASE-')) };
  }

  private row(run: PeriodRun, r: UsageRecord): UsageRow {
    const key = `${run.period.index}|${r.line.id}|${r.service}|${r.where}`;
    let row = this.rows.get(key);
    if (!row) {
      const unit = r.service === 'call' ? 'second' : r.service === 'sms' ? 'sms' : 'byte';
      row = { period: run.period.index, line: r.line.id, service: r.service, zone: r.where, unit, included: 0, billed: 0, throttled: 0, blocked: 0, free: 0 };
      this.rows.set(key, row);
    }
    return row;
  }

  usageRows(): UsageRow[] {
    return [...this.rows.values()];
  }

  private sim(run: PeriodRun, id: string): SimState {
    let s = run.sims.get(id);
    if (!s) run.sims.set(id, (s = new SimState()));
    return s;
  }

  /** Usage charges of the period so far: each tariff line rounded, as on the statement. */
  private charges(run: PeriodRun): number {
    let total = 0;
    for (const [key, qty] of run.billed) total += lineCents(qty, this.catalog.prices.get(key)!);
    return total;
  }

  private bill(run: PeriodRun, r: UsageRecord, tariff: string, quantity: number): void {
    if (quantity <= 0) return;
    if (!this.catalog.prices.has(tariff)) throw new Error(`catalog has no tariff ${tariff}`);
    run.billed.set(tariff, (run.billed.get(tariff) ?? 0) + quantity);
    this.row(run, r).billed += quantity;
    const charges = this.charges(run);
    if (run.alertsSent === 0 && charges > 0) {
      run.alertsSent = 1;
      this.decide({
        kind: 'alert', at: formatBrussels(r.at), event: r.index, amountCents: charges,
        detail: 'SMS alert: usage charges beyond the tariff plan', ...this.cite('BASE-D.6.1.3'),
      });
    }
    if (run.alertsSent === 1 && charges > this.catalog.secondAlertCents) {
      run.alertsSent = 2;
      this.decide({
        kind: 'alert', at: formatBrussels(r.at), event: r.index, amountCents: charges,
        detail: `second SMS alert: usage charges above €${(this.catalog.secondAlertCents / 100).toFixed(2)}`, ...this.cite('BASE-D.6.1.3'),
      });
    }
  }

  /** A call or SMS (or the part of one) not delivered. */
  private blocked(r: UsageRecord, quantity: number, why: string): void {
    this.decide({
      kind: 'blocked', at: formatBrussels(r.at), line: r.line.id, service: r.service, event: r.index, quantity,
      detail: `not delivered: ${why}`, ...this.cite('CLIC-2.3'),
    });
  }

  private decide(d: Decision): void {
    this.decisions.push(d);
  }

  rate(run: PeriodRun, r: UsageRecord): void {
    if (r.service === 'data') return this.rateData(run, r);
    const row = this.row(run, r);
    const q = r.quantity;
    const service = r.service;
    if (r.recipients > 20) {
      this.decide({
        kind: 'flag', at: formatBrussels(r.at), line: r.line.id, event: r.index, quantity: r.recipients,
        detail: `message sent to ${r.recipients} recipients (more than 20)`, ...this.cite('BASE-B.3.3.1'),
      });
    }
    if (r.to === 'emergency') {
      row.free += q;
      return;
    }
    if (r.line.kind === 'data') {
      row.blocked += q;
      this.decide({
        kind: 'blocked', at: formatBrussels(r.at), line: r.line.id, service, event: r.index,
        detail: `the data SIM cannot ${service === 'call' ? 'make calls' : 'send SMS'}`, ...this.cite('CLIC-2.4'),
      });
      return;
    }
    if (r.incoming) {
      if (r.where === 'WORLD') this.bill(run, r, 'roaming_world.call_received', q);
      else row.free += q;
      return;
    }
    const sim = this.sim(run, r.line.id);
    if (service === 'call' ? sim.callsPaused : sim.smsPaused) {
      row.blocked += q;
      this.blocked(r, q, `${service === 'call' ? 'outgoing calls are' : 'SMS are'} paused until the end of the billing period`);
      return;
    }
    if (r.to === 'freephone') {
      row.free += q;
      return;
    }
    if (!countsInPack(this.plan, r.where, r.to!)) {
      this.bill(run, r, tariffFor(service, r.where, r.to!), q);
      return;
    }
    const allowance = this.plan.allowance[service];
    if (allowance.kind === 'flat') {
      const covered = run.pools[service]!.take(q);
      row.included += covered;
      this.bill(run, r, tariffFor(service, r.where, r.to!), q - covered);
      return;
    }
    // Unlimited: CLIC-2.3's limit per SIM and period.
    const limit = service === 'call' ? this.plan.fairUse.callSeconds : this.plan.fairUse.sms;
    const used = service === 'call' ? sim.callSeconds : sim.sms;
    if (!isClic(this.plan)) {
      // BASE unlimited: abnormal use is flagged (BASE-D.6.3), not paused.
      if (service === 'call') sim.callSeconds += q;
      else sim.sms += q;
      row.included += q;
      if (used + q > limit && !sim.flagged.has(service)) {
        sim.flagged.add(service);
        this.decide({
          kind: 'flag', at: formatBrussels(r.at), line: r.line.id, service, event: r.index,
          detail: `${service === 'call' ? 'calls' : 'SMS'} beyond the fair-use limit: abnormal use`, ...this.cite('BASE-D.6.3', 'BASE-D.10.2.1'),
        });
      }
      return;
    }
    const inside = Math.min(q, Math.max(0, limit - used));
    if (service === 'call') sim.callSeconds += inside;
    else sim.sms += inside;
    row.included += inside;
    if (q > inside) {
      row.blocked += q - inside;
      this.blocked(r, q - inside, `beyond ${service === 'call' ? '30,000 minutes' : '30,000 SMS'} in the billing period`);
      if (service === 'call') sim.callsPaused = true;
      else sim.smsPaused = true;
      this.decide({
        kind: 'pause', at: formatBrussels(r.at), until: formatBrussels(run.period.endsAt), line: r.line.id, service, event: r.index,
        detail: `${service === 'call' ? '30,000 minutes' : '30,000 SMS'} reached: ${service === 'call' ? 'outgoing calls' : 'SMS'} paused until the end of the billing period`,
        ...this.cite('CLIC-2.3'),
      });
    }
  }

  /** Deliver `bytes` at 512 kbps: at most the rate × `seconds` of the session, and the budget left until the period ends. */
  private deliverThrottled(run: PeriodRun, r: UsageRecord, state: ThrottleState, bytes: number, sessionShare: bigint): void {
    const bps = BigInt(this.catalog.throttleBytesPerSecond);
    const sessionCap = r.quantity === 0 ? 0n : (bps * BigInt(r.sessionSeconds) * sessionShare) / BigInt(r.quantity);
    const budget = bps * BigInt(run.period.endsAt - state.since) - BigInt(state.delivered);
    let cap = sessionCap < budget ? sessionCap : budget;
    if (cap < 0n) cap = 0n;
    const delivered = Number(BigInt(bytes) < cap ? BigInt(bytes) : cap);
    state.delivered += delivered;
    const row = this.row(run, r);
    row.throttled += delivered;
    row.blocked += bytes - delivered;
  }

  private rateData(run: PeriodRun, r: UsageRecord): void {
    const row = this.row(run, r);
    const q = r.quantity;
    if (!dataInPack(this.plan, r.where)) {
      this.bill(run, r, dataTariffFor(r.where), q);
      return;
    }
    const sim = this.sim(run, r.line.id);
    const allowance = this.plan.allowance.data;
    if (allowance.kind === 'flat') {
      const throttles = r.where === 'BE' && this.plan.throttleWhenDataUsedUp;
      if (throttles && run.packThrottledSince !== null) {
        const state = (sim.throttle.BE ??= { since: run.packThrottledSince, delivered: 0 });
        this.deliverThrottled(run, r, state, q, BigInt(q));
        return;
      }
      const covered = run.pools.data!.take(q);
      row.included += covered;
      const rest = q - covered;
      if (rest === 0) return;
      if (!throttles) {
        this.bill(run, r, dataTariffFor(r.where), rest);
        return;
      }
      run.packThrottledSince = r.at;
      // The whole pack is throttled: one decision for each of its SIMs (CLIC-2.1, CLIC-2.4).
      for (const line of this.lines) {
        this.decide({
          kind: 'throttle', at: formatBrussels(r.at), until: formatBrussels(run.period.endsAt), line: line.id, service: 'data', zone: 'BE', event: r.index,
          detail: "the pack's data is used up in Belgium: 512 kbps until the end of the billing period",
          ...this.cite('CLIC-2.1'),
        });
      }
      const state = (sim.throttle.BE = { since: r.at, delivered: 0 });
      this.deliverThrottled(run, r, state, rest, BigInt(rest));
      return;
    }
    // Unlimited data: CLIC-2.3's limits per SIM, 300 GB in Belgium and 100 GB in the EU zone.
    const zone = r.where;
    const existing = sim.throttle[zone];
    if (existing) {
      this.deliverThrottled(run, r, existing, q, BigInt(q));
      return;
    }
    const limit = zone === 'BE' ? this.plan.fairUse.dataBelgiumBytes : this.plan.fairUse.dataEuBytes;
    const used = sim.data[zone];
    if (!isClic(this.plan)) {
      sim.data[zone] += q;
      row.included += q;
      if (used + q > limit && !sim.flagged.has(`data-${zone}`)) {
        sim.flagged.add(`data-${zone}`);
        this.decide({
          kind: 'flag', at: formatBrussels(r.at), line: r.line.id, service: 'data', event: r.index,
          detail: 'data beyond the fair-use limit: abnormal use', ...this.cite('BASE-D.6.3', 'BASE-D.10.2.1'),
        });
      }
      return;
    }
    const inside = Math.min(q, Math.max(0, limit - used));
    sim.data[zone] += inside;
    row.included += inside;
    const rest = q - inside;
    if (rest === 0) return;
    this.decide({
      kind: 'throttle', at: formatBrussels(r.at), until: formatBrussels(run.period.endsAt), line: r.line.id, service: 'data', zone, event: r.index,
      detail: `${zone === 'BE' ? '300 GB in Belgium' : '100 GB in the EU zone'} reached: 512 kbps until the end of the billing period`,
      ...this.cite('CLIC-2.3'),
    });
    const state = (sim.throttle[zone] = { since: r.at, delivered: 0 });
    this.deliverThrottled(run, r, state, rest, BigInt(rest));
  }
}

const SERVICES: readonly Service[] = ['call', 'sms', 'data'];

function feeLines(sub: Subscription, plan: Plan, catalog: Catalog, p: Period): StatementLine[] {
  const clic = isClic(plan);
  const span = { start: formatDay(p.start), end: formatDay(p.end) };
  const den = monthLength(p);
  const share = p.days === den ? '' : `, ${p.days}/${den} of the month (pro rata temporis)`;
  const clauses = clic ? ['CLIC-2.1', 'BASE-D.8.1', 'BASE-D.8.3'] : ['BASE-D.8.1', 'BASE-D.8.3'];
  const euros = (cents: number): string => (cents / 100).toFixed(2);
  const out: StatementLine[] = [
    {
      category: 'subscription_fee', description: `${plan.name} monthly fee${share}`, period: span, quantity: p.days, unit: 'day',
      rate: `${euros(plan.feeCents)}/${den} days`, amountCents: prorate(plan.feeCents, p), clauses, assumed: clic,
    },
  ];
  for (const id of sub.options) {
    const option = catalog.options.get(id)!;
    out.push({
      category: 'option_fee', description: `${id} option monthly fee${share}`, period: span, quantity: p.days, unit: 'day',
      rate: `${euros(option.feeCents)}/${den} days`, amountCents: prorate(option.feeCents, p),
      clauses: clic ? ['CLIC-1', 'BASE-D.8.1', 'BASE-D.8.3'] : ['BASE-D.8.1', 'BASE-D.8.3'], assumed: clic,
    });
  }
  return out;
}

function usageLines(catalog: Catalog, plan: Plan, run: PeriodRun): StatementLine[] {
  const clic = isClic(plan);
  const span = { start: formatDay(run.period.start), end: formatDay(run.period.end) };
  const out: StatementLine[] = [];
  for (const [tariff, price] of catalog.prices) {
    const quantity = run.billed.get(tariff);
    if (quantity === undefined) continue;
    const [group = '', field = ''] = tariff.split('.');
    const unit = field.startsWith('call') ? 'second' : field.startsWith('sms') ? 'sms' : 'byte';
    const clauses = clic ? ['CLIC-2.2', 'BASE-D.8.1'] : ['BASE-D.7.1', 'BASE-D.8.1'];
    if (clic && (group === 'national' || group === 'roaming_eu')) clauses.unshift('CLIC-2.1');
    if (unit === 'byte') clauses.push('BASE-B.4');
    if (unit === 'sms') clauses.push('BASE-A');
    out.push({
      category: CATEGORY_OF_GROUP[group] ?? 'third_party', tariff, description: `${tariff} usage`, period: span,
      quantity, unit, rate: price.text, amountCents: lineCents(quantity, price), clauses, assumed: clic,
    });
  }
  return out;
}

function addDays(dayString: string, n: number): string {
  const d = new Date(`${dayString}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Rates a `termlab.timeline/1` document against a catalog. Throws TimelineError for input it refuses. */
export function rateTimeline(catalog: Catalog, doc: unknown): Outcome {
  const sub = readTimeline(doc);
  const plan = catalog.plans.get(sub.plan);
  if (!plan) throw new TimelineError('contract.plan', `no plan ${JSON.stringify(sub.plan)} in catalog ${catalog.name}`);
  if (plan.family !== sub.family) throw new TimelineError('contract.plan', `${plan.id} is a ${plan.family} plan, not ${sub.family}`);
  for (const [i, id] of sub.options.entries()) {
    const option = catalog.options.get(id);
    if (!option || !option.families.includes(sub.family)) throw new TimelineError(`contract.options[${i}]`, `option ${JSON.stringify(id)} is not available on ${sub.family}`);
  }
  const mobiles = sub.lines.filter((l) => l.kind === 'mobile').length;
  const dataSims = sub.lines.length - mobiles;
  if (mobiles > plan.mobileSims) throw new TimelineError('contract.lines', `${plan.id} has ${plan.mobileSims} mobile SIM(s), got ${mobiles}`);
  if (dataSims > (plan.dataSim ? 1 : 0)) throw new TimelineError('contract.lines', `${plan.id} has ${plan.dataSim ? 'one data SIM' : 'no data SIM'}, got ${dataSims}`);

  const periods = periodsOf(sub.start, sub.cycleDay, sub.until);
  const first = periods[0]!;
  const last = periods[periods.length - 1]!;
  const buckets: UsageRecord[][] = periods.map(() => []);
  let pi = 0;
  for (const r of sub.usage) {
    if (r.at < first.startsAt) throw new TimelineError(`events[${r.index}].at`, 'usage before the contract start');
    if (r.at >= last.endsAt) throw new TimelineError(`events[${r.index}].at`, 'usage after the last billing period that starts before until');
    while (r.at >= periods[pi]!.endsAt) pi++;
    buckets[pi]!.push(r);
  }

  const rater = new Rater(catalog, plan, sub.lines);
  const runs: PeriodRun[] = [];
  let carried: Partial<Record<Service, number>> = {};
  for (const p of periods) {
    const pools: Partial<Record<Service, AllowancePool>> = {};
    for (const s of SERVICES) {
      const a = plan.allowance[s];
      if (a.kind === 'flat') pools[s] = new AllowancePool(prorate(a.amount, p), carried[s] ?? 0);
    }
    const run: PeriodRun = { period: p, pools, sims: new Map(), packThrottledSince: null, billed: new Map(), alertsSent: 0 };
    for (const r of buckets[p.index]!) rater.rate(run, r);
    carried = {};
    for (const s of plan.rollover) {
      const pool = pools[s];
      if (pool) carried[s] = pool.carryOver();
    }
    runs.push(run);
  }

  const statements: Statement[] = [];
  const issue = (issuedOn: string, lines: StatementLine[]): void => {
    statements.push({
      index: statements.length, issuedOn, dueOn: addDays(issuedOn, catalog.paymentTermDays), lines,
      totalCents: lines.reduce((sum, l) => sum + l.amountCents, 0),
    });
  };
  for (const [k, run] of runs.entries()) {
    const previous = runs[k - 1];
    issue(formatDay(run.period.start), [...feeLines(sub, plan, catalog, run.period), ...(previous ? usageLines(catalog, plan, previous) : [])]);
  }
  issue(formatDay(last.end), usageLines(catalog, plan, runs[runs.length - 1]!));

  const billedCents = statements.reduce((sum, s) => sum + s.totalCents, 0);
  // Direct debit (the only payment mode supported) pays every statement in full on its due date.
  const owedCents = 0;
  return {
    schema: 'termlab.outcome/1',
    subscriber: sub.subscriber,
    catalog: catalog.name,
    periods: periods.map((p) => ({ index: p.index, start: formatDay(p.start), end: formatDay(p.end), days: p.days, cycleDays: p.cycleDays })),
    statements,
    decisions: rater.decisions,
    usage: rater.usageRows(),
    ledger: [],
    balances: { billedCents, owedCents, prepaidCreditCents: 0 },
  };
}
