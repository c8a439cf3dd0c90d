/**
 * Calendar helpers for placing life events: months added to a date, Belgian working days, instants on
 * a Brussels day. Pure integer arithmetic over the domain's `Day` and `Instant`.
 */
import { addWorkingDays as domainAddWorkingDays, belgianHolidays as domainHolidays, isWorkingDay as domainIsWorkingDay } from '../src/domain/holidays.ts';
import { dayFromYmd, daysInMonth, weekdayOfDay, ymdOfDay, type Day, type Instant } from '../src/domain/time.ts';

/** The same day of the month `months` later, clamped to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(day: Day, months: number): Day {
  const { year, month, day: d } = ymdOfDay(day);
  const m0 = year * 12 + (month - 1) + months;
  const y = Math.floor(m0 / 12);
  const m = (m0 % 12 + 12) % 12 + 1;
  return dayFromYmd(y, m, Math.min(d, daysInMonth(y, m)));
}

/** Belgium's ten legal public holidays (the domain's list: law of 4 January 1974). */
export const belgianHolidays = domainHolidays;
/** Monday to Friday and not a Belgian public holiday (BASE-B.3.1.3 "jours ouvrables"). */
export const isWorkingDay = domainIsWorkingDay;
/** The `n`-th working day after `day` (n ≥ 1; `day` itself does not count). */
export const addWorkingDays = domainAddWorkingDays;

const SECONDS_PER_DAY = 86_400;
/** Per year: the day numbers of the last Sundays of March and October (EU summer time, Directive 2000/84/EC). */
const summerCache = new Map<number, readonly [Day, Day]>();

let lastYear = NaN;
let lastSummer: readonly [Day, Day] = [0, 0];

/**
 * The year's switch days. No closure in here: a closure over `year` would make every call allocate a
 * context for it, even the calls answered from the cache (and this runs for every day of every subscriber).
 */
function summerDays(year: number): readonly [Day, Day] {
  // The year asked for is nearly always the last one (the expander asks for every day in turn).
  if (year === lastYear) return lastSummer;
  let s = summerCache.get(year);
  if (!s) summerCache.set(year, (s = [lastSunday(year, 3), lastSunday(year, 10)]));
  lastYear = year;
  lastSummer = s;
  return s;
}

function lastSunday(year: number, month: number): Day {
  const last = dayFromYmd(year, month, daysInMonth(year, month));
  return last - ((weekdayOfDay(last) + 1) % 7);
}

/**
 * 00:00 Brussels on `day`, as `brusselsMidnight` gives it, with the year's switch days cached: midnight is
 * in summer time from the day after the last Sunday of March to the last Sunday of October included.
 */
export function midnight(day: Day): Instant {
  const summer = summerDays(yearOf(day));
  return day * SECONDS_PER_DAY - (day > summer[0] && day <= summer[1] ? 7_200 : 3_600);
}

let cachedYear = 0;
let cachedFrom = 1;
let cachedTo = 0;
function yearOf(day: Day): number {
  if (day >= cachedFrom && day < cachedTo) return cachedYear;
  const y = ymdOfDay(day).year;
  cachedYear = y;
  cachedFrom = dayFromYmd(y, 1, 1);
  cachedTo = dayFromYmd(y + 1, 1, 1);
  return y;
}

/** The days of a horizon as the usage expander walks them: each day's midnight (and the next), and weekends. */
export interface HorizonDays {
  /** Midnight of day `start + i`, for i = 0 … days (the last one ends the horizon). */
  readonly midnights: Float64Array;
  /** 1 on Saturdays and Sundays. */
  readonly weekend: Uint8Array;
}

const HORIZONS = new Map<number, HorizonDays>();

/**
 * The days from `start` for `days` days, made once per horizon and shared: a population's subscribers
 * start on a few dozen days and end on the same one, and the expander reads every day of each of them.
 */
export function horizonDays(start: Day, days: number): HorizonDays {
  const key = start * 16_384 + days;
  let h = HORIZONS.get(key);
  if (h === undefined) {
    const midnights = new Float64Array(days + 1);
    const weekend = new Uint8Array(days);
    for (let i = 0; i <= days; i++) midnights[i] = midnight(start + i);
    for (let i = 0; i < days; i++) weekend[i] = weekdayOfDay(start + i) >= 5 ? 1 : 0;
    if (HORIZONS.size >= 1_024) HORIZONS.clear();
    HORIZONS.set(key, (h = { midnights, weekend }));
  }
  return h;
}

/** The instant `seconds` after 00:00 Brussels on `day`, kept inside that day. */
export function instantOn(day: Day, seconds: number): Instant {
  const start = midnight(day);
  const length = midnight(day + 1) - start;
  return start + Math.max(0, Math.min(length - 1, Math.floor(seconds)));
}
