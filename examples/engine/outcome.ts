/** The engine's answer, in the shape of `termlab.outcome/1` (declared here; nothing imported from termlab). */

export type Unit = 'day' | 'second' | 'sms' | 'byte' | 'event';

export interface StatementLine {
  category: string;
  tariff?: string;
  description: string;
  period: { start: string; end: string };
  quantity: number;
  unit: Unit;
  rate?: string;
  amountCents: number;
  clauses: string[];
  assumed: boolean;
}

export interface Statement {
  index: number;
  issuedOn: string;
  dueOn: string;
  lines: StatementLine[];
  totalCents: number;
}

export interface Decision {
  kind: 'throttle' | 'pause' | 'alert' | 'blocked' | 'flag';
  at: string;
  until?: string;
  line?: string;
  service?: 'call' | 'sms' | 'data';
  zone?: 'BE' | 'EU' | 'WORLD';
  event?: number;
  quantity?: number;
  amountCents?: number;
  detail: string;
  clauses: string[];
  assumed: boolean;
}

export interface UsageRow {
  period: number;
  line: string;
  service: 'call' | 'sms' | 'data';
  zone: 'BE' | 'EU' | 'WORLD';
  unit: 'second' | 'sms' | 'byte';
  included: number;
  billed: number;
  throttled: number;
  blocked: number;
  free: number;
}

export interface Outcome {
  schema: 'termlab.outcome/1';
  subscriber: string;
  catalog: string;
  periods: Array<{ index: number; start: string; end: string; days: number; cycleDays: number }>;
  statements: Statement[];
  decisions: Decision[];
  usage: UsageRow[];
  ledger: never[];
  balances: { billedCents: number; owedCents: number; prepaidCreditCents: number };
}
