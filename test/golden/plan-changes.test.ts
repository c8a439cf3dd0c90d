/**
 * Golden tests — plan changes (CLIC-2.6, BASE-D.8.3, BASE-D.6.5). READINGS (README, "the account's
 * life"): CLIC: a plan with more data applies from the day of the request, less data from the first day
 * of the next period, a downgrade in the period of an upgrade is refused and flagged. BASE: at once
 * (D.8.3), refused before the end of a fixed term unless `allowedByOperator` (D.6.5). The fee charged in
 * advance is settled pro rata on the next statement: the old plan credited and the new one charged for
 * the days from the change (the day of the change counts for the new plan). The period's allowance is
 * the sum of each plan's allowance over its days, prorated.
 *
 * All cases: cycle day 1, from 2026-03-01. A change on 2026-03-11 leaves 2026-03-11..2026-04-01 = 21 days
 * of the 31-day March cycle. Fees: CLIC S €45.00 (10 GB), CLIC M €65.00 (40 GB), BASE Light €10.00,
 * BASE Plus €25.00.
 */
import { describe, expect, it } from 'vitest';
import { accountTimeline, decisionsCiting, planChange } from './account-builder.ts';
import { data, decisionsOf, rate, statement, timeline, treated } from './timeline-builder.ts';

const MARCH_APRIL = { start: '2026-03-01', cycleDay: 1, until: '2026-05-01' };
const GB = 1_000_000_000;

describe('CLIC-2.6: upgrades at once, downgrades from the next period', () => {
  it('an upgrade from CLIC S to CLIC M applies at once; the fee is settled pro rata on the next statement (CLIC-2.6, BASE-D.8.3)', () => {
    const o = rate(
      timeline({ plan: 'clic-s', ...MARCH_APRIL }, [
        planChange('2026-03-11T10:00:00+01:00', 'clic-m'),
        data('2026-03-20T10:00:00+01:00', 'sim-1', 'BE', 20 * GB, 36_000),
      ]),
    );
    expect(decisionsCiting(o, 'plan_change', 'CLIC-2.6').map((d) => d.at)).toEqual(['2026-03-11T10:00:00+01:00']);
    // March in advance at CLIC S
    expect(statement(o, '2026-03-01').totalCents).toBe(4500);
    // on 2026-04-01: April at CLIC M 6500; CLIC S credited −€45.00 × 21/31 = −€30.4839 → −3048;
    // CLIC M charged €65.00 × 21/31 = €44.0323 → 4403
    const april = statement(o, '2026-04-01');
    const fees = april.lines.filter((l) => l.category === 'subscription_fee').map((l) => [l.period.start, l.quantity, l.amountCents]);
    expect(fees).toEqual(
      expect.arrayContaining([
        ['2026-04-01', 30, 6500],
        ['2026-03-11', 21, -3048],
        ['2026-03-11', 21, 4403],
      ]),
    );
    // 6500 − 3048 + 4403 = 7855
    expect(april.totalCents).toBe(7855);
    // March's data: 10 GB × 10/31 + 40 GB × 21/31 ≈ 30.3 GB, so 20 GB in Belgium are all in the pack (CLIC S alone: 10 GB)
    expect(treated(o, 0, 'sim-1', 'data', 'BE')).toEqual({ included: 20 * GB, billed: 0, throttled: 0, blocked: 0, free: 0 });
    expect(decisionsOf(o, 'throttle')).toEqual([]);
  });

  it('a downgrade from CLIC M to CLIC S takes effect on the first day of the next period, with nothing settled for March (CLIC-2.6)', () => {
    const o = rate(
      timeline({ plan: 'clic-m', ...MARCH_APRIL }, [
        planChange('2026-03-11T10:00:00+01:00', 'clic-s'),
        // still CLIC M's 40 GB in March
        data('2026-03-20T10:00:00+01:00', 'sim-1', 'BE', 30 * GB, 36_000),
      ]),
    );
    // effective 2026-04-01 00:00 (+02:00: after the DST switch)
    expect(decisionsCiting(o, 'plan_change', 'CLIC-2.6').map((d) => d.at)).toEqual(['2026-04-01T00:00:00+02:00']);
    expect(statement(o, '2026-03-01').totalCents).toBe(6500);
    // April at CLIC S in advance: 4500, and no pro rata lines
    expect(statement(o, '2026-04-01').lines.map((l) => [l.category, l.amountCents])).toEqual([['subscription_fee', 4500]]);
    expect(treated(o, 0, 'sim-1', 'data', 'BE')).toMatchObject({ included: 30 * GB, throttled: 0, blocked: 0 });
  });

  it('an upgrade followed by a downgrade in the same period: the downgrade is refused and flagged, the upgrade stands (CLIC-2.6)', () => {
    const o = rate(
      timeline({ plan: 'clic-s', ...MARCH_APRIL }, [
        planChange('2026-03-05T10:00:00+01:00', 'clic-m'),
        planChange('2026-03-20T10:00:00+01:00', 'clic-s'),
      ]),
    );
    expect(decisionsCiting(o, 'refused', 'CLIC-2.6').map((d) => d.at)).toEqual(['2026-03-20T10:00:00+01:00']);
    expect(decisionsCiting(o, 'flag', 'CLIC-2.6').map((d) => d.at)).toEqual(['2026-03-20T10:00:00+01:00']);
    // upgrade on 03-05: 2026-03-05..2026-04-01 = 27 days of 31:
    // −€45.00 × 27/31 = −€39.1935 → −3919; +€65.00 × 27/31 = €56.6129 → 5661;
    // April stays at CLIC M: 6500 − 3919 + 5661 = 8242
    expect(statement(o, '2026-04-01').totalCents).toBe(8242);
  });

  it('a downgrade in the period after an upgrade is allowed, from the first day of the period after it (CLIC-2.6)', () => {
    const o = rate(
      timeline({ plan: 'clic-s', start: '2026-03-01', cycleDay: 1, until: '2026-06-01' }, [
        planChange('2026-03-05T10:00:00+01:00', 'clic-m'),
        planChange('2026-04-10T10:00:00+02:00', 'clic-s'),
      ]),
    );
    expect(decisionsCiting(o, 'refused', 'CLIC-2.6')).toEqual([]);
    // April at CLIC M 6500, May at CLIC S 4500
    expect(statement(o, '2026-05-01').lines.filter((l) => l.category === 'subscription_fee').map((l) => l.amountCents)).toEqual([4500]);
  });
});

