/**
 * Golden tests — the end of the contract (CLIC-5.1, BASE-D.10.3.2.1 to D.10.3.2.4, D.11.1, D.11.2,
 * D.10.3.1.1 to D.10.3.1.3, BASE-C.5, BASE-B.2.2, BASE-B.5, BASE-B.3.2.1, BASE-D.7.3). READINGS (README,
 * "the account's life"): the last service day is the day of the termination; fees paid in advance for
 * later days are credited. Indefinite: free. Fixed term ended before the end of its sixth month: no
 * credit, and the fees of the following cycles up to that day are owed, unless the client leaves within
 * three months of an announced change that frees them (not CPI, favourable, administrative or legal
 * changes) or the end is by death. A fixed term ended in writing a month before it expires ends free at
 * expiry; otherwise it renews as indefinite. A device discount costs its residual value if the end falls
 * within the discount's minimum period (BASE: the first 24 months), from the contract's table or linearly
 * by month (month k of n costs (n − k + 1)/n), also on death. Operator: after 15 days of suspension with
 * 15 days' notice (earlier notice flagged), at once on an irreparable breach (a SIM box call is one),
 * with eight weeks' notice and a move to prepaid. All services of the pack end together. The number is
 * withdrawn a month after the end unless ported in that month. CPI indexation only in January, once a
 * year; an announced change applies from its effective date, never less than a month after the notice.
 *
 * Unless said otherwise: BASE Light (€10.00), cycle day 1, activated 2026-01-01, so that month k of the
 * contract is exactly billing period k − 1 and the sixth month ends on 2026-07-01.
 */
import { describe, expect, it } from 'vitest';
import {
  accountTimeline,
  callWith,
  changeAnnounced,
  cpiIndexation,
  death,
  decisionsCiting,
  linesOf,
  portOut,
  suspension,
  termination,
  type AccountSpec,
} from './account-builder.ts';
import { call, data, decisionsOf, N, rate, statement, timeline, treated } from './timeline-builder.ts';
import type { Outcome } from '../../src/domain/outcome.ts';

const GB = 1_000_000_000;
const YEAR = { plan: 'base-light', start: '2026-01-01', cycleDay: 1, until: '2026-08-01' };
const FIXED_12: AccountSpec['term'] = { kind: 'fixed', months: 12 };
const amounts = (lines: { amountCents: number; period: { start: string; end: string } }[]) => lines.map((l) => [l.amountCents, l.period.start, l.period.end]);

describe('BASE-D.10.3.2.1 / CLIC-5.1: the client ends an indefinite subscription, free', () => {
  it('an indefinite BASE subscription ended on 2026-03-20 is free and its 11 unused days are credited: €10.00 × 11/31 = €3.55 (BASE-D.10.3.2.1)', () => {
    const o = rate(timeline({ plan: 'base-light', start: '2026-03-01', cycleDay: 1, until: '2026-05-01' }, [termination('2026-03-20T10:00:00+01:00', 'client')]));
    expect(decisionsCiting(o, 'termination', 'BASE-D.10.3.2.1').map((d) => d.at)).toEqual(['2026-03-20T10:00:00+01:00']);
    // last service day 03-20; 03-21..04-01 = 11 days of 31: €10.00 × 11/31 = €3.5484 → −355
    expect(amounts(linesOf(o, 'subscription_fee').filter((l) => l.amountCents < 0))).toEqual([[-355, '2026-03-21', '2026-04-01']]);
    expect(linesOf(o, 'termination_fee')).toEqual([]);
    // 1000 − 355 = 645
    expect(o.balances.billedCents).toBe(645);
  });

  it('a CLIC pack ended on 2026-03-20 is free and its 11 unused days are credited: €45.00 × 11/31 = €15.97 (CLIC-5.1)', () => {
    const o = rate(timeline({ plan: 'clic-s', start: '2026-03-01', cycleDay: 1, until: '2026-05-01' }, [termination('2026-03-20T10:00:00+01:00', 'client')]));
    expect(decisionsCiting(o, 'termination', 'CLIC-5.1')).toHaveLength(1);
    // €45.00 × 11/31 = €15.9677 → −1597; 4500 − 1597 = 2903
    expect(linesOf(o, 'subscription_fee').filter((l) => l.amountCents < 0).map((l) => l.amountCents)).toEqual([-1597]);
    expect(linesOf(o, 'termination_fee')).toEqual([]);
    expect(o.balances.billedCents).toBe(2903);
  });
});

