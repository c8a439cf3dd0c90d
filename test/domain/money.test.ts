import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  FREE_RATE,
  cents,
  formatEuros,
  lineAmount,
  parseEurosToCents,
  parseEurosToMicro,
  parseRate,
  prorate,
  roundHalfUp,
  sumCents,
  type Cents,
  type Rate,
} from '../../src/domain/money.ts';
import { catalog } from '../properties/arbitraries.ts';

function rate(text: string): Rate {
  const r = parseRate(text);
  if (!r) throw new Error(`test fixture is not a rate: ${text}`);
  return r;
}

/** Reference: n / d rounded half away from zero, in BigInt. */
function refRound(n: bigint, d: bigint): bigint {
  const a = n < 0n ? -n : n;
  const q = a / d;
  const out = 2n * (a - q * d) >= d ? q + 1n : q;
  return n < 0n ? -out : out;
}

describe('roundHalfUp: half away from zero, the one rounding rule (BASE-D.8.3 reading)', () => {
  it.each([
    [5, 10, 1],
    [-5, 10, -1],
    [4, 10, 0],
    [-4, 10, 0],
    [15, 10, 2],
    [-15, 10, -2],
    [25, 10, 3],
    [-25, 10, -3],
    [2375, 100, 24],
    [-2375, 100, -24],
    [2349, 100, 23],
    [0, 7, 0],
    [7, 1, 7],
    [1, 3, 0],
    [2, 3, 1],
    [-2, 3, -1],
  ])('roundHalfUp(%i, %i) = %i', (n, d, expected) => {
    expect(roundHalfUp(n, d)).toBe(expected);
  });

  it('never returns negative zero', () => {
    expect(Object.is(roundHalfUp(-4, 10), 0)).toBe(true);
    expect(Object.is(roundHalfUp(-0, 10), 0)).toBe(true);
  });

  it('is exact beyond 2^53 through the BigInt path', () => {
    // Numerators beyond 2^53 (exactly representable: multiples of 2 above 2^53, of 4 above 2^54).
    expect(roundHalfUp(2 ** 54 + 4, 8)).toBe(2 ** 51 + 1); // 2^51 + 0.5 → 2^51 + 1
    expect(roundHalfUp(2 ** 53 + 2, 4)).toBe(2 ** 51 + 1); // 2^51 + 0.5 → 2^51 + 1
    expect(roundHalfUp(-(2 ** 53 + 2), 4)).toBe(-(2 ** 51 + 1));
    expect(roundHalfUp(2 ** 53 + 6, 4)).toBe(2 ** 51 + 2); // 2^51 + 1.5 → 2^51 + 2
    expect(roundHalfUp(2 ** 53 + 4, 8)).toBe(2 ** 50 + 1); // 2^50 + 0.5 → 2^50 + 1
    // 2 × |n| + d overflows the safe range here, so the BigInt path is taken: (2^53 − 1) / 2 = 2^52 − 0.5 → 2^52.
    expect(roundHalfUp(Number.MAX_SAFE_INTEGER, 2)).toBe(2 ** 52);
    expect(roundHalfUp(-Number.MAX_SAFE_INTEGER, 2)).toBe(-(2 ** 52));
    expect(roundHalfUp(2 ** 60, 3)).toBe(Number(refRound(2n ** 60n, 3n)));
  });

  it('rejects a zero, negative or fractional denominator', () => {
    expect(() => roundHalfUp(1, 0)).toThrow(RangeError);
    expect(() => roundHalfUp(1, -2)).toThrow(RangeError);
    expect(() => roundHalfUp(1, 1.5)).toThrow(RangeError);
  });

  it('agrees with an exact BigInt reference and is symmetric around zero, for safe and huge numerators', () => {
    const numerator = fc.oneof(
      fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
      // Exactly representable numbers beyond 2^53: k × 2^s.
      fc.tuple(fc.integer({ min: -(2 ** 40), max: 2 ** 40 }), fc.integer({ min: 14, max: 30 })).map(([k, s]) => k * 2 ** s),
    );
    fc.assert(
      fc.property(numerator, fc.integer({ min: 1, max: 10_000_000_000 }), (n, d) => {
        const got = roundHalfUp(n, d);
        expect(got).toBe(Number(refRound(BigInt(n), BigInt(d))));
        expect(roundHalfUp(-n, d) === -got).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('lineAmount: quantity × rate, rounded once per line (BASE-D.8.1, BASE-D.8.3)', () => {
  it('95 s at 0.15/min is 23.75 c, billed 24 c', () => {
    expect(lineAmount(95, rate('0.15/min'))).toBe(24);
  });

  it('1 byte at 10/GB is 0.000001 c, billed 0 c; 500,000 bytes is exactly half a cent, billed 1 c', () => {
    expect(lineAmount(1, rate('10/GB'))).toBe(0);
    expect(lineAmount(499_999, rate('10/GB'))).toBe(0);
    expect(lineAmount(500_000, rate('10/GB'))).toBe(1);
    expect(lineAmount(1_113_000_000, rate('10/GB'))).toBe(1113);
  });

  it('prices SMS, megabytes and hours', () => {
    expect(lineAmount(3, rate('0.10/sms'))).toBe(30);
    expect(lineAmount(50_000_000, rate('2.00/MB'))).toBe(10_000);
    expect(lineAmount(90, rate('1.50/min'))).toBe(225);
    expect(lineAmount(1800, rate('1.00/h'))).toBe(50);
    expect(lineAmount(1, rate('0.0125/s'))).toBe(1); // 1.25 c → 1 c
    expect(lineAmount(2, rate('0.0125/s'))).toBe(3); // 2.5 c → 3 c
    expect(lineAmount(0, rate('1.50/min'))).toBe(0);
    expect(lineAmount(12_345, FREE_RATE)).toBe(0);
  });

  it('stays exact when quantity × micro-euros is beyond 2^53 (BigInt path)', () => {
    // 10^15 bytes at 10/GB = 10^7 € = 10^9 c exactly; the product 10^22 micro-euros is not a safe integer.
    expect(lineAmount(1e15, rate('10/GB'))).toBe(1e9);
    // 10^15 + 500,000 bytes: + half a cent → rounds up.
    expect(lineAmount(1e15 + 500_000, rate('10/GB'))).toBe(1e9 + 1);
    expect(lineAmount(Number.MAX_SAFE_INTEGER, rate('2.50/min'))).toBe(Number(refRound(BigInt(Number.MAX_SAFE_INTEGER) * 2_500_000n, 600_000n)));
  });

  it('splitting a line changes its amount by at most 1 cent, and sums of line amounts are exact integers', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...catalog.rates),
        fc.integer({ min: 0, max: 10 ** 12 }),
        fc.integer({ min: 0, max: 10 ** 12 }),
        fc.array(fc.integer({ min: 0, max: 10 ** 12 }), { maxLength: 30 }),
        (r, a, b, many) => {
          const whole = lineAmount(a + b, r);
          const parts = lineAmount(a, r) + lineAmount(b, r);
          expect(Math.abs(whole - parts)).toBeLessThanOrEqual(1);
          const amounts = many.map((q) => lineAmount(q, r));
          for (const x of amounts) expect(Number.isSafeInteger(x)).toBe(true);
          const total = sumCents(amounts);
          expect(Number.isSafeInteger(total)).toBe(true);
          expect(BigInt(total)).toBe(amounts.reduce((s, x) => s + BigInt(x), 0n));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('is monotonic in the quantity', () => {
    fc.assert(
      fc.property(fc.constantFrom(...catalog.rates), fc.integer({ min: 0, max: 10 ** 12 }), fc.integer({ min: 0, max: 10 ** 9 }), (r, q, extra) => {
        expect(lineAmount(q + extra, r)).toBeGreaterThanOrEqual(lineAmount(q, r));
      }),
      { numRuns: 500 },
    );
  });
});

describe('prorate: monthly amounts pro rata temporis (BASE-D.8.3)', () => {
  it('€45.00 × 26/31 = €37.7419… → €37.74 (READINGS example)', () => {
    expect(prorate(cents(4500), 26, 31)).toBe(3774);
  });

  it('a whole period costs exactly the monthly amount', () => {
    for (const d of [28, 29, 30, 31]) expect(prorate(cents(4500), d, d)).toBe(4500);
  });

  it('rounds half away from zero, credits included', () => {
    expect(prorate(cents(1), 1, 2)).toBe(1);
    expect(prorate(cents(3), 1, 2)).toBe(2);
    expect(prorate(cents(-3), 1, 2)).toBe(-2);
    expect(prorate(cents(-4500), 26, 31)).toBe(-3774);
    expect(prorate(cents(1000), 0, 30)).toBe(0);
  });

  it('never exceeds the monthly amount for part of a cycle and grows with the days', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 28, max: 31 }), fc.nat(31), (amount, den, n) => {
        const num = Math.min(n, den);
        const p = prorate(cents(amount), num, den);
        expect(p).toBeLessThanOrEqual(amount);
        if (num < den) expect(prorate(cents(amount), num + 1, den)).toBeGreaterThanOrEqual(p);
        expect(p).toBe(Number(refRound(BigInt(amount) * BigInt(num), BigInt(den))));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('parsing catalog amounts and rates', () => {
  it.each([
    ['45.00', 4500],
    ['12.5', 1250],
    ['0', 0],
    ['0.01', 1],
    ['50.00', 5000],
    ['999999999.99', 99_999_999_999],
  ])('parseEurosToCents(%j) = %i', (text, expected) => {
    expect(parseEurosToCents(text)).toBe(expected);
  });

  it.each(['0.001', '0.015', '-1.00', '1,00', '€45', '', '45.', '.5', '1e2', '1234567890', ' 45.00', '45.00 ', '+1'])(
    'parseEurosToCents rejects %j',
    (text) => {
      expect(parseEurosToCents(text)).toBeUndefined();
    },
  );

  it('parses exact micro-euros', () => {
    expect(parseEurosToMicro('0.0125')).toBe(12_500);
    expect(parseEurosToMicro('0.000001')).toBe(1);
    expect(parseEurosToMicro('0.0000001')).toBeUndefined();
  });

  it.each([
    ['0.15/min', 150_000, 60],
    ['0.10/sms', 100_000, 1],
    ['0.005/MB', 5_000, 1_000_000],
    ['2/GB', 2_000_000, 1_000_000_000],
    ['1.00/h', 1_000_000, 3600],
    ['0.0125/s', 12_500, 1],
    ['0.50/kB', 500_000, 1_000],
    ['0.15 / min', 150_000, 60],
  ])('parseRate(%j) = %i µ€ per %i units, kept in lowest terms', (text, micro, per) => {
    const r = parseRate(text)!;
    expect(r.text).toBe(text);
    // the same price: r.microEuros / r.per = micro / per
    expect(r.microEuros * per).toBe(micro * r.per);
    // lowest terms: no common divisor left (so quantity × rate stays within exact doubles longer)
    const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
    expect(gcd(r.microEuros, r.per)).toBe(r.microEuros === 0 ? r.per : 1);
  });

  it.each(['0.15 per min', '0.15', '0.15/minute', '0.15/MIN', '-0.15/min', '0.1234567/min', '/min', '0.15/', '1e3/min', '.5/min', '0,15/min', '0.15/min/s'])(
    'parseRate rejects %j',
    (text) => {
      expect(parseRate(text)).toBeUndefined();
    },
  );

  it('round-trips every amount of whole cents written with two decimals', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999_999 }), (c) => {
        const text = `${Math.floor(c / 100)}.${String(c % 100).padStart(2, '0')}`;
        expect(parseEurosToCents(text)).toBe(c);
      }),
      { numRuns: 500 },
    );
  });

  it('cents() accepts safe integers only', () => {
    expect(cents(12)).toBe(12);
    expect(() => cents(1.5)).toThrow(RangeError);
    expect(() => cents(2 ** 53)).toThrow(RangeError);
  });

  it('formats euros for people', () => {
    expect(formatEuros(cents(123_456) as Cents)).toBe('€1,234.56');
    expect(formatEuros(cents(-50))).toBe('-€0.50');
    expect(formatEuros(cents(7))).toBe('€0.07');
  });
});
