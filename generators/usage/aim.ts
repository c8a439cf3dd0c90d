/**
 * A usage hook that drives a counter to an exact amount by the last day of a billing period: the pack's
 * shared allowance of a service (CLIC-2.1, BASE-D.7.1) or one SIM's CLIC-2.3 counter. Through the
 * period it adds records up to about 97 % of the target, spread over the days; on the period's last day,
 * after every other record of the day is written, it adds what is missing to the unit, so the period
 * ends one unit short of, exactly at, or one unit past the boundary (when ordinary usage has not already
 * passed it).
 */
import { Zone } from '../../src/domain/countries.ts';
import { Svc } from '../../src/domain/families.ts';
import type { Instant } from '../../src/domain/time.ts';
import type { UsageHook } from '../types.ts';
import type { DayContext } from './expand.ts';
import { Fair, fairLimit, Kind } from './meter.ts';

export interface Aim {
  readonly period: number;
  readonly service: number;
  /** A SIM's CLIC-2.3 counter (Fair index) on `line`; −1: the pack's shared allowance. */
  readonly fair: number;
  readonly line: number;
  /** Units past the boundary (−1, 0, +1) … */
  readonly delta: number;
  /** … or, when > 0, a share past it in percent (an ordinary crossing). */
  readonly percentOver: number;
}

const CHUNK = [7_200, 50, 2_000_000_000] as const;

/** The boundary the aim is about, in the counter's unit, for the period the meter is in. */
export function boundaryOf(d: DayContext, aim: Aim): number {
  return aim.fair < 0 ? d.meter.allowance(aim.service) : fairLimit(d.ctx.plan, aim.fair);
}

function counted(d: DayContext, aim: Aim): number {
  return aim.fair < 0 ? d.meter.pool[aim.service]! : d.meter.fair[aim.line * 4 + aim.fair]!;
}

function unit(d: DayContext, service: number): number {
  return service === Svc.CALL ? d.ctx.catalog.callIncrementSeconds : service === Svc.DATA ? d.ctx.catalog.dataIncrementBytes : 1;
}

/** The first line that can carry the aim's records at `t`. */
function lineFor(d: DayContext, aim: Aim, t: Instant): number {
  if (aim.line >= 0) return d.usable(aim.line, t) ? aim.line : -1;
  for (let l = 0; l < d.kinds.length; l++) {
    const k = d.kinds[l]!;
    const ok = aim.service === Svc.DATA ? k === Kind.MOBILE || k === Kind.DATA : k === Kind.MOBILE;
    if (ok && d.usable(l, t)) return l;
  }
  return -1;
}

/** Where the records are made: today's country if the pack counts there, else Belgium (the EU zone for the EU data limit). */
function where(d: DayContext, aim: Aim): number {
  if (aim.fair === Fair.DATA_EU) return d.zone === Zone.EU ? d.country : -1;
  if (aim.fair === Fair.DATA_BE) return d.home;
  const counts = d.zone === Zone.BE ? d.ctx.plan.includedInBelgium : d.zone === Zone.EU ? d.ctx.plan.includedInEu : false;
  return counts && d.zone !== Zone.WORLD ? d.country : d.home;
}

/** Adds records worth `amount` (in the counter's unit) from `t` on, one after the other. */
function add(d: DayContext, aim: Aim, amount: number, t0: Instant, spread: number): void {
  let left = amount;
  let t = t0;
  const country = where(d, aim);
  if (country < 0) return;
  const pieces = Math.max(1, Math.ceil(left / CHUNK[aim.service]!));
  const step = Math.max(1, Math.floor(spread / pieces));
  while (left > 0) {
    const line = lineFor(d, aim, t);
    if (line < 0) return;
    const q = Math.min(left, CHUNK[aim.service]!);
    if (aim.service === Svc.CALL) {
      d.call(t, line, d.contact(), d.dest, q, false, 0, t, country);
    } else if (aim.service === Svc.SMS) {
      d.sms(t, line, d.contact(), d.dest, 160 * q, 1, t, country);
    } else {
      d.data(t, line, q, Math.max(1, Math.ceil(q / 12_500_000)), t, country);
    }
    left -= q;
    t += step;
  }
}

/** The hook for a list of aims (one per period at most per counter). */
export function aimHook(aims: readonly Aim[]): UsageHook {
  const byPeriod = new Map<number, Aim[]>();
  for (const a of aims) byPeriod.set(a.period, [...(byPeriod.get(a.period) ?? []), a]);
  const target = (d: DayContext, a: Aim): number => {
    const b = boundaryOf(d, a);
    if (!Number.isFinite(b) || b <= 0) return NaN;
    return a.percentOver > 0 ? Math.ceil(b * (1 + a.percentOver / 100)) : b + a.delta * unit(d, a.service);
  };
  return {
    day(d) {
      const list = byPeriod.get(d.period);
      if (!list) return;
      const periodEnd = d.ctx.periods[d.period]!.end;
      const daysLeft = periodEnd - d.day;
      if (daysLeft <= 1) return;
      for (const a of list) {
        const goal = target(d, a);
        if (!(goal > 0)) continue;
        const want = Math.floor((0.97 * goal - counted(d, a)) / (daysLeft - 1));
        const u = unit(d, a.service);
        const amount = Math.floor(want / u) * u;
        if (amount > 0) add(d, a, amount, d.dayStart + 3_600, d.dayLength - 4 * 3_600);
      }
    },
    closing(d) {
      if (!d.lastDayOfPeriod) return;
      const list = byPeriod.get(d.period);
      if (!list) return;
      for (const a of list) {
        const goal = target(d, a);
        const missing = goal - counted(d, a);
        if (!(missing > 0)) continue;
        const t = Math.max(d.lastAt + 1, d.dayStart + d.dayLength - 110);
        add(d, a, missing, t, 1);
      }
    },
  };
}
