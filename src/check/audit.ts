import { readFileSync } from 'node:fs';
import type { Catalog } from '../domain/catalog.ts';
import { InputError } from '../domain/errors.ts';
import { referenceOutcome } from '../terms/model.ts';
import { compareOutcomes, type CompareSettings, type Difference, type EngineOutcome } from './compare.ts';

/** One subscriber audited: what a real system billed against what the terms require. */
export interface AuditRow {
  readonly subscriber: string;
  readonly referenceCents: number;
  readonly billedCents: number;
  /** Reference − billed when positive: money the operator failed to bill. */
  readonly leakageCents: number;
  /** Billed − reference when positive: money the client was overcharged. */
  readonly overchargeCents: number;
  readonly differences: readonly Difference[];
}

/**
 * Audit mode: timelines (JSON lines, one timeline document a line) and the statements a real system
 * produced for them — JSON lines `{"subscriber": id, "statements": [...]}` (the outcome shape), or CSV
 * `subscriber,issuedOn,category,amountCents` — re-rated with the reference model, every difference
 * reported, with the revenue leakage and the overcharges it adds up to.
 */
export function audit(timelinesFile: string, statementsFile: string, catalog: Catalog, settings: CompareSettings): AuditRow[] {
  const billed = readStatements(statementsFile);
  const rows: AuditRow[] = [];
  readLines(timelinesFile).forEach(({ line, n }) => {
    let doc: { subscriber?: { id?: string } };
    try {
      doc = JSON.parse(line);
    } catch (e) {
      throw new InputError(timelinesFile, `line ${n}`, 'expected a timeline document as JSON', (e as Error).message);
    }
    const reference = referenceOutcome(doc, catalog, `${timelinesFile}:${n}`);
    const engine = billed.get(reference.subscriber) ?? { statements: [] };
    const differences = compareOutcomes(reference, engine, settings);
    const referenceCents = reference.statements.reduce((s, x) => s + x.totalCents, 0);
    const billedCents = engine.statements.reduce((s, x) => s + (x.lines ? x.lines.reduce((a, l) => a + l.amountCents, 0) : x.totalCents), 0);
    rows.push({
      subscriber: reference.subscriber,
      referenceCents,
      billedCents,
      leakageCents: Math.max(0, referenceCents - billedCents),
      overchargeCents: Math.max(0, billedCents - referenceCents),
      differences,
    });
  });
  return rows;
}

function readLines(file: string): Array<{ line: string; n: number }> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new InputError(file, '', 'expected a readable file', (e as NodeJS.ErrnoException).code ?? String(e));
  }
  return text
    .split('\n')
    .map((line, i) => ({ line: line.trim(), n: i + 1 }))
    .filter((l) => l.line.length > 0);
}

function readStatements(file: string): Map<string, EngineOutcome> {
  const out = new Map<string, { statements: Array<{ issuedOn: string; totalCents: number; lines: Array<{ category: string; amountCents: number }> }> }>();
  const lines = readLines(file);
  if (file.endsWith('.csv')) {
    const [header, ...body] = lines;
    const cols = header?.line.split(',').map((c) => c.trim()) ?? [];
    const expected = ['subscriber', 'issuedOn', 'category', 'amountCents'];
    if (expected.some((c, i) => cols[i] !== c)) throw new InputError(file, 'line 1', `expected the header ${expected.join(',')}`, header?.line);
    for (const { line, n } of body) {
      const [subscriber, issuedOn, category, amount] = line.split(',').map((c) => c.trim());
      const cents = Number(amount);
      if (!subscriber || !issuedOn || !/^\d{4}-\d{2}-\d{2}$/.test(issuedOn) || !category || !Number.isSafeInteger(cents))
        throw new InputError(file, `line ${n}`, 'expected subscriber, a date YYYY-MM-DD, a category and whole cents', line);
      const o = out.get(subscriber) ?? { statements: [] };
      let s = o.statements.find((x) => x.issuedOn === issuedOn);
      if (!s) o.statements.push((s = { issuedOn, totalCents: 0, lines: [] }));
      s.lines.push({ category, amountCents: cents });
      s.totalCents += cents;
      out.set(subscriber, o);
    }
    return out;
  }
  for (const { line, n } of lines) {
    let row: { subscriber?: unknown; statements?: unknown };
    try {
      row = JSON.parse(line);
    } catch (e) {
      throw new InputError(file, `line ${n}`, 'expected {"subscriber": …, "statements": […]} as JSON', (e as Error).message);
    }
    if (typeof row.subscriber !== 'string' || !Array.isArray(row.statements))
      throw new InputError(file, `line ${n}`, 'expected {"subscriber": …, "statements": […]}', line.slice(0, 60));
    out.set(row.subscriber, { statements: row.statements as never });
  }
  return out;
}
