import { z } from 'zod';
import { LINE_CATEGORIES } from './categories.ts';

/**
 * Contract 2, the outcome: what the terms make of a timeline. Statements with clause-cited lines,
 * decisions in time, usage as it was treated, and end balances. Versioned as `termlab.outcome/1`.
 */
export const OUTCOME_VERSION = 'termlab.outcome/1';

const CLAUSES = z.array(z.string()).min(1).describe('Clause ids of ../shared/TERMS.md that produce this line or decision.');
const ASSUMED = z
  .boolean()
  .describe('True when the rule applied comes from the BASE general layer standing in for the Telenet Business general conditions.');

export const StatementLine = z.strictObject({
  category: z.enum(LINE_CATEGORIES),
  tariff: z.string().optional().describe('The catalog tariff key for usage lines, e.g. roaming_eu.data.'),
  description: z.string(),
  period: z.strictObject({ start: z.string(), end: z.string() }).describe('The service period the line is for; end exclusive.'),
  quantity: z.number().describe('In `unit`.'),
  unit: z.enum(['day', 'second', 'sms', 'byte', 'event']),
  rate: z.string().optional(),
  amountCents: z.int(),
  clauses: CLAUSES,
  assumed: ASSUMED,
});

export const Statement = z.strictObject({
  index: z.int().min(0),
  issuedOn: z.string(),
  dueOn: z.string(),
  lines: z.array(StatementLine),
  totalCents: z.int(),
});

export const DECISION_KINDS = [
  'throttle',
  'pause',
  'alert',
  'blocked',
  'refused',
  'suspension',
  'suspension_lifted',
  'termination',
  'activation',
  'plan_change',
  'renewal',
  'migration',
  'number_withdrawal',
  'reminder',
  'flag',
] as const;

export const Decision = z.strictObject({
  kind: z.enum(DECISION_KINDS),
  at: z.string().describe('When the decision takes effect (Belgian time).'),
  until: z.string().optional(),
  line: z.string().optional(),
  service: z.enum(['call', 'sms', 'data']).optional(),
  zone: z.enum(['BE', 'EU', 'WORLD']).optional(),
  event: z.int().optional().describe('Index of the timeline event concerned.'),
  quantity: z.number().optional(),
  amountCents: z.int().optional(),
  detail: z.string(),
  clauses: CLAUSES,
  assumed: ASSUMED,
});

export const UsageRow = z.strictObject({
  period: z.int().min(0),
  line: z.string(),
  service: z.enum(['call', 'sms', 'data']),
  zone: z.enum(['BE', 'EU', 'WORLD']),
  unit: z.enum(['second', 'sms', 'byte']),
  included: z.number().describe('Counted against the allowance.'),
  billed: z.number().describe('Billed beyond or outside the pack.'),
  throttled: z.number().describe('Delivered at reduced speed, not billed (CLIC-2.1, CLIC-2.3).'),
  blocked: z.number().describe('Not delivered: paused, throttled away or not allowed.'),
  free: z.number().describe('Never charged: emergency (BASE-B.2.3), 0800, calls received in the EU zone.'),
});

export const OutcomeSchema = z.strictObject({
  schema: z.literal(OUTCOME_VERSION),
  subscriber: z.string(),
  catalog: z.string(),
  periods: z.array(z.strictObject({ index: z.int(), start: z.string(), end: z.string(), days: z.int(), cycleDays: z.int() })),
  statements: z.array(Statement),
  decisions: z.array(Decision),
  usage: z.array(UsageRow),
  ledger: z
    .array(
      z.strictObject({
        at: z.string(),
        kind: z.enum(['statement', 'payment', 'credit', 'refund', 'prepaid_top_up', 'prepaid_use', 'prepaid_lapse', 'prepaid_refund']),
        amountCents: z.int().describe('What it adds to the amount the client owes (negative: in the client\'s favour).'),
        balanceCents: z.int().describe('What the client owes after it (negative: what the operator owes the client).'),
        detail: z.string(),
        clauses: z.array(z.string()),
      }),
    )
    .default([])
    .describe('The account in time: statements, payments, credits; for prepaid, the credit.'),
  balances: z.strictObject({
    billedCents: z.int().describe('Sum of all statement totals.'),
    owedCents: z.int().default(0).describe('What the client still owes at the end of the horizon (negative: owed to the client).'),
    prepaidCreditCents: z.int().default(0).describe('Prepaid credit left at the end of the horizon.'),
  }),
});

export type Outcome = z.infer<typeof OutcomeSchema>;
export type StatementT = z.infer<typeof Statement>;
export type StatementLineT = z.infer<typeof StatementLine>;
export type DecisionT = z.infer<typeof Decision>;
export type UsageRowT = z.infer<typeof UsageRow>;
