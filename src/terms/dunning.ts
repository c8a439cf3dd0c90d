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
 * The ledger detail of a statement, "statement of 2026-02-01, due 2026-02-15". Every subscriber billed on
 * the same cycle day has the same text: it is made once and shared, which also spares the store from
 * reading a new string (hashing it for its dictionary) per statement.
 */
function statementDetail(day: Day, due: Day): string {
  const term = due - day;
  if (!Number.isInteger(day) || !Number.isInteger(term) || term < 0 || term >= 4096) return `statement of ${formatDate(day)}, due ${formatDate(due)}`;
  const key = day * 4096 + term;
  let text = STATEMENT_DETAILS.get(key);
  if (text === undefined) {
    text = `statement of ${formatDate(day)}, due ${formatDate(due)}`;
    if (STATEMENT_DETAILS.size >= 10_000) STATEMENT_DETAILS.clear();
    STATEMENT_DETAILS.set(key, text);
  }
  return text;
}
const STATEMENT_DETAILS = new Map<number, string>();

/** Something to do at an instant; at the same instant, lower `order` first, then in the order scheduled. */
interface Task {
  readonly at: Instant;
  readonly order: number;
  readonly run: () => void;
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
  const account = new Account(c, catalog, draft, feesOn, assumed);
  account.scheduleAccountEvents();
  account.scheduleSuspensions();
  account.run();
  account.creditLegalInterest();
  return { ledger: account.ledger, owed: account.balance, decisions: account.decisions };
}

/**
 * The account of one subscriber as settleAccount runs it: statements issued from the draft in time,
 * interleaved with the tasks (payments, disputes, debits, reminders, suspensions) that fall between them.
 * A class rather than closures in settleAccount: its helpers are made once, not once per subscriber.
 */
class Account {
  readonly decisions: DecisionT[] = [];
  readonly ledger: Ledger = [];
  /** What the client owes (negative: what the operator owes the client). */
  balance = 0;
  /** Overpayment waiting to be offset against later statements (D.8.9). */
  private credit = 0;
  private readonly issued: Issued[] = [];
  /**
   * Tasks sorted by (at, order) and, within those, in the order they were scheduled; the first `done`
   * have run (they stay at the front rather than being shifted off one by one).
   */
  private readonly tasks: Task[] = [];
  private done = 0;
  private readonly horizon: Instant;
  private readonly directDebit: boolean;

  constructor(
    private readonly c: CompiledTimeline,
    private readonly catalog: Catalog,
    private readonly draft: StatementDraft,
    private readonly feesOn: (day: Day) => Fee[],
    private readonly assumed: (clauses: readonly string[]) => boolean,
  ) {
    this.horizon = Math.max(brusselsMidnight(parseDate(c.timeline.until)!), c.periodBounds[c.periods.length]!);
    this.directDebit = c.timeline.contract.payment === 'direct_debit';
  }

  private decide(d: Omit<DecisionT, 'assumed'>): void {
    this.decisions.push({ ...d, assumed: this.assumed(d.clauses) });
  }

  private put(at: Instant, line: Omit<StatementLineT, 'assumed'>): void {
    this.draft.put(at, { ...line, assumed: this.assumed(line.clauses) });
  }

  private entry(at: Instant, kind: Ledger[number]['kind'], amount: number, detail: string, clauses: string[]): void {
    this.balance += amount;
    this.ledger.push({ at: formatInstant(at), kind, amountCents: amount, balanceCents: this.balance, detail, clauses });
  }

