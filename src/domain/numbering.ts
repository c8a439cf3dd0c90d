/**
 * Number classification: the vocabulary for *what was called* (destination class) in a usage record.
 *
 * CLIC-2.2: apart from calls/SMS to and from special numbers (070, 0900, …) and third-party services,
 * which are always billed on top, included minutes/SMS count only towards Belgian numbers (from
 * Belgium or, for mobile, from the EU zone) and, for mobile in the EU zone, towards numbers of other
 * EU-zone countries. So every called number is sorted into one `Dest`.
 *
 * Sources:
 * - Country codes: ITU-T Recommendation E.164, "List of ITU-T Recommendation E.164 assigned country
 *   codes" (annex to the ITU Operational Bulletin, as amended). Country codes form a prefix code, so a
 *   number has exactly one country code; `CALLING_CODES` is the complete list of assigned codes,
 *   including the ones ITU lists as reserved for a named country (379 Vatican, 886 Taiwan, 970
 *   Palestine, 997 Kazakhstan) and the shared/non-geographic codes (388, 800, 808, 870, 878, 881–883,
 *   888, 979, 991). Spare codes (210, 214, 259, 28x, 384, 422, 671, 684, 693–699, 969, 978, 990, 999, …)
 *   are rejected.
 * - Belgian ranges: the BIPT/IBPT Belgian numbering plan, Royal Decree of 27 April 2007 on the
 *   management of the national numbering space (Koninklijk besluit betreffende het beheer van de
 *   nationale nummeringsruimte / Arrêté royal relatif à la gestion de l'espace de numérotation national).
 * - Zones: see countries.ts (Regulation (EU) 2022/612 and the EEA Agreement).
 */
import { countryZone, Zone } from './countries.ts';

export const Dest = {
  BE_FIXED: 0,
  BE_MOBILE: 1,
  EU: 2,
  INTL: 3,
  SPECIAL: 4,
  PREMIUM: 5,
  FREE: 6,
  EMERGENCY: 7,
  SHORT: 8,
} as const;
export type Dest = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;
export const DEST_NAMES = [
  'be_fixed',
  'be_mobile',
  'eu',
  'international',
  'special',
  'premium',
  'free',
  'emergency',
  'short_code',
] as const;
export type DestName = (typeof DEST_NAMES)[number];

export type NumberClass =
  | { readonly ok: true; readonly dest: Dest; readonly e164: string | null; readonly country: string | null }
  | { readonly ok: false; readonly reason: string };

export const EXPECTED_NUMBER =
  'expected an E.164 number such as +32470123456, a Belgian national number such as 0470123456, or a short code such as 112';

/** Emergency numbers as listed by CLIC-2.10 ("100, 101, 112, ..."): 100/112 fire & ambulance, 101 police. */
export const EMERGENCY_NUMBERS: readonly string[] = Object.freeze(['100', '101', '112']);

/**
 * ITU-T E.164 assigned country codes → ISO 3166-1 alpha-2 of the numbering plan's country, '-' when the
 * code is shared or non-geographic (or, for 383 Kosovo, the territory has no assigned ISO code).
 * Shared codes are recorded under their main country; the other territories share its zone:
 *   1 NANP (US, CA and 23 Caribbean/Pacific territories, all WORLD) → no single country;
 *   7 RU and KZ (refined below); 39 IT incl. Vatican's 06 698 range (we treat all of +39 as IT);
 *   44 GB incl. GG, JE, IM; 47 NO incl. Svalbard (a Norwegian number, so EU zone as a destination);
 *   61 AU incl. CX, CC; 212 MA incl. EH; 247 Ascension and 290 St Helena/Tristan da Cunha → SH;
 *   262 Réunion and Mayotte (both EU); 358 FI incl. Åland (both EU); 590 Guadeloupe, Saint-Martin
 *   (EU) and Saint-Barthélemy (which shares the plan; its numbers cannot be told apart here, so +590 is
 *   read as GP, EU zone); 599 Curaçao and Caribbean Netherlands (refined below); 672 Norfolk/Antarctica.
 */
