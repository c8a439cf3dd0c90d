import type { Catalog } from '../domain/catalog.ts';
import { roundHalfUp, type Cents } from '../domain/money.ts';
import type { DecisionT, Outcome, StatementLineT } from '../domain/outcome.ts';
import { brusselsDayOf, brusselsMidnight, formatDate, formatInstant, parseDate, type Day, type Instant } from '../domain/time.ts';
import type { CompiledTimeline } from './compile.ts';
import { feeLine, type Fee } from './fees.ts';
import { addMonths } from './lifecycle.ts';
import type { StatementDraft } from './statements.ts';

/**
 * BASE-D.8.6: the flat indemnity on an amount left unpaid, set by the law of 4 May 2023 (Code of
 * Economic Law, book XIX): €20 up to €150.00; from €150.01 to €500.00, €30 plus 10 % of the part above
 * €150.00; above €500.00, €65 plus 5 % of the part above €500.00, at most €2,000. Percentages are rounded
 * half up to the cent.
 */
export function flatIndemnity(amountDue: Cents): Cents {
  if (amountDue <= 0) return 0 as Cents;
  if (amountDue <= 15_000) return 2_000 as Cents;
  if (amountDue <= 50_000) return (3_000 + roundHalfUp((amountDue - 15_000) * 10, 100)) as Cents;
  return Math.min(200_000, 6_500 + roundHalfUp((amountDue - 50_000) * 5, 100)) as Cents;
}

/** BASE-D.8.7: legal interest at `perMillion` a year on `amount` for `days` days, rounded half up. */
export function legalInterest(amount: Cents, days: number, perMillion: number): Cents {
  return roundHalfUp(amount * perMillion * days, 1_000_000 * 365) as Cents;
}

type Ledger = Outcome['ledger'];

interface Issued {
  readonly index: number;
  readonly day: Day;
  readonly due: Day;
  readonly total: Cents;
  /** Of the total, reminder fees and indemnities (D.8.6). */
  readonly lateCharges: number;
  remaining: number;
}

/**
 * Settles the account in time (BASE-D.8.5 to D.8.9, D.10.2.1): statements become due, payments are
 * applied (to the statement named, else the oldest first), an overpayment is offset against later
 * statements (D.8.9), an unpaid statement gets a reminder the day after it is due and, if still unpaid
 * `indemnityAfterDays` later, the flat indemnity on what is left (D.8.6); a dispute within a month of a
 * statement's date is admissible (D.8.8) and, if justified, the disputed part is not due; an operator
 * suspension for non-payment is justified only when a statement is overdue, an unjustified one gives a
 * credit note for the fees of its days, a justified one lifted costs the reactivation fee (D.10.2.1);
 * what the operator still owes after the end bears legal interest once the refund term has passed (D.8.7).
 * Lines it adds (indemnities, fees, credits) go on the next statement; it returns the ledger.
 */