  private schedule(at: Instant, order: number, run: () => void): void {
    // After every pending task at or before (at, order): the place a stable sort of the queue would give it.
    const tasks = this.tasks;
    let lo = this.done;
    let hi = tasks.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const t = tasks[mid]!;
      if (t.at < at || (t.at === at && t.order <= order)) lo = mid + 1;
      else hi = mid;
    }
    if (lo === tasks.length) tasks.push({ at, order, run });
    else tasks.splice(lo, 0, { at, order, run });
  }

  private overdueAt(t: Instant): boolean {
    return this.issued.some((s) => s.remaining > 0 && brusselsMidnight(s.due + 1) <= t);
  }

  private issuedOn(date: string | undefined): Issued | undefined {
    return date === undefined ? undefined : this.issued.find((s) => formatDate(s.day) === date);
  }

  /** A payment: to `target` first if given, then to the oldest statements; what is left is credit (D.8.9). */
  private pay(t: Instant, amount: number, target: Issued | undefined, how = 'payment'): void {
    let left = amount;
    if (target && left > 0) left = this.take(target, left);
    for (const s of this.issued) {
      if (left <= 0) break;
      if (s !== target) left = this.take(s, left);
    }
    this.credit += left;
    this.entry(t, 'payment', -amount, left > 0 ? `${how}; ${left / 100} euros paid in excess are offset against later statements` : how, left > 0 ? ['BASE-D.8.5', 'BASE-D.8.9'] : ['BASE-D.8.5']);
  }

  /** Applies up to `amount` to what is left of `s`; returns what is not needed. */
  private take(s: Issued, amount: number): number {
    const take = Math.min(amount, Math.max(0, s.remaining));
    s.remaining -= take;
    return amount - take;
  }

  scheduleAccountEvents(): void {
    for (const a of this.c.account) {
      const e = a.event;
      if (e.type === 'payment') {
        this.schedule(a.at, 1, () => {
          const target = this.issuedOn(e.statement);
          if (e.statement !== undefined && !target)
            this.decide({ kind: 'flag', at: formatInstant(a.at), event: a.index, detail: `no statement was issued on ${e.statement}: the payment goes to the oldest amounts due`, clauses: ['BASE-D.8.5'] });
          const due = target ? Math.max(0, target.remaining) : this.issued.reduce((sum, s) => sum + Math.max(0, s.remaining), 0);
          const amount = e.amountCents ?? due;
          if (amount > 0) this.pay(a.at, amount, target);
        });
      } else if (e.type === 'dispute') {
        this.schedule(a.at, 1, () => {
          const s = this.issuedOn(e.statement);
          if (!s) {
            this.decide({ kind: 'flag', at: formatInstant(a.at), event: a.index, detail: `no statement was issued on ${e.statement} to dispute`, clauses: ['BASE-D.8.8'] });
            return;
          }
          if (brusselsDayOf(a.at) > addMonths(s.day, 1)) {
            this.decide({ kind: 'refused', at: formatInstant(a.at), event: a.index, detail: `a dispute more than a month after the statement of ${e.statement} is inadmissible`, clauses: ['BASE-D.8.8'] });
            return;
          }
          if (!e.justified) {
            this.decide({ kind: 'flag', at: formatInstant(a.at), event: a.index, detail: `dispute of the statement of ${e.statement} found unjustified: the whole amount stays due`, clauses: ['BASE-D.8.8'] });
            return;
          }
          const amount = Math.min(e.amountCents, s.total);
          s.remaining -= amount;
          if (s.remaining < 0) {
            this.credit += -s.remaining;
            s.remaining = 0;
          }
          this.entry(a.at, 'credit', -amount, `justified dispute of the statement of ${e.statement}: ${amount / 100} euros are not due`, ['BASE-D.8.8', 'BASE-D.8.9']);
        });
      }
    }
  }

  scheduleSuspensions(): void {
    for (const sus of this.c.lifecycle.suspensions) {
      if (sus.by !== 'operator') continue;
      let justified = sus.justified;
      this.schedule(sus.from, 2, () => {
        if (sus.reason === 'non_payment') justified = this.overdueAt(sus.from);
        if (!justified)
          this.decide({ kind: 'flag', at: formatInstant(sus.from), detail: sus.reason === 'non_payment' ? 'suspended for non-payment while nothing was overdue: unjustified' : 'unjustified suspension', clauses: ['BASE-D.10.2.1'] });
      });
      if (!Number.isFinite(sus.to)) continue;
      this.schedule(sus.to, 3, () => {
        if (!justified) this.creditSuspendedFees(sus.from, sus.to);
        else if (sus.lifted && this.catalog.fees.reactivation > 0) {
          this.put(sus.to, {
            category: 'reactivation_fee',
            description: 'reactivation after a suspension',
            period: { start: formatDate(brusselsDayOf(sus.to)), end: formatDate(brusselsDayOf(sus.to) + 1) },
            quantity: 1,
            unit: 'event',
            amountCents: this.catalog.fees.reactivation,
            clauses: ['BASE-D.10.2.1'],
          });
        }
      });
    }
  }

  /** D.10.2.1: a credit note for the fees of the days of an unjustified suspension, period by period. */
  private creditSuspendedFees(fromAt: Instant, toAt: Instant): void {
    const from = brusselsDayOf(fromAt);
    const to = brusselsDayOf(toAt);
    for (const period of this.c.periods) {
      const a = Math.max(from, period.start);
      const b = Math.min(to, period.end);
      if (b <= a) continue;
      for (const f of this.feesOn(a))
        this.put(toAt, feeLine(period, a, b, 'credit', `credit note: ${f.what} during an unjustified suspension`, f.monthly, ['BASE-D.10.2.1'], false, -1));
    }
  }

  /** D.8.6: the reminder the day after `s` is due, and the check for the indemnity after it. */
  private remind(s: Issued): void {
    if (s.remaining <= 0) return;
    const at = brusselsMidnight(s.due + 1);
    this.decide({ kind: 'reminder', at: formatInstant(at), amountCents: s.remaining, detail: `payment reminder: ${s.remaining / 100} euros of the statement of ${formatDate(s.day)} unpaid at its due date`, clauses: ['BASE-D.8.6'] });
    if (this.catalog.fees.reminder > 0)
      this.put(at, { category: 'late_payment', description: `reminder fee (statement of ${formatDate(s.day)})`, period: { start: formatDate(s.due + 1), end: formatDate(s.due + 2) }, quantity: 1, unit: 'event', amountCents: this.catalog.fees.reminder, clauses: ['BASE-D.8.6'] });
    const check = at + this.catalog.dunning.indemnityAfterDays * 86_400;
    if (check < this.horizon) this.schedule(check, 4, () => this.chargeIndemnity(s, check));
  }

  /** D.8.6: the flat indemnity on what is left of the statement's own charges, never on earlier indemnities. */
  private chargeIndemnity(s: Issued, check: Instant): void {
    const base = Math.min(s.remaining, s.total - s.lateCharges);
    if (base <= 0) return;
    this.put(check, {
      category: 'late_payment',
      description: `flat indemnity on ${(base / 100).toFixed(2)} euros left unpaid (statement of ${formatDate(s.day)})`,
      period: { start: formatDate(s.due + 1), end: formatDate(brusselsDayOf(check)) },
      quantity: 1,
      unit: 'event',
      rate: 'law of 4 May 2023',
      amountCents: flatIndemnity(base as Cents),
      clauses: ['BASE-D.8.6'],
    });
  }

  /** Issues the draft's statement `index` at `at`: due, offset against credit, debited or reminded. */
  private issue(index: number, at: Instant): void {
    const lines = this.draft.lines[index]!;
    let total = 0;
    let lateCharges = 0;
    for (const l of lines) {
      total += l.amountCents;
      if (l.category === 'late_payment') lateCharges += l.amountCents;
    }
    const day = this.draft.days[index]!;
    const s: Issued = { index, day, due: day + this.catalog.paymentTermDays, total: total as Cents, lateCharges, remaining: total };
    this.issued.push(s);
    this.entry(at, 'statement', total, statementDetail(day, s.due), ['BASE-D.8.5']);
    if (this.credit > 0 && s.remaining > 0) {
      const offset = Math.min(this.credit, s.remaining);
      this.credit -= offset;
      s.remaining -= offset;
    }
    if (s.remaining < 0) {
      this.credit += -s.remaining;
      s.remaining = 0;
    }
    if (this.directDebit && s.remaining > 0) {
      const debit = brusselsMidnight(s.due);
      this.schedule(debit, 0, () => {
        if (s.remaining > 0) this.pay(debit, s.remaining, s, 'direct debit');
      });
    }
    const reminder = brusselsMidnight(s.due + 1);
    if (s.remaining > 0 && reminder < this.horizon) this.schedule(reminder, 0, () => this.remind(s));
  }

  /** Statements and tasks in time; a statement goes first at the same instant. Tasks may add statements. */
  run(): void {
    let next = 0;
    const tasks = this.tasks;
    for (;;) {
      const statementAt = next < this.draft.days.length ? this.draft.instants[next]! : Infinity;
      const task = this.done < tasks.length ? tasks[this.done] : undefined;
      if (!task && statementAt === Infinity) break;
      if (statementAt <= (task?.at ?? Infinity)) this.issue(next++, statementAt);
      else {
        this.done++;
        task!.run();
      }
    }
  }

  /** BASE-D.8.7: after the end, what the operator owes is due within the refund term, then bears interest. */
  creditLegalInterest(): void {
    const end = this.c.lifecycle.end;
    if (!end || this.balance >= 0) return;
    const dueDay = brusselsDayOf(end.at) + this.catalog.dunning.refundTermDays;
    const days = brusselsDayOf(this.horizon) - dueDay;
    if (days <= 0) return;
    const interest = legalInterest(-this.balance as Cents, days, this.catalog.dunning.legalInterestPerMillion);
    if (interest > 0)
      this.entry(this.horizon, 'credit', -interest, `legal interest on ${(-this.balance / 100).toFixed(2)} euros owed by the operator since ${formatDate(dueDay)} (${days} days)`, ['BASE-D.8.7']);
  }
}
