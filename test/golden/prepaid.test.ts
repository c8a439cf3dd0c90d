/**
 * Golden tests — BASE prepaid credit (BASE-B.1.2.1 to BASE-B.1.2.4, BASE-B.2.2, BASE-B.2.5, BASE-D.11.3).
 * Default catalog: national calls 0.15/min, SMS 0.10, roaming_eu calls 0.15/min; prepaid refund fee €7.50.
 * Per README: each record is priced on its own and rounded half up to the cent (credit is kept in cents).
 */
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/domain/catalog.ts';
import type { TimelineInput } from '../../src/domain/timeline.ts';
import { referenceOutcome } from '../../src/terms/model.ts';

const catalog = loadCatalog('scenarios/catalogs/default.yaml');
type Ev = TimelineInput['events'][number];
const prepaid = (events: Ev[], until = '2026-06-05'): TimelineInput => ({
  schema: 'termlab.timeline/1',
  subscriber: { id: 'prepaid' },
  contract: { family: 'BASE_PREPAID', plan: 'base-prepaid', start: '2026-01-05', cycleDay: 5, lines: [{ id: 'sim-1', kind: 'mobile' }] },
  until,
  events,
});
const rate = (doc: TimelineInput) => referenceOutcome(doc, catalog, 'golden');
const call = (at: string, seconds: number, extra: Partial<Ev> = {}): Ev => ({ type: 'call', at, line: 'sim-1', from: 'BE', to: '+32470123456', seconds, ...extra }) as Ev;
const topUp = (at: string, amountCents: number, promotional = false): Ev => ({ type: 'top_up', at, amountCents, promotional });

