import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  brusselsDayOf,
  brusselsMidnight,
  brusselsOffsetSeconds,
  dayFromYmd,
  daysInMonth,
  describeInstantError,
  formatDate,
  formatInstant,
  isLeapYear,
  parseDate,
  parseInstant,
  weekdayOfDay,
  ymdOfDay,
} from '../../src/domain/time.ts';

/** Parse a string the test knows to be valid. */
function at(s: string): number {
  const t = parseInstant(s);
  if (t === undefined) throw new Error(`test fixture is not a valid instant: ${s}`);
  return t;
}

function day(s: string): number {
  const d = parseDate(s);
  if (d === undefined) throw new Error(`test fixture is not a valid date: ${s}`);
  return d;
}

/** A valid civil date over a year range. */
const ymdArb = (minYear: number, maxYear: number) =>
  fc
    .record({
      year: fc.integer({ min: minYear, max: maxYear }),
      month: fc.integer({ min: 1, max: 12 }),
      d: fc.integer({ min: 1, max: 31 }),
    })
    .map(({ year, month, d }) => ({ year, month, day: Math.min(d, daysInMonth(year, month)) }));

describe('the civil calendar', () => {
  it('numbers 1970-01-01 as day 0 and 2000-03-01 as day 11017', () => {
    // 2000-01-01 is day 10957 (30 years incl. 7 leap days: 30*365 + 7); + 31 (Jan) + 29 (Feb 2000) = 11017.
    expect(dayFromYmd(1970, 1, 1)).toBe(0);
    expect(dayFromYmd(2000, 1, 1)).toBe(10957);
    expect(dayFromYmd(2000, 3, 1)).toBe(11017);
    expect(dayFromYmd(1969, 12, 31)).toBe(-1);
    expect(ymdOfDay(11016)).toEqual({ year: 2000, month: 2, day: 29 });
  });

  it('applies the Gregorian leap-year rule', () => {
    expect([1900, 2000, 2024, 2026, 2028, 2100].map(isLeapYear)).toEqual([false, true, true, false, true, false]);
    expect(daysInMonth(2026, 2)).toBe(28);
    expect(daysInMonth(2028, 2)).toBe(29);
    expect(daysInMonth(2026, 4)).toBe(30);
    expect(daysInMonth(2026, 12)).toBe(31);
  });

  it('knows that 1970-01-01 was a Thursday and 2026-03-29 a Sunday', () => {
    expect(weekdayOfDay(0)).toBe(3);
    expect(weekdayOfDay(day('2026-03-29'))).toBe(6);
    expect(weekdayOfDay(day('2026-10-25'))).toBe(6);
    expect(weekdayOfDay(day('2026-01-05'))).toBe(0);
    expect(weekdayOfDay(-1)).toBe(2);
  });

  it('round-trips dayFromYmd and ymdOfDay for every date from 1970 to 2200', () => {
    fc.assert(
      fc.property(ymdArb(1970, 2200), ({ year, month, day: d }) => {
        expect(ymdOfDay(dayFromYmd(year, month, d))).toEqual({ year, month, day: d });
      }),
    );
    const first = dayFromYmd(1970, 1, 1);
    const last = dayFromYmd(2200, 12, 31);
    fc.assert(
      fc.property(fc.integer({ min: first, max: last }), (n) => {
        const { year, month, day: d } = ymdOfDay(n);
        expect(dayFromYmd(year, month, d)).toBe(n);
      }),
    );
  });

  it('agrees with Date.UTC on day numbers and weekdays', () => {
    fc.assert(
      fc.property(ymdArb(1600, 2400), ({ year, month, day: d }) => {
        const ms = Date.UTC(year, month - 1, d);
        const n = dayFromYmd(year, month, d);
        expect(n).toBe(ms / 86_400_000);
        expect(weekdayOfDay(n)).toBe((new Date(ms).getUTCDay() + 6) % 7);
      }),
    );
  });

  it('parses strict YYYY-MM-DD dates and rejects impossible ones', () => {
    expect(parseDate('2026-03-29')).toBe(dayFromYmd(2026, 3, 29));
    expect(parseDate('2028-02-29')).toBe(dayFromYmd(2028, 2, 29));
    for (const bad of ['2026-02-29', '2026-02-30', '2026-04-31', '2026-13-01', '2026-00-10', '2026-01-00', '2026-3-29', '26-03-29', '2026-03-29T00:00Z', ' 2026-03-29', '']) {
      expect(parseDate(bad), bad).toBeUndefined();
    }
  });

  it('formats dates back to the text they were parsed from', () => {
    fc.assert(
      fc.property(ymdArb(1970, 2200), ({ year, month, day: d }) => {
        const s = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
        expect(formatDate(day(s))).toBe(s);
      }),
    );
  });
});

