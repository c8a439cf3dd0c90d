import type { Catalog, Plan } from '../domain/catalog.ts';
import { UsageFlag } from '../domain/usage.ts';
import type { Block } from './lifecycle.ts';
import { Zone, ZONE_NAMES } from '../domain/countries.ts';
import { isClic, SERVICE_UNITS, SERVICES, Svc } from '../domain/families.ts';
import { lineAmount, roundHalfUp, type Rate } from '../domain/money.ts';
import { Dest } from '../domain/numbering.ts';
import type { DecisionT, UsageRowT } from '../domain/outcome.ts';
import { TARIFF_COUNT, T } from '../domain/tariffs.ts';
import { brusselsMidnight, formatInstant } from '../domain/time.ts';
import { LineKind, type CompiledTimeline } from './compile.ts';
import { GroupedBlocks } from './grouped-blocks.ts';
import { countsInPack, phone2GoMayCall, tariffFor } from './scope.ts';

/** Columns of the usage summary: how each unit of usage was treated. */
export const Treat = { INCLUDED: 0, BILLED: 1, THROTTLED: 2, BLOCKED: 3, FREE: 4 } as const;
export const TREATMENTS = 5;

/** What rating the usage produced, before it is laid out on statements. */
export interface RatedUsage {
  /** Quantity billed per (usage period, tariff) from records that arrived in time: index p × TARIFF_COUNT + t. */
  readonly billed: Float64Array;
  /** Late roaming records (BASE-D.8.3), billed on the first statement issued after they arrived. */
  readonly late: ReadonlyArray<{ readonly arrived: number; readonly period: number; readonly tariff: number; readonly quantity: number }>;
  /** Quantity per (period, line, service, zone, treatment). */
  readonly usage: Float64Array;
  readonly decisions: DecisionT[];
  /** Allowance carried into each period and service (BASE-D.7.2): index p × 3 + service. */
  readonly carriedIn: Float64Array;
}

/** BASE-B.3.3.1: messages to groups of more than 20 mobile users are forbidden. */
export const GROUP_LIMIT = 20;

/**
 * CLIC-2.10: an emergency call through the app is within its conditions from the desktop app at the
 * installation address, or from the mobile app in Belgium with location shared over the mobile network.
 */
export function phone2GoEmergencyConditionsMet(flags: number, zone: number): boolean {
  if (flags & UsageFlag.APP_DESKTOP) return (flags & UsageFlag.AT_INSTALLATION_ADDRESS) !== 0;
  if (flags & UsageFlag.APP_MOBILE) return zone === Zone.BE && (flags & UsageFlag.LOCATION_SHARED) !== 0 && (flags & UsageFlag.MOBILE_NETWORK) !== 0;
  return true; // how the call was placed is not known: nothing to flag
}

export function usageIndex(lines: number, p: number, line: number, service: number, zone: number): number {
  return (((p * lines + line) * 3 + service) * 3 + zone) * TREATMENTS;
}

/**
 * Rates every usage record of a compiled timeline, in the order the operator receives them.
 *
 * - Emergency numbers are never charged and never blocked (BASE-B.2.3).
 * - A data SIM makes no calls and sends no SMS (CLIC-2.4); a Phone2Go licence calls Belgian fixed and
 *   mobile numbers only (CLIC-2.9) and only where the option is allowed (CLIC-2.7); data refused in
 *   writing is blocked (BASE-B.4).
 * - What the pack covers (CLIC-2.2, BASE-D.7.1) is taken from the period's allowance, the new period's
 *   allowance before any carried-over part (BASE-D.7.2); allowances are prorated like the fee
 *   (BASE-D.8.3). Beyond a flat allowance, calls and SMS are billed, data in Belgium is throttled to
 *   512 kbps and free, data in the EU zone is billed (CLIC-2.1).
 * - Unlimited means normal use (CLIC-2.3): beyond 30,000 minutes or SMS per SIM the service is paused
 *   until the period ends; beyond 300 GB (Belgium) or 100 GB (EU zone) per SIM, 512 kbps.
 * - A throttled line cannot receive more than 512 kbit/s × the seconds of the session, nor more than
 *   512 kbit/s × the seconds left in the period after the throttle began; the rest is blocked, nothing
 *   is billed. What is paused is blocked, not billed.
 * - A block or throttle applies to usage that happened after it was decided: a late roaming record
 *   (BASE-D.8.3) was delivered when it happened, so it is rated but never blocked after the fact.
 * - An SMS alert when the period's usage charges first exceed the plan, a second beyond €50
 *   (BASE-D.6.1.3), at the time the record that crossed arrived, late or not.
 */
