import { describe, expect, it } from 'vitest';
import {
  countryZone,
  EU_ZONE_COUNTRIES,
  EU27,
  ISO_3166_ALPHA2,
  isCountryCode,
  Zone,
  ZONE_NAMES,
} from '../../src/domain/countries.ts';

describe('ISO 3166-1 alpha-2 table', () => {
  it('lists all 249 officially assigned codes, once each, in alphabetical order', () => {
    expect(ISO_3166_ALPHA2).toHaveLength(249);
    expect(new Set(ISO_3166_ALPHA2).size).toBe(249);
    expect([...ISO_3166_ALPHA2].sort()).toEqual(ISO_3166_ALPHA2);
    for (const code of ISO_3166_ALPHA2) expect(code).toMatch(/^[A-Z]{2}$/);
  });

  it('gives every assigned code a zone', () => {
    for (const code of ISO_3166_ALPHA2) {
      expect(isCountryCode(code)).toBe(true);
      expect([Zone.BE, Zone.EU, Zone.WORLD]).toContain(countryZone(code));
    }
  });

  it('names each zone at its own index', () => {
    expect(ZONE_NAMES[Zone.BE]).toBe('BE');
    expect(ZONE_NAMES[Zone.EU]).toBe('EU');
    expect(ZONE_NAMES[Zone.WORLD]).toBe('WORLD');
  });
});

describe('EU zone (CLIC-2.2, Regulation (EU) 2022/612 and the EEA Agreement)', () => {
  it('Belgium is its own zone, not the EU zone', () => {
    expect(countryZone('BE')).toBe(Zone.BE);
  });

  it('has 27 member states in the EU27 list', () => {
    expect(EU27).toHaveLength(27);
  });

  it.each(EU27.filter((c) => c !== 'BE'))('the member state %s is in the EU zone', (code) => {
    expect(countryZone(code)).toBe(Zone.EU);
  });

  it.each(['IS', 'LI', 'NO'])('the EEA EFTA state %s is in the EU zone', (code) => {
    expect(countryZone(code)).toBe(Zone.EU);
  });

  it.each(['GP', 'GF', 'MQ', 'RE', 'YT', 'MF', 'AX'])(
    'the EU territory with its own ISO code %s (outermost region or Åland) is in the EU zone',
    (code) => {
      expect(countryZone(code)).toBe(Zone.EU);
    },
  );

  it('contains exactly the 26 other member states, IS LI NO and the 7 territories', () => {
    expect(EU_ZONE_COUNTRIES).toHaveLength(36);
    const inEu = ISO_3166_ALPHA2.filter((c) => countryZone(c) === Zone.EU);
    expect(inEu).toEqual(EU_ZONE_COUNTRIES);
  });

  it.each(['CH', 'GB', 'MC', 'US', 'TR', 'SM', 'AD', 'VA', 'FO', 'GL', 'GG', 'JE', 'IM', 'GI', 'SJ', 'BL', 'PM', 'CW', 'NC'])(
    '%s is outside the EU zone (WORLD)',
    (code) => {
      expect(countryZone(code)).toBe(Zone.WORLD);
    },
  );
});

describe('unknown country codes', () => {
  it.each(['XX', 'be', 'Be', 'BEL', 'B', '', ' BE', 'BE ', 'UK', 'EU', 'XK', 'AN', 'ZZ', '12', 'É1'])(
    '%j is not an assigned ISO 3166-1 alpha-2 code',
    (s) => {
      expect(countryZone(s)).toBeUndefined();
      expect(isCountryCode(s)).toBe(false);
    },
  );
});
