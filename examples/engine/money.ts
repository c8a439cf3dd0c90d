/**
 * Money in integer euro cents and prices as exact decimals, with the engine's one rounding rule: half
 * away from zero, to the cent, once per statement line on quantity × price.
 */

/** A price: `micro` micro-euros (1 € = 1,000,000) for every `per` units (seconds, SMS or bytes). */
export interface Price {
  readonly micro: bigint;
  readonly per: bigint;
  readonly text: string;
}

const EUROS_RE = /^(\d+)(?:\.(\d{1,6}))?$/;

function microEuros(text: string): bigint | undefined {
  const m = EUROS_RE.exec(text.trim());
  if (!m) return undefined;
  return BigInt(m[1]!) * 1_000_000n + BigInt((m[2] ?? '').padEnd(6, '0'));
}

/** "45.00" → 4500. */
export function eurosToCents(text: string): number {
  const micro = microEuros(text);
  if (micro === undefined || micro % 10_000n !== 0n) throw new Error(`expected an amount in euros such as "45.00", got ${JSON.stringify(text)}`);
  return Number(micro / 10_000n);
}

const UNIT_SIZE: Record<string, bigint> = { s: 1n, min: 60n, sms: 1n, kB: 1_000n, MB: 1_000_000n, GB: 1_000_000_000n };

/** "0.15/min" → 150,000 micro-euros per 60 seconds; "10/GB" → 10,000,000 per 10^9 bytes. */
export function parsePrice(text: string): Price {
  const [amount = '', unit = ''] = String(text).split('/');
  const micro = microEuros(amount);
  const per = UNIT_SIZE[unit.trim()];
  if (micro === undefined || per === undefined) throw new Error(`expected a price such as "0.15/min", got ${JSON.stringify(text)}`);
  return { micro, per, text: String(text) };
}

/** n / d rounded half away from zero (d > 0). */
export function divideRounded(n: bigint, d: bigint): bigint {
  const negative = n < 0n;
  const a = negative ? -n : n;
  const q = a / d;
  const out = 2n * (a - q * d) >= d ? q + 1n : q;
  return negative ? -out : out;
}

/** The cents of a statement line: quantity × price, rounded once. */
export function lineCents(quantity: number, price: Price): number {
  return Number(divideRounded(BigInt(quantity) * price.micro, price.per * 10_000n));
}
