import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Outcome } from '../domain/outcome.ts';
import type { TimelineInput } from '../domain/timeline.ts';
import { writeAtomically } from '../files.ts';
import type { Difference, EngineOutcome } from './compare.ts';

export const COUNTEREXAMPLE_VERSION = 'termlab.counterexample/1';

/** A disagreement, shrunk: the smallest timeline found that still shows it, with both outcomes. */
export interface Counterexample {
  readonly schema: typeof COUNTEREXAMPLE_VERSION;
  readonly id: string;
  readonly engine: string;
  readonly scenario: string;
  readonly seed: number;
  /** The generated case it was found from (subscriber index) and the events it had before shrinking. */
  readonly path: { readonly index: number; readonly eventsBefore: number };
  readonly clauses: readonly string[];
  readonly differences: readonly Difference[];
  readonly timeline: TimelineInput;
  readonly reference: Outcome;
  readonly engineOutcome: EngineOutcome;
}

/** The id of a counterexample: a hash of its timeline, so the same case is stored once. */
export function counterexampleId(timeline: TimelineInput): string {
  return createHash('sha256').update(JSON.stringify(timeline)).digest('hex').slice(0, 12);
}

/**
 * Counterexamples kept between runs (like Hypothesis's example database): each is a JSON file in a
 * directory, re-checked first on the next run, and exportable as a fixture for the team's own tests.
 */
export class CounterexampleStore {
  constructor(readonly dir: string) {}

  all(): Counterexample[] {
    let files: string[];
    try {
      files = readdirSync(this.dir).filter((f) => f.endsWith('.json')).sort();
    } catch {
      return [];
    }
    return files.map((f) => JSON.parse(readFileSync(join(this.dir, f), 'utf8')) as Counterexample);
  }

  save(c: Counterexample): string {
    mkdirSync(this.dir, { recursive: true });
    const file = join(this.dir, `${c.id}.json`);
    writeAtomically(file, `${JSON.stringify(c, null, 2)}\n`);
    return file;
  }
}

/** A fixture for the team's own regression tests: the timeline and what the terms require of it. */
export function exportFixture(c: Counterexample, dir: string): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${c.clauses[0] ?? 'case'}-${c.id}.json`);
  writeAtomically(
    file,
    `${JSON.stringify({ description: c.differences.map((d) => d.sentence).join(' '), clauses: c.clauses, timeline: c.timeline, expected: c.reference }, null, 2)}\n`,
  );
  return file;
}
