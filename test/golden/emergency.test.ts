/**
 * Golden tests — BASE-B.2.3: emergency services are reachable. The model's rule: emergency numbers
 * (100, 101, 112) are never charged and never blocked — not on a data SIM (CLIC-2.4), not while calls
 * or SMS are paused (CLIC-2.3), not from a Phone2Go licence (CLIC-2.9, CLIC-2.10: flagged at most) —
 * and they never count against the pack. One whole period 2026-04-15..2026-05-15.
 */
import { describe, expect, it } from 'vitest';
import { call, decisionsOf, N, rate, sms, statement, timeline, treated, usageLines } from './timeline-builder.ts';

const ONE_PERIOD = { start: '2026-04-15', cycleDay: 15, until: '2026-05-15' };

describe('BASE-B.2.3: emergency calls are never charged nor blocked', () => {
  it('calls to 112, 100 and 101 are free (BASE-B.2.3)', () => {
    const o = rate(
      timeline({ plan: 'clic-s', ...ONE_PERIOD }, [
        call('2026-04-20T09:00:00+02:00', 'sim-1', 'BE', N.emergency, 600),
        call('2026-04-20T10:00:00+02:00', 'sim-1', 'BE', '100', 60),
        call('2026-04-20T11:00:00+02:00', 'sim-1', 'BE', '101', 60),
      ]),
    );
    // 600 + 60 + 60 = 720 s free
    expect(treated(o, 0, 'sim-1', 'call', 'BE')).toEqual({ included: 0, billed: 0, throttled: 0, blocked: 0, free: 720 });
    expect(usageLines(o)).toEqual([]);
    expect(statement(o, '2026-05-15').totalCents).toBe(0);
  });

  it('an emergency call from a data SIM is free and not blocked (BASE-B.2.3, CLIC-2.4)', () => {
    const o = rate(
      timeline({ plan: 'clic-s', ...ONE_PERIOD, lines: [['sim-1', 'mobile'], ['data-1', 'data']] }, [
        call('2026-04-20T09:00:00+02:00', 'data-1', 'BE', N.emergency, 300),
      ]),
    );
    expect(treated(o, 0, 'data-1', 'call', 'BE')).toEqual({ included: 0, billed: 0, throttled: 0, blocked: 0, free: 300 });
    expect(decisionsOf(o, 'blocked')).toEqual([]);
  });

  it('an emergency call goes through while the calls service is paused (BASE-B.2.3, CLIC-2.3)', () => {
    const o = rate(
      timeline({ plan: 'clic-s', ...ONE_PERIOD }, [
        // 30,000 min = 1,800,000 s, then one more second pauses calls from 2026-05-06T09:00
        call('2026-04-15T08:00:00+02:00', 'sim-1', 'BE', N.beMobile, 1_800_000),
        call('2026-05-06T09:00:00+02:00', 'sim-1', 'BE', N.beMobile, 1),
        call('2026-05-07T09:00:00+02:00', 'sim-1', 'BE', N.emergency, 300),
      ]),
    );
    expect(decisionsOf(o, 'pause')).toMatchObject([{ at: '2026-05-06T09:00:00+02:00', service: 'call' }]);
    // the 1 s is blocked; the 300 s to 112 are free
    expect(treated(o, 0, 'sim-1', 'call', 'BE')).toEqual({ included: 1_800_000, billed: 0, throttled: 0, blocked: 1, free: 300 });
    // the only blocked record is the 1 s call
    expect(decisionsOf(o, 'blocked').map((d) => d.at)).toEqual(['2026-05-06T09:00:00+02:00']);
  });

  it('an emergency SMS goes through while SMS are paused (BASE-B.2.3, CLIC-2.3)', () => {
    const o = rate(
      timeline({ plan: 'clic-s', ...ONE_PERIOD }, [
        // 4,800,000 characters = 30,000 SMS; the next SMS pauses the SMS service
        sms('2026-04-16T09:00:00+02:00', 'sim-1', 'BE', N.beMobile, 4_800_000),
        sms('2026-04-17T09:00:00+02:00', 'sim-1', 'BE', N.beMobile, 1),
        sms('2026-04-18T09:00:00+02:00', 'sim-1', 'BE', N.emergency, 50),
      ]),
    );
    expect(treated(o, 0, 'sim-1', 'sms', 'BE')).toEqual({ included: 30_000, billed: 0, throttled: 0, blocked: 1, free: 1 });
  });

  it('an emergency call from a Phone2Go licence is free and not blocked (BASE-B.2.3, CLIC-2.9)', () => {
    const o = rate(
      timeline(
        { plan: 'clic-s', ...ONE_PERIOD, options: ['phone2go'], lines: [['sim-1', 'mobile'], ['p2g-1', 'phone2go']] },
        [call('2026-04-20T09:00:00+02:00', 'p2g-1', 'BE', N.emergency, 120)],
      ),
    );
    expect(treated(o, 0, 'p2g-1', 'call', 'BE')).toEqual({ included: 0, billed: 0, throttled: 0, blocked: 0, free: 120 });
    expect(decisionsOf(o, 'blocked')).toEqual([]);
  });

  it('an emergency call from a Phone2Go licence on CLIC Bureau, where the option is refused, is still not blocked (BASE-B.2.3, CLIC-2.7)', () => {
    const o = rate(
      timeline(
        { plan: 'clic-bureau', ...ONE_PERIOD, options: ['phone2go'], lines: [['sim-1', 'mobile'], ['p2g-1', 'phone2go']] },
        [call('2026-04-20T09:00:00+02:00', 'p2g-1', 'BE', N.emergency, 120)],
      ),
    );
    expect(treated(o, 0, 'p2g-1', 'call', 'BE')).toEqual({ included: 0, billed: 0, throttled: 0, blocked: 0, free: 120 });
    expect(decisionsOf(o, 'blocked')).toEqual([]);
  });

  it('an emergency call from abroad, in or outside the EU zone, is free (BASE-B.2.3)', () => {
    const o = rate(
      timeline({ plan: 'clic-s', ...ONE_PERIOD }, [
        call('2026-04-20T09:00:00+02:00', 'sim-1', 'FR', N.emergency, 60),
        call('2026-04-25T09:00:00+02:00', 'sim-1', 'US', N.emergency, 60),
      ]),
    );
    expect(treated(o, 0, 'sim-1', 'call', 'EU')).toEqual({ included: 0, billed: 0, throttled: 0, blocked: 0, free: 60 });
    expect(treated(o, 0, 'sim-1', 'call', 'WORLD')).toEqual({ included: 0, billed: 0, throttled: 0, blocked: 0, free: 60 });
    expect(statement(o, '2026-05-15').totalCents).toBe(0);
  });

  it('emergency calls do not use the included minutes (BASE-B.2.3)', () => {
    const o = rate(
      timeline({ plan: 'clic-bureau', ...ONE_PERIOD }, [
        call('2026-04-20T09:00:00+02:00', 'sim-1', 'BE', N.emergency, 600),
        call('2026-04-21T09:00:00+02:00', 'sim-1', 'BE', N.beMobile, 30_000),
      ]),
    );
    // the 500 min = 30,000 s are still whole after the 600 s emergency call: nothing billed
    expect(treated(o, 0, 'sim-1', 'call', 'BE')).toEqual({ included: 30_000, billed: 0, throttled: 0, blocked: 0, free: 600 });
    expect(statement(o, '2026-05-15').totalCents).toBe(0);
  });
});
