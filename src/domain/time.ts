/**
 * The calendar and Belgian time (Europe/Brussels).
 *
 * Everything here is pure integer arithmetic: nothing reads the machine's clock
 * or time zone, and the Brussels offset is computed from the EU summer-time rule
 * rather than from Intl/ICU, so results are identical on every machine and
 * do not drift with time-zone database updates.
 *
 * A few memos make the hot paths cheap (formatted dates by day number, the stretch of time with the
 * last offset found, the last instant formatted, the last date read): each holds only what these
 * functions computed from their arguments, so it changes how fast they answer, never what.
 */

/**
 * A point on the time line: whole seconds since the Unix epoch (1970-01-01T00:00:00Z).
 * Seconds (not milliseconds) because no contractual term is finer than a second,
 * and integers keep arithmetic exact.
 */
export type Instant = number;

/**
 * A civil calendar date as a day number: days since 1970-01-01 (day 0).
 * It carries no zone; it is the same date everywhere. Differences of days
 * are exact day counts, which is what proration needs.
 */
export type Day = number;

const SECONDS_PER_DAY = 86_400;

/** Civil date broken into parts; `month` is 1–12. */
export interface Ymd {
  year: number;
  month: number;
  day: number;
}

/** Gregorian leap-year rule (proleptic). */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Number of days in `month` (1–12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Day number of a civil date. Does not validate: out-of-range months/days give
 * an unspecified result; use `parseDate` for untrusted input.
 *
 * Algorithm: Howard Hinnant, "chrono-Compatible Low-Level Date Algorithms",
 * `days_from_civil` (https://howardhinnant.github.io/date_algorithms.html).
 * Years are shifted to start on March 1 so the leap day is the last day of the year.
 */
export function dayFromYmd(year: number, month: number, day: number): Day {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400; // [0, 399]
  const mp = month > 2 ? month - 3 : month + 9; // March = 0 … February = 11
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1; // [0, 365]
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy; // [0, 146096]
  return era * 146_097 + doe - 719_468;
}

/**
 * Civil date of a day number.
 *
 * Algorithm: Howard Hinnant's `civil_from_days`
 * (https://howardhinnant.github.io/date_algorithms.html), the inverse of `dayFromYmd`.
 */
export function ymdOfDay(dayNumber: Day): Ymd {
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097; // [0, 146096]
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  ); // [0, 399]
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100)); // [0, 365]
  const mp = Math.floor((5 * doy + 2) / 153); // [0, 11]
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1; // [1, 31]
  const month = mp < 10 ? mp + 3 : mp - 9; // [1, 12]
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

