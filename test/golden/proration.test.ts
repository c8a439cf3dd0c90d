/**
 * Golden tests — BASE-D.8.3 pro rata temporis: monthly fees AND included allowances, the shorter first
 * period, and the denominator (the actual 28–31 days of the full cycle that contains the period).
 * Amounts: monthly × days / cycleDays, half up to the cent. Allowances: the same in the service's unit,
 * half up to a whole unit. Worked out by hand above each assertion.
 */
import { describe, expect, it } from 'vitest';
import { call, catalogWith, data, N, rate, sms, statement, tariffLines, timeline, treated } from './timeline-builder.ts';

// Activation 2026-03-20, cycle day 15: period 0 = 2026-03-20..2026-04-15 = 12 (Mar 20–31) + 14 (Apr 1–14)
// = 26 days of the cycle 2026-03-15..2026-04-15 = 31 days.
const SHORT_MARCH = { start: '2026-03-20', cycleDay: 15, until: '2026-04-15' };

const odd = catalogWith([
  {
    id: 'clic-odd',
    family: 'CLIC_BUREAU',
    name: 'CLIC Odd',
    source: 'assumption: golden test plan with a fee that prorates to an exact half cent',
    fee: '45.15',
    mobileSims: 1,
    dataSim: false,
    allowances: { calls: '500min', sms: '15sms', data: '10GB' },
    includedIn: ['BE', 'EU'],
    afterData: 'throttle',
  },
]);

describe('BASE-D.8.3: the shorter first period', () => {
  it('a first period of 26 days of a 31-day cycle costs 26/31 of the fee, paid in advance (BASE-D.8.3)', () => {
    const o = rate(timeline({ plan: 'clic-s', ...SHORT_MARCH }, []));
    expect(o.periods).toEqual([{ index: 0, start: '2026-03-20', end: '2026-04-15', days: 26, cycleDays: 31 }]);
    const first = statement(o, '2026-03-20');
    const fee = first.lines.find((l) => l.category === 'subscription_fee');
    // €45.00 × 26/31 = €37.7419… → €37.74 → 3774 cents
    expect(fee).toMatchObject({ quantity: 26, unit: 'day', amountCents: 3774, period: { start: '2026-03-20', end: '2026-04-15' } });
    expect(fee?.clauses).toContain('BASE-D.8.3');
    expect(first.totalCents).toBe(3774);
  });

  it('the pack data is prorated the same way: 10 GB × 26/31, and French data beyond it is billed (BASE-D.8.3, CLIC-2.1)', () => {
    const o = rate(timeline({ plan: 'clic-s', ...SHORT_MARCH }, [data('2026-03-26T08:00:00+01:00', 'sim-1', 'FR', 9_500_000_000, 36_000)]));
    // 10,000,000,000 × 26/31 = 8,387,096,774.19… → 8,387,096,774 bytes included;
    // 9,500,000,000 − 8,387,096,774 = 1,112,903,226 billed
    expect(treated(o, 0, 'sim-1', 'data', 'EU')).toEqual({ included: 8_387_096_774, billed: 1_112_903_226, throttled: 0, blocked: 0, free: 0 });
    // 1,112,903,226 bytes × €10/GB = €11.129… → €11.13 (half up) → 1113 cents, on the statement of 2026-04-15
    const closing = statement(o, '2026-04-15');
    expect(tariffLines(closing, 'roaming_eu.data')).toMatchObject([{ quantity: 1_112_903_226, unit: 'byte', amountCents: 1113 }]);
    expect(closing.totalCents).toBe(1113);
  });

  it('exactly the prorated pack data costs nothing, and one byte more is billed (BASE-D.8.3)', () => {
    const exact = rate(timeline({ plan: 'clic-s', ...SHORT_MARCH }, [data('2026-03-26T08:00:00+01:00', 'sim-1', 'FR', 8_387_096_774, 36_000)]));
    expect(treated(exact, 0, 'sim-1', 'data', 'EU')).toMatchObject({ included: 8_387_096_774, billed: 0 });
    const more = rate(timeline({ plan: 'clic-s', ...SHORT_MARCH }, [data('2026-03-26T08:00:00+01:00', 'sim-1', 'FR', 8_387_096_775, 36_000)]));
    // one byte beyond: 1 byte × €10/10^9 = €0.00000001 → 0 cents
    expect(treated(more, 0, 'sim-1', 'data', 'EU')).toMatchObject({ included: 8_387_096_774, billed: 1 });
    expect(statement(more, '2026-04-15').totalCents).toBe(0);
  });

  it('included minutes and SMS are prorated, each rounded half up to a whole unit (BASE-D.8.3)', () => {
    const o = rate(
      timeline({ plan: 'clic-bureau', ...SHORT_MARCH }, [
        call('2026-03-21T09:00:00+01:00', 'sim-1', 'BE', N.beMobile, 25_161),
        call('2026-03-22T09:00:00+01:00', 'sim-1', 'BE', N.beMobile, 60),
        // 26,880 characters = 168 segments of 160
        sms('2026-03-23T09:00:00+01:00', 'sim-1', 'BE', N.beMobile, 26_880),
        sms('2026-03-24T09:00:00+01:00', 'sim-1', 'BE', N.beMobile, 5),
      ]),
    );
    // minutes: 30,000 s × 26/31 = 25,161.29 → 25,161 s; the 60 s after it billed
    expect(treated(o, 0, 'sim-1', 'call', 'BE')).toMatchObject({ included: 25_161, billed: 60 });
    // SMS: 200 × 26/31 = 167.74 → 168; the 169th billed
    expect(treated(o, 0, 'sim-1', 'sms', 'BE')).toMatchObject({ included: 168, billed: 1 });
    const closing = statement(o, '2026-04-15');
    // 60 s × €0.15/60 s = 15 cents; 1 SMS × €0.10 = 10 cents; total 25
    expect(tariffLines(closing, 'national.call')).toMatchObject([{ quantity: 60, amountCents: 15 }]);
    expect(tariffLines(closing, 'national.sms')).toMatchObject([{ quantity: 1, amountCents: 10 }]);
    expect(closing.totalCents).toBe(25);
    // the fee: €35.00 × 26/31 = €29.3548… → 2935 cents
    expect(statement(o, '2026-03-20').totalCents).toBe(2935);
  });

  it('BASE Light\'s 120 minutes become 6,039 s in a 26/31 first period, and its fee €8.39 (BASE-D.8.3)', () => {
    const o = rate(
      timeline({ plan: 'base-light', ...SHORT_MARCH }, [
        call('2026-03-21T09:00:00+01:00', 'sim-1', 'BE', N.beMobile, 6_039),
        call('2026-03-22T09:00:00+01:00', 'sim-1', 'BE', N.beMobile, 61),
      ]),
    );
    // 7,200 s × 26/31 = 6,038.71 → 6,039 s included; 61 s billed × €0.15/60 s = €0.1525 → 15 cents
    expect(treated(o, 0, 'sim-1', 'call', 'BE')).toMatchObject({ included: 6_039, billed: 61 });
    expect(statement(o, '2026-04-15').totalCents).toBe(15);
    // €10.00 × 26/31 = €8.387… → €8.39 → 839 cents
    expect(statement(o, '2026-03-20').totalCents).toBe(839);
  });

  it('options are prorated like the fee (BASE-D.8.3)', () => {
    const o = rate(timeline({ plan: 'clic-s', ...SHORT_MARCH, options: ['fixed_telephony', 'phone2go'] }, []));
    const first = statement(o, '2026-03-20');
    // fixed telephony €15.00 × 26/31 = €12.580… → 1258; Phone2Go €10.00 × 26/31 = €8.387… → 839
    expect(first.lines.filter((l) => l.category === 'option_fee').map((l) => l.amountCents).sort((a, b) => a - b)).toEqual([839, 1258]);
    // 3774 + 1258 + 839 = 5871
    expect(first.totalCents).toBe(5871);
  });
});

