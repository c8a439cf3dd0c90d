/**
 * Golden tests — suspensions (BASE-D.10.2.1, BASE-D.10.2, BASE-C.4). READINGS (README, "the account's
 * life"): every line of the pack is blocked (C.4); fees stay due. Operator (D.10.2.1): one for
 * non-payment is justified only if a statement is overdue; an unjustified one gives a credit note for the
 * fees of its days; a justified one that is lifted costs the reactivation fee (€25.00 in the default
 * catalog). Client (D.10.2): at most six months, refused while a device discount's minimum period runs.
 * Lines the account adds go on the next statement.
 *
 * All cases: cycle day 1 from 2026-03-01; suspensions start and are lifted at 00:00, so that their days
 * are whole: from 2026-03-10 00:00 to 2026-03-20 00:00 is the ten days 03-10 … 03-19.
 */
import { describe, expect, it } from 'vitest';
import { accountTimeline, decisionsCiting, payment, suspension, suspensionLifted } from './account-builder.ts';
import { call, data, decisionsOf, N, rate, statement, timeline, treated } from './timeline-builder.ts';

const MARCH_APRIL = { start: '2026-03-01', cycleDay: 1, until: '2026-05-01' };
const GB = 1_000_000_000;
const from10 = '2026-03-10T00:00:00+01:00';
const to20 = '2026-03-20T00:00:00+01:00';

describe('BASE-C.4 / D.10.2.1: a suspension blocks every line of the pack, fees stay due', () => {
  it('while the operator suspends a CLIC pack, the mobile SIM and the data SIM are both blocked and the fee is billed in full (BASE-C.4, BASE-D.10.2.1)', () => {
    const o = rate(
      timeline({ plan: 'clic-s', ...MARCH_APRIL, lines: [['sim-1', 'mobile'], ['data-1', 'data']] }, [
        suspension(from10, 'operator', 'breach'),
        call('2026-03-12T10:00:00+01:00', 'sim-1', 'BE', N.beMobile, 60),
        data('2026-03-15T10:00:00+01:00', 'data-1', 'BE', GB, 3_600),
        suspensionLifted(to20),
        call('2026-03-21T10:00:00+01:00', 'sim-1', 'BE', N.beMobile, 60),
      ]),
    );
    expect(decisionsCiting(o, 'suspension', 'BASE-C.4').map((d) => d.at)).toEqual([from10]);
    // 60 s blocked during the suspension, 60 s in the pack after it
    expect(treated(o, 0, 'sim-1', 'call', 'BE')).toEqual({ included: 60, billed: 0, throttled: 0, blocked: 60, free: 0 });
    // the data SIM is blocked as well: 1 GB
    expect(treated(o, 0, 'data-1', 'data', 'BE')).toEqual({ included: 0, billed: 0, throttled: 0, blocked: GB, free: 0 });
    // fees stay due: March 4500 in full, no credit
    expect(statement(o, '2026-03-01').totalCents).toBe(4500);
    const april = statement(o, '2026-04-01');
    expect(april.lines.filter((l) => l.category === 'subscription_fee' || l.category === 'credit').map((l) => l.amountCents)).toEqual([4500]);
    // a justified suspension lifted costs the reactivation fee: 4500 + 2500 = 7000
    expect(april.lines.filter((l) => l.category === 'reactivation_fee').map((l) => [l.amountCents, l.clauses])).toEqual([[2500, ['BASE-D.10.2.1']]]);
    expect(april.totalCents).toBe(7000);
  });

  it('a suspension at the client\'s request blocks usage and the fee stays due, with no reactivation fee (BASE-D.10.2)', () => {
    const o = rate(
      timeline({ plan: 'base-light', ...MARCH_APRIL }, [
        suspension(from10, 'client', 'client_request'),
        call('2026-03-12T10:00:00+01:00', 'sim-1', 'BE', N.premium, 60),
        suspensionLifted(to20),
      ]),
    );
    expect(treated(o, 0, 'sim-1', 'call', 'BE')).toMatchObject({ billed: 0, blocked: 60 });
    // March 1000 and April 1000 in full; nothing else
    expect(statement(o, '2026-03-01').totalCents).toBe(1000);
    expect(statement(o, '2026-04-01').lines.map((l) => [l.category, l.amountCents])).toEqual([['subscription_fee', 1000]]);
  });
});

