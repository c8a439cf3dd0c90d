/**
 * Golden tests — BASE-B.4: data services are on unless refused in writing, and are charged by volume
 * (down + up), per byte (dataIncrementBytes 1), rounded once per statement line. Plus where the pack's
 * data counts (CLIC-2.2: Belgium and the EU zone only). One whole period 2026-04-15..2026-05-15.
 */
import { describe, expect, it } from 'vitest';
import { call, catalogWith, data, decisionsOf, N, rate, statement, tariffLines, timeline, treated } from './timeline-builder.ts';

const ONE_PERIOD = { start: '2026-04-15', cycleDay: 15, until: '2026-05-15' };

const noData = catalogWith([
  {
    id: 'base-nodata',
    family: 'BASE_SUBSCRIPTION',
    name: 'BASE No Data',
    source: 'assumption: golden test plan without included data',
    fee: '5.00',
    mobileSims: 1,
    allowances: { calls: '60min', sms: '10sms', data: 'none' },
    includedIn: ['BE'],
    afterData: 'bill',
  },
]);

describe('BASE-B.4: data is charged by volume', () => {
  it('data beyond a BASE plan\'s allowance in Belgium is billed by volume (BASE-B.4)', () => {
    const o = rate(timeline({ plan: 'base-light', ...ONE_PERIOD }, [data('2026-04-20T09:00:00+02:00', 'sim-1', 'BE', 3_250_000_000, 3_600)]));
    // 3 GB = 3,000,000,000 included; 250,000,000 billed at normal speed (afterData: bill)
    expect(treated(o, 0, 'sim-1', 'data', 'BE')).toEqual({ included: 3_000_000_000, billed: 250_000_000, throttled: 0, blocked: 0, free: 0 });
    const [line] = tariffLines(statement(o, '2026-05-15'), 'national.data');
    // 250,000,000 bytes × €10/GB = €2.50 → 250 cents
    expect(line).toMatchObject({ category: 'national_usage', quantity: 250_000_000, unit: 'byte', amountCents: 250 });
    expect(line?.clauses).toContain('BASE-B.4');
  });

  it('exactly the included data costs nothing; one byte more is billed (BASE-B.4)', () => {
    const o = rate(
      timeline({ plan: 'base-light', ...ONE_PERIOD }, [
        data('2026-04-20T09:00:00+02:00', 'sim-1', 'BE', 3_000_000_000, 3_600),
        data('2026-04-21T09:00:00+02:00', 'sim-1', 'BE', 1, 1),
      ]),
    );
    // 1 byte × €10/10^9 bytes → 0 cents
    expect(treated(o, 0, 'sim-1', 'data', 'BE')).toEqual({ included: 3_000_000_000, billed: 1, throttled: 0, blocked: 0, free: 0 });
    expect(statement(o, '2026-05-15').totalCents).toBe(0);
  });

  it('the volume of several sessions is billed on one line, rounded once (BASE-B.4)', () => {
    const o = rate(
      timeline({ plan: 'base-nodata', ...ONE_PERIOD }, [
        data('2026-04-20T09:00:00+02:00', 'sim-1', 'BE', 500_000, 60),
        data('2026-04-21T09:00:00+02:00', 'sim-1', 'BE', 500_000, 60),
        data('2026-04-22T09:00:00+02:00', 'sim-1', 'BE', 500_000, 60),
      ]),
      noData,
    );
    // 3 × 500,000 = 1,500,000 bytes × €10/GB = €0.015 = 1.5 cents → 2 cents (half up, once;
    // rounding each 0.5-cent session would have given 3)
    expect(tariffLines(statement(o, '2026-05-15'), 'national.data')).toMatchObject([{ quantity: 1_500_000, amountCents: 2 }]);
    expect(statement(o, '2026-05-15').totalCents).toBe(2);
  });

  it('BASE data in France is not in the plan and is billed as EU roaming (BASE-B.4, BASE-D.7.1)', () => {
    const o = rate(timeline({ plan: 'base-light', ...ONE_PERIOD }, [data('2026-04-20T09:00:00+02:00', 'sim-1', 'FR', 123_456_789, 600)]));
    expect(treated(o, 0, 'sim-1', 'data', 'EU')).toMatchObject({ included: 0, billed: 123_456_789 });
    // 123,456,789 bytes × €10/GB = €1.23456789 → €1.23 → 123 cents
    expect(tariffLines(statement(o, '2026-05-15'), 'roaming_eu.data')).toMatchObject([{ quantity: 123_456_789, amountCents: 123 }]);
  });
});

