/**
 * Golden tests — abuse (BASE-B.3.3.1, BASE-D.6.3, CLIC-2.10, CLIC-2.7). READINGS (README): messages to
 * more than 20 recipients are flagged (B.3.3.1); on BASE unlimited plans, use beyond the catalog's
 * fair-use limits is flagged as abnormal (D.6.3, D.10.2.1) rather than paused — BASE Plus borrows
 * CLIC-2.3's 30,000 minutes and 30,000 SMS per SIM and period; Phone2Go emergency calls outside
 * CLIC-2.10's conditions are flagged, never blocked; Phone2Go is only sold with CLIC, not CLIC Bureau
 * (CLIC-2.7).
 *
 * One whole period each: cycle day 1, 2026-03-01..2026-04-01 (before the DST switch of 03-29 the
 * instants used are +01:00).
 */
import { describe, expect, it } from 'vitest';
import { callWith, decisionsCiting, linesOf } from './account-builder.ts';
import { call, decisionsOf, N, rate, sms, statement, timeline, treated } from './timeline-builder.ts';

const MARCH = { start: '2026-03-01', cycleDay: 1, until: '2026-04-01' };

describe('BASE-B.3.3.1: messages to groups of more than 20', () => {
  it('an SMS to 21 recipients is flagged, and still delivered as 21 SMS (BASE-B.3.3.1)', () => {
    const o = rate(timeline({ plan: 'base-light', ...MARCH }, [sms('2026-03-10T10:00:00+01:00', 'sim-1', 'BE', N.beMobile, 100, { recipients: 21 })]));
    expect(decisionsCiting(o, 'flag', 'BASE-B.3.3.1').map((d) => d.at)).toEqual(['2026-03-10T10:00:00+01:00']);
    // 1 segment × 21 recipients = 21 SMS, in BASE Light's 200
    expect(treated(o, 0, 'sim-1', 'sms', 'BE')).toEqual({ included: 21, billed: 0, throttled: 0, blocked: 0, free: 0 });
  });

  it('an SMS to exactly 20 recipients is not flagged (BASE-B.3.3.1)', () => {
    const o = rate(timeline({ plan: 'base-light', ...MARCH }, [sms('2026-03-10T10:00:00+01:00', 'sim-1', 'BE', N.beMobile, 100, { recipients: 20 })]));
    expect(decisionsCiting(o, 'flag', 'BASE-B.3.3.1')).toEqual([]);
    expect(treated(o, 0, 'sim-1', 'sms', 'BE')).toMatchObject({ included: 20 });
  });
});

describe('BASE-D.6.3: abnormal use of a BASE unlimited offer is flagged, not paused', () => {
  it('the 30,001st SMS of a period on BASE Plus is flagged, and neither paused, blocked nor billed (BASE-D.6.3)', () => {
    const o = rate(
      timeline({ plan: 'base-plus', ...MARCH }, [
        // 4,800,000 characters = 30,000 segments of 160
        sms('2026-03-02T10:00:00+01:00', 'sim-1', 'BE', N.beMobile, 4_800_000),
        sms('2026-03-03T10:00:00+01:00', 'sim-1', 'BE', N.beMobile, 1),
      ]),
    );
    expect(decisionsCiting(o, 'flag', 'BASE-D.6.3').map((d) => d.at)).toEqual(['2026-03-03T10:00:00+01:00']);
    expect(decisionsOf(o, 'pause')).toEqual([]);
    expect(treated(o, 0, 'sim-1', 'sms', 'BE')).toEqual({ included: 30_001, billed: 0, throttled: 0, blocked: 0, free: 0 });
    // the fee only: 2500
    expect(statement(o, '2026-04-01').totalCents).toBe(0);
    expect(statement(o, '2026-03-01').totalCents).toBe(2500);
  });

  it('exactly 30,000 SMS on BASE Plus are normal use: no flag (BASE-D.6.3)', () => {
    const o = rate(timeline({ plan: 'base-plus', ...MARCH }, [sms('2026-03-02T10:00:00+01:00', 'sim-1', 'BE', N.beMobile, 4_800_000)]));
    expect(decisionsCiting(o, 'flag', 'BASE-D.6.3')).toEqual([]);
  });

  it('calls beyond 30,000 minutes on BASE Plus are flagged, not paused: the extra 60 s are still delivered (BASE-D.6.3)', () => {
    const o = rate(
      timeline({ plan: 'base-plus', ...MARCH }, [
        // 30,000 min = 1,800,000 s
        call('2026-03-02T00:00:00+01:00', 'sim-1', 'BE', N.beMobile, 1_800_000),
        call('2026-03-25T10:00:00+01:00', 'sim-1', 'BE', N.beMobile, 60),
      ]),
    );
    expect(decisionsCiting(o, 'flag', 'BASE-D.6.3').map((d) => d.at)).toEqual(['2026-03-25T10:00:00+01:00']);
    expect(decisionsOf(o, 'pause')).toEqual([]);
    expect(treated(o, 0, 'sim-1', 'call', 'BE')).toEqual({ included: 1_800_060, billed: 0, throttled: 0, blocked: 0, free: 0 });
  });
});

