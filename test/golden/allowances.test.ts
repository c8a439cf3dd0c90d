/**
 * Golden tests — included volumes (CLIC-2.1), the data SIM (CLIC-2.4) and rollover (BASE-D.7.2).
 * Expected values are worked out by hand in the comment above each assertion.
 *
 * Periods with start 2026-04-15 and cycle day 15 are whole: 2026-04-15..05-15 (30 d), 05-15..06-15
 * (31 d), 06-15..07-15 (30 d). A statement is issued on each period's first day (its fee) and carries
 * the usage of the period before; the closing one carries the last period's usage.
 */
import { describe, expect, it } from 'vitest';
import { call, catalogWith, data, decisionsOf, N, rate, sms, statement, tariffCents, tariffLines, timeline, treated } from './timeline-builder.ts';

const ONE_PERIOD = { start: '2026-04-15', cycleDay: 15, until: '2026-05-15' };
const TWO_PERIODS = { start: '2026-04-15', cycleDay: 15, until: '2026-06-15' };
const THREE_PERIODS = { start: '2026-04-15', cycleDay: 15, until: '2026-07-15' };

/** Small plans so that boundaries need only a few records. */
const tiny = catalogWith([
  {
    id: 'clic-tiny',
    family: 'CLIC_BUREAU',
    name: 'CLIC Tiny',
    source: 'assumption: golden test plan',
    fee: '20.00',
    mobileSims: 2,
    dataSim: false,
    allowances: { calls: '2min', sms: '3sms', data: '1GB' },
    includedIn: ['BE', 'EU'],
    afterData: 'throttle',
  },
  {
    id: 'base-tiny',
    family: 'BASE_SUBSCRIPTION',
    name: 'BASE Tiny',
    source: 'assumption: golden test plan',
    fee: '5.00',
    mobileSims: 1,
    allowances: { calls: '2min', sms: '3sms', data: '1GB' },
    includedIn: ['BE'],
    afterData: 'bill',
    rollover: ['calls'],
  },
]);

