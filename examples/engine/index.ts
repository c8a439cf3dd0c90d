/**
 * The example billing engine, in process: `rate(timeline)` → a `termlab.outcome/1` object, against the
 * default catalog (scenarios/catalogs/default.yaml). It has three deliberate defects, each behind a
 * named constant: PRORATE_SHORT_PERIODS_ON_30_DAYS (proration.ts), USE_CARRIED_OVER_FIRST
 * (allowances.ts) and EU_NUMBERS_IN_PACK_FROM_BELGIUM (coverage.ts). See examples/README.md.
 */
import { loadCatalog, type Catalog } from './catalog.ts';
import type { Outcome } from './outcome.ts';
import { rateTimeline } from './rating.ts';

export { TimelineError } from './input.ts';
export type { Outcome } from './outcome.ts';
export { PRORATE_SHORT_PERIODS_ON_30_DAYS } from './proration.ts';
export { USE_CARRIED_OVER_FIRST } from './allowances.ts';
export { EU_NUMBERS_IN_PACK_FROM_BELGIUM } from './coverage.ts';

let defaultCatalog: Catalog | undefined;

/** Rates one timeline (synchronously). Throws an Error whose message says what was refused and where. */
export function rate(timeline: unknown): Outcome {
  defaultCatalog ??= loadCatalog();
  return rateTimeline(defaultCatalog, timeline);
}

/** An engine bound to another catalog file. */
export function engineFor(catalogPath: string): (timeline: unknown) => Outcome {
  const catalog = loadCatalog(catalogPath);
  return (timeline) => rateTimeline(catalog, timeline);
}
