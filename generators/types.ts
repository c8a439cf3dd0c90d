/**
 * The vocabulary shared by the generators: what a subscriber's build context is, what a persona is, and
 * how a persona's usage hook sees a day. Personas (generators/personas/) implement `Persona`.
 */
import type fc from 'fast-check';
import type { z } from 'zod';
import type { Catalog, Plan } from '../src/domain/catalog.ts';
import type { Family, OptionId } from '../src/domain/families.ts';
import type { BillingPeriod } from '../src/domain/periods.ts';
import type { Day, Instant } from '../src/domain/time.ts';
import type { TimelineInput } from '../src/domain/timeline.ts';
import type { Life } from './life.ts';
import type { DayContext } from './usage/expand.ts';

export type LineKind = 'mobile' | 'data' | 'fixed' | 'phone2go';

export interface LineInfo {
  readonly index: number;
  readonly id: string;
  readonly kind: LineKind;
}

/** One statement the subscriber will receive (BASE-D.8.1, D.8.5): issued on a period's first day. */
export interface StatementInfo {
  readonly index: number;
  readonly issued: Day;
  /** issued + the catalog's paymentTermDays. */
  readonly due: Day;
  /** The subscription fee and options of the period, prorated (BASE-D.8.3): the statement's total when no usage is charged. */
  readonly feeCents: number;
}

/** Everything fixed by the contract that a persona draws against and builds on. */
export interface BuildContext {
  readonly catalog: Catalog;
  readonly plan: Plan;
  readonly family: Family;
  readonly options: readonly OptionId[];
  readonly lines: readonly LineInfo[];
  /** The contract's day (contract.start). */
  readonly start: Day;
  readonly until: Day;
  /** When the SIMs arrive and the subscription is activated, when the contract says so (CLIC-2.5, BASE-D.10.1). */
  readonly received: Day | null;
  /** The day service starts (BASE-D.10.1): `start`, or the activation; null when it never starts within the horizon. */
  readonly activation: Day | null;
  /** The activation's instant (an activation event's, else 00:00 on `start`). */
  readonly activationAt: Instant;
  /** The activation event's instant, even when it comes too late to count (CLIC-2.5); null: no activation event. */
  readonly activationEventAt: Instant | null;
  readonly startAt: Instant;
  readonly untilAt: Instant;
  readonly cycleDay: number;
  /** Billing periods from the activation to `until` (none when service never starts). */
  readonly periods: readonly BillingPeriod[];
  /** Statements issued before `until` (none on prepaid: BASE-A, never invoiced). */
  readonly statements: readonly StatementInfo[];
  readonly term: { readonly kind: 'indefinite' } | { readonly kind: 'fixed'; readonly months: number };
  readonly device: { readonly discountCents: number; readonly minimumMonths: number } | undefined;
  /** Days from start to until. */
  readonly days: number;
  /** Data refused in writing (BASE-B.4). */
  readonly dataBarred: boolean;
  /** Direct debit pays every statement on its due date; manual: only payment events do (BASE-D.8.5). */
  readonly payment: 'direct_debit' | 'manual';
}

/** What a persona needs of the contract, honoured when the contract is drawn. */
export interface ContractNeeds {
  /** A device discount tied to the subscription (CLIC-5.1, BASE-D.10.3.2.3). */
  readonly device?: boolean;
  /** A fixed term (BASE-D.10.3.2.1). */
  readonly fixedTerm?: boolean;
  /** The Phone2Go option with its licences (CLIC-2.7). */
  readonly phone2go?: boolean;
  /** A second SIM (mobile or data) besides the first mobile one. */
  readonly secondSim?: boolean;
  /** SIMs received after the contract day and activated some days later (CLIC-2.5). */
  readonly lateActivation?: boolean;
  /** Statements paid by the client's own payment events, not by direct debit (BASE-D.8.5). */
  readonly manualPayment?: boolean;
}

