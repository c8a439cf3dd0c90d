/**
 * What a generated population contains, counted from the subscribers themselves (their events and
 * usage rows), not from what the personas meant to do: how often each persona, plan family and plan
 * occurs, and how often each situation a clause turns on is reached — roaming, allowances and CLIC-2.3's
 * limits crossed or hit to the unit, late records, group SMS, SIM boxes, late and partial payments,
 * disputes, lost SIMs, early exits, changes of conditions, concurrent Phone2Go logins, late activations…
 */
import type { Catalog } from '../src/domain/catalog.ts';
import { countryZone, Zone } from '../src/domain/countries.ts';
import { isClic, Svc } from '../src/domain/families.ts';
import { lineAmount, prorate, type Cents } from '../src/domain/money.ts';
import { Dest } from '../src/domain/numbering.ts';
import { billingPeriods, periodIndexOf, type BillingPeriod } from '../src/domain/periods.ts';
import { T } from '../src/domain/tariffs.ts';
import { brusselsDayOf, parseDate, parseInstant, type Day } from '../src/domain/time.ts';
import type { TimelineEvent } from '../src/domain/timeline.ts';
import { UsageFlag } from '../src/domain/usage.ts';
import { addMonths, isWorkingDay, midnight } from './calendar.ts';
import { indemnityDay } from './events/payment.ts';
import { INDEMNITY_BOUNDARIES } from './personas/partial-payer.ts';
import type { GeneratedSubscriber } from './subscriber.ts';
import { Fair, Kind, Meter, fairLimit } from './usage/meter.ts';

