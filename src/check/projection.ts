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
