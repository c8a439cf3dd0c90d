import type { LineCategory } from './categories.ts';

/**
 * The out-of-pack tariffs a catalog prices (BASE-B.2.1: roaming and international at the published
 * prices; CLIC-2.2: everything outside the pack is billed extra). Each usage record that is billed is
 * billed under exactly one of these keys; the index is used in the rating loop.
 */
export const TARIFFS = [
  { key: 'national.call', group: 'national', field: 'call', category: 'national_usage', label: 'calls in Belgium beyond the pack' },
  { key: 'national.sms', group: 'national', field: 'sms', category: 'national_usage', label: 'SMS in Belgium beyond the pack' },
  { key: 'national.data', group: 'national', field: 'data', category: 'national_usage', label: 'data in Belgium beyond the pack' },
  { key: 'international.call_eu', group: 'international', field: 'call_eu', category: 'international_usage', label: 'calls from Belgium to the EU zone' },
  { key: 'international.call_world', group: 'international', field: 'call_world', category: 'international_usage', label: 'calls from Belgium to the rest of the world' },
  { key: 'international.sms_eu', group: 'international', field: 'sms_eu', category: 'international_usage', label: 'SMS from Belgium to the EU zone' },
  { key: 'international.sms_world', group: 'international', field: 'sms_world', category: 'international_usage', label: 'SMS from Belgium to the rest of the world' },
  { key: 'roaming_eu.call', group: 'roaming_eu', field: 'call', category: 'roaming_usage', label: 'calls in the EU zone to Belgian or EU-zone numbers, beyond the pack' },
  { key: 'roaming_eu.call_world', group: 'roaming_eu', field: 'call_world', category: 'roaming_usage', label: 'calls in the EU zone to the rest of the world' },
  { key: 'roaming_eu.sms', group: 'roaming_eu', field: 'sms', category: 'roaming_usage', label: 'SMS in the EU zone to Belgian or EU-zone numbers, beyond the pack' },
  { key: 'roaming_eu.sms_world', group: 'roaming_eu', field: 'sms_world', category: 'roaming_usage', label: 'SMS in the EU zone to the rest of the world' },
  { key: 'roaming_eu.data', group: 'roaming_eu', field: 'data', category: 'roaming_usage', label: 'data in the EU zone beyond the pack' },
  { key: 'roaming_world.call', group: 'roaming_world', field: 'call', category: 'roaming_usage', label: 'calls made outside the EU zone' },
  { key: 'roaming_world.call_received', group: 'roaming_world', field: 'call_received', category: 'roaming_usage', label: 'calls received outside the EU zone' },
  { key: 'roaming_world.sms', group: 'roaming_world', field: 'sms', category: 'roaming_usage', label: 'SMS sent outside the EU zone' },
  { key: 'roaming_world.data', group: 'roaming_world', field: 'data', category: 'roaming_usage', label: 'data outside the EU zone' },
  { key: 'special.call', group: 'special', field: 'call', category: 'special_numbers', label: 'calls to special numbers (070)' },
  { key: 'special.sms', group: 'special', field: 'sms', category: 'special_numbers', label: 'SMS to special numbers (070)' },
  { key: 'premium.call', group: 'premium', field: 'call', category: 'special_numbers', label: 'calls to premium numbers (090x, 077)' },
  { key: 'premium.sms', group: 'premium', field: 'sms', category: 'special_numbers', label: 'SMS to premium numbers (090x, 077)' },
  { key: 'short_code.call', group: 'short_code', field: 'call', category: 'special_numbers', label: 'calls to short codes (third-party services)' },
  { key: 'short_code.sms', group: 'short_code', field: 'sms', category: 'special_numbers', label: 'SMS to short codes (third-party services)' },
] as const satisfies ReadonlyArray<{ key: string; group: string; field: string; category: LineCategory; label: string }>;

export type TariffKey = (typeof TARIFFS)[number]['key'];
export const TARIFF_COUNT = TARIFFS.length;

/** Tariff indices by key, for code that names a tariff. */
export const T = Object.fromEntries(TARIFFS.map((t, i) => [t.key, i])) as { readonly [K in TariffKey]: number };

/** The groups and fields a catalog's `tariffs` section must have. */
export const TARIFF_FIELDS: Readonly<Record<string, readonly string[]>> = TARIFFS.reduce<Record<string, string[]>>(
  (acc, t) => {
    (acc[t.group] ??= []).push(t.field);
    return acc;
  },
  {},
);
