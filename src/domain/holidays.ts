import { dayFromYmd, weekdayOfDay, ymdOfDay, type Day } from './time.ts';

/**
 * Belgian public holidays ("jours fériés légaux"), as set by the law of 4 January 1974 and the royal
 * decree of 18 April 1974: New Year's Day, Easter Monday, Labour Day (1 May), Ascension Day (Easter +
 * 39), Whit Monday (Easter + 50), National Day (21 July), Assumption (15 August), All Saints' Day
 * (1 November), Armistice Day (11 November) and Christmas Day. Working days are Monday to Friday that
 * are not one of these (BASE-B.3.1.3 counts "jours ouvrables").
 */
export function belgianHolidays(year: number): Day[] {
  const easter = easterSunday(year);
  return [
    dayFromYmd(year, 1, 1),
    easter + 1,
    dayFromYmd(year, 5, 1),
    easter + 39,
    easter + 50,
    dayFromYmd(year, 7, 21),
    dayFromYmd(year, 8, 15),
    dayFromYmd(year, 11, 1),
    dayFromYmd(year, 11, 11),
    dayFromYmd(year, 12, 25),
  ].sort((a, b) => a - b);
}

/** Gregorian Easter Sunday (the anonymous algorithm of Meeus, Jones and Butcher). */
export function easterSunday(year: number): Day {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return dayFromYmd(year, month, day);
}

const cache = new Map<number, ReadonlySet<Day>>();

export function isWorkingDay(day: Day): boolean {
  if (weekdayOfDay(day) >= 5) return false;
  const year = ymdOfDay(day).year;
  let set = cache.get(year);
  if (!set) cache.set(year, (set = new Set(belgianHolidays(year))));
  return !set.has(day);
}

/** The n-th working day after `day` (n ≥ 1; `day` itself does not count). */
export function addWorkingDays(day: Day, n: number): Day {
  let d = day;
  for (let left = n; left > 0; ) {
    d++;
    if (isWorkingDay(d)) left--;
  }
  return d;
}
