/**
 * Golden tests — lost or stolen SIM (BASE-B.3.1.3, BASE-B.3.2.4). READINGS (README, "the account's
 * life"): usage before the report is billed, after it blocked; fees stay due. Service comes back at
 * `suspension_lifted` (or at `sim_replaced` without one). Days after the fifth working day (Belgian public
 * holidays excluded) following the new SIM until the day of the lift get no subscription fee: lifted on
 * the fifth working day, no credit; on the sixth, one day.
 *
 * Dates around Easter 2026 (Easter Sunday 5 April, Easter Monday 6 April, a Belgian public holiday).
 * The new SIM arrives on Wednesday 2026-04-01. Working days after it:
 *   Thu 04-02 (1), Fri 04-03 (2) — Good Friday is not a public holiday in Belgium —, Sat 04-04 and
 *   Sun 04-05 (weekend), Mon 04-06 (Easter Monday: holiday), Tue 04-07 (3), Wed 04-08 (4),
 *   Thu 04-09 (5), Fri 04-10 (6).
 * Without the holiday the fifth working day would be Wed 04-08, and a lift on 04-09 would earn a credit.
 *
 * BASE Light (€10.00), cycle day 1 from 2026-03-01: April is the 30-day period 2026-04-01..2026-05-01.
 */
import { describe, expect, it } from 'vitest';
import { addWorkingDays, belgianHolidays, easterSunday } from '../../src/domain/holidays.ts';
import { parseDate } from '../../src/domain/time.ts';
import { accountTimeline, linesOf, simLost, simReplaced, suspensionLifted } from './account-builder.ts';
import { call, N, rate, statement, treated } from './timeline-builder.ts';

const SPEC = { plan: 'base-light', start: '2026-03-01', cycleDay: 1, until: '2026-06-01' };
const day = (s: string) => parseDate(s)!;

const beforeReport = call('2026-03-28T10:00:00+01:00', 'sim-1', 'BE', N.premium, 60);
const report = simLost('2026-03-28T12:00:00+01:00', 'sim-1', 'lost');
// 2026-03-29 is the DST switch: from then on +02:00
const afterReport = call('2026-03-30T10:00:00+02:00', 'sim-1', 'BE', N.premium, 60);
const newSim = simReplaced('2026-04-01T10:00:00+02:00', 'sim-1');

describe('Belgian working days around Easter 2026', () => {
  it('Easter Monday 2026-04-06 is a public holiday, so the fifth working day after 2026-04-01 is 2026-04-09 (BASE-B.3.1.3)', () => {
    expect(easterSunday(2026)).toBe(day('2026-04-05'));
    expect(belgianHolidays(2026)).toContain(day('2026-04-06'));
    expect(addWorkingDays(day('2026-04-01'), 5)).toBe(day('2026-04-09'));
    expect(addWorkingDays(day('2026-04-01'), 6)).toBe(day('2026-04-10'));
  });
});

describe('BASE-B.3.1.3 / B.3.2.4: a lost or stolen SIM', () => {
  it('usage before the report is billed, usage after it is blocked, and the fee stays due (BASE-B.3.1.3)', () => {
    const o = rate(accountTimeline(SPEC, [beforeReport, report, afterReport, newSim, suspensionLifted('2026-04-09T10:00:00+02:00')]));
    // March: 60 s billed (before the report), 60 s blocked (after it)
    expect(treated(o, 0, 'sim-1', 'call', 'BE')).toEqual({ included: 0, billed: 60, throttled: 0, blocked: 60, free: 0 });
    // 2026-04-01: April's fee in full (1000) + 60 s × €1.50/min (150) = 1150
    expect(statement(o, '2026-04-01').totalCents).toBe(1150);
  });

  it('lifted on the fifth working day after the new SIM (Thursday 2026-04-09, Easter Monday not counted): no credit (BASE-B.3.1.3)', () => {
    const o = rate(
      accountTimeline(SPEC, [
        beforeReport,
        report,
        afterReport,
        newSim,
        suspensionLifted('2026-04-09T10:00:00+02:00'),
        call('2026-04-09T12:00:00+02:00', 'sim-1', 'BE', N.premium, 60),
      ]),
    );
    expect(linesOf(o, 'credit')).toEqual([]);
    // service is back after the lift: April (period 1) 60 s billed, nothing blocked
    expect(treated(o, 1, 'sim-1', 'call', 'BE')).toEqual({ included: 0, billed: 60, throttled: 0, blocked: 0, free: 0 });
    // 2026-05-01: May 1000 + April's 150 = 1150
    expect(statement(o, '2026-05-01').totalCents).toBe(1150);
  });

  it('lifted on the sixth working day (Friday 2026-04-10): one day\'s fee credited, €10.00 × 1/30 = €0.33 (BASE-B.3.1.3)', () => {
    const o = rate(accountTimeline(SPEC, [beforeReport, report, afterReport, newSim, suspensionLifted('2026-04-10T10:00:00+02:00')]));
    // the day after the fifth working day (04-10) up to the day of the lift (04-10): 1 day of April's 30
    // €10.00 × 1/30 = €0.3333 → €0.33 = −33, on the statement after the lift (2026-05-01)
    const credits = linesOf(o, 'credit');
    expect(credits.map((l) => [l.quantity, l.amountCents, l.period.start, l.period.end])).toEqual([[1, -33, '2026-04-10', '2026-04-11']]);
    expect(credits[0]?.clauses).toContain('BASE-B.3.1.3');
    // May 1000 − 33 = 967
    expect(statement(o, '2026-05-01').totalCents).toBe(967);
  });

  it('a stolen phone\'s SIM is treated the same: lifted on the sixth working day, one day credited (BASE-B.3.2.4, BASE-B.3.1.3)', () => {
    const o = rate(
      accountTimeline(SPEC, [beforeReport, simLost('2026-03-28T12:00:00+01:00', 'sim-1', 'stolen'), afterReport, newSim, suspensionLifted('2026-04-10T10:00:00+02:00')]),
    );
    expect(treated(o, 0, 'sim-1', 'call', 'BE')).toMatchObject({ billed: 60, blocked: 60 });
    expect(linesOf(o, 'credit').map((l) => l.amountCents)).toEqual([-33]);
  });

  it('without a lift event, service comes back with the new SIM and no fee is credited (BASE-B.3.1.3)', () => {
    const o = rate(accountTimeline(SPEC, [beforeReport, report, newSim, call('2026-04-02T10:00:00+02:00', 'sim-1', 'BE', N.premium, 60)]));
    expect(linesOf(o, 'credit')).toEqual([]);
    expect(treated(o, 1, 'sim-1', 'call', 'BE')).toMatchObject({ billed: 60, blocked: 0 });
  });
});