export function rateUsage(c: CompiledTimeline, catalog: Catalog): RatedUsage {
  const firstPlan = c.lifecycle.segments[0]?.plan ?? c.plan;
  const nP = c.periods.length;
  const nL = c.lineIds.length;
  const bounds = c.periodBounds;
  const family = c.timeline.contract.family;
  const clic = isClic(family);
  const rates = catalog.rates;
  // Each tariff's rate read from the catalog once, when first needed (what-if reuse records which were read).
  const rateOf: Array<Rate | undefined> = new Array(TARIFF_COUNT);
  let secondAlertAbove: number | undefined;
  const tbps = catalog.throttleBytesPerSecond;
  const dataBarred = c.timeline.contract.dataBarred;
  const abnormal = (at: number, line: number, service: string): DecisionT => ({
    kind: 'flag',
    at: formatInstant(at),
    line: c.lineIds[line]!,
    service: service as DecisionT['service'],
    detail: `${service} use far above a normal client's in this period (beyond the catalog's fair-use limits): abnormal consumption may lead to limits, suspension or termination`,
    clauses: ['BASE-D.6.3', 'BASE-D.10.2.1'],
    assumed: false,
  });
  const phone2GoAllowed = catalog.options.phone2go.families.includes(family);

  const billed = new Float64Array(nP * TARIFF_COUNT);
  const late: Array<{ arrived: number; period: number; tariff: number; quantity: number }> = [];
  const usage = new Float64Array(nP * nL * 3 * 3 * TREATMENTS);
  const decisions: DecisionT[] = [];

  // Pack allowances per period and service: the period's own, and what rolled over into it (BASE-D.7.2).
  const fresh = new Float64Array(nP * 3);
  const carried = new Float64Array(nP * 3);
  const carriedIn = new Float64Array(nP * 3);
  const partial = c.periods.map((period) => period.days !== period.cycleDays);
  // Per line and period: use counted against CLIC-2.3's limits [call s, sms, data BE, data EU].
  const fairUse = new Float64Array(nP * nL * 4);
  const pausedAt = new Float64Array(nP * nL * 2).fill(Infinity);
  const throttledAt = new Float64Array(nP * nL * 2).fill(Infinity);
  const throttleBudget = new Float64Array(nP * nL * 2);
  // BASE-D.6.1.3 running usage charges per period.
  const alertQuantity = new Float64Array(nP * TARIFF_COUNT);
  const alertAmount = new Float64Array(nP * TARIFF_COUNT);
  const periodCharges = new Float64Array(nP);
  const alertLevel = new Uint8Array(nP);

  // Plan segments (CLIC-2.6, BASE-D.8.3): the plan in force at each instant, and each period's allowance
  // as the sum of every segment's allowance over the days it covers, prorated (BASE-D.8.3).
  const segments = c.lifecycle.segments;
  const segmentStart = segments.map((g) => brusselsMidnight(g.fromDay));
  const lastServiceDay = c.lifecycle.end ? c.lifecycle.end.lastDay + 1 : Infinity;
  const planAt = (t: number): Plan => {
    if (segments.length === 1) return segments[0]!.plan;
    let i = segments.length - 1;
    while (i > 0 && segmentStart[i]! > t) i--;
    return segments[i]!.plan;
  };
  const openPeriod = (p: number): void => {
    const period = c.periods[p]!;
    const endDay = Math.min(period.end, lastServiceDay);
    for (let s = 0; s < 3; s++) {
      let total = 0;
      segments.forEach((g, i) => {
        const from = Math.max(period.start, g.fromDay);
        const to = Math.min(endDay, segments[i + 1]?.fromDay ?? Infinity);
        const allowance = g.plan.allowances[s]!;
        if (to > from && allowance !== Infinity && allowance !== 0) total += roundHalfUp(allowance * (to - from), period.cycleDays);
      });
      fresh[p * 3 + s] = total;
      if (p > 0 && planAt(bounds[p]!).rollover[s]) {
        carried[p * 3 + s] = fresh[(p - 1) * 3 + s]!;
        carriedIn[p * 3 + s] = carried[p * 3 + s]!;
        fresh[(p - 1) * 3 + s] = 0;
      }
      if (p > 0) carried[(p - 1) * 3 + s] = 0;
    }
  };

  // Service blocks: suspensions (BASE-D.10.2, D.10.2.1, C.4), lost SIMs (B.3.1.3) and the end (C.5).
  const blocks = c.lifecycle.blocks;
  const alternativeRoaming = c.lifecycle.alternativeRoaming;
  const blockAt = (line: number, t: number): Block | undefined => {
    for (const b of blocks) if ((b.line === -1 || b.line === line) && b.from <= t && t < b.to) return b;
    return undefined;
  };
  const flagged = new Set<string>();
  const flagOnce = (key: string, d: DecisionT): void => {
    if (flagged.has(key)) return;
    flagged.add(key);
    decide(d);
  };

  /** Decisions are rare (about 1 in 100 records): built as plain objects, `assumed` set on the BASE layer. */
  const decide = (d: DecisionT): void => {
    if (clic) for (const id of d.clauses) if (id.startsWith('BASE-')) d.assumed = true;
    decisions.push(d);
  };

  const block = (r: number, quantity: number, clauses: string[], detail: string): void => {
    decide({
      kind: 'blocked',
      at: formatInstant(c.at[r]!),
      line: c.lineIds[c.line[r]!]!,
      service: SERVICES[c.service[r]!]!,
      event: c.event[r]!,
      quantity,
      detail,
      clauses,
      assumed: false,
    });
  };

  // Blocks by a state that lasts (suspended, ended, a SIM box, a CLIC-2.3 pause) can cover thousands of
  // records: one decision per block, period, line and service, at the first record, with the quantity of
  // them all.
  const grouped = new GroupedBlocks();
  const blockInBulk = (key: string, r: number, quantity: number, clauses: string[], detail: string): void => {
    if (grouped.add(key, c.at[r]!, quantity)) return;
    block(r, quantity, clauses, detail);
    grouped.open(key, c.at[r]!, decisions[decisions.length - 1]!, 'the end of the period or of the block');
  };

  const startThrottle = (p: number, line: number, zone: number, from: number, clauses: string[], why: string): void => {
    const k = (p * nL + line) * 2 + zone;
    const end = bounds[p + 1]!;
    if (throttledAt[k] !== Infinity || from >= end) return;
    throttledAt[k] = from;
    throttleBudget[k] = tbps * (end - from);
    decide({
      kind: 'throttle',
      at: formatInstant(from),
      until: formatInstant(end),
      line: c.lineIds[line]!,
      service: 'data',
      zone: ZONE_NAMES[zone]!,
      detail: `${why}: 512 kbps until the end of the billing period`,
      clauses,
      assumed: false,
    });
  };

  /** Delivers `q` bytes at reduced speed within `seconds` of session; returns what got through. */
  const deliverThrottled = (k: number, q: number, seconds: number): number => {
    const delivered = Math.min(q, Math.floor(tbps * seconds), throttleBudget[k]!);
    throttleBudget[k] = throttleBudget[k]! - delivered;
    return delivered;
  };

  const bill = (r: number, p: number, tariff: number, q: number, u: number): void => {
    usage[u + Treat.BILLED] = usage[u + Treat.BILLED]! + q;
    const arrived = c.arrived[r]!;
    if (arrived >= bounds[p + 1]!) late.push({ arrived, period: p, tariff, quantity: q });
    else billed[p * TARIFF_COUNT + tariff] = billed[p * TARIFF_COUNT + tariff]! + q;
    const k = p * TARIFF_COUNT + tariff;
    alertQuantity[k] = alertQuantity[k]! + q;
    const amount = lineAmount(alertQuantity[k]!, (rateOf[tariff] ??= rates[tariff]!));
    periodCharges[p] = periodCharges[p]! + amount - alertAmount[k]!;
    alertAmount[k] = amount;
    if (alertLevel[p]! < 1 && periodCharges[p]! > 0) {
      alertLevel[p] = 1;
      decide({
        kind: 'alert',
        at: formatInstant(arrived),
        amountCents: periodCharges[p]!,
        detail: 'SMS alert: consumption exceeds the tariff plan',
        clauses: ['BASE-D.6.1.3'],
        assumed: false,
      });
    }
    if (alertLevel[p]! < 2 && periodCharges[p]! > (secondAlertAbove ??= catalog.secondAlertAbove)) {
      alertLevel[p] = 2;
      decide({
        kind: 'alert',
        at: formatInstant(arrived),
        amountCents: periodCharges[p]!,
        detail: `second SMS alert: consumption exceeds the tariff plan by more than ${secondAlertAbove / 100} euros`,
        clauses: ['BASE-D.6.1.3'],
        assumed: false,
      });
    }
  };

  /** Takes up to q from the pack's allowance for period p, the new period's part first (BASE-D.7.2). */
  const takeAllowance = (p: number, s: number, q: number): number => {
    const k = p * 3 + s;
    const fromFresh = Math.min(q, fresh[k]!);
    fresh[k] = fresh[k]! - fromFresh;
    const fromCarried = Math.min(q - fromFresh, carried[k]!);
    carried[k] = carried[k]! - fromCarried;
    return fromFresh + fromCarried;
  };

  let open = 0;
  if (nP > 0) openPeriod(0);
  const n = c.count;
  for (let k = 0; k < n; k++) {
    const r = c.order[k]!;
    const t = c.at[r]!;
    const arrived = c.arrived[r]!;
    while (open + 1 < nP && arrived >= bounds[open + 1]!) openPeriod(++open);
    const p = c.period[r]!;
    const line = c.line[r]!;
    const s = c.service[r]!;
    const z = c.zone[r]!;
    const d = c.dest[r]!;
    const q = c.quantity[r]!;
    const u = usageIndex(nL, p, line, s, z);
    const isLate = arrived > t;

    const kind = c.lineKind[line]!;
    if (s !== Svc.DATA && d === Dest.EMERGENCY) {
      usage[u + Treat.FREE] = usage[u + Treat.FREE]! + q;
      if (kind === LineKind.PHONE2GO && !phone2GoEmergencyConditionsMet(c.flags[r]!, z))
        decide({ kind: 'flag', at: formatInstant(t), line: c.lineIds[line]!, event: c.event[r]!, detail: 'emergency call through the Phone2Go app outside the conditions of use: the client bears the risk (the call goes through)', clauses: ['CLIC-2.10'], assumed: false });
      continue;
    }
    if (c.flags[r]! & UsageFlag.SIMBOX) {
      usage[u + Treat.BLOCKED] = usage[u + Treat.BLOCKED]! + q;
      blockInBulk(`simbox:${p}:${line}:${s}`, r, q, ['BASE-B.3.2.1'], 'calls and SMS from a SIM box or GSM gateway are blocked automatically');
      continue;
    }
    if (blocks.length > 0) {
      const b = blockAt(line, t);
      if (b) {
        usage[u + Treat.BLOCKED] = usage[u + Treat.BLOCKED]! + q;
        blockInBulk(`${blocks.indexOf(b)}:${p}:${line}:${s}`, r, q, b.clauses as string[], b.detail);
        continue;
      }
    }
    if (z === Zone.EU && alternativeRoaming.length > 0 && alternativeRoaming.some((a) => (a.line === -1 || a.line === line) && a.from <= t && t < a.to)) {
      usage[u + Treat.FREE] = usage[u + Treat.FREE]! + q; // BASE-B.2.5: served and billed by the alternative roaming operator
      continue;
    }
    if (s === Svc.SMS && c.recipients[r]! > GROUP_LIMIT)
      decide({ kind: 'flag', at: formatInstant(t), line: c.lineIds[line]!, event: c.event[r]!, detail: `a message to ${c.recipients[r]} recipients: messages to groups of more than ${GROUP_LIMIT} are forbidden`, clauses: ['BASE-B.3.3.1'], assumed: false });
    if (kind === LineKind.DATA && s !== Svc.DATA) {
      usage[u + Treat.BLOCKED] = usage[u + Treat.BLOCKED]! + q;
      block(r, q, ['CLIC-2.4'], 'a data SIM cannot make calls or send SMS');
      continue;
    }
    if (kind === LineKind.PHONE2GO && (!phone2GoAllowed || !phone2GoMayCall(d))) {
      usage[u + Treat.BLOCKED] = usage[u + Treat.BLOCKED]! + q;
      if (phone2GoAllowed) block(r, q, ['CLIC-2.9'], 'a Phone2Go number can only call Belgian fixed and mobile numbers, not premium ones');
      else block(r, q, ['CLIC-2.7'], 'Phone2Go is not available on this plan family');
      continue;
    }
    if (s === Svc.DATA && dataBarred) {
      usage[u + Treat.BLOCKED] = usage[u + Treat.BLOCKED]! + q;
      block(r, q, ['BASE-B.4'], 'data services refused in writing by the client');
      continue;
    }
    if (c.incoming[r] === 1) {
      if (z === Zone.WORLD) bill(r, p, T['roaming_world.call_received'], q, u);
      else usage[u + Treat.FREE] = usage[u + Treat.FREE]! + q;
      continue;
    }
    if (s !== Svc.DATA && pausedAt[(p * nL + line) * 2 + s]! <= t) {
      usage[u + Treat.BLOCKED] = usage[u + Treat.BLOCKED]! + q;
      // A pause lasts to the period's end: one decision for its records (the one it cut is its own, below).
      blockInBulk(`pause:${p}:${line}:${s}`, r, q, ['CLIC-2.3'], `${SERVICES[s]} service paused until the end of the billing period`);
      continue;
    }
    if (d === Dest.FREE) {
      usage[u + Treat.FREE] = usage[u + Treat.FREE]! + q;
      continue;
    }

    let rest = q;
    const plan = segments.length === 1 ? firstPlan : planAt(t);
    if (countsInPack(plan, s, z, d)) {
      if (s === Svc.DATA) {
        const tk = (p * nL + line) * 2 + z;
        const periodLeft = bounds[p + 1]! - t;
        const seconds = Math.min(c.seconds[r]!, periodLeft);
        if (throttledAt[tk]! <= t) {
          const delivered = deliverThrottled(tk, q, seconds);
          usage[u + Treat.THROTTLED] = usage[u + Treat.THROTTLED]! + delivered;
          usage[u + Treat.BLOCKED] = usage[u + Treat.BLOCKED]! + q - delivered;
          continue;
        }
        let overCap = 0;
        if (plan.allowances[Svc.DATA] === Infinity) {
          const fk = (p * nL + line) * 4 + 2 + z;
          const cap = z === Zone.BE ? plan.fairUse.dataBelgium : plan.fairUse.dataEu;
          const take = Math.min(q, cap - fairUse[fk]!);
          fairUse[fk] = fairUse[fk]! + take;
          usage[u + Treat.INCLUDED] = usage[u + Treat.INCLUDED]! + take;
          overCap = q - take;
          if (overCap > 0 && !clic) {
            // BASE-D.6.3: no set limit, but use far beyond the borrowed limits is abnormal: flagged, not throttled.
            flagOnce(`${p}:${line}:data`, abnormal(arrived, line, 'data'));
            usage[u + Treat.INCLUDED] = usage[u + Treat.INCLUDED]! + overCap;
            continue;
          }
          if (overCap > 0)
            startThrottle(p, line, z, arrived, ['CLIC-2.3'], `beyond ${z === Zone.BE ? '300 GB in Belgium' : '100 GB in the EU zone'} on an unlimited plan`);
          rest = 0;
        } else {
          const take = takeAllowance(p, s, q);
          usage[u + Treat.INCLUDED] = usage[u + Treat.INCLUDED]! + take;
          rest = q - take;
          if (rest > 0 && z === Zone.BE && plan.throttleAfterData) {
            for (let l = 0; l < nL; l++) {
              const lk = c.lineKind[l]!;
              if (lk === LineKind.MOBILE || lk === LineKind.DATA)
                startThrottle(p, l, Zone.BE, arrived, partial[p] ? ['BASE-D.8.3', 'CLIC-2.1'] : ['CLIC-2.1'], 'the pack\'s data is used up in Belgium');
            }
            overCap = rest;
            rest = 0;
          }
        }
        if (overCap > 0) {
          if (isLate) usage[u + Treat.INCLUDED] = usage[u + Treat.INCLUDED]! + overCap;
          else {
            const delivered = deliverThrottled(tk, overCap, (seconds * overCap) / q);
            usage[u + Treat.THROTTLED] = usage[u + Treat.THROTTLED]! + delivered;
            usage[u + Treat.BLOCKED] = usage[u + Treat.BLOCKED]! + overCap - delivered;
          }
        }
      } else if (plan.allowances[s] === Infinity) {
        const fk = (p * nL + line) * 4 + s;
        const cap = s === Svc.CALL ? plan.fairUse.callSeconds : plan.fairUse.sms;
        const take = Math.min(q, cap - fairUse[fk]!);
        fairUse[fk] = fairUse[fk]! + take;
        usage[u + Treat.INCLUDED] = usage[u + Treat.INCLUDED]! + take;
        const over = q - take;
        if (over > 0 && !clic) {
          flagOnce(`${p}:${line}:${s}`, abnormal(arrived, line, SERVICES[s]!));
          usage[u + Treat.INCLUDED] = usage[u + Treat.INCLUDED]! + over;
          continue;
        }
        if (over > 0) {
          const pk = (p * nL + line) * 2 + s;
          if (pausedAt[pk] === Infinity && arrived < bounds[p + 1]!) {
            pausedAt[pk] = arrived;
            decide({
              kind: 'pause',
              at: formatInstant(arrived),
              until: formatInstant(bounds[p + 1]!),
              line: c.lineIds[line]!,
              service: SERVICES[s]!,
              detail: `beyond ${s === Svc.CALL ? '30,000 minutes' : '30,000 SMS'} on an unlimited plan: paused until the end of the billing period`,
              clauses: ['CLIC-2.3'],
              assumed: false,
            });
          }
          if (isLate) usage[u + Treat.INCLUDED] = usage[u + Treat.INCLUDED]! + over;
          else {
            usage[u + Treat.BLOCKED] = usage[u + Treat.BLOCKED]! + over;
            block(r, over, ['CLIC-2.3'], `${SERVICES[s]} service paused until the end of the billing period`);
          }
        }
        rest = 0;
      } else {
        const take = takeAllowance(p, s, q);
        usage[u + Treat.INCLUDED] = usage[u + Treat.INCLUDED]! + take;
        rest = q - take;
      }
    }
    if (rest > 0) bill(r, p, tariffFor(s, z, d), rest, u);
  }
  grouped.finish();
  return { billed, late, usage, decisions, carriedIn };
}

/** The usage summary as outcome rows: one per period, line, service and origin zone with any usage. */
export function usageRows(c: CompiledTimeline, usage: Float64Array): UsageRowT[] {
  const rows: UsageRowT[] = [];
  const nL = c.lineIds.length;
  for (let p = 0; p < c.periods.length; p++)
    for (let l = 0; l < nL; l++)
      for (let s = 0; s < 3; s++)
        for (let z = 0; z < 3; z++) {
          const u = usageIndex(nL, p, l, s, z);
          let any = 0;
          for (let k = 0; k < TREATMENTS; k++) any += usage[u + k]!;
          if (any === 0) continue;
          rows.push({
            period: p,
            line: c.lineIds[l]!,
            service: SERVICES[s]!,
            zone: ZONE_NAMES[z]!,
            unit: SERVICE_UNITS[s]!,
            included: usage[u + Treat.INCLUDED]!,
            billed: usage[u + Treat.BILLED]!,
            throttled: usage[u + Treat.THROTTLED]!,
            blocked: usage[u + Treat.BLOCKED]!,
            free: usage[u + Treat.FREE]!,
          });
        }
  return rows;
}
