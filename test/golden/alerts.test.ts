/**
 * Golden tests — BASE-D.6.1.3: an SMS alert as soon as consumption exceeds the tariff plan, a second
 * when it exceeds it by more than €50; alerts may come late when roaming records arrive late.
 * READINGS: per period, the first alert when the usage charges (sum of the period's line amounts so far,
 * fee excluded) first exceed zero, the second when they exceed €50.00, at the arrival of the record
 * that crossed. On CLIC these BASE decisions are the assumed general layer.
 */
import { describe, expect, it } from 'vitest';
import { call, data, decisionsOf, N, rate, timeline } from './timeline-builder.ts';

const ONE_PERIOD = { start: '2026-04-15', cycleDay: 15, until: '2026-05-15' };
const TWO_PERIODS = { start: '2026-04-15', cycleDay: 15, until: '2026-06-15' };

function alerts(o: ReturnType<typeof rate>) {
  return decisionsOf(o, 'alert').map((d) => ({ at: d.at, amountCents: d.amountCents, clauses: d.clauses, assumed: d.assumed }));
}

describe('BASE-D.6.1.3: usage alerts', () => {
  it('an SMS alert is sent as soon as consumption exceeds the plan, not before (BASE-D.6.1.3)', () => {
    const o = rate(
      timeline({ plan: 'clic-s', ...ONE_PERIOD }, [
        call('2026-04-19T10:00:00+02:00', 'sim-1', 'BE', N.beMobile, 600),
        call('2026-04-19T11:00:00+02:00', 'sim-1', 'BE', N.freephone, 600),
        call('2026-04-20T10:00:00+02:00', 'sim-1', 'BE', N.frMobile, 120),
      ]),
    );
    // the in-pack and 0800 calls cost nothing; the French call 120 s × €0.19/60 s = 38 cents crosses zero
    expect(alerts(o)).toEqual([{ at: '2026-04-20T10:00:00+02:00', amountCents: 38, clauses: ['BASE-D.6.1.3'], assumed: true }]);
  });

  it('exactly €50.00 beyond the plan gives no second alert; one second more does (BASE-D.6.1.3)', () => {
    const o = rate(
      timeline({ plan: 'clic-s', ...ONE_PERIOD }, [
        call('2026-04-20T10:00:00+02:00', 'sim-1', 'BE', N.us, 3_000),
        call('2026-04-21T10:00:00+02:00', 'sim-1', 'BE', N.us, 1),
      ]),
    );
    // 3,000 s × €1.00/60 s (international.call_world) = €50.00 → 5000: first alert only (not more than €50)
    // 3,001 s × €1.00/60 s = €50.0166… → €50.02 → 5002 > 5000: second alert at the 1 s call
    expect(alerts(o)).toEqual([
      { at: '2026-04-20T10:00:00+02:00', amountCents: 5000, clauses: ['BASE-D.6.1.3'], assumed: true },
      { at: '2026-04-21T10:00:00+02:00', amountCents: 5002, clauses: ['BASE-D.6.1.3'], assumed: true },
    ]);
  });

  it('usage beyond the pack that still rounds to 0 cents gives no alert yet (BASE-D.6.1.3)', () => {
    const o = rate(
      timeline({ plan: 'clic-bureau', ...ONE_PERIOD }, [
        call('2026-04-20T10:00:00+02:00', 'sim-1', 'BE', N.beMobile, 30_000),
        call('2026-04-21T10:00:00+02:00', 'sim-1', 'BE', N.beMobile, 1),
        call('2026-04-22T10:00:00+02:00', 'sim-1', 'BE', N.beMobile, 1),
      ]),
    );
    // 1 s beyond: €0.0025 → 0 cents, no alert; 2 s beyond: €0.005 → 0.5 cent → 1 cent (half up): alert
    expect(alerts(o)).toEqual([{ at: '2026-04-22T10:00:00+02:00', amountCents: 1, clauses: ['BASE-D.6.1.3'], assumed: true }]);
  });

  it('alerts count per billing period (BASE-D.6.1.3)', () => {
    const o = rate(
      timeline({ plan: 'clic-s', ...TWO_PERIODS }, [
        call('2026-04-20T10:00:00+02:00', 'sim-1', 'BE', N.frMobile, 120),
        call('2026-05-20T10:00:00+02:00', 'sim-1', 'BE', N.frMobile, 60),
      ]),
    );
    // period 0: 120 s × €0.19/60 s = 38 cents; period 1 starts again from zero: 60 s → 19 cents
    expect(alerts(o).map((a) => [a.at, a.amountCents])).toEqual([
      ['2026-04-20T10:00:00+02:00', 38],
      ['2026-05-20T10:00:00+02:00', 19],
    ]);
  });

  it('a roaming record received late gives late alerts, when it arrives (BASE-D.6.1.3, BASE-D.8.3)', () => {
    const o = rate(
      timeline({ plan: 'clic-s', ...TWO_PERIODS }, [
        data('2026-04-20T10:00:00+02:00', 'sim-1', 'US', 50_000_000, 600, { recordedAt: '2026-06-02T10:00:00+02:00' }),
      ]),
    );
    // 50 MB × €2.00/MB = €100.00 → 10000: above 0 and above €50 at once, both at the arrival 2026-06-02T10:00
    expect(alerts(o)).toEqual([
      { at: '2026-06-02T10:00:00+02:00', amountCents: 10_000, clauses: ['BASE-D.6.1.3'], assumed: true },
      { at: '2026-06-02T10:00:00+02:00', amountCents: 10_000, clauses: ['BASE-D.6.1.3'], assumed: true },
    ]);
  });

  it('a late roaming record that takes its period beyond €50 gives a late second alert (BASE-D.6.1.3)', () => {
    const o = rate(
      timeline({ plan: 'clic-s', ...TWO_PERIODS }, [
        call('2026-04-20T10:00:00+02:00', 'sim-1', 'BE', N.us, 2_400),
        data('2026-04-25T10:00:00+02:00', 'sim-1', 'US', 10_000_000, 600, { recordedAt: '2026-06-02T10:00:00+02:00' }),
      ]),
    );
    // in time: 2,400 s × €1.00/60 s = €40.00 → 4000: first alert on 2026-04-20.
    // late: 10 MB × €2.00/MB = €20.00 → 2000; period 0 now 4000 + 2000 = 6000 > 5000: second alert on arrival
    expect(alerts(o).map((a) => [a.at, a.amountCents])).toEqual([
      ['2026-04-20T10:00:00+02:00', 4000],
      ['2026-06-02T10:00:00+02:00', 6000],
    ]);
  });
});