/** Every situation the stats count: id → what it is, and the clauses it matters to. */
export const SITUATIONS = {
  'roams-eu': ['uses the line in another EU-zone country', 'CLIC-2.2 BASE-D.7.1'],
  'roams-world': ['uses the line outside the EU zone', 'BASE-B.2.1'],
  'late-roaming-record': ['a roaming record reaches the operator late', 'BASE-D.8.3'],
  'special-numbers': ['calls or texts special, premium or short-code numbers', 'CLIC-2.2'],
  'emergency-call': ['calls an emergency number', 'BASE-B.2.3'],
  'group-sms-20': ['sends an SMS to exactly 20 recipients', 'BASE-B.3.3.1'],
  'group-sms-over-20': ['sends an SMS to more than 20 recipients', 'BASE-B.3.3.1'],
  simbox: ['calls through a SIM box', 'BASE-B.3.2.1 BASE-B.5'],
  'phone2go-call': ['calls through the Phone2Go app', 'CLIC-2.9'],
  'phone2go-emergency-outside-conditions': ['calls 112 through the app outside CLIC-2.10\'s conditions', 'CLIC-2.10'],
  'data-barred': ['has data refused in writing', 'BASE-B.4'],
  'allowance-crossed': ['goes past a flat allowance in a period', 'CLIC-2.1 BASE-D.7.1'],
  'allowance-minus-1': ['ends a period one unit short of a flat allowance', 'CLIC-2.1'],
  'allowance-exact': ['ends a period exactly at a flat allowance', 'CLIC-2.1'],
  'allowance-plus-1': ['ends a period one unit past a flat allowance', 'CLIC-2.1'],
  'fair-use-calls': ['goes past 30,000 minutes on one SIM in a period', 'CLIC-2.3'],
  'fair-use-sms': ['goes past 30,000 SMS on one SIM in a period', 'CLIC-2.3'],
  'fair-use-data-be': ['goes past 300 GB in Belgium on one SIM in a period', 'CLIC-2.3'],
  'fair-use-data-eu': ['goes past 100 GB in the EU zone on one SIM in a period', 'CLIC-2.3'],
  'fair-use-minus-1': ['ends a period one unit short of a CLIC-2.3 limit', 'CLIC-2.3'],
  'fair-use-exact': ['ends a period exactly at a CLIC-2.3 limit', 'CLIC-2.3'],
  'fair-use-plus-1': ['ends a period one unit past a CLIC-2.3 limit', 'CLIC-2.3'],
  'pays-late': ['pays a statement after its due date, before the indemnity applies', 'BASE-D.8.6'],
  'pays-on-indemnity-day': ['pays on the day the indemnity applies or the day after', 'BASE-D.8.6'],
  'pays-after-indemnity': ['pays after the indemnity applies', 'BASE-D.8.6'],
  'never-pays': ['leaves a statement unpaid to the end of the horizon', 'BASE-D.8.6 BASE-D.10.2.1'],
  'partial-payment': ['pays part of a statement', 'BASE-D.8.6'],
  'arrears-150.00': ['leaves exactly €150.00 of a statement unpaid (fees and premium calls)', 'BASE-D.8.6'],
  'arrears-150.01': ['leaves exactly €150.01 of a statement unpaid', 'BASE-D.8.6'],
  'arrears-500.00': ['leaves exactly €500.00 of a statement unpaid', 'BASE-D.8.6'],
  'arrears-500.01': ['leaves exactly €500.01 of a statement unpaid', 'BASE-D.8.6'],
  dispute: ['disputes a statement', 'BASE-D.8.8'],
  'dispute-day-before-deadline': ['disputes the day before the one-month deadline', 'BASE-D.8.8'],
  'dispute-on-deadline': ['disputes on the one-month deadline', 'BASE-D.8.8'],
  'dispute-day-after-deadline': ['disputes the day after the one-month deadline', 'BASE-D.8.8'],
  'sim-lost': ['reports a SIM lost, stolen or broken', 'BASE-B.3.1.3'],
  'sim-stolen-used': ['has a stolen SIM used before the report', 'BASE-B.3.1.3'],
  'lifted-5th-working-day': ['gets service back on the 5th working day after the new SIM', 'BASE-B.3.1.3'],
  'lifted-6th-working-day': ['gets service back on the 6th working day after the new SIM', 'BASE-B.3.1.3'],
  'ends-before-device-minimum': ['ends a subscription with a device discount before its minimum period', 'CLIC-5.1 BASE-D.10.3.2.3'],
  'ends-around-device-minimum': ['ends the day before, on, or after the end of the device\'s minimum period', 'CLIC-5.1 BASE-D.10.3.2.3'],
  'fixed-term-ends-first-six-months': ['ends a fixed term in its first six months', 'BASE-D.10.3.2.1'],
  'fixed-term-ends-around-sixth-month': ['ends a fixed term the day before, on, or after six months', 'BASE-D.10.3.2.1'],
  'fixed-term-notice-month-before': ['gives notice around a month before a fixed term expires', 'BASE-D.10.3.2.2'],
  'leaves-after-change': ['leaves within three months of an announced change', 'BASE-D.10.3.2.4 BASE-D.11.2'],
  'leaves-around-three-months': ['leaves the day before, on, or after three months from a change notice', 'BASE-D.10.3.2.4'],
  'fixed-term-leaves-after-change': ['leaves a fixed term after an announced change', 'BASE-D.10.3.2.1 BASE-D.10.3.2.4'],
  'leaves-after-cpi-notice': ['leaves after a CPI-indexation notice (not a free exit)', 'BASE-D.10.3.2.4 BASE-D.7.3'],
  'short-notice-change': ['gets a change announced less than a month ahead', 'BASE-D.11.1'],
  'cpi-indexation': ['has prices indexed in January', 'BASE-D.7.3'],
  'phone2go-concurrent-login': ['logs one Phone2Go licence in on two devices at once', 'CLIC-2.9'],
  'activation-day-13': ['activates on the 13th day after receipt', 'CLIC-2.5'],
  'activation-day-14': ['activates on the 14th day after receipt (the last allowed)', 'CLIC-2.5'],
  'activation-day-15': ['activates on the 15th day after receipt (too late)', 'CLIC-2.5'],
  'activation-day-16': ['activates on the 16th day after receipt', 'CLIC-2.5'],
  'never-activated': ['never activates the SIMs received', 'CLIC-2.5'],
  'plan-change': ['changes plan', 'CLIC-2.6 BASE-D.8.3'],
  'upgrade-then-downgrade': ['upgrades then downgrades in one billing period', 'CLIC-2.6'],
  'plan-change-in-fixed-term': ['asks for a plan change during a fixed term', 'BASE-D.6.5'],
  'prepaid-migration': ['moves from prepaid to a subscription', 'BASE-B.1.2.3'],
  'client-suspension': ['asks to suspend the subscription', 'BASE-D.10.2'],
  'client-suspension-around-six-months': ['asks for a suspension of six months (±1 day)', 'BASE-D.10.2'],
  'client-suspension-with-device': ['asks for a suspension with a discounted device', 'BASE-D.10.2'],
  'operator-suspension': ['is suspended by the operator', 'BASE-D.10.2.1'],
  'unjustified-suspension': ['is suspended by the operator without justification', 'BASE-D.10.2.1'],
  'terminated-by-operator': ['is terminated by the operator', 'BASE-D.10.3.1.1'],
  death: ['dies', 'BASE-D.10.3.2.1'],
  'port-out': ['ports the number out', 'BASE-B.2.2'],
  'port-after-termination': ['ports the number out after the contract ended', 'BASE-B.2.2'],
  'refund-request': ['asks for prepaid credit back after a port-out', 'BASE-B.1.2.3'],
  'abuse-sim-resale': ['is reported for SIM resale', 'BASE-B.3.4'],
  'abuse-commercial-messages': ['is reported for commercial messages', 'BASE-B.3.3.2'],
  'abuse-fraud': ['is reported for fraud', 'BASE-D.10.2.1'],
  'alternative-roaming': ['switches EU roaming to an alternative operator', 'BASE-B.2.5'],
  'top-up': ['tops up prepaid credit', 'BASE-B.1.2.1'],
  'prepaid-year-without-top-up': ['goes 12 months or more without a top-up', 'BASE-B.2.2'],
} as const satisfies Record<string, readonly [string, string]>;

