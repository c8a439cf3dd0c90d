import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { FAMILIES, OPTIONS, type Family, type OptionId } from './families.ts';
import { InputError } from './errors.ts';
import { parseEurosToCents, parseRate, RATE_UNITS, type Cents, type Rate } from './money.ts';
import { TARIFFS, TARIFF_FIELDS } from './tariffs.ts';
import { firstIssue } from './validation.ts';

/**
 * The plan catalog: every price, allowance, cap and fee the terms leave to the price list ("Fiche
 * d'info"). Values the seeds fix (512 kbps, the CLIC-2.3 fair-use limits, the €50 second alert) default
 * to the seed; every other value must say where it comes from in a `source` field.
 */

const SOURCE = z
  .string()
  .regex(/^(assumption|seed|public source)\b/, 'expected a source starting with "assumption", "seed" or "public source"');
const EUROS = z.string().refine((s) => parseEurosToCents(s) !== undefined, 'expected an amount in euros such as "45.00"');
const RATE = z
  .string()
  .refine((s) => parseRate(s) !== undefined, `expected a rate such as "0.15/min" (units: ${RATE_UNITS.join(', ')})`);
const ALLOWANCE = (unit: string, example: string) =>
  z
    .string()
    .regex(new RegExp(`^(unlimited|none|\\d+(${unit}))$`), `expected "unlimited", "none" or a volume such as "${example}"`);

const tariffGroups = Object.fromEntries(
  Object.entries(TARIFF_FIELDS).map(([group, fields]) => [
    group,
    z.strictObject(Object.fromEntries(fields.map((f) => [f, RATE]))),
  ]),
);

const PlanSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'expected a lowercase id such as "clic-s"'),
  family: z.enum(FAMILIES),
  name: z.string().min(1),
  source: SOURCE,
  fee: EUROS,
  mobileSims: z.int().min(0).max(100),
  dataSim: z.boolean().default(false),
  allowances: z.strictObject({
    calls: ALLOWANCE('min', '500min'),
    sms: ALLOWANCE('sms', '100sms'),
    data: ALLOWANCE('MB|GB', '20GB'),
  }),
  /** Where included volume counts: CLIC-2.2 fixes BE + EU for CLIC; BASE-D.7.1 reads "in Belgium" unless stated. */
  includedIn: z.array(z.enum(['BE', 'EU'])).min(1),
  /** What happens in Belgium once flat data is used up: CLIC-2.1 says throttle; a BASE plan may bill. */
  afterData: z.enum(['throttle', 'bill']),
  /** Services whose unused allowance carries to the next period (BASE-D.7.2). */
  rollover: z.array(z.enum(['calls', 'sms', 'data'])).default([]),
  fairUse: z
    .strictObject({
      callMinutes: z.int().positive(),
      sms: z.int().positive(),
      dataBelgiumGB: z.int().positive(),
      dataEuGB: z.int().positive(),
    })
    .optional(),
});

const OptionSchema = z.strictObject({
  fee: EUROS,
  families: z.array(z.enum(FAMILIES)).min(1),
  source: SOURCE,
});

export const CatalogSchema = z.strictObject({
  schema: z.literal('termlab.catalog/1'),
  name: z.string().min(1),
  description: z.string().optional(),
  billing: z.strictObject({
    source: SOURCE,
    paymentTermDays: z.int().min(1).max(90),
    callIncrementSeconds: z.int().min(1).max(60).default(1),
    dataIncrementBytes: z.int().min(1).max(1_000_000).default(1),
    throttleKbps: z.int().positive().default(512),
    secondAlertAbove: EUROS.default('50.00'),
  }),
  tariffs: z.strictObject({ source: SOURCE, ...tariffGroups }),
  /** Fees the terms leave to the price list ("liste des frais", base.be). */
  fees: z.strictObject({
    source: SOURCE,
    reminder: EUROS.describe('Charged with a payment reminder (BASE-D.8.6); see consumerLawChecks.'),
    reactivation: EUROS.describe('Lifting a justified suspension (BASE-D.10.2.1).'),
    prepaidRefund: EUROS.describe('Administrative fee on a prepaid refund after a port-out (BASE-B.1.2.3).'),
  }),
  dunning: z.strictObject({
    source: SOURCE,
    indemnityAfterDays: z.int().min(0).max(90).describe('Days after the reminder before the flat indemnity applies (BASE-D.8.6).'),
    refundTermDays: z.int().min(1).max(180).describe('Days the operator has to pay back what it owes (BASE-D.8.7).'),
    legalInterestPercent: z.string().regex(/^\d{1,2}(\.\d{1,4})?$/, 'expected a yearly percentage such as "4.5"'),
  }),
  options: z.strictObject(Object.fromEntries(OPTIONS.map((o) => [o, OptionSchema])) as Record<OptionId, typeof OptionSchema>),
  plans: z.array(PlanSchema).min(1),
});

