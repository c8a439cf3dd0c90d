/**
 * Small helpers for the golden tests: build tiny timelines, custom catalogs, and look things up in
 * an outcome. Nothing here computes an expected value — expectations are worked out by hand in the
 * tests themselves.
 */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { loadCatalog, resolveCatalog, type Catalog } from '../../src/domain/catalog.ts';
import type { DecisionT, Outcome, StatementLineT, StatementT, UsageRowT } from '../../src/domain/outcome.ts';
import type { TimelineInput } from '../../src/domain/timeline.ts';
import { referenceOutcome } from '../../src/terms/model.ts';

export const DEFAULT_CATALOG_FILE = 'scenarios/catalogs/default.yaml';

/** Numbers used throughout the golden tests. */
export const N = {
  beMobile: '+32470123456',
  beMobile2: '+32470999888',
  beFixed: '+3222345678',
  frMobile: '+33612345678',
  us: '+12025550123',
  premium: '090012345',
  special: '070123456',
  freephone: '080012345',
  emergency: '112',
} as const;

export type Family = 'CLIC' | 'CLIC_BUREAU' | 'BASE_SUBSCRIPTION' | 'BASE_PREPAID';
export type LineKind = 'mobile' | 'data' | 'fixed' | 'phone2go';
export type Option = 'phone2go' | 'fixed_telephony' | 'tv';
type EventInput = TimelineInput['events'][number];

export interface ContractSpec {
  plan: string;
  family?: Family;
  start: string;
  cycleDay: number;
  until: string;
  /** Line ids with their kind; default: one mobile SIM 'sim-1'. */
  lines?: Array<[string, LineKind]>;
  options?: Option[];
  dataBarred?: boolean;
}

const FAMILY_OF_PLAN: Record<string, Family> = {
  'clic-s': 'CLIC',
  'clic-m': 'CLIC',
  'clic-unlimited': 'CLIC',
  'clic-bureau': 'CLIC_BUREAU',
  'base-light': 'BASE_SUBSCRIPTION',
  'base-plus': 'BASE_SUBSCRIPTION',
  'base-prepaid': 'BASE_PREPAID',
};

/** A timeline document (contract 1) for one subscriber. */
export function timeline(spec: ContractSpec, events: EventInput[]): TimelineInput {
  const family = spec.family ?? FAMILY_OF_PLAN[spec.plan];
  if (family === undefined) throw new Error(`golden fixture: give the family of plan ${spec.plan}`);
  return {
    schema: 'termlab.timeline/1',
    subscriber: { id: 'golden' },
    contract: {
      family,
      plan: spec.plan,
      options: spec.options ?? [],
      start: spec.start,
      cycleDay: spec.cycleDay,
      lines: (spec.lines ?? [['sim-1', 'mobile']]).map(([id, kind]) => ({ id, kind })),
      dataBarred: spec.dataBarred ?? false,
    },
    until: spec.until,
    events,
  };
}

export function call(
  at: string,
  line: string,
  from: string,
  to: string,
  seconds: number,
  extra: { direction?: 'in' | 'out'; recordedAt?: string } = {},
): EventInput {
  return { type: 'call', at, line, from, to, seconds, ...extra };
}

export function sms(
  at: string,
  line: string,
  from: string,
  to: string,
  characters: number,
  extra: { recipients?: number; recordedAt?: string } = {},
): EventInput {
  return { type: 'sms', at, line, from, to, characters, ...extra };
}

export function data(at: string, line: string, from: string, bytes: number, seconds: number, extra: { recordedAt?: string } = {}): EventInput {
  return { type: 'data', at, line, from, bytes, seconds, ...extra };
}

let defaultCatalog: Catalog | undefined;
export function catalog(): Catalog {
  return (defaultCatalog ??= loadCatalog(DEFAULT_CATALOG_FILE));
}

/** The default catalog with extra plans (YAML-shaped objects) appended. */
export function catalogWith(plans: Array<Record<string, unknown>>): Catalog {
  const doc = parseYaml(readFileSync(DEFAULT_CATALOG_FILE, 'utf8')) as { name: string; plans: unknown[] };
  doc.name = 'golden';
  doc.plans = [...doc.plans, ...plans];
  for (const plan of plans) FAMILY_OF_PLAN[plan['id'] as string] = plan['family'] as Family;
  return resolveCatalog(doc, 'golden-catalog');
}

export function rate(doc: TimelineInput, cat: Catalog = catalog()): Outcome {
  return referenceOutcome(doc, cat, 'golden');
}

/** The usage row of (period, line, service, zone), or undefined when the model has none. */
export function row(o: Outcome, period: number, line: string, service: 'call' | 'sms' | 'data', zone: 'BE' | 'EU' | 'WORLD'): UsageRowT | undefined {
  return o.usage.find((r) => r.period === period && r.line === line && r.service === service && r.zone === zone);
}

/** A usage row as the five treatment columns, all zero when the row is absent. */
export function treated(o: Outcome, period: number, line: string, service: 'call' | 'sms' | 'data', zone: 'BE' | 'EU' | 'WORLD') {
  const r = row(o, period, line, service, zone);
  return {
    included: r?.included ?? 0,
    billed: r?.billed ?? 0,
    throttled: r?.throttled ?? 0,
    blocked: r?.blocked ?? 0,
    free: r?.free ?? 0,
  };
}

export function statement(o: Outcome, issuedOn: string): StatementT {
  const s = o.statements.find((x) => x.issuedOn === issuedOn);
  if (s === undefined) throw new Error(`no statement issued on ${issuedOn}; issued: ${o.statements.map((x) => x.issuedOn).join(', ')}`);
  return s;
}

/** Lines of a statement with a given tariff key (usage lines). */
export function tariffLines(s: StatementT, tariff: string): StatementLineT[] {
  return s.lines.filter((l) => l.tariff === tariff);
}

/** Sum of the amounts of a statement's lines under a tariff key (0 when there are none). */
export function tariffCents(s: StatementT, tariff: string): number {
  return tariffLines(s, tariff).reduce((sum, l) => sum + l.amountCents, 0);
}

/** Sum of the quantities of a statement's lines under a tariff key (0 when there are none). */
export function tariffQuantity(s: StatementT, tariff: string): number {
  return tariffLines(s, tariff).reduce((sum, l) => sum + l.quantity, 0);
}

/** Usage lines (those with a tariff key) of every statement. */
export function usageLines(o: Outcome): StatementLineT[] {
  return o.statements.flatMap((s) => s.lines.filter((l) => l.tariff !== undefined));
}

export function decisionsOf(o: Outcome, kind: DecisionT['kind']): DecisionT[] {
  return o.decisions.filter((d) => d.kind === kind);
}
