/**
 * The defaults the timeline schema fills into account events (`notice: true` on a suspension,
 * `reason: 'client_choice'` on a termination, …), filled in by the generators themselves: a generated
 * header is built as the timeline the schema's parse would return, without running the parse for every
 * subscriber (it cost as much as drawing the identity). The defaults are read from the schema once, so
 * they cannot drift from it; test/generators/population.test.ts checks that parsing a generated
 * timeline changes nothing.
 */
import { z } from 'zod';
import { Event, type TimelineEvent } from '../../src/domain/timeline.ts';
import type { AccountEvent } from '../types.ts';

/** Per event type, its fields that have a default and a function giving that default. */
const DEFAULTS = new Map<string, ReadonlyArray<readonly [string, () => unknown]>>();
for (const option of Event.options) {
  const shape = option.shape as Record<string, z.ZodType>;
  const type = (shape.type as z.ZodLiteral<string>).value;
  const fields: Array<readonly [string, () => unknown]> = [];
  for (const [key, field] of Object.entries(shape)) {
    // `def.defaultValue` is a getter: a fresh value each time (an object default is never shared).
    if (field instanceof z.ZodDefault) fields.push([key, () => field.def.defaultValue]);
  }
  if (fields.length > 0) DEFAULTS.set(type, fields);
}

/** The event with every field the schema defaults set (those left out get the schema's default). */
export function withDefaults(event: AccountEvent): TimelineEvent {
  const fields = DEFAULTS.get(event.type);
  if (!fields) return event as TimelineEvent;
  const out: Record<string, unknown> = { ...event };
  for (const [key, value] of fields) if (out[key] === undefined) out[key] = value();
  return out as TimelineEvent;
}
