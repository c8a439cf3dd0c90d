import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CLAUSES, CLAUSE_BY_ID, LIFECYCLE_CLAUSES, RATING_CLAUSES } from '../../src/terms/clauses.ts';
import { citationPattern, clauseCoverage } from '../../src/terms/coverage.ts';

const TERMS = '../shared/TERMS.md';
const root = process.cwd();
const coverage = new Map(clauseCoverage(root).map((c) => [c.id, c]));

describe('the clause registry', () => {
  it('lists each clause id once', () => {
    expect(new Set(CLAUSES.map((c) => c.id)).size).toBe(CLAUSES.length);
  });

  it.skipIf(!existsSync(TERMS))('lists every clause id of TERMS.md', () => {
    const text = readFileSync(TERMS, 'utf8');
    const ids = [...text.matchAll(/^\| (CLIC-[\d.]+|BASE-[A-Z][\w.]*)/gm)].map((m) => m[1]!);
    expect(ids.length).toBeGreaterThan(60);
    for (const id of ids) expect(CLAUSE_BY_ID.has(id), id).toBe(true);
  });

  it.each([...RATING_CLAUSES, ...LIFECYCLE_CLAUSES])('%s is implemented where the registry says, and cited by a test', (id) => {
    const c = coverage.get(id)!;
    expect(c, id).toBeDefined();
    expect(c.modelled, `${id} has no implementation in the registry`).toBe(true);
    expect(c.missingCitations, `${id} is not cited in ${c.missingCitations.join(', ')}`).toEqual([]);
    expect(c.tests.filter((t) => !t.endsWith('clauses.test.ts')), `${id} has no test citing it`).not.toEqual([]);
  });

  it('keeps every file it names in step with the code (each cites its clause)', () => {
    const stale = [...coverage.values()].filter((c) => c.missingCitations.length > 0).map((c) => `${c.id}: ${c.missingCitations.join(', ')}`);
    expect(stale).toEqual([]);
  });

  it('tells CLIC-2.1 from CLIC-2.10 when it looks for citations', () => {
    expect(citationPattern('CLIC-2.1').test('see CLIC-2.10')).toBe(false);
    expect(citationPattern('CLIC-2.1').test('(CLIC-2.1)')).toBe(true);
    expect(citationPattern('CLIC-2.1').test('CLIC-2.1.')).toBe(true);
  });
});
