import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contractShape } from '../../generators/contract.ts';
import { catalog } from './helpers.ts';

describe('contract shapes', () => {
  const plans = [...catalog.plans.keys()].map((id) => ({ id, weight: 1 }));

  it('fit their plan: SIM counts, data SIM, options sold with the family, terms and devices (CLIC-1, CLIC-2.4, CLIC-2.7)', () => {
    fc.assert(
      fc.property(contractShape({ catalog, plans, activationDays: 28, needs: {} }), (c) => {
        const plan = catalog.plans.get(c.plan)!;
        expect(c.mobiles).toBeGreaterThanOrEqual(1);
        expect(c.mobiles).toBeLessThanOrEqual(Math.max(1, plan.mobileSims));
        if (c.dataSim) expect(plan.dataSim).toBe(true);
        if (c.phone2go > 0) expect(catalog.options.phone2go.families).toContain(plan.family);
        if (c.fixedLine) expect(catalog.options.fixed_telephony.families).toContain(plan.family);
        if (c.fixedTermMonths > 0) expect(plan.family).toBe('BASE_SUBSCRIPTION');
        if (plan.family === 'BASE_PREPAID') expect(c.device).toBeNull();
        expect(c.cycleDay).toBeGreaterThanOrEqual(1);
        expect(c.cycleDay).toBeLessThanOrEqual(28);
      }),
      { numRuns: 300 },
    );
  });

  it('honour what personas need', () => {
    const needs = { device: true, secondSim: true, manualPayment: true };
    const clic = [{ id: 'clic-s', weight: 1 }, { id: 'clic-m', weight: 1 }];
    for (const c of fc.sample(contractShape({ catalog, plans: clic, activationDays: 28, needs }), { numRuns: 100, seed: 2 })) {
      expect(c.device).not.toBeNull();
      expect(c.mobiles >= 2 || c.dataSim).toBe(true);
      expect(c.payment).toBe('manual');
    }
  });
});