describe('BASE-C.5: ending one service of a pack ends all of them', () => {
  it('a CLIC pack with fixed telephony ends whole: fee and option credited, data SIM and fixed line blocked after the end (BASE-C.5, CLIC-5.1)', () => {
    const o = rate(
      timeline(
        {
          plan: 'clic-s',
          start: '2026-03-01',
          cycleDay: 1,
          until: '2026-05-01',
          options: ['fixed_telephony'],
          lines: [['sim-1', 'mobile'], ['data-1', 'data'], ['fix-1', 'fixed']],
        },
        [
          termination('2026-03-20T10:00:00+01:00', 'client'),
          data('2026-03-25T10:00:00+01:00', 'data-1', 'BE', GB, 3_600),
          call('2026-03-25T11:00:00+01:00', 'fix-1', 'BE', N.beFixed, 120),
        ],
      ),
    );
    expect(decisionsCiting(o, 'termination', 'BASE-C.5')).toHaveLength(1);
    // credits for 11/31: fee €45.00 → −1597; option €15.00 × 11/31 = €5.3226 → −532
    expect(linesOf(o, 'subscription_fee').filter((l) => l.amountCents < 0).map((l) => l.amountCents)).toEqual([-1597]);
    expect(linesOf(o, 'option_fee').filter((l) => l.amountCents < 0).map((l) => l.amountCents)).toEqual([-532]);
    // 4500 + 1500 − 1597 − 532 = 3871
    expect(o.balances.billedCents).toBe(3871);
    expect(treated(o, 0, 'data-1', 'data', 'BE')).toEqual({ included: 0, billed: 0, throttled: 0, blocked: GB, free: 0 });
    expect(treated(o, 0, 'fix-1', 'call', 'BE')).toEqual({ included: 0, billed: 0, throttled: 0, blocked: 120, free: 0 });
  });
});

