/**
 * Scenario files (termlab.scenario/1): the library loads; a bad scenario is an answer naming the file,
 * the path inside it and what was expected.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PERSONAS } from '../../generators/personas/index.ts';
import { InputError } from '../../src/domain/errors.ts';
import { loadScenario } from '../../src/domain/scenario.ts';
import { CATALOG_FILE, ROOT } from './helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'termlab-scenario-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const BASE = `schema: termlab.scenario/1
name: t
description: test
catalog: ${CATALOG_FILE}
population: 10
start: 2026-01-01
horizonMonths: 2
seed: 1
`;

let n = 0;
function load(body: string): ReturnType<typeof loadScenario> {
  const file = join(dir, `s${n++}.yaml`);
  writeFileSync(file, body);
  return loadScenario(file, PERSONAS);
}

function error(body: string): InputError {
  try {
    load(body);
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('expected an InputError');
}

describe('scenario files', () => {
  it('of the library all load, with their variants', () => {
    const files = readdirSync(join(ROOT, 'scenarios')).filter((f) => f.endsWith('.yaml'));
    expect(files).toEqual(expect.arrayContaining(['default.yaml', 'roaming-summer.yaml', 'fair-use-pressure.yaml', 'dunning-heavy.yaml', 'prepaid-base.yaml', 'price-change-wave.yaml']));
    for (const f of files) {
      const loaded = loadScenario(join(ROOT, 'scenarios', f), PERSONAS);
      expect(loaded.scenario.mix.length).toBeGreaterThan(0);
      expect(loaded.variants.size).toBe(loaded.scenario.variants.length);
    }
  });

  it('apply a variant\'s overrides by path, plans by id', () => {
    const { catalog, variants } = load(`${BASE}mix:\n  - { personas: [everyday-user], weight: 1 }\nvariants:\n  - name: v\n    overrides:\n      plans.clic-s.fee: "39.00"\n      tariffs.roaming_eu.data: 5/GB\n`);
    expect(catalog.plans.get('clic-s')!.fee).toBe(4500);
    expect(variants.get('v')!.plans.get('clic-s')!.fee).toBe(3900);
    expect(variants.get('v')!.rates).not.toEqual(catalog.rates);
  });

  it('reject a weight that is not a number ≥ 0, naming file and path', () => {
    const e = error(`${BASE}mix:\n  - { personas: [everyday-user], weight: high }\n`);
    expect(e.message).toMatch(/s\d+\.yaml: mix\[0\]\.weight: expected a number, got "high"/);
    expect(error(`${BASE}mix:\n  - { personas: [everyday-user], weight: -1 }\n`).message).toMatch(/mix\[0\]\.weight: expected a number ≥ 0/);
    expect(error(`${BASE}mix:\n  - { personas: [everyday-user], weight: 0 }\n`).message).toMatch(/: mix: expected at least one entry with a weight above 0/);
  });

  it('reject an unknown persona, listing the known ones', () => {
    const e = error(`${BASE}mix:\n  - { personas: [everyday-user, time-traveller], weight: 1 }\n`);
    expect(e.path).toBe('mix[0].personas[1]');
    expect(e.message).toMatch(/expected a persona id \(everyday-user, .*\), got "time-traveller"/);
  });

  it('reject an unknown plan, and a plan the persona cannot be on', () => {
    expect(error(`${BASE}mix:\n  - { personas: [everyday-user], weight: 1, plans: [clic-xl] }\n`).message).toMatch(
      /mix\[0\]\.plans\[0\]: expected a plan of catalog "default" \(clic-s, .*\), got "clic-xl"/,
    );
    expect(error(`${BASE}plans: { clic-xl: 1 }\nmix:\n  - { personas: [everyday-user], weight: 1 }\n`).path).toBe('plans.clic-xl');
    expect(error(`${BASE}mix:\n  - { personas: [prepaid-topper], weight: 1, plans: [clic-s] }\n`).message).toMatch(
      /mix\[0\]\.plans\[0\]: expected a plan persona prepaid-topper can be on \(BASE_PREPAID plans\), got "clic-s"/,
    );
    expect(error(`${BASE}mix:\n  - { personas: [prepaid-topper, phone2go-sharer], weight: 1 }\n`).path).toBe('mix[0].personas');
  });

  it('reject bad persona parameters with the parameter\'s path', () => {
    expect(error(`${BASE}mix:\n  - personas: [summer-roamer]\n    weight: 1\n    parameters: { summer-roamer: { minDays: 0 } }\n`).message).toMatch(
      /mix\[0\]\.parameters\.summer-roamer\.minDays: expected a number ≥ 1, got 0/,
    );
    expect(error(`${BASE}mix:\n  - personas: [summer-roamer]\n    weight: 1\n    parameters: { summer-roamer: { colour: red } }\n`).message).toMatch(
      /mix\[0\]\.parameters\.summer-roamer\.colour: expected no field "colour"/,
    );
    expect(error(`${BASE}mix:\n  - personas: [summer-roamer]\n    weight: 1\n    parameters: { late-payer: {} }\n`).path).toBe('mix[0].parameters.late-payer');
  });

  it('reject an override path that is not in the catalog, and a value the catalog schema refuses', () => {
    const bad = (overrides: string) => error(`${BASE}mix:\n  - { personas: [everyday-user], weight: 1 }\nvariants:\n  - name: v\n    overrides:\n${overrides}`);
    let e = bad('      plans.clic-xl.fee: "39.00"\n');
    expect(e.path).toBe('variants[0].overrides["plans.clic-xl.fee"]');
    expect(e.message).toMatch(/expected a path into the catalog: plans has no item with id "clic-xl" \(clic-s, /);
    e = bad('      tarifs.roaming_eu.data: 5/GB\n');
    expect(e.message).toMatch(/variants\[0\]\.overrides\["tarifs\.roaming_eu\.data"\]: expected a path into the catalog: \(root\) has no "tarifs"/);
    e = bad('      tariffs.roaming_eu.dta: 5/GB\n');
    expect(e.message).toMatch(/variants\[0\]\.overrides\["tariffs\.roaming_eu\.dta"\]: expected overrides that keep the catalog valid: tariffs\.roaming_eu\.dta: expected no field "dta"/);
    e = bad('      plans.clic-s.fee: 39\n');
    expect(e.path).toBe('variants[0].overrides["plans.clic-s.fee"]');
    expect(e.message).toMatch(/plans\[0\]\.fee: expected a string, got 39/);
  });

  it('reject a missing catalog and broken YAML', () => {
    expect(error(BASE.replace(CATALOG_FILE, 'nowhere.yaml') + 'mix:\n  - { personas: [everyday-user], weight: 1 }\n').message).toMatch(/: catalog: expected a readable catalog file/);
    expect(error(`${BASE}mix: [ {\n`).message).toMatch(/s\d+\.yaml: \(root\): expected valid YAML/);
    expect(error(BASE.replace('termlab.scenario/1', 'termlab.scenario/2') + 'mix: []\n').path).toBe('schema');
  });
});
