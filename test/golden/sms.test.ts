/**
 * Golden tests — BASE-A: an SMS is at most 160 characters. READINGS: one SMS per started 160 characters
 * (an empty message is one), times the recipients. SMS from Belgium to a French number are never in a
 * pack (CLIC-2.2, BASE-D.7.1) and cost €0.06 each (international.sms_eu), which makes counts visible in
 * cents. One whole period: 2026-04-15..2026-05-15, usage on the statement of 2026-05-15.
 */
import { describe, expect, it } from 'vitest';
import { N, rate, sms, statement, tariffLines, timeline, treated } from './timeline-builder.ts';

const ONE_PERIOD = { start: '2026-04-15', cycleDay: 15, until: '2026-05-15' };
const AT = '2026-04-20T09:00:00+02:00';

function frenchSmsCount(characters: number, recipients = 1): { billed: number; cents: number } {
  const o = rate(timeline({ plan: 'base-light', ...ONE_PERIOD }, [sms(AT, 'sim-1', 'BE', N.frMobile, characters, { recipients })]));
  return { billed: treated(o, 0, 'sim-1', 'sms', 'BE').billed, cents: statement(o, '2026-05-15').totalCents };
}

describe('BASE-A: 160-character segments × recipients', () => {
  it('a message of exactly 160 characters is one SMS (BASE-A)', () => {
    // 1 SMS × €0.06 → 6 cents
    expect(frenchSmsCount(160)).toEqual({ billed: 1, cents: 6 });
  });

  it('a message of 161 characters is two SMS (BASE-A)', () => {
    // ⌈161/160⌉ = 2 SMS × €0.06 → 12 cents
    expect(frenchSmsCount(161)).toEqual({ billed: 2, cents: 12 });
  });

  it('an empty message is still one SMS (BASE-A)', () => {
    expect(frenchSmsCount(0)).toEqual({ billed: 1, cents: 6 });
  });

  it('320 characters are two SMS and 321 are three (BASE-A)', () => {
    // 320/160 = 2 → 12 cents; ⌈321/160⌉ = 3 → 18 cents
    expect(frenchSmsCount(320)).toEqual({ billed: 2, cents: 12 });
    expect(frenchSmsCount(321)).toEqual({ billed: 3, cents: 18 });
  });

  it('a message to several recipients counts its segments once per recipient (BASE-A)', () => {
    // 161 characters = 2 segments × 3 recipients = 6 SMS × €0.06 = €0.36 → 36 cents
    expect(frenchSmsCount(161, 3)).toEqual({ billed: 6, cents: 36 });
  });

  it('segments of several messages add up on one statement line (BASE-A)', () => {
    const o = rate(
      timeline({ plan: 'base-light', ...ONE_PERIOD }, [
        sms('2026-04-20T09:00:00+02:00', 'sim-1', 'BE', N.frMobile, 160),
        sms('2026-04-20T10:00:00+02:00', 'sim-1', 'BE', N.frMobile, 161),
        sms('2026-04-20T11:00:00+02:00', 'sim-1', 'BE', N.frMobile, 0),
        sms('2026-04-20T12:00:00+02:00', 'sim-1', 'BE', N.frMobile, 321, { recipients: 2 }),
      ]),
    );
    // 1 + 2 + 1 + 3 × 2 = 10 SMS × €0.06 = €0.60 → 60 cents
    expect(tariffLines(statement(o, '2026-05-15'), 'international.sms_eu')).toMatchObject([{ quantity: 10, unit: 'sms', amountCents: 60 }]);
  });

  it('included SMS are counted in segments × recipients too (BASE-A, CLIC-2.1)', () => {
    const o = rate(timeline({ plan: 'clic-bureau', ...ONE_PERIOD }, [sms(AT, 'sim-1', 'BE', N.beMobile, 161, { recipients: 20 })]));
    // 2 segments × 20 recipients = 40 of the 200 included SMS
    expect(treated(o, 0, 'sim-1', 'sms', 'BE')).toEqual({ included: 40, billed: 0, throttled: 0, blocked: 0, free: 0 });
    expect(statement(o, '2026-05-15').totalCents).toBe(0);
  });

  it('an SMS sent from the US is billed per segment and recipient at the roaming rate (BASE-A, CLIC-2.2)', () => {
    const o = rate(timeline({ plan: 'clic-s', ...ONE_PERIOD }, [sms(AT, 'sim-1', 'US', N.beMobile, 170, { recipients: 2 })]));
    // ⌈170/160⌉ = 2 segments × 2 recipients = 4 SMS × €0.60 (roaming_world.sms) = €2.40 → 240 cents
    expect(treated(o, 0, 'sim-1', 'sms', 'WORLD')).toMatchObject({ included: 0, billed: 4 });
    expect(tariffLines(statement(o, '2026-05-15'), 'roaming_world.sms')).toMatchObject([{ quantity: 4, amountCents: 240 }]);
  });

  it('an SMS to a premium number is billed per segment at the premium rate, never from the pack (BASE-A, CLIC-2.2)', () => {
    const o = rate(timeline({ plan: 'clic-s', ...ONE_PERIOD }, [sms(AT, 'sim-1', 'BE', N.premium, 200)]));
    // ⌈200/160⌉ = 2 SMS × €2.00 (premium.sms) = €4.00 → 400 cents
    expect(tariffLines(statement(o, '2026-05-15'), 'premium.sms')).toMatchObject([{ category: 'special_numbers', quantity: 2, amountCents: 400 }]);
  });
});
