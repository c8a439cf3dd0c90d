/**
 * Golden tests — payment and dunning (BASE-D.8.5 to D.8.9). READINGS (README, "the account's life"):
 * `payment: manual` relies on payment events; a statement unpaid the day after its due date gets a
 * reminder (D.8.6; the default catalog's reminder fee is €0.00, Book XIX makes the first reminder free);
 * still unpaid `indemnityAfterDays` (14) after the reminder, the flat indemnity of D.8.6 on what is left
 * of the statement's own charges goes on the next statement; a dispute is admissible up to the same day
 * of the next month (D.8.8) and a justified one makes the disputed amount not due; overpayments are
 * offset against later statements (D.8.9). Statements are due 15 days after issue (catalog).
 *
 * D.8.6 (law of 4 May 2023): €20 if the amount due is ≤ €150; €30 + 10 % of the part between €150.01 and
 * €500 if it is €150.01–€500; €65 + 5 % of the part above €500, at most €2,000, above €500.
 */
import { describe, expect, it } from 'vitest';
import type { Cents } from '../../src/domain/money.ts';
import { flatIndemnity, legalInterest } from '../../src/terms/dunning.ts';
import { accountTimeline, decisionsCiting, dispute, ledgerOf, linesOf, payment } from './account-builder.ts';
import { call, catalog, decisionsOf, N, rate, statement } from './timeline-builder.ts';

const c = (n: number) => n as Cents;

describe('BASE-D.8.6: the flat indemnity of the law of 4 May 2023', () => {
  it('the indemnity on €150.00 is €20.00: the amount is at most €150 (BASE-D.8.6)', () => {
    // a) 15000 ≤ 15000 → €20.00
    expect(flatIndemnity(c(15_000))).toBe(2_000);
  });

  it('the indemnity on €150.01 is €30.00: €30 + 10 % × €0.01 = €30.001, to the cent €30.00 (BASE-D.8.6)', () => {
    // b) €30 + 10 % × (€150.01 − €150.00) = 3000 + 0.1 cent → 3000
    expect(flatIndemnity(c(15_001))).toBe(3_000);
  });

  it('the indemnity on €300.00 is €45.00: €30 + 10 % × €150.00 (BASE-D.8.6)', () => {
    // b) 3000 + 10 % × (30000 − 15000) = 3000 + 1500 = 4500
    expect(flatIndemnity(c(30_000))).toBe(4_500);
  });

  it('the indemnity on €500.00 is €65.00: €30 + 10 % × €350.00 (BASE-D.8.6)', () => {
    // b) 3000 + 10 % × (50000 − 15000) = 3000 + 3500 = 6500
    expect(flatIndemnity(c(50_000))).toBe(6_500);
  });

  it('the indemnity on €500.01 is €65.00: €65 + 5 % × €0.01 = €65.0005, to the cent €65.00 (BASE-D.8.6)', () => {
    // c) 6500 + 5 % × 1 cent = 6500 + 0.05 cent → 6500
    expect(flatIndemnity(c(50_001))).toBe(6_500);
  });

  it('the indemnity on €1,000.00 is €90.00: €65 + 5 % × €500.00 (BASE-D.8.6)', () => {
    // c) 6500 + 5 % × (100000 − 50000) = 6500 + 2500 = 9000
    expect(flatIndemnity(c(100_000))).toBe(9_000);
  });

  it('the indemnity on €39,199.00 is €1,999.75, just under the cap: €65 + 5 % × €38,699.00 (BASE-D.8.6)', () => {
    // c) 6500 + 5 % × (3,919,900 − 50,000) = 6500 + 193,495 = 199,995
    expect(flatIndemnity(c(3_919_900))).toBe(199_995);
  });

  it('the indemnity on €39,200.00 reaches the cap exactly: €65 + 5 % × €38,700.00 = €2,000.00 (BASE-D.8.6)', () => {
    // c) 6500 + 5 % × (3,920,000 − 50,000) = 6500 + 193,500 = 200,000
    expect(flatIndemnity(c(3_920_000))).toBe(200_000);
  });

  it('above €39,200.00 the indemnity stays at its €2,000.00 cap (BASE-D.8.6)', () => {
    // c) 6500 + 5 % × (3,920,020 − 50,000) = 200,001 → capped 200,000
    expect(flatIndemnity(c(3_920_020))).toBe(200_000);
    // €100,000.00: 6500 + 5 % × 9,950,000 = 504,000 → capped 200,000
    expect(flatIndemnity(c(10_000_000))).toBe(200_000);
  });
});

