/**
 * Edge bias: the generators lean towards the lines the terms draw, so that each is reached within a
 * bounded number of subscribers (the bound is the sample size of each test, with fixed seeds).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { edgeInt, unitDelta } from '../../generators/edges.ts';
import { periodEnds, periodsOf, type SituationId } from '../../generators/stats.ts';
import { Fair } from '../../generators/usage/meter.ts';
import { midnight } from '../../generators/calendar.ts';
import { catalog, expectReached, generate, scenarioOf, type MixIn } from './helpers.ts';

describe('edge-biased arbitraries', () => {
  it('draw the boundary values often and stay in range', () => {
    const values = fc.sample(edgeInt(0, 1000, [14, 15], 0.5), { numRuns: 400, seed: 1 });
    expect(values.every((v) => v >= 0 && v <= 1000)).toBe(true);
    const edges = values.filter((v) => v === 14 || v === 15).length;
    expect(edges).toBeGreaterThan(120);
    expect(edges).toBeLessThan(280);
    expect(new Set(fc.sample(unitDelta(), { numRuns: 100, seed: 1 }))).toEqual(new Set([-1, 0, 1]));
  });
});

const BOUNDARIES: Array<[string, MixIn[], { months: number; start?: string }, number, SituationId[]]> = [
  ['a flat allowance −1 unit, exactly, +1 unit (CLIC-2.1)', [{ personas: ['allowance-crosser'] }], { months: 3 }, 60, ['allowance-minus-1', 'allowance-exact', 'allowance-plus-1']],
  ['a CLIC-2.3 limit −1, exactly, +1', [{ personas: ['fair-use-abuser'] }], { months: 3 }, 40, ['fair-use-minus-1', 'fair-use-exact', 'fair-use-plus-1']],
  ['activation on the 14th and 15th day after receipt (CLIC-2.5)', [{ personas: ['late-activator'] }], { months: 2 }, 60, ['activation-day-14', 'activation-day-15']],
  ['arrears of €150.00, €150.01, €500.00, €500.01 (BASE-D.8.6)', [{ personas: ['partial-payer'] }], { months: 4 }, 40, ['arrears-150.00', 'arrears-150.01', 'arrears-500.00', 'arrears-500.01']],
  ['the end of the sixth month of a fixed term (BASE-D.10.3.2.1)', [{ personas: ['fixed-term-leaver'] }], { months: 8 }, 40, ['fixed-term-ends-around-sixth-month']],
  ['the end of a device\'s minimum period (BASE-D.10.3.2.3)', [{ personas: ['early-leaver'] }], { months: 12 }, 40, ['ends-around-device-minimum']],
  ['the 5th and 6th working day after a new SIM (BASE-B.3.1.3)', [{ personas: ['sim-loser'] }], { months: 3 }, 40, ['lifted-5th-working-day', 'lifted-6th-working-day']],
  ['20 and more than 20 SMS recipients (BASE-B.3.3.1)', [{ personas: ['group-texter'] }], { months: 2 }, 30, ['group-sms-20', 'group-sms-over-20']],
  ['one month to dispute (BASE-D.8.8)', [{ personas: ['disputer'] }], { months: 4 }, 40, ['dispute-day-before-deadline', 'dispute-on-deadline', 'dispute-day-after-deadline']],
  ['three months to leave after a change (BASE-D.10.3.2.4)', [{ personas: ['price-change-leaver'] }], { months: 8 }, 40, ['leaves-around-three-months']],
  ['six months of client suspension (BASE-D.10.2)', [{ personas: ['holiday-suspender'] }], { months: 9 }, 30, ['client-suspension-around-six-months']],
  ['the indemnity\'s first day (BASE-D.8.6)', [{ personas: ['late-payer'] }], { months: 5 }, 30, ['pays-on-indemnity-day']],
  ['twelve months without a top-up (BASE-B.2.2)', [{ personas: ['prepaid-topper'] }], { months: 14 }, 40, ['prepaid-year-without-top-up']],
];

describe('edge bias reaches', () => {
  for (const [what, mix, o, samples, ids] of BOUNDARIES)
    it(`${what} within ${samples} subscribers`, () => {
      expectReached(generate(scenarioOf(mix, o), samples), ids);
    });

  it('30,000 minutes ±1 s and 30,000 SMS ±1 on one SIM, within 80 subscribers', () => {
    const subs = generate(scenarioOf([{ personas: ['fair-use-abuser'], plans: ['clic-s', 'clic-m', 'base-plus'] }], { months: 3, seed: 11 }), 80);
    const hits = new Set<string>();
    for (const s of subs) for (const end of periodEnds(s, catalog)) for (const f of end.fair) if (Math.abs(f.used - f.limit) <= 1) hits.add(`${f.index}:${f.used - f.limit}`);
    for (const index of [Fair.CALL, Fair.SMS]) for (const d of [-1, 0, 1]) expect(hits, `counter ${index} at limit ${d >= 0 ? '+' : ''}${d}`).toContain(`${index}:${d}`);
  });

  it('300 GB ±1 byte in Belgium and 100 GB ±1 byte in the EU zone on one SIM, within 80 subscribers', () => {
    const subs = generate(scenarioOf([{ personas: ['fair-use-abuser'], plans: ['clic-unlimited'] }], { months: 3, seed: 12 }), 80);
    const hits = new Set<string>();
    for (const s of subs) for (const end of periodEnds(s, catalog)) for (const f of end.fair) if (f.index >= Fair.DATA_BE && Math.abs(f.used - f.limit) <= 1) hits.add(`${f.index}:${f.used - f.limit}`);
    for (const index of [Fair.DATA_BE, Fair.DATA_EU]) for (const d of [-1, 0, 1]) expect(hits, `counter ${index} at limit ${d}`).toContain(`${index}:${d}`);
  });

  it('the last day of a billing period: boundary records land in its last minutes', () => {
    const subs = generate(scenarioOf([{ personas: ['allowance-crosser'] }], { months: 3 }), 30);
    let last = 0;
    for (const s of subs) {
      const ends = new Set(periodsOf(s).periods.map((p) => midnight(p.end)));
      for (let i = 0; i < s.usage.count; i++) for (const e of ends) if (e - s.usage.at[i]! > 0 && e - s.usage.at[i]! <= 120) last++;
    }
    expect(last).toBeGreaterThan(10);
  });
});
