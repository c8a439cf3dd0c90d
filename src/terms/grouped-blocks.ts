/**
 * Blocked records grouped by the state that blocks them. A state that lasts (a suspension, a lost SIM, a
 * SIM box, an ended line, a prepaid line without credit until its next top-up) can refuse thousands of
 * records: it is one `blocked` decision per state, billing period, line and service, made at the first of
 * them and carrying the quantity of them all. rating.ts and prepaid.ts key their states; this keeps the
 * groups and words their details.
 */
import type { DecisionT } from '../domain/outcome.ts';

export class GroupedBlocks {
  private readonly groups = new Map<string, { readonly d: DecisionT; records: number; readonly until: string }>();

  /** Adds a record of `quantity` to the group `key`; false when there is no such group yet (then `open` it). */
  add(key: string, quantity: number): boolean {
    const g = this.groups.get(key);
    if (!g) return false;
    g.d.quantity = g.d.quantity! + quantity;
    g.records++;
    return true;
  }

  /** Starts group `key` with decision `d`, the first record's; `until` says where the state ends, in words. */
  open(key: string, d: DecisionT, until: string): void {
    this.groups.set(key, { d, records: 1, until });
  }

  /** Says in each group's detail how many records it stands for (a group of one reads as a single record). */
  finish(): void {
    for (const { d, records, until } of this.groups.values()) if (records > 1) d.detail = `${d.detail} (${records} records from this one to ${until})`;
  }
}
