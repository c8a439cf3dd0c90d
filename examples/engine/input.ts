/**
 * Reads a `termlab.timeline/1` document into the engine's own records, checking what the engine relies
 * on and refusing, with a message naming the place, what it does not support.
 */
import type { Family } from './catalog.ts';
import { parseDay, parseInstant, type Day, type Instant } from './time.ts';
import { destinationOf, zoneOfCountry, type Destination, type Zone } from './zones.ts';

export class TimelineError extends Error {
  constructor(path: string, message: string) {
    super(`${path}: ${message}`);
    this.name = 'TimelineError';
  }
}

export interface SimLine {
  readonly id: string;
  readonly kind: 'mobile' | 'data';
}

export interface UsageRecord {
  /** Index of the event in the timeline. */
  readonly index: number;
  readonly service: 'call' | 'sms' | 'data';
  readonly at: Instant;
  readonly line: SimLine;
  readonly where: Zone;
  /** Calls and SMS. */
  readonly to: Destination | null;
  readonly incoming: boolean;
  /** Seconds for calls, SMS messages (segments × recipients) for SMS, bytes for data. */
  readonly quantity: number;
  /** Data session length in seconds. */
  readonly sessionSeconds: number;
  /** SMS recipients (1 otherwise). */
  readonly recipients: number;
}

export interface Subscription {
  readonly subscriber: string;
  readonly family: Family;
  readonly plan: string;
  readonly options: readonly string[];
  readonly start: Day;
  readonly cycleDay: number;
  readonly until: Day;
  readonly lines: readonly SimLine[];
  readonly usage: readonly UsageRecord[];
}

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function need(cond: unknown, path: string, message: string): asserts cond {
  if (!cond) throw new TimelineError(path, message);
}

function str(o: Obj, key: string, path: string): string {
  const v = o[key];
  need(typeof v === 'string' && v.length > 0, `${path}.${key}`, `expected a string, got ${JSON.stringify(v)}`);
  return v;
}

function count(o: Obj, key: string, path: string, min: number, fallback?: number): number {
  const v = o[key] ?? fallback;
  need(Number.isSafeInteger(v) && (v as number) >= min, `${path}.${key}`, `expected a whole number ≥ ${min}, got ${JSON.stringify(v)}`);
  return v as number;
}

function day(o: Obj, key: string, path: string): Day {
  const d = parseDay(str(o, key, path));
  need(d !== undefined, `${path}.${key}`, `expected a date such as 2026-03-20, got ${JSON.stringify(o[key])}`);
  return d;
}

function instant(o: Obj, key: string, path: string): Instant {
  const t = parseInstant(str(o, key, path));
  need(t !== undefined, `${path}.${key}`, `expected an instant with its zone such as 2026-03-20T09:00:00+01:00, got ${JSON.stringify(o[key])}`);
  return t;
}

const SUPPORTED_FAMILIES: readonly Family[] = ['CLIC', 'CLIC_BUREAU', 'BASE_SUBSCRIPTION'];
const USAGE = new Set(['call', 'sms', 'data']);

