import { z } from 'zod';
import { FAMILIES, OPTIONS } from './families.ts';
import { isCountryCode } from './countries.ts';
import { parseDate, parseInstant } from './time.ts';

/**
 * Contract 1, the timeline: one subscriber's contract and the time-ordered events of their life.
 * Versioned as `termlab.timeline/1`; published as JSON Schema by `termlab schema timeline`.
 * Changes within version 1 are additive only (new optional fields, new event types).
 */
export const TIMELINE_VERSION = 'termlab.timeline/1';

const INSTANT = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:\d{2})$/, 'expected an ISO 8601 instant with its zone, such as 2026-03-29T10:15:00+02:00')
  .refine((s) => parseInstant(s) !== undefined, 'expected an ISO 8601 instant with its zone, such as 2026-03-29T10:15:00+02:00')
  .describe('An instant: ISO 8601 with seconds optional and a mandatory zone (Z or ±HH:MM).');
const DATE = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a calendar date such as 2026-03-29')
  .refine((s) => parseDate(s) !== undefined, 'expected a calendar date such as 2026-03-29')
  .describe('A calendar date in Belgium, YYYY-MM-DD.');
const COUNTRY = z
  .string()
  .regex(/^[A-Z]{2}$/, 'expected an ISO 3166-1 alpha-2 country code such as BE or FR')
  .refine((s) => isCountryCode(s), 'expected an ISO 3166-1 alpha-2 country code such as BE or FR')
  .describe('Where the line is when the usage happens: ISO 3166-1 alpha-2.');
const NUMBER = z
  .string()
  .regex(/^(\+[1-9]\d{6,14}|0\d{7,9}|[1-9]\d{2,5})$/, 'expected an E.164 number such as +32470123456, a Belgian national number such as 0470123456, or a short code such as 112')
  .describe('The other party: E.164 (+33612345678), Belgian national (0470123456) or a short code (112, 1207).');
const CENTS = z.int().describe('An amount in euro cents.');
const LINE_REF = z.string().min(1).describe('The id of one of the contract\'s lines.');
const RECORDED_AT = INSTANT.describe(
  'When a roaming record reached the operator, if later than the usage (BASE-D.8.3: roaming may be billed months later).',
).optional();

const DEVICE = z
  .enum(['phone', 'simbox'])
  .optional()
  .describe('The equipment the record came from, as the network sees it (IMEI): a SIM box or GSM gateway is forbidden (BASE-B.3.2.1).');

const Line = z.strictObject({
  id: z.string().min(1),
  kind: z
    .enum(['mobile', 'data', 'fixed', 'phone2go'])
    .describe('mobile SIM; data SIM (CLIC-2.4, data only); fixed line (fixed_telephony option); Phone2Go licence (CLIC-2.9)'),
  number: NUMBER.optional(),
});

const Subscriber = z.strictObject({
  id: z.string().min(1),
  persona: z.string().optional(),
  identity: z.record(z.string(), z.unknown()).optional().describe('Who the subscriber is (generated identities); not used in rating.'),
});

const Term = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('indefinite') }),
  z.strictObject({ kind: z.literal('fixed'), months: z.int().min(1).max(60) }),
]);

const Contract = z.strictObject({
  family: z.enum(FAMILIES),
  plan: z.string().min(1).describe('A plan id of the catalog the timeline is rated with.'),
  options: z.array(z.enum(OPTIONS)).default([]),
  term: Term.default({ kind: 'indefinite' }),
  device: z
    .strictObject({
      discountCents: CENTS.min(0),
      minimumMonths: z.int().min(1).max(60),
      residualCents: z
        .array(CENTS.min(0))
        .optional()
        .describe('The contract\'s residual-value table: the indemnity when the subscription ends in month 1, 2, …; omitted: linear amortisation.'),
    })
    .optional()
    .describe('A device discount tied to the subscription (CLIC-5.1, BASE-D.10.3.2.3).'),
  start: DATE.describe('The day of the contract: the subscription starts then, or at the first activation event if there is one (BASE-D.10.1, CLIC-2.5).'),
  cycleDay: z.int().min(1).max(28).describe('The day of the month each billing period starts (BASE-D.8.3).'),
  lines: z.array(Line).min(1),
  dataBarred: z.boolean().default(false).describe('Data refused in writing (BASE-B.4).'),
  payment: z
    .enum(['direct_debit', 'manual'])
    .default('direct_debit')
    .describe('direct_debit: every statement is paid in full on its due date; manual: only the payment events pay (BASE-D.8.5).'),
});

