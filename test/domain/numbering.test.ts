import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countryZone, EU_ZONE_COUNTRIES, isCountryCode, Zone } from '../../src/domain/countries.ts';
import {
  CALLING_CODES,
  classifyNumber,
  createNumberClassifier,
  Dest,
  DEST_NAMES,
  EXPECTED_NUMBER,
  type NumberClass,
} from '../../src/domain/numbering.ts';

function accepted(s: string): Extract<NumberClass, { ok: true }> {
  const r = classifyNumber(s);
  if (!r.ok) throw new Error(`expected ${s} to be accepted, got: ${r.reason}`);
  return r;
}

function rejected(s: string): string {
  const r = classifyNumber(s);
  if (r.ok) throw new Error(`expected ${s} to be rejected, got ${DEST_NAMES[r.dest]}`);
  return r.reason;
}

describe('destination classes', () => {
  it('names each destination class at its own index', () => {
    expect(DEST_NAMES).toHaveLength(9);
    for (const [key, value] of Object.entries(Dest)) {
      expect(DEST_NAMES[value]).toBe(key === 'INTL' ? 'international' : key === 'SHORT' ? 'short_code' : key.toLowerCase());
    }
  });
});

describe('Belgian numbers (BIPT numbering plan, Royal Decree of 27 April 2007)', () => {
  it.each([
    ['a Brussels 02 number', '022345678', '+3222345678'],
    ['an Antwerp 03 number', '032123456', '+3232123456'],
    ['a Liège 04 number', '042123456', '+3242123456'],
    ['a Ghent 09 number', '092345678', '+3292345678'],
    ['a Leuven 016 number', '016123456', '+3216123456'],
    ['a Charleroi 071 number', '071123456', '+3271123456'],
    ['a Stavelot 080 number', '080123456', '+3280123456'],
    ['a Namur 081 number', '081123456', '+3281123456'],
  ])('%s is a Belgian fixed number', (_label, national, e164) => {
    expect(accepted(national)).toEqual({ ok: true, dest: Dest.BE_FIXED, e164, country: 'BE' });
  });

  it.each(['0470123456', '0456123456', '0465123456', '0486123456', '0499123456'])(
    '%s (047x/048x/049x/046x/045x) is a Belgian mobile number',
    (national) => {
      expect(accepted(national)).toMatchObject({ dest: Dest.BE_MOBILE, e164: `+32${national.slice(1)}`, country: 'BE' });
    },
  );

  it('a Liège fixed number and a mobile number both start with 04 but differ in length and class', () => {
    expect(accepted('043401234').dest).toBe(Dest.BE_FIXED);
    expect(accepted('0473401234').dest).toBe(Dest.BE_MOBILE);
    expect(rejected('047340123')).toMatch(/not a valid Belgian number/);
  });

  it('a 070 number is a special (shared-cost) number, excluded from the bundle (CLIC-2.2)', () => {
    expect(accepted('070123456')).toMatchObject({ dest: Dest.SPECIAL, e164: '+3270123456' });
    expect(accepted('+3270233444').dest).toBe(Dest.SPECIAL);
  });

  it('a 077 number is premium-rate', () => {
    expect(accepted('077123456').dest).toBe(Dest.PREMIUM);
  });

  it.each(['090012345', '090212345', '090312345', '090512345', '090912345'])(
    'a 090x number (%s) is premium-rate, excluded from the bundle (CLIC-2.2)',
    (national) => {
      expect(accepted(national).dest).toBe(Dest.PREMIUM);
    },
  );

  it('a 0800 number is a freephone number', () => {
    expect(accepted('080012345')).toMatchObject({ dest: Dest.FREE, e164: '+3280012345', country: 'BE' });
  });

  it('a 078 national-rate number is charged like a Belgian fixed number', () => {
    expect(accepted('078151515').dest).toBe(Dest.BE_FIXED);
  });

  it.each([
    ['too short', '02234567'],
    ['too long for a fixed number', '0223456789'],
    ['too long for a mobile number', '04701234567'],
    ['a mobile prefix with a fixed length', '045123456'],
    ['an unassigned area code 017', '017123456'],
    ['an unassigned area code 062', '062123456'],
    ['an unassigned area code 072', '072123456'],
    ['an unassigned area code 088', '088123456'],
    ['a five-digit number after +32', '+3211234'],
    ['a national number written with its trunk 0 after +32', '+320470123456'],
  ])('%s (%s) is not a valid Belgian number', (_label, s) => {
    expect(rejected(s)).toMatch(/is not a valid Belgian number: expected/);
  });

  it('E.164 and national forms of a Belgian mobile number agree', () => {
    fc.assert(
      fc.property(fc.integer({ min: 5, max: 9 }), fc.stringMatching(/^\d{7}$/), (second, rest) => {
        const nsn = `4${second}${rest}`;
        const national = classifyNumber(`0${nsn}`);
        const international = classifyNumber(`+32${nsn}`);
        expect(national).toEqual(international);
        expect(national).toEqual({ ok: true, dest: Dest.BE_MOBILE, e164: `+32${nsn}`, country: 'BE' });
      }),
    );
  });

  it('E.164 and national forms agree for any 8- or 9-digit Belgian number, valid or not', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[1-9]\d{7,8}$/), (nsn) => {
        const national = classifyNumber(`0${nsn}`);
        const international = classifyNumber(`+32${nsn}`);
        expect(national.ok).toBe(international.ok);
        if (national.ok && international.ok) expect(national).toEqual(international);
      }),
    );
  });
});

