/**
 * Golden tests — what the pack covers (CLIC-2.2, BASE-D.7.1) and where a Phone2Go licence may call
 * (CLIC-2.7, CLIC-2.9). Every expected number is worked out by hand from the clause, READINGS.tmp.md
 * and scenarios/catalogs/default.yaml, in the comment above it.
 *
 * Unless said otherwise: start 2026-04-15, cycle day 15 → one whole period 2026-04-15..2026-05-15
 * (30 days), the fee statement is issued on 2026-04-15 and the period's usage is on the closing
 * statement of 2026-05-15.
 */
import { describe, expect, it } from 'vitest';
import { call, decisionsOf, N, rate, sms, statement, tariffLines, timeline, treated, usageLines } from './timeline-builder.ts';

const ONE_PERIOD = { start: '2026-04-15', cycleDay: 15, until: '2026-05-15' };

describe('CLIC-2.2: where included minutes and SMS count', () => {
  it('a call from Belgium to a French number is not in the pack and is billed as international (CLIC-2.2)', () => {
    const o = rate(timeline({ plan: 'clic-s', ...ONE_PERIOD }, [call('2026-04-20T09:00:00+02:00', 'sim-1', 'BE', N.frMobile, 120)]));
    // CLIC-2.2 (i): from Belgium only Belgian numbers are in the pack → all 120 s billed, none included.
    expect(treated(o, 0, 'sim-1', 'call', 'BE')).toEqual({ included: 0, billed: 120, throttled: 0, blocked: 0, free: 0 });
    const closing = statement(o, '2026-05-15');
    const [line] = tariffLines(closing, 'international.call_eu');
    // 120 s = 2 min × €0.19/min (international.call_eu) = €0.38 → 38 cents
    expect(line).toMatchObject({ category: 'international_usage', quantity: 120, unit: 'second', amountCents: 38 });
    expect(line?.clauses).toContain('CLIC-2.2');
    // nothing else is billed on the closing statement: total = 38
    expect(closing.totalCents).toBe(38);
  });

  it('the same call to a French number made from Spain is in the pack (CLIC-2.2 (ii))', () => {
    const o = rate(timeline({ plan: 'clic-s', ...ONE_PERIOD }, [call('2026-04-20T09:00:00+02:00', 'sim-1', 'ES', N.frMobile, 120)]));
    // CLIC-2.2 (ii): mobile, from the EU zone to a number of another EU-zone country → included
    expect(treated(o, 0, 'sim-1', 'call', 'EU')).toEqual({ included: 120, billed: 0, throttled: 0, blocked: 0, free: 0 });
    expect(usageLines(o)).toEqual([]);
    expect(statement(o, '2026-05-15').totalCents).toBe(0);
  });

  it('an SMS from Belgium to a French number is billed, while the same SMS from Spain is in the pack (CLIC-2.2)', () => {
    const o = rate(
      timeline({ plan: 'clic-s', ...ONE_PERIOD }, [
        sms('2026-04-20T09:00:00+02:00', 'sim-1', 'BE', N.frMobile, 100),
        sms('2026-04-24T09:00:00+02:00', 'sim-1', 'ES', N.frMobile, 100),
      ]),
    );
    // 1 SMS from BE to FR: international.sms_eu €0.06 → 6 cents
    expect(treated(o, 0, 'sim-1', 'sms', 'BE')).toMatchObject({ included: 0, billed: 1 });
    expect(treated(o, 0, 'sim-1', 'sms', 'EU')).toMatchObject({ included: 1, billed: 0 });
    const closing = statement(o, '2026-05-15');
    expect(tariffLines(closing, 'international.sms_eu')).toMatchObject([{ quantity: 1, unit: 'sms', amountCents: 6 }]);
    expect(closing.totalCents).toBe(6);
  });

  it('calls from Belgium to Belgian fixed and mobile numbers are in the pack (CLIC-2.2 (i))', () => {
    const o = rate(
      timeline({ plan: 'clic-s', ...ONE_PERIOD }, [
        call('2026-04-20T09:00:00+02:00', 'sim-1', 'BE', N.beMobile, 300),
        call('2026-04-20T10:00:00+02:00', 'sim-1', 'BE', N.beFixed, 300),
      ]),
    );
    // 300 s + 300 s = 600 s included, nothing billed
    expect(treated(o, 0, 'sim-1', 'call', 'BE')).toEqual({ included: 600, billed: 0, throttled: 0, blocked: 0, free: 0 });
    expect(statement(o, '2026-05-15').totalCents).toBe(0);
  });

  it('a call from Spain to a US number is never in the pack: billed at the EU-zone-to-world rate (CLIC-2.2)', () => {
    const o = rate(timeline({ plan: 'clic-s', ...ONE_PERIOD }, [call('2026-04-20T09:00:00+02:00', 'sim-1', 'ES', N.us, 60)]));
    expect(treated(o, 0, 'sim-1', 'call', 'EU')).toMatchObject({ included: 0, billed: 60 });
    // 60 s = 1 min × €1.50/min (roaming_eu.call_world) = €1.50 → 150 cents
    expect(tariffLines(statement(o, '2026-05-15'), 'roaming_eu.call_world')).toMatchObject([
      { category: 'roaming_usage', quantity: 60, amountCents: 150 },
    ]);
  });
});

