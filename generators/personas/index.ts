/** The persona registry: every persona of generators/personas/, by id. */
import type { Catalog, Plan } from '../../src/domain/catalog.ts';
import type { PersonaRef } from '../../src/domain/scenario.ts';
import type { AnyPersona } from '../types.ts';
import { allowanceCrosser } from './allowance-crosser.ts';
import { alternativeRoamer } from './alternative-roamer.ts';
import { businessTraveller } from './business-traveller.ts';
import { deceasedSubscriber } from './deceased-subscriber.ts';
import { disputer } from './disputer.ts';
import { earlyLeaver } from './early-leaver.ts';
import { everydayUser } from './everyday-user.ts';
import { fairUseAbuser } from './fair-use-abuser.ts';
import { fixedTermLeaver } from './fixed-term-leaver.ts';
import { groupTexter } from './group-texter.ts';
import { holidaySuspender } from './holiday-suspender.ts';
import { lateActivator } from './late-activator.ts';
import { latePayer } from './late-payer.ts';
import { lightUser } from './light-user.ts';
import { nonPayer } from './non-payer.ts';
import { numberPorter } from './number-porter.ts';
import { partialPayer } from './partial-payer.ts';
import { phone2goSharer } from './phone2go-sharer.ts';
import { planSwitcher } from './plan-switcher.ts';
import { prepaidTopper } from './prepaid-topper.ts';
import { priceChangeLeaver } from './price-change-leaver.ts';
import { priceChangeStayer } from './price-change-stayer.ts';
import { simLoser } from './sim-loser.ts';
import { simReseller } from './sim-reseller.ts';
import { simboxOperator } from './simbox-operator.ts';
import { summerRoamer } from './summer-roamer.ts';

export const PERSONA_LIST: readonly AnyPersona[] = [
  everydayUser,
  lightUser,
  summerRoamer,
  businessTraveller,
  alternativeRoamer,
  allowanceCrosser,
  fairUseAbuser,
  simboxOperator,
  groupTexter,
  simReseller,
  latePayer,
  nonPayer,
  partialPayer,
  disputer,
  simLoser,
  lateActivator,
  holidaySuspender,
  planSwitcher,
  phone2goSharer,
  earlyLeaver,
  fixedTermLeaver,
  priceChangeLeaver,
  priceChangeStayer,
  numberPorter,
  deceasedSubscriber,
  prepaidTopper,
];

/** A persona as the scenario schema checks it: whether it fits a plan of the catalog. */
export type RegisteredPersona = AnyPersona & PersonaRef;

function registered(p: AnyPersona): RegisteredPersona {
  return { ...p, fits: (plan: Plan, catalog: Catalog) => p.families.includes(plan.family) && (p.fitsPlan?.(plan, catalog) ?? true) };
}

export const PERSONAS: ReadonlyMap<string, RegisteredPersona> = new Map(PERSONA_LIST.map((p) => [p.id, registered(p)]));
