import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { belgianFixed, belgianMobile, belgianMobileNumber, localNumber, national } from '../../generators/numbers.ts';
import { EU_DESTINATIONS, WORLD_DESTINATIONS } from '../../generators/events/trip.ts';
import { Rng } from '../../generators/rng.ts';
import { countryZone, Zone } from '../../src/domain/countries.ts';
import { classifyNumber, Dest } from '../../src/domain/numbering.ts';

describe('numbers', () => {
  it('are Belgian mobile numbers in 045x–049x', () => {
    const r = new Rng(1);
    for (let i = 0; i < 500; i++) {
      const n = belgianMobile(r);
      expect(n).toMatch(/^\+324[5-9]\d{7}$/);
      expect(classifyNumber(n)).toMatchObject({ ok: true, dest: Dest.BE_MOBILE });
      expect(classifyNumber(national(n))).toMatchObject({ ok: true, dest: Dest.BE_MOBILE });
    }
    fc.assert(fc.property(belgianMobileNumber(), (n) => classifyNumber(n).ok && (classifyNumber(n) as { dest: number }).dest === Dest.BE_MOBILE));
  });

  it('are Belgian geographic numbers with real area codes', () => {
    const r = new Rng(2);
    for (let i = 0; i < 500; i++) expect(classifyNumber(belgianFixed(r))).toMatchObject({ ok: true, dest: Dest.BE_FIXED });
  });

  it('are local numbers of the countries travelled to, in the right zone', () => {
    const r = new Rng(3);
    for (const c of [...EU_DESTINATIONS, ...WORLD_DESTINATIONS]) {
      const cls = classifyNumber(localNumber(r, c));
      expect(cls.ok).toBe(true);
      expect((cls as { dest: number }).dest).toBe(countryZone(c) === Zone.EU ? Dest.EU : Dest.INTL);
    }
  });
});
