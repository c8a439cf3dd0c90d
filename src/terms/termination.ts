import { isClic } from '../domain/families.ts';
import { addWorkingDays } from '../domain/holidays.ts';
import { roundHalfUp } from '../domain/money.ts';
import type { StatementLineT } from '../domain/outcome.ts';
import { nextCycleDate } from '../domain/periods.ts';
import { brusselsDayOf, formatDate, type Day } from '../domain/time.ts';
import type { CompiledTimeline } from './compile.ts';
import { feeLine, type Fee } from './fees.ts';
import { addMonths, type Segment } from './lifecycle.ts';

/** BASE-D.10.3.2.1: a fixed term ended in its first six months owes the fees up to the end of the sixth month. */
export const FIXED_TERM_MONTHS_OWED = 6;
/** BASE-D.10.3.2.3: a device tied to the subscription costs its residual value if it ends in the first 24 months. */
export const DEVICE_MONTHS = 24;
/** BASE-B.3.1.3: the suspension is lifted within five working days of the client having a new SIM. */
export const LOST_SIM_WORKING_DAYS = 5;

type Line = Omit<StatementLineT, 'assumed'> & { assumed?: boolean };

/** The day the fixed-term indemnity runs to (exclusive) when one is owed (BASE-D.10.3.2.1), else undefined. */
export function fixedTermOwedUntil(c: CompiledTimeline): Day | undefined {
  const end = c.lifecycle.end;
  const activation = c.lifecycle.activation;
  if (!end || !activation || end.free || end.by !== 'client' || c.timeline.contract.term.kind !== 'fixed') return undefined;
  const sixMonths = addMonths(activation.day, FIXED_TERM_MONTHS_OWED);
  return end.lastDay + 1 < sixMonths ? sixMonths : undefined;
}

/** From which day fees charged in advance are credited after the end (the day after the last, or the sixth month's end). */
export function unusedFeesFrom(c: CompiledTimeline): Day {
  const end = c.lifecycle.end!;
  return Math.max(end.lastDay + 1, fixedTermOwedUntil(c) ?? -Infinity);
}

/**
 * What ending the contract costs (CLIC-5.1, BASE-D.10.3.2.1, BASE-D.10.3.2.3): the fees to the end of the
 * sixth month of a fixed term, and the residual value of a device discount within its minimum period
 * (CLIC: the discount's minimum period; BASE: the first 24 months), from the contract's table or, without
 * one, amortised linearly by month. The death of the client or a change the client may refuse frees the
 * fixed-term fees (End.free); the device's residual value stays due (D.10.3.2.3 counts death as an end).
 */
export function endOfContractLines(c: CompiledTimeline, last: Segment, fees: (g: Segment) => Fee[]): Line[] {
  const end = c.lifecycle.end!;
  const activation = c.lifecycle.activation!;
  const clic = isClic(c.timeline.contract.family);
  const out: Line[] = [];
  const owedUntil = fixedTermOwedUntil(c);
  if (owedUntil !== undefined) {
    // The advance fee covers the current period; the indemnity runs over the cycles after it.
    const current = c.periods[c.periods.length - 1]!;
    let from = current.end;
    while (from < owedUntil) {
      const next = nextCycleDate(from, c.timeline.contract.cycleDay);
      const to = Math.min(next, owedUntil);
      const cycle = { index: -1, start: from, end: next, days: next - from, cycleDays: next - from };
      for (const f of fees(last))
        out.push({ ...feeLine(cycle, from, to, 'termination_fee', `${f.what} owed to the end of the sixth month of the fixed term`, f.monthly, ['BASE-D.10.3.2.1'], false) });
      from = next;
    }
  }
  const device = c.timeline.contract.device;
  const byClient = end.by === 'client';
  if (device && device.discountCents > 0 && (clic || byClient) && end.by !== 'activation_deadline') {
    const window = clic ? device.minimumMonths : Math.min(DEVICE_MONTHS, device.minimumMonths);
    let month = 1;
    while (addMonths(activation.day, month) <= end.lastDay) month++;
    if (month <= window) {
      const table = device.residualCents;
      const residual = table && table[month - 1] !== undefined ? table[month - 1]! : roundHalfUp(device.discountCents * (window - month + 1), window);
      const clauses = clic ? ['CLIC-5.1'] : ['BASE-D.10.3.2.3'];
      out.push({
        category: 'device_residual',
        description: `residual value of the device discount, ended in month ${month} of ${window}${table ? ' (contract table)' : ' (linear amortisation)'}`,
        period: { start: formatDate(activation.day), end: formatDate(addMonths(activation.day, window)) },
        quantity: 1,
        unit: 'event',
        amountCents: residual,
        clauses,
      });
    }
  }
  return out;
}

/**
 * BASE-B.3.1.3: once the client has a new SIM, the suspension is lifted within five working days; beyond
 * them, no subscription fee for the extra days, pro rata. Returns credit lines at the time of the lift.
 */
export function lostSimCredits(c: CompiledTimeline, segmentOn: (day: Day) => Segment, fees: (g: Segment) => Fee[]): Array<{ at: number; line: Line }> {
  const out: Array<{ at: number; line: Line }> = [];
  for (const lost of c.lifecycle.lostSims) {
    if (lost.replacedAt === undefined || !Number.isFinite(lost.liftedAt)) continue;
    const deadline = addWorkingDays(brusselsDayOf(lost.replacedAt), LOST_SIM_WORKING_DAYS);
    const liftDay = brusselsDayOf(lost.liftedAt);
    if (liftDay <= deadline) continue;
    for (const period of c.periods) {
      const from = Math.max(period.start, deadline + 1);
      const to = Math.min(period.end, liftDay + 1);
      if (to <= from) continue;
      const fee = fees(segmentOn(from)).find((f) => f.category === 'subscription_fee')!;
      out.push({
        at: lost.liftedAt,
        line: {
          ...feeLine(period, from, to, 'credit', `no subscription fee for the days beyond five working days after the new SIM (${formatDate(deadline)})`, fee.monthly, ['BASE-B.3.1.3'], false, -1),
        },
      });
    }
  }
  return out;
}
