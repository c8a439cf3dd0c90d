/**
 * Reusing the base's outcome for a subscriber a what-if variant cannot change (src/run/catalog-reads.ts)
 * is only honest if "read nothing the variant changes" really implies "the same outcome". These tests
 * rate a population under the base and under variants touching every kind of catalog value, and check
 * it subscriber by subscriber.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { PERSONAS } from '../../generators/personas/index.ts';
import { population } from '../../generators/population.ts';
import { resolveCatalog, type Catalog } from '../../src/domain/catalog.ts';
import { applyOverrides, loadScenario } from '../../src/domain/scenario.ts';
import { CatalogReads, catalogChanges } from '../../src/run/catalog-reads.ts';
import { compileGenerated } from '../../src/terms/compile.ts';
import { rateCompiled } from '../../src/terms/model.ts';

const CATALOG_FILE = 'scenarios/catalogs/default.yaml';
const doc = parseYaml(readFileSync(CATALOG_FILE, 'utf8')) as unknown;
const base = resolveCatalog(doc, CATALOG_FILE);
const variant = (overrides: Record<string, unknown>): Catalog => resolveCatalog(applyOverrides(doc, overrides, 'test', 'overrides'), CATALOG_FILE);

describe('catalogChanges: what a variant changes, at the granularity reads are recorded', () => {
  it('a tariff is one rate; a plan field is the whole plan; a scalar is itself; nothing for the same catalog', () => {
    expect(catalogChanges(base, variant({}))).toEqual(new Set());
    expect(catalogChanges(base, variant({ 'tariffs.roaming_eu.data': '5/GB' }))).toEqual(new Set(['rates.11', 'rates.*']));
    expect(catalogChanges(base, variant({ 'plans.clic-s.fee': '39.00' }))).toEqual(new Set(['plans.clic-s', 'plans.*']));
    expect(catalogChanges(base, variant({ 'plans.clic-m.allowances.data': '30GB' }))).toEqual(new Set(['plans.clic-m', 'plans.*']));
    expect(catalogChanges(base, variant({ 'billing.paymentTermDays': 20, 'fees.reminder': '2.00' }))).toEqual(new Set(['paymentTermDays', 'fees.reminder', 'fees.*']));
  });

  it('an override to the value the catalog already has changes nothing', () => {
    expect(catalogChanges(base, variant({ 'tariffs.roaming_eu.data': '10/GB', 'plans.clic-s.fee': '45.00' }))).toEqual(new Set());
  });
});

describe('CatalogReads records what the model reads', () => {
  it('entries by key, scalars by name, whole collections as <name>.*; values unchanged', () => {
    const reads = new CatalogReads(base);
    const c = reads.catalog;
    expect(c.plans.get('clic-s')).toBe(base.plans.get('clic-s'));
    expect(c.rates[3]).toBe(base.rates[3]);
    expect(c.paymentTermDays).toBe(base.paymentTermDays);
    expect(c.fees.reminder).toBe(base.fees.reminder);
    expect(reads.keys()).toEqual(['fees.reminder', 'paymentTermDays', 'plans.clic-s', 'rates.3']);
    expect(reads.touches(new Set(['rates.3']))).toBe(true);
    expect(reads.touches(new Set(['rates.4', 'plans.clic-m']))).toBe(false);
    void [...c.plans.keys()];
    expect(reads.touches(new Set(['plans.*']))).toBe(true);
    reads.clear();
    expect(reads.keys()).toEqual([]);
  });
});

describe('a subscriber that read nothing a variant changes has, under the variant, exactly the base outcome', () => {
  const { scenario } = loadScenario('scenarios/default.yaml', PERSONAS);
  const subscribers = [...population(scenario, base, { seed: 7, count: 160 })];
  const VARIANTS: Record<string, Record<string, unknown>> = {
    'a roaming tariff': { 'tariffs.roaming_eu.data': '5/GB' },
    'a special-number tariff': { 'tariffs.premium.call': '2.50/min' },
    'a plan fee': { 'plans.clic-s.fee': '39.00' },
    'a plan allowance': { 'plans.base-plus.allowances.calls': '100min' },
    'the reminder fee and the indemnity delay (BASE-D.8.6)': { 'fees.reminder': '2.00', 'dunning.indemnityAfterDays': 20 },
    'an option fee': { 'options.tv.fee': '25.00' },
    'the payment term': { 'billing.paymentTermDays': 20 },
    'the second alert threshold (BASE-D.6.1.3)': { 'billing.secondAlertAbove': '20.00' },
  };

  for (const [what, overrides] of Object.entries(VARIANTS))
    it(what, () => {
      const other = variant(overrides);
      const changes = catalogChanges(base, other);
      const reads = new CatalogReads(base);
      let reused = 0;
      let differ = 0;
      for (const sub of subscribers) {
        reads.clear();
        const traced = rateCompiled(compileGenerated(sub.timeline, sub.usage, reads.catalog), reads.catalog);
        const plain = rateCompiled(compileGenerated(sub.timeline, sub.usage, base), base);
        expect(traced).toEqual(plain); // tracing changes nothing
        const underVariant = rateCompiled(compileGenerated(sub.timeline, sub.usage, other), other);
        if (!reads.touches(changes)) {
          reused++;
          expect(underVariant, `subscriber ${sub.index} (${sub.personas.join('+')})`).toEqual(plain);
        } else if (JSON.stringify(underVariant) !== JSON.stringify(plain)) differ++;
      }
      // Both sides are exercised: some subscribers are reused, and the variant does change others.
      expect(reused).toBeGreaterThan(0);
      expect(differ).toBeGreaterThan(0);
    });
});