describe('BASE-D.10.3.2.1: a fixed term ended in its first six months', () => {
  it('a 12-month term ended on 2026-05-20, in its fifth month: no credit, and June\'s fee is owed (BASE-D.10.3.2.1)', () => {
    const o = rate(accountTimeline({ ...YEAR, term: FIXED_12 }, [termination('2026-05-20T10:00:00+02:00', 'client')]));
    // no credit for 05-21..05-31
    expect(linesOf(o, 'subscription_fee').filter((l) => l.amountCents < 0)).toEqual([]);
    // the cycle 2026-06-01..2026-07-01 up to the end of the sixth month (07-01): €10.00
    expect(amounts(linesOf(o, 'termination_fee'))).toEqual([[1000, '2026-06-01', '2026-07-01']]);
    expect(linesOf(o, 'termination_fee')[0]?.clauses).toContain('BASE-D.10.3.2.1');
    // January..May 5 × 1000 + 1000 = 6000
    expect(o.balances.billedCents).toBe(6000);
  });

  it('a 12-month term ended on 2026-06-20, in its sixth month: no credit for the rest of June (BASE-D.10.3.2.1)', () => {
    const o = rate(accountTimeline({ ...YEAR, term: FIXED_12 }, [termination('2026-06-20T10:00:00+02:00', 'client')]));
    // an indefinite subscription would get 06-21..06-30 = 10/30 back; the fixed term gets nothing
    expect(linesOf(o, 'subscription_fee').filter((l) => l.amountCents < 0)).toEqual([]);
    // June's advance fee already covers the sixth month: nothing more owed
    expect(linesOf(o, 'termination_fee')).toEqual([]);
    // 6 × 1000 = 6000
    expect(o.balances.billedCents).toBe(6000);
  });

  it('the sixth-month boundary: ended on its last day (2026-06-30) nothing is credited; ended the day after (2026-07-01) it is free and 30 days of July are credited (BASE-D.10.3.2.1)', () => {
    const inSixth = rate(accountTimeline({ ...YEAR, term: FIXED_12 }, [termination('2026-06-30T10:00:00+02:00', 'client')]));
    expect(linesOf(inSixth, 'subscription_fee').filter((l) => l.amountCents < 0)).toEqual([]);
    expect(linesOf(inSixth, 'termination_fee')).toEqual([]);
    expect(inSixth.balances.billedCents).toBe(6000);

    const after = rate(accountTimeline({ ...YEAR, term: FIXED_12 }, [termination('2026-07-01T10:00:00+02:00', 'client')]));
    // July's advance fee 1000; last service day 07-01; 07-02..08-01 = 30 days of 31: €10.00 × 30/31 = €9.6774 → −968
    expect(amounts(linesOf(after, 'subscription_fee').filter((l) => l.amountCents < 0))).toEqual([[-968, '2026-07-02', '2026-08-01']]);
    expect(linesOf(after, 'termination_fee')).toEqual([]);
    // 6000 + 1000 − 968 = 6032
    expect(after.balances.billedCents).toBe(6032);
  });

  it('the client\'s death ends a fixed term at once and free: unused days credited, no fees owed (BASE-D.10.3.2.1)', () => {
    const o = rate(accountTimeline({ ...YEAR, term: FIXED_12 }, [death('2026-03-20T10:00:00+01:00')]));
    expect(decisionsCiting(o, 'termination', 'BASE-D.10.3.2.1').map((d) => d.at)).toEqual(['2026-03-20T10:00:00+01:00']);
    // 11/31 of March credited: −355; no termination fee; 3 × 1000 − 355 = 2645
    expect(linesOf(o, 'subscription_fee').filter((l) => l.amountCents < 0).map((l) => l.amountCents)).toEqual([-355]);
    expect(linesOf(o, 'termination_fee')).toEqual([]);
    expect(o.balances.billedCents).toBe(2645);
  });

  it('the same fixed term ended by the client on the same day owes April to June (BASE-D.10.3.2.1)', () => {
    const o = rate(accountTimeline({ ...YEAR, term: FIXED_12 }, [termination('2026-03-20T10:00:00+01:00', 'client')]));
    // no credit; April, May, June: 3 × 1000
    expect(amounts(linesOf(o, 'termination_fee'))).toEqual([
      [1000, '2026-04-01', '2026-05-01'],
      [1000, '2026-05-01', '2026-06-01'],
      [1000, '2026-06-01', '2026-07-01'],
    ]);
    // 3000 + 3000 = 6000
    expect(o.balances.billedCents).toBe(6000);
  });
});

