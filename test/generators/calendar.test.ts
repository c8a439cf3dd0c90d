import { describe, expect, it } from 'vitest';
import { addMonths, addWorkingDays, instantOn, midnight } from '../../generators/calendar.ts';
import { brusselsMidnight, formatDate, formatInstant, parseDate } from '../../src/domain/time.ts';

describe('calendar', () => {
  it('finds Brussels midnight like the domain does, across every summer-time switch of 1996–2120', () => {
    for (let d = parseDate('1996-01-01')!; d < parseDate('2120-12-31')!; d++) expect(midnight(d)).toBe(brusselsMidnight(d));
  });

  it('adds months keeping the day, or the month\'s last day', () => {
    expect(formatDate(addMonths(parseDate('2026-01-31')!, 1))).toBe('2026-02-28');
    expect(formatDate(addMonths(parseDate('2026-03-15')!, 6))).toBe('2026-09-15');
    expect(formatDate(addMonths(parseDate('2026-03-15')!, -3))).toBe('2025-12-15');
  });

  it('counts working days over weekends and Belgian holidays (Easter Monday 2026 is 6 April)', () => {
    expect(formatDate(addWorkingDays(parseDate('2026-04-02')!, 1))).toBe('2026-04-03');
    expect(formatDate(addWorkingDays(parseDate('2026-04-03')!, 1))).toBe('2026-04-07');
    expect(formatDate(addWorkingDays(parseDate('2026-04-02')!, 5))).toBe('2026-04-10');
  });

  it('puts an instant on a Brussels day, inside the day on the short and long days', () => {
    expect(formatInstant(instantOn(parseDate('2026-03-29')!, 10 * 3600))).toBe('2026-03-29T11:00:00+02:00');
    expect(formatInstant(instantOn(parseDate('2026-03-29')!, 86_399))).toBe('2026-03-29T23:59:59+02:00');
    expect(formatInstant(instantOn(parseDate('2026-10-25')!, 89_999))).toBe('2026-10-25T23:59:59+01:00');
  });
});