export function settleAccount(
  c: CompiledTimeline,
  catalog: Catalog,
  draft: StatementDraft,
  feesOn: (day: Day) => Fee[],
  assumed: (clauses: readonly string[]) => boolean,
): { ledger: Ledger; owed: number; decisions: DecisionT[] } {
  const decisions: DecisionT[] = [];
  const decide = (d: Omit<DecisionT, 'assumed'>) => decisions.push({ ...d, assumed: assumed(d.clauses) });
  const put = (at: Instant, line: Omit<StatementLineT, 'assumed'>) => draft.put(at, { ...line, assumed: assumed(line.clauses) });
  const ledger: Ledger = [];
  let balance = 0;
  let credit = 0; // overpayment waiting to be offset (D.8.9)
  const entry = (at: Instant, kind: Ledger[number]['kind'], amount: number, detail: string, clauses: string[]) => {
    balance += amount;
    ledger.push({ at: formatInstant(at), kind, amountCents: amount, balanceCents: balance, detail, clauses });
  };
  const issued: Issued[] = [];
  const overdueAt = (t: Instant) => issued.some((s) => s.remaining > 0 && brusselsMidnight(s.due + 1) <= t);

  type Task = { at: Instant; order: number; run: () => void };
  const tasks: Task[] = [];
  const schedule = (at: Instant, order: number, run: () => void) => tasks.push({ at, order, run });
  const horizon = Math.max(brusselsMidnight(parseDate(c.timeline.until)!), c.periodBounds[c.periods.length]!);

  const directDebit = c.timeline.contract.payment === 'direct_debit';
  const pay = (t: Instant, amount: number, target: Issued | undefined, how = 'payment') => {
    let left = amount;
    const order = target ? [target, ...issued.filter((s) => s !== target)] : issued;
    for (const s of order) {
      if (left <= 0) break;
      const take = Math.min(left, Math.max(0, s.remaining));
      s.remaining -= take;
      left -= take;
    }
    credit += left;
    entry(t, 'payment', -amount, left > 0 ? `${how}; ${left / 100} euros paid in excess are offset against later statements` : how, left > 0 ? ['BASE-D.8.5', 'BASE-D.8.9'] : ['BASE-D.8.5']);
  };

  for (const a of c.account) {
    const e = a.event;
    if (e.type === 'payment') {
      schedule(a.at, 1, () => {
        const target = e.statement !== undefined ? issued.find((s) => formatDate(s.day) === e.statement) : undefined;
        if (e.statement !== undefined && !target)
          decide({ kind: 'flag', at: formatInstant(a.at), event: a.index, detail: `no statement was issued on ${e.statement}: the payment goes to the oldest amounts due`, clauses: ['BASE-D.8.5'] });
        const due = target ? Math.max(0, target.remaining) : issued.reduce((sum, s) => sum + Math.max(0, s.remaining), 0);
        const amount = e.amountCents ?? due;
        if (amount > 0) pay(a.at, amount, target);
      });
    } else if (e.type === 'dispute') {
      schedule(a.at, 1, () => {
        const s = issued.find((x) => formatDate(x.day) === e.statement);
        if (!s) {
          decide({ kind: 'flag', at: formatInstant(a.at), event: a.index, detail: `no statement was issued on ${e.statement} to dispute`, clauses: ['BASE-D.8.8'] });
          return;
        }
        if (brusselsDayOf(a.at) > addMonths(s.day, 1)) {
          decide({ kind: 'refused', at: formatInstant(a.at), event: a.index, detail: `a dispute more than a month after the statement of ${e.statement} is inadmissible`, clauses: ['BASE-D.8.8'] });
          return;
        }
        if (!e.justified) {
          decide({ kind: 'flag', at: formatInstant(a.at), event: a.index, detail: `dispute of the statement of ${e.statement} found unjustified: the whole amount stays due`, clauses: ['BASE-D.8.8'] });
          return;
        }
        const amount = Math.min(e.amountCents, s.total);
        s.remaining -= amount;
        if (s.remaining < 0) {
          credit += -s.remaining;
          s.remaining = 0;
        }
        entry(a.at, 'credit', -amount, `justified dispute of the statement of ${e.statement}: ${amount / 100} euros are not due`, ['BASE-D.8.8', 'BASE-D.8.9']);
      });
    }
  }
  for (const sus of c.lifecycle.suspensions) {
    if (sus.by !== 'operator') continue;
    let justified = sus.justified;
    schedule(sus.from, 2, () => {
      if (sus.reason === 'non_payment') justified = overdueAt(sus.from);
      if (!justified)
        decide({ kind: 'flag', at: formatInstant(sus.from), detail: sus.reason === 'non_payment' ? 'suspended for non-payment while nothing was overdue: unjustified' : 'unjustified suspension', clauses: ['BASE-D.10.2.1'] });
    });
    if (!Number.isFinite(sus.to)) continue;
    schedule(sus.to, 3, () => {
      if (!justified) {
        const from = brusselsDayOf(sus.from);
        const to = brusselsDayOf(sus.to);
        for (const period of c.periods) {
          const a = Math.max(from, period.start);
          const b = Math.min(to, period.end);
          if (b <= a) continue;
          for (const f of feesOn(a))
            put(sus.to, feeLine(period, a, b, 'credit', `credit note: ${f.what} during an unjustified suspension`, f.monthly, ['BASE-D.10.2.1'], false, -1));
        }
      } else if (sus.lifted && catalog.fees.reactivation > 0) {
        put(sus.to, {
          category: 'reactivation_fee',
          description: 'reactivation after a suspension',
          period: { start: formatDate(brusselsDayOf(sus.to)), end: formatDate(brusselsDayOf(sus.to) + 1) },
          quantity: 1,
          unit: 'event',
          amountCents: catalog.fees.reactivation,
          clauses: ['BASE-D.10.2.1'],
        });
      }
    });
  }

  const remind = (s: Issued) => () => {
    if (s.remaining <= 0) return;
    const at = brusselsMidnight(s.due + 1);
    decide({ kind: 'reminder', at: formatInstant(at), amountCents: s.remaining, detail: `payment reminder: ${s.remaining / 100} euros of the statement of ${formatDate(s.day)} unpaid at its due date`, clauses: ['BASE-D.8.6'] });
    if (catalog.fees.reminder > 0)
      put(at, { category: 'late_payment', description: `reminder fee (statement of ${formatDate(s.day)})`, period: { start: formatDate(s.due + 1), end: formatDate(s.due + 2) }, quantity: 1, unit: 'event', amountCents: catalog.fees.reminder, clauses: ['BASE-D.8.6'] });
    const check = at + catalog.dunning.indemnityAfterDays * 86_400;
    if (check < horizon)
      schedule(check, 4, () => {
        // The indemnity is on what is left of the statement's own charges, never on earlier indemnities.
        const base = Math.min(s.remaining, s.total - s.lateCharges);
        if (base <= 0) return;
        const indemnity = flatIndemnity(base as Cents);
        put(check, {
          category: 'late_payment',
          description: `flat indemnity on ${(base / 100).toFixed(2)} euros left unpaid (statement of ${formatDate(s.day)})`,
          period: { start: formatDate(s.due + 1), end: formatDate(brusselsDayOf(check)) },
          quantity: 1,
          unit: 'event',
          rate: 'law of 4 May 2023',
          amountCents: indemnity,
          clauses: ['BASE-D.8.6'],
        });
      });
  };

  let next = 0;
  for (;;) {
    tasks.sort((a, b) => a.at - b.at || a.order - b.order);
    const statementAt = next < draft.days.length ? draft.instants[next]! : Infinity;
    const task = tasks[0];
    if (!task && statementAt === Infinity) break;
    if (statementAt <= (task?.at ?? Infinity)) {
      const lines = draft.lines[next]!;
      const total = lines.reduce((sum, l) => sum + l.amountCents, 0) as Cents;
      const day = draft.days[next]!;
      const lateCharges = lines.filter((l) => l.category === 'late_payment').reduce((sum, l) => sum + l.amountCents, 0);
      const s: Issued = { index: next, day, due: day + catalog.paymentTermDays, total, lateCharges, remaining: total };
      issued.push(s);
      entry(statementAt, 'statement', total, `statement of ${formatDate(day)}, due ${formatDate(s.due)}`, ['BASE-D.8.5']);
      if (credit > 0 && s.remaining > 0) {
        const offset = Math.min(credit, s.remaining);
        credit -= offset;
        s.remaining -= offset;
      }
      if (s.remaining < 0) {
        credit += -s.remaining;
        s.remaining = 0;
      }
      if (directDebit && s.remaining > 0) {
        const debit = brusselsMidnight(s.due);
        schedule(debit, 0, () => {
          if (s.remaining > 0) pay(debit, s.remaining, s, 'direct debit');
        });
      }
      if (s.remaining > 0 && brusselsMidnight(s.due + 1) < horizon) schedule(brusselsMidnight(s.due + 1), 0, remind(s));
      next++;
      continue;
    }
    tasks.shift();
    task!.run();
  }

  // BASE-D.8.7: after the end, what the operator owes is due within the refund term, then bears interest.
  const end = c.lifecycle.end;
  if (end && balance < 0) {
    const dueDay = brusselsDayOf(end.at) + catalog.dunning.refundTermDays;
    const days = brusselsDayOf(horizon) - dueDay;
    if (days > 0) {
      const interest = legalInterest(-balance as Cents, days, catalog.dunning.legalInterestPerMillion);
      if (interest > 0)
        entry(horizon, 'credit', -interest, `legal interest on ${(-balance / 100).toFixed(2)} euros owed by the operator since ${formatDate(dueDay)} (${days} days)`, ['BASE-D.8.7']);
    }
  }
  return { ledger, owed: balance, decisions };
}
