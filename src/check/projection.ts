import type { Catalog } from '../domain/catalog.ts';
import { InputError } from '../domain/errors.ts';
import type { Scenario } from '../domain/scenario.ts';
import type { TimelineInput } from '../domain/timeline.ts';

/**
 * What an engine under test supports, declared by the QA team (`termlab check --only usage`): generated
 * timelines are projected onto it, so a usage-rating engine is not failed for what it never claims to do.
 * `usage`: usage events only (no account events), paid by direct debit, records on time, phones rather
 * than SIM boxes or apps, mobile and data SIMs only.
 */
export function usageOnly(doc: TimelineInput): TimelineInput {
  const lines = doc.contract.lines.filter((l) => l.kind === 'mobile' || l.kind === 'data');
  const keep = new Set(lines.map((l) => l.id));
  type Event = TimelineInput['events'][number];
  const events: Event[] = [];
  for (const e of doc.events) {
    if ((e.type !== 'call' && e.type !== 'sms' && e.type !== 'data') || !keep.has(e.line)) continue;
    const plain: Record<string, unknown> = { ...e };
    delete plain.recordedAt;
    delete plain.device;
    delete plain.via;
    events.push(plain as Event);
  }
  return {
    ...doc,
    contract: { ...doc.contract, lines, options: [], payment: 'direct_debit', dataBarred: false, term: { kind: 'indefinite' }, device: undefined },
    events,
  } as TimelineInput;
}

/**
 * The scenario `usage` can check: without its prepaid plans. A prepaid line is served only from credit
 * its top-ups bring (BASE-B.1.2.1, B.1.2.2), and top-ups are account events, which the projection drops:
 * every record of such a timeline would be refused, which says nothing about usage rating. Mix entries
 * left without a plan are dropped; `left` lists the plans taken out, for the command to say so.
 */
export function usageOnlyScenario(scenario: Scenario, catalog: Catalog): { scenario: Scenario; left: string[] } {
  const prepaid = (id: string) => catalog.plans.get(id)?.family === 'BASE_PREPAID';
  const left = [...new Set(scenario.mix.flatMap((m) => m.plans.filter((p) => prepaid(p.id)).map((p) => p.id)))];
  if (left.length === 0) return { scenario, left };
  const mix = scenario.mix.map((m) => ({ ...m, plans: m.plans.filter((p) => !prepaid(p.id)) })).filter((m) => m.plans.length > 0);
  if (mix.length === 0)
    throw new InputError(scenario.file, 'mix', `expected a plan that is not prepaid with --only usage (prepaid usage needs top-ups, an account event: BASE-B.1.2.1); this scenario has only ${left.join(', ')}`, left.join(', '));
  return { scenario: { ...scenario, mix }, left };
}
