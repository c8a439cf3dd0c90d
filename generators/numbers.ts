/**
 * Telephone numbers as the Belgian numbering plan (Royal Decree of 27 April 2007) and ITU-T E.164 give
 * them: Belgian mobile numbers in 045x–049x, geographic numbers with real area codes, special (070),
 * premium (090x, 077), freephone (0800), short codes and emergency numbers, and local numbers of
 * the countries subscribers travel to. Drawn from the seeded PRNG (identities and usage) or as a
 * fast-check arbitrary (tests).
 */
import fc from 'fast-check';
import { CALLING_CODES } from '../src/domain/numbering.ts';
import type { Rng } from './rng.ts';

/** Mobile prefixes 45–49 (after +32 / 0), weighted by how many numbers each block holds in use. */
const MOBILE_BLOCKS = [45, 46, 46, 47, 47, 47, 47, 48, 48, 48, 49, 49, 49, 49] as const;
/** Area codes: one digit (Brussels 2, Antwerp 3, Liège 4[0-4], Ghent 9) or two. */
const AREAS_1 = ['2', '3', '9'] as const;
const AREAS_2 = ['10', '11', '12', '13', '14', '15', '16', '19', '50', '51', '52', '53', '54', '55', '56', '57', '58', '59', '60', '61', '63', '64', '65', '67', '68', '69', '71', '81', '82', '83', '84', '85', '86', '87', '89', '40', '41', '42', '43', '44'] as const;

/**
 * A uniform `n`-digit number that does not start with 0, as text (n ≤ 10): one draw and one conversion,
 * not one per digit (numbers are drawn by the thousand: the directory of usage/parties.ts, every SIM).
 */
function leadingNonZero(rng: Rng, n: number): string {
  return String(rng.int(POWERS_OF_10[n - 1]!, POWERS_OF_10[n]! - 1));
}
const POWERS_OF_10 = Array.from({ length: 11 }, (_, k) => 10 ** k);

/** A Belgian mobile number, +32 4[5-9]x xx xx xx (E.164). */
export function belgianMobile(rng: Rng): string {
  // The block (45–49) and seven uniform digits, in one number.
  return `+32${rng.pick(MOBILE_BLOCKS) * 10_000_000 + rng.int(0, 9_999_999)}`;
}

/** A Belgian geographic number (E.164): 8 digits after +32, area code included. */
export function belgianFixed(rng: Rng): string {
  const area = rng.chance(0.5) ? rng.pick(AREAS_1) : rng.pick(AREAS_2);
  // The subscriber number never starts with 0 (090x after area 9 would be a premium number).
  return `+32${area}${leadingNonZero(rng, 8 - area.length)}`;
}

/** The same number in the Belgian national form (0…), as people often dial it. */
export function national(e164: string): string {
  return `0${e164.slice(3)}`;
}

export const SPECIAL_NUMBERS = ['070233233', '070345345', '070220022'] as const;
export const PREMIUM_NUMBERS = ['090012345', '090345678', '077123456', '090512345'] as const;
export const FREEPHONE_NUMBERS = ['080012345', '080022222', '080099999'] as const;
export const SHORT_CODES = ['1207', '8200', '4500', '1919', '1307'] as const;
export const EMERGENCY = ['112', '101', '100'] as const;

/** ISO country → its E.164 calling code (the codes shared by several countries excepted). */
const CODE_OF = new Map<string, string>();
for (const [code, iso] of CALLING_CODES) if (iso !== null && !CODE_OF.has(iso)) CODE_OF.set(iso, code);
CODE_OF.set('US', '1');
CODE_OF.set('CA', '1');

/** A local number of `country` (E.164): its calling code and a subscriber number long enough for any plan. */
export function localNumber(rng: Rng, country: string): string {
  const code = CODE_OF.get(country) ?? '33';
  if (code === '1') return `+1${rng.int(201, 989) * 10_000_000 + rng.int(0, 9_999_999)}`;
  return `+${code}${leadingNonZero(rng, 1 + Math.max(6, 10 - code.length))}`;
}

/** Belgian mobile numbers in 045x–049x as an arbitrary (E.164 or national form). */
export function belgianMobileNumber(): fc.Arbitrary<string> {
  return fc
    .tuple(fc.constantFrom(...MOBILE_BLOCKS), fc.integer({ min: 0, max: 9_999_999 }), fc.boolean())
    .map(([block, n, e164]) => `${e164 ? '+32' : '0'}${block}${String(n).padStart(7, '0')}`);
}