describe('BASE-D.10.2.1: suspension for non-payment', () => {
  it('a suspension for non-payment while nothing is overdue is unjustified: flagged, and a credit note for its ten days (BASE-D.10.2.1)', () => {
    // paid by direct debit: the statement of 2026-03-01 is only due on 2026-03-16, so nothing is overdue on 03-10
    const o = rate(timeline({ plan: 'base-plus', ...MARCH_APRIL }, [suspension(from10, 'operator', 'non_payment'), suspensionLifted(to20)]));
    expect(decisionsCiting(o, 'flag', 'BASE-D.10.2.1').map((d) => d.at)).toEqual([from10]);
    // credit: €25.00 × 10/31 = €8.0645 → €8.06 = −806, on the next statement; no reactivation fee
    const april = statement(o, '2026-04-01');
    expect(april.lines.filter((l) => l.category === 'credit').map((l) => [l.quantity, l.amountCents, l.period.start, l.period.end])).toEqual([
      [10, -806, '2026-03-10', '2026-03-20'],
    ]);
    expect(april.lines.filter((l) => l.category === 'reactivation_fee')).toEqual([]);
    // 2500 − 806 = 1694
    expect(april.totalCents).toBe(1694);
    // the advance fee of March is still there in full
    expect(statement(o, '2026-03-01').totalCents).toBe(2500);
  });

  it('a suspension for non-payment of an overdue statement is justified: once regularised and lifted, the €25.00 reactivation fee (BASE-D.10.2.1)', () => {
    const o = rate(
      accountTimeline({ plan: 'base-plus', ...MARCH_APRIL, payment: 'manual' }, [
        // the statement of 2026-03-01 (2500) is due 2026-03-16: overdue from 03-17
        suspension('2026-03-18T00:00:00+01:00', 'operator', 'non_payment'),
        payment('2026-03-24T10:00:00+01:00', { statement: '2026-03-01' }),
        suspensionLifted('2026-03-25T00:00:00+01:00'),
      ]),
    );
    expect(decisionsCiting(o, 'flag', 'BASE-D.10.2.1')).toEqual([]);
    const april = statement(o, '2026-04-01');
    expect(april.lines.filter((l) => l.category === 'credit')).toEqual([]);
    // paid on 03-24, before the indemnity date (03-17 + 14 = 03-31): no indemnity;
    // April 2500 + reactivation 2500 = 5000
    expect(april.lines.map((l) => [l.category, l.amountCents])).toEqual(
      expect.arrayContaining([
        ['subscription_fee', 2500],
        ['reactivation_fee', 2500],
      ]),
    );
    expect(april.totalCents).toBe(5000);
  });
});

describe('BASE-D.10.2: suspension at the client\'s request', () => {
  // BASE Light from 2026-03-01 to 2026-11-01: periods March (0) … September (6), October (7)
  const LONG = { plan: 'base-light', start: '2026-03-01', cycleDay: 1, until: '2026-11-01' };

  it('a client suspension lasts at most six months: from 2026-03-10 to 2026-09-10 00:00 (BASE-D.10.2)', () => {
    const o = rate(
      accountTimeline(LONG, [
        suspension(from10, 'client', 'client_request'),
        call('2026-09-09T10:00:00+02:00', 'sim-1', 'BE', N.premium, 60),
        call('2026-09-11T10:00:00+02:00', 'sim-1', 'BE', N.premium, 60),
      ]),
    );
    // 2026-03-10 + 6 months = 2026-09-10 (summer time: +02:00)
    expect(decisionsCiting(o, 'suspension', 'BASE-D.10.2')).toMatchObject([{ at: from10, until: '2026-09-10T00:00:00+02:00' }]);
    // September (period 6): the call of 09-09 blocked, that of 09-11 billed
    expect(treated(o, 6, 'sim-1', 'call', 'BE')).toMatchObject({ billed: 60, blocked: 60 });
    // 60 s × €1.50/min = €1.50 on the statement of 2026-10-01, beside October's 1000
    expect(statement(o, '2026-10-01').totalCents).toBe(1150);
    // fees stayed due every month of the suspension: 1000 on each statement from April to September
    for (const day of ['2026-04-01', '2026-05-01', '2026-06-01', '2026-07-01', '2026-08-01', '2026-09-01'])
      expect(statement(o, day).totalCents, day).toBe(1000);
  });

  it('a client suspension asked until a date more than six months away still ends after six months (BASE-D.10.2)', () => {
    const o = rate(accountTimeline(LONG, [suspension(from10, 'client', 'client_request', { until: '2026-12-01' })]));
    expect(decisionsCiting(o, 'suspension', 'BASE-D.10.2')).toMatchObject([{ until: '2026-09-10T00:00:00+02:00' }]);
  });

  it('a client suspension is refused while a discounted device\'s minimum period runs (BASE-D.10.2)', () => {
    const o = rate(
      accountTimeline({ plan: 'base-light', ...MARCH_APRIL, device: { discountCents: 24_000, minimumMonths: 24 } }, [
        suspension(from10, 'client', 'client_request'),
        call('2026-03-12T10:00:00+01:00', 'sim-1', 'BE', N.premium, 60),
      ]),
    );
    expect(decisionsCiting(o, 'refused', 'BASE-D.10.2').map((d) => d.at)).toEqual([from10]);
    expect(decisionsOf(o, 'suspension')).toEqual([]);
    // not suspended: the call goes through and is billed 150
    expect(treated(o, 0, 'sim-1', 'call', 'BE')).toMatchObject({ billed: 60, blocked: 0 });
    expect(statement(o, '2026-04-01').totalCents).toBe(1150);
  });
});
