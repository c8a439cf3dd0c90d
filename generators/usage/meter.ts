/**
 * What a usage record counts against, as the generators read the terms: the pack's shared allowance
 * (CLIC-2.1, CLIC-2.4, BASE-D.7.1, prorated by BASE-D.8.3, with rollover by BASE-D.7.2) and, for
 * unlimited services, CLIC-2.3's per-SIM limits (30,000 minutes, 30,000 SMS, 300 GB in Belgium,
 * 100 GB in the EU zone). Outgoing calls and SMS count when they go to Belgian numbers from Belgium or
 * the EU zone, or to EU-zone numbers from the EU zone (CLIC-2.2); data counts in Belgium and the EU zone;
 * emergency, freephone and incoming calls never count. Used to aim at the boundaries (±1 unit) and to
 * report them in the stats.
 */
import type { Catalog, Plan } from '../../src/domain/catalog.ts';
import { Zone } from '../../src/domain/countries.ts';
import { Svc } from '../../src/domain/families.ts';
import { roundHalfUp } from '../../src/domain/money.ts';
import { Dest } from '../../src/domain/numbering.ts';
import type { BillingPeriod } from '../../src/domain/periods.ts';

/** Indexes of the per-SIM counters: call seconds, SMS, data bytes in Belgium, data bytes in the EU zone. */
export const Fair = { CALL: 0, SMS: 1, DATA_BE: 2, DATA_EU: 3 } as const;
export const FAIR_NAMES = ['calls', 'SMS', 'data in Belgium', 'data in the EU zone'] as const;

/** The line kinds as the meter sees them. */
export const Kind = { MOBILE: 0, DATA: 1, FIXED: 2, PHONE2GO: 3 } as const;
const KIND_OF = { mobile: Kind.MOBILE, data: Kind.DATA, fixed: Kind.FIXED, phone2go: Kind.PHONE2GO } as const;

/** Each line's `Kind`. */
export function lineKinds(lines: ReadonlyArray<{ readonly kind: keyof typeof KIND_OF }>): Uint8Array {
  const kinds = new Uint8Array(lines.length);
  for (let i = 0; i < lines.length; i++) kinds[i] = KIND_OF[lines[i]!.kind];
  return kinds;
}

export function smsCount(characters: number, recipients: number): number {
  return (characters <= 160 ? 1 : Math.ceil(characters / 160)) * recipients;
}

/** The quantity of a record in its service's unit, rounded up to the catalog's increments. */
export function quantity(catalog: Catalog, service: number, amount: number, recipients: number): number {
  if (service === Svc.CALL) return roundUp(amount, catalog.callIncrementSeconds);
  if (service === Svc.SMS) return smsCount(amount, recipients);
  return roundUp(amount, catalog.dataIncrementBytes);
}

function roundUp(v: number, inc: number): number {
  return inc === 1 ? v : Math.ceil(v / inc) * inc;
}

/** Whether a record counts against the pack (CLIC-2.2, BASE-D.7.1). */
export function countsInPack(plan: Plan, dataBarred: boolean, service: number, incoming: boolean, kind: number, zone: number, dest: number): boolean {
  if (zone === Zone.BE ? !plan.includedInBelgium : zone === Zone.EU ? !plan.includedInEu : true) return false;
  if (service === Svc.DATA) return !dataBarred && (kind === Kind.MOBILE || kind === Kind.DATA);
  if (incoming || kind === Kind.DATA) return false;
  if (kind === Kind.PHONE2GO && dest !== Dest.BE_FIXED && dest !== Dest.BE_MOBILE) return false;
  return dest === Dest.BE_FIXED || dest === Dest.BE_MOBILE || (dest === Dest.EU && zone === Zone.EU);
}

/** The fair-use counter a counted record goes to (CLIC-2.3), −1 when its service is not unlimited. */
export function fairIndex(plan: Plan, service: number, zone: number): number {
  if (plan.allowances[service] !== Infinity) return -1;
  if (service === Svc.DATA) return zone === Zone.BE ? Fair.DATA_BE : Fair.DATA_EU;
  return service;
}

/** A CLIC-2.3 limit in its unit. */
export function fairLimit(plan: Plan, index: number): number {
  const f = plan.fairUse;
  return index === Fair.CALL ? f.callSeconds : index === Fair.SMS ? f.sms : index === Fair.DATA_BE ? f.dataBelgium : f.dataEu;
}

/** The pack's allowance of `service` for `period`, prorated (BASE-D.8.3); Infinity or 0 as is. */
export function freshAllowance(plan: Plan, service: number, period: BillingPeriod): number {
  const a = plan.allowances[service]!;
  if (a === Infinity || a === 0) return a;
  return roundHalfUp(a * period.days, period.cycleDays);
}