describe('BASE prepaid credit', () => {
  it('is never invoiced: usage is taken from the credit, with no statement (BASE-B.1.2.1)', () => {
    const o = rate(prepaid([topUp('2026-01-05T10:00:00+01:00', 1000), call('2026-01-07T10:00:00+01:00', 600)]));
    // 600 s × €0.15/60 s = €1.50 → 150 cents from €10.00 → €8.50 left
    expect(o.statements).toEqual([]);
    expect(o.balances.prepaidCreditCents).toBe(850);
    expect(o.ledger.map((l) => [l.kind, l.amountCents])).toEqual([
      ['prepaid_top_up', -1000],
      ['prepaid_use', 150],
    ]);
  });

  it('cuts a call when the credit runs out, and keeps received calls in Belgium working without credit (BASE-B.1.2.2)', () => {
    const o = rate(
      prepaid([
        topUp('2026-01-05T10:00:00+01:00', 100),
        call('2026-01-07T10:00:00+01:00', 600),
        call('2026-01-08T10:00:00+01:00', 300, { direction: 'in' }),
      ]),
    );
    // the longest part of the call whose price, rounded half up to the cent, fits in €1.00:
    // 401 s × €0.0025 = €1.0025 → 100 c (fits); 402 s = €1.005 → 101 c (does not). The other 199 s are cut.
    const calls = o.usage.find((r) => r.service === 'call' && r.zone === 'BE')!;
    expect(calls.billed).toBe(401);
    expect(calls.blocked).toBe(199);
    // the received call: free, not blocked
    expect(calls.free).toBe(300);
    expect(o.balances.prepaidCreditCents).toBe(0);
    expect(o.decisions.filter((d) => d.kind === 'blocked').map((d) => d.clauses)).toEqual([['BASE-B.1.2.1', 'BASE-B.1.2.2']]);
  });

  it('lets credit lapse 12 months after purchase, and withdraws the number after 12 months without a top-up (BASE-B.2.2)', () => {
    const o = rate(prepaid([topUp('2026-01-05T10:00:00+01:00', 1000)], '2027-02-05'));
    // bought 2026-01-05: valid to 2027-01-05 00:00; no top-up since: the number goes on 2027-01-05 too
    expect(o.decisions.find((d) => d.kind === 'number_withdrawal')).toMatchObject({ at: '2027-01-05T00:00:00+01:00', clauses: ['BASE-B.2.2'] });
    const lapse = o.ledger.filter((l) => l.kind === 'prepaid_lapse');
    expect(lapse.map((l) => l.amountCents)).toEqual([1000]);
    expect(o.balances.prepaidCreditCents).toBe(0);
  });

  it('refunds only purchased credit, less the fee, when asked within a month of a port-out (BASE-B.1.2.3)', () => {
    const o = rate(
      prepaid([
        topUp('2026-01-05T10:00:00+01:00', 2000),
        topUp('2026-01-06T10:00:00+01:00', 500, true),
        { type: 'port_out', at: '2026-02-01T10:00:00+01:00' },
        { type: 'refund_request', at: '2026-03-01T10:00:00+01:00' },
      ]),
    );
    // purchased credit €20.00 (the €5.00 promotional credit is not refunded); 2026-03-01 ≤ 2026-02-01 + 1 month
    // refund = €20.00 − €7.50 fee = €12.50; the ledger takes the €20.00 purchased credit out of the balance
    const refund = o.ledger.find((l) => l.kind === 'prepaid_refund')!;
    expect(refund.amountCents).toBe(2000);
    expect(refund.detail).toContain('12.50 euros paid back');
  });

  it('refuses a refund asked more than a month after the port-out, or without one (BASE-B.1.2.3, BASE-D.11.3)', () => {
    const late = rate(
      prepaid([topUp('2026-01-05T10:00:00+01:00', 2000), { type: 'port_out', at: '2026-02-01T10:00:00+01:00' }, { type: 'refund_request', at: '2026-03-02T10:00:00+01:00' }]),
    );
    expect(late.decisions.some((d) => d.kind === 'refused' && d.clauses.includes('BASE-B.1.2.3'))).toBe(true);
    const none = rate(prepaid([topUp('2026-01-05T10:00:00+01:00', 2000), { type: 'refund_request', at: '2026-01-10T10:00:00+01:00' }]));
    expect(none.decisions.some((d) => d.kind === 'refused')).toBe(true);
    expect(none.balances.prepaidCreditCents).toBe(2000);
  });

  it('keeps the old prices until the first top-up after an announced increase (BASE-B.1.2.4, BASE-D.11.3)', () => {
    const o = rate(
      prepaid([
        topUp('2026-01-05T10:00:00+01:00', 1000),
        { type: 'change_announced', at: '2026-01-10T10:00:00+01:00', effectiveOn: '2026-02-10', kind: 'price_increase', feeChangePercent: 10 },
        call('2026-02-15T10:00:00+01:00', 600),
        topUp('2026-02-20T10:00:00+01:00', 1000),
        call('2026-02-21T10:00:00+01:00', 600),
      ]),
    );
    // before the top-up: 600 s at the old price = 150; after it: 150 × 1.10 = 165
    expect(o.ledger.filter((l) => l.kind === 'prepaid_use').map((l) => l.amountCents)).toEqual([150, 165]);
  });

  it('does not take EU roaming through an alternative roaming operator from the credit (BASE-B.2.5)', () => {
    const o = rate(
      prepaid([
        topUp('2026-01-05T10:00:00+01:00', 1000),
        { type: 'roaming_operator_switch', at: '2026-01-10T10:00:00+01:00', active: true },
        call('2026-01-10T12:00:00+01:00', 60, { from: 'FR' }),
        call('2026-01-11T12:00:00+01:00', 60, { from: 'FR' }),
      ]),
    );
    // the switch takes up to 24 hours: the call 2 h later is still BASE roaming (60 s × 0.15/min = 15 c);
    // the one a day later goes through the alternative operator: nothing from the credit
    expect(o.ledger.filter((l) => l.kind === 'prepaid_use').map((l) => l.amountCents)).toEqual([15]);
    expect(o.balances.prepaidCreditCents).toBe(985);
  });

  it('replaces credit a change makes unusable by new credit of the same value (BASE-D.11.4)', () => {
    const o = rate(
      prepaid([
        topUp('2026-01-05T10:00:00+01:00', 1000),
        call('2026-01-07T10:00:00+01:00', 600),
        { type: 'change_announced', at: '2026-01-10T10:00:00+01:00', effectiveOn: '2026-02-15', kind: 'other', makesCreditUnusable: true },
      ]),
    );
    // €10.00 − €1.50 = €8.50 left; on 2026-02-15 it is replaced by €8.50 of new credit: the balance is unchanged
    const replaced = o.ledger.filter((l) => l.clauses.includes('BASE-D.11.4')).map((l) => [l.kind, l.amountCents, l.at]);
    expect(replaced).toEqual([
      ['prepaid_lapse', 850, '2026-02-15T00:00:00+01:00'],
      ['prepaid_top_up', -850, '2026-02-15T00:00:00+01:00'],
    ]);
    expect(o.balances.prepaidCreditCents).toBe(850);
  });
});