export function readTimeline(doc: unknown): Subscription {
  need(isObj(doc), 'timeline', 'expected a JSON object');
  need(doc.schema === 'termlab.timeline/1', 'schema', `expected "termlab.timeline/1", got ${JSON.stringify(doc.schema)}`);
  need(isObj(doc.subscriber), 'subscriber', 'expected an object');
  const subscriber = str(doc.subscriber, 'id', 'subscriber');
  const c = doc.contract;
  need(isObj(c), 'contract', 'expected an object');
  const family = str(c, 'family', 'contract') as Family;
  need(SUPPORTED_FAMILIES.includes(family), 'contract.family', `this engine rates CLIC, CLIC_BUREAU and BASE_SUBSCRIPTION only, got ${JSON.stringify(family)}`);
  const plan = str(c, 'plan', 'contract');
  const options = c.options ?? [];
  need(Array.isArray(options) && options.every((o) => typeof o === 'string'), 'contract.options', 'expected a list of option ids');
  need(c.dataBarred === undefined || c.dataBarred === false, 'contract.dataBarred', 'barred data is not supported by this engine');
  need(c.payment === undefined || c.payment === 'direct_debit', 'contract.payment', 'only direct debit is supported by this engine');
  const start = day(c, 'start', 'contract');
  const cycleDay = count(c, 'cycleDay', 'contract', 1);
  need(cycleDay <= 28, 'contract.cycleDay', `expected 1 to 28, got ${cycleDay}`);
  need(Array.isArray(c.lines) && c.lines.length > 0, 'contract.lines', 'expected at least one line');
  const lines: SimLine[] = c.lines.map((l: unknown, i: number) => {
    need(isObj(l), `contract.lines[${i}]`, 'expected an object');
    const kind = l.kind;
    need(kind === 'mobile' || kind === 'data', `contract.lines[${i}].kind`, `this engine supports mobile and data SIMs only, got ${JSON.stringify(kind)}`);
    return { id: str(l, 'id', `contract.lines[${i}]`), kind };
  });
  need(new Set(lines.map((l) => l.id)).size === lines.length, 'contract.lines', 'expected distinct line ids');
  const until = day(doc, 'until', 'timeline');
  need(until > start, 'until', 'expected a date after contract.start');
  need(Array.isArray(doc.events), 'events', 'expected a list');

  const byId = new Map(lines.map((l) => [l.id, l]));
  const usage: UsageRecord[] = [];
  let previous = -Infinity;
  doc.events.forEach((e: unknown, i: number) => {
    const path = `events[${i}]`;
    need(isObj(e), path, 'expected an object');
    const type = str(e, 'type', path);
    need(USAGE.has(type), `${path}.type`, `account events (${type}) are not supported by this engine`);
    const at = instant(e, 'at', path);
    need(at >= previous, `${path}.at`, 'expected events in time order');
    previous = at;
    if (e.recordedAt !== undefined) {
      need(instant(e, 'recordedAt', path) <= at, `${path}.recordedAt`, 'late roaming records are not supported by this engine');
    }
    need(e.device === undefined || e.device === 'phone', `${path}.device`, 'SIM-box records are not supported by this engine');
    const line = byId.get(str(e, 'line', path));
    need(line !== undefined, `${path}.line`, `expected the id of one of the contract's lines, got ${JSON.stringify(e.line)}`);
    const from = str(e, 'from', path);
    need(/^[A-Z]{2}$/.test(from), `${path}.from`, `expected an ISO 3166-1 alpha-2 country code, got ${JSON.stringify(from)}`);
    const where = zoneOfCountry(from);
    let to: Destination | null = null;
    if (type !== 'data') {
      const number = str(e, 'to', path);
      try {
        to = destinationOf(number);
      } catch (err) {
        throw new TimelineError(`${path}.to`, (err as Error).message);
      }
    }
    if (type === 'call') {
      const direction = e.direction ?? 'out';
      need(direction === 'out' || direction === 'in', `${path}.direction`, 'expected "out" or "in"');
      usage.push({ index: i, service: 'call', at, line, where, to, incoming: direction === 'in', quantity: count(e, 'seconds', path, 0), sessionSeconds: 0, recipients: 1 });
    } else if (type === 'sms') {
      const characters = count(e, 'characters', path, 0);
      const recipients = count(e, 'recipients', path, 1, 1);
      const segments = Math.max(1, Math.ceil(characters / 160));
      usage.push({ index: i, service: 'sms', at, line, where, to, incoming: false, quantity: segments * recipients, sessionSeconds: 0, recipients });
    } else {
      usage.push({
        index: i, service: 'data', at, line, where, to: null, incoming: false,
        quantity: count(e, 'bytes', path, 0), sessionSeconds: count(e, 'seconds', path, 1), recipients: 1,
      });
    }
  });
  return { subscriber, family, plan, options: options as string[], start, cycleDay, until, lines, usage };
}