describe('BASE-D.8.7: legal interest on what the operator owes', () => {
  it('legal interest on €1,000.00 at 4.5 % for 73 days is €9.00: €1,000.00 × 4.5 % × 73/365 (BASE-D.8.7)', () => {
    // the catalog's 4.5 % = 45,000 per million a year
    expect(catalog().dunning.legalInterestPerMillion).toBe(45_000);
    // 100000 × 0.045 × 73/365 = 4500 × 0.2 = 900
    expect(legalInterest(c(100_000), 73, 45_000)).toBe(900);
  });

  it('legal interest on €200.00 at 4.5 % for 30 days is €0.74: €200.00 × 4.5 % × 30/365 = €0.7397… (BASE-D.8.7)', () => {
    // 20000 × 45000 × 30 / (1,000,000 × 365) = 27,000,000,000 / 365,000,000 = 73.97… → 74
    expect(legalInterest(c(20_000), 30, 45_000)).toBe(74);
  });

  it('no days, no interest (BASE-D.8.7)', () => {
    expect(legalInterest(c(100_000), 0, 45_000)).toBe(0);
  });
});

// BASE Plus €25.00, cycle day 1, paid by hand. Statement of 2026-03-01 (March in advance) = 2500, due
// 2026-03-16; unpaid the day after: reminder at 2026-03-17 00:00 (+01:00, before the 29 March DST switch);
// 14 days later = 2026-03-31 00:00; the next statement is that of 2026-04-01. March has 31 days, so the
// indemnity date falls strictly before the next statement.
const MARCH_APRIL = { plan: 'base-plus', start: '2026-03-01', cycleDay: 1, until: '2026-05-01', payment: 'manual' as const };

describe('BASE-D.8.5 / D.8.6: reminder and indemnity through a timeline paid by hand', () => {
  it('an unpaid statement gets a free reminder the day after its due date, and the €20.00 indemnity on the next statement 14 days later (BASE-D.8.5, BASE-D.8.6)', () => {
    const o = rate(accountTimeline(MARCH_APRIL, []));
    expect(statement(o, '2026-03-01')).toMatchObject({ dueOn: '2026-03-16', totalCents: 2500 });
    // reminder the day after the due date, for the 2500 unpaid; the statement of 04-01 (2500 + 2000 indemnity)
    // is unpaid in turn: reminder on 2026-04-17 (after the DST switch: +02:00) for its 4500
    expect(decisionsOf(o, 'reminder').map((d) => [d.at, d.amountCents])).toEqual([
      ['2026-03-17T00:00:00+01:00', 2500],
      ['2026-04-17T00:00:00+02:00', 4500],
    ]);
    expect(decisionsOf(o, 'reminder')[0]?.clauses).toContain('BASE-D.8.6');
    // the default reminder fee is €0.00: no reminder-fee line anywhere
    expect(linesOf(o, 'late_payment').filter((l) => l.description.includes('reminder'))).toEqual([]);
    // €25.00 ≤ €150.00 → €20.00 on the statement of 2026-04-01, beside April's fee in advance:
    // 2500 + 2000 = 4500
    const april = statement(o, '2026-04-01');
    expect(april.lines.filter((l) => l.category === 'late_payment').map((l) => [l.amountCents, l.clauses])).toEqual([[2000, ['BASE-D.8.6']]]);
    expect(april.totalCents).toBe(4500);
  });

  it('a statement paid on its due date gets no reminder and no indemnity (BASE-D.8.5, BASE-D.8.6)', () => {
    const o = rate(
      accountTimeline(MARCH_APRIL, [
        payment('2026-03-16T10:00:00+01:00', { statement: '2026-03-01' }),
        payment('2026-04-16T10:00:00+02:00', { statement: '2026-04-01' }),
      ]),
    );
    expect(decisionsOf(o, 'reminder')).toEqual([]);
    expect(linesOf(o, 'late_payment')).toEqual([]);
    // April: the fee only
    expect(statement(o, '2026-04-01').totalCents).toBe(2500);
    // 2500 + 2500 billed, 2500 + 2500 paid
    expect(o.balances.owedCents).toBe(0);
  });

  it('a statement paid after the reminder but within the 14 days owes no indemnity (BASE-D.8.6)', () => {
    const o = rate(
      accountTimeline(MARCH_APRIL, [
        // 2026-03-20 is after the reminder (03-17) and before 03-31
        payment('2026-03-20T10:00:00+01:00', { statement: '2026-03-01' }),
        payment('2026-04-16T10:00:00+02:00', { statement: '2026-04-01' }),
      ]),
    );
    expect(decisionsOf(o, 'reminder').map((d) => d.at)).toEqual(['2026-03-17T00:00:00+01:00']);
    expect(linesOf(o, 'late_payment')).toEqual([]);
    expect(statement(o, '2026-04-01').totalCents).toBe(2500);
  });
});

