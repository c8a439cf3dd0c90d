import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { roundHalfUp } from '../../src/domain/money.ts';
import { DEST_NAMES, classifyNumber } from '../../src/domain/numbering.ts';
import { OutcomeSchema, type Outcome } from '../../src/domain/outcome.ts';
import { parseInstant } from '../../src/domain/time.ts';
import { referenceOutcome } from '../../src/terms/model.ts';
import {
  BELGIAN_NUMBERS,
  COUNTRIES,
  DESTINATIONS,
  EMERGENCY_NUMBERS,
  EU_COUNTRIES,
  atOf,
  catalog,
  contractWindow,
  insertEvent,
  periodAt,
  planOf,
  recordQuantity,
  timelineArb,
  unit,
  writeInstant,
  zoneOf,
  type GenTimeline,
  type UsageIn,
} from './arbitraries.ts';

/** More runs for bug hunting: PROPERTY_RUNS=5000 npx vitest run test/properties */
const RUNS = Number(process.env.PROPERTY_RUNS ?? 200);
const GB = 1_000_000_000;

function rate(doc: unknown): Outcome {
  return referenceOutcome(doc, catalog, 'generated.json');
}

function instant(s: string | undefined): number {
  const t = s === undefined ? undefined : parseInstant(s);
  if (t === undefined) throw new Error(`outcome has a bad instant: ${s}`);
  return t;
}

function lineKind(doc: GenTimeline, id: string): string {
  const line = doc.contract.lines.find((l) => l.id === id);
  if (!line) throw new Error(`no line ${id}`);
  return line.kind;
}

/** Splits `total` into `weights.length` whole parts in proportion to the weights; the parts add up to `total`. */
function distribute(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const w = sum === 0 ? weights.map(() => 1) : weights;
  const s = sum === 0 ? weights.length : sum;
  const parts = w.map((x) => Math.floor((total * x) / s));
  parts[parts.length - 1]! += total - parts.reduce((a, b) => a + b, 0);
  return parts;
}

/** One usage record split into records at the same instant with the same total quantity (or itself when it cannot be split). */
function split(e: UsageIn, weights: readonly number[]): UsageIn[] {
  const k = weights.length;
  if (e.type === 'call') return distribute(e.seconds, weights).map((seconds) => ({ ...e, seconds }));
  if (e.type === 'data') {
    const seconds = distribute(e.seconds, weights);
    return distribute(e.bytes, weights).map((bytes, i) => ({ ...e, bytes, seconds: Math.max(1, seconds[i]!) }));
  }
  const recipients = e.recipients ?? 1;
  if (recipients >= k) return distribute(recipients - k, weights).map((r) => ({ ...e, recipients: r + 1 }));
  const segments = Math.ceil(e.characters / 160);
  if (segments >= k) {
    // Whole 160-character segments in every part but the last, which keeps the remainder (BASE-A).
    const segs = distribute(segments - k, weights).map((s) => s + 1);
    return segs.map((s, i) => ({ ...e, characters: i < k - 1 ? s * 160 : e.characters - 160 * (segments - s) }));
  }
  return [e];
}

describe('generators', () => {
  it('cover every destination class of numbering.ts (CLIC-2.2)', () => {
    for (const [cls, numbers] of Object.entries(DESTINATIONS))
      for (const n of numbers) {
        const c = classifyNumber(n);
        expect(c.ok && DEST_NAMES[c.dest], n).toBe(cls);
      }
  });

  it('only produce timelines the model accepts', () => {
    fc.assert(fc.property(timelineArb(), (doc) => void rate(doc)), { numRuns: RUNS });
  });
});