describe('Belgian time', () => {
  it('switches to summer time at 2026-03-29 01:00 UTC and back at 2026-10-25 01:00 UTC', () => {
    // Last Sunday of March 2026 is the 29th, of October the 25th (both checked as weekday 6 above).
    expect(brusselsOffsetSeconds(at('2026-03-29T00:59:59Z'))).toBe(3600);
    expect(brusselsOffsetSeconds(at('2026-03-29T01:00:00Z'))).toBe(7200);
    expect(brusselsOffsetSeconds(at('2026-10-25T00:59:59Z'))).toBe(7200);
    expect(brusselsOffsetSeconds(at('2026-10-25T01:00:00Z'))).toBe(3600);
    expect(brusselsOffsetSeconds(at('2026-01-05T09:00:00Z'))).toBe(3600);
    expect(brusselsOffsetSeconds(at('2026-07-01T12:00:00Z'))).toBe(7200);
  });

  it('makes 01:59:59 CET and 03:00:00 CEST on 2026-03-29 one second apart', () => {
    // 01:59:59+01:00 = 00:59:59Z; 03:00:00+02:00 = 01:00:00Z.
    const before = at('2026-03-29T01:59:59+01:00');
    const after = at('2026-03-29T03:00:00+02:00');
    expect(after - before).toBe(1);
    expect(formatInstant(before)).toBe('2026-03-29T01:59:59+01:00');
    expect(formatInstant(after)).toBe('2026-03-29T03:00:00+02:00');
  });

  it('shows the repeated autumn hour twice, with different offsets', () => {
    // 00:30Z is 02:30 CEST; 01:30Z is 02:30 CET, one hour later.
    expect(formatInstant(at('2026-10-25T00:30:00Z'))).toBe('2026-10-25T02:30:00+02:00');
    expect(formatInstant(at('2026-10-25T01:30:00Z'))).toBe('2026-10-25T02:30:00+01:00');
  });

  it('formats winter and summer instants in Brussels time with the offset', () => {
    expect(formatInstant(at('2026-01-05T09:00:00Z'))).toBe('2026-01-05T10:00:00+01:00');
    expect(formatInstant(at('2026-07-01T22:30:05Z'))).toBe('2026-07-02T00:30:05+02:00');
    expect(formatInstant(0)).toBe('1970-01-01T01:00:00+01:00');
  });

  it('puts Brussels midnight of 2026-03-29 at 23:00 UTC the day before, and of 2026-10-25 at 22:00 UTC', () => {
    // Both Sundays start in the offset of the previous day: CET (+1) in March, CEST (+2) in October.
    expect(brusselsMidnight(day('2026-03-29'))).toBe(at('2026-03-28T23:00:00Z'));
    expect(brusselsMidnight(day('2026-03-30'))).toBe(at('2026-03-29T22:00:00Z'));
    expect(brusselsMidnight(day('2026-10-25'))).toBe(at('2026-10-24T22:00:00Z'));
    expect(brusselsMidnight(day('2026-10-26'))).toBe(at('2026-10-25T23:00:00Z'));
  });

  it('makes the March switch day last 23 hours and the October one 25 hours', () => {
    const length = (s: string) => brusselsMidnight(day(s) + 1) - brusselsMidnight(day(s));
    expect(length('2026-03-29')).toBe(23 * 3600);
    expect(length('2026-10-25')).toBe(25 * 3600);
    expect(length('2026-03-28')).toBe(24 * 3600);
    expect(length('2026-10-26')).toBe(24 * 3600);
  });

  it('finds the Brussels day of an instant around midnight', () => {
    expect(brusselsDayOf(at('2026-03-28T22:59:59Z'))).toBe(day('2026-03-28'));
    expect(brusselsDayOf(at('2026-03-28T23:00:00Z'))).toBe(day('2026-03-29'));
    expect(brusselsDayOf(at('2026-07-01T21:59:59Z'))).toBe(day('2026-07-01'));
    expect(brusselsDayOf(at('2026-07-01T22:00:00Z'))).toBe(day('2026-07-02'));
  });

  it('keeps brusselsDayOf and brusselsMidnight consistent for every day', () => {
    fc.assert(
      fc.property(fc.integer({ min: dayFromYmd(1996, 1, 1), max: dayFromYmd(2200, 12, 31) }), (d) => {
        const midnight = brusselsMidnight(d);
        expect(brusselsDayOf(midnight)).toBe(d);
        expect(brusselsDayOf(midnight - 1)).toBe(d - 1);
        expect(formatInstant(midnight)).toMatch(/T00:00:00\+0[12]:00$/);
      }),
    );
  });

  describe('agrees with the IANA time-zone database (Intl, test-only cross-check)', () => {
    const fmt = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Brussels', timeZoneName: 'longOffset' });
    const intlOffset = (instant: number): number => {
      const name = fmt.formatToParts(new Date(instant * 1000)).find((p) => p.type === 'timeZoneName')?.value;
      const m = /^GMT([+-])(\d{2}):(\d{2})$/.exec(name ?? '');
      if (!m) throw new Error(`unexpected time-zone name ${name}`);
      return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 3600 + Number(m[3]) * 60);
    };
    const from = Date.UTC(1997, 0, 1) / 1000;
    const to = Date.UTC(2038, 0, 1) / 1000 - 1;

    it('for random instants from 1997 to 2037', () => {
      fc.assert(
        fc.property(fc.integer({ min: from, max: to }), (t) => {
          expect(brusselsOffsetSeconds(t)).toBe(intlOffset(t));
        }),
        { numRuns: 2000 },
      );
    });

    it('for instants within two hours of a transition', () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 1997, max: 2037 }),
          fc.constantFrom(3, 10),
          fc.integer({ min: -7200, max: 7200 }),
          (year, month, delta) => {
            const last = dayFromYmd(year, month, daysInMonth(year, month));
            const sunday = last - ((weekdayOfDay(last) + 1) % 7);
            const t = sunday * 86_400 + 3600 + delta;
            expect(brusselsOffsetSeconds(t)).toBe(intlOffset(t));
          },
        ),
        { numRuns: 2000 },
      );
    });
  });
});