/** Day of the week: 0 = Monday … 6 = Sunday (ISO order). Day 0 (1970-01-01) was a Thursday. */
export function weekdayOfDay(dayNumber: Day): number {
  return (((dayNumber + 3) % 7) + 7) % 7;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** '00' … '99': two-digit fields of a formatted instant without a padStart per field. */
const TWO_DIGITS = Array.from({ length: 100 }, (_, n) => pad(n));

/*
 * Dates and instants are read and written by hand rather than by regular expression or template per
 * field: a simulation formats and parses millions of them (the outcome contract writes them as text, the
 * store reads them back as numbers). The readers accept exactly what the documented shapes accept.
 */

/** The number written by the `n` ASCII digits of `s` from index `from`, or −1 if one of them is not a digit. */
function digitsAt(s: string, from: number, n: number): number {
  let value = 0;
  for (let i = from; i < from + n; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

/** Strict 'YYYY-MM-DD' with a real calendar date (2026-02-30 is rejected). */
export function parseDate(s: string): Day | undefined {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 /* - */ || s.charCodeAt(7) !== 45) return undefined;
  const year = digitsAt(s, 0, 4);
  const month = digitsAt(s, 5, 2);
  const day = digitsAt(s, 8, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return dayFromYmd(year, month, day);
}

/**
 * Formatted dates by day number. A run formats the same few hundred days over and over (periods, due
 * dates, every instant's date part); the cache is emptied if it ever grows past a bound.
 */
const DATE_TEXT = new Map<Day, string>();
const DATE_TEXT_MAX = 50_000;

/** 'YYYY-MM-DD' (years 0000–9999). */
export function formatDate(dayNumber: Day): string {
  let text = DATE_TEXT.get(dayNumber);
  if (text === undefined) {
    const { year, month, day } = ymdOfDay(dayNumber);
    text = `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
    if (DATE_TEXT.size >= DATE_TEXT_MAX) DATE_TEXT.clear();
    DATE_TEXT.set(dayNumber, text);
  }
  return text;
}

/** Last Sunday of a month, as a day number. */
function lastSundayOf(year: number, month: number): Day {
  const last = dayFromYmd(year, month, daysInMonth(year, month));
  return last - ((weekdayOfDay(last) + 1) % 7);
}

/**
 * UTC offset of Brussels time at `instant`: 3600 (CET, UTC+1) or 7200 (CEST, UTC+2).
 *
 * Implements the EU summer-time rule directly — Directive 2000/84/EC, arts. 2–3:
 * summer time starts at 01:00 UTC on the last Sunday of March and ends at 01:00 UTC
 * on the last Sunday of October. Belgium has followed this rule since 1996.
 * Instants before 1996 are out of scope: the rule is still applied, which does not
 * match Belgium's historical offsets.
 */
export function brusselsOffsetSeconds(instant: Instant): 3600 | 7200 {
  if (instant >= offsetSpan.from && instant < offsetSpan.to) return offsetSpan.offset;
  const { year } = ymdOfDay(Math.floor(instant / SECONDS_PER_DAY));
  const start = lastSundayOf(year, 3) * SECONDS_PER_DAY + 3600;
  const end = lastSundayOf(year, 10) * SECONDS_PER_DAY + 3600;
  const offset = instant >= start && instant < end ? 7200 : 3600;
  // Remember the stretch of this (UTC) year around `instant` that has the same offset.
  offsetSpan.from = instant < start ? dayFromYmd(year, 1, 1) * SECONDS_PER_DAY : instant < end ? start : end;
  offsetSpan.to = instant < start ? start : instant < end ? end : dayFromYmd(year + 1, 1, 1) * SECONDS_PER_DAY;
  offsetSpan.offset = offset;
  return offset;
}

/**
 * The last stretch of time [from, to) found to have one Brussels offset: instants come mostly in time
 * order, so most lookups fall in it and skip the calendar arithmetic.
 */
const offsetSpan: { from: Instant; to: Instant; offset: 3600 | 7200 } = { from: 0, to: 0, offset: 3600 };

/**
 * The instant of 00:00 Brussels time on `day`.
 * Unambiguous: Belgian transitions happen at 02:00→03:00 and 03:00→02:00 local time,
 * so local midnight is never in a gap or an overlap. We read the offset at
 * 23:00 UTC of the previous day (midnight if it were CET); transitions happen at
 * 01:00 UTC, never between 22:00 and 23:00 UTC, so that offset is the one at midnight.
 */
export function brusselsMidnight(day: Day): Instant {
  const localMidnight = day * SECONDS_PER_DAY;
  return localMidnight - brusselsOffsetSeconds(localMidnight - 3600);
}

/** The Brussels calendar day containing `instant`. */
export function brusselsDayOf(instant: Instant): Day {
  return Math.floor((instant + brusselsOffsetSeconds(instant)) / SECONDS_PER_DAY);
}

const INSTANT_EXAMPLE = '2026-03-29T10:15:00+02:00';
const EXPECTED_INSTANT = `expected an ISO 8601 instant with a zone, such as ${INSTANT_EXAMPLE}`;
const INSTANT_SHAPE =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?(?:(Z)|([+-])(\d{2}):(\d{2}))$/;
const ZONELESS_SHAPE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?$/;
const MAX_OFFSET_MINUTES = 14 * 60;

type InstantParse = { ok: true; instant: Instant } | { ok: false; reason: string };

function parseInstantDetailed(s: string): InstantParse {
  const m = INSTANT_SHAPE.exec(s);
  if (!m) {
    if (ZONELESS_SHAPE.test(s)) {
      return {
        ok: false,
        reason: `missing zone designator (a local Belgian time is ambiguous in the autumn fall-back hour): ${EXPECTED_INSTANT}`,
      };
    }
    return { ok: false, reason: EXPECTED_INSTANT };
  }
  const [, ys, mos, ds, hs, mis, ss, z, sign, ohs, oms] = m;
  const year = Number(ys);
  const month = Number(mos);
  const day = Number(ds);
  const hour = Number(hs);
  const minute = Number(mis);
  const second = ss === undefined ? 0 : Number(ss);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return { ok: false, reason: `not a real calendar date: ${EXPECTED_INSTANT}` };
  }
  if (hour > 23 || minute > 59 || second > 59) {
    return { ok: false, reason: `time of day out of range (00:00:00–23:59:59): ${EXPECTED_INSTANT}` };
  }
  let offsetSeconds = 0;
  if (z === undefined) {
    const oh = Number(ohs);
    const om = Number(oms);
    const total = oh * 60 + om;
    // ISO 8601 writes a zero offset as +00:00 (or Z); -00:00 is not a valid offset.
    if (om > 59 || total > MAX_OFFSET_MINUTES || (sign === '-' && total === 0)) {
      return { ok: false, reason: `zone offset out of range (−14:00…+14:00): ${EXPECTED_INSTANT}` };
    }
    offsetSeconds = (sign === '-' ? -1 : 1) * total * 60;
  }
  const instant =
    dayFromYmd(year, month, day) * SECONDS_PER_DAY + hour * 3600 + minute * 60 + second - offsetSeconds;
  return { ok: true, instant };
}

/**
 * Strict ISO 8601 instant: `YYYY-MM-DDTHH:MM[:SS]` followed by a mandatory zone
 * designator `Z` or `±HH:MM` (at most ±14:00). No fractional seconds, no hour 24,
 * no leap second. A string without a zone is rejected because a local Belgian time
 * is ambiguous during the autumn fall-back hour.
 */
export function parseInstant(s: string): Instant | undefined {
  const t = parseCanonicalInstant(s);
  if (t !== undefined) return t;
  const r = parseInstantDetailed(s);
  return r.ok ? r.instant : undefined;
}

/**
 * The common shape, as formatInstant writes it ('YYYY-MM-DDTHH:MM:SS±HH:MM'), read digit by digit;
 * undefined for anything else or anything out of range, which parseInstantDetailed then reads (or
 * rejects) by the full grammar. Every range check here is one of parseInstantDetailed's.
 */
function parseCanonicalInstant(s: string): Instant | undefined {
  if (s.length !== 25) return undefined;
  const sign = s.charCodeAt(19);
  if (s.charCodeAt(4) !== 45 /* - */ || s.charCodeAt(7) !== 45 || s.charCodeAt(10) !== 84 /* T */ || s.charCodeAt(13) !== 58 /* : */ || s.charCodeAt(16) !== 58 || s.charCodeAt(22) !== 58) return undefined;
  if (sign !== 43 /* + */ && sign !== 45 /* - */) return undefined;
  const year = digitsAt(s, 0, 4);
  const month = digitsAt(s, 5, 2);
  const day = digitsAt(s, 8, 2);
  const hour = digitsAt(s, 11, 2);
  const minute = digitsAt(s, 14, 2);
  const second = digitsAt(s, 17, 2);
  const offsetHours = digitsAt(s, 20, 2);
  const offsetMinutes = digitsAt(s, 23, 2);
  if ((year | hour | minute | second | offsetHours | offsetMinutes) < 0 || month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return undefined;
  const offset = offsetHours * 60 + offsetMinutes;
  if (offsetMinutes > 59 || offset > MAX_OFFSET_MINUTES || (sign === 45 && offset === 0)) return undefined;
  const dayNumber = dayNumberOf(year, month, day);
  if (dayNumber === undefined) return undefined;
  return dayNumber * SECONDS_PER_DAY + hour * 3600 + minute * 60 + second - (sign === 45 ? -60 : 60) * offset;
}

/** The day number of a date given by parts, if it is a real calendar date; the last one asked is kept. */
function dayNumberOf(year: number, month: number, day: number): Day | undefined {
  const last = lastDate;
  if (year === last.year && month === last.month && day === last.day) return last.dayNumber;
  if (day > daysInMonth(year, month)) return undefined;
  last.year = year;
  last.month = month;
  last.day = day;
  last.dayNumber = dayFromYmd(year, month, day);
  return last.dayNumber;
}
/** Instants read one after another are often of one day. */
const lastDate = { year: NaN, month: NaN, day: NaN, dayNumber: 0 };

/**
 * A one-phrase reason why `s` is not accepted by `parseInstant`, for error messages,
 * e.g. "expected an ISO 8601 instant with a zone, such as 2026-03-29T10:15:00+02:00".
 * Meant to be called after `parseInstant` returned undefined; for a valid string it
 * returns the bare expectation phrase.
 */
export function describeInstantError(s: string): string {
  const r = parseInstantDetailed(s);
  return r.ok ? EXPECTED_INSTANT : r.reason;
}

/**
 * The instant in Brussels local time with its offset,
 * e.g. '2026-03-29T03:00:00+02:00' or '2026-01-05T10:00:00+01:00'.
 * `parseInstant(formatInstant(t)) === t` for every whole-second instant.
 */
export function formatInstant(instant: Instant): string {
  if (!Number.isSafeInteger(instant)) {
    throw new RangeError(`instant must be a whole number of seconds, got ${instant}`);
  }
  if (instant === lastFormatted.instant) return lastFormatted.text;
  const offset = brusselsOffsetSeconds(instant);
  const local = instant + offset;
  const day = Math.floor(local / SECONDS_PER_DAY);
  const secs = local - day * SECONDS_PER_DAY;
  const hh = Math.floor(secs / 3600);
  const mm = Math.floor((secs % 3600) / 60);
  const ss = secs % 60;
  const date = formatDate(day);
  const text =
    date.length === 10
      ? instantText(date, hh, mm, ss, offset)
      : `${date}T${TWO_DIGITS[hh]}:${TWO_DIGITS[mm]}:${TWO_DIGITS[ss]}+${TWO_DIGITS[offset / 3600]}:00`;
  lastFormatted.instant = instant;
  lastFormatted.text = text;
  return text;
}

/** The last instant formatted: a ledger entry and a decision often share their instant. */
const lastFormatted = { instant: NaN, text: '' };

/**
 * 'YYYY-MM-DDTHH:MM:SS+0H:00' written as character codes and made into a string in one step. Joining the
 * fields with + or a template would give a rope of eight strings, slower to build and flattened again by
 * every reader (the store parses each instant back, JSON writes it out).
 */
function instantText(date: string, hh: number, mm: number, ss: number, offset: number): string {
  const codes = INSTANT_CODES;
  for (let i = 0; i < 10; i++) codes[i] = date.charCodeAt(i);
  codes[11] = 48 + Math.floor(hh / 10);
  codes[12] = 48 + (hh % 10);
  codes[14] = 48 + Math.floor(mm / 10);
  codes[15] = 48 + (mm % 10);
  codes[17] = 48 + Math.floor(ss / 10);
  codes[18] = 48 + (ss % 10);
  codes[21] = 48 + offset / 3600;
  return String.fromCharCode.apply(null, codes);
}
/** The codes of an instant's text; the fixed characters are set once: T, the colons, '+0' and ':00'. */
const INSTANT_CODES: number[] = Array.from('0000-00-00T00:00:00+00:00', (ch) => ch.charCodeAt(0));

/**
 * The same Belgian wall-clock time `days` calendar days later: notice periods count calendar days
 * (BASE-D.10.3.1.1 "jours calendriers"), and a day across a DST switch has 23 or 25 hours.
 */
export function addCalendarDays(instant: Instant, days: number): Instant {
  const local = instant + brusselsOffsetSeconds(instant);
  const timeOfDay = ((local % 86_400) + 86_400) % 86_400;
  const targetLocal = (brusselsDayOf(instant) + days) * 86_400 + timeOfDay;
  const guess = targetLocal - 3_600;
  return targetLocal - brusselsOffsetSeconds(guess);
}
