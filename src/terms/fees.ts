import type { Cents } from '../domain/money.ts';
import { prorate, roundHalfUp } from '../domain/money.ts';
import type { StatementLineT } from '../domain/outcome.ts';
import type { BillingPeriod } from '../domain/periods.ts';
import { formatDate, type Day } from '../domain/time.ts';

/** A monthly fee of a plan segment: the subscription (CLIC-2.1, BASE-D.8.1) or an option (CLIC-2.7, CLIC-1). */
export interface Fee {
  readonly category: 'subscription_fee' | 'option_fee';
  readonly what: string;
  readonly monthly: Cents;
  readonly clauses: readonly string[];
}

/** A monthly price at a price level in millionths (BASE-D.7.3, D.11.1), rounded half up to the cent. */
export function price(monthly: Cents, level: number): Cents {
  return level === 1_000_000 ? monthly : (roundHalfUp(monthly * level, 1_000_000) as Cents);
}

/** A fee for the days [from, to) of a period, prorated on its cycle (BASE-D.8.3); sign −1 for a credit. */
export function feeLine(
  period: BillingPeriod,
  from: Day,
  to: Day,
  category: 'subscription_fee' | 'option_fee' | 'termination_fee' | 'credit',
  what: string,
  monthly: Cents,
  clauses: string[],
  assumed: boolean,
  sign: 1 | -1 = 1,
): StatementLineT {
  const days = to - from;
  const whole = days === period.cycleDays;
  return {
    category,
    description: whole ? what : `${what}, ${days}/${period.cycleDays} of the month (pro rata temporis)`,
    period: { start: formatDate(from), end: formatDate(to) },
    quantity: days,
    unit: 'day',
    rate: `${(monthly / 100).toFixed(2)}/${period.cycleDays} days`,
    amountCents: sign * prorate(monthly, days, period.cycleDays),
    clauses,
    assumed,
  };
}

