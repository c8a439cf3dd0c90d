import type { Catalog } from '../domain/catalog.ts';
import { InputError } from '../domain/errors.ts';
import type { Outcome } from '../domain/outcome.ts';
import { TimelineSchema, type Timeline } from '../domain/timeline.ts';
import { firstIssue } from '../domain/validation.ts';
import { compileTimeline, type CompiledTimeline } from './compile.ts';
import { ratePrepaid } from './prepaid.ts';
import { rateUsage } from './rating.ts';
import { buildOutcome } from './statements.ts';

/**
 * The reference model's front door: a timeline document in, the outcome the terms require out.
 * Pure and deterministic; `file` only names the input in errors.
 */
export function referenceOutcome(doc: unknown, catalog: Catalog, file = 'timeline'): Outcome {
  const timeline = parseTimeline(doc, file);
  const compiled = compileTimeline(timeline, catalog, file);
  return rateCompiled(compiled, catalog);
}

/** Rates a compiled timeline: prepaid credit (BASE-B.1.2) or a subscription's statements. */
export function rateCompiled(compiled: CompiledTimeline, catalog: Catalog): Outcome {
  if (compiled.timeline.contract.family === 'BASE_PREPAID') return ratePrepaid(compiled, catalog);
  return buildOutcome(compiled, rateUsage(compiled, catalog), catalog);
}

/** Validates a timeline document against contract 1; throws an InputError naming the JSON path. */
export function parseTimeline(doc: unknown, file = 'timeline'): Timeline {
  const parsed = TimelineSchema.safeParse(doc);
  if (!parsed.success) {
    const issue = firstIssue(parsed.error, doc);
    throw new InputError(file, issue.path, issue.expected, issue.got);
  }
  return parsed.data;
}
