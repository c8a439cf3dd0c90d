import { escapeHtml } from '../html.ts';
import { formatEuros, type Cents } from '../../src/domain/money.ts';
import { formatInstant, parseInstant } from '../../src/domain/time.ts';

export const esc = (s: unknown): string => escapeHtml(String(s));

export const euros = (cents: number): string => formatEuros(cents as Cents);

/** An instant in Belgian time, "2026-03-29 10:15:00 CEST"; the text as given when it is not an instant. */
export function belgianTime(at: string): string {
  const instant = parseInstant(at);
  if (instant === undefined) return at;
  const s = formatInstant(instant);
  return `${s.slice(0, 10)} ${s.slice(11, 19)} ${s.endsWith('+02:00') ? 'CEST' : 'CET'}`;
}

/** Seconds as "1 h 02 min 05 s", "3 min 20 s", "45 s". */
export function duration(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  if (h > 0) return `${h} h ${String(m).padStart(2, '0')} min ${String(s).padStart(2, '0')} s`;
  if (m > 0) return `${m} min ${String(s).padStart(2, '0')} s`;
  return `${s} s`;
}

/** Bytes in decimal units, as the terms count them (300 GB = 300 × 10⁹ bytes). */
export function volume(bytes: number): string {
  const units: Array<[number, string]> = [
    [1e12, 'TB'],
    [1e9, 'GB'],
    [1e6, 'MB'],
    [1e3, 'kB'],
  ];
  for (const [size, unit] of units) if (bytes >= size) return `${(bytes / size).toFixed(bytes % size === 0 ? 0 : 2)} ${unit}`;
  return `${bytes} B`;
}

export const humanize = (s: string): string => s.replace(/_/g, ' ');
