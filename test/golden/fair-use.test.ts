/**
 * Golden tests — CLIC-2.3 "unlimited means normal use": beyond 30,000 minutes or 30,000 SMS per SIM
 * and period the service is paused until the period ends; beyond 300 GB in Belgium / 100 GB in the EU
 * zone per SIM, 512 kbps until the period ends. Limits are per SIM, monthly, never prorated.
 * Expected values are worked out by hand above each assertion.
 *
 * Start 2026-04-15, cycle day 15: period 0 = 2026-04-15..2026-05-15 (ends 2026-05-15T00:00:00+02:00).
 */
import { describe, expect, it } from 'vitest';
import { call, data, decisionsOf, N, rate, sms, statement, timeline, treated } from './timeline-builder.ts';

const ONE_PERIOD = { start: '2026-04-15', cycleDay: 15, until: '2026-05-15' };
const TWO_PERIODS = { start: '2026-04-15', cycleDay: 15, until: '2026-06-15' };
const PERIOD_0_END = '2026-05-15T00:00:00+02:00';
// 30,000 minutes × 60 = 1,800,000 seconds
const LIMIT_S = 1_800_000;
const GB = 1_000_000_000;

describe('CLIC-2.3: 30,000 minutes of calls', () => {
  it('exactly 30,000 minutes in a period is normal use: nothing is paused (CLIC-2.3)', () => {
    const o = rate(
      timeline({ plan: 'clic-s', ...ONE_PERIOD }, [
        call('2026-04-15T08:00:00+02:00', 'sim-1', 'BE', N.beMobile, 900_000),
        call('2026-04-26T08:00:00+02:00', 'sim-1', 'BE', N.beFixed, 900_000),
      ]),
    );
    // 900,000 + 900,000 = 1,800,000 s = exactly 30,000 min: all included
    expect(treated(o, 0, 'sim-1', 'call', 'BE')).toEqual({ included: LIMIT_S, billed: 0, throttled: 0, blocked: 0, free: 0 });
    expect(decisionsOf(o, 'pause')).toEqual([]);
    expect(decisionsOf(o, 'blocked')).toEqual([]);
  });

  it('beyond 30,000 minutes by one second, the calls service is paused until the end of the period (CLIC-2.3)', () => {
    const o = rate(
      timeline({ plan: 'clic-s', ...ONE_PERIOD }, [
        // 1,800,000 s from 04-15 08:00 ends 2026-05-06T04:00
        call('2026-04-15T08:00:00+02:00', 'sim-1', 'BE', N.beMobile, LIMIT_S),
        call('2026-05-06T09:00:00+02:00', 'sim-1', 'BE', N.beMobile, 1),
        call('2026-05-07T09:00:00+02:00', 'sim-1', 'BE', N.frMobile, 60),
        sms('2026-05-08T09:00:00+02:00', 'sim-1', 'BE', N.beMobile, 10),
        call('2026-05-09T09:00:00+02:00', 'sim-1', 'BE', N.emergency, 300),
      ]),
    );
    // the 1 s call crosses the limit at its first second: paused from 2026-05-06T09:00 to the period end
    const pauses = decisionsOf(o, 'pause');
    expect(pauses).toHaveLength(1);
    expect(pauses[0]).toMatchObject({ at: '2026-05-06T09:00:00+02:00', until: PERIOD_0_END, line: 'sim-1', service: 'call', clauses: ['CLIC-2.3'] });
    // blocked: 1 s + the 60 s French call (all outgoing calls of the SIM are paused, not billed) = 61 s;
    // the 112 call goes through free (BASE-B.2.3): 300 s
    expect(treated(o, 0, 'sim-1', 'call', 'BE')).toEqual({ included: LIMIT_S, billed: 0, throttled: 0, blocked: 61, free: 300 });
    const blocked = decisionsOf(o, 'blocked');
    expect(blocked.map((d) => d.at)).toEqual(['2026-05-06T09:00:00+02:00', '2026-05-07T09:00:00+02:00']);
    for (const d of blocked) expect(d.clauses).toContain('CLIC-2.3');
    // only the service concerned is paused: the SMS is in the pack
    expect(treated(o, 0, 'sim-1', 'sms', 'BE')).toMatchObject({ included: 1, blocked: 0 });
    // nothing billed for the period
    expect(statement(o, '2026-05-15').totalCents).toBe(0);
  });

  it('the calls a pause blocks are one decision, from the first of them to the last (CLIC-2.3)', () => {
    const o = rate(
      timeline({ plan: 'clic-s', ...ONE_PERIOD }, [
        // 1,800,030 s from 04-15 08:00: the call crosses the limit by 30 s and is cut there (its own decision)
        call('2026-04-15T08:00:00+02:00', 'sim-1', 'BE', N.beMobile, LIMIT_S + 30),
        call('2026-05-07T09:00:00+02:00', 'sim-1', 'BE', N.beMobile, 60),
        call('2026-05-08T09:00:00+02:00', 'sim-1', 'BE', N.beFixed, 120),
        call('2026-05-09T09:00:00+02:00', 'sim-1', 'BE', N.beMobile, 45),
      ]),
    );
    // blocked: 30 s of the crossing call + 60 + 120 + 45 = 255 s
    expect(treated(o, 0, 'sim-1', 'call', 'BE')).toMatchObject({ included: LIMIT_S, billed: 0, blocked: 255 });
    // the cut is one decision (30 s, at the call's start); the three paused calls one more: 60 + 120 + 45 = 225 s,
    // at the first (05-07 09:00) until the last (05-09 09:00)
    const blocked = decisionsOf(o, 'blocked');
    expect(blocked.map((d) => [d.at, d.until, d.quantity])).toEqual([
      ['2026-04-15T08:00:00+02:00', undefined, 30],
      ['2026-05-07T09:00:00+02:00', '2026-05-09T09:00:00+02:00', 225],
    ]);
    expect(blocked[1]!.detail).toBe('call service paused until the end of the billing period (3 records from this one to the end of the period or of the block)');
  });

  it('the 30,000 minutes count only calls the pack counts: a call from Belgium to France does not (CLIC-2.3)', () => {
    const o = rate(
      timeline({ plan: 'clic-s', ...ONE_PERIOD }, [
        call('2026-04-15T08:00:00+02:00', 'sim-1', 'BE', N.frMobile, 60),
        call('2026-04-16T08:00:00+02:00', 'sim-1', 'BE', N.beMobile, LIMIT_S),
      ]),
    );
    // 60 s billed (international) + 1,800,000 s counted by the pack = exactly the limit: no pause
    expect(treated(o, 0, 'sim-1', 'call', 'BE')).toEqual({ included: LIMIT_S, billed: 60, throttled: 0, blocked: 0, free: 0 });
    expect(decisionsOf(o, 'pause')).toEqual([]);
    // 60 s × €0.19/60 s = €0.19 → 19 cents
    expect(statement(o, '2026-05-15').totalCents).toBe(19);
  });

  it('the pause ends with the billing period: the next period has its own 30,000 minutes (CLIC-2.3)', () => {
    const o = rate(
      timeline({ plan: 'clic-s', ...TWO_PERIODS }, [
        call('2026-04-15T08:00:00+02:00', 'sim-1', 'BE', N.beMobile, LIMIT_S),
        call('2026-05-06T09:00:00+02:00', 'sim-1', 'BE', N.beMobile, 1),
        call('2026-05-15T00:00:00+02:00', 'sim-1', 'BE', N.beMobile, 60),
      ]),
    );
    expect(decisionsOf(o, 'pause')).toMatchObject([{ at: '2026-05-06T09:00:00+02:00', until: PERIOD_0_END }]);
    // the call at the first instant of period 1 is not paused: 60 s included
    expect(treated(o, 1, 'sim-1', 'call', 'BE')).toEqual({ included: 60, billed: 0, throttled: 0, blocked: 0, free: 0 });
  });

  it('the limit is per SIM: another SIM of the pack keeps calling (CLIC-2.3)', () => {
    const o = rate(
      timeline({ plan: 'clic-m', ...ONE_PERIOD, lines: [['sim-1', 'mobile'], ['sim-2', 'mobile']] }, [
        call('2026-04-15T08:00:00+02:00', 'sim-1', 'BE', N.beMobile, LIMIT_S),
        call('2026-05-06T09:00:00+02:00', 'sim-1', 'BE', N.beMobile, 1),
        call('2026-05-06T10:00:00+02:00', 'sim-2', 'BE', N.beMobile, 60),
      ]),
    );
    expect(decisionsOf(o, 'pause')).toMatchObject([{ line: 'sim-1', service: 'call' }]);
    expect(treated(o, 0, 'sim-1', 'call', 'BE')).toMatchObject({ included: LIMIT_S, blocked: 1 });
    expect(treated(o, 0, 'sim-2', 'call', 'BE')).toEqual({ included: 60, billed: 0, throttled: 0, blocked: 0, free: 0 });
  });
});

