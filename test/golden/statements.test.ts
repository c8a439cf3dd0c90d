/**
 * Golden tests — statements (BASE-D.8.1 categories and the fee paid monthly in advance, BASE-D.8.5 due
 * date, BASE-D.8.3 late roaming records). READINGS: one statement on the first day of each period with
 * that period's fee and options and the usage of the period that just ended; a closing statement the day
 * after the last period; due paymentTermDays (15 in the default catalog) after issue; a late roaming
 * record is rated against its period's allowance as it stands when it arrives and billed on the first
 * statement issued after it arrived, as a separate line.
 */
import { describe, expect, it } from 'vitest';
import { call, data, decisionsOf, N, rate, statement, tariffLines, timeline, treated } from './timeline-builder.ts';

const TWO_PERIODS = { start: '2026-04-15', cycleDay: 15, until: '2026-06-15' };

describe('BASE-D.8.1 / D.8.5: what a statement lists and when it is due', () => {
  it('each period\'s fee and options are billed in advance on its first day, with the previous period\'s usage by category (BASE-D.8.1, BASE-D.8.5)', () => {
    const o = rate(
      timeline({ plan: 'clic-s', ...TWO_PERIODS, options: ['fixed_telephony'] }, [
        call('2026-04-20T09:00:00+02:00', 'sim-1', 'BE', N.frMobile, 120),
        call('2026-04-21T09:00:00+02:00', 'sim-1', 'BE', N.premium, 90),
        call('2026-04-22T09:00:00+02:00', 'sim-1', 'US', N.beMobile, 60),
        call('2026-04-23T09:00:00+02:00', 'sim-1', 'BE', N.beMobile, 600),
      ]),
    );
    // statements on 2026-04-15 and 2026-05-15 (period starts) and 2026-06-15 (closing); due 15 days later
    expect(o.statements.map((s) => [s.issuedOn, s.dueOn])).toEqual([
      ['2026-04-15', '2026-04-30'],
      ['2026-05-15', '2026-05-30'],
      ['2026-06-15', '2026-06-30'],
    ]);
    const first = statement(o, '2026-04-15');
    // period 0 in advance: CLIC S €45.00 + fixed telephony €15.00 = 6000 cents; no usage yet
    expect(first.lines.map((l) => [l.category, l.amountCents, l.period.start])).toEqual([
      ['subscription_fee', 4500, '2026-04-15'],
      ['option_fee', 1500, '2026-04-15'],
    ]);
    expect(first.totalCents).toBe(6000);
    const fee = first.lines[0];
    // CLIC cites BASE-D.8.1 as the stand-in general layer: assumed
    expect(fee?.clauses).toContain('BASE-D.8.1');
    expect(fee?.assumed).toBe(true);

    const second = statement(o, '2026-05-15');
    // period 1 in advance: 4500 + 1500; period 0's usage:
    //   BE → FR 120 s × €0.19/60 s = €0.38 → 38 (international_usage)
    //   0900 90 s × €1.50/60 s = €2.25 → 225 (special_numbers)
    //   from the US 60 s × €2.50/60 s = €2.50 → 250 (roaming_usage)
    //   BE → BE mobile 600 s: in the pack, no line
    const byCategory = Object.fromEntries(second.lines.map((l) => [`${l.category}:${l.period.start}`, l.amountCents]));
    expect(byCategory).toEqual({
      'subscription_fee:2026-05-15': 4500,
      'option_fee:2026-05-15': 1500,
      'international_usage:2026-04-15': 38,
      'special_numbers:2026-04-15': 225,
      'roaming_usage:2026-04-15': 250,
    });
    // 4500 + 1500 + 38 + 225 + 250 = 6513
    expect(second.totalCents).toBe(6513);
    // closing statement: no usage in period 1 → 0
    expect(statement(o, '2026-06-15')).toMatchObject({ lines: [], totalCents: 0 });
    // 6000 + 6513 + 0 = 12513
    expect(o.balances.billedCents).toBe(12_513);
  });

  it('a statement is due 15 days after issue, across a month end (BASE-D.8.5)', () => {
    const o = rate(timeline({ plan: 'base-light', start: '2026-01-20', cycleDay: 20, until: '2026-02-20' }, []));
    // 2026-01-20 + 15 d = 2026-02-04; 2026-02-20 + 15 d = 2026-03-07 (February 2026 has 28 days)
    expect(o.statements.map((s) => [s.issuedOn, s.dueOn])).toEqual([
      ['2026-01-20', '2026-02-04'],
      ['2026-02-20', '2026-03-07'],
    ]);
    // the whole period's €10.00, in advance; BASE clauses on a BASE plan are not assumed
    expect(statement(o, '2026-01-20').lines).toMatchObject([{ category: 'subscription_fee', amountCents: 1000, assumed: false }]);
  });
});

