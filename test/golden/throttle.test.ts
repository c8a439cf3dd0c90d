/**
 * Golden tests — 512 kbps as a state in time (CLIC-2.1, READINGS "Throttling as a state in time").
 * 512 kbit/s = 512,000 / 8 = 64,000 bytes per second. A SIM throttled at T receives at most
 * 64,000 × the seconds of each session, and at most 64,000 × (period end − T) in total; what does not
 * fit is blocked; nothing throttled is billed. Once the pack's data is used up in Belgium every mobile
 * and data SIM of the pack is throttled.
 *
 * CLIC S: 10 GB of pack data = 10,000,000,000 bytes. Start 2026-04-15, cycle day 15: period 0 =
 * 2026-04-15..2026-05-15, ending 2026-05-15T00:00:00+02:00.
 */
import { describe, expect, it } from 'vitest';
import { data, decisionsOf, rate, statement, tariffLines, timeline, treated } from './timeline-builder.ts';

const ONE_PERIOD = { start: '2026-04-15', cycleDay: 15, until: '2026-05-15' };
const TWO_PERIODS = { start: '2026-04-15', cycleDay: 15, until: '2026-06-15' };
const PERIOD_0_END = '2026-05-15T00:00:00+02:00';
const lines: Array<[string, 'mobile' | 'data']> = [['sim-1', 'mobile'], ['data-1', 'data']];
const PACK = 10_000_000_000;