describe('CLIC-2.3: what the calls pause covers', () => {
  it('a single call that crosses 30,000 minutes is cut at the limit: the rest is blocked, not billed (CLIC-2.3)', () => {
    const o = rate(timeline({ plan: 'clic-s', ...ONE_PERIOD }, [call('2026-04-15T08:00:00+02:00', 'sim-1', 'BE', N.beMobile, LIMIT_S + 60)]));
    // 1,800,060 s: 1,800,000 included, the 60 s beyond blocked
    expect(treated(o, 0, 'sim-1', 'call', 'BE')).toEqual({ included: LIMIT_S, billed: 0, throttled: 0, blocked: 60, free: 0 });
    expect(decisionsOf(o, 'pause')).toMatchObject([{ line: 'sim-1', service: 'call', until: PERIOD_0_END, clauses: ['CLIC-2.3'] }]);
    expect(statement(o, '2026-05-15').totalCents).toBe(0);
  });

  it('while calls are paused, outgoing 0800 calls are blocked too but incoming calls still arrive free (CLIC-2.3)', () => {
    const o = rate(
      timeline({ plan: 'clic-s', ...ONE_PERIOD }, [
        call('2026-04-15T08:00:00+02:00', 'sim-1', 'BE', N.beMobile, LIMIT_S),
        call('2026-05-06T09:00:00+02:00', 'sim-1', 'BE', N.beMobile, 1),
        call('2026-05-07T09:00:00+02:00', 'sim-1', 'BE', N.freephone, 120),
        call('2026-05-08T09:00:00+02:00', 'sim-1', 'BE', N.beFixed, 300, { direction: 'in' }),
      ]),
    );
    // READINGS: the pause covers all outgoing calls of the SIM (emergency excepted): 1 + 120 = 121 s blocked;
    // the incoming 300 s are free and not counted
    expect(treated(o, 0, 'sim-1', 'call', 'BE')).toEqual({ included: LIMIT_S, billed: 0, throttled: 0, blocked: 121, free: 300 });
  });

  it('a late roaming call made before the pause is not blocked after the fact (CLIC-2.3, BASE-D.8.3)', () => {
    const o = rate(
      timeline({ plan: 'clic-s', ...ONE_PERIOD }, [
        call('2026-04-15T08:00:00+02:00', 'sim-1', 'BE', N.beMobile, LIMIT_S),
        // made in Spain on 05-05, received 05-10
        call('2026-05-05T09:00:00+02:00', 'sim-1', 'ES', N.beMobile, 600, { recordedAt: '2026-05-10T09:00:00+02:00' }),
        call('2026-05-06T09:00:00+02:00', 'sim-1', 'BE', N.beMobile, 1),
      ]),
    );
    // in the order received: the 1 s call on 05-06 crosses the limit and pauses calls from then on
    expect(decisionsOf(o, 'pause')).toMatchObject([{ at: '2026-05-06T09:00:00+02:00' }]);
    // the Spanish call happened before the pause: it was delivered, so it is neither blocked nor billed
    const es = treated(o, 0, 'sim-1', 'call', 'EU');
    expect(es.blocked).toBe(0);
    expect(es.billed).toBe(0);
    expect(es.included + es.free).toBe(600);
    expect(decisionsOf(o, 'blocked').map((d) => d.at)).toEqual(['2026-05-06T09:00:00+02:00']);
  });
});

