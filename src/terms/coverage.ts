import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { CLAUSES, isModelled, type Clause } from './clauses.ts';

/** For one clause: where the code cites it and which tests cite it. */
export interface ClauseCoverage {
  readonly id: string;
  readonly treatment: readonly string[];
  readonly modelled: boolean;
  readonly implementedIn: readonly string[];
  /** Registry files that do not actually cite the clause id (a registry out of step with the code). */
  readonly missingCitations: readonly string[];
  readonly tests: readonly string[];
  readonly reading?: string;
}

/** The regex that finds a clause id and not a longer one (CLIC-2.1 must not match CLIC-2.10). */
export function citationPattern(id: string): RegExp {
  return new RegExp(`${id.replace(/[.]/g, '\\.')}(?![0-9]|\\.[0-9])`);
}

/** Reads the project's sources and tests under `root` and measures each clause's coverage. */
export function clauseCoverage(root: string): ClauseCoverage[] {
  const tests = filesUnder(join(root, 'test')).map((f) => ({ path: relative(root, f), text: readFileSync(f, 'utf8') }));
  return CLAUSES.map((c: Clause) => {
    const pattern = citationPattern(c.id);
    const missing = c.implementedIn.filter((f) => {
      try {
        return !pattern.test(readFileSync(join(root, f), 'utf8'));
      } catch {
        return true;
      }
    });
    return {
      id: c.id,
      treatment: c.treatment,
      modelled: isModelled(c),
      implementedIn: c.implementedIn,
      missingCitations: missing,
      tests: tests.filter((t) => pattern.test(t.text)).map((t) => t.path),
      ...(c.reading ? { reading: c.reading } : {}),
    };
  });
}

export function coverageTable(rows: readonly ClauseCoverage[]): string {
  const lines = rows.map((r) => {
    const status = r.treatment.includes('info')
      ? 'info: no effect'
      : r.modelled
        ? `modelled in ${r.implementedIn.join(', ')}`
        : r.treatment.includes('param') && r.implementedIn.length > 0
          ? `catalog parameter (${r.implementedIn.join(', ')})`
          : 'not modelled yet';
    const tested = r.tests.length > 0 ? `${r.tests.length} test file(s)` : 'untested';
    return `${r.id.padEnd(17)} ${r.treatment.join('+').padEnd(12)} ${tested.padEnd(17)} ${status}`;
  });
  const modelled = rows.filter((r) => r.modelled).length;
  const active = rows.filter((r) => !r.treatment.includes('info') || r.treatment.length > 1).length;
  return [
    `${'clause'.padEnd(17)} ${'treatment'.padEnd(12)} ${'tests'.padEnd(17)} status`,
    ...lines,
    '',
    `${modelled} of ${active} rule/param/detect clauses modelled; ${rows.length - active} informative clauses have no effect.`,
  ].join('\n');
}

function filesUnder(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((e) => {
    const p = join(dir, e);
    return statSync(p).isDirectory() ? filesUnder(p) : p.endsWith('.ts') ? [p] : [];
  });
}