describe('CLIC-2.2: special numbers are always billed extra', () => {
  it('a 0900 call is never taken from the pack, even with included minutes left (CLIC-2.2)', () => {
    // CLIC Bureau has 500 included minutes (30,000 s); only 60 s are used before the 0900 call.
    const o = rate(
      timeline({ plan: 'clic-bureau', ...ONE_PERIOD }, [
        call('2026-04-20T09:00:00+02:00', 'sim-1', 'BE', N.beMobile, 60),
        call('2026-04-20T10:00:00+02:00', 'sim-1', 'BE', N.premium, 90),
      ]),
    );
    // 60 s to the Belgian mobile included; all 90 s of the 0900 call billed
    expect(treated(o, 0, 'sim-1', 'call', 'BE')).toEqual({ included: 60, billed: 90, throttled: 0, blocked: 0, free: 0 });
    const closing = statement(o, '2026-05-15');
    const [line] = tariffLines(closing, 'premium.call');
    // 90 s = 1.5 min × €1.50/min (premium.call) = €2.25 → 225 cents
    expect(line).toMatchObject({ category: 'special_numbers', quantity: 90, unit: 'second', amountCents: 225 });
    expect(line?.clauses).toContain('CLIC-2.2');
    expect(closing.totalCents).toBe(225);
  });

  it('a 0900 call is billed at the premium rate on an unlimited-calls pack too (CLIC-2.2)', () => {
    const o = rate(timeline({ plan: 'clic-s', ...ONE_PERIOD }, [call('2026-04-20T10:00:00+02:00', 'sim-1', 'BE', N.premium, 90)]));
    // 90 s × €1.50/60 s = €2.25 → 225 cents
    expect(treated(o, 0, 'sim-1', 'call', 'BE')).toMatchObject({ included: 0, billed: 90 });
    expect(statement(o, '2026-05-15').totalCents).toBe(225);
  });

  it('a 0900 call made from Spain is billed at the premium rate, not as roaming (CLIC-2.2)', () => {
    const o = rate(timeline({ plan: 'clic-s', ...ONE_PERIOD }, [call('2026-04-20T10:00:00+02:00', 'sim-1', 'ES', N.premium, 60)]));
    // 60 s × €1.50/60 s = €1.50 → 150 cents, under premium.call
    expect(treated(o, 0, 'sim-1', 'call', 'EU')).toMatchObject({ included: 0, billed: 60 });
    const closing = statement(o, '2026-05-15');
    expect(tariffLines(closing, 'premium.call')).toMatchObject([{ quantity: 60, amountCents: 150 }]);
    expect(tariffLines(closing, 'roaming_eu.call')).toEqual([]);
  });

  it('a 070 call is billed at the special-number rate, never from the pack (CLIC-2.2)', () => {
    const o = rate(timeline({ plan: 'clic-bureau', ...ONE_PERIOD }, [call('2026-04-20T10:00:00+02:00', 'sim-1', 'BE', N.special, 200)]));
    expect(treated(o, 0, 'sim-1', 'call', 'BE')).toMatchObject({ included: 0, billed: 200 });
    // 200 s × €0.30/60 s = €1.00 → 100 cents (special.call)
    expect(tariffLines(statement(o, '2026-05-15'), 'special.call')).toMatchObject([
      { category: 'special_numbers', quantity: 200, amountCents: 100 },
    ]);
  });

  it('a 0800 call is free and not counted against the included minutes (CLIC-2.2)', () => {
    // 0800 for 600 s, then exactly the 500 included minutes (30,000 s) to a Belgian mobile.
    const o = rate(
      timeline({ plan: 'clic-bureau', ...ONE_PERIOD }, [
        call('2026-04-20T09:00:00+02:00', 'sim-1', 'BE', N.freephone, 600),
        call('2026-04-21T09:00:00+02:00', 'sim-1', 'BE', N.beMobile, 30_000),
      ]),
    );
    // 0800 free (600 s); the 30,000 s still fit the 30,000 s allowance: nothing billed
    expect(treated(o, 0, 'sim-1', 'call', 'BE')).toEqual({ included: 30_000, billed: 0, throttled: 0, blocked: 0, free: 600 });
    expect(statement(o, '2026-05-15').totalCents).toBe(0);
  });
});