/** Destination classes (numbering.ts `Dest`). */
const DESTS = 9;
const RULES = 3 * 2 * 4 * 3 * DESTS;

function ruleKey(service: number, incoming: boolean, kind: number, zone: number, dest: number): number {
  return (((service * 2 + (incoming ? 1 : 0)) * 4 + kind) * 3 + zone) * DESTS + dest;
}

/** Per plan, with data allowed and barred: its rules (a plan's are the same for all its subscribers). */
const RULES_OF = new WeakMap<Plan, [Uint8Array | undefined, Uint8Array | undefined]>();

function rulesOf(plan: Plan, dataBarred: boolean): Uint8Array {
  let both = RULES_OF.get(plan);
  if (!both) RULES_OF.set(plan, (both = [undefined, undefined]));
  const k = dataBarred ? 1 : 0;
  return (both[k] ??= makeRules(plan, dataBarred));
}

function makeRules(plan: Plan, dataBarred: boolean): Uint8Array {
  const rules = new Uint8Array(RULES);
  for (let service = 0; service < 3; service++)
    for (let incoming = 0; incoming < 2; incoming++)
      for (let kind = 0; kind < 4; kind++)
        for (let zone = 0; zone < 3; zone++)
          for (let dest = 0; dest < DESTS; dest++) {
            if (!countsInPack(plan, dataBarred, service, incoming === 1, kind, zone, dest)) continue;
            const f = fairIndex(plan, service, zone);
            rules[ruleKey(service, incoming === 1, kind, zone, dest)] = f < 0 ? 1 : 2 + f;
          }
  return rules;
}

/**
 * Pack and per-SIM counters over the periods, fed record by record in time order. `allowance(s)` is what
 * the current period offers, rollover included; `pool[s]` what was counted; `fair[line * 4 + i]` the per-SIM use.
 */
export class Meter {
  period = -1;
  /**
   * `countsInPack` and `fairIndex` for every combination of service, direction, line kind, zone and
   * destination class, worked out once: `count` runs for every record of a metered subscriber.
   * Per `ruleKey`: 0 not counted; 1 counted in the pack only; 2 + i also counted on fair-use counter i.
   */
  private readonly rules: Uint8Array;
  /** Per service, the catalog's increment (call seconds, data bytes; 1 for SMS). */
  private readonly increments: Float64Array;
  readonly pool = new Float64Array(3);
  private readonly previousPool = new Float64Array(3);
  private readonly previousFresh = new Float64Array(3);
  readonly fresh = new Float64Array(3);
  readonly carried = new Float64Array(3);
  readonly fair: Float64Array;

  constructor(
    readonly plan: Plan,
    readonly catalog: Catalog,
    readonly dataBarred: boolean,
    readonly kinds: Uint8Array,
    readonly periods: readonly BillingPeriod[],
  ) {
    this.fair = new Float64Array(kinds.length * 4);
    this.increments = Float64Array.of(catalog.callIncrementSeconds, 1, catalog.dataIncrementBytes);
    this.rules = rulesOf(plan, dataBarred);
  }

  /** Moves to period `p` (and every period before it in turn). */
  open(p: number): void {
    while (this.period < p) {
      const next = this.period + 1;
      for (let s = 0; s < 3; s++) {
        const f = freshAllowance(this.plan, s, this.periods[next]!);
        const left = this.period >= 0 ? Math.max(0, this.fresh[s]! - this.pool[s]!) : 0;
        this.previousPool[s] = this.pool[s]!;
        this.previousFresh[s] = this.fresh[s]!;
        this.carried[s] = this.plan.rollover[s] && this.period >= 0 && Number.isFinite(left) ? left : 0;
        this.fresh[s] = f;
        this.pool[s] = 0;
      }
      this.fair.fill(0);
      this.period = next;
    }
  }

  /** What the pack offers this period (fresh + carried). */
  allowance(service: number): number {
    return this.fresh[service]! + this.carried[service]!;
  }

  /** Counts one record; returns its quantity when it counted, else 0. */
  count(service: number, incoming: boolean, line: number, zone: number, dest: number, amount: number, recipients: number): number {
    const rule = this.rules[ruleKey(service, incoming, this.kinds[line]!, zone, dest)]!;
    if (rule === 0) return 0;
    // `quantity`, with the increments at hand.
    const inc = this.increments[service]!;
    const q = service === Svc.SMS ? smsCount(amount, recipients) : inc === 1 ? amount : Math.ceil(amount / inc) * inc;
    this.pool[service] = this.pool[service]! + q;
    if (rule >= 2) this.fair[line * 4 + rule - 2] = this.fair[line * 4 + rule - 2]! + q;
    return q;
  }
}
