/**
 * Golden tests — BASE-D.3.4: the operator's liability is capped at five times the client's last
 * statement, and never more than €50,000 (fraud and gross fault aside).
 */
import { describe, expect, it } from 'vitest';
import type { Cents } from '../../src/domain/money.ts';
import { liabilityCap } from '../../src/terms/liability.ts';
import { call, N, rate, statement, timeline } from './timeline-builder.ts';

const c = (n: number) => n as Cents;

describe('BASE-D.3.4: liability capped at 5 × the last statement and €50,000', () => {
  it('after a last statement of €40.00 the cap is €200.00: 5 × €40.00 (BASE-D.3.4)', () => {
    // 5 × 4000 = 20000
    expect(liabilityCap(c(4000))).toBe(20_000);
  });

  it('after a last statement of €10,000.00 the cap is exactly €50,000.00 (BASE-D.3.4)', () => {
    // 5 × 1,000,000 = 5,000,000 = €50,000.00, the ceiling itself
    expect(liabilityCap(c(1_000_000))).toBe(5_000_000);
  });

  it('after a last statement of €10,000.01 the cap stays at €50,000.00 (BASE-D.3.4)', () => {
    // 5 × 1,000,001 = 5,000,005 > 5,000,000 → 5,000,000
    expect(liabilityCap(c(1_000_001))).toBe(5_000_000);
    // €1,000,000.00 → still €50,000.00
    expect(liabilityCap(c(100_000_000))).toBe(5_000_000);
  });

  it('after a last statement of €0.00, or one in the client\'s favour, the cap is €0.00 (BASE-D.3.4)', () => {
    expect(liabilityCap(c(0))).toBe(0);
    // 5 × −17 = −85: a cap below zero means nothing is owed
    expect(liabilityCap(c(-17))).toBe(0);
  });

  it('the cap after a BASE Plus timeline is 5 × its last statement: 5 × €1.50 = €7.50 (BASE-D.3.4)', () => {
    const o = rate(
      timeline({ plan: 'base-plus', start: '2026-03-01', cycleDay: 1, until: '2026-05-01' }, [
        call('2026-04-10T10:00:00+02:00', 'sim-1', 'BE', N.premium, 60),
      ]),
    );
    // the closing statement of 2026-05-01 carries April's usage: 60 s × €1.50/min = 150
    const last = o.statements[o.statements.length - 1]!;
    expect(last).toBe(statement(o, '2026-05-01'));
    expect(last.totalCents).toBe(150);
    // 5 × 150 = 750
    expect(liabilityCap(c(last.totalCents))).toBe(750);
  });
});