describe('BASE-D.7.1: BASE tariffs apply in Belgium', () => {
  it('a BASE call from Spain to a Belgian mobile is not in the plan and is billed as EU roaming (BASE-D.7.1)', () => {
    const o = rate(
      timeline({ plan: 'base-light', ...ONE_PERIOD }, [
        call('2026-04-20T09:00:00+02:00', 'sim-1', 'BE', N.beMobile, 120),
        call('2026-04-24T09:00:00+02:00', 'sim-1', 'ES', N.beMobile, 120),
      ]),
    );
    // base-light includedIn [BE]: the Belgian call is included (120 of 7,200 s), the Spanish one billed
    expect(treated(o, 0, 'sim-1', 'call', 'BE')).toMatchObject({ included: 120, billed: 0 });
    expect(treated(o, 0, 'sim-1', 'call', 'EU')).toMatchObject({ included: 0, billed: 120 });
    const closing = statement(o, '2026-05-15');
    // 120 s = 2 min × €0.15/min (roaming_eu.call) = €0.30 → 30 cents
    expect(tariffLines(closing, 'roaming_eu.call')).toMatchObject([{ category: 'roaming_usage', quantity: 120, amountCents: 30 }]);
    expect(closing.totalCents).toBe(30);
  });

  it('a BASE SMS from Belgium to a French number is billed as international (BASE-D.7.1)', () => {
    const o = rate(timeline({ plan: 'base-light', ...ONE_PERIOD }, [sms('2026-04-20T09:00:00+02:00', 'sim-1', 'BE', N.frMobile, 20)]));
    // 1 SMS × €0.06 (international.sms_eu) → 6 cents
    expect(treated(o, 0, 'sim-1', 'sms', 'BE')).toMatchObject({ included: 0, billed: 1 });
    expect(statement(o, '2026-05-15').totalCents).toBe(6);
  });
});