describe('BASE-D.10.3.2.4 / D.11.1 / D.11.2: leaving after an announced change', () => {
  // a price increase announced on 2026-02-10, effective 2026-03-15 (more than a month later, D.11.1);
  // three months after the notice: 2026-05-10
  const announce = (kind: 'price_increase' | 'cpi_indexation') => changeAnnounced('2026-02-10T10:00:00+01:00', '2026-03-15', kind);

  it('a fixed term left within three months of an announced price increase is free: unused days credited, nothing owed (BASE-D.10.3.2.4, BASE-D.11.2)', () => {
    const o = rate(accountTimeline({ ...YEAR, term: FIXED_12 }, [announce('price_increase'), termination('2026-04-20T10:00:00+02:00', 'client', 'change_of_conditions')]));
    const end = decisionsOf(o, 'termination');
    expect(end).toHaveLength(1);
    expect(end[0]?.clauses).toEqual(expect.arrayContaining(['BASE-D.10.3.2.4', 'BASE-D.11.2']));
    // 04-21..05-01 = 10 days of 30: €10.00 × 10/30 = €3.3333 → −333; 4 × 1000 − 333 = 3667
    expect(linesOf(o, 'subscription_fee').filter((l) => l.amountCents < 0).map((l) => l.amountCents)).toEqual([-333]);
    expect(linesOf(o, 'termination_fee')).toEqual([]);
    expect(o.balances.billedCents).toBe(3667);
  });

  it('leaving on 2026-05-10, three months to the day after the notice of 2026-02-10, is still free (BASE-D.10.3.2.4)', () => {
    // "au plus tard 3 mois après la notification": read like D.8.8's month, up to the same day three months later
    const o = rate(accountTimeline({ ...YEAR, term: FIXED_12 }, [announce('price_increase'), termination('2026-05-10T10:00:00+02:00', 'client', 'change_of_conditions')]));
    // 05-11..06-01 = 21 days of 31: €10.00 × 21/31 = €6.7742 → −677; 5 × 1000 − 677 = 4323
    expect(linesOf(o, 'termination_fee')).toEqual([]);
    expect(linesOf(o, 'subscription_fee').filter((l) => l.amountCents < 0).map((l) => l.amountCents)).toEqual([-677]);
    expect(o.balances.billedCents).toBe(4323);
  });

  it('leaving on 2026-05-20, more than three months after the notice, owes June (BASE-D.10.3.2.4, BASE-D.10.3.2.1)', () => {
    const o = rate(accountTimeline({ ...YEAR, term: FIXED_12 }, [announce('price_increase'), termination('2026-05-20T10:00:00+02:00', 'client', 'change_of_conditions')]));
    expect(decisionsCiting(o, 'flag', 'BASE-D.10.3.2.4')).toHaveLength(1);
    // no credit; June 1000 owed: 5000 + 1000 = 6000
    expect(amounts(linesOf(o, 'termination_fee'))).toEqual([[1000, '2026-06-01', '2026-07-01']]);
    expect(o.balances.billedCents).toBe(6000);
  });

  it('a CPI indexation does not free the client: leaving a fixed term on 2026-04-20 owes May and June (BASE-D.10.3.2.4, BASE-D.7.3)', () => {
    const o = rate(accountTimeline({ ...YEAR, term: FIXED_12 }, [announce('cpi_indexation'), termination('2026-04-20T10:00:00+02:00', 'client', 'change_of_conditions')]));
    expect(decisionsCiting(o, 'flag', 'BASE-D.10.3.2.4')).toHaveLength(1);
    expect(linesOf(o, 'subscription_fee').filter((l) => l.amountCents < 0)).toEqual([]);
    // May and June: 2 × 1000; 4000 + 2000 = 6000
    expect(amounts(linesOf(o, 'termination_fee'))).toEqual([
      [1000, '2026-05-01', '2026-06-01'],
      [1000, '2026-06-01', '2026-07-01'],
    ]);
    expect(o.balances.billedCents).toBe(6000);
  });

  it('a 10 % increase announced on 2026-02-10 for 2026-02-20 applies only from 2026-03-10, a month after the notice (BASE-D.11.1)', () => {
    const o = rate(
      timeline({ plan: 'base-light', start: '2026-01-01', cycleDay: 1, until: '2026-05-01' }, [
        changeAnnounced('2026-02-10T10:00:00+01:00', '2026-02-20', 'price_increase', { feeChangePercent: 10 }),
      ]),
    );
    // March in advance at the old price
    expect(statement(o, '2026-03-01').totalCents).toBe(1000);
    // 2026-03-10..04-01 = 22 days of 31: −€10.00 × 22/31 = −€7.0968 → −710; +€11.00 × 22/31 = €7.8065 → 781;
    // April at €11.00: 1100 − 710 + 781 = 1171
    expect(statement(o, '2026-04-01').totalCents).toBe(1171);
  });
});

