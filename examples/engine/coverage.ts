/**
 * What the pack covers (CLIC-2.2, BASE-D.7.1) and which tariff bills what it does not.
 */
import type { Plan, Service } from './catalog.ts';
import { isBelgianNumber, type Destination, type Zone } from './zones.ts';

/**
 * DELIBERATE DEFECT for the demo (breaks CLIC-2.2): a call or SMS made in Belgium to a number of another
 * EU-zone country is counted in the pack, as if it were a Belgian number. CLIC-2.2 counts only Belgium →
 * Belgian numbers, and EU zone → Belgian or EU-zone numbers; from Belgium to France is international
 * traffic, billed at `international.call_eu` / `international.sms_eu`. Set to false for a correct engine.
 */
export const EU_NUMBERS_IN_PACK_FROM_BELGIUM = true;

/** True when a call or SMS made in `where` to `to` counts against the pack (included minutes/SMS). */
export function countsInPack(plan: Plan, where: Zone, to: Destination): boolean {
  if (where === 'BE') {
    if (!plan.coversBelgium) return false;
    return isBelgianNumber(to) || (EU_NUMBERS_IN_PACK_FROM_BELGIUM && to === 'eu');
  }
  if (where === 'EU') return plan.coversEu && (isBelgianNumber(to) || to === 'eu');
  return false;
}

/** The tariff of a call or SMS, outside the pack or beyond a flat allowance. */
export function tariffFor(service: 'call' | 'sms', where: Zone, to: Destination): string {
  if (to === 'special') return `special.${service}`;
  if (to === 'premium') return `premium.${service}`;
  if (to === 'short_code') return `short_code.${service}`;
  if (where === 'WORLD') return `roaming_world.${service}`;
  const far = to === 'world';
  if (where === 'EU') return far ? `roaming_eu.${service}_world` : `roaming_eu.${service}`;
  if (to === 'eu') return `international.${service}_eu`;
  return far ? `international.${service}_world` : `national.${service}`;
}

/** Tariff for data used in `where` that the pack does not (or no longer) include. */
export function dataTariffFor(where: Zone): string {
  return where === 'BE' ? 'national.data' : where === 'EU' ? 'roaming_eu.data' : 'roaming_world.data';
}

export function dataInPack(plan: Plan, where: Zone): boolean {
  return where === 'BE' ? plan.coversBelgium : where === 'EU' ? plan.coversEu : false;
}

export type { Service };