describe('CLIC-2.10: Phone2Go emergency calls', () => {
  const P2G = { plan: 'clic-s', ...MARCH, options: ['phone2go' as const], lines: [['sim-1', 'mobile'], ['p2g-1', 'phone2go']] as Array<[string, 'mobile' | 'phone2go']> };

  it('an emergency call from the mobile app without location permission is flagged and still free, not blocked (CLIC-2.10, BASE-B.2.3)', () => {
    const o = rate(
      timeline(P2G, [callWith('2026-03-10T10:00:00+01:00', 'p2g-1', 'BE', N.emergency, 60, { via: { app: 'mobile', locationShared: false, network: 'mobile' } })]),
    );
    expect(decisionsCiting(o, 'flag', 'CLIC-2.10').map((d) => d.at)).toEqual(['2026-03-10T10:00:00+01:00']);
    expect(decisionsOf(o, 'blocked')).toEqual([]);
    expect(treated(o, 0, 'p2g-1', 'call', 'BE')).toEqual({ included: 0, billed: 0, throttled: 0, blocked: 0, free: 60 });
  });

  it('an emergency call from the mobile app over wifi is flagged, not blocked (CLIC-2.10)', () => {
    const o = rate(
      timeline(P2G, [callWith('2026-03-10T10:00:00+01:00', 'p2g-1', 'BE', N.emergency, 60, { via: { app: 'mobile', locationShared: true, network: 'wifi' } })]),
    );
    expect(decisionsCiting(o, 'flag', 'CLIC-2.10')).toHaveLength(1);
    expect(treated(o, 0, 'p2g-1', 'call', 'BE')).toMatchObject({ blocked: 0, free: 60 });
  });

  it('an emergency call from the desktop app away from the installation address is flagged, not blocked (CLIC-2.10)', () => {
    const o = rate(
      timeline(P2G, [callWith('2026-03-10T10:00:00+01:00', 'p2g-1', 'BE', N.emergency, 60, { via: { app: 'desktop', atInstallationAddress: false } })]),
    );
    expect(decisionsCiting(o, 'flag', 'CLIC-2.10')).toHaveLength(1);
    expect(treated(o, 0, 'p2g-1', 'call', 'BE')).toMatchObject({ blocked: 0, free: 60 });
  });

  it('emergency calls within the conditions — mobile app in Belgium with location over the mobile network, desktop app at the installation address — are not flagged (CLIC-2.10)', () => {
    const o = rate(
      timeline(P2G, [
        callWith('2026-03-10T10:00:00+01:00', 'p2g-1', 'BE', N.emergency, 60, { via: { app: 'mobile', locationShared: true, network: 'mobile' } }),
        callWith('2026-03-11T10:00:00+01:00', 'p2g-1', 'BE', N.emergency, 60, { via: { app: 'desktop', atInstallationAddress: true } }),
      ]),
    );
    expect(decisionsCiting(o, 'flag', 'CLIC-2.10')).toEqual([]);
    expect(treated(o, 0, 'p2g-1', 'call', 'BE')).toMatchObject({ blocked: 0, free: 120 });
  });
});

describe('CLIC-2.7: Phone2Go only with CLIC', () => {
  it('Phone2Go on CLIC Bureau is refused and its fee is not billed (CLIC-2.7)', () => {
    const o = rate(timeline({ plan: 'clic-bureau', ...MARCH, options: ['phone2go'], lines: [['sim-1', 'mobile'], ['p2g-1', 'phone2go']] }, []));
    expect(decisionsCiting(o, 'refused', 'CLIC-2.7')).toHaveLength(1);
    expect(linesOf(o, 'option_fee')).toEqual([]);
    // CLIC Bureau's fee only: 3500
    expect(statement(o, '2026-03-01').totalCents).toBe(3500);
  });

  it('Phone2Go on CLIC is sold: €10.00 a month beside the pack (CLIC-2.7)', () => {
    const o = rate(timeline({ plan: 'clic-s', ...MARCH, options: ['phone2go'], lines: [['sim-1', 'mobile'], ['p2g-1', 'phone2go']] }, []));
    expect(decisionsCiting(o, 'refused', 'CLIC-2.7')).toEqual([]);
    // 4500 + 1000 = 5500
    expect(linesOf(o, 'option_fee').map((l) => l.amountCents)).toEqual([1000]);
    expect(statement(o, '2026-03-01').totalCents).toBe(5500);
  });
});