describe('CLIC-2.3: 30,000 SMS', () => {
  it('exactly 30,000 SMS is normal use; the next SMS is blocked and SMS are paused until the period ends (CLIC-2.3)', () => {
    const o = rate(
      timeline({ plan: 'clic-s', ...ONE_PERIOD }, [
        // 4,800,000 characters = 30,000 segments of 160 (BASE-A)
        sms('2026-04-16T09:00:00+02:00', 'sim-1', 'BE', N.beMobile, 4_800_000),
        sms('2026-04-17T09:00:00+02:00', 'sim-1', 'BE', N.beMobile, 1),
        call('2026-04-18T09:00:00+02:00', 'sim-1', 'BE', N.beMobile, 60),
      ]),
    );
    // 30,000 included; the 30,001st SMS blocked, not billed
    expect(treated(o, 0, 'sim-1', 'sms', 'BE')).toEqual({ included: 30_000, billed: 0, throttled: 0, blocked: 1, free: 0 });
    // the pause starts with the 30,001st SMS (2026-04-17T09:00), not with the 30,000th
    const pauses = decisionsOf(o, 'pause');
    expect(pauses).toHaveLength(1);
    expect(pauses[0]).toMatchObject({ at: '2026-04-17T09:00:00+02:00', until: PERIOD_0_END, line: 'sim-1', service: 'sms', clauses: ['CLIC-2.3'] });
    // calls are not the service concerned: included
    expect(treated(o, 0, 'sim-1', 'call', 'BE')).toMatchObject({ included: 60, blocked: 0 });
    expect(statement(o, '2026-05-15').totalCents).toBe(0);
  });
});

