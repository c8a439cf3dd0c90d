/**
 * Shards: `--shard i/n` simulates the i-th of n contiguous slices of the population (1 ≤ i ≤ n), so n
 * machines share a run; each writes its rows as hive-partitioned Parquet,
 * `<dir>/<table>/run_id=<run id>/shard=<i>/part_0.parquet`, which DuckDB (or Spark, Trino, ClickHouse)
 * reads as one table. Subscriber i depends only on (seed, i), so the shards' rows together are exactly
 * those of the same run on one machine.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { InputError } from '../domain/errors.ts';
import { DATA_TABLES } from '../store/schema.ts';

export interface Shard {
  /** 1-based. */
  readonly index: number;
  readonly count: number;
}

/** Reads `i/n` (1 ≤ i ≤ n); an InputError naming the option otherwise. */
export function parseShard(text: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(text);
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || !Number.isSafeInteger(index) || !Number.isSafeInteger(count) || index < 1 || index > count)
    throw new InputError('command line', '--shard', 'expected i/n with 1 ≤ i ≤ n, such as 2/8 (with a Kubernetes Indexed Job: $((JOB_COMPLETION_INDEX + 1))/N)', text);
  return { index, count };
}

/** The subscriber indices [from, to) of shard i/n of a population of `count`. */
export function shardRange(shard: Shard, count: number): readonly [number, number] {
  return [Math.floor(((shard.index - 1) * count) / shard.count), Math.floor((shard.index * count) / shard.count)];
}

/** The data tables, then `runs` (last, so a shard's runs partition appears only once its data is in place). */
const EXPORTED = [...DATA_TABLES, 'runs'] as const;

const quote = (s: string) => `'${s.replaceAll("'", "''")}'`;

/**
 * Writes the runs' rows of every table as Parquet under `dir`, partitioned by run_id and shard, replacing
 * what an earlier run of the same shard wrote. Each table is written to a staging directory first and
 * then moved into place; `runs` goes last. In the Parquet `runs`, `shard` is the shard's index (the
 * partition) and `shards` the number of shards.
 */
export async function exportShard(connection: DuckDBConnection, dir: string, runIds: readonly string[], shard: Shard): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const staging = join(dir, `.staging-shard-${shard.index}-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  const ids = runIds.map(quote).join(', ');
  const written: string[] = [];
  try {
    for (const table of EXPORTED) {
      const select =
        table === 'runs'
          ? `SELECT * REPLACE (${shard.index} AS shard), ${shard.count} AS shards FROM runs WHERE run_id IN (${ids})`
          : `SELECT *, ${shard.index} AS shard FROM ${table} WHERE run_id IN (${ids})`;
      await connection.run(
        `COPY (${select}) TO ${quote(join(staging, table))} (FORMAT parquet, PARTITION_BY (run_id, shard), FILENAME_PATTERN 'part_{i}')`,
      );
    }
    const shardDir = `shard=${shard.index}`;
    for (const table of EXPORTED) {
      for (const runId of runIds) rmSync(join(dir, table, runDir(runId), shardDir), { recursive: true, force: true });
      const tableDir = join(staging, table);
      if (!existsSync(tableDir)) continue; // no rows of these runs in this table
      for (const run of readdirSync(tableDir)) {
        mkdirSync(join(dir, table, run), { recursive: true });
        renameSync(join(tableDir, run, shardDir), join(dir, table, run, shardDir));
        written.push(join(dir, table, run, shardDir));
      }
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return written;
}

/** Removes a shard's `runs` partitions first, so that readers see the shard as absent while it is redone. */
export function retractShard(dir: string, runIds: readonly string[], shard: Shard): void {
  for (const runId of runIds) rmSync(join(dir, 'runs', runDir(runId), `shard=${shard.index}`), { recursive: true, force: true });
}

/** A run's partition directory as DuckDB names it (the value percent-encoded: run ids hold slashes). */
function runDir(runId: string): string {
  return `run_id=${encodeURIComponent(runId)}`;
}