describe('BASE-D.8.3: the denominator is the length of the cycle that contains the period', () => {
  it('in February 2026 the cycle has 28 days: 23 days cost 23/28 of the fee (BASE-D.8.3)', () => {
    const o = rate(timeline({ plan: 'clic-s', start: '2026-02-20', cycleDay: 15, until: '2026-04-15' }, []));
    // 2026-02-20..03-15 = 9 (Feb 20–28) + 14 (Mar 1–14) = 23 days of 2026-02-15..03-15 = 28 days;
    // then 2026-03-15..04-15, a whole 31-day cycle
    expect(o.periods).toEqual([
      { index: 0, start: '2026-02-20', end: '2026-03-15', days: 23, cycleDays: 28 },
      { index: 1, start: '2026-03-15', end: '2026-04-15', days: 31, cycleDays: 31 },
    ]);
    // €45.00 × 23/28 = €36.964… → 3696 cents; the whole period costs exactly €45.00
    expect(statement(o, '2026-02-20').totalCents).toBe(3696);
    expect(statement(o, '2026-03-15').totalCents).toBe(4500);
  });

  it('in leap-year February 2028 the cycle has 29 days: 24 days cost 24/29 of the fee (BASE-D.8.3)', () => {
    const o = rate(timeline({ plan: 'clic-s', start: '2028-02-20', cycleDay: 15, until: '2028-03-15' }, []));
    // 2028-02-20..03-15 = 10 (Feb 20–29) + 14 = 24 days of 2028-02-15..03-15 = 29 days
    expect(o.periods[0]).toEqual({ index: 0, start: '2028-02-20', end: '2028-03-15', days: 24, cycleDays: 29 });
    // €45.00 × 24/29 = €37.241… → 3724 cents
    expect(statement(o, '2028-02-20').totalCents).toBe(3724);
  });

  it('in a 30-day cycle 25 days cost exactly 25/30 of the fee (BASE-D.8.3)', () => {
    const o = rate(timeline({ plan: 'clic-s', start: '2026-04-20', cycleDay: 15, until: '2026-05-15' }, []));
    expect(o.periods[0]).toMatchObject({ days: 25, cycleDays: 30 });
    // €45.00 × 25/30 = €37.50 → 3750 cents
    expect(statement(o, '2026-04-20').totalCents).toBe(3750);
  });

  it('a one-day first period rounds the fee and the allowance half up (BASE-D.8.3)', () => {
    // start 2026-05-14, cycle day 15: 1 day of the 30-day cycle 2026-04-15..05-15
    const o = rate(
      timeline({ plan: 'clic-odd', start: '2026-05-14', cycleDay: 15, until: '2026-05-15' }, [
        sms('2026-05-14T09:00:00+02:00', 'sim-1', 'BE', N.beMobile, 10),
        sms('2026-05-14T10:00:00+02:00', 'sim-1', 'BE', N.beMobile, 10),
      ]),
      odd,
    );
    // fee: 4515 cents × 1/30 = 150.5 → 151 cents (half up)
    expect(statement(o, '2026-05-14').totalCents).toBe(151);
    // SMS: 15 × 1/30 = 0.5 → 1 SMS (half up): the first included, the second billed € 0.10 → 10 cents
    expect(treated(o, 0, 'sim-1', 'sms', 'BE')).toMatchObject({ included: 1, billed: 1 });
    expect(statement(o, '2026-05-15').totalCents).toBe(10);
  });
});

