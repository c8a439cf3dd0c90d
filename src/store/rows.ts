/**
 * An outcome as store rows: what one subscriber's run through the reference model adds to each table of
 * schema.ts. Dates become day numbers, instants seconds since the epoch, clause ids lists; nothing is
 * rounded or recomputed.
 */
import { ZONE_NAMES } from '../domain/countries.ts';
import { DEST_NAMES } from '../domain/numbering.ts';
import type { Outcome } from '../domain/outcome.ts';
import { dayFromYmd, daysInMonth, parseDate, parseInstant } from '../domain/time.ts';
import type { Timeline } from '../domain/timeline.ts';
import type { UsageColumns } from '../domain/usage.ts';
import type { CompiledTimeline } from '../terms/compile.ts';
import { TABLE_COLUMNS, TableBuilder, type TableBatch } from './columns.ts';
import { DATA_TABLES, type DataTable } from './schema.ts';

/** What the store needs of one simulated subscriber. */
export interface SubscriberRun {
  readonly index: number;
  readonly personas: readonly string[];
  readonly timeline: Timeline;
  readonly usage: UsageColumns;
  readonly compiled: CompiledTimeline;
  readonly outcome: Outcome;
}

export interface RowOptions {
  /** Also one row per usage record (`usage_records`). */
  readonly usageRecords: boolean;
}

const SERVICES = ['call', 'sms', 'data'] as const;
const UNITS = ['second', 'sms', 'byte'] as const;

/** One run's rows for a batch of subscribers, table by table. */
export class RunRows {
  private readonly tables = new Map<DataTable, TableBuilder>(DATA_TABLES.map((t) => [t, new TableBuilder(TABLE_COLUMNS[t])]));

  constructor(private readonly options: RowOptions) {}

  private t(name: DataTable): TableBuilder {
    return this.tables.get(name)!;
  }

  add(s: SubscriberRun): void {
    const { timeline: tl, outcome: o, compiled: c } = s;
    const id = tl.subscriber.id;
    const who = (tl.subscriber.identity ?? {}) as { name?: unknown; company?: { name?: unknown }; address?: { city?: unknown } };
    const end = c.lifecycle.end;
    this.t('subscribers').add([
      id,
      s.index,
      s.personas.join('+'),
      tl.contract.family,
      tl.contract.plan,
      tl.contract.lines.length,
      typeof who.name === 'string' ? who.name : null,
      typeof who.company?.name === 'string' ? who.company.name : null,
      typeof who.address?.city === 'string' ? who.address.city : null,
      c.lifecycle.activation?.day ?? null,
      end?.lastDay ?? null,
      end ? (end.by === 'activation_deadline' ? end.by : end.reason) : null,
      o.balances.billedCents,
      o.balances.owedCents,
      o.balances.prepaidCreditCents,
    ]);

    const statements = this.t('statements');
    const lines = this.t('statement_lines');
    for (const st of o.statements) {
      statements.add([id, st.index, day(st.issuedOn), day(st.dueOn), st.totalCents]);
      st.lines.forEach((l, k) =>
        lines.add([
          id,
          st.index,
          k,
          l.category,
          l.tariff ?? null,
          l.description,
          day(l.period.start),
          day(l.period.end),
          l.quantity,
          l.unit,
          l.amountCents,
          l.clauses,
          l.assumed,
        ]),
      );
    }

    const decisions = this.t('decisions');
    o.decisions.forEach((d, k) =>
      decisions.add([
        id,
        k,
        d.kind,
        instant(d.at),
        d.until === undefined ? null : instant(d.until),
        d.line ?? null,
        d.service ?? null,
        d.zone ?? null,
        d.quantity ?? null,
        d.amountCents ?? null,
        d.detail,
        d.clauses,
        d.assumed,
      ]),
    );

    const usage = this.t('usage');
    for (const u of o.usage)
      usage.add([id, u.period, day(o.periods[u.period]!.start), u.line, u.service, u.zone, u.unit, u.included, u.billed, u.throttled, u.blocked, u.free]);

    const ledger = this.t('ledger');
    o.ledger.forEach((e, k) => ledger.add([id, k, instant(e.at), e.kind, e.amountCents, e.balanceCents, e.detail, e.clauses]));

    if (this.options.usageRecords) this.addRecords(id, s.usage, c);
  }

