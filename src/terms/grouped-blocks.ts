/**
 * Blocked records grouped by the state that blocks them. A state that lasts (a suspension, a lost SIM, a
 * SIM box, a CLIC-2.3 pause, an ended line, a prepaid line without credit until its next top-up) can
 * refuse thousands of records: it is one `blocked` decision per state, billing period, line and service,
 * made at the first of them (`at`), until the last of them (`until`, when there are several), and
 * carrying the quantity of them all. `until` lets `termlab check` compare an engine that reports each
 * blocked record on its own (compare.ts). rating.ts and prepaid.ts key their states; this keeps the
 * groups and words their details.
 */
import type { DecisionT } from '../domain/outcome.ts';
import { formatInstant, type Instant } from '../domain/time.ts';

export class GroupedBlocks {
  private readonly groups = new Map<string, { readonly d: DecisionT; records: number; last: Instant; readonly ends: string }>();

  /** Adds a record at `at` of `quantity` to the group `key`; false when there is no such group yet (then `open` it). */
  add(key: string, at: Instant, quantity: number): boolean {
    const g = this.groups.get(key);
    if (!g) return false;
    g.d.quantity = g.d.quantity! + quantity;
    g.records++;
    if (at > g.last) g.last = at;
    return true;
  }

  /** Starts group `key` with decision `d`, the first record's (at `at`); `ends` says where the state ends, in words. */
  open(key: string, at: Instant, d: DecisionT, ends: string): void {
    this.groups.set(key, { d, records: 1, last: at, ends });
  }

  /** Says in each group's detail how many records it stands for, and sets `until` to the last (a group of one reads as a single record). */
  finish(): void {
    for (const { d, records, last, ends } of this.groups.values()) {
      if (records === 1) continue;
      d.detail = `${d.detail} (${records} records from this one to ${ends})`;
      d.until = formatInstant(last);
    }
  }
}