describe('BASE-D.8.3 / D.6.5: BASE plan changes', () => {
  it('a BASE change from Light to Plus takes effect at once, settled pro rata on the next statement (BASE-D.8.3)', () => {
    const o = rate(timeline({ plan: 'base-light', ...MARCH_APRIL }, [planChange('2026-03-11T10:00:00+01:00', 'base-plus')]));
    expect(decisionsCiting(o, 'plan_change', 'BASE-D.8.3').map((d) => d.at)).toEqual(['2026-03-11T10:00:00+01:00']);
    // −€10.00 × 21/31 = −€6.7742 → −677; +€25.00 × 21/31 = €16.9355 → 1694; April at Plus 2500:
    // 2500 − 677 + 1694 = 3517
    expect(statement(o, '2026-04-01').totalCents).toBe(3517);
  });

  it('a BASE downgrade from Plus to Light also takes effect at once: the next statement is €0.17 in the client\'s favour (BASE-D.8.3)', () => {
    const o = rate(timeline({ plan: 'base-plus', ...MARCH_APRIL }, [planChange('2026-03-11T10:00:00+01:00', 'base-light')]));
    expect(decisionsCiting(o, 'plan_change', 'BASE-D.8.3').map((d) => d.at)).toEqual(['2026-03-11T10:00:00+01:00']);
    // −€25.00 × 21/31 = −1694; +€10.00 × 21/31 = 677; April at Light 1000: 1000 − 1694 + 677 = −17
    expect(statement(o, '2026-04-01').totalCents).toBe(-17);
  });

  it('a change before the end of a fixed term is refused (BASE-D.6.5)', () => {
    const o = rate(
      accountTimeline({ plan: 'base-light', ...MARCH_APRIL, term: { kind: 'fixed', months: 12 } }, [planChange('2026-03-11T10:00:00+01:00', 'base-plus')]),
    );
    expect(decisionsCiting(o, 'refused', 'BASE-D.6.5').map((d) => d.at)).toEqual(['2026-03-11T10:00:00+01:00']);
    expect(decisionsOf(o, 'plan_change')).toEqual([]);
    // April at Light, nothing settled: 1000
    expect(statement(o, '2026-04-01').totalCents).toBe(1000);
  });

  it('a change before the end of a fixed term that the operator allowed takes effect at once (BASE-D.6.5, BASE-D.8.3)', () => {
    const o = rate(
      accountTimeline({ plan: 'base-light', ...MARCH_APRIL, term: { kind: 'fixed', months: 12 } }, [
        planChange('2026-03-11T10:00:00+01:00', 'base-plus', { allowedByOperator: true }),
      ]),
    );
    expect(decisionsCiting(o, 'refused', 'BASE-D.6.5')).toEqual([]);
    // as the indefinite case: 2500 − 677 + 1694 = 3517
    expect(statement(o, '2026-04-01').totalCents).toBe(3517);
  });
});