const CALLING_CODE_TABLE =
  '1:- 7:RU 20:EG 27:ZA 30:GR 31:NL 32:BE 33:FR 34:ES 36:HU 39:IT 40:RO 41:CH 43:AT 44:GB 45:DK 46:SE ' +
  '47:NO 48:PL 49:DE 51:PE 52:MX 53:CU 54:AR 55:BR 56:CL 57:CO 58:VE 60:MY 61:AU 62:ID 63:PH 64:NZ ' +
  '65:SG 66:TH 81:JP 82:KR 84:VN 86:CN 90:TR 91:IN 92:PK 93:AF 94:LK 95:MM 98:IR ' +
  '211:SS 212:MA 213:DZ 216:TN 218:LY 220:GM 221:SN 222:MR 223:ML 224:GN 225:CI 226:BF 227:NE 228:TG ' +
  '229:BJ 230:MU 231:LR 232:SL 233:GH 234:NG 235:TD 236:CF 237:CM 238:CV 239:ST 240:GQ 241:GA 242:CG ' +
  '243:CD 244:AO 245:GW 246:IO 247:SH 248:SC 249:SD 250:RW 251:ET 252:SO 253:DJ 254:KE 255:TZ 256:UG ' +
  '257:BI 258:MZ 260:ZM 261:MG 262:RE 263:ZW 264:NA 265:MW 266:LS 267:BW 268:SZ 269:KM 290:SH 291:ER ' +
  '297:AW 298:FO 299:GL ' +
  '350:GI 351:PT 352:LU 353:IE 354:IS 355:AL 356:MT 357:CY 358:FI 359:BG 370:LT 371:LV 372:EE 373:MD ' +
  '374:AM 375:BY 376:AD 377:MC 378:SM 379:VA 380:UA 381:RS 382:ME 383:- 385:HR 386:SI 387:BA 388:- ' +
  '389:MK 420:CZ 421:SK 423:LI ' +
  '500:FK 501:BZ 502:GT 503:SV 504:HN 505:NI 506:CR 507:PA 508:PM 509:HT 590:GP 591:BO 592:GY 593:EC ' +
  '594:GF 595:PY 596:MQ 597:SR 598:UY 599:CW ' +
  '670:TL 672:NF 673:BN 674:NR 675:PG 676:TO 677:SB 678:VU 679:FJ 680:PW 681:WF 682:CK 683:NU 685:WS ' +
  '686:KI 687:NC 688:TV 689:PF 690:TK 691:FM 692:MH ' +
  '800:- 808:- 850:KP 852:HK 853:MO 855:KH 856:LA 870:- 878:- 880:BD 881:- 882:- 883:- 886:TW 888:- ' +
  '960:MV 961:LB 962:JO 963:SY 964:IQ 965:KW 966:SA 967:YE 968:OM 970:PS 971:AE 972:IL 973:BH 974:QA ' +
  '975:BT 976:MN 977:NP 979:- 991:- 992:TJ 993:TM 994:AZ 995:GE 996:KG 997:KZ 998:UZ';

/**
 * Sub-ranges of shared codes whose territory is known from the national number (never changing the
 * zone: both sides of each split are in the same zone): Kazakhstan's 6xx/7xx zone codes under +7
 * (Russia–Kazakhstan agreement of 2006); Caribbean Netherlands 599 3/4/7 vs Curaçao 599 9; Åland
 * +358 18; Mayotte +262 269 (fixed) and +262 639 (mobile); Australian Antarctic Territory +672 1.
 */
const TERRITORY_TABLE = '76:KZ 77:KZ 5993:BQ 5994:BQ 5997:BQ 5999:CW 35818:AX 262269:YT 262639:YT 6721:AQ 6723:NF';