describe('rating properties', () => {
  it('is deterministic: the same timeline gives a deep-equal outcome, also after a JSON round trip, and the input is not modified', () => {
    fc.assert(
      fc.property(timelineArb(), (doc) => {
        const before = JSON.stringify(doc);
        const a = rate(doc);
        const b = rate(doc);
        expect(b).toEqual(a);
        expect(JSON.stringify(doc)).toBe(before);
        expect(rate(JSON.parse(before))).toEqual(a);
        expect(rate({ ...doc, events: JSON.parse(JSON.stringify(doc.events)) })).toEqual(a);
      }),
      { numRuns: RUNS },
    );
  });

  it('adds up: every statement total is the sum of its lines and the billed balance the sum of the totals (BASE-D.8.1)', () => {
    fc.assert(
      fc.property(timelineArb(), (doc) => {
        const o = rate(doc);
        for (const s of o.statements) {
          expect(s.totalCents).toBe(s.lines.reduce((sum, l) => sum + l.amountCents, 0));
          for (const l of s.lines) expect(Number.isSafeInteger(l.amountCents)).toBe(true);
        }
        expect(o.balances.billedCents).toBe(o.statements.reduce((sum, s) => sum + s.totalCents, 0));
      }),
      { numRuns: RUNS },
    );
  });

  it('never drifts in rounding: splitting one usage record into records of the same total quantity, same instant and destination, changes no statement line (BASE-D.8.3, BASE-D.8.1: rounded once per line)', () => {
    fc.assert(
      fc.property(
        timelineArb(),
        fc.nat(),
        fc.array(fc.nat(1000), { minLength: 2, maxLength: 5 }),
        (doc, pick, weights) => {
          if (doc.events.length === 0) return;
          const i = pick % doc.events.length;
          const parts = split(doc.events[i]!, weights);
          const events = [...doc.events.slice(0, i), ...parts, ...doc.events.slice(i + 1)];
          const whole = rate(doc);
          const pieces = rate({ ...doc, events });
          expect(pieces.statements).toEqual(whole.statements);
          expect(pieces.balances).toEqual(whole.balances);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('never bills throttled data: data rows in Belgium on CLIC, and any row with throttled usage, have nothing billed (CLIC-2.1, CLIC-2.3)', () => {
    fc.assert(
      fc.property(timelineArb({ heavy: true }), (doc) => {
        const clic = doc.contract.family === 'CLIC' || doc.contract.family === 'CLIC_BUREAU';
        for (const row of rate(doc).usage) {
          if (row.throttled > 0) expect(row.billed, JSON.stringify(row)).toBe(0);
          if (clic && row.service === 'data' && row.zone === 'BE') expect(row.billed, JSON.stringify(row)).toBe(0);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('never bills more for data used after a throttle decision: adding data on the throttled line and zone before the period ends changes no statement (CLIC-2.1, CLIC-2.3)', () => {
    let exercised = 0;
    fc.assert(
      fc.property(
        timelineArb({ heavy: true }),
        fc.nat(),
        unit,
        fc.integer({ min: 0, max: 400 * GB }),
        fc.integer({ min: 1, max: 7 * 86_400 }),
        fc.constantFrom(...EU_COUNTRIES),
        (doc, pick, share, bytes, seconds, euCountry) => {
          const base = rate(doc);
          const throttles = base.decisions.filter((d) => d.kind === 'throttle');
          if (throttles.length === 0) return;
          exercised++;
          const d = throttles[pick % throttles.length]!;
          const from = instant(d.at);
          const t = from + Math.floor(share * (instant(d.until) - from));
          const e: UsageIn = { type: 'data', at: writeInstant(t), line: d.line!, from: d.zone === 'BE' ? 'BE' : euCountry, bytes, seconds };
          const after = rate(insertEvent(doc, e).doc);
          expect(after.balances.billedCents).toBeLessThanOrEqual(base.balances.billedCents);
          expect(after.statements).toEqual(base.statements);
        },
      ),
      { numRuns: RUNS },
    );
    expect(exercised).toBeGreaterThan(RUNS / 10);
  });

  it('never bills a paused service: adding outgoing calls or SMS on a paused line before the period ends changes no statement (CLIC-2.3)', () => {
    let exercised = 0;
    const nonEmergency = Object.entries(DESTINATIONS)
      .filter(([k]) => k !== 'emergency')
      .flatMap(([, v]) => v);
    fc.assert(
      fc.property(
        // Only CLIC pauses (CLIC-2.3); beyond the borrowed limits a BASE plan is flagged, not paused (BASE-D.6.3).
        timelineArb({ heavy: true, plans: ['clic-s', 'clic-m', 'clic-unlimited'] }),
        fc.nat(),
        unit,
        fc.constantFrom(...nonEmergency),
        fc.constantFrom(...COUNTRIES),
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 1, max: 50 }),
        (doc, pick, share, to, country, seconds, recipients) => {
          const base = rate(doc);
          const pauses = base.decisions.filter((d) => d.kind === 'pause');
          if (pauses.length === 0) return;
          exercised++;
          const d = pauses[pick % pauses.length]!;
          const from = instant(d.at);
          const t = from + Math.floor(share * (instant(d.until) - from));
          const where = lineKind(doc, d.line!) === 'fixed' ? 'BE' : country;
          const common = { at: writeInstant(t), line: d.line!, from: where, to };
          const e: UsageIn =
            d.service === 'call' ? { type: 'call', ...common, seconds } : { type: 'sms', ...common, characters: seconds % 700, recipients };
          const after = rate(insertEvent(doc, e).doc);
          expect(after.statements).toEqual(base.statements);
        },
      ),
      { numRuns: RUNS },
    );
    expect(exercised).toBeGreaterThan(RUNS / 10);
  });

  it('keeps emergency calls free: adding a call or SMS to 112, 101 or 100 from any line and country changes no statement and is never blocked (BASE-B.2.3)', () => {
    fc.assert(
      fc.property(
        timelineArb(),
        unit,
        fc.nat(),
        fc.constantFrom(...EMERGENCY_NUMBERS),
        fc.constantFrom(...COUNTRIES),
        fc.constantFrom('call' as const, 'sms' as const),
        fc.boolean(),
        fc.integer({ min: 0, max: 2_000_000 }),
        fc.integer({ min: 0, max: 30 * 86_400 }),
        (doc, share, lineSel, to, country, type, incoming, seconds, lateBy) => {
          const { first, last } = contractWindow(doc);
          const t = first + Math.floor(share * (last - first));
          const line = doc.contract.lines[lineSel % doc.contract.lines.length]!;
          const from = line.kind === 'fixed' ? 'BE' : country;
          const late = from !== 'BE' && lateBy > 0 ? { recordedAt: writeInstant(t + lateBy) } : {};
          const common = { at: writeInstant(t), line: line.id, from, to, ...late };
          const e: UsageIn =
            type === 'call'
              ? { type, ...common, seconds, ...(incoming ? { direction: 'in' as const } : {}) }
              : { type, ...common, characters: seconds % 1000, recipients: 1 + (seconds % 5) };
          const base = rate(doc);
          const { doc: withCall, index } = insertEvent(doc, e);
          const after = rate(withCall);
          expect(after.statements).toEqual(base.statements);
          expect(after.decisions.filter((d) => d.event === index)).toEqual([]);
          const rows = after.usage.filter((r) => r.line === line.id && r.service === type && r.zone === zoneOf(from));
          expect(rows.reduce((s, r) => s + r.free, 0)).toBeGreaterThanOrEqual(recordQuantity(e));
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('does not bill included usage on an unlimited offer below the fair-use limits: adding in-pack calls, SMS (and data on clic-unlimited) that keep the SIM below 30,000 minutes, 30,000 SMS, 300 GB in Belgium and 100 GB in the EU zone changes no statement (CLIC-2.2, CLIC-2.3, BASE-D.7.1)', () => {
    const addition = fc.record({
      type: fc.constantFrom('call' as const, 'sms' as const, 'data' as const),
      share: unit,
      lineSel: fc.nat(),
      abroad: fc.boolean(),
      country: fc.constantFrom(...EU_COUNTRIES),
      toBelgian: fc.constantFrom(...BELGIAN_NUMBERS),
      toEu: fc.constantFrom(...DESTINATIONS.eu),
      seconds: fc.integer({ min: 0, max: 20_000 }),
      characters: fc.integer({ min: 0, max: 480 }),
      recipients: fc.integer({ min: 1, max: 30 }),
      bytes: fc.integer({ min: 0, max: 60 * GB }),
    });
    let exercised = 0;
    fc.assert(
      fc.property(
        timelineArb({ plans: ['clic-s', 'clic-m', 'clic-unlimited', 'base-plus'] }),
        fc.array(addition, { minLength: 1, maxLength: 6 }),
        (doc, additions) => {
          const plan = planOf(doc.contract.plan);
          const clic = plan.family === 'CLIC';
          const mobiles = doc.contract.lines.filter((l) => l.kind === 'mobile');
          const { first, last, bounds } = contractWindow(doc);
          const base = rate(doc);
          const added = new Map<string, number>();
          let changed: GenTimeline = doc;
          for (const a of additions) {
            const type = a.type === 'data' && plan.allowances[2] !== Infinity ? 'call' : a.type;
            const line = mobiles[a.lineSel % mobiles.length]!;
            const t = first + Math.floor(a.share * (last - first));
            // CLIC-2.2: from Belgium to Belgian numbers; from the EU zone to Belgian or EU-zone numbers. BASE: Belgium only.
            const from = clic && a.abroad ? a.country : 'BE';
            const to = from !== 'BE' && a.lineSel % 2 === 0 ? a.toEu : a.toBelgian;
            const common = { at: writeInstant(t), line: line.id, from };
            const e: UsageIn =
              type === 'call'
                ? { type, ...common, to, seconds: a.seconds }
                : type === 'sms'
                  ? { type, ...common, to, characters: a.characters, recipients: a.recipients }
                  : { type, ...common, bytes: a.bytes, seconds: 3600 };
            const key = `${periodAt(bounds, t)}|${line.id}|${type}${type === 'data' ? `|${zoneOf(from)}` : ''}`;
            added.set(key, (added.get(key) ?? 0) + recordQuantity(e));
            changed = insertEvent(changed, e).doc;
          }
          // Only when every SIM stays below its limits: nothing paused or throttled, and use + additions under each cap.
          for (const [key, q] of added) {
            const [p, line, service, zone] = key.split('|');
            const stopped = base.decisions.some(
              (d) =>
                (d.kind === 'pause' || d.kind === 'throttle') &&
                d.line === line &&
                d.service === service &&
                (zone === undefined || d.zone === zone) &&
                periodAt(bounds, instant(d.at)) === Number(p),
            );
            if (stopped) return;
            const used = base.usage
              .filter((r) => r.period === Number(p) && r.line === line && r.service === service && (zone === undefined || r.zone === zone))
              .reduce((s, r) => s + r.included + r.blocked + r.throttled, 0);
            const cap =
              service === 'call'
                ? plan.fairUse.callSeconds
                : service === 'sms'
                  ? plan.fairUse.sms
                  : zone === 'BE'
                    ? plan.fairUse.dataBelgium
                    : plan.fairUse.dataEu;
            if (used + q >= cap) return;
          }
          exercised++;
          expect(rate(changed).statements).toEqual(base.statements);
        },
      ),
      { numRuns: RUNS },
    );
    expect(exercised).toBeGreaterThan(RUNS / 2);
  });

  it('never lets a throttled line receive more than 64,000 bytes/s (512 kbit/s) × (period end − throttle start), even with long overlapping sessions added after the throttle, and throttles only after a throttle decision (CLIC-2.1, CLIC-2.3)', () => {
    let exercised = 0;
    const session = fc.record({ share: unit, bytes: fc.integer({ min: 0, max: 400 * GB }), seconds: fc.integer({ min: 1, max: 40 * 86_400 }) });
    fc.assert(
      fc.property(
        timelineArb({ heavy: true, plans: ['clic-s', 'clic-m', 'clic-unlimited', 'clic-bureau'] }),
        fc.nat(),
        fc.array(session, { maxLength: 6 }),
        fc.constantFrom(...EU_COUNTRIES),
        (doc, pick, sessions, euCountry) => {
          const { bounds } = contractWindow(doc);
          let changed = doc;
          const first = rate(doc).decisions.filter((d) => d.kind === 'throttle');
          const target = first[pick % Math.max(1, first.length)];
          if (target) {
            const from = instant(target.at);
            for (const x of sessions) {
              const t = from + Math.floor(x.share * (instant(target.until) - from));
              const where = target.zone === 'BE' ? 'BE' : euCountry;
              changed = insertEvent(changed, { type: 'data', at: writeInstant(t), line: target.line!, from: where, bytes: x.bytes, seconds: x.seconds }).doc;
            }
          }
          const o = rate(changed);
          const throttles = o.decisions.filter((d) => d.kind === 'throttle');
          if (throttles.length > 0) exercised++;
          for (const d of throttles) {
            const from = instant(d.at);
            const until = instant(d.until);
            const p = periodAt(bounds, from);
            expect(until).toBe(bounds[p + 1]);
            const throttled = o.usage
              .filter((r) => r.period === p && r.line === d.line && r.service === 'data' && r.zone === d.zone)
              .reduce((s, r) => s + r.throttled, 0);
            expect(throttled).toBeLessThanOrEqual(64_000 * (until - from));
          }
          for (const r of o.usage.filter((x) => x.throttled > 0)) {
            const decided = throttles.some((d) => d.line === r.line && d.zone === r.zone && periodAt(bounds, instant(d.at)) === r.period);
            expect(decided, JSON.stringify(r)).toBe(true);
          }
        },
      ),
      { numRuns: RUNS },
    );
    expect(exercised).toBeGreaterThan(RUNS / 10);
  });

  it('counts included use exactly: a flat allowance is prorated, never exceeded and used up when the CLIC-2.1 throttle starts; unlimited CLIC offers include at most 30,000 minutes, 30,000 SMS, 300 GB in Belgium and 100 GB in the EU zone per SIM and period, late records aside, and pause or throttle only at that limit (CLIC-2.1, CLIC-2.3, BASE-D.8.3, BASE-D.7.2)', () => {
    const SERVICES = ['call', 'sms', 'data'] as const;
    fc.assert(
      fc.property(timelineArb({ heavy: true }), (doc) => {
        const plan = planOf(doc.contract.plan);
        const o = rate(doc);
        const { bounds } = contractWindow(doc);
        const late = new Map<string, number>();
        for (const e of doc.events)
          if (e.recordedAt !== undefined && instant(e.recordedAt) > atOf(e)) {
            const key = `${periodAt(bounds, atOf(e))}|${e.line}|${e.type}|${zoneOf(e.from)}`;
            late.set(key, (late.get(key) ?? 0) + recordQuantity(e));
          }
        const sum = (f: (r: Outcome['usage'][number]) => boolean) => o.usage.filter(f).reduce((s, r) => s + r.included, 0);
        SERVICES.forEach((service, s) => {
          const allowance = plan.allowances[s]!;
          o.periods.forEach((period, p) => {
            if (allowance !== Infinity) {
              // Shared by the pack's lines (CLIC-2.4); prorated like the fee (BASE-D.8.3).
              const own = roundHalfUp(allowance * period.days, period.cycleDays);
              const prev = o.periods[p - 1];
              const carried = p > 0 && plan.rollover[s] && prev ? roundHalfUp(allowance * prev.days, prev.cycleDays) : 0;
              const included = sum((r) => r.period === p && r.service === service);
              expect(included, `${service} in period ${p}`).toBeLessThanOrEqual(own + carried);
              const used = service === 'data' && o.decisions.some((d) => d.kind === 'throttle' && d.clauses.includes('CLIC-2.1') && periodAt(bounds, instant(d.at)) === p);
              if (used && !plan.rollover[s]) expect(included, `data in period ${p} when throttled`).toBe(own);
              return;
            }
            // CLIC-2.3's limits bind CLIC only; on a BASE plan use beyond them is flagged (BASE-D.6.3), not stopped.
            if (plan.family !== 'CLIC' && plan.family !== 'CLIC_BUREAU') return;
            for (const line of doc.contract.lines) {
              const zones = service === 'data' ? (['BE', 'EU'] as const) : ([undefined] as const);
              for (const zone of zones) {
                const cap = service === 'call' ? plan.fairUse.callSeconds : service === 'sms' ? plan.fairUse.sms : zone === 'BE' ? plan.fairUse.dataBelgium : plan.fairUse.dataEu;
                const lateQ = [...late].filter(([k]) => k.startsWith(`${p}|${line.id}|${service}|${zone ?? ''}`)).reduce((a, [, v]) => a + v, 0);
                const included = sum((r) => r.period === p && r.line === line.id && r.service === service && (zone === undefined || r.zone === zone));
                expect(included, `${service} ${zone ?? ''} of ${line.id} in period ${p}`).toBeLessThanOrEqual(cap + lateQ);
                const stopped = o.decisions.some(
                  (d) => (d.kind === 'pause' || d.kind === 'throttle') && d.line === line.id && d.service === service && (zone === undefined || d.zone === zone) && periodAt(bounds, instant(d.at)) === p,
                );
                if (stopped) expect(included, `${service} ${zone ?? ''} of ${line.id} in period ${p} when stopped`).toBeGreaterThanOrEqual(cap);
              }
            }
          });
        });
      }),
      { numRuns: RUNS },
    );
  });

  it('never blocks after the fact: every record blocked under CLIC-2.3 was made at or after the pause of its line and service, so a late roaming record that crosses the limit is rated, not blocked (CLIC-2.3, BASE-D.8.3)', () => {
    let exercised = 0;
    fc.assert(
      fc.property(timelineArb({ heavy: true, plans: ['clic-s', 'clic-m', 'clic-unlimited', 'base-plus'] }), (doc) => {
        const o = rate(doc);
        const { bounds } = contractWindow(doc);
        const pauses = o.decisions.filter((d) => d.kind === 'pause');
        const blocks = o.decisions.filter((d) => d.kind === 'blocked' && d.clauses.includes('CLIC-2.3'));
        if (blocks.length > 0) exercised++;
        for (const b of blocks) {
          const e = doc.events[b.event!]!;
          expect(b.at === e.at || instant(b.at) === atOf(e)).toBe(true);
          const t = atOf(e);
          const before = pauses.some((d) => d.line === b.line && d.service === b.service && instant(d.at) <= t && periodAt(bounds, instant(d.at)) === periodAt(bounds, t));
          expect(before, JSON.stringify({ blocked: b, event: e })).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
    expect(exercised).toBeGreaterThan(RUNS / 20);
  });

  it('conserves usage: for every usage row, included + billed + throttled + blocked + free is the quantity of the records of that period, line, service and zone (BASE-A, BASE-B.4)', () => {
    fc.assert(
      fc.property(timelineArb({ heavy: true }), (doc) => {
        const { bounds } = contractWindow(doc);
        const expected = new Map<string, number>();
        for (const e of doc.events) {
          const key = `${periodAt(bounds, atOf(e))}|${e.line}|${e.type}|${zoneOf(e.from)}`;
          expected.set(key, (expected.get(key) ?? 0) + recordQuantity(e));
        }
        for (const [k, v] of expected) if (v === 0) expected.delete(k);
        const actual = new Map<string, number>();
        for (const r of rate(doc).usage) {
          for (const v of [r.included, r.billed, r.throttled, r.blocked, r.free]) expect(v).toBeGreaterThanOrEqual(0);
          actual.set(`${r.period}|${r.line}|${r.service}|${r.zone}`, r.included + r.billed + r.throttled + r.blocked + r.free);
        }
        expect(actual).toEqual(expected);
      }),
      { numRuns: RUNS },
    );
  });

  it('either rejects a schema-valid timeline with extreme quantities (up to 2^53 − 1 seconds, bytes or recipients) as bad input or rates it into a valid outcome with exact whole-cent amounts', () => {
    fc.assert(
      fc.property(
        timelineArb({ maxEvents: 8 }),
        fc.array(fc.oneof(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), fc.constant(Number.MAX_SAFE_INTEGER)), { minLength: 8, maxLength: 8 }),
        (doc, huge) => {
          const events = doc.events.map((e, i): UsageIn => {
            const q = huge[i]!;
            if (e.type === 'call') return { ...e, seconds: q };
            if (e.type === 'sms') return { ...e, recipients: Math.max(1, q) };
            return { ...e, bytes: q };
          });
          let o: Outcome;
          try {
            o = rate({ ...doc, events });
          } catch (err) {
            expect((err as Error).name).toBe('InputError');
            return;
          }
          const parsed = OutcomeSchema.safeParse(o);
          expect(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues[0])).toBe(true);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('always produces an outcome that validates against OutcomeSchema (termlab.outcome/1)', () => {
    fc.assert(
      fc.property(timelineArb({ heavy: true }), (doc) => {
        const parsed = OutcomeSchema.safeParse(rate(doc));
        expect(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues[0])).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });
});