describe('BASE-D.7.3: CPI indexation once a year, in January', () => {
  it('a 2 % indexation on 2026-01-15 applies from that day, settled pro rata on the next statement; a second one that January is refused (BASE-D.7.3)', () => {
    const o = rate(
      timeline({ plan: 'base-light', start: '2026-01-01', cycleDay: 1, until: '2026-03-01' }, [
        cpiIndexation('2026-01-15T10:00:00+01:00', 2),
        cpiIndexation('2026-01-25T10:00:00+01:00', 2),
      ]),
    );
    expect(decisionsCiting(o, 'refused', 'BASE-D.7.3').map((d) => d.at)).toEqual(['2026-01-25T10:00:00+01:00']);
    // 01-15..02-01 = 17 days of 31: −€10.00 × 17/31 = −€5.4839 → −548; +€10.20 × 17/31 = €5.5935 → 559;
    // February at €10.20: 1020 − 548 + 559 = 1031
    expect(statement(o, '2026-02-01').totalCents).toBe(1031);
  });

  it('a CPI indexation in March is refused and prices stay (BASE-D.7.3)', () => {
    const o = rate(timeline({ plan: 'base-light', start: '2026-02-01', cycleDay: 1, until: '2026-05-01' }, [cpiIndexation('2026-03-10T10:00:00+01:00', 3)]));
    expect(decisionsCiting(o, 'refused', 'BASE-D.7.3').map((d) => d.at)).toEqual(['2026-03-10T10:00:00+01:00']);
    expect(statement(o, '2026-04-01').totalCents).toBe(1000);
  });
});

describe('BASE-D.10.3.2.2: a fixed term renews as indefinite unless ended a month before it expires', () => {
  const TWO_YEARS = { ...YEAR, until: '2027-02-01', term: FIXED_12 };

  it('a 12-month term from 2026-01-01 not ended renews automatically on 2027-01-01 and goes on being billed (BASE-D.10.3.2.2)', () => {
    const o = rate(accountTimeline(TWO_YEARS, []));
    expect(decisionsCiting(o, 'renewal', 'BASE-D.10.3.2.2').map((d) => d.at)).toEqual(['2027-01-01T00:00:00+01:00']);
    expect(statement(o, '2027-01-01').totalCents).toBe(1000);
  });

  it('ended in writing on 2026-11-20 to take effect on its last day, 2026-12-31, it does not renew and nothing is billed after it (BASE-D.10.3.2.2)', () => {
    const o = rate(accountTimeline(TWO_YEARS, [termination('2026-11-20T10:00:00+01:00', 'client', 'client_choice', { effectiveOn: '2026-12-31' })]));
    expect(decisionsOf(o, 'renewal')).toEqual([]);
    expect(linesOf(o, 'termination_fee')).toEqual([]);
    // January to December 2026: 12 × 1000 = 12000
    expect(o.balances.billedCents).toBe(12_000);
  });
});

