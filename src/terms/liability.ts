import type { Cents } from '../domain/money.ts';

/** BASE-D.3.4: liability is capped at five times the client's last statement, and at €50,000. */
export const LIABILITY_CAP_CENTS = 5_000_000;

/**
 * The most the operator owes for damage under BASE-D.3.4 (fraud and gross fault aside): 5 × the last
 * statement's total, never more than €50,000, never less than zero.
 */
export function liabilityCap(lastStatementCents: Cents): Cents {
  return Math.max(0, Math.min(5 * lastStatementCents, LIABILITY_CAP_CENTS)) as Cents;
}
