/**
 * `termlab generate <scenario.yaml> [--count N] [--seed S] [--out file.jsonl] [--stats]`: the scenario's
 * population as timeline documents (contract 1), one JSON line per subscriber, to stdout or to a file.
 * A file is written under a temporary name and renamed at the end, so a failed or interrupted run leaves
 * nothing half-written; a bad scenario is reported before anything is written. `--stats` prints how often
 * each persona, plan and clause-relevant situation occurs (to stderr when the timelines go to stdout).
 */
import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { PERSONAS } from '../../generators/personas/index.ts';
import { population, toTimelineDocument } from '../../generators/population.ts';
import { GenerationStats } from '../../generators/stats.ts';
import { loadScenario } from '../domain/scenario.ts';

export interface GenerateOptions {
  readonly scenarioFile: string;
  readonly count?: number;
  readonly seed?: number;
  readonly out?: string;
  readonly stats?: boolean;
}

const USAGE = 'usage: termlab generate <scenario.yaml> [--count N] [--seed S] [--out file.jsonl] [--stats]';

/** The CLI entry: parses the arguments, generates, returns the exit code (2 on bad usage or input). */
export function generateCommand(args: string[]): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { count: { type: 'string' }, seed: { type: 'string' }, out: { type: 'string' }, stats: { type: 'boolean', default: false } },
  });
  const fail = (message: string): number => {
    process.stderr.write(`termlab: generate: ${message}\n`);
    return 2;
  };
  const file = positionals[0];
  if (!file || positionals.length > 1) return fail(`expected one scenario file\n${USAGE}`);
  const count = values.count === undefined ? undefined : wholeNumber(values.count, 1, 1_000_000_000);
  if (count === null) return fail(`--count: expected a whole number from 1 to 1,000,000,000, got ${JSON.stringify(values.count)}`);
  const seed = values.seed === undefined ? undefined : wholeNumber(values.seed, 0, 4_294_967_295);
  if (seed === null) return fail(`--seed: expected a whole number from 0 to 4,294,967,295, got ${JSON.stringify(values.seed)}`);
  return generate({
    scenarioFile: file,
    ...(count !== undefined ? { count } : {}),
    ...(seed !== undefined ? { seed } : {}),
    ...(values.out !== undefined ? { out: values.out } : {}),
    stats: values.stats,
  });
}

function wholeNumber(text: string, min: number, max: number): number | null {
  if (!/^\d+$/.test(text)) return null;
  const n = Number(text);
  return Number.isSafeInteger(n) && n >= min && n <= max ? n : null;
}

/** Generates the population; throws InputError (nothing written) when the scenario is bad. */
export function generate(o: GenerateOptions): number {
  const { scenario, catalog } = loadScenario(o.scenarioFile, PERSONAS);
  const stats = o.stats ? new GenerationStats(catalog) : undefined;
  const sink = o.out === undefined ? stdoutSink() : fileSink(o.out);
  try {
    for (const sub of population(scenario, catalog, { ...(o.seed !== undefined ? { seed: o.seed } : {}), ...(o.count !== undefined ? { count: o.count } : {}) })) {
      sink.write(`${JSON.stringify(toTimelineDocument(sub))}\n`);
      stats?.add(sub);
    }
    sink.close();
  } catch (e) {
    sink.abort();
    throw e;
  }
  if (stats) (o.out === undefined ? process.stderr : process.stdout).write(`${stats.format()}\n`);
  return 0;
}

interface Sink {
  write(text: string): void;
  close(): void;
  abort(): void;
}

const BATCH = 1 << 20;

/** Text gathered in memory and handed to `emit` a megabyte at a time. */
function buffered(emit: (text: string) => void): { write(text: string): void; flush(): void; drop(): void } {
  let buffer: string[] = [];
  let size = 0;
  const flush = () => {
    if (buffer.length > 0) emit(buffer.join(''));
    buffer = [];
    size = 0;
  };
  return {
    write(text) {
      buffer.push(text);
      size += text.length;
      if (size >= BATCH) flush();
    },
    flush,
    drop: () => {
      buffer = [];
      size = 0;
    },
  };
}

function stdoutSink(): Sink {
  const out = buffered((text) => process.stdout.write(text));
  return { write: out.write, close: out.flush, abort: out.drop };
}

/** Writes to `file.tmp-<pid>` and renames it to `file` at the end; removes it on failure or interruption. */
function fileSink(file: string): Sink {
  const tmp = `${file}.tmp-${process.pid}`;
  const fd = openSync(tmp, 'w');
  let open = true;
  const remove = () => {
    if (open) closeSync(fd);
    open = false;
    rmSync(tmp, { force: true });
  };
  const onSignal = (signal: NodeJS.Signals) => {
    remove();
    process.kill(process.pid, signal);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const done = () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
  const out = buffered((text) => writeSync(fd, text));
  return {
    write: out.write,
    close() {
      out.flush();
      closeSync(fd);
      open = false;
      renameSync(tmp, file);
      done();
    },
    abort() {
      remove();
      done();
    },
  };
}