export type SituationId = keyof typeof SITUATIONS;

type Ev = TimelineEvent;
const dayOf = (e: { at: string }): Day => brusselsDayOf(parseInstant(e.at)!);

/** The situations one subscriber reaches. */
export function situationsOf(sub: GeneratedSubscriber, catalog: Catalog): Set<SituationId> {
  const out = new Set<SituationId>();
  const tl = sub.timeline;
  const c = tl.contract;
  const events = tl.events as Ev[];
  const plan = catalog.plans.get(c.plan)!;
  const start = parseDate(c.start)!;
  const until = parseDate(tl.until)!;
  const of = <K extends Ev['type']>(type: K) => events.filter((e): e is Extract<Ev, { type: K }> => e.type === type);

  // Activation (CLIC-2.5) and the billing periods it starts.
  const { activation, periods, receiptDays } = periodsOf(sub);
  if (receiptDays === null && of('sim_received').length > 0) out.add('never-activated');
  if (receiptDays !== null && receiptDays >= 13 && receiptDays <= 16) out.add(`activation-day-${receiptDays}` as SituationId);

  usageSituations(sub, catalog, periods, out);

  // Payments (BASE-D.8.5, D.8.6): relative to each statement's due date.
  if (c.payment === 'manual' && c.family !== 'BASE_PREPAID') {
    const term = catalog.paymentTermDays;
    const indemnity = indemnityDay(catalog.dunning.indemnityAfterDays);
    const payments = of('payment');
    const untilAt = midnight(until);
    const endAt = endOf(events, untilAt);
    for (const p of periods) {
      const issued = p.start;
      if (midnight(issued) >= endAt) break;
      const due = issued + term;
      const paid = payments.filter((x) => x.statement !== undefined && parseDate(x.statement) === issued);
      if (paid.length === 0) {
        if (midnight(due + indemnity) < untilAt && !payments.some((x) => x.statement === undefined && dayOf(x) > due)) out.add('never-pays');
        continue;
      }
      for (const x of paid) {
        const late = dayOf(x) - due;
        if (late >= indemnity + 2) out.add('pays-after-indemnity');
        else if (late >= indemnity) out.add('pays-on-indemnity-day');
        else if (late > 0) out.add('pays-late');
        if (x.amountCents !== undefined) {
          out.add('partial-payment');
          const arrears = statementTotal(sub, catalog, periods, p.index) - x.amountCents;
          const hit = INDEMNITY_BOUNDARIES.find((b) => b === arrears);
          if (hit !== undefined) out.add(`arrears-${(hit / 100).toFixed(2)}` as SituationId);
        }
      }
    }
    if (payments.some((x) => x.statement === undefined && x.amountCents !== undefined)) out.add('partial-payment');
  }

  for (const d of of('dispute')) {
    out.add('dispute');
    const deadline = addMonths(parseDate(d.statement)!, 1);
    const delta = dayOf(d) - deadline;
    if (delta === -1) out.add('dispute-day-before-deadline');
    else if (delta === 0) out.add('dispute-on-deadline');
    else if (delta === 1) out.add('dispute-day-after-deadline');
  }

  for (const lost of of('sim_lost')) {
    out.add('sim-lost');
    const replaced = of('sim_replaced').find((r) => r.line === lost.line && r.at >= lost.at);
    const lifted = of('suspension_lifted').find((l) => replaced && parseInstant(l.at)! >= parseInstant(replaced.at)!);
    if (replaced && lifted) {
      let n = 0;
      for (let d = dayOf(replaced) + 1; d <= dayOf(lifted); d++) if (isWorkingDay(d)) n++;
      if (n === 5) out.add('lifted-5th-working-day');
      if (n === 6) out.add('lifted-6th-working-day');
    }
    if (lost.cause === 'stolen') {
      const li = c.lines.findIndex((l) => l.id === lost.line);
      const reported = parseInstant(lost.at)!;
      const u = sub.usage;
      for (let i = 0; i < u.count; i++) {
        if (u.at[i]! >= reported) break;
        if (u.line[i] === li && u.dest[i] === Dest.PREMIUM && reported - u.at[i]! < 4 * 86_400) {
          out.add('sim-stolen-used');
          break;
        }
      }
    }
  }

  // Endings.
  const ending = events.find((e) => e.type === 'termination' || e.type === 'port_out' || e.type === 'death');
  const changes = of('change_announced');
  for (const e of of('termination')) {
    if (e.by === 'operator') out.add('terminated-by-operator');
    if (e.by !== 'client') continue;
    const day = dayOf(e);
    if (e.reason === 'change_of_conditions') {
      const notice = [...changes].reverse().find((ch) => ch.at <= e.at);
      if (notice) {
        const threeMonths = addMonths(dayOf(notice), 3);
        const freeing = !['cpi_indexation', 'beneficial', 'administrative', 'legal'].includes(notice.kind);
        if (freeing && day < threeMonths) out.add('leaves-after-change');
        if (Math.abs(day - threeMonths) <= 1) out.add('leaves-around-three-months');
        if (notice.kind === 'cpi_indexation') out.add('leaves-after-cpi-notice');
        if (c.term.kind === 'fixed') out.add('fixed-term-leaves-after-change');
      }
    }
    if (c.term.kind === 'fixed' && activation !== null) {
      const six = addMonths(activation, 6);
      const effective = e.effectiveOn ? parseDate(e.effectiveOn)! : day;
      if (effective < six) out.add('fixed-term-ends-first-six-months');
      if (Math.abs(effective - six) <= 1) out.add('fixed-term-ends-around-sixth-month');
      const end = addMonths(activation, c.term.months);
      if (e.effectiveOn && Math.abs(day - addMonths(end, -1)) <= 1) out.add('fixed-term-notice-month-before');
    }
  }
  if (ending && c.device && activation !== null && ending.type !== 'death') {
    const minimum = addMonths(activation, c.device.minimumMonths);
    const day = dayOf(ending);
    if (day < minimum) out.add('ends-before-device-minimum');
    if (Math.abs(day - minimum) <= 1) out.add('ends-around-device-minimum');
  }
  if (of('death').length > 0) out.add('death');
  const ports = of('port_out');
  if (ports.length > 0) out.add('port-out');
  const term = of('termination')[0];
  if (term && ports.some((p) => p.at > term.at)) out.add('port-after-termination');
  if (of('refund_request').length > 0) out.add('refund-request');

  for (const ch of changes) {
    if (parseDate(ch.effectiveOn)! < addMonths(dayOf(ch), 1)) out.add('short-notice-change');
  }
  if (of('cpi_indexation').length > 0) out.add('cpi-indexation');

  // Plan changes (CLIC-2.6, BASE-D.6.5, BASE-B.1.2.3).
  const changesOfPlan = of('plan_change');
  if (changesOfPlan.length > 0) out.add('plan-change');
  let current = plan;
  let upgradeIn = -1;
  for (const pc of changesOfPlan) {
    const to = catalog.plans.get(pc.plan);
    if (!to) continue;
    if (c.family === 'BASE_PREPAID' && to.family === 'BASE_SUBSCRIPTION') out.add('prepaid-migration');
    if (c.term.kind === 'fixed' && activation !== null && dayOf(pc) < addMonths(activation, c.term.months)) out.add('plan-change-in-fixed-term');
    const k = periodIndexOf(periods, dayOf(pc));
    if (to.allowances[2]! > current.allowances[2]!) upgradeIn = k;
    else if (to.allowances[2]! < current.allowances[2]! && k === upgradeIn && k >= 0) out.add('upgrade-then-downgrade');
    current = to;
  }

  for (const s of of('suspension')) {
    if (s.by === 'client') {
      out.add('client-suspension');
      if (s.until && Math.abs(parseDate(s.until)! - addMonths(dayOf(s), 6)) <= 1) out.add('client-suspension-around-six-months');
      if (c.device && activation !== null && dayOf(s) < addMonths(activation, c.device.minimumMonths)) out.add('client-suspension-with-device');
    } else {
      out.add('operator-suspension');
      if (s.justified === false) out.add('unjustified-suspension');
    }
  }

  for (const a of of('abuse_report')) out.add(a.kind === 'sim_resale' ? 'abuse-sim-resale' : a.kind === 'commercial_messages' ? 'abuse-commercial-messages' : 'abuse-fraud');
  if (of('roaming_operator_switch').some((s) => s.active)) out.add('alternative-roaming');

  // Phone2Go logins (CLIC-2.9): one licence, one device at a time.
  const logins = of('phone2go_login');
  for (let i = 0; i < logins.length && !out.has('phone2go-concurrent-login'); i++) {
    for (let j = 0; j < i; j++) {
      const a = logins[j]!;
      const b = logins[i]!;
      if (a.line === b.line && a.device !== b.device && parseInstant(a.until)! > parseInstant(b.at)!) {
        out.add('phone2go-concurrent-login');
        break;
      }
    }
  }

  const topUps = of('top_up');
  if (topUps.length > 0) out.add('top-up');
  if (c.family === 'BASE_PREPAID' && activation !== null) {
    let last = activation;
    for (const t of topUps) {
      if (dayOf(t) >= addMonths(last, 12)) out.add('prepaid-year-without-top-up');
      last = dayOf(t);
    }
    if (until >= addMonths(last, 12)) out.add('prepaid-year-without-top-up');
  }
  if (c.dataBarred) out.add('data-barred');
  return out;
}