function parseTable(table: string): Map<string, string | null> {
  const m = new Map<string, string | null>();
  for (const entry of table.split(' ')) {
    const [code = '', iso = ''] = entry.split(':');
    if (m.has(code)) throw new Error(`numbering: duplicate calling code ${code}`);
    m.set(code, iso === '-' ? null : iso);
  }
  return m;
}

/** Complete ITU-T E.164 assigned country codes (digits, no '+') → ISO 3166-1 alpha-2 or null. */
export const CALLING_CODES: ReadonlyMap<string, string | null> = parseTable(CALLING_CODE_TABLE);
const TERRITORIES: ReadonlyMap<string, string> = parseTable(TERRITORY_TABLE) as Map<string, string>;
/** Calling codes that have entries in TERRITORIES. */
const REFINED: ReadonlySet<string> = new Set([...TERRITORIES.keys()].map((p) => callingCodeOf(p) ?? ''));
const EMERGENCY: ReadonlySet<string> = new Set(EMERGENCY_NUMBERS);

const BELGIUM_CC = '32';

const ok = (dest: Dest, e164: string | null, country: string | null): NumberClass =>
  Object.freeze({ ok: true as const, dest, e164, country });
const fail = (reason: string): NumberClass => Object.freeze({ ok: false as const, reason });

function quote(s: string): string {
  return JSON.stringify(s.length > 40 ? `${s.slice(0, 40)}…` : s);
}