const at = { at: INSTANT };

/** Generous bounds on one record (about three years, 10 TB, 10 million characters) that keep every sum exact. */
const MAX_SECONDS = 100_000_000;
const MAX_BYTES = 10_000_000_000_000;

export const CallEvent = z.strictObject({
  type: z.literal('call'),
  ...at,
  line: LINE_REF,
  from: COUNTRY,
  to: NUMBER,
  seconds: z.int().min(0).max(MAX_SECONDS),
  direction: z.enum(['out', 'in']).default('out'),
  device: DEVICE,
  via: z
    .strictObject({
      app: z.enum(['desktop', 'mobile']),
      atInstallationAddress: z.boolean().optional(),
      locationShared: z.boolean().optional(),
      network: z.enum(['mobile', 'wifi', 'fixed']).optional(),
    })
    .optional()
    .describe('How a Phone2Go call was placed (CLIC-2.10: emergency calls through the app).'),
  recordedAt: RECORDED_AT,
});
export const SmsEvent = z.strictObject({
  type: z.literal('sms'),
  ...at,
  line: LINE_REF,
  from: COUNTRY,
  to: NUMBER,
  characters: z.int().min(0).max(10_000_000).describe('Message length; billed in 160-character segments (BASE-A).'),
  recipients: z.int().min(1).max(10_000).default(1),
  device: DEVICE,
  recordedAt: RECORDED_AT,
});
export const DataEvent = z.strictObject({
  type: z.literal('data'),
  ...at,
  line: LINE_REF,
  from: COUNTRY,
  bytes: z.int().min(0).max(MAX_BYTES).describe('Volume down + up (BASE-B.4).'),
  seconds: z.int().min(1).max(MAX_SECONDS).describe('Session duration: bounds what a throttled line can receive (512 kbit/s × seconds).'),
  recordedAt: RECORDED_AT,
});

