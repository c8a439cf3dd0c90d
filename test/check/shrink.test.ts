/**
 * shrinkTimeline: a failing timeline shrinks to the few events a failure needs, within its budget of
 * predicate calls, to a timeline that still fails, and never to one the predicate rejects as invalid.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shrinkTimeline } from '../../src/check/shrink.ts';
import { loadCatalog } from '../../src/domain/catalog.ts';
import { InputError } from '../../src/domain/errors.ts';
import type { TimelineInput } from '../../src/domain/timeline.ts';
import { referenceOutcome } from '../../src/terms/model.ts';

const catalog = loadCatalog(new URL('../../scenarios/catalogs/default.yaml', import.meta.url).pathname);
type Event = TimelineInput['events'][number];

const pad = (n: number) => String(n).padStart(2, '0');
/** Belgian winter time (the whole timeline is before the switch of 2026-03-29). */
const at = (month: number, day: number, hour: number) => `2026-${pad(month)}-${pad(day)}T${pad(hour)}:00:00+01:00`;

/**
 * CLIC M (two SIMs and a data SIM) from 2026-01-15, received and activated by hand, then 38 usage
 * records to 2026-03-27: in February sim-1 calls Belgian mobiles 5 × 900 s = 4,500 s; the 33 others
 * are sim-1 calls in January and March, sim-2 calls (Belgium and France), SMS and data.
 */
function fortyEvents(): TimelineInput {
  const usage: Event[] = [3, 9, 14, 20, 25].map((d, i) => ({ type: 'call', at: at(2, d, 9 + i), line: 'sim-1', from: 'BE', to: '0471234567', seconds: 900 }));
  const tos = ['0471234567', '+3222345678', '+33612345678', '0499887766'];
  for (let i = 0; i < 33; i++) {
    const day = 16 + 2 * i; // 2026-01-16 … 2026-03-21, every other day
    const [m, d] = day <= 31 ? [1, day] : day <= 59 ? [2, day - 31] : [3, day - 59];
    const when = at(m, d, 14 + (i % 6));
    const kind = m === 2 ? 1 + (i % 3) : i % 4;
    if (kind === 0) usage.push({ type: 'call', at: when, line: 'sim-1', from: 'BE', to: tos[i % 4]!, seconds: 300 + 60 * (i % 5) });
    else if (kind === 1) usage.push({ type: 'call', at: when, line: 'sim-2', from: i % 2 === 0 ? 'FR' : 'BE', to: tos[(i + 1) % 4]!, seconds: 1_200 });
    else if (kind === 2) usage.push({ type: 'sms', at: when, line: 'sim-1', from: 'BE', to: '0470999888', characters: 200 });
    else usage.push({ type: 'data', at: when, line: 'data-1', from: 'BE', bytes: 300_000_000, seconds: 1_800 });
  }
  usage.sort((a, b) => a.at.localeCompare(b.at));
  return {
    schema: 'termlab.timeline/1',
    subscriber: { id: 'shrink-40' },
    contract: {
      family: 'CLIC',
      plan: 'clic-m',
      start: '2026-01-15',
      cycleDay: 1,
      lines: [
        { id: 'sim-1', kind: 'mobile', number: '+32470123456' },
        { id: 'sim-2', kind: 'mobile', number: '+32470123457' },
        { id: 'data-1', kind: 'data' },
      ],
    },
    until: '2026-04-01',
    events: [{ type: 'sim_received', at: at(1, 15, 9) }, { type: 'activation', at: at(1, 15, 10) }, ...usage],
  } as TimelineInput;
}

/** Valid: the reference model accepts it (schema, contract, order, activation). */
function valid(t: TimelineInput): boolean {
  try {
    referenceOutcome(t, catalog, 'candidate');
    return true;
  } catch (e) {
    if (e instanceof InputError) return false;
    throw e;
  }
}

const februaryCallSeconds = (t: TimelineInput, line: string) =>
  t.events.reduce((s, e) => (e.type === 'call' && e.line === line && e.at.startsWith('2026-02') ? s + e.seconds : s), 0);

