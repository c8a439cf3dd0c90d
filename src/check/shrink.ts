import type { TimelineInput } from '../domain/timeline.ts';
import { classifyNumber } from '../domain/numbering.ts';
import { nextCycleDate } from '../domain/periods.ts';
import { formatDate, parseDate, parseInstant, brusselsDayOf } from '../domain/time.ts';

type Event = TimelineInput['events'][number];

/**
 * Shrinks a failing timeline to a small one that still fails, the way delta debugging does (Zeller's
 * ddmin) over its events, then one event at a time, then each event's quantities, then the horizon and
 * unused lines. `fails` must be deterministic; invalid candidates simply do not fail. At most `budget`
 * calls of `fails`.
 */
export async function shrinkTimeline(doc: TimelineInput, fails: (candidate: TimelineInput) => Promise<boolean>, budget = 400): Promise<{ timeline: TimelineInput; calls: number }> {
  let calls = 0;
  const test = async (c: TimelineInput) => {
    if (calls >= budget) return false;
    calls++;
    return fails(c);
  };
  let best = doc;
  const withEvents = (events: Event[]): TimelineInput => ({ ...best, events });

  // 1. Merge many small records first (see coalesce), then ddmin over the events.
  let events = [...best.events];
  const premerged = coalesce(events, best.contract.cycleDay);
  if (premerged.length < events.length && (await test(withEvents(premerged)))) events = premerged;
  let n = 2;
  while (events.length >= 2 && calls < budget) {
    const chunk = Math.ceil(events.length / n);
    let reduced = false;
    for (let i = 0; i < n && !reduced; i++) {
      const complement = [...events.slice(0, i * chunk), ...events.slice((i + 1) * chunk)];
      if (complement.length < events.length && (await test(withEvents(complement)))) {
        events = complement;
        n = Math.max(n - 1, 2);
        reduced = true;
      }
    }
    if (!reduced) {
      if (n >= events.length) break;
      n = Math.min(events.length, n * 2);
    }
  }
  // 2. Many small records of one kind become one record of their total (same line, place, kind of
  // destination and billing period): cumulative effects (allowances, limits) shrink to a few events.
  const merged = coalesce(events, best.contract.cycleDay);
  if (merged.length < events.length && (await test(withEvents(merged)))) events = merged;

  // 3. One event at a time, until no single removal keeps the failure.
  for (let changed = true; changed && calls < budget; ) {
    changed = false;
    for (let i = events.length - 1; i >= 0; i--) {
      const candidate = [...events.slice(0, i), ...events.slice(i + 1)];
      if (await test(withEvents(candidate))) {
        events = candidate;
        changed = true;
      }
    }
  }
  best = withEvents(events);

  // 4. Smaller quantities and plainer events.
  for (let i = 0; i < events.length && calls < budget; i++) {
    for (const field of ['seconds', 'bytes', 'characters', 'recipients', 'amountCents'] as const) {
      const e = events[i] as Record<string, unknown>;
      const value = e[field];
      if (typeof value !== 'number' || value <= 1) continue;
      for (const smaller of candidatesBelow(value)) {
        const candidate = events.map((x, k) => (k === i ? ({ ...x, [field]: smaller } as Event) : x));
        if (await test(withEvents(candidate))) {
          events = candidate;
          break;
        }
      }
    }
    best = withEvents(events);
  }

  // 5. A contract that starts on its cycle day, so its first period is whole (no proration in the way).
  const startDay = Number(best.contract.start.slice(8, 10));
  if (startDay <= 28 && startDay !== best.contract.cycleDay && calls < budget) {
    const candidate = { ...best, contract: { ...best.contract, cycleDay: startDay } };
    if (await test(candidate)) best = candidate;
  }

  // 6. The shortest horizon that keeps every event and the failure.
  const lastEvent = events.reduce((m, e) => Math.max(m, parseInstant(e.at) ?? 0), 0);
  const start = parseDate(best.contract.start)!;
  let until = Math.max(start + 1, lastEvent > 0 ? brusselsDayOf(lastEvent) + 1 : start + 1);
  const current = parseDate(best.until)!;
  while (until < current && calls < budget) {
    const candidate = { ...best, until: formatDate(until) };
    if (await test(candidate)) {
      best = candidate;
      break;
    }
    until = nextCycleDate(until, best.contract.cycleDay);
  }

  // 7. Lines no event uses.
  const used = new Set(best.events.map((e) => ('line' in e ? e.line : undefined)));
  const lines = best.contract.lines.filter((l) => used.has(l.id));
  if (lines.length > 0 && lines.length < best.contract.lines.length) {
    const candidate = { ...best, contract: { ...best.contract, lines } };
    if (await test(candidate)) best = candidate;
  }
  return { timeline: best, calls };
}

/** Usage records grouped by type, line, origin, kind of destination and billing period, each group summed into its first. */
function coalesce(events: readonly Event[], cycleDay: number): Event[] {
  const out: Event[] = [];
  const groups = new Map<string, number>();
  for (const e of events) {
    if ((e.type !== 'call' && e.type !== 'sms' && e.type !== 'data') || e.recordedAt !== undefined) {
      out.push(e);
      continue;
    }
    const day = formatDate(brusselsDayOf(parseInstant(e.at)!));
    const dom = Number(day.slice(8, 10));
    const [y, m] = [Number(day.slice(0, 4)), Number(day.slice(5, 7))];
    const period = dom >= cycleDay ? y * 12 + m : y * 12 + m - 1;
    const cls = 'to' in e ? classifyNumber(e.to) : undefined;
    const dest = cls && cls.ok ? (cls.dest <= 1 ? 'BE' : `${cls.dest}`) : 'to' in e ? e.to : '';
    const key = `${e.type}|${e.line}|${e.from}|${dest}|${e.type === 'call' ? (e.direction ?? 'out') : ''}|${period}`;
    const at = groups.get(key);
    if (at === undefined) {
      groups.set(key, out.length);
      out.push(e);
      continue;
    }
    const first = out[at]! as Record<string, unknown>;
    const add = e as Record<string, unknown>;
    const sum = (f: string) => (first[f] as number) + (add[f] as number);
    if (e.type === 'call') out[at] = { ...first, seconds: Math.min(sum('seconds'), 100_000_000) } as Event;
    else if (e.type === 'sms') {
      // Keep the number of messages: 160 characters a segment, one recipient.
      const messages = (x: Record<string, unknown>) => Math.max(1, Math.ceil((x.characters as number) / 160)) * ((x.recipients as number | undefined) ?? 1);
      out[at] = { ...first, characters: Math.min(160 * (messages(first) + messages(add)), 10_000_000), recipients: 1 } as Event;
    } else out[at] = { ...first, bytes: Math.min(sum('bytes'), 10_000_000_000_000), seconds: Math.min(sum('seconds'), 100_000_000) } as Event;
  }
  return out;
}

/** Round numbers below `value`, smallest first: 1, 10, 60, 100, 1000, …, then halves. */
function candidatesBelow(value: number): number[] {
  const out = new Set<number>();
  for (let p = 1; p < value; p *= 10) out.add(p);
  for (const r of [60, 160, 161, 600, 3600]) if (r < value) out.add(r);
  for (let h = Math.floor(value / 2); h > 1; h = Math.floor(h / 2)) out.add(h);
  return [...out].sort((a, b) => a - b);
}