export type CatalogInput = z.input<typeof CatalogSchema>;

/** An allowance in its service's unit (seconds, SMS, bytes); `Infinity` for unlimited. */
export type Allowance = number;

export interface Plan {
  readonly id: string;
  readonly family: Family;
  readonly name: string;
  readonly fee: Cents;
  readonly mobileSims: number;
  readonly dataSim: boolean;
  /**
   * [calls (seconds), sms (messages), data (bytes)] per billing period, shared by the pack's lines
   * (CLIC-2.1 "inclus dans le prix de l'abonnement", CLIC-2.4 the data SIM's use "imputée aux données
   * mobiles du Pack"); Infinity = unlimited (then CLIC-2.3's limits apply per SIM), 0 = none.
   */
  readonly allowances: readonly [Allowance, Allowance, Allowance];
  readonly includedInEu: boolean;
  readonly includedInBelgium: boolean;
  readonly throttleAfterData: boolean;
  readonly rollover: readonly [boolean, boolean, boolean];
  /** CLIC-2.3 limits for unlimited services: call seconds, SMS, data bytes in Belgium, data bytes in the EU zone. */
  readonly fairUse: { readonly callSeconds: number; readonly sms: number; readonly dataBelgium: number; readonly dataEu: number };
}

export interface Catalog {
  readonly name: string;
  readonly plans: ReadonlyMap<string, Plan>;
  readonly options: Readonly<Record<OptionId, { fee: Cents; families: readonly Family[] }>>;
  /** Rates by tariff index (see TARIFFS). */
  readonly rates: readonly Rate[];
  readonly paymentTermDays: number;
  readonly callIncrementSeconds: number;
  readonly dataIncrementBytes: number;
  /** Bytes a throttled SIM may receive per second: kbps × 1000 / 8 (CLIC-2.1, CLIC-2.3). */
  readonly throttleBytesPerSecond: number;
  readonly secondAlertAbove: Cents;
  readonly fees: { readonly reminder: Cents; readonly reactivation: Cents; readonly prepaidRefund: Cents };
  readonly dunning: { readonly indemnityAfterDays: number; readonly refundTermDays: number; readonly legalInterestPerMillion: number };
}

/** CLIC-2.3: 30,000 minutes, 30,000 SMS, 300 GB in Belgium and 100 GB in the EU zone per SIM per month. */
export const CLIC_FAIR_USE = { callMinutes: 30_000, sms: 30_000, dataBelgiumGB: 300, dataEuGB: 100 } as const;

const GB = 1_000_000_000;

function allowance(text: string): Allowance {
  if (text === 'unlimited') return Infinity;
  if (text === 'none') return 0;
  const m = /^(\d+)(min|sms|MB|GB)$/.exec(text)!;
  const n = Number(m[1]);
  switch (m[2]) {
    case 'min':
      return n * 60;
    case 'MB':
      return n * 1_000_000;
    case 'GB':
      return n * GB;
    default:
      return n;
  }
}

