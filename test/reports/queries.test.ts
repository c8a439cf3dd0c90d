/**
 * The revenue report's queries on the hand-made store of fixture.ts: every expected figure is worked
 * out on paper from the rows typed in there.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../reports/db.ts';
import * as q from '../../reports/revenue/queries.ts';
import { catalogChanges } from '../../reports/revenue/catalog-diff.ts';
import { createFixtureStore } from './fixture.ts';

const dir = mkdtempSync(join(tmpdir(), 'termlab-report-queries-'));
const BASE = 'demo/7/base';
const VARIANT = 'demo/7/fee-up';
let store: Store;

beforeAll(async () => {
  await createFixtureStore(join(dir, 'store.duckdb'));
  store = await openStore(join(dir, 'store.duckdb'));
});
afterAll(() => {
  store?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('choosing the run', () => {
  it('takes the latest complete base run: the newer failed demo/8/base is skipped', async () => {
    const s = await q.chooseRuns(store.conn);
    expect(s.run.runId).toBe(BASE);
    expect(s.base?.runId).toBe(BASE);
  });

  it("lists only complete variants of the same scenario and seed: the running cap-down is not one", async () => {
    const s = await q.chooseRuns(store.conn);
    expect(s.variants.map((v) => v.runId)).toEqual([VARIANT]);
    expect((await q.completeRuns(store.conn)).map((r) => r.runId)).toEqual(['old/1/base', BASE, VARIANT]);
  });

  it('reports a variant named with --run, with the base of its experiment', async () => {
    const s = await q.chooseRuns(store.conn, VARIANT);
    expect(s.run.runId).toBe(VARIANT);
    expect(s.base?.runId).toBe(BASE);
  });

  it('refuses a running or failed run, and an unknown one', async () => {
    await expect(q.chooseRuns(store.conn, 'demo/7/cap-down')).rejects.toThrow(/demo\/7\/cap-down: the run is running, not complete/);
    await expect(q.chooseRuns(store.conn, 'demo/8/base')).rejects.toThrow(/the run is failed, not complete/);
    await expect(q.chooseRuns(store.conn, 'nope/1/base')).rejects.toThrow(/no such run/);
  });
});

describe('revenue', () => {
  it('by category is the sum of the line amounts inserted (BASE-D.8.1 headings)', async () => {
    // subscription_fee: s1 4500+4500, s2 4500+4500, s3 2500+2500 = 23000 (6 lines)
    // roaming_usage:    s1 1250+300 = 1550;  late_payment: s3 1500;  international_usage: s3 800;  credit: s3 −500
    expect(await q.revenueByCategory(store.conn, BASE)).toEqual([
      { category: 'subscription_fee', lines: 6, amountCents: 23000 },
      { category: 'roaming_usage', lines: 2, amountCents: 1550 },
      { category: 'late_payment', lines: 1, amountCents: 1500 },
      { category: 'international_usage', lines: 1, amountCents: 800 },
      { category: 'credit', lines: 1, amountCents: -500 },
    ]);
  });

  it('by plan splits fees, usage, account fees and credits; a prepaid plan has subscribers and no revenue', async () => {
    // clic-s: s1 10550 + s2 9000 = 19550 = fees 18000 + usage 1550; 4 subscriber-months → 19550/4 = 4887.5 → 4888
    // base-plus: s3 6800 = fees 5000 + usage 800 + account 1500 + credits −500; 2 months → 3400
    expect(await q.revenueByPlan(store.conn, BASE)).toEqual([
      { key: 'clic-s', subscribers: 2, subscriberMonths: 4, amountCents: 19550, feesCents: 18000, usageCents: 1550, accountCents: 0, creditsCents: 0, arpuCents: 4888 },
      { key: 'base-plus', subscribers: 1, subscriberMonths: 2, amountCents: 6800, feesCents: 5000, usageCents: 800, accountCents: 1500, creditsCents: -500, arpuCents: 3400 },
      { key: 'base-prepaid', subscribers: 1, subscriberMonths: 0, amountCents: 0, feesCents: 0, usageCents: 0, accountCents: 0, creditsCents: 0, arpuCents: null },
    ]);
  });

  it('by persona counts a subscriber with two personas once, under the joined name', async () => {
    // light-user: s2 (9000, 2 months) and s4 (prepaid, nothing billed) → 2 subscribers, 9000, ARPU 4500
    const rows = await q.revenueByPersona(store.conn, BASE);
    expect(rows.map((r) => [r.key, r.subscribers, r.amountCents, r.arpuCents])).toEqual([
      ['business-traveller', 1, 10550, 5275],
      ['light-user', 2, 9000, 4500],
      ['summer-roamer+late-payer', 1, 6800, 3400],
    ]);
  });
});

describe('ARPU', () => {
  it('is the revenue per subscriber-month, with quantiles that are actual subscriber-months', async () => {
    // subscriber-months (the month a billed service period starts):
    //   s1 Jan 4500+1250 = 5750, s1 Feb 4500+300 = 4800, s2 Jan 4500, s2 Feb 4500,
    //   s3 Jan 2500+800 = 3300, s3 Feb 2500+1500−500 = 3500           → sorted 3300 3500 4500 4500 4800 5750
    // ARPU = 26350 / 6 = 4391.67 → 4392; median 4500
    const a = await q.arpu(store.conn, BASE);
    expect(a).toMatchObject({ subscriberMonths: 6, revenueCents: 26350, arpuCents: 4392, minCents: 3300, medianCents: 4500, maxCents: 5750 });
  });

  it('has a histogram that holds every subscriber-month once', async () => {
    // the range 3300..5750 over 40 bins is < €1 a bin, so bins are €1 wide, from €33 to €58
    const bins = await q.arpuDistribution(store.conn, BASE);
    expect(bins.reduce((n, b) => n + b.count, 0)).toBe(6);
    expect(bins[0]).toEqual({ fromCents: 3300, toCents: 3400, count: 1, open: false });
    expect(bins.find((b) => b.fromCents === 4500)?.count).toBe(2);
    expect(bins.at(-1)).toEqual({ fromCents: 5700, toCents: 5800, count: 1, open: false });
  });

  it('rounds bin widths up to 1, 2, 2.5 or 5 × a power of ten cents, at least €1', () => {
    expect([q.niceStep(3), q.niceStep(130), q.niceStep(240), q.niceStep(260), q.niceStep(4100)]).toEqual([100, 200, 250, 500, 5000]);
  });
});

describe('prepaid, throttling and the account’s life', () => {
  it('prepaid breakage is the credit that lapsed, against what was topped up (BASE-B.2.2)', async () => {
    // s4: topped up 1500, used 400 + 300 = 700, lapsed 800 → 800 / 1500 = 53.3 %
    expect(await q.prepaidBreakage(store.conn, BASE)).toEqual([
      { plan: 'base-prepaid', subscribers: 1, toppedUpCents: 1500, usedCents: 700, lapsedCents: 800, refundedCents: 0, breakage: 800 / 1500 },
    ]);
  });

  it('throttle and pause incidence is per subscriber-period: two throttles in one period count once (CLIC-2.1, CLIC-2.3)', async () => {
    // subscriber-periods: s1, s2, s3 Jan+Feb (fee lines), s4 Jan+Feb (usage rows) = 8; s1's January usage row is the same period
    // throttled: s1 January (two decisions) = 1 of clic-s's 4; paused: s3 February = 1 of base-plus's 2
    expect(await q.throttlePauseIncidence(store.conn, BASE)).toEqual([
      { plan: 'base-plus', subscriberPeriods: 2, throttled: 0, paused: 1 },
      { plan: 'base-prepaid', subscriberPeriods: 2, throttled: 0, paused: 0 },
      { plan: 'clic-s', subscriberPeriods: 4, throttled: 1, paused: 0 },
      { plan: '(all)', subscriberPeriods: 8, throttled: 1, paused: 1 },
    ]);
  });

  it('counts suspensions and terminations by Belgian month: 2026-01-31T23:30Z is a February suspension', async () => {
    // (in UTC, or in the test's America/Los_Angeles zone, that suspension would fall in January)
    expect(await q.suspensionsAndTerminations(store.conn, BASE)).toEqual([
      { month: '2026-01', kind: 'suspension', count: 0 },
      { month: '2026-01', kind: 'termination', count: 0 },
      { month: '2026-02', kind: 'suspension', count: 1 },
      { month: '2026-02', kind: 'termination', count: 1 },
    ]);
  });

  it('ranks the clauses by the money they move, a line counting for each clause it cites', async () => {
    // BASE-D.8.1: the six fee lines 4500×4 + 2500×2 = 23000;  CLIC-2.1: the four CLIC fee lines 4500×4 = 18000
    // CLIC-2.2: roaming 1250+300;  BASE-D.8.6: 1500;  BASE-D.7.1: 800;  BASE-D.10.2.1: the credit −500, moving 500
    expect(await q.clausesByMoney(store.conn, BASE)).toEqual([
      { clause: 'BASE-D.8.1', lines: 6, netCents: 23000, grossCents: 23000 },
      { clause: 'CLIC-2.1', lines: 4, netCents: 18000, grossCents: 18000 },
      { clause: 'CLIC-2.2', lines: 2, netCents: 1550, grossCents: 1550 },
      { clause: 'BASE-D.8.6', lines: 1, netCents: 1500, grossCents: 1500 },
      { clause: 'BASE-D.7.1', lines: 1, netCents: 800, grossCents: 800 },
      { clause: 'BASE-D.10.2.1', lines: 1, netCents: -500, grossCents: 500 },
    ]);
  });
});

describe('what-if', () => {
  it('gives a variant’s deltas against the base, in total and by category', async () => {
    // fee-up: the four CLIC S fees go 4500 → 5000 (+2000) and s3's 1500 indemnity goes (−1500)
    // base 26350, variant 25000 + 1550 + 800 − 500 = 26850, delta +500; s1, s2, s3 change, s4 does not
    const d = await q.whatIfDeltas(store.conn, BASE, VARIANT);
    expect(d).toMatchObject({ baseCents: 26350, variantCents: 26850, deltaCents: 500, subscribers: 4, subscribersChanged: 3 });
    expect(d.byCategory.filter((r) => r.deltaCents !== 0)).toEqual([
      { category: 'subscription_fee', baseCents: 23000, variantCents: 25000, deltaCents: 2000 },
      { category: 'late_payment', baseCents: 1500, variantCents: 0, deltaCents: -1500 },
    ]);
  });

  it('lists the subscribers most affected by absolute difference of billed cents, ties by id', async () => {
    // s3: 6800 → 5300 (−1500); s1: 10550 → 11550 (+1000); s2: 9000 → 10000 (+1000); s4 unchanged, not listed
    const rows = await q.mostAffected(store.conn, BASE, VARIANT);
    expect(rows.map((r) => [r.subscriberId, r.baseCents, r.variantCents, r.deltaCents])).toEqual([
      ['s3', 6800, 5300, -1500],
      ['s1', 10550, 11550, 1000],
      ['s2', 9000, 10000, 1000],
    ]);
  });

  it('names what the variant changed in the catalog, matching plans by id', () => {
    const base = JSON.stringify({ plans: [{ id: 'a', fee: '1' }, { id: 'clic-s', fee: '45.00' }], tariffs: { x: 1 } });
    const variant = JSON.stringify({ plans: [{ id: 'clic-s', fee: '50.00' }, { id: 'a', fee: '1' }], tariffs: { x: 1, y: 2 } });
    expect(catalogChanges(base, variant)).toEqual([
      { path: 'plans[clic-s].fee', base: '45.00', variant: '50.00' },
      { path: 'tariffs.y', base: undefined, variant: 2 },
    ]);
  });
});
