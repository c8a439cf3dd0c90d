import { Zone } from '../domain/countries.ts';
import { Dest } from '../domain/numbering.ts';
import type { Plan } from '../domain/catalog.ts';
import { Svc } from '../domain/families.ts';
import { T } from '../domain/tariffs.ts';

/**
 * CLIC-2.2 and BASE-D.7.1: which usage the pack covers.
 *
 * CLIC-2.2: included minutes and SMS count only for (i) fixed and mobile, from Belgium to Belgian
 * numbers, (ii) mobile, from the EU zone to Belgian numbers and numbers of other EU-zone countries;
 * included data only in Belgium and the EU zone; special numbers (070, 0900, …) and third-party
 * services never. BASE-D.7.1: plan tariffs apply to use in Belgium, special numbers excepted, unless the
 * plan says otherwise (the catalog's `includedIn`). A call from Belgium to a French number is therefore
 * never in the pack, while the same call made from Spain is.
 */
export function countsInPack(plan: Plan, service: number, zone: number, dest: number): boolean {
  const zoneIncluded = zone === Zone.BE ? plan.includedInBelgium : zone === Zone.EU ? plan.includedInEu : false;
  if (!zoneIncluded) return false;
  if (service === Svc.DATA) return true;
  if (dest === Dest.BE_FIXED || dest === Dest.BE_MOBILE) return true;
  return dest === Dest.EU && zone === Zone.EU;
}

/**
 * The tariff an outgoing call or SMS, or a data session, is billed under when the pack does not cover
 * it (CLIC-2.2 "toute autre consommation ... facturée en sus"; BASE-B.2.1 roaming and international at
 * the published prices). Special, premium and short-code destinations are priced as such from anywhere.
 */
export function tariffFor(service: number, zone: number, dest: number): number {
  if (service === Svc.DATA) return zone === Zone.BE ? T['national.data'] : zone === Zone.EU ? T['roaming_eu.data'] : T['roaming_world.data'];
  const sms = service === Svc.SMS;
  if (dest === Dest.SPECIAL) return sms ? T['special.sms'] : T['special.call'];
  if (dest === Dest.PREMIUM) return sms ? T['premium.sms'] : T['premium.call'];
  if (dest === Dest.SHORT) return sms ? T['short_code.sms'] : T['short_code.call'];
  const belgian = dest === Dest.BE_FIXED || dest === Dest.BE_MOBILE;
  if (zone === Zone.BE) {
    if (belgian) return sms ? T['national.sms'] : T['national.call'];
    if (dest === Dest.EU) return sms ? T['international.sms_eu'] : T['international.call_eu'];
    return sms ? T['international.sms_world'] : T['international.call_world'];
  }
  if (zone === Zone.EU) {
    if (belgian || dest === Dest.EU) return sms ? T['roaming_eu.sms'] : T['roaming_eu.call'];
    return sms ? T['roaming_eu.sms_world'] : T['roaming_eu.call_world'];
  }
  return sms ? T['roaming_world.sms'] : T['roaming_world.call'];
}

/** Destinations a Phone2Go licence may call (CLIC-2.9): Belgian fixed and mobile numbers, never premium ones. */
export function phone2GoMayCall(dest: number): boolean {
  return dest === Dest.BE_FIXED || dest === Dest.BE_MOBILE;
}