describe('CLIC-2.1: the pack and beyond it', () => {
  it('exactly the 500 included minutes cost nothing (CLIC-2.1)', () => {
    const o = rate(
      timeline({ plan: 'clic-bureau', ...ONE_PERIOD }, [
        call('2026-04-16T09:00:00+02:00', 'sim-1', 'BE', N.beMobile, 20_000),
        call('2026-04-20T09:00:00+02:00', 'sim-1', 'BE', N.beFixed, 10_000),
      ]),
    );
    // 500 min = 30,000 s; 20,000 + 10,000 = 30,000 s: all included
    expect(treated(o, 0, 'sim-1', 'call', 'BE')).toEqual({ included: 30_000, billed: 0, throttled: 0, blocked: 0, free: 0 });
    expect(statement(o, '2026-05-15').totalCents).toBe(0);
  });

  it('one second beyond the 500 included minutes is billed, and rounds to 0 cents (CLIC-2.1)', () => {
    const o = rate(
      timeline({ plan: 'clic-bureau', ...ONE_PERIOD }, [
        call('2026-04-16T09:00:00+02:00', 'sim-1', 'BE', N.beMobile, 30_000),
        call('2026-04-20T09:00:00+02:00', 'sim-1', 'BE', N.beFixed, 1),
      ]),
    );
    // 30,001 s against 30,000 s: 1 s billed
    expect(treated(o, 0, 'sim-1', 'call', 'BE')).toEqual({ included: 30_000, billed: 1, throttled: 0, blocked: 0, free: 0 });
    // 1 s × €0.15/60 s = €0.0025 = 0.25 cent → 0 cents (half up)
    expect(tariffCents(statement(o, '2026-05-15'), 'national.call')).toBe(0);
    expect(statement(o, '2026-05-15').totalCents).toBe(0);
  });

  it('61 seconds beyond the included minutes are billed at the national rate (CLIC-2.1)', () => {
    const o = rate(
      timeline({ plan: 'clic-bureau', ...ONE_PERIOD }, [
        call('2026-04-16T09:00:00+02:00', 'sim-1', 'BE', N.beMobile, 30_000),
        call('2026-04-20T09:00:00+02:00', 'sim-1', 'BE', N.beFixed, 61),
      ]),
    );
    // 61 s × €0.15/60 s = €0.1525 → €0.15 → 15 cents
    expect(tariffLines(statement(o, '2026-05-15'), 'national.call')).toMatchObject([
      { category: 'national_usage', quantity: 61, unit: 'second', amountCents: 15 },
    ]);
  });

  it('exactly the included SMS cost nothing and one SMS more is billed (CLIC-2.1)', () => {
    const o = rate(
      timeline({ plan: 'clic-tiny', ...ONE_PERIOD }, [
        sms('2026-04-16T09:00:00+02:00', 'sim-1', 'BE', N.beMobile, 480),
        sms('2026-04-17T09:00:00+02:00', 'sim-1', 'BE', N.beMobile, 1),
      ]),
      tiny,
    );
    // 480 chars = 3 SMS (BASE-A) = the 3 included; the next SMS is billed: 1 × €0.10 → 10 cents
    expect(treated(o, 0, 'sim-1', 'sms', 'BE')).toEqual({ included: 3, billed: 1, throttled: 0, blocked: 0, free: 0 });
    expect(tariffLines(statement(o, '2026-05-15'), 'national.sms')).toMatchObject([{ quantity: 1, amountCents: 10 }]);
    expect(statement(o, '2026-05-15').totalCents).toBe(10);
  });

  it('exactly the included data in France costs nothing; what goes beyond is billed (CLIC-2.1)', () => {
    const o = rate(
      timeline({ plan: 'clic-tiny', ...ONE_PERIOD }, [
        data('2026-04-16T09:00:00+02:00', 'sim-1', 'FR', 1_000_000_000, 3600),
        data('2026-04-17T09:00:00+02:00', 'sim-1', 'FR', 100_000_001, 600),
      ]),
      tiny,
    );
    // 1 GB = 1,000,000,000 bytes included; the 100,000,001 bytes after it billed at normal speed
    expect(treated(o, 0, 'sim-1', 'data', 'EU')).toEqual({ included: 1_000_000_000, billed: 100_000_001, throttled: 0, blocked: 0, free: 0 });
    // 100,000,001 bytes × €10/10^9 bytes = €1.00000001 → €1.00 → 100 cents
    expect(tariffLines(statement(o, '2026-05-15'), 'roaming_eu.data')).toMatchObject([{ quantity: 100_000_001, unit: 'byte', amountCents: 100 }]);
  });

  it('the pack minutes are shared by the pack\'s SIMs (CLIC-2.1)', () => {
    const o = rate(
      timeline({ plan: 'clic-tiny', ...ONE_PERIOD, lines: [['sim-1', 'mobile'], ['sim-2', 'mobile']] }, [
        call('2026-04-16T09:00:00+02:00', 'sim-1', 'BE', N.beMobile, 90),
        call('2026-04-17T09:00:00+02:00', 'sim-2', 'BE', N.beMobile, 60),
      ]),
      tiny,
    );
    // 2 min = 120 s shared: sim-1 takes 90, sim-2 the remaining 30 and 30 s are billed
    expect(treated(o, 0, 'sim-1', 'call', 'BE')).toMatchObject({ included: 90, billed: 0 });
    expect(treated(o, 0, 'sim-2', 'call', 'BE')).toMatchObject({ included: 30, billed: 30 });
    // 30 s × €0.15/60 s = €0.075 = 7.5 cents → 8 cents (half up)
    expect(statement(o, '2026-05-15').totalCents).toBe(8);
  });

  it('unused minutes are not carried to the next billing period on CLIC (CLIC-2.1)', () => {
    const o = rate(
      timeline({ plan: 'clic-bureau', ...TWO_PERIODS }, [
        call('2026-04-16T09:00:00+02:00', 'sim-1', 'BE', N.beMobile, 60),
        call('2026-05-20T09:00:00+02:00', 'sim-1', 'BE', N.beMobile, 30_060),
      ]),
    );
    // period 0 leaves 29,940 s unused, which lapse; period 1 (31-day whole cycle) has exactly 30,000 s:
    // 30,060 − 30,000 = 60 s billed × €0.15/60 s = €0.15 → 15 cents
    expect(treated(o, 1, 'sim-1', 'call', 'BE')).toMatchObject({ included: 30_000, billed: 60 });
    const closing = statement(o, '2026-06-15');
    expect(tariffLines(closing, 'national.call')).toMatchObject([{ quantity: 60, amountCents: 15, period: { start: '2026-05-15', end: '2026-06-15' } }]);
    expect(closing.totalCents).toBe(15);
    // the 2026-05-15 statement: period 1's €35.00 fee and no usage for period 0 → 3500
    expect(statement(o, '2026-05-15').totalCents).toBe(3500);
  });
});

