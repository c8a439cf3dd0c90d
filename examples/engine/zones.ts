/**
 * Where a SIM is (its country) and what it calls (the number), sorted the way CLIC-2.2 and BASE-D.7.1
 * need: Belgium, the EU zone (EU + Iceland, Liechtenstein, Norway and the EU's outermost regions), or
 * the rest of the world; Belgian numbers split into fixed, mobile, 070, premium, 0800 and short codes.
 */

export type Zone = 'BE' | 'EU' | 'WORLD';
export type Destination = 'be_fixed' | 'be_mobile' | 'eu' | 'world' | 'special' | 'premium' | 'freephone' | 'emergency' | 'short_code';

const EU_ZONE_COUNTRIES = new Set(
  'AT BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE IS LI NO GP GF MQ RE YT MF AX'.split(' '),
);

export function zoneOfCountry(iso: string): Zone {
  if (iso === 'BE') return 'BE';
  return EU_ZONE_COUNTRIES.has(iso) ? 'EU' : 'WORLD';
}

/** E.164 country codes of EU-zone countries (two or three digits; country codes are a prefix code). */
const EU_CALLING_CODES = [
  '30', '31', '33', '34', '36', '39', '40', '43', '45', '46', '47', '48', '49',
  '262', '351', '352', '353', '354', '356', '357', '358', '359', '370', '371', '372', '385', '386',
  '420', '421', '423', '590', '594', '596',
];

const EMERGENCY = new Set(['100', '101', '112']);

/** A Belgian national significant number (after +32 or the leading 0). */
function belgian(nsn: string, original: string): Destination {
  if (nsn.length === 9 && /^4[5-9]/.test(nsn)) return 'be_mobile';
  if (nsn.length !== 8) throw new Error(`${JSON.stringify(original)} is not a Belgian number this engine knows`);
  if (nsn.startsWith('70')) return 'special';
  if (nsn.startsWith('77') || nsn.startsWith('90')) return 'premium';
  if (nsn.startsWith('800')) return 'freephone';
  return 'be_fixed';
}

export function destinationOf(number: string): Destination {
  if (/^\+\d{7,15}$/.test(number)) {
    const digits = number.slice(1);
    if (digits.startsWith('32')) return belgian(digits.slice(2), number);
    return EU_CALLING_CODES.some((code) => digits.startsWith(code)) ? 'eu' : 'world';
  }
  if (/^0[1-9]\d{6,8}$/.test(number)) return belgian(number.slice(1), number);
  if (/^[1-9]\d{2,5}$/.test(number)) return EMERGENCY.has(number) ? 'emergency' : 'short_code';
  throw new Error(`${JSON.stringify(number)}: expected an E.164 number, a Belgian national number or a short code`);
}

export function isBelgianNumber(d: Destination): boolean {
  return d === 'be_fixed' || d === 'be_mobile';
}
