import type { z } from 'zod';
import { jsonPath } from './errors.ts';

/** The first zod issue as (path, expected, got), read back from the document for the "got" part. */
export function firstIssue(error: z.ZodError, doc: unknown): { path: string; expected: string; got: unknown } {
  const issue = error.issues[0]!;
  let path = [...issue.path];
  // A union reports its own path; its best branch's first issue is more useful.
  const nested = (issue as { errors?: Array<Array<{ path: PropertyKey[]; message: string }>> }).errors;
  let message = issue.message;
  if (issue.code === 'invalid_union' && nested && nested.length > 0) {
    const best = nested.reduce((a, b) => (deepest(b) > deepest(a) ? b : a));
    const first = best[0];
    if (first) {
      path = [...path, ...first.path];
      message = first.message;
    }
  }
  if (issue.code === 'unrecognized_keys') {
    const key = (issue as { keys: string[] }).keys[0]!;
    return { path: jsonPath([...path, key]), expected: `expected no field "${key}" here (see termlab schema)`, got: valueAt(doc, [...path, key]) };
  }
  return { path: jsonPath(path), expected: phrase(message), got: valueAt(doc, path) };
}

function deepest(issues: Array<{ path: PropertyKey[] }>): number {
  return issues.reduce((m, i) => Math.max(m, i.path.length), 0);
}

/** zod says "Invalid input: expected number, received string"; we say "expected a number". */
function phrase(message: string): string {
  const m = /expected (\w+), received/i.exec(message);
  if (m) return `expected ${article(m[1]!)}`;
  const bound = /^Too (small|big): expected (?:number|int) to be ([<>]=?)(-?[\d.e+]+)/i.exec(message);
  if (bound) return `expected a number ${{ '>=': '≥', '>': '>', '<=': '≤', '<': '<' }[bound[2]!]} ${bound[3]}`;
  return message.replace(/^Invalid input: /, '');
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function valueAt(doc: unknown, path: PropertyKey[]): unknown {
  let v: unknown = doc;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[p];
  }
  return v;
}
