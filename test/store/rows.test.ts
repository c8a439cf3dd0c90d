import { describe, expect, it } from 'vitest';
import { PERSONAS } from '../../generators/personas/index.ts';
import { population } from '../../generators/population.ts';
import { loadScenario } from '../../src/domain/scenario.ts';
import { formatInstant, parseInstant } from '../../src/domain/time.ts';
import { NULL_I32, TABLE_COLUMNS, type TableBatch, type WireColumn } from '../../src/store/columns.ts';
import { parsers, RunRows } from '../../src/store/rows.ts';
import { compileGenerated } from '../../src/terms/compile.ts';
import { rateCompiled } from '../../src/terms/model.ts';

/** A wire column's value at a row, as the writer hands it to DuckDB. */
function valueAt(col: WireColumn, row: number): unknown {
  switch (col.kind) {
    case 'str':
      return col.codes[row]! < 0 ? null : col.dict[col.codes[row]!];
    case 'strs':
      return Array.from(col.codes.subarray(col.offsets[row], col.offsets[row + 1]), (c) => col.dict[c]);
    case 'i32':
    case 'date':
      return col.data[row] === NULL_I32 ? null : col.data[row];
    case 'i64':
    case 'ts': {
      if (col.nulls?.[row]) return null;
      const v = (col.data[2 * row + 1]! * 4294967296 + (col.data[2 * row]! >>> 0)) / (col.kind === 'ts' ? 1e6 : 1);
      return v;
    }
    case 'f64':
      return Number.isNaN(col.data[row]) ? null : col.data[row];
    case 'bool':
      return col.data[row] === 2 ? null : col.data[row] === 1;
  }
}

function decode(table: keyof typeof TABLE_COLUMNS, batch: TableBatch): Record<string, unknown>[] {
  return Array.from({ length: batch.rows }, (_, row) => Object.fromEntries(TABLE_COLUMNS[table].map((spec, j) => [spec.name, valueAt(batch.columns[j]!, row)])));
}

describe('outcome → store rows', () => {
  it('reads the outcome\'s instants as parseInstant does, in summer and winter time and around the changes', () => {
    const samples = ['2026-03-29T01:59:59+01:00', '2026-03-29T03:00:00+02:00', '2026-10-25T02:30:00+02:00', '2026-10-25T02:30:00+01:00', '1999-12-31T23:59:59Z', '2026-01-05T10:00:00-05:30'];
    for (let t = 1_735_689_600; t < 1_798_761_600; t += 86_400 * 7 + 3_607) samples.push(formatInstant(t));
    for (const s of samples) expect(parsers.instant(s)).toBe(parseInstant(s));
    expect(() => parsers.instant('2026-02-30T10:00:00+01:00')).toThrow(/expected an instant/);
  });

  it('gives every statement line, decision, usage row and ledger entry of a generated subscriber, in order', () => {
    const { scenario, catalog } = loadScenario('test/run/fixtures/small.yaml', PERSONAS);
    const subs = [...population(scenario, catalog, { count: 8 })];
    const rows = new RunRows({ usageRecords: true });
    const outcomes = subs.map((sub) => {
      const compiled = compileGenerated(sub.timeline, sub.usage, catalog);
      const outcome = rateCompiled(compiled, catalog);
      rows.add({ index: sub.index, personas: sub.personas, timeline: sub.timeline, usage: sub.usage, compiled, outcome });
      return { sub, outcome };
    });
    const t = rows.finish();

    const subscribers = decode('subscribers', t.subscribers);
    expect(subscribers.map((s) => s.subscriber_id)).toEqual(subs.map((s) => s.timeline.subscriber.id));
    expect(subscribers.map((s) => s.persona)).toEqual(subs.map((s) => s.personas.join('+')));
    expect(subscribers.map((s) => s.billed_cents)).toEqual(outcomes.map((o) => o.outcome.balances.billedCents));

    const lines = decode('statement_lines', t.statement_lines);
    const expectedLines = outcomes.flatMap(({ sub, outcome }) =>
      outcome.statements.flatMap((st) => st.lines.map((l, k) => ({ id: sub.timeline.subscriber.id, st: st.index, k, category: l.category, amount: l.amountCents, clauses: l.clauses, tariff: l.tariff ?? null }))),
    );
    expect(lines.map((l) => ({ id: l.subscriber_id, st: l.statement_index, k: l.line_no, category: l.category, amount: l.amount_cents, clauses: l.clauses, tariff: l.tariff }))).toEqual(expectedLines);

    const decisions = decode('decisions', t.decisions);
    const expectedDecisions = outcomes.flatMap(({ outcome }) => outcome.decisions.map((d) => ({ kind: d.kind, at: parseInstant(d.at), until: d.until ? parseInstant(d.until) : null, detail: d.detail })));
    expect(decisions.map((d) => ({ kind: d.kind, at: d.at, until: d.until, detail: d.detail }))).toEqual(expectedDecisions);

    expect(t.usage.rows).toBe(outcomes.reduce((n, o) => n + o.outcome.usage.length, 0));
    expect(t.ledger.rows).toBe(outcomes.reduce((n, o) => n + o.outcome.ledger.length, 0));
    expect(t.usage_records.rows).toBe(subs.reduce((n, s) => n + s.usage.count, 0));
    const records = decode('usage_records', t.usage_records);
    const first = subs.find((s) => s.usage.count > 0)!;
    expect(records.find((r) => r.subscriber_id === first.timeline.subscriber.id)).toMatchObject({ seq: 0, at: first.usage.at[0], service: ['call', 'sms', 'data'][first.usage.service[0]!] });
  });
});