  private addRecords(id: string, u: UsageColumns, c: CompiledTimeline): void {
    const records = this.t('usage_records');
    for (let i = 0; i < u.count; i++) {
      const svc = u.service[i]!;
      const data = svc === 2;
      records.add([
        id,
        i,
        u.at[i]!,
        u.recordedAt[i]!,
        c.period[i]!,
        c.lineIds[u.line[i]!]!,
        SERVICES[svc]!,
        u.incoming[i] ? 'in' : 'out',
        u.countries[u.country[i]!]!,
        ZONE_NAMES[c.zone[i]!]!,
        data ? null : DEST_NAMES[u.dest[i]!]!,
        data || u.to[i]! < 0 ? null : u.numbers[u.to[i]!]!,
        u.amount[i]!,
        c.quantity[i]!,
        UNITS[svc]!,
        u.recipients[i]!,
        u.seconds[i]!,
      ]);
    }
  }

  /** The finished columns of every table (tables without rows included, with 0 rows). */
  finish(): Record<DataTable, TableBatch> {
    return Object.fromEntries(DATA_TABLES.map((t) => [t, this.t(t).finish()])) as Record<DataTable, TableBatch>;
  }
}

const digit = (s: string, i: number) => s.charCodeAt(i) - 48;
const two = (s: string, i: number) => digit(s, i) * 10 + digit(s, i + 1);
const isDigits = (s: string, at: readonly number[]) => at.every((i) => s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57);
const DATE_DIGITS = [0, 1, 2, 3, 5, 6, 8, 9];
const INSTANT_DIGITS = [...DATE_DIGITS, 11, 12, 14, 15, 17, 18, 20, 21, 23, 24];

/**
 * A date of the outcome as a day number. The outcome writes 'YYYY-MM-DD' (formatDate): read by digit,
 * checked against parseDate's result once per distinct string.
 */
function day(s: string): number {
  const cached = DAYS.get(s);
  if (cached !== undefined) return cached;
  const d = parseDate(s);
  if (d === undefined) throw new TypeError(`store: expected a date, got ${s}`);
  if (DAYS.size > 10_000) DAYS.clear();
  DAYS.set(s, d);
  return d;
}
const DAYS = new Map<string, number>();

/**
 * An instant of the outcome in seconds. The outcome writes 'YYYY-MM-DDTHH:MM:SS±HH:MM' (formatInstant);
 * that shape is read by digit arithmetic (it is a quarter of the rows' cost through parseInstant's regular
 * expression), anything else goes through parseInstant.
 */
function instant(s: string): number {
  const sign = s.charCodeAt(19);
  if (s.length === 25 && s.charCodeAt(10) === 84 /* T */ && (sign === 43 || sign === 45) && isDigits(s, INSTANT_DIGITS)) {
    const year = two(s, 0) * 100 + two(s, 2);
    const month = two(s, 5);
    const dayOfMonth = two(s, 8);
    if (month >= 1 && month <= 12 && dayOfMonth >= 1 && dayOfMonth <= daysInMonth(year, month) && two(s, 11) < 24 && two(s, 14) < 60 && two(s, 17) < 60) {
      const offset = (two(s, 20) * 3600 + two(s, 23) * 60) * (sign === 45 ? -1 : 1);
      return dayFromYmd(year, month, dayOfMonth) * 86_400 + two(s, 11) * 3600 + two(s, 14) * 60 + two(s, 17) - offset;
    }
  }
  const t = parseInstant(s);
  if (t === undefined) throw new TypeError(`store: expected an instant, got ${s}`);
  return t;
}

/** @internal for tests */
export const parsers = { day, instant };
