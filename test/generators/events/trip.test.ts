import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EU_DESTINATIONS, summers, trip, WORLD_DESTINATIONS } from '../../../generators/events/trip.ts';
import { buildContext, populationPlan } from '../../../generators/subscriber.ts';
import { countryZone, Zone } from '../../../src/domain/countries.ts';
import { formatDate } from '../../../src/domain/time.ts';
import { catalog, scenarioOf } from '../helpers.ts';

describe('trips', () => {
  const plan = populationPlan(scenarioOf([{ personas: ['summer-roamer'] }], { start: '2026-05-01', months: 6 }), catalog);
  const ctx = buildContext(plan, fc.sample(plan.entries[0]!.shape, { numRuns: 1, seed: 1 })[0]!.contract);

  it('go to EU-zone countries or beyond, as asked', () => {
    for (const c of EU_DESTINATIONS) expect(countryZone(c)).toBe(Zone.EU);
    for (const c of WORLD_DESTINATIONS) expect(countryZone(c)).toBe(Zone.WORLD);
    const eu = fc.sample(trip(ctx, { minDays: 1, maxDays: 5, worldShare: 0 }), { numRuns: 50, seed: 1 });
    expect(eu.every((t) => countryZone(t.country) === Zone.EU && t.days >= 1 && t.days <= 5)).toBe(true);
  });

  it('start inside their window: the summers of the horizon', () => {
    const [summer] = summers(ctx);
    expect([formatDate(summer!.from), formatDate(summer!.to)]).toEqual(['2026-07-01', '2026-09-01']);
    for (const t of fc.sample(trip(ctx, { minDays: 7, maxDays: 21, worldShare: 0.2, window: summer! }), { numRuns: 50, seed: 2 }))
      expect(t.from >= summer!.from && t.from < summer!.to).toBe(true);
  });
});
