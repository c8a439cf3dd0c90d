/**
 * `termlab check --only usage` on scenarios with prepaid plans: a prepaid line is served only from the
 * credit its top-ups bring (BASE-B.1.2.1, B.1.2.2), and the usage projection drops top-ups with every
 * other account event, so prepaid plans are left out of the scenario rather than checked as refusals.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PERSONAS } from '../../generators/personas/index.ts';
import { population } from '../../generators/population.ts';
import { usageOnlyScenario } from '../../src/check/projection.ts';
import { InputError } from '../../src/domain/errors.ts';
import { loadScenario } from '../../src/domain/scenario.ts';

const scenarioFile = (name: string) => fileURLToPath(new URL(`../../scenarios/${name}.yaml`, import.meta.url));

describe('the usage projection of a scenario', () => {
  it('leaves the prepaid plan out of every mix entry, and drops the entries that had only it', () => {
    const { scenario, catalog } = loadScenario(scenarioFile('default'), PERSONAS);
    const { scenario: projected, left } = usageOnlyScenario(scenario, catalog);
    expect(left).toEqual(['base-prepaid']);
    expect(projected.mix.flatMap((m) => m.plans.map((p) => p.id))).not.toContain('base-prepaid');
    // default.yaml: [prepaid-topper] draws from base-prepaid alone; [light-user] from every plan.
    expect(projected.mix.map((m) => m.personas.join('+'))).not.toContain('prepaid-topper');
    const light = (s: typeof scenario) => s.mix.find((m) => m.personas.join('+') === 'light-user')!.plans.map((p) => p.id);
    expect(light(projected)).toEqual(light(scenario).filter((id) => id !== 'base-prepaid'));
    expect(projected.mix.length).toBe(scenario.mix.length - 1);
  });

  it('generates no prepaid subscriber', () => {
    const { scenario, catalog } = loadScenario(scenarioFile('default'), PERSONAS);
    const { scenario: projected } = usageOnlyScenario(scenario, catalog);
    const families = new Set([...population(projected, catalog, { count: 300 })].map((s) => s.timeline.contract.family));
    expect(families.has('BASE_PREPAID')).toBe(false);
    expect(families.size).toBeGreaterThan(1);
  });

  it('keeps a scenario without prepaid plans as it is', () => {
    const { scenario, catalog } = loadScenario(scenarioFile('check'), PERSONAS);
    expect(usageOnlyScenario(scenario, catalog)).toEqual({ scenario, left: [] });
  });

  it('refuses a scenario of prepaid plans only, naming the file and what it expected', () => {
    const { scenario, catalog } = loadScenario(scenarioFile('prepaid-base'), PERSONAS);
    let error: unknown;
    try {
      usageOnlyScenario(scenario, catalog);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).file).toBe(scenarioFile('prepaid-base'));
    expect((error as InputError).path).toBe('mix');
    expect((error as InputError).message).toMatch(/expected a plan that is not prepaid with --only usage .*BASE-B\.1\.2\.1.*base-prepaid/);
  });
});