describe('BASE-D.8.3: whole periods', () => {
  it('a first period that is exactly a whole cycle costs the whole fee and has the whole pack (BASE-D.8.3)', () => {
    const o = rate(
      timeline({ plan: 'clic-s', start: '2026-04-15', cycleDay: 15, until: '2026-05-15' }, [
        data('2026-04-20T08:00:00+02:00', 'sim-1', 'FR', 10_000_000_000, 36_000),
        data('2026-04-21T08:00:00+02:00', 'sim-1', 'FR', 1, 1),
      ]),
    );
    expect(o.periods).toEqual([{ index: 0, start: '2026-04-15', end: '2026-05-15', days: 30, cycleDays: 30 }]);
    // the whole €45.00 → 4500 cents
    expect(statement(o, '2026-04-15').lines.find((l) => l.category === 'subscription_fee')).toMatchObject({ quantity: 30, amountCents: 4500 });
    // 10 GB whole: 10,000,000,000 included, the one byte after it billed (0 cents)
    expect(treated(o, 0, 'sim-1', 'data', 'EU')).toMatchObject({ included: 10_000_000_000, billed: 1 });
    expect(statement(o, '2026-05-15').totalCents).toBe(0);
  });

  it('a record on the last day of a period uses that period\'s allowance; one at the next midnight the new one (BASE-D.8.3)', () => {
    const o = rate(
      timeline({ plan: 'clic-bureau', start: '2026-04-15', cycleDay: 15, until: '2026-06-15' }, [
        call('2026-04-20T09:00:00+02:00', 'sim-1', 'BE', N.beMobile, 30_000),
        call('2026-05-14T23:50:00+02:00', 'sim-1', 'BE', N.beMobile, 60),
        call('2026-05-15T00:00:00+02:00', 'sim-1', 'BE', N.beMobile, 60),
      ]),
    );
    // period 0's 30,000 s are used up: the 23:50 call on 2026-05-14 is billed in period 0
    expect(treated(o, 0, 'sim-1', 'call', 'BE')).toMatchObject({ included: 30_000, billed: 60 });
    // the call at 2026-05-15T00:00 is in period 1 (whole 31-day cycle, 30,000 s): included
    expect(treated(o, 1, 'sim-1', 'call', 'BE')).toMatchObject({ included: 60, billed: 0 });
    // statement of 2026-05-15: period 1's €35.00 fee + period 0's 60 s × €0.15/60 s = 15 cents → 3515
    const s = statement(o, '2026-05-15');
    expect(tariffLines(s, 'national.call')).toMatchObject([{ quantity: 60, amountCents: 15, period: { start: '2026-04-15', end: '2026-05-15' } }]);
    expect(s.totalCents).toBe(3515);
    expect(statement(o, '2026-06-15').totalCents).toBe(0);
  });
});