// BASE Plus from 2026-02-01, cycle day 1, paid by hand. February's statement (2500) is paid on time.
// In February: 9000 s to a premium number at €1.50/min = 150 min × €1.50 = €225.00 (special_numbers).
// Statement of 2026-03-01: March's fee 2500 + 22500 = 25000, due 2026-03-16, reminder 2026-03-17,
// indemnity date 2026-03-31, on the statement of 2026-04-01.
const FEB_TO_APRIL = { plan: 'base-plus', start: '2026-02-01', cycleDay: 1, until: '2026-05-01', payment: 'manual' as const };
const premiumCall = call('2026-02-10T10:00:00+01:00', 'sim-1', 'BE', N.premium, 9_000);
const febPaid = payment('2026-02-10T12:00:00+01:00', { statement: '2026-02-01' });

describe('BASE-D.8.8: disputes', () => {
  it('the indemnity on an unpaid €250.00 statement is €40.00: €30 + 10 % × €100.00 (BASE-D.8.6)', () => {
    const o = rate(accountTimeline(FEB_TO_APRIL, [premiumCall, febPaid]));
    const march = statement(o, '2026-03-01');
    expect(march.lines.map((l) => [l.category, l.amountCents])).toEqual([
      ['subscription_fee', 2500],
      ['special_numbers', 22_500],
    ]);
    expect(march.totalCents).toBe(25_000);
    expect(decisionsOf(o, 'reminder')[0]).toMatchObject({ at: '2026-03-17T00:00:00+01:00', amountCents: 25_000 });
    // €30 + 10 % × (€250.00 − €150.00) = 3000 + 1000 = 4000; April: 2500 + 4000 = 6500
    const april = statement(o, '2026-04-01');
    expect(april.lines.filter((l) => l.category === 'late_payment').map((l) => l.amountCents)).toEqual([4000]);
    expect(april.totalCents).toBe(6500);
  });

  it('a justified dispute makes the disputed €225.00 not due while the undisputed €25.00 still is: reminder on €25.00, indemnity €20.00 (BASE-D.8.8, BASE-D.8.6)', () => {
    const o = rate(accountTimeline(FEB_TO_APRIL, [premiumCall, febPaid, dispute('2026-03-10T10:00:00+01:00', '2026-03-01', 22_500, true)]));
    // the credit is in the ledger at the dispute
    expect(ledgerOf(o, 'credit').map((e) => [e.at, e.amountCents])).toEqual([['2026-03-10T10:00:00+01:00', -22_500]]);
    expect(ledgerOf(o, 'credit')[0]?.clauses).toContain('BASE-D.8.8');
    // 25000 − 22500 = 2500 left: the undisputed part is still due on 2026-03-16 → reminder on 2500
    expect(decisionsOf(o, 'reminder')[0]).toMatchObject({ at: '2026-03-17T00:00:00+01:00', amountCents: 2500 });
    // €25.00 ≤ €150.00 → €20.00; April: 2500 + 2000 = 4500
    const april = statement(o, '2026-04-01');
    expect(april.lines.filter((l) => l.category === 'late_payment').map((l) => l.amountCents)).toEqual([2000]);
    expect(april.totalCents).toBe(4500);
  });

  it('a justified dispute with the undisputed part paid on time leaves nothing overdue (BASE-D.8.8)', () => {
    const o = rate(
      accountTimeline(FEB_TO_APRIL, [
        premiumCall,
        febPaid,
        dispute('2026-03-10T10:00:00+01:00', '2026-03-01', 22_500, true),
        payment('2026-03-16T10:00:00+01:00', { statement: '2026-03-01', amountCents: 2500 }),
        payment('2026-04-16T10:00:00+02:00', { statement: '2026-04-01' }),
      ]),
    );
    expect(decisionsOf(o, 'reminder')).toEqual([]);
    expect(linesOf(o, 'late_payment')).toEqual([]);
    expect(statement(o, '2026-04-01').totalCents).toBe(2500);
  });

  it('an unjustified dispute leaves the whole €250.00 due: reminder on €250.00 and indemnity €40.00 (BASE-D.8.8)', () => {
    const o = rate(accountTimeline(FEB_TO_APRIL, [premiumCall, febPaid, dispute('2026-03-10T10:00:00+01:00', '2026-03-01', 22_500, false)]));
    expect(ledgerOf(o, 'credit')).toEqual([]);
    expect(decisionsOf(o, 'reminder')[0]).toMatchObject({ amountCents: 25_000 });
    expect(statement(o, '2026-04-01').totalCents).toBe(6500);
  });

  it('a dispute of the statement of 2026-03-01 is admissible on 2026-04-01, the same day of the next month (BASE-D.8.8)', () => {
    const o = rate(accountTimeline(FEB_TO_APRIL, [premiumCall, febPaid, dispute('2026-04-01T18:00:00+02:00', '2026-03-01', 22_500, true)]));
    expect(decisionsCiting(o, 'refused', 'BASE-D.8.8')).toEqual([]);
    expect(ledgerOf(o, 'credit').map((e) => [e.at, e.amountCents])).toEqual([['2026-04-01T18:00:00+02:00', -22_500]]);
  });

  it('a dispute of the statement of 2026-03-01 made on 2026-04-02 is inadmissible: refused, nothing credited (BASE-D.8.8)', () => {
    const o = rate(accountTimeline(FEB_TO_APRIL, [premiumCall, febPaid, dispute('2026-04-02T09:00:00+02:00', '2026-03-01', 22_500, true)]));
    expect(decisionsCiting(o, 'refused', 'BASE-D.8.8').map((d) => d.at)).toEqual(['2026-04-02T09:00:00+02:00']);
    expect(ledgerOf(o, 'credit')).toEqual([]);
  });
});