/**
 * When service starts (BASE-D.10.1: the first activation event, else the contract day; CLIC-2.5: never
 * when it comes more than 14 days after receipt), the billing periods from then to `until`, and the days
 * from receipt to activation (null without an activation after a receipt).
 */
export function periodsOf(sub: GeneratedSubscriber): { activation: Day | null; periods: BillingPeriod[]; receiptDays: number | null } {
  const tl = sub.timeline;
  const c = tl.contract;
  const start = parseDate(c.start)!;
  const until = parseDate(tl.until)!;
  const received = tl.events.find((e) => e.type === 'sim_received');
  const activated = tl.events.find((e) => e.type === 'activation');
  let activation: Day | null = start;
  let receiptDays: number | null = null;
  if (received) {
    if (!activated) activation = null;
    else {
      receiptDays = dayOf(activated) - dayOf(received);
      activation = isClic(c.family) && receiptDays > 14 ? null : dayOf(activated);
    }
  } else if (activated) activation = dayOf(activated);
  const periods = activation !== null && activation < until ? billingPeriods(activation, c.cycleDay, until) : [];
  return { activation, periods, receiptDays };
}

/** What each billing period ends with: per service the pack's use and allowance, per SIM the CLIC-2.3 counters. */
export interface PeriodEnd {
  readonly period: number;
  readonly pool: readonly number[];
  readonly allowance: readonly number[];
  readonly fair: ReadonlyArray<{ readonly line: number; readonly index: number; readonly used: number; readonly limit: number }>;
}