/** Account events: defined by the format now so that modelling them (Reference model II) needs no format break. */
const account = {
  simReceived: z.strictObject({ type: z.literal('sim_received'), ...at, line: LINE_REF.optional() }),
  activation: z.strictObject({ type: z.literal('activation'), ...at, line: LINE_REF.optional() }),
  planChange: z.strictObject({
    type: z.literal('plan_change'),
    ...at,
    plan: z.string().min(1),
    options: z.array(z.enum(OPTIONS)).optional(),
    allowedByOperator: z.boolean().default(false).describe('The operator expressly allowed a change before the end of the initial period (BASE-D.6.5).'),
  }),
  suspension: z.strictObject({
    type: z.literal('suspension'),
    ...at,
    by: z.enum(['client', 'operator']),
    reason: z.enum(['client_request', 'non_payment', 'abnormal_use', 'fraud', 'breach', 'network_risk', 'legal']),
    notice: z.boolean().default(true),
    justified: z.boolean().default(true),
    until: DATE.optional(),
  }),
  suspensionLifted: z.strictObject({ type: z.literal('suspension_lifted'), ...at }),
  simLost: z.strictObject({ type: z.literal('sim_lost'), ...at, line: LINE_REF, cause: z.enum(['lost', 'stolen', 'damaged']) }),
  simReplaced: z.strictObject({ type: z.literal('sim_replaced'), ...at, line: LINE_REF }),
  topUp: z.strictObject({ type: z.literal('top_up'), ...at, amountCents: CENTS.min(1), promotional: z.boolean().default(false) }),
  payment: z.strictObject({
    type: z.literal('payment'),
    ...at,
    amountCents: CENTS.min(1).optional().describe('Omitted: the whole amount still due on `statement` (or on all statements due).'),
    statement: DATE.optional().describe('The issue date of the statement paid; omitted: the oldest amounts due first.'),
  }),
  dispute: z.strictObject({
    type: z.literal('dispute'),
    ...at,
    statement: DATE.describe('The issue date of the disputed statement.'),
    amountCents: CENTS.min(1),
    justified: z.boolean().default(false),
  }),
  termination: z.strictObject({
    type: z.literal('termination'),
    ...at,
    by: z.enum(['client', 'operator']),
    reason: z.enum(['client_choice', 'change_of_conditions', 'non_payment', 'breach', 'irreparable_breach', 'operator_notice', 'inactivity']).default('client_choice'),
    effectiveOn: DATE.optional().describe('When the termination takes effect; omitted: at once (or after the notice the terms require).'),
  }),
  phone2goLogin: z.strictObject({
    type: z.literal('phone2go_login'),
    ...at,
    line: LINE_REF,
    device: z.string().min(1),
    until: INSTANT.describe('When the session ended.'),
  }),
  abuseReport: z.strictObject({
    type: z.literal('abuse_report'),
    ...at,
    kind: z.enum(['sim_resale', 'commercial_messages', 'fraud']).describe('An operator finding (BASE-B.3.4, B.3.3.2, D.10.2.1).'),
    line: LINE_REF.optional(),
  }),
  refundRequest: z.strictObject({
    type: z.literal('refund_request'),
    ...at,
  }).describe('A prepaid client asks for the unused credit back (BASE-B.1.2.3).'),
  roamingOperator: z.strictObject({
    type: z.literal('roaming_operator_switch'),
    ...at,
    line: LINE_REF.optional(),
    active: z.boolean().describe('true: EU roaming from an alternative roaming operator from now (after 24 hours); false: back to BASE roaming.'),
  }).describe('BASE-B.2.5: an alternative roaming operator for EU roaming.'),
  death: z.strictObject({ type: z.literal('death'), ...at }),
  portOut: z.strictObject({ type: z.literal('port_out'), ...at }),
  changeAnnounced: z.strictObject({
    type: z.literal('change_announced'),
    ...at,
    effectiveOn: DATE,
    kind: z.enum(['price_increase', 'cpi_indexation', 'beneficial', 'administrative', 'legal', 'other']),
    option: z.enum(OPTIONS).optional().describe('Set when the change concerns one add-on only (BASE-D.10.3.2.4).'),
    feeChangePercent: z.number().optional(),
    makesCreditUnusable: z.boolean().default(false).describe('Prepaid credit bought before cannot be used after the change (BASE-D.11.4).'),
  }),
  cpiIndexation: z.strictObject({ type: z.literal('cpi_indexation'), ...at, percent: z.number() }),
};

export const UsageEvent = z.discriminatedUnion('type', [CallEvent, SmsEvent, DataEvent]);
export const Event = z.discriminatedUnion('type', [CallEvent, SmsEvent, DataEvent, ...Object.values(account)]);

export const TimelineSchema = z.strictObject({
  schema: z.literal(TIMELINE_VERSION),
  subscriber: Subscriber,
  contract: Contract,
  until: DATE.describe('The end of the simulated horizon (exclusive): every billing period that starts before it is rated.'),
  events: z.array(Event),
});

export type Timeline = z.output<typeof TimelineSchema>;
export type TimelineInput = z.input<typeof TimelineSchema>;
export type TimelineEvent = Timeline['events'][number];
export type UsageEventT = z.output<typeof UsageEvent>;
export type ContractT = Timeline['contract'];
export type LineT = ContractT['lines'][number];