describe('BASE-D.8.9: an overpayment is offset against later statements', () => {
  it('€40.00 paid on a €25.00 statement leaves €15.00 offset against the next: €10.00 left to pay, reminded when unpaid (BASE-D.8.9)', () => {
    const o = rate(accountTimeline(MARCH_APRIL, [payment('2026-03-10T10:00:00+01:00', { statement: '2026-03-01', amountCents: 4000 })]));
    // statement +2500 → 2500; payment −4000 → −1500 (owed to the client); statement +2500 → 1000
    expect(o.ledger.slice(0, 3).map((e) => [e.kind, e.amountCents, e.balanceCents])).toEqual([
      ['statement', 2500, 2500],
      ['payment', -4000, -1500],
      ['statement', 2500, 1000],
    ]);
    expect(o.ledger[1]?.clauses).toContain('BASE-D.8.9');
    // the statement of 2026-04-01 (2500) less the 1500 offset: 1000 unpaid at 2026-04-16 → reminder on 2026-04-17
    expect(decisionsOf(o, 'reminder').map((d) => [d.at, d.amountCents])).toEqual([['2026-04-17T00:00:00+02:00', 1000]]);
  });

  it('the €10.00 left after the offset, paid on time, settles the account (BASE-D.8.9)', () => {
    const o = rate(
      accountTimeline(MARCH_APRIL, [
        payment('2026-03-10T10:00:00+01:00', { statement: '2026-03-01', amountCents: 4000 }),
        payment('2026-04-16T10:00:00+02:00', { statement: '2026-04-01', amountCents: 1000 }),
      ]),
    );
    expect(decisionsOf(o, 'reminder')).toEqual([]);
    // billed 2500 + 2500 (+ an empty closing statement), paid 4000 + 1000
    expect(o.balances.billedCents).toBe(5000);
    expect(o.balances.owedCents).toBe(0);
  });
});
