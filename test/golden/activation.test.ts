/**
 * Golden tests — activation (CLIC-2.5, BASE-D.10.1). READINGS (README, "the account's life"): service
 * and fees start at the first `activation` event, or on `contract.start` when the timeline has neither
 * an activation nor a `sim_received`; CLIC SIMs received on day D must be activated by the end of day
 * D + 14, otherwise the contract is terminated at 00:00 on D + 15 and nothing is billed; usage before
 * activation is bad input. The first period runs from activation to the next cycle day, prorated on the
 * cycle that contains it (BASE-D.8.3).
 */
import { describe, expect, it } from 'vitest';
import { accountTimeline, activation, decisionsCiting, simReceived } from './account-builder.ts';
import { call, decisionsOf, N, rate, statement } from './timeline-builder.ts';

// CLIC S (€45.00), cycle day 1. SIMs received on Monday 2026-03-02 (D): D + 14 = 2026-03-16 is the last
// day to activate; D + 15 = 2026-03-17.
const CLIC_MARCH = { plan: 'clic-s', start: '2026-03-02', cycleDay: 1, until: '2026-04-01' };
const received = simReceived('2026-03-02T10:00:00+01:00');

describe('CLIC-2.5: SIMs are activated within 14 days of receipt', () => {
  it('SIMs activated late on day 14 after receipt start the subscription, billed from that day (CLIC-2.5, BASE-D.10.1)', () => {
    const o = rate(accountTimeline(CLIC_MARCH, [received, activation('2026-03-16T23:00:00+01:00')]));
    expect(decisionsCiting(o, 'termination', 'CLIC-2.5')).toEqual([]);
    expect(decisionsOf(o, 'activation').map((d) => d.at)).toEqual(['2026-03-16T23:00:00+01:00']);
    // period 2026-03-16..2026-04-01 = 16 days of the 31-day cycle 2026-03-01..2026-04-01
    expect(o.periods).toEqual([{ index: 0, start: '2026-03-16', end: '2026-04-01', days: 16, cycleDays: 31 }]);
    // €45.00 × 16/31 = €23.2258… → €23.23 = 2323, in advance on the statement of the activation day
    const first = statement(o, '2026-03-16');
    expect(first.lines.map((l) => [l.category, l.quantity, l.amountCents])).toEqual([['subscription_fee', 16, 2323]]);
    expect(o.balances.billedCents).toBe(2323);
  });

  it('SIMs activated on day 15 after receipt are too late: the contract was terminated at 00:00 that day and nothing is billed (CLIC-2.5)', () => {
    const o = rate(accountTimeline(CLIC_MARCH, [received, activation('2026-03-17T09:00:00+01:00')]));
    // terminated at 00:00 on D + 15 = 2026-03-17 (+01:00, before the DST switch)
    expect(decisionsCiting(o, 'termination', 'CLIC-2.5').map((d) => d.at)).toEqual(['2026-03-17T00:00:00+01:00']);
    expect(decisionsOf(o, 'activation')).toEqual([]);
    // no service day: no fee, no statement total
    expect(o.statements.flatMap((s) => s.lines)).toEqual([]);
    expect(o.balances.billedCents).toBe(0);
  });

  it('SIMs received and never activated end the contract on D + 15 with nothing billed (CLIC-2.5)', () => {
    const o = rate(accountTimeline(CLIC_MARCH, [received]));
    expect(decisionsCiting(o, 'termination', 'CLIC-2.5').map((d) => d.at)).toEqual(['2026-03-17T00:00:00+01:00']);
    expect(o.balances.billedCents).toBe(0);
  });

  it('fees start at activation, not at receipt: activated on day 7 → 23 days of March (CLIC-2.5, BASE-D.10.1)', () => {
    const o = rate(accountTimeline(CLIC_MARCH, [received, activation('2026-03-09T10:00:00+01:00')]));
    // 2026-03-09..2026-04-01 = 23 days of 31: €45.00 × 23/31 = €33.3871 → €33.39 = 3339
    expect(statement(o, '2026-03-09').lines.map((l) => [l.category, l.quantity, l.amountCents])).toEqual([['subscription_fee', 23, 3339]]);
    expect(o.statements.map((s) => s.issuedOn)[0]).toBe('2026-03-09');
  });
});

describe('BASE-D.10.1: the subscription starts at activation', () => {
  // BASE Light (€10.00), cycle day 1; contract signed 2026-03-01, activated 2026-03-10 at noon
  const BASE_SPEC = { plan: 'base-light', start: '2026-03-01', cycleDay: 1, until: '2026-05-01' };

  it('fees start on the day of activation: 22/31 of March, then whole months (BASE-D.10.1, BASE-D.8.3)', () => {
    const o = rate(
      accountTimeline(BASE_SPEC, [
        activation('2026-03-10T12:00:00+01:00'),
        // right after activation: 60 s to 0900 at €1.50/min = €1.50
        call('2026-03-10T13:00:00+01:00', 'sim-1', 'BE', N.premium, 60),
      ]),
    );
    expect(decisionsOf(o, 'activation')).toMatchObject([{ at: '2026-03-10T12:00:00+01:00', clauses: ['BASE-D.10.1'] }]);
    // 2026-03-10..2026-04-01 = 22 days of 31: €10.00 × 22/31 = €7.0968 → €7.10 = 710
    expect(statement(o, '2026-03-10').totalCents).toBe(710);
    // April in advance 1000 + March's 150 = 1150
    expect(statement(o, '2026-04-01').totalCents).toBe(1150);
    // nothing on 2026-03-01: no statement before the activation
    expect(o.statements.map((s) => s.issuedOn)).not.toContain('2026-03-01');
  });

  it('without an activation event the subscription starts on contract.start (BASE-D.10.1)', () => {
    const o = rate(accountTimeline({ ...BASE_SPEC, start: '2026-03-10' }, []));
    // the same 22/31 of €10.00 = 710
    expect(statement(o, '2026-03-10').totalCents).toBe(710);
  });

  it('usage before activation is bad input (BASE-D.10.1)', () => {
    expect(() =>
      rate(accountTimeline(BASE_SPEC, [call('2026-03-05T10:00:00+01:00', 'sim-1', 'BE', N.beMobile, 60), activation('2026-03-10T12:00:00+01:00')])),
    ).toThrow(/activation/);
  });
});
