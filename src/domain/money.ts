/**
 * Money is exact: amounts are integer euro cents, rates are integer micro-euros per a whole number of
 * quantity units, and a line's amount is rounded exactly once, where the line is made.
 *
 * The rounding rule (the only one in termlab): `roundHalfUp`, half away from zero, to the cent, applied
 * to the exact product quantity × rate of a whole statement line. Per-record amounts are never rounded
 * and added up, so splitting a line's usage into more records never changes its amount.
 */

declare const centsBrand: unique symbol;
/** An amount in euro cents: always a safe integer. */
export type Cents = number & { readonly [centsBrand]: 'EUR cents' };

/** A price: `microEuros` (integer, 1 € = 1,000,000) for every `per` units of quantity (seconds, SMS, bytes). */
export interface Rate {
  readonly microEuros: number;
  readonly per: number;
  /** How the catalog wrote it, e.g. "0.15/min"; kept for statements. */
  readonly text: string;
}

export const MICRO_PER_CENT = 10_000;

export function cents(n: number): Cents {
  if (!Number.isSafeInteger(n)) throw new RangeError(`expected a whole number of cents, got ${n}`);
  return n as Cents;
}

export const ZERO = 0 as Cents;

export function addCents(a: Cents, b: Cents): Cents {
  return (a + b) as Cents;
}

export function sumCents(values: Iterable<Cents>): Cents {
  let total = 0;
  for (const v of values) total += v;
  return total as Cents;
}

/** numerator / denominator rounded half away from zero; exact for any integers (BigInt beyond 2^53). */
export function roundHalfUp(numerator: number, denominator: number): number {
  if (denominator <= 0 || !Number.isInteger(denominator)) throw new RangeError(`bad denominator ${denominator}`);
  if (Number.isSafeInteger(numerator) && Number.isSafeInteger(2 * Math.abs(numerator) + denominator)) {
    const sign = numerator < 0 ? -1 : 1;
    const n = Math.abs(numerator);
    const q = Math.floor(n / denominator);
    const r = n - q * denominator;
    return sign * (2 * r >= denominator ? q + 1 : q) || 0;
  }
  return Number(roundHalfUpBig(BigInt(numerator), BigInt(denominator)));
}

function roundHalfUpBig(n: bigint, d: bigint): bigint {
  const neg = n < 0n;
  const a = neg ? -n : n;
  const q = a / d;
  const r = a - q * d;
  const out = 2n * r >= d ? q + 1n : q;
  return neg ? -out : out;
}

/**
 * The amount of a line: quantity × rate, rounded half up to the cent. `quantity` is a whole number of
 * the rate's units (seconds, SMS segments, bytes).
 */
export function lineAmount(quantity: number, rate: Rate): Cents {
  const denominator = rate.per * MICRO_PER_CENT;
  const product = quantity * rate.microEuros;
  if (Number.isSafeInteger(product)) return roundHalfUp(product, denominator) as Cents;
  return Number(roundHalfUpBig(BigInt(quantity) * BigInt(rate.microEuros), BigInt(denominator))) as Cents;
}

/** A monthly amount for `num` days of a `den`-day billing cycle (BASE-D.8.3), rounded half up. */
export function prorate(amount: Cents, num: number, den: number): Cents {
  if (num === den) return amount;
  const product = amount * num;
  if (Number.isSafeInteger(product)) return roundHalfUp(product, den) as Cents;
  return Number(roundHalfUpBig(BigInt(amount) * BigInt(num), BigInt(den))) as Cents;
}

const UNIT_SIZES: Readonly<Record<string, number>> = {
  s: 1,
  sec: 1,
  min: 60,
  h: 3600,
  sms: 1,
  msg: 1,
  B: 1,
  kB: 1_000,
  MB: 1_000_000,
  GB: 1_000_000_000,
};

/** The units a rate may be written per, and how many base units (seconds, SMS, bytes; SI prefixes) each is. */
export const RATE_UNITS = Object.keys(UNIT_SIZES);

const DECIMAL = /^(\d{1,9})(?:\.(\d{1,6}))?$/;

/** Parses an exact decimal euro amount ("12.5", "0.0125") into micro-euros; undefined when malformed. */
export function parseEurosToMicro(text: string): number | undefined {
  const m = DECIMAL.exec(text);
  if (!m) return undefined;
  const whole = Number(m[1]);
  const frac = (m[2] ?? '').padEnd(6, '0');
  return whole * 1_000_000 + Number(frac);
}

/** Parses "45.00" into cents; undefined when malformed or finer than a cent. */
export function parseEurosToCents(text: string): Cents | undefined {
  const micro = parseEurosToMicro(text);
  if (micro === undefined || micro % MICRO_PER_CENT !== 0) return undefined;
  return (micro / MICRO_PER_CENT) as Cents;
}

/** Parses a rate written "0.15/min", "0.10/sms", "0.005/MB", "2/GB". */
export function parseRate(text: string): Rate | undefined {
  const slash = text.indexOf('/');
  if (slash < 0) return undefined;
  const micro = parseEurosToMicro(text.slice(0, slash).trim());
  const per = UNIT_SIZES[text.slice(slash + 1).trim()];
  if (micro === undefined || per === undefined) return undefined;
  // Lowest terms keep quantity × rate within exact double arithmetic far longer (10/GB = 1 µ€ per 100 bytes).
  const g = gcd(micro, per);
  return { microEuros: micro / g, per: per / g, text };
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a === 0 ? 1 : a;
}

export const FREE_RATE: Rate = { microEuros: 0, per: 1, text: '0/unit' };

/** "€1,234.56"-style rendering for people ("-€0.50" for credits). */
export function formatEuros(amount: Cents): string {
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(amount);
  const euros = Math.floor(abs / 100).toLocaleString('en-US');
  return `${sign}€${euros}.${String(abs % 100).padStart(2, '0')}`;
}
