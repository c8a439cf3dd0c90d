/**
 * A subscriber's life while it is being built: personas add account events, end the contract, block
 * lines for a while, add trips and usage hooks, and decide how each statement is paid. `finish` puts
 * the account events in time order and writes the payments and top-ups.
 */
import { formatDate, formatInstant, type Day, type Instant } from '../src/domain/time.ts';
import type { TimelineEvent } from '../src/domain/timeline.ts';
import { instantOn } from './calendar.ts';
import { withDefaults } from './events/defaults.ts';
import type { AccountEvent, AccountEventBody, BuildContext, UsageHook, UsageProfile } from './types.ts';

/** How one statement gets paid: `daysAfterDue` may be negative (before the due date). */
export type PaymentPlan = { readonly kind: 'pay'; readonly daysAfterDue: number; readonly second: number } | { readonly kind: 'none' };

export interface Trip {
  readonly from: Day;
  /** Exclusive. */
  readonly to: Day;
  readonly country: string;
}

/** The subscriber's ordinary payment habit and, on prepaid, top-up habit (drawn with the base shape). */
export interface Habits {
  /** Days before the due date the statement is paid (0 = on the due date). */
  readonly payDaysBeforeDue: number;
  readonly paySecond: number;
  /** Prepaid: days between top-ups and the amount. */
  readonly topUpEveryDays: number;
  readonly topUpCents: number;
}

const ENDING = new Set(['termination', 'death', 'port_out']);
/** What may still happen once the contract has ended. */
const AFTER_END = new Set(['payment', 'dispute', 'port_out', 'refund_request']);

export class Life {
  readonly ctx: BuildContext;
  readonly profile: UsageProfile;
  /** Usage stops here (termination, death, port-out). */
  endAt: Instant;
  private endKind = '';
  readonly blocks: Array<{ from: Instant; to: Instant; line: number }> = [];
  /** Per line, when it can first be used (Infinity: never activated). */
  readonly lineFrom: Float64Array;
  readonly trips: Trip[] = [];
  readonly hooks: UsageHook[] = [];
  /** Per statement, how it is paid; undefined: the habit. */
  readonly payments: Array<PaymentPlan | undefined>;
  /** A persona writes its own top-ups (prepaid). */
  ownsTopUps = false;
  /** Statements are paid by payment events (the contract's `payment: manual`), not by direct debit. */
  readonly manual: boolean;
  private readonly events: Array<{ t: Instant; seq: number; e: AccountEventBody }> = [];

  constructor(ctx: BuildContext, profile: UsageProfile, readonly habits: Habits) {
    this.ctx = ctx;
    this.profile = { ...profile };
    this.endAt = ctx.untilAt;
    this.lineFrom = new Float64Array(ctx.lines.length).fill(ctx.activation === null ? Infinity : ctx.activationAt);
    this.payments = ctx.statements.map(() => undefined);
    this.manual = ctx.payment === 'manual';
  }

  /** Adds an account event at `t`; ignored outside the horizon. */
  add(t: Instant, e: AccountEventBody): void {
    if (t < this.ctx.startAt || t >= this.ctx.untilAt) return;
    this.events.push({ t, seq: this.events.length, e });
  }

  /** The contract ends at `t` (usage stops); the earliest end wins. */
  end(t: Instant, kind: 'termination' | 'death' | 'port_out'): void {
    if (t < this.endAt) {
      this.endAt = Math.max(t, this.ctx.startAt);
      this.endKind = kind;
    }
  }

  /** No usage on `line` (−1: every line) from `from` to `to`. */
  block(from: Instant, to: Instant, line = -1): void {
    if (to > from) this.blocks.push({ from, to, line });
  }

  /** `line` can be used from `t` on (Infinity: never). */
  activateLine(line: number, t: Instant): void {
    this.lineFrom[line] = t;
  }

  /** Whether `line` can be used at `t` (activated, not blocked, contract running). */
  canUse(line: number, t: Instant): boolean {
    if (t < this.lineFrom[line]! || t >= this.endAt) return false;
    const blocks = this.blocks;
    for (let i = 0; i < blocks.length; i++) {
      const b = blocks[i]!;
      if (t >= b.from && t < b.to && (b.line < 0 || b.line === line)) return false;
    }
    return true;
  }

  /** Whether every line can be used from `from` to `to` (the common case: no check per record). */
  canUseAll(from: Instant, to: Instant): boolean {
    if (to > this.endAt) return false;
    const lf = this.lineFrom;
    for (let l = 0; l < lf.length; l++) if (lf[l]! > from) return false;
    const blocks = this.blocks;
    for (let i = 0; i < blocks.length; i++) if (blocks[i]!.from < to && blocks[i]!.to > from) return false;
    return true;
  }

  trip(from: Day, to: Day, country: string): void {
    if (to > from) this.trips.push({ from, to, country });
  }

  hook(h: UsageHook): void {
    this.hooks.push(h);
  }

  /**
   * Account events in time order (stable), payments and top-ups included, with the schema's defaults
   * filled in; after the end only payments, disputes, a port-out and a refund request.
   */
  finish(): TimelineEvent[] {
    const { ctx } = this;
    for (const s of this.manual ? ctx.statements : []) {
      const plan = this.payments[s.index] ?? { kind: 'pay', daysAfterDue: -this.habits.payDaysBeforeDue, second: this.habits.paySecond };
      if (plan.kind === 'none') continue;
      if (s.issued > Math.floor((this.endAt - ctx.startAt) / 86_400) + ctx.start) continue;
      const issuedAt = instantOn(s.issued, 0);
      let t = instantOn(s.due + plan.daysAfterDue, plan.second);
      if (t <= issuedAt) t = issuedAt + 3600;
      this.add(t, { type: 'payment', statement: formatDate(s.issued) });
    }
    if (ctx.family === 'BASE_PREPAID' && !this.ownsTopUps && ctx.activation !== null) {
      for (let d = ctx.activation; d < ctx.until; d += this.habits.topUpEveryDays)
        this.add(instantOn(d, this.habits.paySecond), { type: 'top_up', amountCents: this.habits.topUpCents, promotional: false });
    }
    this.events.sort((a, b) => a.t - b.t || a.seq - b.seq);
    const out: TimelineEvent[] = [];
    let closed = false;
    let relativeEnded = false;
    for (const { t, e } of this.events) {
      if (t >= this.endAt && !AFTER_END.has(e.type)) {
        // Past the end only the event that ended the contract stays, and after a death the relative's termination.
        if (!ENDING.has(e.type)) continue;
        if (!closed && e.type === this.endKind && t === this.endAt) closed = true;
        else if (this.endKind === 'death' && e.type === 'termination' && !relativeEnded) relativeEnded = true;
        else continue;
      }
      out.push(withDefaults({ ...e, at: formatInstant(t) } as AccountEvent));
    }
    return out;
  }
}
