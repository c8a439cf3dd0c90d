/**
 * Helpers for the golden tests of the account's life (Reference model II): the contract fields that
 * timeline-builder.ts does not set (term, device, payment), account events, and look-ups in an
 * outcome's statements, ledger and decisions. An addition beside timeline-builder.ts, which it reuses
 * unchanged. Nothing here computes an expected value — expectations are worked out by hand in the tests.
 */
import type { DecisionT, Outcome, StatementLineT } from '../../src/domain/outcome.ts';
import type { TimelineInput } from '../../src/domain/timeline.ts';
import { timeline, type ContractSpec } from './timeline-builder.ts';

type EventInput = TimelineInput['events'][number];
type ContractInput = TimelineInput['contract'];

export interface AccountSpec extends ContractSpec {
  term?: ContractInput['term'];
  device?: ContractInput['device'];
  payment?: 'direct_debit' | 'manual';
}

/** A timeline document with the account fields of the contract set when given. */
export function accountTimeline(spec: AccountSpec, events: EventInput[]): TimelineInput {
  const { term, device, payment, ...contract } = spec;
  const doc = timeline(contract, events);
  return {
    ...doc,
    contract: {
      ...doc.contract,
      ...(term !== undefined ? { term } : {}),
      ...(device !== undefined ? { device } : {}),
      ...(payment !== undefined ? { payment } : {}),
    },
  };
}

export const simReceived = (at: string, line?: string): EventInput => ({ type: 'sim_received', at, ...(line ? { line } : {}) });
export const activation = (at: string, line?: string): EventInput => ({ type: 'activation', at, ...(line ? { line } : {}) });

export function planChange(at: string, plan: string, extra: { allowedByOperator?: boolean } = {}): EventInput {
  return { type: 'plan_change', at, plan, ...extra };
}

export function suspension(
  at: string,
  by: 'client' | 'operator',
  reason: 'client_request' | 'non_payment' | 'abnormal_use' | 'fraud' | 'breach' | 'network_risk' | 'legal',
  extra: { notice?: boolean; justified?: boolean; until?: string } = {},
): EventInput {
  return { type: 'suspension', at, by, reason, ...extra };
}

export const suspensionLifted = (at: string): EventInput => ({ type: 'suspension_lifted', at });
export const simLost = (at: string, line: string, cause: 'lost' | 'stolen' | 'damaged' = 'lost'): EventInput => ({ type: 'sim_lost', at, line, cause });
export const simReplaced = (at: string, line: string): EventInput => ({ type: 'sim_replaced', at, line });

export function payment(at: string, extra: { amountCents?: number; statement?: string } = {}): EventInput {
  return { type: 'payment', at, ...extra };
}

export function dispute(at: string, statement: string, amountCents: number, justified: boolean): EventInput {
  return { type: 'dispute', at, statement, amountCents, justified };
}

export function termination(
  at: string,
  by: 'client' | 'operator',
  reason: 'client_choice' | 'change_of_conditions' | 'non_payment' | 'breach' | 'irreparable_breach' | 'operator_notice' | 'inactivity' = 'client_choice',
  extra: { effectiveOn?: string } = {},
): EventInput {
  return { type: 'termination', at, by, reason, ...extra };
}

export const death = (at: string): EventInput => ({ type: 'death', at });
export const portOut = (at: string): EventInput => ({ type: 'port_out', at });

export function changeAnnounced(
  at: string,
  effectiveOn: string,
  kind: 'price_increase' | 'cpi_indexation' | 'beneficial' | 'administrative' | 'legal' | 'other',
  extra: { feeChangePercent?: number } = {},
): EventInput {
  return { type: 'change_announced', at, effectiveOn, kind, ...extra };
}

export const cpiIndexation = (at: string, percent: number): EventInput => ({ type: 'cpi_indexation', at, percent });

/** A call with the fields timeline-builder's `call` leaves out: the device (SIM box) and the Phone2Go app. */
export function callWith(
  at: string,
  line: string,
  from: string,
  to: string,
  seconds: number,
  extra: {
    device?: 'phone' | 'simbox';
    via?: { app: 'desktop' | 'mobile'; atInstallationAddress?: boolean; locationShared?: boolean; network?: 'mobile' | 'wifi' | 'fixed' };
  },
): EventInput {
  return { type: 'call', at, line, from, to, seconds, ...extra };
}

/** Every line of every statement. */
export function allLines(o: Outcome): StatementLineT[] {
  return o.statements.flatMap((s) => s.lines);
}

/** Every line of a category, over all statements. */
export function linesOf(o: Outcome, category: StatementLineT['category']): StatementLineT[] {
  return allLines(o).filter((l) => l.category === category);
}

/** Sum of the amounts of a list of lines. */
export function sumCents(lines: readonly StatementLineT[]): number {
  return lines.reduce((sum, l) => sum + l.amountCents, 0);
}

/** Decisions of a kind that cite a clause. */
export function decisionsCiting(o: Outcome, kind: DecisionT['kind'], clause: string): DecisionT[] {
  return o.decisions.filter((d) => d.kind === kind && d.clauses.includes(clause));
}

/** Ledger entries of a kind. */
export function ledgerOf(o: Outcome, kind: Outcome['ledger'][number]['kind']): Outcome['ledger'] {
  return o.ledger.filter((e) => e.kind === kind);
}
