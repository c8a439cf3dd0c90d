import { describe, expect, it } from 'vitest';
import { NULL_I32, TABLE_COLUMNS, TableBuilder } from '../../src/store/columns.ts';

describe('table columns under construction', () => {
  it('takes a row value by value, each in its column kind, and gives the same columns as a whole row', () => {
    const byValue = new TableBuilder(TABLE_COLUMNS.statements);
    const byRow = new TableBuilder(TABLE_COLUMNS.statements);
    for (let i = 0; i < 600; i++) {
      byValue.str(`s${i % 7}`).i32(i).date(20_454 + i).date(20_469 + i).i64(-i * 1_000_000_007).endRow();
      byRow.add([`s${i % 7}`, i, 20_454 + i, 20_469 + i, -i * 1_000_000_007]);
    }
    expect(byValue.finish()).toEqual(byRow.finish());
  });

  it('codes each distinct string once per column, in order of first use, nulls as −1', () => {
    const t = new TableBuilder(TABLE_COLUMNS.ledger);
    for (const [id, kind, detail] of [
      ['s1', 'statement', 'a'],
      ['s1', 'payment', 'b'],
      ['s2', 'statement', 'a'],
    ] as const)
      t.str(id).i32(0).ts(1_767_225_600).str(kind).i64(100).i64(0).str(detail).strs(['BASE-D.8.5', 'BASE-D.8.9']).endRow();
    const [ids, , , kinds, , , details, clauses] = t.finish().columns;
    expect(ids).toMatchObject({ kind: 'str', dict: ['s1', 's2'] });
    expect([...(ids as { codes: Int32Array }).codes]).toEqual([0, 0, 1]);
    expect([...(kinds as { codes: Int32Array }).codes]).toEqual([0, 1, 0]);
    expect([...(details as { codes: Int32Array }).codes]).toEqual([0, 1, 0]);
    expect(clauses).toMatchObject({ kind: 'strs', dict: ['BASE-D.8.5', 'BASE-D.8.9'] });
    expect([...(clauses as { offsets: Int32Array }).offsets]).toEqual([0, 2, 4, 6]);

    const d = new TableBuilder(TABLE_COLUMNS.decisions);
    d.str('s1').i32(0).str('alert').ts(0).ts(null).str(null).str('data').str('BE').f64(null).i64(null).str('x').strs(['CLIC-2.1']).bool(false).endRow();
    const cols = d.finish().columns;
    expect([...(cols[5] as { codes: Int32Array }).codes]).toEqual([-1]);
    expect(cols[4]).toMatchObject({ kind: 'ts', nulls: new Uint8Array([1]) });
    expect(cols[8]!.kind === 'f64' && Number.isNaN(cols[8]!.data[0])).toBe(true);
  });

  it('refuses a row out of step with the columns, naming the column', () => {
    const t = new TableBuilder(TABLE_COLUMNS.statements);
    expect(() => t.str('s1').date(20_454)).toThrow(/value 2 of the row is a date, but column statement_index is a i32/);
    const u = new TableBuilder(TABLE_COLUMNS.statements);
    expect(() => u.str('s1').i32(0).endRow()).toThrow(/a row ended after 2 of 5 values \(next column: issued_on\)/);
    const v = new TableBuilder(TABLE_COLUMNS.statements);
    expect(() => v.str(null)).toThrow(/column subscriber_id cannot be null/);
    expect(() => new TableBuilder(TABLE_COLUMNS.subscribers).add(['s1', 0])).toThrow(/column persona cannot be null/);
  });

  it('grows past its first capacity and finishes once, as views of exactly its rows', () => {
    const t = new TableBuilder(TABLE_COLUMNS.statements);
    for (let i = 0; i < 5000; i++) t.str('s1').i32(i).date(i).date(i + 15).i64(i).endRow();
    const statements = t.finish();
    expect((statements.columns[1] as { data: Int32Array }).data.slice(4998)).toEqual(new Int32Array([4998, 4999]));
    expect(() => t.str('s1').i32(0).date(0).date(0).i64(0).endRow()).toThrow(/rows added to a finished table batch/);
    const u = new TableBuilder(TABLE_COLUMNS.usage);
    for (let i = 0; i < 3000; i++) u.str('s1').i32(i).date(i).str('sim-1').str('data').str('BE').str('byte').f64(i).f64(0).f64(0).f64(0).f64(0.5).endRow();
    const batch = u.finish();
    expect(batch.rows).toBe(3000);
    for (const col of batch.columns) expect('codes' in col ? col.codes.length : col.data.length).toBe(3000);
    expect(() => u.finish()).toThrow(/finished only once/);
    expect(NULL_I32).toBe(-2147483648);
  });
});