const sms = (at: string, extra: Partial<Ev> = {}): Ev => ({ type: 'sms', at, line: 'sim-1', from: 'BE', to: '+32470123456', characters: 40, ...extra }) as Ev;
const data = (at: string, bytes: number): Ev => ({ type: 'data', at, line: 'sim-1', from: 'BE', bytes, seconds: 600 }) as Ev;
const blocked = (o: ReturnType<typeof rate>) => o.decisions.filter((d) => d.kind === 'blocked').map((d) => [d.at, d.service, d.quantity, d.detail, d.clauses[0]]);

describe('BASE prepaid credit running out (BASE-B.1.2.1, BASE-B.1.2.2)', () => {
  it('serves nothing with no credit left: the record is refused, no ledger entry (BASE-B.1.2.2)', () => {
    const o = rate(prepaid([call('2026-01-07T10:00:00+01:00', 600), data('2026-01-07T11:00:00+01:00', 400_000)]));
    // no top-up: the credit is 0, "totalement épuisé", so no service works (B.1.2.2) — not even the first
    // second of the call (€0.0025, which would round to 0 c) nor the session (400,000 B × €10/GB = 0.4 c → 0 c)
    const call600 = o.usage.find((r) => r.service === 'call')!;
    expect([call600.billed, call600.blocked]).toEqual([0, 600]);
    const session = o.usage.find((r) => r.service === 'data')!;
    expect([session.billed, session.blocked]).toEqual([0, 400_000]);
    expect(blocked(o)).toEqual([
      ['2026-01-07T10:00:00+01:00', 'call', 600, 'no prepaid credit left', 'BASE-B.1.2.2'],
      ['2026-01-07T11:00:00+01:00', 'data', 400_000, 'no prepaid credit left', 'BASE-B.1.2.2'],
    ]);
    expect(o.ledger).toEqual([]);
    expect(o.balances.prepaidCreditCents).toBe(0);
  });

  it('refuses what the credit left cannot pay one unit of, while cheaper services still work (BASE-B.1.2.1)', () => {
    const o = rate(
      prepaid([
        topUp('2026-01-05T10:00:00+01:00', 100),
        call('2026-01-06T10:00:00+01:00', 392),
        sms('2026-01-07T10:00:00+01:00'),
        call('2026-01-07T11:00:00+01:00', 60, { to: '090012345' }),
        sms('2026-01-07T12:00:00+01:00'),
        call('2026-01-07T13:00:00+01:00', 60),
        sms('2026-01-07T14:00:00+01:00'),
      ]),
    );
    // €1.00 − 392 s × €0.0025 (€0.98) = 2 c left: credit remains (B.1.2.2), but only up to its amount (B.1.2.1):
    // - an SMS costs 10 c > 2 c and is not split: refused, both of them, in one decision (the credit only
    //   falls until the next top-up);
    // - one second of a premium call (€1.50/min) is €0.025 → 3 c > 2 c: none of the call is served;
    // - a national call still works: 9 s = €0.0225 → 2 c fits, 10 s = €0.025 → 3 c does not; the other 51 s
    //   are cut (a decision of its own);
    // - then the credit is 0: the last SMS finds no credit left (B.1.2.2).
    expect(blocked(o)).toEqual([
      ['2026-01-07T10:00:00+01:00', 'sms', 2, 'too little prepaid credit left (2 records from this one to the next top-up or the end of the period)', 'BASE-B.1.2.1'],
      ['2026-01-07T11:00:00+01:00', 'call', 60, 'too little prepaid credit left', 'BASE-B.1.2.1'],
      ['2026-01-07T13:00:00+01:00', 'call', 51, 'cut when the prepaid credit ran out', 'BASE-B.1.2.1'],
      ['2026-01-07T14:00:00+01:00', 'sms', 1, 'no prepaid credit left', 'BASE-B.1.2.2'],
    ]);
    expect(o.ledger.map((l) => [l.kind, l.amountCents])).toEqual([
      ['prepaid_top_up', -100],
      ['prepaid_use', 98],
      ['prepaid_use', 2],
    ]);
    const calls = o.usage.find((r) => r.service === 'call')!;
    expect([calls.billed, calls.blocked]).toEqual([392 + 9, 60 + 51]);
    expect(o.usage.find((r) => r.service === 'sms')).toMatchObject({ billed: 0, blocked: 3 });
  });

  it('gives one decision per stretch without credit, period, line and service; a top-up starts service again (BASE-B.1.2.2)', () => {
    const o = rate(
      prepaid([
        call('2026-01-06T10:00:00+01:00', 60),
        call('2026-01-06T11:00:00+01:00', 30),
        sms('2026-01-06T12:00:00+01:00'),
        call('2026-01-07T10:00:00+01:00', 1),
        topUp('2026-01-08T10:00:00+01:00', 50),
        call('2026-01-08T11:00:00+01:00', 120),
        call('2026-01-08T12:00:00+01:00', 120),
        call('2026-01-09T10:00:00+01:00', 45),
        call('2026-01-10T10:00:00+01:00', 15),
        call('2026-02-06T10:00:00+01:00', 10),
      ]),
    );
    // before any top-up the credit is 0: the calls of 60 s, 30 s and 1 s are refused, one decision for the
    // three (91 s), at the first; the SMS is another service, its own decision.
    // the top-up of €0.50 starts service again: 120 s = €0.30 (30 c, 20 c left); the next 120 s call is cut at
    // 81 s (€0.2025 → 20 c; 82 s = €0.205 → 21 c), 39 s refused in a decision of its own; the credit is 0 again.
    // a new stretch: 45 s + 15 s = 60 s in one decision; the call of 2026-02-06 is in the next billing period
    // (cycle day 5): a decision of its own.
    expect(blocked(o)).toEqual([
      ['2026-01-06T10:00:00+01:00', 'call', 91, 'no prepaid credit left (3 records from this one to the next top-up or the end of the period)', 'BASE-B.1.2.2'],
      ['2026-01-06T12:00:00+01:00', 'sms', 1, 'no prepaid credit left', 'BASE-B.1.2.2'],
      ['2026-01-08T12:00:00+01:00', 'call', 39, 'cut when the prepaid credit ran out', 'BASE-B.1.2.1'],
      ['2026-01-09T10:00:00+01:00', 'call', 60, 'no prepaid credit left (2 records from this one to the next top-up or the end of the period)', 'BASE-B.1.2.2'],
      ['2026-02-06T10:00:00+01:00', 'call', 10, 'no prepaid credit left', 'BASE-B.1.2.2'],
    ]);
    expect(o.ledger.map((l) => [l.kind, l.amountCents])).toEqual([
      ['prepaid_top_up', -50],
      ['prepaid_use', 30],
      ['prepaid_use', 20],
    ]);
    // the usage table still counts every second refused: 91 + 39 + 60 in the first period, 10 in the second
    expect(o.usage.filter((r) => r.service === 'call').map((r) => [r.period, r.billed, r.blocked])).toEqual([
      [0, 120 + 81, 91 + 39 + 60],
      [1, 0, 10],
    ]);
  });

  it('keeps a call cut part-way as a decision of its own, apart from the stretch without credit after it (BASE-B.1.2.1)', () => {
    const o = rate(
      prepaid([
        topUp('2026-01-05T10:00:00+01:00', 100),
        call('2026-01-07T10:00:00+01:00', 600),
        call('2026-01-07T11:00:00+01:00', 300),
        call('2026-01-07T12:00:00+01:00', 100),
        topUp('2026-01-08T10:00:00+01:00', 100),
        call('2026-01-08T11:00:00+01:00', 500),
      ]),
    );
    // €1.00 pays 401 s (€1.0025 → 100 c; 402 s = €1.005 → 101 c): 199 s cut; then 0 c: 300 s + 100 s refused,
    // one decision; the second €1.00 pays 401 s of the 500 s call again: 99 s cut, a decision of its own.
    expect(blocked(o)).toEqual([
      ['2026-01-07T10:00:00+01:00', 'call', 199, 'cut when the prepaid credit ran out', 'BASE-B.1.2.1'],
      ['2026-01-07T11:00:00+01:00', 'call', 400, 'no prepaid credit left (2 records from this one to the next top-up or the end of the period)', 'BASE-B.1.2.2'],
      ['2026-01-08T11:00:00+01:00', 'call', 99, 'cut when the prepaid credit ran out', 'BASE-B.1.2.1'],
    ]);
    expect(o.usage.find((r) => r.service === 'call')).toMatchObject({ billed: 802, blocked: 199 + 400 + 99 });
  });

  it('gives one decision per period, line and service to a line that has ended, and to one suspended (BASE-B.2.2, BASE-B.3.1.3)', () => {
    const ported = rate(
      prepaid([topUp('2026-01-05T10:00:00+01:00', 1000), { type: 'port_out', at: '2026-01-10T10:00:00+01:00' }, call('2026-01-11T10:00:00+01:00', 60), call('2026-01-12T10:00:00+01:00', 30)]),
    );
    // the number left on 2026-01-10: the line has ended; its two later calls (90 s) are one decision
    expect(blocked(ported)).toEqual([['2026-01-11T10:00:00+01:00', 'call', 90, 'the prepaid line has ended (2 records from this one to the end of the period or of the horizon)', 'BASE-B.2.2']]);
    const lost = rate(
      prepaid([
        topUp('2026-01-05T10:00:00+01:00', 1000),
        { type: 'sim_lost', at: '2026-01-10T10:00:00+01:00', line: 'sim-1', cause: 'lost' },
        call('2026-01-11T10:00:00+01:00', 60),
        call('2026-01-12T10:00:00+01:00', 30),
        { type: 'sim_replaced', at: '2026-01-13T10:00:00+01:00', line: 'sim-1' },
        call('2026-01-14T10:00:00+01:00', 60),
      ]),
    );
    // services suspended from the report to the new SIM (B.3.1.3): 60 s + 30 s in one decision; the call after
    // the replacement is taken from the credit (60 s × €0.0025 = 15 c)
    expect(blocked(lost)).toEqual([['2026-01-11T10:00:00+01:00', 'call', 90, 'services suspended (2 records from this one to the end of the period or of the block)', 'BASE-B.3.1.3']]);
    expect(lost.balances.prepaidCreditCents).toBe(985);
  });
});