/** The counters at the end of every billing period, as the generators read the terms (usage/meter.ts). */
export function periodEnds(sub: GeneratedSubscriber, catalog: Catalog): PeriodEnd[] {
  const ends: PeriodEnd[] = [];
  usageSituations(sub, catalog, periodsOf(sub).periods, new Set(), ends);
  return ends;
}

/** When service ends (the first termination, death or port-out), else `untilAt`. */
function endOf(events: readonly Ev[], untilAt: number): number {
  const e = events.find((x) => x.type === 'termination' || x.type === 'port_out' || x.type === 'death');
  if (!e) return untilAt;
  if (e.type === 'termination' && e.effectiveOn) return Math.max(parseInstant(e.at)!, midnight(parseDate(e.effectiveOn)!));
  return parseInstant(e.at)!;
}

/**
 * A statement's total as far as the generators know it: the period's fee and options (BASE-D.8.3) and the
 * premium calls of the period before (billed on top of any pack). Exact when nothing else is charged.
 */
export function statementTotal(sub: GeneratedSubscriber, catalog: Catalog, periods: readonly BillingPeriod[], k: number): number {
  const c = sub.timeline.contract;
  const plan = catalog.plans.get(c.plan)!;
  const p = periods[k]!;
  let total = prorate(plan.fee, p.days, p.cycleDays) as number;
  for (const o of c.options) total += prorate(catalog.options[o].fee as Cents, p.days, p.cycleDays);
  const before = periods[k - 1];
  if (!before) return total;
  const from = midnight(before.start);
  const to = midnight(before.end);
  const u = sub.usage;
  const inc = catalog.callIncrementSeconds;
  let seconds = 0;
  for (let i = 0; i < u.count; i++) {
    if (u.at[i]! < from || u.at[i]! >= to) continue;
    if (u.service[i] === Svc.CALL && u.dest[i] === Dest.PREMIUM && u.incoming[i] === 0) seconds += Math.ceil(u.amount[i]! / inc) * inc;
  }
  return total + lineAmount(seconds, catalog.rates[T['premium.call']]!);
}