describe('incoming calls', () => {
  it('a call received in the EU zone is free and not counted; one received in the US is billed as roaming (CLIC-2.2)', () => {
    const o = rate(
      timeline({ plan: 'clic-s', ...ONE_PERIOD }, [
        call('2026-04-20T09:00:00+02:00', 'sim-1', 'ES', N.frMobile, 600, { direction: 'in' }),
        call('2026-04-25T09:00:00+02:00', 'sim-1', 'US', N.beMobile, 120, { direction: 'in' }),
      ]),
    );
    expect(treated(o, 0, 'sim-1', 'call', 'EU')).toEqual({ included: 0, billed: 0, throttled: 0, blocked: 0, free: 600 });
    expect(treated(o, 0, 'sim-1', 'call', 'WORLD')).toMatchObject({ included: 0, billed: 120 });
    // 120 s = 2 min × €1.00/min (roaming_world.call_received) = €2.00 → 200 cents
    const closing = statement(o, '2026-05-15');
    expect(tariffLines(closing, 'roaming_world.call_received')).toMatchObject([{ quantity: 120, amountCents: 200 }]);
    expect(closing.totalCents).toBe(200);
  });
});

describe('CLIC-2.9 / CLIC-2.7: Phone2Go licences', () => {
  const p2g = { plan: 'clic-s', ...ONE_PERIOD, options: ['phone2go' as const], lines: [['sim-1', 'mobile'], ['p2g-1', 'phone2go']] as Array<[string, 'mobile' | 'phone2go']> };

  it('a Phone2Go number calls Belgian fixed and mobile numbers only: French and 0900 calls are blocked (CLIC-2.9)', () => {
    const o = rate(
      timeline(p2g, [
        call('2026-04-20T09:00:00+02:00', 'p2g-1', 'BE', N.beFixed, 120),
        call('2026-04-20T10:00:00+02:00', 'p2g-1', 'BE', N.beMobile, 60),
        call('2026-04-20T11:00:00+02:00', 'p2g-1', 'BE', N.frMobile, 60),
        call('2026-04-20T12:00:00+02:00', 'p2g-1', 'BE', N.premium, 60),
      ]),
    );
    // 120 + 60 s to Belgian numbers in the pack (CLIC-2.2 (i), fixed telephony); 60 + 60 s blocked, none billed
    expect(treated(o, 0, 'p2g-1', 'call', 'BE')).toEqual({ included: 180, billed: 0, throttled: 0, blocked: 120, free: 0 });
    const blocked = decisionsOf(o, 'blocked');
    expect(blocked.map((d) => ({ at: d.at, line: d.line, clauses: d.clauses }))).toEqual([
      { at: '2026-04-20T11:00:00+02:00', line: 'p2g-1', clauses: ['CLIC-2.9'] },
      { at: '2026-04-20T12:00:00+02:00', line: 'p2g-1', clauses: ['CLIC-2.9'] },
    ]);
    // the option is charged in advance: €10.00 for a whole period → 1000 cents; with the €45.00 fee → 5500
    const first = statement(o, '2026-04-15');
    expect(first.lines.filter((l) => l.category === 'option_fee')).toMatchObject([{ amountCents: 1000 }]);
    expect(first.totalCents).toBe(5500);
    expect(statement(o, '2026-05-15').totalCents).toBe(0);
  });

  it('Phone2Go cannot be bought with CLIC Bureau: the option is refused and its licence cannot call (CLIC-2.7)', () => {
    const o = rate(timeline({ ...p2g, plan: 'clic-bureau' }, [call('2026-04-20T09:00:00+02:00', 'p2g-1', 'BE', N.beFixed, 120)]));
    const refused = decisionsOf(o, 'refused');
    expect(refused).toHaveLength(1);
    expect(refused[0]?.clauses).toEqual(['CLIC-2.7']);
    // no option fee: the first statement is the €35.00 CLIC Bureau fee alone → 3500 cents
    const first = statement(o, '2026-04-15');
    expect(first.lines.filter((l) => l.category === 'option_fee')).toEqual([]);
    expect(first.totalCents).toBe(3500);
    expect(treated(o, 0, 'p2g-1', 'call', 'BE')).toEqual({ included: 0, billed: 0, throttled: 0, blocked: 120, free: 0 });
    expect(decisionsOf(o, 'blocked').map((d) => d.clauses)).toEqual([['CLIC-2.7']]);
  });
});
