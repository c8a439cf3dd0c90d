/**
 * An outcome as store rows: what one subscriber's run through the reference model adds to each table of
 * schema.ts. Dates become day numbers, instants seconds since the epoch, clause ids lists; nothing is
 * rounded or recomputed.
 */
import { ZONE_NAMES } from '../domain/countries.ts';
import { SERVICE_UNITS, SERVICES } from '../domain/families.ts';
import { DEST_NAMES } from '../domain/numbering.ts';
import type { Outcome } from '../domain/outcome.ts';
import { parseDate, parseInstant } from '../domain/time.ts';
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

/** One run's rows for a batch of subscribers, table by table. */
export class RunRows {
  private readonly tables = new Map<DataTable, TableBuilder>(DATA_TABLES.map((t) => [t, new TableBuilder(TABLE_COLUMNS[t])]));
  private readonly subscribers = this.t('subscribers');
  private readonly statements = this.t('statements');
  private readonly lines = this.t('statement_lines');
  private readonly decisions = this.t('decisions');
  private readonly usage = this.t('usage');
  private readonly ledger = this.t('ledger');
  private readonly records = this.t('usage_records');

  constructor(private readonly options: RowOptions) {}

  private t(name: DataTable): TableBuilder {
    return this.tables.get(name)!;
  }

  add(s: SubscriberRun): void {
    const { timeline: tl, outcome: o, compiled: c } = s;
    const id = tl.subscriber.id;
    const who = (tl.subscriber.identity ?? {}) as { name?: unknown; company?: { name?: unknown }; address?: { city?: unknown } };
    const end = c.lifecycle.end;
    this.subscribers
      .str(id)
      .i32(s.index)
      .str(s.personas.join('+'))
      .str(tl.contract.family)
      .str(tl.contract.plan)
      .i32(tl.contract.lines.length)
      .str(typeof who.name === 'string' ? who.name : null)
      .str(typeof who.company?.name === 'string' ? who.company.name : null)
      .str(typeof who.address?.city === 'string' ? who.address.city : null)
      .date(c.lifecycle.activation?.day ?? null)
      .date(end?.lastDay ?? null)
      .str(end ? (end.by === 'activation_deadline' ? end.by : end.reason) : null)
      .i64(o.balances.billedCents)
      .i64(o.balances.owedCents)
      .i64(o.balances.prepaidCreditCents)
      .endRow();

    for (const st of o.statements) {
      this.statements.str(id).i32(st.index).date(day(st.issuedOn)).date(day(st.dueOn)).i64(st.totalCents).endRow();
      for (let k = 0; k < st.lines.length; k++) {
        const l = st.lines[k]!;
        this.lines
          .str(id)
          .i32(st.index)
          .i32(k)
          .str(l.category)
          .str(l.tariff ?? null)
          .str(l.description)
          .date(day(l.period.start))
          .date(day(l.period.end))
          .f64(l.quantity)
          .str(l.unit)
          .i64(l.amountCents)
          .strs(l.clauses)
          .bool(l.assumed)
          .endRow();
      }
    }

    for (let k = 0; k < o.decisions.length; k++) {
      const d = o.decisions[k]!;
      this.decisions
        .str(id)
        .i32(k)
        .str(d.kind)
        .ts(instant(d.at))
        .ts(d.until === undefined ? null : instant(d.until))
        .str(d.line ?? null)
        .str(d.service ?? null)
        .str(d.zone ?? null)
        .f64(d.quantity ?? null)
        .i64(d.amountCents ?? null)
        .str(d.detail)
        .strs(d.clauses)
        .bool(d.assumed)
        .endRow();
    }

    const periodStarts = o.periods.map((p) => day(p.start));
    for (const u of o.usage)
      this.usage
        .str(id)
        .i32(u.period)
        .date(periodStarts[u.period]!)
        .str(u.line)
        .str(u.service)
        .str(u.zone)
        .str(u.unit)
        .f64(u.included)
        .f64(u.billed)
        .f64(u.throttled)
        .f64(u.blocked)
        .f64(u.free)
        .endRow();

    for (let k = 0; k < o.ledger.length; k++) {
      const e = o.ledger[k]!;
      this.ledger.str(id).i32(k).ts(instant(e.at)).str(e.kind).i64(e.amountCents).i64(e.balanceCents).str(e.detail).strs(e.clauses).endRow();
    }

    if (this.options.usageRecords) this.addRecords(id, s.usage, c);
  }

  private addRecords(id: string, u: UsageColumns, c: CompiledTimeline): void {
    const records = this.records;
    for (let i = 0; i < u.count; i++) {
      const svc = u.service[i]!;
      const data = svc === 2;
      records
        .str(id)
        .i32(i)
        .ts(u.at[i]!)
        .ts(u.recordedAt[i]!)
        .i32(c.period[i]!)
        .str(c.lineIds[u.line[i]!]!)
        .str(SERVICES[svc]!)
        .str(u.incoming[i] ? 'in' : 'out')
        .str(u.countries[u.country[i]!]!)
        .str(ZONE_NAMES[c.zone[i]!]!)
        .str(data ? null : DEST_NAMES[u.dest[i]!]!)
        .str(data || u.to[i]! < 0 ? null : u.numbers[u.to[i]!]!)
        .f64(u.amount[i]!)
        .f64(c.quantity[i]!)
        .str(SERVICE_UNITS[svc]!)
        .i32(u.recipients[i]!)
        .f64(u.seconds[i]!)
        .endRow();
    }
  }

  /** The finished columns of every table (tables without rows included, with 0 rows). */
  finish(): Record<DataTable, TableBatch> {
    return Object.fromEntries(DATA_TABLES.map((t) => [t, this.t(t).finish()])) as Record<DataTable, TableBatch>;
  }
}

/**
 * A date of the outcome ('YYYY-MM-DD') as a day number, read once per distinct string: the model's dates
 * are the few hundred strings formatDate keeps, so a lookup (their hash is kept with them) is cheaper
 * than reading the digits again.
 */
function day(s: string): number {
  let d = DAYS.get(s);
  if (d === undefined) {
    d = parseDate(s);
    if (d === undefined) throw new TypeError(`store: expected a date, got ${s}`);
    if (DAYS.size >= 10_000) DAYS.clear();
    DAYS.set(s, d);
  }
  return d;
}
const DAYS = new Map<string, number>();

/**
 * An instant of the outcome in seconds. The outcome's own shape ('YYYY-MM-DDTHH:MM:SS±HH:MM', as
 * formatInstant writes it) is read digit by digit by parseInstant; any other ISO form an engine may
 * give goes through its full grammar.
 */
function instant(s: string): number {
  const t = parseInstant(s);
  if (t === undefined) throw new TypeError(`store: expected an instant, got ${s}`);
  return t;
}

/** @internal for tests */
export const parsers = { day, instant };
