/**
 * Property tests of prepaid credit (BASE-B.1.2.1, BASE-B.1.2.2). A prepaid line gets random top-ups,
 * calls (Belgian, premium, from abroad), SMS and data sessions, and sometimes a lost SIM or a port-out,
 * in any order. Whatever the order:
 *
 *   (a) without a top-up nothing is served from the credit: no usage is billed, the ledger is empty (B.1.2.2);
 *   (b) the credit never goes below 0: prepaid is never invoiced (B.1.2.1);
 *   (c) a refusal for a state that lasts (no credit, too little, the line ended, services suspended) is
 *       one decision per stretch between top-ups, period, line and service;
 *   (d) grouping refusals loses nothing: per period, line and service, the blocked decisions' quantities
 *       add up to the usage table's blocked quantity.
 *
 * More runs: PROPERTY_RUNS=2000 npx vitest run test/model
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/domain/catalog.ts';
import { OutcomeSchema, type Outcome } from '../../src/domain/outcome.ts';
import type { TimelineInput } from '../../src/domain/timeline.ts';
import { referenceOutcome } from '../../src/terms/model.ts';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 150);
const catalog = loadCatalog('scenarios/catalogs/default.yaml');
type Ev = TimelineInput['events'][number];

const START = Date.UTC(2026, 0, 5, 9); // 2026-01-05 10:00 Brussels
const DAY = 86_400_000;
/** An instant `minutes` after the start, in Belgian winter time (+01:00 holds until 2026-03-29, after the horizon). */
function at(minutes: number): string {
  const t = new Date(START + minutes * 60_000 + 3_600_000);
  return `${t.toISOString().slice(0, 19)}+01:00`;
}

type Draw = { minute: number; event: (at: string) => Ev };
const minute = fc.integer({ min: 0, max: 80 * 24 * 60 });
const drawArb: fc.Arbitrary<Draw> = fc.oneof(
  { weight: 1, arbitrary: fc.record({ minute, cents: fc.integer({ min: 1, max: 300 }) }).map((d): Draw => ({ minute: d.minute, event: (t) => ({ type: 'top_up', at: t, amountCents: d.cents, promotional: false }) })) },
  {
    weight: 6,
    arbitrary: fc
      .record({ minute, seconds: fc.integer({ min: 0, max: 900 }), to: fc.constantFrom('+32470123456', '090012345', '+12025550123', '112', '080012345'), from: fc.constantFrom('BE', 'BE', 'FR', 'US'), incoming: fc.boolean() })
      .map((d): Draw => ({ minute: d.minute, event: (t) => ({ type: 'call', at: t, line: 'sim-1', from: d.from, to: d.to, seconds: d.seconds, direction: d.incoming ? 'in' : 'out' }) as Ev })),
  },
  {
    weight: 3,
    arbitrary: fc
      .record({ minute, characters: fc.integer({ min: 0, max: 400 }), to: fc.constantFrom('+32470123456', '+33612345678', '090012345') })
      .map((d): Draw => ({ minute: d.minute, event: (t) => ({ type: 'sms', at: t, line: 'sim-1', from: 'BE', to: d.to, characters: d.characters }) as Ev })),
  },
  {
    weight: 3,
    arbitrary: fc
      .record({ minute, bytes: fc.integer({ min: 0, max: 50_000_000 }), from: fc.constantFrom('BE', 'BE', 'US') })
      .map((d): Draw => ({ minute: d.minute, event: (t) => ({ type: 'data', at: t, line: 'sim-1', from: d.from, bytes: d.bytes, seconds: 600 }) as Ev })),
  },
);
const rareArb: fc.Arbitrary<Draw[]> = fc.oneof(
  fc.constant<Draw[]>([]),
  minute.map((m): Draw[] => [{ minute: m, event: (t) => ({ type: 'port_out', at: t }) }]),
  fc.tuple(minute, fc.integer({ min: 60, max: 10 * 24 * 60 })).map(([m, d]): Draw[] => [
    { minute: m, event: (t) => ({ type: 'sim_lost', at: t, line: 'sim-1', cause: 'lost' }) },
    { minute: Math.min(m + d, 80 * 24 * 60), event: (t) => ({ type: 'sim_replaced', at: t, line: 'sim-1' }) },
  ]),
);