describe('BASE-D.8.3: roaming records received late', () => {
  it('a roaming record received months later is billed on the first statement issued after it arrived (BASE-D.8.3)', () => {
    const o = rate(
      timeline({ plan: 'clic-s', ...TWO_PERIODS }, [
        data('2026-04-20T10:00:00+02:00', 'sim-1', 'US', 50_000_000, 600, { recordedAt: '2026-06-02T10:00:00+02:00' }),
      ]),
    );
    // it happened in period 0 but was not known on 2026-05-15: that statement has period 1's fee only
    expect(statement(o, '2026-05-15').totalCents).toBe(4500);
    // received 2026-06-02 → first statement issued after: 2026-06-15.
    // 50,000,000 bytes = 50 MB × €2.00/MB = €100.00 → 10000 cents, for period 0
    const closing = statement(o, '2026-06-15');
    const [line] = tariffLines(closing, 'roaming_world.data');
    expect(line).toMatchObject({ category: 'roaming_usage', quantity: 50_000_000, amountCents: 10_000, period: { start: '2026-04-15', end: '2026-05-15' } });
    expect(line?.clauses).toContain('BASE-D.8.3');
    expect(closing.totalCents).toBe(10_000);
    expect(treated(o, 0, 'sim-1', 'data', 'WORLD')).toMatchObject({ billed: 50_000_000 });
  });

  it('a late roaming record is rated against its period\'s pack as it stands when the record arrives (BASE-D.8.3)', () => {
    const o = rate(
      timeline({ plan: 'clic-s', start: '2026-04-15', cycleDay: 15, until: '2026-05-15' }, [
        data('2026-04-18T10:00:00+02:00', 'sim-1', 'FR', 2_000_000_000, 3_600, { recordedAt: '2026-04-25T10:00:00+02:00' }),
        data('2026-04-20T10:00:00+02:00', 'sim-1', 'BE', 9_000_000_000, 3_600),
      ]),
    );
    // processed as received: the Belgian 9 GB (received 04-20) first, all in the 10 GB pack;
    // the French 2 GB received 04-25 find 1 GB left: 1,000,000,000 included, 1,000,000,000 billed
    expect(treated(o, 0, 'sim-1', 'data', 'BE')).toEqual({ included: 9_000_000_000, billed: 0, throttled: 0, blocked: 0, free: 0 });
    expect(treated(o, 0, 'sim-1', 'data', 'EU')).toEqual({ included: 1_000_000_000, billed: 1_000_000_000, throttled: 0, blocked: 0, free: 0 });
    // 1,000,000,000 bytes × €10/GB = €10.00 → 1000 cents
    expect(statement(o, '2026-05-15').totalCents).toBe(1000);
    // the Belgian data was never beyond the pack: no throttle
    expect(decisionsOf(o, 'throttle')).toEqual([]);
  });

  it('a roaming record that arrives late but before its period ends is billed with that period (BASE-D.8.3)', () => {
    const o = rate(
      timeline({ plan: 'clic-s', start: '2026-04-15', cycleDay: 15, until: '2026-05-15' }, [
        data('2026-04-16T10:00:00+02:00', 'sim-1', 'BE', 10_000_000_000, 3_600),
        data('2026-04-18T10:00:00+02:00', 'sim-1', 'FR', 1_000_000_000, 3_600, { recordedAt: '2026-04-25T10:00:00+02:00' }),
        data('2026-04-26T10:00:00+02:00', 'sim-1', 'FR', 500_000_000, 3_600),
      ]),
    );
    // pack used up in Belgium; both French records are billed in the EU zone (CLIC-2.1).
    // READINGS: only a record arriving after its period's statement was issued goes on a later statement as a
    // line of its own; this one arrived on 04-25, inside its period, so the 2026-05-15 statement carries one
    // line for the period: (1,000,000,000 + 500,000,000) bytes × €10/GB = €15.00 → 1500
    const s = statement(o, '2026-05-15');
    const lines = tariffLines(s, 'roaming_eu.data').map((l) => [l.quantity, l.amountCents]);
    expect(lines).toEqual([[1_500_000_000, 1500]]);
    expect(s.totalCents).toBe(1500);
  });

  it('a late roaming record is never blocked or throttled after the fact (BASE-D.8.3, CLIC-2.3)', () => {
    const o = rate(
      timeline({ plan: 'clic-unlimited', start: '2026-04-15', cycleDay: 15, until: '2026-05-15' }, [
        data('2026-04-16T08:00:00+02:00', 'sim-1', 'FR', 100_000_000_000, 36_000),
        // happened before the throttle below, received after it
        data('2026-04-17T08:00:00+02:00', 'sim-1', 'FR', 1_000_000_000, 3_600, { recordedAt: '2026-04-25T08:00:00+02:00' }),
        data('2026-04-20T08:00:00+02:00', 'sim-1', 'FR', 1, 10),
      ]),
    );
    // in the order received: 100 GB (the EU limit), then 1 byte beyond → 512 kbps from 2026-04-20T08:00
    expect(decisionsOf(o, 'throttle')).toMatchObject([{ at: '2026-04-20T08:00:00+02:00', zone: 'EU', line: 'sim-1' }]);
    // the late 1 GB was delivered on 04-17 at normal speed: nothing blocked, nothing billed (unlimited data)
    const eu = treated(o, 0, 'sim-1', 'data', 'EU');
    expect(eu.blocked).toBe(0);
    expect(eu.billed).toBe(0);
    // every byte delivered: 100,000,000,000 + 1,000,000,000 + 1
    expect(eu.included + eu.throttled).toBe(101_000_000_001);
    expect(decisionsOf(o, 'blocked')).toEqual([]);
    expect(statement(o, '2026-05-15').totalCents).toBe(0);
  });
});