describe('foreign numbers (ITU-T E.164 country codes)', () => {
  it.each([
    ['a French mobile number', '+33612345678', 'FR'],
    ['a Dutch mobile number', '+31612345678', 'NL'],
    ['a German mobile number', '+4915112345678', 'DE'],
    ['an Irish number', '+35312345678', 'IE'],
    ['an Italian number', '+390612345678', 'IT'],
    ['a Cypriot number', '+35799123456', 'CY'],
    ['a Norwegian number', '+4791234567', 'NO'],
    ['an Icelandic number', '+3545512345', 'IS'],
    ['a Liechtenstein number', '+4232345678', 'LI'],
    ['a Finnish number', '+358401234567', 'FI'],
    ['an Åland number', '+35818123456', 'AX'],
    ['a Réunion number', '+262692123456', 'RE'],
    ['a Mayotte number', '+262639123456', 'YT'],
    ['a Guadeloupe number', '+590690123456', 'GP'],
    ['a French Guiana number', '+594694123456', 'GF'],
    ['a Martinique number', '+596696123456', 'MQ'],
  ])('%s is in the EU zone (CLIC-2.2)', (_label, s, country) => {
    expect(accepted(s)).toEqual({ ok: true, dest: Dest.EU, e164: s, country });
  });

  it.each([
    ['a Swiss number', '+41791234567', 'CH'],
    ['a British number', '+447700900123', 'GB'],
    ['a Monaco number', '+37799123456', 'MC'],
    ['a Turkish number', '+905321234567', 'TR'],
    ['a Russian number', '+74951234567', 'RU'],
    ['a Kazakh number under +7', '+77011234567', 'KZ'],
    ['a Faroese number', '+298123456', 'FO'],
    ['a San Marino number', '+378123456', 'SM'],
    ['a Curaçao number', '+59991234567', 'CW'],
    ['a Bonaire number', '+5997171234', 'BQ'],
  ])('%s is international (outside the EU zone)', (_label, s, country) => {
    expect(accepted(s)).toEqual({ ok: true, dest: Dest.INTL, e164: s, country });
  });

  it.each([
    ['a North American (NANP) number', '+12125550123'],
    ['a Kosovo number (no assigned ISO code)', '+38344123456'],
    ['an international freephone number', '+80012345678'],
    ['an Inmarsat number', '+870773123456'],
  ])('%s is international with no single country', (_label, s) => {
    expect(accepted(s)).toEqual({ ok: true, dest: Dest.INTL, e164: s, country: null });
  });

  it('the country-code table is a prefix code of 1–3 digit codes', () => {
    const codes = [...CALLING_CODES.keys()];
    for (const a of codes) {
      expect(a).toMatch(/^[1-9]\d{0,2}$/);
      for (const b of codes) if (a !== b) expect(b.startsWith(a)).toBe(false);
    }
  });

  it('maps every geographic country code to an assigned ISO code', () => {
    for (const iso of CALLING_CODES.values()) if (iso !== null) expect(isCountryCode(iso)).toBe(true);
  });

  it('every EU-zone country is reachable through a country code, a sub-range, or a shared code', () => {
    const main = new Set(CALLING_CODES.values());
    const other: Record<string, string> = { AX: '+35818123456', YT: '+262639123456', MF: '+590690123456' };
    for (const iso of EU_ZONE_COUNTRIES) {
      if (main.has(iso)) continue;
      const sample = other[iso];
      expect(sample, iso).toBeDefined();
      expect(accepted(sample ?? '').dest, iso).toBe(Dest.EU); // Saint-Martin shares +590 with Guadeloupe
    }
  });

  it('classifies a number as EU exactly when its country is in the EU zone', () => {
    for (const [cc, iso] of CALLING_CODES) {
      if (cc === '32') continue;
      const r = accepted(`+${cc}${'1234567890'.slice(0, 10 - cc.length)}`);
      const expected = iso !== null && countryZone(iso) === Zone.EU ? Dest.EU : Dest.INTL;
      expect(r.dest, `+${cc}`).toBe(expected);
    }
  });

  it('a territory split inside a shared code never changes the zone', () => {
    const pairs: Array<[string, string]> = [
      ['+76', '+79'],
      ['+5993', '+5999'],
      ['+35818', '+35840'],
      ['+262639', '+262692'],
      ['+6721', '+6723'],
    ];
    for (const [a, b] of pairs) {
      expect(accepted(`${a}1234567`).dest).toBe(accepted(`${b}1234567`).dest);
    }
  });
});