/**
 * What of the contract a persona's arbitrary may read, so that the population builds it once per distinct
 * value and shares it (`Persona.drawsOn`):
 * - `horizon`: `start`, `until`, `days` and `periods` (the contract day, the activation and the cycle day);
 * - `plan`: `catalog`, `plan` and `family`;
 * - `lines`: `lines`;
 * - `statements`: how many statements there are (`statements`, its length only; subscribers with the same
 *   count share the arbitrary, whatever their plan and dates).
 */
export type ContractFacet = 'horizon' | 'plan' | 'lines' | 'statements';

/** How a subscriber uses the phone day to day; personas scale it. Rates are means per day. */
export interface UsageProfile {
  /** Calls a day on the first SIM, incoming included. */
  callsPerDay: number;
  smsPerDay: number;
  /** Data sessions a day on the first SIM. */
  dataPerDay: number;
  callMedianSeconds: number;
  dataMedianBytes: number;
  /** Share of calls that are received. */
  incomingShare: number;
  /** Share of calls and SMS from Belgium to foreign numbers. */
  foreignShare: number;
  /** Share of calls and SMS to special, premium, freephone and short-code numbers. */
  specialShare: number;
  /** Activity of the other mobile SIMs relative to the first. */
  otherSims: number;
  /** Data sessions a day on the data SIM. */
  dataSimPerDay: number;
  /** Calls a working day on the fixed line and on each Phone2Go licence. */
  fixedPerDay: number;
}

/** A persona's extra usage, called by the expander day by day in time order. */
export interface UsageHook {
  /** Adds records of the day (any time of day); they are sorted with the day's other records. */
  day?(d: DayContext): void;
  /** After the day's records are written and counted: adds records later than all of them (boundary top-ups). */
  closing?(d: DayContext): void;
}

/** An account event as written in a timeline document (defaults may be left out). */
export type AccountEvent = Exclude<TimelineInput['events'][number], { type: 'call' | 'sms' | 'data' }>;
/** An account event without its instant (the Life adds it). */
export type AccountEventBody = AccountEvent extends infer E ? (E extends AccountEvent ? Omit<E, 'at'> : never) : never;

/**
 * A behaviour a subscriber can have. Personas combine: a subscriber has one or several, each drawing its
 * own part of the shape with fast-check and applying it to the subscriber's life.
 */
export interface Persona<S = unknown, P extends Record<string, unknown> = Record<string, unknown>> {
  readonly id: string;
  /** One line: what the subscriber does. */
  readonly description: string;
  /** The clauses whose corners the persona reaches. */
  readonly clauses: readonly string[];
  /** Parameters with their defaults (a zod object); a scenario may set them per mix entry. */
  readonly parameters: z.ZodType<P>;
  /** Plan families the persona can be on. */
  readonly families: readonly Family[];
  /** A further condition on the plan (e.g. an unlimited service); default: any plan of the families. */
  readonly fitsPlan?: (plan: Plan, catalog: Catalog) => boolean;
  /** In words, for errors: where the persona can live. */
  readonly fitsText: string;
  readonly needs?: ContractNeeds;
  /**
   * All the arbitrary reads of the contract: it is built once per process for each distinct value of these
   * and shared by the subscribers that have it (building arbitraries against every contract cost a sixth of
   * the generation). Reading anything else would make a subscriber depend on another: the personas' tests
   * build each arbitrary against a context that lets it read only these. Absent: built for every subscriber.
   */
  readonly drawsOn?: readonly ContractFacet[];
  /** The persona's part of the subscriber's shape, drawn against the contract. */
  arbitrary(ctx: BuildContext, params: P): fc.Arbitrary<S>;
  /** Turns the drawn shape into account events, usage constraints, trips and usage hooks. */
  apply(shape: S, life: Life, params: P): void;
}

/** A persona of any shape and parameters (the registry holds them all). */
export type AnyPersona = Persona<any, any>;