/** The synthetic failure: "fails when the total call seconds on sim-1 in February exceed 3,600", on valid timelines only. */
function counting(predicate: (t: TimelineInput) => boolean) {
  const seen = { calls: 0, invalid: 0 };
  const fails = async (t: TimelineInput) => {
    seen.calls++;
    if (!valid(t)) {
      seen.invalid++;
      return false;
    }
    return predicate(t);
  };
  return { fails, seen };
}
const overAnHour = (t: TimelineInput) => februaryCallSeconds(t, 'sim-1') > 3_600;

describe('shrinkTimeline', () => {
  const big = fortyEvents();

  it('starts from a valid 40-event timeline that fails', () => {
    expect(big.events).toHaveLength(40);
    expect(valid(big)).toBe(true);
    expect(februaryCallSeconds(big, 'sim-1')).toBe(4_500);
  });

  it('shrinks 40 events to at most 2 when the failure needs more than an hour of calls on sim-1 in February', async () => {
    const { fails, seen } = counting(overAnHour);
    const { timeline, calls } = await shrinkTimeline(big, fails);
    expect(timeline.events.length).toBeLessThanOrEqual(2);
    expect(timeline.events.every((e) => e.type === 'call' && e.line === 'sim-1')).toBe(true);
    expect(overAnHour(timeline) && valid(timeline)).toBe(true);
    expect(calls).toBe(seen.calls);
    expect(calls).toBeLessThanOrEqual(400);
    // The horizon and the unused lines go too.
    expect(timeline.until <= '2026-03-01').toBe(true);
    expect(timeline.contract.lines.map((l) => l.id)).toEqual(['sim-1']);
  });

  it('keeps what validity needs: with the SIM receipt kept, the activation stays too', async () => {
    // "fails when the SIM was received by post and sim-2 calls from France in February": without the
    // activation, usage after a receipt is invalid (the subscription never started), so the shrinker is
    // offered invalid candidates and must keep the activation.
    const frenchCall = (t: TimelineInput) => t.events.some((e) => e.type === 'call' && e.line === 'sim-2' && e.at.startsWith('2026-02') && e.from === 'FR');
    const { fails, seen } = counting((t) => t.events.some((e) => e.type === 'sim_received') && frenchCall(t));
    const { timeline } = await shrinkTimeline(big, fails);
    expect(seen.invalid).toBeGreaterThan(0);
    expect(valid(timeline)).toBe(true);
    expect(timeline.events.map((e) => e.type)).toEqual(['sim_received', 'activation', 'call']);
  });

  it('never makes more predicate calls than its budget, and what it returns still fails', async () => {
    for (const budget of [0, 1, 5, 20, 60]) {
      const { fails, seen } = counting(overAnHour);
      const { timeline, calls } = await shrinkTimeline(big, fails, budget);
      expect(seen.calls).toBeLessThanOrEqual(budget);
      expect(calls).toBe(seen.calls);
      expect(overAnHour(timeline) && valid(timeline)).toBe(true);
      if (budget === 0) expect(timeline).toEqual(big);
    }
  });

  it('never returns an invalid timeline when the predicate rejects invalid candidates (any subset, any threshold)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.subarray(big.events.slice(2), { minLength: 1 }), fc.integer({ min: 0, max: 4_000 }), fc.boolean(), async (usage, threshold, activate) => {
        const start: TimelineInput = { ...big, events: activate ? [big.events[1]!, ...usage] : [big.events[0]!, big.events[1]!, ...usage] };
        const needs = (t: TimelineInput) => t.events.reduce((s, e) => s + (e.type === 'call' ? e.seconds : 0), 0) >= threshold;
        const { fails } = counting(needs);
        fc.pre(await fails(start));
        const { timeline } = await shrinkTimeline(start, fails, 150);
        expect(valid(timeline)).toBe(true);
        expect(needs(timeline)).toBe(true);
        expect(timeline.events.length).toBeLessThanOrEqual(start.events.length);
      }),
      { numRuns: 25, seed: 20260401 },
    );
  });
});