function usageSituations(sub: GeneratedSubscriber, catalog: Catalog, periods: readonly BillingPeriod[], out: Set<SituationId>, ends?: PeriodEnd[]): void {
  const u = sub.usage;
  const c = sub.timeline.contract;
  const plan = catalog.plans.get(c.plan)!;
  const zones = Uint8Array.from(u.countries, (x) => countryZone(x) ?? Zone.WORLD);
  const kinds = Uint8Array.from(c.lines, (l) => ({ mobile: Kind.MOBILE, data: Kind.DATA, fixed: Kind.FIXED, phone2go: Kind.PHONE2GO })[l.kind]);
  const meter = periods.length > 0 ? new Meter(plan, catalog, c.dataBarred, kinds, periods) : null;
  const bounds = periods.map((p) => midnight(p.end));
  let period = 0;
  meter?.open(0);
  const closePeriod = () => {
    if (!meter) return;
    if (ends) {
      const fair: Array<PeriodEnd['fair'][number]> = [];
      for (let l = 0; l < kinds.length; l++)
        for (let f = 0; f < 4; f++) if (meter.fair[l * 4 + f]! > 0) fair.push({ line: l, index: f, used: meter.fair[l * 4 + f]!, limit: fairLimit(plan, f) });
      ends.push({ period, pool: [...meter.pool], allowance: [0, 1, 2].map((s) => meter.allowance(s)), fair });
    }
    for (let s = 0; s < 3; s++) {
      const a = meter.allowance(s);
      if (!(a > 0) || !Number.isFinite(a)) continue;
      const unit = s === Svc.CALL ? catalog.callIncrementSeconds : s === Svc.DATA ? catalog.dataIncrementBytes : 1;
      const d = meter.pool[s]! - a;
      if (d > 0) out.add('allowance-crossed');
      if (d === -unit) out.add('allowance-minus-1');
      else if (d === 0 && meter.pool[s]! > 0) out.add('allowance-exact');
      else if (d === unit) out.add('allowance-plus-1');
    }
    for (let l = 0; l < kinds.length; l++) {
      for (let f = 0; f < 4; f++) {
        const used = meter.fair[l * 4 + f]!;
        if (used === 0) continue;
        const limit = fairLimit(plan, f);
        const unit = f === Fair.CALL ? catalog.callIncrementSeconds : f === Fair.SMS ? 1 : catalog.dataIncrementBytes;
        if (used > limit) out.add((['fair-use-calls', 'fair-use-sms', 'fair-use-data-be', 'fair-use-data-eu'] as const)[f]!);
        if (used - limit === -unit) out.add('fair-use-minus-1');
        else if (used === limit) out.add('fair-use-exact');
        else if (used - limit === unit) out.add('fair-use-plus-1');
      }
    }
  };
  for (let i = 0; i < u.count; i++) {
    const t = u.at[i]!;
    if (meter) {
      while (period + 1 < periods.length && t >= bounds[period]!) {
        closePeriod();
        meter.open(++period);
      }
    }
    const zone = zones[u.country[i]!]!;
    const service = u.service[i]!;
    const dest = u.dest[i]!;
    const f = u.flags[i]!;
    if (zone === Zone.EU) out.add('roams-eu');
    else if (zone === Zone.WORLD) out.add('roams-world');
    if (u.recordedAt[i]! > t) out.add('late-roaming-record');
    if (service !== Svc.DATA) {
      if (dest === Dest.SPECIAL || dest === Dest.PREMIUM || dest === Dest.SHORT) out.add('special-numbers');
      if (dest === Dest.EMERGENCY) {
        out.add('emergency-call');
        const desktop = (f & UsageFlag.APP_DESKTOP) !== 0;
        const mobileApp = (f & UsageFlag.APP_MOBILE) !== 0;
        const outside =
          (desktop && (f & UsageFlag.AT_INSTALLATION_ADDRESS) === 0) ||
          (mobileApp && (zone !== Zone.BE || (f & UsageFlag.LOCATION_SHARED) === 0 || (f & UsageFlag.MOBILE_NETWORK) === 0));
        if (outside) out.add('phone2go-emergency-outside-conditions');
      }
      if (f & UsageFlag.SIMBOX) out.add('simbox');
      if (f & (UsageFlag.APP_DESKTOP | UsageFlag.APP_MOBILE)) out.add('phone2go-call');
      if (service === Svc.SMS) {
        const r = u.recipients[i]!;
        if (r === 20) out.add('group-sms-20');
        else if (r > 20) out.add('group-sms-over-20');
      }
    }
    meter?.count(service, u.incoming[i] === 1, u.line[i]!, zone, dest, u.amount[i]!, u.recipients[i]!);
  }
  closePeriod();
}

