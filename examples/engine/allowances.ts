/**
 * The pack's flat allowance of one service for one period, shared by all the pack's lines
 * (CLIC-2.1, CLIC-2.4), with the rollover of BASE-D.7.2: the unused part of a period's own allowance
 * carries to the next period only, where the new allowance is used first and the carried part after.
 */

/**
 * DELIBERATE DEFECT for the demo (breaks BASE-D.7.2): the minutes carried over from last month are used
 * before the new month's allowance. The month's total is the same, but more of the new allowance is
 * left unused, so more is carried into the month after: 120 min/month, 0 used in March, 150 min in April
 * and May → the terms bill 30 min in May (€4.50); this engine carries 90 min into May and bills €0.00.
 * Set to false for a correct engine.
 */
export const USE_CARRIED_OVER_FIRST = true;

export class AllowancePool {
  private freshLeft: number;
  private carriedLeft: number;

  /** `fresh`: this period's (prorated) allowance; `carried`: what the previous period left over. */
  constructor(readonly fresh: number, readonly carried: number) {
    this.freshLeft = fresh;
    this.carriedLeft = carried;
  }

  get left(): number {
    return this.freshLeft + this.carriedLeft;
  }

  /** Takes up to `wanted` units; returns how many the pool covered. */
  take(wanted: number): number {
    let covered = 0;
    const takeFresh = (): void => {
      const n = Math.min(wanted - covered, this.freshLeft);
      this.freshLeft -= n;
      covered += n;
    };
    const takeCarried = (): void => {
      const n = Math.min(wanted - covered, this.carriedLeft);
      this.carriedLeft -= n;
      covered += n;
    };
    if (USE_CARRIED_OVER_FIRST) {
      takeCarried();
      takeFresh();
    } else {
      takeFresh();
      takeCarried();
    }
    return covered;
  }

  /** What carries into the next period: the unused part of this period's own allowance (the carried part lapses). */
  carryOver(): number {
    return this.freshLeft;
  }
}