describe('CLIC-2.4: the data SIM', () => {
  it('on limited data the data SIM has no volume of its own: its use is charged to the pack\'s data (CLIC-2.4)', () => {
    const o = rate(
      timeline({ plan: 'clic-s', ...ONE_PERIOD, lines: [['sim-1', 'mobile'], ['data-1', 'data']] }, [
        data('2026-04-20T08:00:00+02:00', 'data-1', 'BE', 6_000_000_000, 36_000),
        data('2026-04-25T08:00:00+02:00', 'sim-1', 'FR', 5_000_000_000, 36_000),
      ]),
    );
    // pack 10 GB: the data SIM's 6 GB leave 4 GB for sim-1 in France; 1 GB beyond is billed
    expect(treated(o, 0, 'data-1', 'data', 'BE')).toMatchObject({ included: 6_000_000_000, billed: 0 });
    expect(treated(o, 0, 'sim-1', 'data', 'EU')).toMatchObject({ included: 4_000_000_000, billed: 1_000_000_000 });
    // 1,000,000,000 bytes × €10/GB = €10.00 → 1000 cents
    expect(tariffLines(statement(o, '2026-05-15'), 'roaming_eu.data')).toMatchObject([{ quantity: 1_000_000_000, amountCents: 1000 }]);
  });

  it('the data SIM cannot make calls or send SMS: such records are blocked, not billed (CLIC-2.4)', () => {
    const o = rate(
      timeline({ plan: 'clic-s', ...ONE_PERIOD, lines: [['sim-1', 'mobile'], ['data-1', 'data']] }, [
        call('2026-04-20T08:00:00+02:00', 'data-1', 'BE', N.beMobile, 60),
        sms('2026-04-20T09:00:00+02:00', 'data-1', 'BE', N.beMobile, 10),
      ]),
    );
    expect(treated(o, 0, 'data-1', 'call', 'BE')).toEqual({ included: 0, billed: 0, throttled: 0, blocked: 60, free: 0 });
    expect(treated(o, 0, 'data-1', 'sms', 'BE')).toEqual({ included: 0, billed: 0, throttled: 0, blocked: 1, free: 0 });
    expect(decisionsOf(o, 'blocked').map((d) => ({ at: d.at, line: d.line, service: d.service, clauses: d.clauses }))).toEqual([
      { at: '2026-04-20T08:00:00+02:00', line: 'data-1', service: 'call', clauses: ['CLIC-2.4'] },
      { at: '2026-04-20T09:00:00+02:00', line: 'data-1', service: 'sms', clauses: ['CLIC-2.4'] },
    ]);
    expect(statement(o, '2026-05-15').totalCents).toBe(0);
  });
});