/** Counts over a population: personas, combinations, plan families, plans and situations. */
export class GenerationStats {
  subscribers = 0;
  subscriberMonths = 0;
  records = 0;
  accountEvents = 0;
  readonly personas = new Map<string, number>();
  readonly combinations = new Map<string, number>();
  readonly families = new Map<string, number>();
  readonly plans = new Map<string, number>();
  readonly situations = new Map<SituationId, number>();

  constructor(readonly catalog: Catalog) {}

  add(sub: GeneratedSubscriber): void {
    const bump = <K>(m: Map<K, number>, k: K) => m.set(k, (m.get(k) ?? 0) + 1);
    this.subscribers++;
    this.records += sub.usage.count;
    this.accountEvents += sub.timeline.events.length;
    const tl = sub.timeline;
    this.subscriberMonths += (parseDate(tl.until)! - parseDate(tl.contract.start)!) / (365.25 / 12);
    for (const p of sub.personas) bump(this.personas, p);
    bump(this.combinations, sub.personas.join(' + '));
    bump(this.families, tl.contract.family);
    bump(this.plans, tl.contract.plan);
    for (const s of situationsOf(sub, this.catalog)) bump(this.situations, s);
  }

  toJSON(): Record<string, unknown> {
    const obj = (m: Map<string, number>) => Object.fromEntries([...m].sort((a, b) => b[1] - a[1]));
    return {
      subscribers: this.subscribers,
      subscriberMonths: Math.round(this.subscriberMonths),
      records: this.records,
      accountEvents: this.accountEvents,
      personas: obj(this.personas),
      combinations: obj(this.combinations),
      families: obj(this.families),
      plans: obj(this.plans),
      situations: Object.fromEntries(Object.keys(SITUATIONS).map((id) => [id, this.situations.get(id as SituationId) ?? 0])),
    };
  }