describe('BASE-D.10.3.2.3 / CLIC-5.1: the residual value of a device discount', () => {
  // CLIC S with a €240.00 device discount and a 12-month minimum period
  const CLIC_DEVICE = { plan: 'clic-s', start: '2026-01-01', cycleDay: 1, until: '2027-02-01' };
  const linear = { discountCents: 24_000, minimumMonths: 12 };
  const table = { ...linear, residualCents: [22_000, 20_000, 18_000, 16_500, 15_000, 13_000, 11_000, 9_000, 7_000, 5_000, 3_000, 1_000] };

  it('a CLIC pack ended on 2026-04-10, in month 4 of 12, owes (12 − 4 + 1)/12 of €240.00 = €180.00 (CLIC-5.1)', () => {
    const o = rate(accountTimeline({ ...CLIC_DEVICE, device: linear }, [termination('2026-04-10T10:00:00+02:00', 'client')]));
    // 24000 × 9/12 = 18000
    expect(linesOf(o, 'device_residual').map((l) => [l.amountCents, l.clauses])).toEqual([[18_000, ['CLIC-5.1']]]);
  });

  it('with the contract\'s table, month 4 costs the table\'s fourth value, €165.00 (CLIC-5.1)', () => {
    const o = rate(accountTimeline({ ...CLIC_DEVICE, device: table }, [termination('2026-04-10T10:00:00+02:00', 'client')]));
    expect(linesOf(o, 'device_residual').map((l) => l.amountCents)).toEqual([16_500]);
  });

  it('ended on 2026-12-31, in month 12 of 12, it owes 1/12 of €240.00 = €20.00; on 2027-01-01, after the minimum period, nothing (CLIC-5.1)', () => {
    const last = rate(accountTimeline({ ...CLIC_DEVICE, device: linear }, [termination('2026-12-31T10:00:00+01:00', 'client')]));
    // 24000 × 1/12 = 2000
    expect(linesOf(last, 'device_residual').map((l) => l.amountCents)).toEqual([2000]);
    const after = rate(accountTimeline({ ...CLIC_DEVICE, device: linear }, [termination('2027-01-01T10:00:00+01:00', 'client')]));
    expect(linesOf(after, 'device_residual')).toEqual([]);
  });

  it('on the client\'s death in month 3, a BASE device discount of €240.00 over 24 months still costs 22/24 = €220.00 (BASE-D.10.3.2.3)', () => {
    const o = rate(accountTimeline({ ...YEAR, device: { discountCents: 24_000, minimumMonths: 24 } }, [death('2026-03-20T10:00:00+01:00')]));
    // month 3 of 24: 24000 × (24 − 3 + 1)/24 = 24000 × 22/24 = 22000
    expect(linesOf(o, 'device_residual').map((l) => [l.amountCents, l.clauses])).toEqual([[22_000, ['BASE-D.10.3.2.3']]]);
    // 3 × 1000 − 355 (11/31 of March credited) + 22000 = 24645
    expect(o.balances.billedCents).toBe(24_645);
  });

  it('a BASE subscription ended in month 25 owes no residual value (BASE-D.10.3.2.3)', () => {
    const o = rate(
      accountTimeline({ plan: 'base-light', start: '2026-01-01', cycleDay: 1, until: '2028-02-01', device: { discountCents: 24_000, minimumMonths: 24 } }, [
        termination('2028-01-05T10:00:00+01:00', 'client'),
      ]),
    );
    expect(linesOf(o, 'device_residual')).toEqual([]);
  });
});