describe('BASE-D.7.2: rollover, the new month first', () => {
  it('carried minutes are used after the new month\'s and then billed beyond (BASE-D.7.2)', () => {
    const o = rate(
      timeline({ plan: 'base-light', ...TWO_PERIODS }, [
        call('2026-04-20T09:00:00+02:00', 'sim-1', 'BE', N.beMobile, 3_000),
        call('2026-05-20T09:00:00+02:00', 'sim-1', 'BE', N.beMobile, 11_400),
        call('2026-05-21T09:00:00+02:00', 'sim-1', 'BE', N.beMobile, 60),
      ]),
    );
    // 120 min = 7,200 s per whole period. Period 0 uses 3,000 → 4,200 s carried into period 1.
    // Period 1: 7,200 (new) + 4,200 (carried) = 11,400 s included; the next 60 s billed.
    expect(treated(o, 1, 'sim-1', 'call', 'BE')).toMatchObject({ included: 11_400, billed: 60 });
    // 60 s × €0.15/60 s = €0.15 → 15 cents on the closing statement
    const closing = statement(o, '2026-06-15');
    expect(tariffLines(closing, 'national.call')).toMatchObject([{ quantity: 60, amountCents: 15 }]);
    expect(closing.totalCents).toBe(15);
  });

  it('the new month\'s allowance is used first, so the carried part lapses unused (BASE-D.7.2)', () => {
    const o = rate(
      timeline({ plan: 'base-light', ...THREE_PERIODS }, [
        call('2026-04-20T09:00:00+02:00', 'sim-1', 'BE', N.beMobile, 3_000),
        call('2026-05-20T09:00:00+02:00', 'sim-1', 'BE', N.beMobile, 7_200),
        call('2026-06-20T09:00:00+02:00', 'sim-1', 'BE', N.beMobile, 7_260),
      ]),
    );
    // Period 0: 3,000 of 7,200 used → 4,200 carried into period 1.
    // Period 1: the 7,200 s come from period 1's own allowance first; the 4,200 carried stay unused and
    // lapse at the end of period 1; period 1's own allowance is used up, so nothing carries into period 2.
    expect(treated(o, 1, 'sim-1', 'call', 'BE')).toMatchObject({ included: 7_200, billed: 0 });
    // Period 2: 7,200 s only → 60 s billed × €0.15/60 s = €0.15 → 15 cents
    expect(treated(o, 2, 'sim-1', 'call', 'BE')).toMatchObject({ included: 7_200, billed: 60 });
    expect(tariffCents(statement(o, '2026-07-15'), 'national.call')).toBe(15);
    expect(tariffCents(statement(o, '2026-06-15'), 'national.call')).toBe(0);
  });

  it('what rolls over from a shorter first period is what is left of its prorated allowance (BASE-D.7.2, BASE-D.8.3)', () => {
    const o = rate(
      timeline({ plan: 'base-light', start: '2026-03-20', cycleDay: 15, until: '2026-05-15' }, [
        call('2026-03-21T09:00:00+01:00', 'sim-1', 'BE', N.beMobile, 39),
        call('2026-04-20T09:00:00+02:00', 'sim-1', 'BE', N.beMobile, 13_200),
        call('2026-04-21T09:00:00+02:00', 'sim-1', 'BE', N.beMobile, 60),
      ]),
    );
    // period 0 (26/31): 7,200 × 26/31 = 6,038.7 → 6,039 s; 39 used → 6,000 s carried.
    // period 1 (2026-04-15..05-15, whole): 7,200 + 6,000 = 13,200 s included; the next 60 s billed
    expect(treated(o, 0, 'sim-1', 'call', 'BE')).toMatchObject({ included: 39, billed: 0 });
    expect(treated(o, 1, 'sim-1', 'call', 'BE')).toMatchObject({ included: 13_200, billed: 60 });
    // 60 s × €0.15/60 s = €0.15 → 15 cents on the closing statement of 2026-05-15
    expect(tariffCents(statement(o, '2026-05-15'), 'national.call')).toBe(15);
  });

  it('only the services the plan lists roll over: unused SMS do not (BASE-D.7.2)', () => {
    const o = rate(
      timeline({ plan: 'base-tiny', ...TWO_PERIODS }, [
        call('2026-05-20T09:00:00+02:00', 'sim-1', 'BE', N.beMobile, 240),
        sms('2026-05-20T10:00:00+02:00', 'sim-1', 'BE', N.beMobile, 480),
        sms('2026-05-20T11:00:00+02:00', 'sim-1', 'BE', N.beMobile, 1),
      ]),
      tiny,
    );
    // calls roll over: period 0's unused 120 s + period 1's 120 s = 240 s, all included
    expect(treated(o, 1, 'sim-1', 'call', 'BE')).toMatchObject({ included: 240, billed: 0 });
    // SMS do not: period 1 has its own 3 SMS; 480 chars = 3 SMS included, the 4th billed × €0.10 → 10 cents
    expect(treated(o, 1, 'sim-1', 'sms', 'BE')).toMatchObject({ included: 3, billed: 1 });
    expect(statement(o, '2026-06-15').totalCents).toBe(10);
  });
});
