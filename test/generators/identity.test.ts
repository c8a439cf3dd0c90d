import { describe, expect, it } from 'vitest';
import { enterpriseNumber, identity } from '../../generators/identity.ts';
import { Rng } from '../../generators/rng.ts';

describe('identity', () => {
  it('gives the same person for the same seed, another for another', () => {
    expect(identity(5, 'nl', true)).toEqual(identity(5, 'nl', true));
    expect(identity(5, 'fr', false)).toEqual(identity(5, 'fr', false));
    expect(identity(6, 'nl', false).name).not.toBe(identity(5, 'nl', false).name);
  });

  it('is Belgian: a locale, a four-digit postcode, a company with an enterprise number for CLIC', () => {
    const p = identity(11, 'fr', true);
    expect(p.locale).toBe('fr-BE');
    expect(p.address.postcode).toMatch(/^[1-9]\d{3}$/);
    expect(p.company?.enterpriseNumber).toMatch(/^0\d{3}\.\d{3}\.\d{3}$/);
    expect(p.email).toMatch(/^[a-z0-9.]+@[a-z0-9.]+\.[a-z]+$/);
    expect(identity(11, 'nl', false).company).toBeUndefined();
  });

  it('writes enterprise numbers whose last two digits are 97 − (the first eight mod 97)', () => {
    const r = new Rng(3);
    for (let i = 0; i < 200; i++) {
      const digits = enterpriseNumber(r).replace(/\./g, '');
      expect(97 - (Number(digits.slice(0, 8)) % 97)).toBe(Number(digits.slice(8)));
    }
  });
});