describe('CLIC-2.2: the pack\'s data counts in Belgium and the EU zone only', () => {
  it('data in the US is never in the pack and leaves the pack whole (CLIC-2.2, BASE-B.4)', () => {
    const o = rate(
      timeline({ plan: 'clic-s', ...ONE_PERIOD }, [
        data('2026-04-20T09:00:00+02:00', 'sim-1', 'US', 1_000_000, 60),
        data('2026-04-25T09:00:00+02:00', 'sim-1', 'FR', 10_000_000_000, 36_000),
      ]),
    );
    // US: 1,000,000 bytes = 1 MB × €2.00/MB = €2.00 → 200 cents
    expect(treated(o, 0, 'sim-1', 'data', 'WORLD')).toMatchObject({ included: 0, billed: 1_000_000 });
    // the whole 10 GB pack is left for France
    expect(treated(o, 0, 'sim-1', 'data', 'EU')).toMatchObject({ included: 10_000_000_000, billed: 0 });
    expect(tariffLines(statement(o, '2026-05-15'), 'roaming_world.data')).toMatchObject([{ quantity: 1_000_000, amountCents: 200 }]);
    expect(statement(o, '2026-05-15').totalCents).toBe(200);
  });

  it('Switzerland is outside the EU zone: data there is billed as world roaming (CLIC-2.2)', () => {
    const o = rate(timeline({ plan: 'clic-s', ...ONE_PERIOD }, [data('2026-04-20T09:00:00+02:00', 'sim-1', 'CH', 500_000, 60)]));
    // 500,000 bytes = 0.5 MB × €2.00/MB = €1.00 → 100 cents
    expect(treated(o, 0, 'sim-1', 'data', 'WORLD')).toMatchObject({ included: 0, billed: 500_000 });
    expect(statement(o, '2026-05-15').totalCents).toBe(100);
  });
});

describe('BASE-B.4: data refused in writing', () => {
  it('data refused in writing is blocked, in Belgium and abroad, and never billed (BASE-B.4)', () => {
    const o = rate(
      timeline({ plan: 'base-light', ...ONE_PERIOD, dataBarred: true }, [
        data('2026-04-20T09:00:00+02:00', 'sim-1', 'BE', 1_000_000, 60),
        data('2026-04-21T09:00:00+02:00', 'sim-1', 'FR', 2_000_000, 60),
        call('2026-04-22T09:00:00+02:00', 'sim-1', 'BE', N.beMobile, 60),
      ]),
    );
    expect(treated(o, 0, 'sim-1', 'data', 'BE')).toEqual({ included: 0, billed: 0, throttled: 0, blocked: 1_000_000, free: 0 });
    expect(treated(o, 0, 'sim-1', 'data', 'EU')).toEqual({ included: 0, billed: 0, throttled: 0, blocked: 2_000_000, free: 0 });
    expect(decisionsOf(o, 'blocked').map((d) => ({ at: d.at, service: d.service, clauses: d.clauses, assumed: d.assumed }))).toEqual([
      { at: '2026-04-20T09:00:00+02:00', service: 'data', clauses: ['BASE-B.4'], assumed: false },
      { at: '2026-04-21T09:00:00+02:00', service: 'data', clauses: ['BASE-B.4'], assumed: false },
    ]);
    // calls are not affected: 60 s in the pack
    expect(treated(o, 0, 'sim-1', 'call', 'BE')).toMatchObject({ included: 60, blocked: 0 });
    expect(statement(o, '2026-05-15').totalCents).toBe(0);
  });

  it('on CLIC, blocking data refused in writing applies BASE-B.4 as the assumed general layer (BASE-B.4)', () => {
    const o = rate(timeline({ plan: 'clic-s', ...ONE_PERIOD, dataBarred: true }, [data('2026-04-20T09:00:00+02:00', 'sim-1', 'US', 1_000_000, 60)]));
    // blocked, so the €2.00 of US data is not billed
    expect(treated(o, 0, 'sim-1', 'data', 'WORLD')).toEqual({ included: 0, billed: 0, throttled: 0, blocked: 1_000_000, free: 0 });
    expect(decisionsOf(o, 'blocked')).toMatchObject([{ clauses: ['BASE-B.4'], assumed: true }]);
    expect(statement(o, '2026-05-15').totalCents).toBe(0);
  });
});