describe('parsing and formatting instants', () => {
  it('accepts instants with Z or a numeric offset, with or without seconds', () => {
    expect(parseInstant('1970-01-01T00:00Z')).toBe(0);
    expect(parseInstant('1970-01-01T01:00:00+01:00')).toBe(0);
    expect(parseInstant('1969-12-31T19:00-05:00')).toBe(0);
    expect(parseInstant('2026-03-29T10:15:00+02:00')).toBe(Date.UTC(2026, 2, 29, 8, 15) / 1000);
    expect(parseInstant('2026-03-29T10:15+02:00')).toBe(Date.UTC(2026, 2, 29, 8, 15) / 1000);
    expect(parseInstant('2026-03-29T12:00:00+14:00')).toBe(Date.UTC(2026, 2, 28, 22) / 1000);
    expect(parseInstant('2026-03-29T12:00:00-14:00')).toBe(Date.UTC(2026, 2, 30, 2) / 1000);
    expect(parseInstant('2026-03-29T12:00:00+05:45')).toBe(Date.UTC(2026, 2, 29, 6, 15) / 1000);
  });

  it('rejects malformed instants, impossible dates and times, and out-of-range offsets', () => {
    const bad = [
      '2026-02-30T10:00:00Z', // no 30 February
      '2026-03-29T24:00:00Z', // hour 24
      '2026-03-29T10:60:00Z', // minute 60
      '2026-03-29T10:15:60Z', // no leap seconds
      '2026-03-29T10:15:00.5Z', // no fractional seconds
      '2026-03-29T10:15:00+14:30', // beyond +14:00
      '2026-03-29T10:15:00-15:00',
      '2026-03-29T10:15:00+02:60',
      '2026-03-29T10:15:00-00:00', // ISO 8601 writes zero as +00:00
      '2026-03-29T10:15:00+0200',
      '2026-03-29T10:15:00+02',
      '2026-03-29 10:15:00Z',
      '2026-03-29t10:15:00z',
      '2026-03-29T10Z',
      '2026-03-29',
      '',
    ];
    for (const s of bad) expect(parseInstant(s), s).toBeUndefined();
  });

  it('rejects a local time without a zone because the autumn hour is ambiguous', () => {
    expect(parseInstant('2026-10-25T02:30:00')).toBeUndefined();
    expect(describeInstantError('2026-10-25T02:30:00')).toMatch(/zone/);
  });

  it('explains every rejection with a phrase that shows the expected form', () => {
    for (const s of ['2026-10-25T02:30:00', 'tomorrow', '2026-02-30T10:00Z', '2026-03-29T24:00Z', '2026-03-29T10:00+15:00']) {
      expect(describeInstantError(s)).toContain('expected an ISO 8601 instant with a zone, such as 2026-03-29T10:15:00+02:00');
    }
    expect(describeInstantError('tomorrow')).toBe('expected an ISO 8601 instant with a zone, such as 2026-03-29T10:15:00+02:00');
    expect(describeInstantError('2026-02-30T10:00Z')).toMatch(/calendar date/);
    expect(describeInstantError('2026-03-29T24:00Z')).toMatch(/time of day/);
    expect(describeInstantError('2026-03-29T10:00+15:00')).toMatch(/offset/);
  });

  it('round-trips formatInstant and parseInstant', () => {
    const from = Date.UTC(1970, 0, 1) / 1000;
    const to = Date.UTC(2201, 0, 1) / 1000;
    fc.assert(
      fc.property(fc.integer({ min: from, max: to }), (t) => {
        const s = formatInstant(t);
        expect(s).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0[12]:00$/);
        expect(parseInstant(s)).toBe(t);
      }),
      { numRuns: 2000 },
    );
  });

  it('parses any valid date, time and offset to the same instant as Date.UTC', () => {
    fc.assert(
      fc.property(
        ymdArb(1970, 2200),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        fc.integer({ min: 0, max: 59 }),
        fc.integer({ min: -14 * 60, max: 14 * 60 }),
        ({ year, month, day: d }, h, mi, sec, offMin) => {
          const p = (n: number, w = 2) => String(n).padStart(w, '0');
          const zone =
            offMin === 0 ? 'Z' : `${offMin < 0 ? '-' : '+'}${p(Math.floor(Math.abs(offMin) / 60))}:${p(Math.abs(offMin) % 60)}`;
          const s = `${p(year, 4)}-${p(month)}-${p(d)}T${p(h)}:${p(mi)}:${p(sec)}${zone}`;
          expect(parseInstant(s)).toBe(Date.UTC(year, month - 1, d, h, mi, sec) / 1000 - offMin * 60);
        },
      ),
    );
  });

  it('refuses to format a fractional instant', () => {
    expect(() => formatInstant(1.5)).toThrow(RangeError);
  });
});
