/** The plan families of the two contract texts (CLIC-1; BASE-A "Abonnement", "Forfait d'appel prépayé"). */
export const FAMILIES = ['CLIC', 'CLIC_BUREAU', 'BASE_SUBSCRIPTION', 'BASE_PREPAID'] as const;
export type Family = (typeof FAMILIES)[number];

/** CLIC and CLIC Bureau are governed by the CLIC special conditions; BASE chapter D only stands in for them. */
export function isClic(family: Family): boolean {
  return family === 'CLIC' || family === 'CLIC_BUREAU';
}

export const OPTIONS = ['phone2go', 'fixed_telephony', 'tv'] as const;
export type OptionId = (typeof OPTIONS)[number];

export const SERVICES = ['call', 'sms', 'data'] as const;
export type Service = (typeof SERVICES)[number];
export const Svc = { CALL: 0, SMS: 1, DATA: 2 } as const;
/** The unit each service's quantity is counted in, by Svc. */
export const SERVICE_UNITS = ['second', 'sms', 'byte'] as const;