describe('BASE-D.10.3.1.1 / D.10.3.1.3: the operator ends the subscription', () => {
  // BASE Light from 2026-04-01 (after the DST switch), paid by hand: the statement of 04-01 is due 04-16,
  // overdue from 04-17; the operator suspends on 2026-04-20 00:00
  const OVERDUE = { plan: 'base-light', start: '2026-04-01', cycleDay: 1, until: '2026-07-01', payment: 'manual' as const };
  const suspended = suspension('2026-04-20T00:00:00+02:00', 'operator', 'non_payment');

  it('after 15 days of suspension the operator may terminate with 15 days\' notice: notice on 2026-05-05, end on 2026-05-20 (BASE-D.10.3.1.1)', () => {
    // 04-20 … 05-04 = 15 days of suspension
    const o = rate(accountTimeline(OVERDUE, [suspended, termination('2026-05-05T00:00:00+02:00', 'operator', 'non_payment')]));
    expect(decisionsCiting(o, 'flag', 'BASE-D.10.3.1.1')).toEqual([]);
    // 2026-05-05 + 15 days = 2026-05-20
    expect(decisionsCiting(o, 'termination', 'BASE-D.10.3.1.1').map((d) => d.at)).toEqual(['2026-05-20T00:00:00+02:00']);
  });

  it('notice given after only 7 days of suspension is flagged (BASE-D.10.3.1.1)', () => {
    const o = rate(accountTimeline(OVERDUE, [suspended, termination('2026-04-27T00:00:00+02:00', 'operator', 'non_payment')]));
    expect(decisionsCiting(o, 'flag', 'BASE-D.10.3.1.1').map((d) => d.at)).toEqual(['2026-04-27T00:00:00+02:00']);
  });

  it('15 calendar days of suspension across the spring DST switch are 15 days: notice on 2026-04-02 is not flagged (BASE-D.10.3.1.1)', () => {
    // statement of 2026-03-01 due 03-16, overdue from 03-17; suspended 2026-03-18 00:00 (+01:00);
    // 03-18 … 04-01 = 15 calendar days (one of them, 03-29, has 23 hours)
    const o = rate(
      accountTimeline({ ...OVERDUE, start: '2026-03-01' }, [
        suspension('2026-03-18T00:00:00+01:00', 'operator', 'non_payment'),
        termination('2026-04-02T00:00:00+02:00', 'operator', 'non_payment'),
      ]),
    );
    expect(decisionsCiting(o, 'flag', 'BASE-D.10.3.1.1')).toEqual([]);
    expect(decisionsCiting(o, 'termination', 'BASE-D.10.3.1.1').map((d) => d.at)).toEqual(['2026-04-17T00:00:00+02:00']);
  });

  it('with eight weeks\' notice the operator ends an indefinite subscription and moves the client to prepaid (BASE-D.10.3.1.3)', () => {
    const o = rate(
      timeline({ plan: 'base-light', start: '2026-04-01', cycleDay: 1, until: '2026-08-01' }, [
        termination('2026-04-10T10:00:00+02:00', 'operator', 'operator_notice'),
        call('2026-06-04T10:00:00+02:00', 'sim-1', 'BE', N.premium, 60),
        call('2026-06-06T10:00:00+02:00', 'sim-1', 'BE', N.premium, 60),
      ]),
    );
    // 2026-04-10 + 56 days = 2026-06-05
    expect(decisionsCiting(o, 'termination', 'BASE-D.10.3.1.3').map((d) => d.at)).toEqual(['2026-06-05T10:00:00+02:00']);
    expect(decisionsCiting(o, 'migration', 'BASE-D.10.3.1.3').map((d) => d.at)).toEqual(['2026-06-05T10:00:00+02:00']);
    // June (period 2): the call of 06-04 billed, that of 06-06 blocked
    expect(treated(o, 2, 'sim-1', 'call', 'BE')).toMatchObject({ billed: 60, blocked: 60 });
    // April 1000 + May 1000 + June 1000 − 06-06..07-01 = 25/30 × 1000 = 833.33 → 833 + 150 = 2317
    expect(o.balances.billedCents).toBe(2317);
  });

  it('eight weeks\' notice given at 10:00 on 2026-03-10 runs to 10:00 on 2026-05-05, Belgian time, across the DST switch (BASE-D.10.3.1.3)', () => {
    const o = rate(
      timeline({ plan: 'base-light', start: '2026-03-01', cycleDay: 1, until: '2026-07-01' }, [termination('2026-03-10T10:00:00+01:00', 'operator', 'operator_notice')]),
    );
    // 2026-03-10 + 56 calendar days = 2026-05-05; the notice runs in Belgian time, so 10:00 (+02:00 in May)
    expect(decisionsCiting(o, 'termination', 'BASE-D.10.3.1.3').map((d) => d.at)).toEqual(['2026-05-05T10:00:00+02:00']);
  });

  it('eight weeks\' notice to a fixed-term subscription is flagged (BASE-D.10.3.1.3)', () => {
    const o = rate(
      accountTimeline({ plan: 'base-light', start: '2026-04-01', cycleDay: 1, until: '2026-08-01', term: FIXED_12 }, [
        termination('2026-04-10T10:00:00+02:00', 'operator', 'operator_notice'),
      ]),
    );
    expect(decisionsCiting(o, 'flag', 'BASE-D.10.3.1.3')).toHaveLength(1);
  });
});