  /** A plain-text report: counts and percentages of subscribers, situations with their clauses. */
  format(): string {
    const n = Math.max(1, this.subscribers);
    const pct = (k: number) => `${((100 * k) / n).toFixed(1)}%`;
    const lines: string[] = [];
    const table = (title: string, rows: Array<[string, number, string?]>) => {
      lines.push('', title);
      const w = Math.max(...rows.map((r) => r[0].length), 10);
      for (const [label, count, extra] of rows) lines.push(`  ${label.padEnd(w)}  ${String(count).padStart(7)}  ${pct(count).padStart(6)}${extra ? `  ${extra}` : ''}`);
    };
    lines.push(
      `${this.subscribers} subscribers, ${Math.round(this.subscriberMonths)} subscriber-months, ${this.records} usage records ` +
        `(${(this.records / Math.max(1, this.subscriberMonths)).toFixed(0)} a subscriber-month), ${this.accountEvents} account events`,
    );
    const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    table('personas (a subscriber may combine several)', sorted(this.personas));
    table('combinations', sorted(this.combinations));
    table('plan families', sorted(this.families));
    table('plans', sorted(this.plans));
    table(
      'situations (subscribers reaching each at least once)',
      (Object.entries(SITUATIONS) as Array<[SituationId, readonly [string, string]]>).map(([id, [label, clauses]]) => [`${id}: ${label}`, this.situations.get(id) ?? 0, clauses]),
    );
    return lines.join('\n');
  }
}
