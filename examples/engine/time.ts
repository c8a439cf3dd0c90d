/**
 * Calendar and clock for the example engine, written from scratch: instants are whole seconds since
 * 1970-01-01T00:00Z, days are whole days since 1970-01-01 (a Belgian civil date). Belgian time is
 * UTC+1, or UTC+2 from the last Sunday of March 01:00 UTC to the last Sunday of October 01:00 UTC
 * (Directive 2000/84/EC). Only UTC functions of Date are used, never the machine's zone.
 */

export type Instant = number;
export type Day = number;

const SECONDS_PER_DAY = 86_400;
const INSTANT_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?(Z|([+-])(\d{2}):(\d{2}))$/;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function dayOf(year: number, month: number, day: number): Day {
  return Math.round(Date.UTC(year, month - 1, day) / 86_400_000);
}

export function ymd(day: Day): { year: number; month: number; day: number } {
  const d = new Date(day * 86_400_000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

function validYmd(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const back = ymd(dayOf(y, m, d));
  return back.year === y && back.month === m && back.day === d;
}

export function parseDay(s: string): Day | undefined {
  const m = DATE_RE.exec(s);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return validYmd(y, mo, d) ? dayOf(y, mo, d) : undefined;
}

export function parseInstant(s: string): Instant | undefined {
  const m = INSTANT_RE.exec(s);
  if (!m) return undefined;
  const [y, mo, d, h, mi, se] = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? '0')];
  if (!validYmd(y, mo, d) || h > 23 || mi > 59 || se > 59) return undefined;
  let offset = 0;
  if (m[7] !== 'Z') {
    const oh = Number(m[9]);
    const om = Number(m[10]);
    if (oh > 18 || om > 59) return undefined;
    offset = (m[8] === '-' ? -1 : 1) * (oh * 3600 + om * 60);
  }
  return dayOf(y, mo, d) * SECONDS_PER_DAY + h * 3600 + mi * 60 + se - offset;
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

export function formatDay(day: Day): string {
  const { year, month, day: d } = ymd(day);
  return `${pad(year, 4)}-${pad(month)}-${pad(d)}`;
}

function lastSundayOf(year: number, month: number): Day {
  const last = dayOf(year, month + 1, 0);
  const weekday = (last + 4) % 7; // 1970-01-01 was a Thursday; 0 = Sunday
  return last - weekday;
}

/** Hours Belgium is ahead of UTC at instant t. */
export function brusselsOffsetHours(t: Instant): 1 | 2 {
  const year = new Date(t * 1000).getUTCFullYear();
  const summerFrom = lastSundayOf(year, 3) * SECONDS_PER_DAY + 3600;
  const summerTo = lastSundayOf(year, 10) * SECONDS_PER_DAY + 3600;
  return t >= summerFrom && t < summerTo ? 2 : 1;
}

/** 00:00 Brussels time on `day`. */
export function brusselsMidnight(day: Day): Instant {
  const summer = day * SECONDS_PER_DAY - 7200;
  return brusselsOffsetHours(summer) === 2 ? summer : day * SECONDS_PER_DAY - 3600;
}

/** The Belgian civil date of instant t. */
export function brusselsDay(t: Instant): Day {
  return Math.floor((t + brusselsOffsetHours(t) * 3600) / SECONDS_PER_DAY);
}

/** ISO 8601 in Belgian time, e.g. 2026-04-01T08:00:00+02:00. */
export function formatBrussels(t: Instant): string {
  const off = brusselsOffsetHours(t);
  const local = t + off * 3600;
  const day = Math.floor(local / SECONDS_PER_DAY);
  const s = local - day * SECONDS_PER_DAY;
  return `${formatDay(day)}T${pad(Math.floor(s / 3600))}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}+0${off}:00`;
}