describe('short codes and emergency numbers', () => {
  it.each(['100', '101', '112'])('%s is an emergency number (CLIC-2.10)', (s) => {
    expect(accepted(s)).toEqual({ ok: true, dest: Dest.EMERGENCY, e164: null, country: 'BE' });
  });

  it.each(['1207', '1307', '8850', '116000', '110', '999'])('%s is a short code, not an emergency number', (s) => {
    expect(accepted(s)).toEqual({ ok: true, dest: Dest.SHORT, e164: null, country: 'BE' });
  });

  it.each(['1', '12', '1234567', '0112'])('%s is neither a short code nor a full number', (s) => {
    expect(classifyNumber(s).ok).toBe(false);
  });
});

describe('malformed input', () => {
  it.each([
    ['the empty string', ''],
    ['a lone plus', '+'],
    ['a number with spaces', '+32 470 12 34 56'],
    ['a number with dashes', '0470-12-34-56'],
    ['the 00 international prefix', '0032470123456'],
    ['a letter O for a zero', '047O123456'],
    ['a number with 16 digits', '+3247012345678901'],
    ['too few digits after the plus', '+331234'],
    ['a double plus', '++32470123456'],
    ['an emergency number written after +32', '+32112'],
    ['a trailing newline', '0470123456\n'],
    ['full-width digits', '０４７０１２３４５６'],
  ])('%s is rejected with what was expected', (_label, s) => {
    expect(rejected(s)).toContain(EXPECTED_NUMBER);
  });

  it('an unassigned country code is rejected', () => {
    expect(rejected('+999123456')).toMatch(/does not start with an assigned country code: expected an E\.164 number/);
    expect(rejected('+2101234567')).toMatch(/assigned country code/);
  });

  it('the empty string gets exactly the expected-forms sentence', () => {
    expect(rejected('')).toBe(EXPECTED_NUMBER);
  });
});

describe('memoising classifier', () => {
  it('returns the same results as classifyNumber, reusing the cached object', () => {
    const classify = createNumberClassifier();
    for (const s of ['0470123456', '+33612345678', '112', 'nonsense', '']) {
      const first = classify(s);
      expect(first).toEqual(classifyNumber(s));
      expect(classify(s)).toBe(first);
      expect(Object.isFrozen(first)).toBe(true);
    }
  });

  it('stays correct when its bounded cache is cleared', () => {
    const classify = createNumberClassifier(2);
    const inputs = ['0470123456', '022345678', '+33612345678', '0470123456', '112', '022345678'];
    for (const s of inputs) expect(classify(s)).toEqual(classifyNumber(s));
  });

  it('rejects a non-positive cache size', () => {
    expect(() => createNumberClassifier(0)).toThrow(RangeError);
  });
});