/** True when s[from..] is non-empty and all ASCII digits. */
function allDigits(s: string, from: number): boolean {
  if (from >= s.length) return false;
  for (let i = from; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/**
 * Class of a Belgian national significant number (digits after +32 / after the trunk 0), or -1.
 *   4[5-9] + 7 digits (9 digits)      mobile (045x–049x)
 *   70 + 6 digits                     070: shared-cost/special-rate services → SPECIAL
 *   77 + 6 digits                     077: premium-rate (adult) services → PREMIUM
 *   90 + 6 digits                     0900, 0902…0909: premium-rate services → PREMIUM
 *   800 + 5 digits                    0800: freephone → FREE
 *   78 + 6 digits                     078: non-geographic numbers at "national rate" (nationaal tarief /
 *                                     tarif national) in the numbering plan of the Royal Decree of
 *                                     27 April 2007: the caller is charged as for a national call to a
 *                                     geographic number, so they are BE_FIXED, not special numbers.
 *   geographic, 8 digits              the assigned area codes: 010–016, 019, 02, 03, 04 (Liège: 4[0-4]
 *                                     + 6 digits, since 045–049 are mobile), 050–059, 060, 061, 063–065,
 *                                     067–069, 071, 080 (Stavelot, except 0800), 081–087, 089, 09
 *                                     (except 090) → BE_FIXED
 * Everything else (wrong length, 017/018/062/066/072–076/079/088, …) is not a valid Belgian number.
 */
function belgianClass(nsn: string): Dest | -1 {
  const a = nsn.charCodeAt(0) - 48;
  const b = nsn.charCodeAt(1) - 48;
  if (nsn.length === 9) return a === 4 && b >= 5 ? Dest.BE_MOBILE : -1;
  if (nsn.length !== 8) return -1;
  switch (a) {
    case 1:
      return b <= 6 || b === 9 ? Dest.BE_FIXED : -1;
    case 2:
    case 3:
    case 5:
      return Dest.BE_FIXED;
    case 4:
      return b <= 4 ? Dest.BE_FIXED : -1;
    case 6:
      return b === 2 || b === 6 ? -1 : Dest.BE_FIXED;
    case 7:
      if (b === 0) return Dest.SPECIAL;
      if (b === 1 || b === 8) return Dest.BE_FIXED;
      if (b === 7) return Dest.PREMIUM;
      return -1;
    case 8:
      if (b === 0) return nsn.charCodeAt(2) === 48 ? Dest.FREE : Dest.BE_FIXED;
      return b === 8 ? -1 : Dest.BE_FIXED;
    case 9:
      return b === 0 ? Dest.PREMIUM : Dest.BE_FIXED;
    default:
      return -1;
  }
}

function belgian(nsn: string, input: string): NumberClass {
  const dest = belgianClass(nsn);
  if (dest === -1) {
    return fail(
      `${quote(input)} is not a valid Belgian number: expected a mobile number 04[5-9]x xx xx xx (0 + 9 digits) ` +
        'or an 8-digit geographic or non-geographic number after the 0 (02…, 070…, 0800…, 090x…)',
    );
  }
  return ok(dest, `+${BELGIUM_CC}${nsn}`, 'BE');
}

/** Country code at the start of `digits` (E.164 without '+'), by longest (hence unique) prefix match. */
function callingCodeOf(digits: string): string | undefined {
  for (let len = 1; len <= 3 && len < digits.length; len++) {
    const cc = digits.slice(0, len);
    if (CALLING_CODES.has(cc)) return cc;
  }
  return undefined;
}

function territoryOf(cc: string, digits: string): string | null {
  const main = CALLING_CODES.get(cc) ?? null;
  if (!REFINED.has(cc)) return main;
  for (let len = Math.min(digits.length, 6); len > cc.length; len--) {
    const t = TERRITORIES.get(digits.slice(0, len));
    if (t !== undefined) return t;
  }
  return main;
}

/** Classify a called number. Pure; results are frozen. */
export function classifyNumber(s: string): NumberClass {
  const n = s.length;
  if (n === 0) return fail(EXPECTED_NUMBER);
  const first = s.charCodeAt(0);

  // E.164: '+' and 7..15 digits.
  if (first === 43 /* + */) {
    if (n < 8 || n > 16 || !allDigits(s, 1)) return fail(`${quote(s)}: ${EXPECTED_NUMBER}`);
    const digits = s.slice(1);
    const cc = callingCodeOf(digits);
    if (cc === undefined) {
      return fail(`${quote(s)} does not start with an assigned country code: expected an E.164 number such as +32470123456`);
    }
    if (cc === BELGIUM_CC) return belgian(digits.slice(2), s);
    const country = territoryOf(cc, digits);
    const dest = country !== null && countryZone(country) === Zone.EU ? Dest.EU : Dest.INTL;
    return ok(dest, s, country);
  }

  if (!allDigits(s, 0)) return fail(`${quote(s)}: ${EXPECTED_NUMBER}`);

  // Belgian national form: trunk prefix 0 then the national significant number ('00' is the
  // international access prefix, not accepted: write +CC instead).
  if (first === 48 /* 0 */) {
    if (n < 2 || s.charCodeAt(1) === 48) return fail(`${quote(s)}: ${EXPECTED_NUMBER}`);
    return belgian(s.slice(1), s);
  }

  // Short codes: 3..6 digits not starting with 0.
  if (n >= 3 && n <= 6) {
    return ok(EMERGENCY.has(s) ? Dest.EMERGENCY : Dest.SHORT, null, 'BE');
  }
  return fail(`${quote(s)}: ${EXPECTED_NUMBER}`);
}

export type NumberClassifier = (s: string) => NumberClass;

/**
 * A memoising `classifyNumber` for compiling timelines (one call per usage record, few distinct
 * numbers). The cache is cleared whenever it reaches `maxEntries` (default 100,000), bounding memory.
 */
export function createNumberClassifier(maxEntries = 100_000): NumberClassifier {
  if (!Number.isSafeInteger(maxEntries) || maxEntries < 1) {
    throw new RangeError(`expected a positive whole number of cache entries, got ${maxEntries}`);
  }
  const cache = new Map<string, NumberClass>();
  return (s: string): NumberClass => {
    let r = cache.get(s);
    if (r === undefined) {
      r = classifyNumber(s);
      if (cache.size >= maxEntries) cache.clear();
      cache.set(s, r);
    }
    return r;
  };
}
