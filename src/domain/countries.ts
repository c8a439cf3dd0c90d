/**
 * Countries and roaming zones: the vocabulary for *where a SIM is* when a usage record is made.
 *
 * CLIC-2.2 (Telenet CLIC special conditions): included minutes/SMS count (i) from Belgium to Belgian
 * numbers and (ii) for mobile, from the EU zone to Belgian numbers and to numbers of other EU-zone
 * countries; included data counts in Belgium and the other EU-zone countries. "EU zone" = the 27 EU
 * member states + Iceland, Liechtenstein and Norway.
 *
 * Sources:
 * - Country codes: ISO 3166-1 alpha-2, the 249 officially assigned codes (ISO 3166 Maintenance Agency).
 *   User-assigned codes (XK for Kosovo, AA, QM–QZ, XA–XZ, ZZ), exceptionally reserved codes (UK, EU,
 *   AC, CP, DG, EA, IC, TA, FX, SU, …) and transitionally reserved codes (AN, CS, YU, …) are *not*
 *   assigned and are rejected.
 * - EU zone: Regulation (EU) 2022/612 of 6 April 2022 on roaming on public mobile communications networks
 *   within the Union (recast), which applies to the territory of the Union as defined by Art. 52 TEU and
 *   Art. 355 TFEU — including the outermost regions (Art. 349/355(1) TFEU: Guadeloupe, French Guiana,
 *   Martinique, Réunion, Mayotte, Saint-Martin, the Azores, Madeira, the Canary Islands) and Åland
 *   (Art. 355(4) TFEU) — and, through its incorporation into the EEA Agreement (Annex XI), to Iceland,
 *   Liechtenstein and Norway. The Azores, Madeira and the Canaries have no ISO code of their own (they
 *   are PT and ES); the other outermost regions and Åland do, so they are listed here explicitly.
 *
 * Our reading (WORLD, i.e. not covered by the EU roaming regulation): Monaco (MC), San Marino (SM),
 * Andorra (AD), Vatican City (VA), Switzerland (CH), the United Kingdom (GB) and the Crown Dependencies
 * Guernsey/Jersey/Isle of Man (GG, JE, IM), Gibraltar (GI), the Faroe Islands (FO), Greenland (GL),
 * Svalbard and Jan Mayen (SJ: Norwegian, but outside the EEA Agreement, Protocol 40), Saint-Barthélemy
 * (BL) and Saint-Pierre-et-Miquelon (PM), and the other overseas countries and territories (OCTs, e.g.
 * AW, CW, SX, BQ, NC, PF, WF, TF). Operators may choose to treat some of these as EU zone commercially;
 * the CLIC text does not, so neither do we.
 */

/** Zones as small integers for hot loops; `ZONE_NAMES[zone]` is the readable name. */
export const Zone = { BE: 0, EU: 1, WORLD: 2 } as const;
export type Zone = 0 | 1 | 2;
export const ZONE_NAMES = ['BE', 'EU', 'WORLD'] as const;
export type ZoneName = (typeof ZONE_NAMES)[number];

/** All 249 officially assigned ISO 3166-1 alpha-2 codes, alphabetical. */
export const ISO_3166_ALPHA2: readonly string[] = Object.freeze(
  (
    'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ ' +
    'BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
    'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ ' +
    'DE DJ DK DM DO DZ ' +
    'EC EE EG EH ER ES ET ' +
    'FI FJ FK FM FO FR ' +
    'GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY ' +
    'HK HM HN HR HT HU ' +
    'ID IE IL IM IN IO IQ IR IS IT ' +
    'JE JM JO JP ' +
    'KE KG KH KI KM KN KP KR KW KY KZ ' +
    'LA LB LC LI LK LR LS LT LU LV LY ' +
    'MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ ' +
    'NA NC NE NF NG NI NL NO NP NR NU NZ ' +
    'OM ' +
    'PA PE PF PG PH PK PL PM PN PR PS PT PW PY ' +
    'QA ' +
    'RE RO RS RU RW ' +
    'SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ ' +
    'TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ ' +
    'UA UG UM US UY UZ ' +
    'VA VC VE VG VI VN VU ' +
    'WF WS ' +
    'YE YT ' +
    'ZA ZM ZW'
  ).split(' '),
);

/** The 27 EU member states (BE included here; it is zone BE, not EU). */
export const EU27: readonly string[] = Object.freeze(
  'AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE'.split(' '),
);

/** EEA EFTA states: the roaming regulation applies to them through the EEA Agreement. */
export const EEA_EFTA: readonly string[] = Object.freeze(['IS', 'LI', 'NO']);

/**
 * Parts of the EU with an ISO code of their own: Guadeloupe, French Guiana, Martinique, Réunion,
 * Mayotte, Saint-Martin (outermost regions, Art. 349 TFEU) and Åland (Art. 355(4) TFEU).
 */
export const EU_TERRITORIES_WITH_OWN_CODE: readonly string[] = Object.freeze(['GP', 'GF', 'MQ', 'RE', 'YT', 'MF', 'AX']);

/** Every ISO code in zone EU (so excluding BE), alphabetical. */
export const EU_ZONE_COUNTRIES: readonly string[] = Object.freeze(
  [...EU27.filter((c) => c !== 'BE'), ...EEA_EFTA, ...EU_TERRITORIES_WITH_OWN_CODE].sort(),
);

/** 26×26 lookup: index (first letter)*26 + (second letter); value = Zone, or NOT_ASSIGNED. */
const NOT_ASSIGNED = 255;
const ZONE_BY_INDEX = new Uint8Array(26 * 26).fill(NOT_ASSIGNED);

function indexOf(code: string): number {
  if (code.length !== 2) return -1;
  const a = code.charCodeAt(0) - 65;
  const b = code.charCodeAt(1) - 65;
  // Upper-case A–Z only: 'be' or 'B1' is not an ISO 3166-1 alpha-2 code.
  if (a < 0 || a > 25 || b < 0 || b > 25) return -1;
  return a * 26 + b;
}

for (const code of ISO_3166_ALPHA2) ZONE_BY_INDEX[indexOf(code)] = Zone.WORLD;
for (const code of EU_ZONE_COUNTRIES) {
  const i = indexOf(code);
  if (ZONE_BY_INDEX[i] !== Zone.WORLD) throw new Error(`countries: EU-zone code ${code} is not in the ISO table`);
  ZONE_BY_INDEX[i] = Zone.EU;
}
ZONE_BY_INDEX[indexOf('BE')] = Zone.BE;

/** The zone of an assigned ISO 3166-1 alpha-2 code; undefined for anything else ('XX', 'be', 'BEL', ''). */
export function countryZone(iso2: string): Zone | undefined {
  const i = indexOf(iso2);
  if (i < 0) return undefined;
  const z = ZONE_BY_INDEX[i];
  return z === NOT_ASSIGNED || z === undefined ? undefined : (z as Zone);
}

/** True for an officially assigned ISO 3166-1 alpha-2 code (exact, upper case). */
export function isCountryCode(s: string): boolean {
  return countryZone(s) !== undefined;
}