/** Validates a parsed catalog document and resolves it; `file` names it in errors. */
export function resolveCatalog(doc: unknown, file: string): Catalog {
  const parsed = CatalogSchema.safeParse(doc);
  if (!parsed.success) {
    const issue = firstIssue(parsed.error, doc);
    throw new InputError(file, issue.path, issue.expected, issue.got);
  }
  const c = parsed.data;
  const plans = new Map<string, Plan>();
  c.plans.forEach((p, i) => {
    if (plans.has(p.id)) throw new InputError(file, `plans[${i}].id`, 'expected a unique plan id', p.id);
    const clic = p.family === 'CLIC' || p.family === 'CLIC_BUREAU';
    if (clic && !(p.includedIn.includes('BE') && p.includedIn.includes('EU')))
      throw new InputError(file, `plans[${i}].includedIn`, 'expected [BE, EU] for a CLIC plan (CLIC-2.2 fixes where the pack counts)', p.includedIn);
    if (clic && p.afterData !== 'throttle')
      throw new InputError(file, `plans[${i}].afterData`, 'expected "throttle" for a CLIC plan (CLIC-2.1)', p.afterData);
    const fu = p.fairUse ?? CLIC_FAIR_USE;
    plans.set(p.id, {
      id: p.id,
      family: p.family,
      name: p.name,
      fee: parseEurosToCents(p.fee)!,
      mobileSims: p.mobileSims,
      dataSim: p.dataSim,
      allowances: [allowance(p.allowances.calls), allowance(p.allowances.sms), allowance(p.allowances.data)],
      includedInBelgium: p.includedIn.includes('BE'),
      includedInEu: p.includedIn.includes('EU'),
      throttleAfterData: p.afterData === 'throttle',
      rollover: [p.rollover.includes('calls'), p.rollover.includes('sms'), p.rollover.includes('data')],
      fairUse: {
        callSeconds: fu.callMinutes * 60,
        sms: fu.sms,
        dataBelgium: fu.dataBelgiumGB * GB,
        dataEu: fu.dataEuGB * GB,
      },
    });
  });
  const groups = c.tariffs as unknown as Record<string, Record<string, string>>;
  const rates = TARIFFS.map((t) => parseRate(groups[t.group]![t.field]!)!);
  const options = Object.fromEntries(
    OPTIONS.map((o) => [o, { fee: parseEurosToCents(c.options[o].fee)!, families: c.options[o].families }]),
  ) as unknown as Catalog['options'];
  return {
    name: c.name,
    plans,
    options,
    rates,
    paymentTermDays: c.billing.paymentTermDays,
    callIncrementSeconds: c.billing.callIncrementSeconds,
    dataIncrementBytes: c.billing.dataIncrementBytes,
    throttleBytesPerSecond: (c.billing.throttleKbps * 1000) / 8,
    secondAlertAbove: parseEurosToCents(c.billing.secondAlertAbove)!,
    fees: {
      reminder: parseEurosToCents(c.fees.reminder)!,
      reactivation: parseEurosToCents(c.fees.reactivation)!,
      prepaidRefund: parseEurosToCents(c.fees.prepaidRefund)!,
    },
    dunning: {
      indemnityAfterDays: c.dunning.indemnityAfterDays,
      refundTermDays: c.dunning.refundTermDays,
      legalInterestPerMillion: Math.round(Number(c.dunning.legalInterestPercent) * 10_000),
    },
  };
}

/**
 * Where the catalog's fees meet consumer law: Book XIX of the Code of Economic Law (law of 4 May 2023)
 * makes the first reminder free and caps later reminder costs at €7.50 plus postage. termlab issues one
 * reminder per unpaid statement, so any reminder fee is flagged; nothing is changed silently.
 */
export function consumerLawChecks(catalog: Catalog): string[] {
  const out: string[] = [];
  if (catalog.fees.reminder > 0)
    out.push(`fees.reminder: ${catalog.fees.reminder / 100} euros is charged on a first reminder, which Book XIX of the Code of Economic Law makes free (BASE-D.8.6)`);
  if (catalog.fees.reminder > 750)
    out.push('fees.reminder: above the €7.50 (plus postage) Book XIX allows for a later reminder');
  if (catalog.dunning.indemnityAfterDays < 14)
    out.push(`dunning.indemnityAfterDays: ${catalog.dunning.indemnityAfterDays} days, where Book XIX gives the consumer at least 14 days after the free reminder`);
  return out;
}

/** Reads and resolves a catalog YAML file. */
export function loadCatalog(file: string): Catalog {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new InputError(file, '', 'expected a readable catalog file', (e as Error).message);
  }
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (e) {
    throw new InputError(file, '', 'expected valid YAML', (e as Error).message.split('\n')[0]);
  }
  return resolveCatalog(doc, file);
}
