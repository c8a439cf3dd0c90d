import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { CLIC_FAIR_USE, consumerLawChecks, loadCatalog, resolveCatalog } from '../../src/domain/catalog.ts';
import { InputError } from '../../src/domain/errors.ts';
import { TARIFFS } from '../../src/domain/tariffs.ts';

const FILE = fileURLToPath(new URL('../../scenarios/catalogs/default.yaml', import.meta.url));
type Doc = Record<string, any>;
const DEFAULT: Doc = parseYaml(readFileSync(FILE, 'utf8')) as Doc;
const GB = 1_000_000_000;

function edited(edit: (c: Doc) => void): Doc {
  const c = structuredClone(DEFAULT);
  edit(c);
  return c;
}

/** The InputError that resolving `doc` throws. */
function rejection(doc: Doc): InputError {
  try {
    resolveCatalog(doc, 'test.yaml');
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('expected the catalog to be rejected');
}

function planIndex(id: string): number {
  const i = (DEFAULT.plans as Doc[]).findIndex((p) => p.id === id);
  if (i < 0) throw new Error(`no plan ${id}`);
  return i;
}

describe('the default catalog', () => {
  const catalog = loadCatalog(FILE);

  it('loads with every plan family, option and tariff', () => {
    expect(catalog.name).toBe('default');
    expect([...catalog.plans.keys()]).toEqual(['clic-s', 'clic-m', 'clic-unlimited', 'clic-bureau', 'base-light', 'base-plus', 'base-prepaid']);
    expect(new Set([...catalog.plans.values()].map((p) => p.family))).toEqual(new Set(['CLIC', 'CLIC_BUREAU', 'BASE_SUBSCRIPTION', 'BASE_PREPAID']));
    expect(catalog.rates).toHaveLength(TARIFFS.length);
    expect(Object.keys(catalog.options).sort()).toEqual(['fixed_telephony', 'phone2go', 'tv']);
  });

  it('resolves prices, allowances and billing parameters into exact units', () => {
    const s = catalog.plans.get('clic-s')!;
    expect(s.fee).toBe(4500);
    expect(s.allowances).toEqual([Infinity, Infinity, 10 * GB]);
    expect(s.dataSim).toBe(true);
    expect(catalog.plans.get('clic-bureau')!.allowances).toEqual([500 * 60, 200, 5 * GB]);
    expect(catalog.plans.get('base-light')!.rollover).toEqual([true, false, false]);
    expect(catalog.plans.get('base-prepaid')!.allowances).toEqual([0, 0, 0]);
    expect(catalog.throttleBytesPerSecond).toBe(64_000); // 512 kbps (CLIC-2.1)
    expect(catalog.secondAlertAbove).toBe(5000); // €50 (BASE-D.6.1.3)
    expect(catalog.paymentTermDays).toBe(15);
    expect(catalog.options.phone2go).toEqual({ fee: 1000, families: ['CLIC'] }); // CLIC-2.7: not CLIC Bureau
  });

  it('applies the CLIC-2.3 fair-use limits by default: 30,000 minutes, 30,000 SMS, 300 GB in Belgium, 100 GB in the EU zone', () => {
    expect(CLIC_FAIR_USE).toEqual({ callMinutes: 30_000, sms: 30_000, dataBelgiumGB: 300, dataEuGB: 100 });
    for (const p of catalog.plans.values())
      expect(p.fairUse).toEqual({ callSeconds: 1_800_000, sms: 30_000, dataBelgium: 300 * GB, dataEu: 100 * GB });
  });

  it('counts CLIC plans in Belgium and the EU zone and throttles them (CLIC-2.2, CLIC-2.1); BASE in Belgium (BASE-D.7.1)', () => {
    for (const p of catalog.plans.values()) {
      const clic = p.family === 'CLIC' || p.family === 'CLIC_BUREAU';
      expect(p.includedInBelgium).toBe(true);
      expect(p.includedInEu).toBe(clic);
      expect(p.throttleAfterData).toBe(clic);
    }
  });

  it('says where every value comes from: each plan, option, tariffs and billing block has a source starting with assumption, seed or public source', () => {
    const blocks: Array<[string, unknown]> = [
      ['billing', DEFAULT.billing.source],
      ['tariffs', DEFAULT.tariffs.source],
      ...Object.entries(DEFAULT.options as Doc).map(([k, o]): [string, unknown] => [`options.${k}`, (o as Doc).source]),
      ...(DEFAULT.plans as Doc[]).map((p, i): [string, unknown] => [`plans[${i}]`, p.source]),
    ];
    expect(blocks.length).toBe(2 + 3 + 7);
    for (const [where, source] of blocks) expect(source, where).toMatch(/^(assumption|seed|public source)\b/);
  });
});

describe('catalog validation gives one clear error naming the YAML path', () => {
  it.each(['clic-s', 'clic-m', 'clic-unlimited', 'clic-bureau'])('rejects %s counted in Belgium only (CLIC-2.2)', (id) => {
    const i = planIndex(id);
    const e = rejection(edited((c) => void (c.plans[i].includedIn = ['BE'])));
    expect(e.path).toBe(`plans[${i}].includedIn`);
    expect(e.message).toMatch(/test\.yaml: plans\[\d\]\.includedIn: expected \[BE, EU\] for a CLIC plan.*CLIC-2\.2/);
  });

  it('rejects a CLIC plan counted in the EU zone only (CLIC-2.2)', () => {
    const e = rejection(edited((c) => void (c.plans[0].includedIn = ['EU'])));
    expect(e.path).toBe('plans[0].includedIn');
  });

  it.each(['clic-s', 'clic-bureau'])('rejects %s billing data beyond the pack instead of throttling (CLIC-2.1)', (id) => {
    const i = planIndex(id);
    const e = rejection(edited((c) => void (c.plans[i].afterData = 'bill')));
    expect(e.path).toBe(`plans[${i}].afterData`);
    expect(e.message).toMatch(/expected "throttle" for a CLIC plan \(CLIC-2\.1\)/);
  });

  it('accepts a BASE plan that bills data beyond the pack and counts in Belgium only (BASE-D.7.1)', () => {
    const i = planIndex('base-light');
    expect(() => resolveCatalog(edited((c) => void (c.plans[i].afterData = 'bill')), 'test.yaml')).not.toThrow();
    expect(() => resolveCatalog(edited((c) => void (c.plans[i].afterData = 'throttle')), 'test.yaml')).not.toThrow();
  });

  it.each([
    ['a plan', (c: Doc) => delete c.plans[2].source, 'plans[2].source'],
    ['an option', (c: Doc) => delete c.options.tv.source, 'options.tv.source'],
    ['the tariffs', (c: Doc) => delete c.tariffs.source, 'tariffs.source'],
    ['billing', (c: Doc) => delete c.billing.source, 'billing.source'],
  ])('rejects %s without a source', (_what, edit, path) => {
    const e = rejection(edited((c) => void edit(c)));
    expect(e.path).toBe(path);
  });

  it.each([
    ['a plan', (c: Doc) => void (c.plans[1].source = 'my guess'), 'plans[1].source'],
    ['an option', (c: Doc) => void (c.options.phone2go.source = 'the website'), 'options.phone2go.source'],
    ['the tariffs', (c: Doc) => void (c.tariffs.source = 'Assumption'), 'tariffs.source'],
    ['billing', (c: Doc) => void (c.billing.source = ''), 'billing.source'],
  ])('rejects %s whose source does not start with assumption, seed or public source', (_what, edit, path) => {
    const e = rejection(edited(edit));
    expect(e.path).toBe(path);
    expect(e.message).toMatch(/expected a source starting with "assumption", "seed" or "public source"/);
  });

  it('rejects duplicate plan ids, naming the second', () => {
    const e = rejection(edited((c) => void c.plans.push({ ...c.plans[0], name: 'CLIC S again' })));
    expect(e.path).toBe(`plans[${DEFAULT.plans.length}].id`);
    expect(e.message).toMatch(/expected a unique plan id, got "clic-s"/);
  });

  it.each([
    ['a rate written "0.15 per min"', (c: Doc) => void (c.tariffs.national.call = '0.15 per min'), 'tariffs.national.call', /expected a rate such as "0\.15\/min"/],
    ['a missing tariff', (c: Doc) => void delete c.tariffs.roaming_world.call_received, 'tariffs.roaming_world.call_received', /expected/],
    ['a fee finer than a cent', (c: Doc) => void (c.plans[0].fee = '45.005'), 'plans[0].fee', /expected an amount in euros/],
    ['an allowance without a unit', (c: Doc) => void (c.plans[3].allowances.data = '5'), 'plans[3].allowances.data', /"unlimited", "none" or a volume/],
    ['an unknown family', (c: Doc) => void (c.plans[0].family = 'CLIC_PLUS'), 'plans[0].family', /expected/],
    ['an unknown field', (c: Doc) => void (c.billing.rounding = 'down'), 'billing.rounding', /rounding/],
  ])('rejects %s', (_what, edit, path, message) => {
    const e = rejection(edited(edit));
    expect(e.path).toBe(path);
    expect(e.message).toMatch(message);
  });

  it('names the file and the problem when the file cannot be read', () => {
    expect(() => loadCatalog('/nonexistent/catalog.yaml')).toThrow(/\/nonexistent\/catalog\.yaml: \(root\): expected a readable catalog file/);
  });
});

describe('consumer-law checks of the catalog (BASE-D.8.6, Code of Economic Law book XIX)', () => {
  it('finds nothing to say about the default catalog: a free reminder, 14 days before the indemnity', () => {
    expect(consumerLawChecks(loadCatalog('scenarios/catalogs/default.yaml'))).toEqual([]);
  });

  it('flags a reminder fee (the first reminder is free), one above €7.50, and fewer than 14 days before the indemnity', () => {
    const doc = parseYaml(readFileSync('scenarios/catalogs/default.yaml', 'utf8'));
    doc.fees.reminder = '10.00';
    doc.dunning.indemnityAfterDays = 7;
    const warnings = consumerLawChecks(resolveCatalog(doc, 'x.yaml'));
    expect(warnings).toHaveLength(3);
    expect(warnings[0]).toMatch(/^fees\.reminder: 10 euros .* free \(BASE-D\.8\.6\)$/);
    expect(warnings[1]).toMatch(/€7\.50/);
    expect(warnings[2]).toMatch(/^dunning\.indemnityAfterDays: 7 days/);
  });
});