describe('BASE-B.5 / B.3.2.1 / D.10.3.1.2: a SIM box ends the subscription by right', () => {
  it('a SIM box call is blocked and ends the subscription at once; later usage is blocked (BASE-B.3.2.1, BASE-B.5, BASE-D.10.3.1.2)', () => {
    const o = rate(
      timeline({ plan: 'base-plus', start: '2026-03-01', cycleDay: 1, until: '2026-05-01' }, [
        callWith('2026-03-10T10:00:00+01:00', 'sim-1', 'BE', N.beMobile, 120, { device: 'simbox' }),
        call('2026-03-12T10:00:00+01:00', 'sim-1', 'BE', N.beMobile, 60),
      ]),
    );
    const ended = decisionsCiting(o, 'termination', 'BASE-D.10.3.1.2');
    expect(ended.map((d) => d.at)).toEqual(['2026-03-10T10:00:00+01:00']);
    expect(ended[0]?.clauses).toContain('BASE-B.5');
    // the SIM box call (120 s) and the call after the end (60 s) are both blocked
    expect(treated(o, 0, 'sim-1', 'call', 'BE')).toEqual({ included: 0, billed: 0, throttled: 0, blocked: 180, free: 0 });
    // the SIM box call itself is blocked under B.3.2.1 ("bloqués automatiquement"), whatever else ends
    expect(decisionsOf(o, 'blocked').find((d) => d.at === '2026-03-10T10:00:00+01:00')?.clauses).toContain('BASE-B.3.2.1');
    // last service day 03-10; 03-11..04-01 = 21/31 of €25.00 = €16.9355 → −1694; 2500 − 1694 = 806
    expect(o.balances.billedCents).toBe(806);
  });
});

describe('BASE-B.2.2: the number is lost a month after the end unless ported', () => {
  const SPEC = { plan: 'base-light', start: '2026-03-01', cycleDay: 1, until: '2026-06-01' };
  const end = termination('2026-03-20T10:00:00+01:00', 'client');

  it('a subscription ended on 2026-03-20 loses its number on 2026-04-20 (BASE-B.2.2)', () => {
    const o = rate(timeline(SPEC, [end]));
    expect(decisionsCiting(o, 'number_withdrawal', 'BASE-B.2.2').map((d) => d.at.slice(0, 10))).toEqual(['2026-04-20']);
  });

  it('a port-out within that month keeps the number: no withdrawal (BASE-B.2.2)', () => {
    const o = rate(timeline(SPEC, [end, portOut('2026-04-10T10:00:00+02:00')]));
    expect(decisionsOf(o, 'number_withdrawal')).toEqual([]);
  });

  it('a port-out after that month is too late: the number was withdrawn on 2026-04-20 (BASE-B.2.2)', () => {
    const o = rate(timeline(SPEC, [end, portOut('2026-04-25T10:00:00+02:00')]));
    expect(decisionsOf(o, 'number_withdrawal').map((d) => d.at.slice(0, 10))).toEqual(['2026-04-20']);
  });
});

describe('BASE-B.2.2: a subscription not used at all for twelve months may be ended', () => {
  // « un abonnement qui n'a pas été utilisé pendant 12 mois » — use is outgoing traffic (an incoming call
  // is not the subscriber using the line). Twelve months after the last use on 2026-04-10 is 2027-04-10;
  // the flag stands at 00:00 that day, Brussels summer time (+02:00).
  const SPEC = { plan: 'base-light', start: '2026-03-01', cycleDay: 1, until: '2027-06-01' };
  const lastUse = call('2026-04-10T14:00:00+02:00', 'sim-1', 'BE', N.beMobile, 60);
  const flags = (o: Outcome) => decisionsOf(o, 'flag').filter((d) => d.clauses.includes('BASE-B.2.2'));

  it('flags 2027-04-10 when the next use is at 00:00 that day (exactly twelve months)', () => {
    const o = rate(timeline(SPEC, [lastUse, call('2026-10-01T10:00:00+02:00', 'sim-1', 'BE', N.beMobile, 60, { direction: 'in' }), call('2027-04-10T00:00:00+02:00', 'sim-1', 'BE', N.beMobile, 60)]));
    expect(flags(o).map((d) => d.at)).toEqual(['2027-04-10T00:00:00+02:00']);
  });

  it('does not flag when the line is used one second before the twelve months are over', () => {
    const o = rate(timeline(SPEC, [lastUse, call('2027-04-09T23:59:59+02:00', 'sim-1', 'BE', N.beMobile, 60)]));
    expect(flags(o)).toEqual([]);
  });

  it('flags at the horizon too: no use after 2026-04-10 at all', () => {
    const o = rate(timeline(SPEC, [lastUse]));
    expect(flags(o).map((d) => d.at)).toEqual(['2027-04-10T00:00:00+02:00']);
  });
});
