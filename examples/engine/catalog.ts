/**
 * The price list, read from a termlab catalog YAML with the `yaml` package into the engine's own
 * structures (nothing is shared with termlab's code).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { eurosToCents, parsePrice, type Price } from './money.ts';

export type Service = 'call' | 'sms' | 'data';
export type Family = 'CLIC' | 'CLIC_BUREAU' | 'BASE_SUBSCRIPTION' | 'BASE_PREPAID';

/** An allowance in the service's own unit: seconds, SMS or bytes. */
export type Allowance = { readonly kind: 'unlimited' } | { readonly kind: 'flat'; readonly amount: number };

export interface FairUse {
  readonly callSeconds: number;
  readonly sms: number;
  readonly dataBelgiumBytes: number;
  readonly dataEuBytes: number;
}

export interface Plan {
  readonly id: string;
  readonly family: Family;
  readonly name: string;
  readonly feeCents: number;
  readonly mobileSims: number;
  readonly dataSim: boolean;
  readonly allowance: Readonly<Record<Service, Allowance>>;
  readonly coversBelgium: boolean;
  readonly coversEu: boolean;
  /** Flat data used up in Belgium: throttle (CLIC-2.1) or bill (a BASE plan may). */
  readonly throttleWhenDataUsedUp: boolean;
  readonly rollover: ReadonlySet<Service>;
  readonly fairUse: FairUse;
}

export interface OptionPrice {
  readonly feeCents: number;
  readonly families: readonly Family[];
}

export interface Catalog {
  readonly name: string;
  readonly paymentTermDays: number;
  readonly throttleBytesPerSecond: number;
  readonly secondAlertCents: number;
  /** Keyed "group.field", e.g. "roaming_eu.data". */
  readonly prices: ReadonlyMap<string, Price>;
  readonly options: ReadonlyMap<string, OptionPrice>;
  readonly plans: ReadonlyMap<string, Plan>;
}

const CLIC_LIMITS: FairUse = {
  callSeconds: 30_000 * 60,
  sms: 30_000,
  dataBelgiumBytes: 300 * 1_000_000_000,
  dataEuBytes: 100 * 1_000_000_000,
};

const VOLUME_RE = /^(\d+)(min|sms|GB|MB|kB)$/;
const VOLUME_UNIT: Record<string, number> = { min: 60, sms: 1, GB: 1_000_000_000, MB: 1_000_000, kB: 1_000 };

function allowance(text: unknown): Allowance {
  const s = String(text);
  if (s === 'unlimited') return { kind: 'unlimited' };
  if (s === 'none') return { kind: 'flat', amount: 0 };
  const m = VOLUME_RE.exec(s);
  if (!m) throw new Error(`catalog: expected an allowance such as "120min", "200sms", "10GB", "unlimited" or "none", got ${JSON.stringify(text)}`);
  return { kind: 'flat', amount: Number(m[1]) * VOLUME_UNIT[m[2]!]! };
}

type Doc = Record<string, any>;

export function readCatalog(text: string): Catalog {
  const doc = parse(text) as Doc;
  const prices = new Map<string, Price>();
  for (const [group, fields] of Object.entries(doc.tariffs as Doc)) {
    if (group === 'source') continue;
    for (const [field, value] of Object.entries(fields as Doc)) prices.set(`${group}.${field}`, parsePrice(String(value)));
  }
  const options = new Map<string, OptionPrice>();
  for (const [id, o] of Object.entries(doc.options as Doc)) {
    if (id === 'source') continue;
    options.set(id, { feeCents: eurosToCents(String(o.fee)), families: o.families ?? [] });
  }
  const plans = new Map<string, Plan>();
  for (const p of doc.plans as Doc[]) {
    const a = p.allowances as Doc;
    const fu = p.fairUse as Doc | undefined;
    plans.set(p.id, {
      id: p.id,
      family: p.family,
      name: p.name,
      feeCents: eurosToCents(String(p.fee)),
      mobileSims: p.mobileSims ?? 1,
      dataSim: p.dataSim === true,
      allowance: { call: allowance(a.calls), sms: allowance(a.sms), data: allowance(a.data) },
      coversBelgium: (p.includedIn as string[]).includes('BE'),
      coversEu: (p.includedIn as string[]).includes('EU'),
      throttleWhenDataUsedUp: p.afterData === 'throttle',
      rollover: new Set(((p.rollover ?? []) as string[]).map((r) => (r === 'calls' ? 'call' : r) as Service)),
      fairUse: fu
        ? {
            callSeconds: fu.callMinutes * 60,
            sms: fu.sms,
            dataBelgiumBytes: fu.dataBelgiumGB * 1_000_000_000,
            dataEuBytes: fu.dataEuGB * 1_000_000_000,
          }
        : CLIC_LIMITS,
    });
  }
  const billing = doc.billing as Doc;
  return {
    name: String(doc.name),
    paymentTermDays: Number(billing.paymentTermDays ?? 15),
    throttleBytesPerSecond: (Number(billing.throttleKbps ?? 512) * 1000) / 8,
    secondAlertCents: eurosToCents(String(billing.secondAlertAbove ?? '50.00')),
    prices,
    options,
    plans,
  };
}

export const DEFAULT_CATALOG_PATH = fileURLToPath(new URL('../../scenarios/catalogs/default.yaml', import.meta.url));

export function loadCatalog(path: string = DEFAULT_CATALOG_PATH): Catalog {
  return readCatalog(readFileSync(path, 'utf8'));
}