describe('an alternative roaming operator on a subscription', () => {
  it('takes EU roaming out of the pack and off the statement from 24 hours after the switch (BASE-B.2.5)', () => {
    const o = referenceOutcome(
      {
        schema: 'termlab.timeline/1',
        subscriber: { id: 'aro' },
        contract: { family: 'BASE_SUBSCRIPTION', plan: 'base-light', start: '2026-01-05', cycleDay: 5, lines: [{ id: 'sim-1', kind: 'mobile' }] },
        until: '2026-02-05',
        events: [
          { type: 'roaming_operator_switch', at: '2026-01-10T10:00:00+01:00', active: true },
          call('2026-01-10T12:00:00+01:00', 60, { from: 'FR' }),
          call('2026-01-11T12:00:00+01:00', 60, { from: 'FR' }),
        ],
      },
      catalog,
      'golden',
    );
    // BASE Light counts in Belgium only (BASE-D.7.1): the first call is BASE roaming, 60 s × €0.15/min = 15 c;
    // the second, after the 24-hour switch, is the alternative operator's: free here
    const closing = o.statements.find((s) => s.issuedOn === '2026-02-05')!;
    expect(closing.lines.map((l) => [l.tariff, l.amountCents])).toEqual([['roaming_eu.call', 15]]);
    expect(o.usage.find((r) => r.zone === 'EU')).toMatchObject({ billed: 60, free: 60 });
  });
});