describe('CLIC-2.3: 300 GB in Belgium, 100 GB in the EU zone, per SIM', () => {
  const lines: Array<[string, 'mobile' | 'data']> = [['sim-1', 'mobile'], ['sim-2', 'mobile'], ['data-1', 'data']];

  it('exactly 300 GB in Belgium is normal use; one byte more goes at 512 kbps, free, on that SIM only (CLIC-2.3, CLIC-2.4)', () => {
    const o = rate(
      timeline({ plan: 'clic-unlimited', ...ONE_PERIOD, lines }, [
        data('2026-04-16T08:00:00+02:00', 'sim-1', 'BE', 300 * GB, 36_000),
        data('2026-04-20T08:00:00+02:00', 'sim-1', 'BE', 1, 10),
        data('2026-04-21T08:00:00+02:00', 'sim-2', 'BE', 1 * GB, 3_600),
        data('2026-04-22T08:00:00+02:00', 'data-1', 'BE', 300 * GB, 36_000),
      ]),
    );
    // sim-1: 300,000,000,000 bytes included; the next byte throttled (1 ≤ 64,000 B/s × 10 s), not billed
    expect(treated(o, 0, 'sim-1', 'data', 'BE')).toEqual({ included: 300 * GB, billed: 0, throttled: 1, blocked: 0, free: 0 });
    const throttles = decisionsOf(o, 'throttle');
    expect(throttles).toHaveLength(1);
    expect(throttles[0]).toMatchObject({ at: '2026-04-20T08:00:00+02:00', until: PERIOD_0_END, line: 'sim-1', service: 'data', zone: 'BE', clauses: ['CLIC-2.3'] });
    // per SIM: sim-2 and the data SIM (its own 300 GB, CLIC-2.4) are untouched
    expect(treated(o, 0, 'sim-2', 'data', 'BE')).toMatchObject({ included: 1 * GB, throttled: 0 });
    expect(treated(o, 0, 'data-1', 'data', 'BE')).toMatchObject({ included: 300 * GB, throttled: 0 });
    expect(statement(o, '2026-05-15').totalCents).toBe(0);
  });

  it('beyond 100 GB in the EU zone an unlimited SIM goes at 512 kbps and is not billed, apart from its 300 GB in Belgium (CLIC-2.3)', () => {
    const o = rate(
      timeline({ plan: 'clic-unlimited', ...ONE_PERIOD, lines }, [
        data('2026-04-16T08:00:00+02:00', 'sim-1', 'FR', 100 * GB, 36_000),
        data('2026-04-20T08:00:00+02:00', 'sim-1', 'BE', 300 * GB, 36_000),
        data('2026-04-25T08:00:00+02:00', 'sim-1', 'FR', 100_000_000, 600),
      ]),
    );
    // EU: 100 GB included; the next 100,000,000 bytes at 512 kbps for 600 s:
    // 64,000 B/s × 600 s = 38,400,000 throttled, 100,000,000 − 38,400,000 = 61,600,000 blocked
    expect(treated(o, 0, 'sim-1', 'data', 'EU')).toEqual({ included: 100 * GB, billed: 0, throttled: 38_400_000, blocked: 61_600_000, free: 0 });
    // Belgium is counted separately: 300 GB included, no throttle in BE
    expect(treated(o, 0, 'sim-1', 'data', 'BE')).toEqual({ included: 300 * GB, billed: 0, throttled: 0, blocked: 0, free: 0 });
    expect(decisionsOf(o, 'throttle')).toMatchObject([{ at: '2026-04-25T08:00:00+02:00', until: PERIOD_0_END, line: 'sim-1', zone: 'EU', clauses: ['CLIC-2.3'] }]);
    expect(statement(o, '2026-05-15').totalCents).toBe(0);
  });

  it('fair-use limits are monthly and not prorated in a shorter first period (CLIC-2.3, BASE-D.8.3)', () => {
    // start 2026-04-20, cycle day 15: period 0 = 2026-04-20..2026-05-15, 25 of the 30 days of its cycle
    const o = rate(
      timeline({ plan: 'clic-unlimited', start: '2026-04-20', cycleDay: 15, until: '2026-05-15' }, [
        call('2026-04-20T08:00:00+02:00', 'sim-1', 'BE', N.beMobile, LIMIT_S),
        data('2026-04-21T08:00:00+02:00', 'sim-1', 'BE', 300 * GB, 36_000),
      ]),
    );
    // prorated limits would be 1,800,000 × 25/30 = 1,500,000 s and 300 GB × 25/30 = 250 GB;
    // the limits are 30,000 min and 300 GB whole, so everything is included
    expect(treated(o, 0, 'sim-1', 'call', 'BE')).toEqual({ included: LIMIT_S, billed: 0, throttled: 0, blocked: 0, free: 0 });
    expect(treated(o, 0, 'sim-1', 'data', 'BE')).toEqual({ included: 300 * GB, billed: 0, throttled: 0, blocked: 0, free: 0 });
    expect(decisionsOf(o, 'pause')).toEqual([]);
    expect(decisionsOf(o, 'throttle')).toEqual([]);
    // the fee is prorated: €90.00 × 25/30 = €75.00 → 7500 cents
    expect(statement(o, '2026-04-20').totalCents).toBe(7500);
  });
});