function timelineOf(draws: Draw[]): TimelineInput {
  const events = [...draws].sort((a, b) => a.minute - b.minute).map((d) => d.event(at(d.minute)));
  return {
    schema: 'termlab.timeline/1',
    subscriber: { id: 'prepaid-property' },
    contract: { family: 'BASE_PREPAID', plan: 'base-prepaid', start: '2026-01-05', cycleDay: 5, lines: [{ id: 'sim-1', kind: 'mobile' }] },
    until: '2026-03-27',
    events,
  } as TimelineInput;
}
const timelineArb = fc.tuple(fc.array(drawArb, { maxLength: 60 }), rareArb).map(([draws, rare]) => timelineOf([...draws, ...rare]));
const rate = (doc: TimelineInput): Outcome => referenceOutcome(doc, catalog, 'generated.json');

/** The billing period of a decision (records after the last period count in it). */
function periodOf(o: Outcome, instant: string): number {
  const day = instant.slice(0, 10);
  let p = 0;
  while (p + 1 < o.periods.length && o.periods[p + 1]!.start <= day) p++;
  return p;
}

describe('prepaid credit, whatever the order of top-ups and usage', () => {
  it('serves nothing from the credit without a top-up (BASE-B.1.2.2)', () => {
    fc.assert(
      fc.property(timelineArb, (doc) => {
        const noTopUp = { ...doc, events: doc.events.filter((e) => e.type !== 'top_up') };
        const o = rate(noTopUp);
        expect(o.usage.reduce((s, r) => s + r.billed, 0)).toBe(0);
        expect(o.ledger).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });

  it('never lets the credit go below 0 (BASE-B.1.2.1)', () => {
    fc.assert(
      fc.property(timelineArb, (doc) => {
        const o = rate(doc);
        // the ledger's balance is what the client owes: with prepaid, minus the credit
        for (const l of o.ledger) expect(l.balanceCents).toBeLessThanOrEqual(0);
        expect(o.balances.prepaidCreditCents).toBeGreaterThanOrEqual(0);
        OutcomeSchema.parse(o);
      }),
      { numRuns: RUNS },
    );
  });

  it('gives one refusal per lasting state, stretch, period, line and service, and loses no quantity (BASE-B.1.2.1, BASE-B.1.2.2)', () => {
    fc.assert(
      fc.property(timelineArb, (doc) => {
        const o = rate(doc);
        const topUps = doc.events.filter((e) => e.type === 'top_up').map((e) => Date.parse(e.at));
        const blocked = o.decisions.filter((d) => d.kind === 'blocked');
        const lasting = new Map<string, number>();
        const byCell = new Map<string, number>();
        for (const d of blocked) {
          const p = periodOf(o, d.at);
          const cell = `${p}|${d.line}|${d.service}`;
          byCell.set(cell, (byCell.get(cell) ?? 0) + d.quantity!);
          if (d.detail.startsWith('cut when')) continue;
          const state = d.detail.replace(/ \(\d+ records from this one to .*\)$/, '');
          const stretch = topUps.filter((t) => t <= Date.parse(d.at)).length;
          const key = `${state}|${state.includes('prepaid credit') ? stretch : ''}|${cell}`;
          lasting.set(key, (lasting.get(key) ?? 0) + 1);
        }
        for (const [key, n] of lasting) expect(n, key).toBe(1);
        for (const r of o.usage) {
          const cell = `${r.period}|${r.line}|${r.service}`;
          const rows = o.usage.filter((x) => `${x.period}|${x.line}|${x.service}` === cell);
          expect(byCell.get(cell) ?? 0, cell).toBe(rows.reduce((s, x) => s + x.blocked, 0));
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(timelineArb, (doc) => {
        expect(rate(doc)).toEqual(rate(doc));
      }),
      { numRuns: Math.min(RUNS, 30) },
    );
  });
});
