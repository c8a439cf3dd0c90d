/**
 * The contract a subscriber signs: plan, lines (mobile SIMs, the data SIM, a fixed line, Phone2Go
 * licences), options, term, device discount, activation day and billing-cycle day (BASE-D.8.3), with
 * the cycle day leaning to 1, 28 and the activation day itself (a whole first period).
 */
import fc from 'fast-check';
import type { Catalog } from '../src/domain/catalog.ts';
import { edgeInt, weighted } from './edges.ts';
import type { ContractNeeds } from './types.ts';

export interface ContractShape {
  readonly plan: string;
  /** Days after the scenario's start the subscription is activated. */
  readonly startOffset: number;
  readonly cycleDay: number;
  /** The cycle day is the activation's day of the month (when ≤ 28): the first period is whole. */
  readonly cycleOnActivation: boolean;
  readonly mobiles: number;
  readonly dataSim: boolean;
  readonly fixedLine: boolean;
  /** Phone2Go licences (0: no option). */
  readonly phone2go: number;
  readonly tv: boolean;
  /** 0: indefinite; else a fixed term in months (BASE subscriptions only: CLIC-5.1 is indefinite). */
  readonly fixedTermMonths: number;
  readonly device: { readonly discountCents: number; readonly minimumMonths: number } | null;
  readonly dataBarred: boolean;
  /** The language of the subscriber's identity: Dutch or French (Belgian locales). */
  readonly locale: 'nl' | 'fr';
  /** Statements paid by direct debit on the due date, or (payment personas) by the client's own payments (BASE-D.8.5). */
  readonly payment: 'direct_debit' | 'manual';
  /** Days from the contract day to the SIMs' receipt (with a late activation). */
  readonly receivedAfterDays: number;
  /** Days from receipt to activation, leaning to 13–16 (CLIC-2.5: within 14 days); 0: no activation events (service from the contract day); −1: never. */
  readonly activationAfterDays: number;
}

export interface ContractOptions {
  readonly catalog: Catalog;
  readonly plans: ReadonlyArray<{ readonly id: string; readonly weight: number }>;
  readonly activationDays: number;
  readonly needs: ContractNeeds;
}

/** Device discounts (euro cents) leaning to round amounts; minimum periods leaning to 24 months (BASE-D.10.3.2.3). */
function device(): fc.Arbitrary<{ discountCents: number; minimumMonths: number }> {
  return fc
    .tuple(edgeInt(1, 100_000, [10_000, 15_000, 15_001, 25_000, 50_000, 50_001], 0.6), edgeInt(1, 36, [6, 12, 24], 0.8))
    .map(([discountCents, minimumMonths]) => ({ discountCents, minimumMonths }));
}

/** A contract on one of `plans` (by weight), honouring what the personas need. */
export function contractShape(o: ContractOptions): fc.Arbitrary<ContractShape> {
  const planArb = weighted(o.plans.map((p) => [p.id, Math.max(1, Math.round(p.weight * 100))] as const));
  // One arbitrary per plan, built once: chain only looks it up.
  const byPlan = new Map(o.plans.map((p) => [p.id, contractOn(o, p.id)]));
  return planArb.chain((id) => byPlan.get(id)!);
}

/** A contract on plan `id`. */
function contractOn(o: ContractOptions, id: string): fc.Arbitrary<ContractShape> {
  const needs = o.needs;
  const plan = o.catalog.plans.get(id)!;
  const opt = (name: 'phone2go' | 'fixed_telephony' | 'tv') => o.catalog.options[name].families.includes(plan.family);
  const prepaid = plan.family === 'BASE_PREPAID';
  const secondSimPossible = plan.mobileSims >= 2 || plan.dataSim;
  const wantSecond = needs.secondSim === true && secondSimPossible;
  const mobiles = plan.mobileSims <= 1 ? fc.constant(Math.max(1, plan.mobileSims)) : edgeInt(1, plan.mobileSims, [1, plan.mobileSims], 0.5);
  // A tuple and one mapping into the shape (rather than fc.record): drawn for every subscriber, and a
  // record's generic mapping costs more than its fields. Fields that are constants for the plan are set
  // in the mapping; they draw nothing either way.
  return fc
    .tuple(
      edgeInt(0, o.activationDays - 1, [0, o.activationDays - 1], 0.1),
      edgeInt(1, 28, [1, 28], 0.3),
      weighted([[false, 7], [true, 1]]),
      mobiles,
      plan.dataSim ? (needs.secondSim && plan.mobileSims < 2 ? fc.constant(true) : weighted([[false, 2], [true, 1]])) : fc.constant(false),
      opt('fixed_telephony') && !prepaid ? weighted([[false, 9], [true, 1]]) : fc.constant(false),
      opt('phone2go') ? (needs.phone2go ? fc.integer({ min: 1, max: 2 }) : weighted([[0, 19], [1, 1]])) : fc.constant(0),
      opt('tv') && !prepaid ? weighted([[false, 3], [true, 1]]) : fc.constant(false),
      plan.family === 'BASE_SUBSCRIPTION' ? (needs.fixedTerm ? fc.constantFrom(12, 24) : weighted([[0, 9], [12, 1]])) : fc.constant(0),
      prepaid ? fc.constant(null) : needs.device ? device() : fc.oneof({ weight: 9, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: device() }),
      weighted([[false, 49], [true, 1]]),
      weighted([['nl', 3], ['fr', 2]] as const),
      needs.lateActivation ? edgeInt(0, 10, [0], 0.3) : fc.constant(0),
      needs.lateActivation ? fc.oneof({ weight: 9, arbitrary: edgeInt(1, 40, [13, 14, 15, 16], 0.7) }, { weight: 1, arbitrary: fc.constant(-1) }) : fc.constant(0),
    )
    .map(([startOffset, cycleDay, cycleOnActivation, mobiles, dataSim, fixedLine, phone2go, tv, fixedTermMonths, device, dataBarred, locale, receivedAfterDays, activationAfterDays]): ContractShape => {
      const c: ContractShape = {
        plan: id,
        startOffset,
        cycleDay,
        cycleOnActivation,
        mobiles,
        dataSim,
        fixedLine,
        phone2go,
        tv,
        fixedTermMonths,
        device,
        dataBarred,
        locale,
        payment: needs.manualPayment ? 'manual' : 'direct_debit',
        receivedAfterDays,
        activationAfterDays,
      };
      return wantSecond && c.mobiles < 2 && !c.dataSim ? { ...c, mobiles: plan.mobileSims >= 2 ? 2 : 1, dataSim: plan.mobileSims < 2 } : c;
    });
}