describe('CLIC-2.1: 512 kbps in Belgium once the pack data is used up', () => {
  it('in Belgium beyond the pack, each session gets at most 512 kbps × its seconds, free, on every SIM of the pack (CLIC-2.1)', () => {
    const o = rate(
      timeline({ plan: 'clic-s', ...ONE_PERIOD, lines }, [
        // exactly the pack, 10:00–11:00
        data('2026-04-20T10:00:00+02:00', 'sim-1', 'BE', PACK, 3_600),
        data('2026-04-20T11:00:00+02:00', 'sim-1', 'BE', 100_000_000, 600),
        data('2026-04-21T08:00:00+02:00', 'data-1', 'BE', 1_000_000, 10),
      ]),
    );
    // sim-1: 600 s × 64,000 B/s = 38,400,000 bytes throttled; 100,000,000 − 38,400,000 = 61,600,000 blocked
    expect(treated(o, 0, 'sim-1', 'data', 'BE')).toEqual({ included: PACK, billed: 0, throttled: 38_400_000, blocked: 61_600_000, free: 0 });
    // data-1: 10 s × 64,000 = 640,000 throttled; 1,000,000 − 640,000 = 360,000 blocked
    expect(treated(o, 0, 'data-1', 'data', 'BE')).toEqual({ included: 0, billed: 0, throttled: 640_000, blocked: 360_000, free: 0 });
    // the throttle begins with the first byte beyond the pack, 2026-04-20T11:00, for both SIMs, to the period end
    const throttles = decisionsOf(o, 'throttle').map((d) => ({ at: d.at, until: d.until, line: d.line, zone: d.zone, clauses: d.clauses }));
    expect(throttles).toHaveLength(2);
    expect(throttles).toEqual(
      expect.arrayContaining([
        { at: '2026-04-20T11:00:00+02:00', until: PERIOD_0_END, line: 'sim-1', zone: 'BE', clauses: ['CLIC-2.1'] },
        { at: '2026-04-20T11:00:00+02:00', until: PERIOD_0_END, line: 'data-1', zone: 'BE', clauses: ['CLIC-2.1'] },
      ]),
    );
    // throttled data is never billed
    expect(statement(o, '2026-05-15').totalCents).toBe(0);
  });

  it('a throttled SIM receives no more than 512 kbps × the seconds left in the period (CLIC-2.1)', () => {
    const o = rate(
      timeline({ plan: 'clic-s', ...ONE_PERIOD, lines }, [
        // exactly the pack, 22:00–23:00 on the period's last day
        data('2026-05-14T22:00:00+02:00', 'sim-1', 'BE', PACK, 3_600),
        data('2026-05-14T23:00:00+02:00', 'sim-1', 'BE', 1_000_000_000, 7_200),
        data('2026-05-14T23:30:00+02:00', 'sim-1', 'BE', 100_000_000, 600),
      ]),
    );
    // throttled from T = 23:00; 3,600 s remain before 2026-05-15T00:00 → budget 64,000 × 3,600 = 230,400,000.
    // Session at 23:00: min(1,000,000,000; 64,000 × 7,200 = 460,800,000; 230,400,000) = 230,400,000.
    // Session at 23:30 (same SIM, overlapping): the budget is spent → 0 throttled.
    // Blocked: (1,000,000,000 − 230,400,000) + 100,000,000 = 869,600,000
    expect(treated(o, 0, 'sim-1', 'data', 'BE')).toEqual({ included: PACK, billed: 0, throttled: 230_400_000, blocked: 869_600_000, free: 0 });
    expect(decisionsOf(o, 'throttle').filter((d) => d.line === 'sim-1')).toMatchObject([{ at: '2026-05-14T23:00:00+02:00', until: PERIOD_0_END }]);
    expect(statement(o, '2026-05-15').totalCents).toBe(0);
  });

  it('the session that crosses the pack gets 512 kbps for the share of its duration after the limit (CLIC-2.1)', () => {
    const o = rate(
      timeline({ plan: 'clic-s', ...ONE_PERIOD, lines }, [data('2026-04-20T10:00:00+02:00', 'sim-1', 'BE', 12_000_000_000, 12_000)]),
    );
    // 10,000,000,000 included; 2,000,000,000 beyond = 2/12 of the bytes → 2/12 × 12,000 s = 2,000 s after the limit;
    // 64,000 × 2,000 = 128,000,000 throttled; 2,000,000,000 − 128,000,000 = 1,872,000,000 blocked
    expect(treated(o, 0, 'sim-1', 'data', 'BE')).toEqual({ included: PACK, billed: 0, throttled: 128_000_000, blocked: 1_872_000_000, free: 0 });
    expect(decisionsOf(o, 'throttle').filter((d) => d.line === 'sim-1')).toMatchObject([{ zone: 'BE', until: PERIOD_0_END, clauses: ['CLIC-2.1'] }]);
  });

  it('data in France after the pack is billed at normal speed, while in Belgium it is throttled and free (CLIC-2.1)', () => {
    const o = rate(
      timeline({ plan: 'clic-s', ...ONE_PERIOD, lines }, [
        data('2026-04-20T10:00:00+02:00', 'sim-1', 'BE', PACK, 3_600),
        data('2026-04-20T11:00:00+02:00', 'sim-1', 'BE', 100_000_000, 600),
        data('2026-04-22T10:00:00+02:00', 'sim-1', 'FR', 1_000_000_000, 60),
      ]),
    );
    // BE: 600 s × 64,000 = 38,400,000 throttled, 61,600,000 blocked, free
    expect(treated(o, 0, 'sim-1', 'data', 'BE')).toEqual({ included: PACK, billed: 0, throttled: 38_400_000, blocked: 61_600_000, free: 0 });
    // FR: normal speed (no 512 kbps cap: 1 GB in 60 s goes through), all billed
    expect(treated(o, 0, 'sim-1', 'data', 'EU')).toEqual({ included: 0, billed: 1_000_000_000, throttled: 0, blocked: 0, free: 0 });
    // 1,000,000,000 bytes × €10/GB = €10.00 → 1000 cents (roaming_eu.data)
    const closing = statement(o, '2026-05-15');
    expect(tariffLines(closing, 'roaming_eu.data')).toMatchObject([{ category: 'roaming_usage', quantity: 1_000_000_000, amountCents: 1000 }]);
    expect(closing.totalCents).toBe(1000);
    // throttling is a Belgian state only
    expect(decisionsOf(o, 'throttle').every((d) => d.zone === 'BE')).toBe(true);
  });

  it('when the pack is used up in France, later Belgian data is throttled and free, not billed (CLIC-2.1)', () => {
    const o = rate(
      timeline({ plan: 'clic-s', ...ONE_PERIOD, lines }, [
        data('2026-04-20T10:00:00+02:00', 'sim-1', 'FR', PACK, 3_600),
        data('2026-04-21T10:00:00+02:00', 'sim-1', 'FR', 1_000_000_000, 600),
        data('2026-04-22T10:00:00+02:00', 'sim-1', 'BE', 100_000_000, 600),
      ]),
    );
    // France: 10 GB included, then 1 GB billed × €10/GB = €10.00 → 1000 cents
    expect(treated(o, 0, 'sim-1', 'data', 'EU')).toEqual({ included: PACK, billed: 1_000_000_000, throttled: 0, blocked: 0, free: 0 });
    // Belgium: nothing left in the pack → 600 s × 64,000 = 38,400,000 throttled, 61,600,000 blocked, free
    expect(treated(o, 0, 'sim-1', 'data', 'BE')).toEqual({ included: 0, billed: 0, throttled: 38_400_000, blocked: 61_600_000, free: 0 });
    expect(statement(o, '2026-05-15').totalCents).toBe(1000);
    expect(decisionsOf(o, 'throttle').every((d) => d.zone === 'BE' && d.until === PERIOD_0_END)).toBe(true);
  });

  it('the throttle ends with the billing period: the next period has fresh pack data at full speed (CLIC-2.1)', () => {
    const o = rate(
      timeline({ plan: 'clic-s', ...TWO_PERIODS, lines }, [
        data('2026-04-20T10:00:00+02:00', 'sim-1', 'BE', PACK, 3_600),
        data('2026-04-20T11:00:00+02:00', 'sim-1', 'BE', 1, 1),
        data('2026-05-15T00:00:00+02:00', 'sim-1', 'BE', 1_000_000_000, 60),
      ]),
    );
    // period 0: exactly the pack, then 1 byte throttled (1 ≤ 64,000 × 1 s)
    expect(treated(o, 0, 'sim-1', 'data', 'BE')).toEqual({ included: PACK, billed: 0, throttled: 1, blocked: 0, free: 0 });
    // period 1 (2026-05-15..06-15, a whole 31-day cycle, 10 GB): 1 GB in 60 s at full speed, included
    expect(treated(o, 1, 'sim-1', 'data', 'BE')).toEqual({ included: 1_000_000_000, billed: 0, throttled: 0, blocked: 0, free: 0 });
    for (const d of decisionsOf(o, 'throttle')) expect(d.until).toBe(PERIOD_0_END);
  });
});
