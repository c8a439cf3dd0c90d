/**
 * Reading a simulation store for the reports: opened read-only, in Belgian time (the session's TimeZone
 * is Europe/Brussels, so a TIMESTAMPTZ cast to a date or formatted gives the Brussels calendar, whatever
 * the machine's zone), and rows as plain objects with numbers instead of BIGINTs.
 */
import { existsSync } from 'node:fs';
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';

export class ReportError extends Error {
  override name = 'ReportError';
}

export interface Store {
  readonly conn: DuckDBConnection;
  close(): void;
}

export async function openStore(path: string): Promise<Store> {
  if (!existsSync(path)) {
    throw new ReportError(`${path}: no such database (run \`termlab simulate <scenario.yaml>\` first, or pass --db)`);
  }
  let instance: DuckDBInstance;
  try {
    instance = await DuckDBInstance.create(path, { access_mode: 'READ_ONLY' });
  } catch (e) {
    throw new ReportError(`${path}: cannot open the database read-only: ${(e as Error).message}`);
  }
  const conn = await instance.connect();
  await conn.run("SET TimeZone = 'Europe/Brussels'");
  return {
    conn,
    close() {
      conn.closeSync();
      instance.closeSync();
    },
  };
}

export type Row = Record<string, unknown>;
export type Params = Record<string, string | number | boolean | null>;

/** Runs `sql` with named parameters (`$run`) and returns its rows; BIGINT and HUGEINT become numbers. */
export async function rows<T = Row>(conn: DuckDBConnection, sql: string, params: Params = {}): Promise<T[]> {
  const reader = await conn.runAndReadAll(sql, params);
  return reader.getRowObjectsJS().map((r) => plain(r) as T);
}

function plain(value: unknown): unknown {
  if (typeof value === 'bigint') {
    const n = Number(value);
    if (!Number.isSafeInteger(n)) throw new RangeError(`a number too large for exact arithmetic: ${value}`);
    return n;
  }
  if (Array.isArray(value)) return value.map(plain);
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  }
  return value;
}
