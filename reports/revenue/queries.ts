/**
 * The revenue report's questions, one SQL query each, over the store schema (src/store/schema.ts).
 * Every function takes the run it describes; only runs whose status is 'complete' are ever chosen
 * (`completeRuns`, `chooseRuns`), so rows of a running or failed run are never read.
 *
 * Revenue is what statements bill: the sum of statement line amounts (credits are negative lines).
 * Prepaid credit is never invoiced (BASE-A): it shows in `prepaidBreakage`, not in revenue.
 * Amounts are integer cents. Months and days are Belgian calendar months and days.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { roundHalfUp } from '../../src/domain/money.ts';
import { LINE_CATEGORIES, type LineCategory } from '../../src/domain/categories.ts';
import { ReportError, rows } from '../db.ts';

export interface RunInfo {
  runId: string;
  scenario: string;
  scenarioFile: string;
  variant: string;
  seed: number;
  population: number;
  startDate: string;
  months: number;
  catalog: string;
  catalogJson: string;
  termlabVersion: string;
  shard: string | null;
}

/** The complete runs, oldest first (in the order the store received them). */
export async function completeRuns(conn: DuckDBConnection): Promise<RunInfo[]> {
  return rows<RunInfo>(
    conn,
    `SELECT run_id AS "runId", scenario, scenario_file AS "scenarioFile", variant, seed, population,
            strftime(start_date, '%Y-%m-%d') AS "startDate", months, catalog, catalog_json AS "catalogJson",
            termlab_version AS "termlabVersion", shard
       FROM runs WHERE status = 'complete' ORDER BY rowid`,
  );
}

export interface RunSelection {
  /** The run the report describes. */
  run: RunInfo;
  /** The base run of the run's scenario and seed, when complete. */
  base: RunInfo | undefined;
  /** The complete what-if variants of the same scenario and seed, by name. */
  variants: RunInfo[];
}

/**
 * The run to report: `runId` when given (it must be complete), else the latest complete base run
 * (the latest complete run of any variant when there is no base). With it, the experiment it belongs
 * to: the base and the variants of the same scenario and seed.
 */
export async function chooseRuns(conn: DuckDBConnection, runId?: string): Promise<RunSelection> {
  const complete = await completeRuns(conn);
  let run: RunInfo | undefined;
  if (runId !== undefined) {
    run = complete.find((r) => r.runId === runId);
    if (!run) {
      const [found] = await rows<{ status: string }>(conn, 'SELECT status FROM runs WHERE run_id = $run', { run: runId });
      const ids = complete.map((r) => r.runId);
      const known = ids.length === 0 ? 'none' : ids.length > 8 ? `${ids.slice(-8).join(', ')} and ${ids.length - 8} older` : ids.join(', ');
      throw new ReportError(
        found
          ? `--run ${runId}: the run is ${found.status}, not complete; reports read complete runs only (complete: ${known})`
          : `--run ${runId}: no such run (complete: ${known})`,
      );
    }
  } else {
    run = complete.filter((r) => r.variant === 'base').at(-1) ?? complete.at(-1);
    if (!run) throw new ReportError('no complete run in the database (a running or failed run is never reported)');
  }
  const same = complete.filter((r) => r.scenario === run.scenario && r.seed === run.seed);
  return {
    run,
    base: same.find((r) => r.variant === 'base'),
    variants: same.filter((r) => r.variant !== 'base').sort((a, b) => a.variant.localeCompare(b.variant)),
  };
}

/** How a statement line category counts in the report's coarse groups. */
export const CATEGORY_GROUP: Readonly<Record<LineCategory, RevenueGroup>> = {
  connection_fee: 'fees',
  subscription_fee: 'fees',
  option_fee: 'fees',
  national_usage: 'usage',
  international_usage: 'usage',
  roaming_usage: 'usage',
  special_numbers: 'usage',
  third_party: 'usage',
  equipment: 'account',
  late_payment: 'account',
  reactivation_fee: 'account',
  termination_fee: 'account',
  device_residual: 'account',
  credit: 'credits',
};
export const REVENUE_GROUPS = ['fees', 'usage', 'account', 'credits'] as const;
export type RevenueGroup = (typeof REVENUE_GROUPS)[number];

function groupCase(column: string): string {
  const whens = LINE_CATEGORIES.map((c) => `WHEN '${c}' THEN '${CATEGORY_GROUP[c]}'`).join(' ');
  return `CASE ${column} ${whens} ELSE 'account' END`;
}

export interface CategoryRevenue {
  category: string;
  lines: number;
  amountCents: number;
}

/** Revenue by statement line category (BASE-D.8.1 headings), largest first. */
export async function revenueByCategory(conn: DuckDBConnection, runId: string): Promise<CategoryRevenue[]> {
  return rows<CategoryRevenue>(
    conn,
    `SELECT category, count(*)::BIGINT AS lines, sum(amount_cents)::BIGINT AS "amountCents"
       FROM statement_lines WHERE run_id = $run
      GROUP BY category ORDER BY "amountCents" DESC, category`,
    { run: runId },
  );
}

export interface SegmentRevenue {
  /** The plan id, or the persona (personas joined with '+'). */
  key: string;
  subscribers: number;
  subscriberMonths: number;
  amountCents: number;
  feesCents: number;
  usageCents: number;
  accountCents: number;
  creditsCents: number;
  /** amountCents / subscriberMonths, rounded half up to the cent; null without a billed month. */
  arpuCents: number | null;
}

async function revenueBy(conn: DuckDBConnection, runId: string, column: 'plan' | 'persona'): Promise<SegmentRevenue[]> {
  const found = await rows<Omit<SegmentRevenue, 'arpuCents'>>(
    conn,
    `WITH lines AS (
       SELECT subscriber_id, period_start, amount_cents, ${groupCase('category')} AS grp
         FROM statement_lines WHERE run_id = $run
     ), per_subscriber AS (
       SELECT s.subscriber_id, s.${column} AS key,
              count(DISTINCT date_trunc('month', l.period_start)) AS months,
              coalesce(sum(l.amount_cents), 0) AS amount,
              coalesce(sum(l.amount_cents) FILTER (WHERE l.grp = 'fees'), 0) AS fees,
              coalesce(sum(l.amount_cents) FILTER (WHERE l.grp = 'usage'), 0) AS usage,
              coalesce(sum(l.amount_cents) FILTER (WHERE l.grp = 'account'), 0) AS account,
              coalesce(sum(l.amount_cents) FILTER (WHERE l.grp = 'credits'), 0) AS credits
         FROM subscribers s LEFT JOIN lines l ON l.subscriber_id = s.subscriber_id
        WHERE s.run_id = $run
        GROUP BY s.subscriber_id, s.${column}
     )
     SELECT key, count(*)::BIGINT AS subscribers, sum(months)::BIGINT AS "subscriberMonths",
            sum(amount)::BIGINT AS "amountCents", sum(fees)::BIGINT AS "feesCents", sum(usage)::BIGINT AS "usageCents",
            sum(account)::BIGINT AS "accountCents", sum(credits)::BIGINT AS "creditsCents"
       FROM per_subscriber GROUP BY key ORDER BY "amountCents" DESC, key`,
    { run: runId },
  );
  return found.map((r) => ({ ...r, arpuCents: r.subscriberMonths > 0 ? roundHalfUp(r.amountCents, r.subscriberMonths) : null }));
}

/** Revenue by plan, split into fees, usage, account fees and credits; with subscribers and ARPU. */
export function revenueByPlan(conn: DuckDBConnection, runId: string): Promise<SegmentRevenue[]> {
  return revenueBy(conn, runId, 'plan');
}

/** Revenue by persona (a subscriber with several personas counts once, under their joined name). */
export function revenueByPersona(conn: DuckDBConnection, runId: string): Promise<SegmentRevenue[]> {
  return revenueBy(conn, runId, 'persona');
}

/**
 * Subscriber-months: a subscriber and a Belgian calendar month in which one of their billed service
 * periods starts (a statement line's period_start). Their revenue is the sum of those lines.
 */
const SUBSCRIBER_MONTHS = `
  SELECT subscriber_id, date_trunc('month', period_start) AS month, sum(amount_cents)::BIGINT AS amount
    FROM statement_lines WHERE run_id = $run GROUP BY ALL`;

export interface ArpuSummary {
  subscriberMonths: number;
  revenueCents: number;
  /** Average revenue per subscriber-month, rounded half up to the cent; null without one. */
  arpuCents: number | null;
  minCents: number | null;
  p10Cents: number | null;
  p25Cents: number | null;
  medianCents: number | null;
  p75Cents: number | null;
  p90Cents: number | null;
  p99Cents: number | null;
  maxCents: number | null;
}

/** ARPU per subscriber-month and its quantiles (actual subscriber-month amounts: quantile_disc). */
export async function arpu(conn: DuckDBConnection, runId: string): Promise<ArpuSummary> {
  const [r] = await rows<{ n: number; total: number | null; q: number[] | null; lo: number | null; hi: number | null }>(
    conn,
    `WITH sm AS (${SUBSCRIBER_MONTHS})
     SELECT count(*)::BIGINT AS n, sum(amount)::BIGINT AS total, min(amount) AS lo, max(amount) AS hi,
            quantile_disc(amount, [0.1, 0.25, 0.5, 0.75, 0.9, 0.99]) AS q
       FROM sm`,
    { run: runId },
  );
  const n = r?.n ?? 0;
  const q = (i: number) => r?.q?.[i] ?? null;
  return {
    subscriberMonths: n,
    revenueCents: r?.total ?? 0,
    arpuCents: n > 0 ? roundHalfUp(r?.total ?? 0, n) : null,
    minCents: r?.lo ?? null,
    p10Cents: q(0),
    p25Cents: q(1),
    medianCents: q(2),
    p75Cents: q(3),
    p90Cents: q(4),
    p99Cents: q(5),
    maxCents: r?.hi ?? null,
  };
}

export interface ArpuBin {
  /** The bin holds subscriber-months with fromCents ≤ amount < toCents (any amount ≥ fromCents when `open`). */
  fromCents: number;
  toCents: number;
  count: number;
  open: boolean;
}

/**
 * The distribution of revenue per subscriber-month as a histogram of 20 to 40 bins of a round width;
 * the top 1 % goes into a last open bin so that a few heavy users do not squash the rest.
 */
export async function arpuDistribution(conn: DuckDBConnection, runId: string, summary?: ArpuSummary): Promise<ArpuBin[]> {
  const s = summary ?? (await arpu(conn, runId));
  if (s.subscriberMonths === 0 || s.minCents === null || s.p99Cents === null || s.maxCents === null) return [];
  const width = niceStep(Math.max(s.p99Cents - s.minCents, 1) / 40);
  const first = Math.floor(s.minCents / width);
  const last = Math.floor(s.p99Cents / width);
  const found = await rows<{ bin: number; count: number }>(
    conn,
    `WITH sm AS (${SUBSCRIBER_MONTHS})
     SELECT least(floor(amount / ${width}), ${last})::BIGINT AS bin, count(*)::BIGINT AS count FROM sm GROUP BY bin ORDER BY bin`,
    { run: runId },
  );
  const counts = new Map(found.map((r) => [r.bin, r.count]));
  const bins: ArpuBin[] = [];
  for (let b = first; b <= last; b++) {
    bins.push({ fromCents: b * width, toCents: (b + 1) * width, count: counts.get(b) ?? 0, open: b === last && s.maxCents >= (b + 1) * width });
  }
  return bins;
}

/** A round bin width in cents (1, 2, 2.5 or 5 × a power of ten, at least €1): the smallest not below `raw`. */
export function niceStep(raw: number): number {
  const target = Math.max(raw, 100);
  const power = 10 ** Math.floor(Math.log10(target));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * power >= target) return m * power;
  return 10 * power;
}

export interface PrepaidBreakage {
  plan: string;
  subscribers: number;
  toppedUpCents: number;
  usedCents: number;
  lapsedCents: number;
  refundedCents: number;
  /** lapsedCents / toppedUpCents; null when nothing was topped up. */
  breakage: number | null;
}

/** Prepaid credit by plan: topped up, used, lapsed (breakage: BASE-B.2.2, D.11.4) and refunded (B.1.2.3). */
export async function prepaidBreakage(conn: DuckDBConnection, runId: string): Promise<PrepaidBreakage[]> {
  const found = await rows<Omit<PrepaidBreakage, 'breakage'>>(
    conn,
    `SELECT s.plan, count(DISTINCT l.subscriber_id)::BIGINT AS subscribers,
            coalesce(sum(abs(l.amount_cents)) FILTER (WHERE l.kind = 'prepaid_top_up'), 0)::BIGINT AS "toppedUpCents",
            coalesce(sum(abs(l.amount_cents)) FILTER (WHERE l.kind = 'prepaid_use'), 0)::BIGINT AS "usedCents",
            coalesce(sum(abs(l.amount_cents)) FILTER (WHERE l.kind = 'prepaid_lapse'), 0)::BIGINT AS "lapsedCents",
            coalesce(sum(abs(l.amount_cents)) FILTER (WHERE l.kind = 'prepaid_refund'), 0)::BIGINT AS "refundedCents"
       FROM ledger l JOIN subscribers s ON s.run_id = l.run_id AND s.subscriber_id = l.subscriber_id
      WHERE l.run_id = $run AND starts_with(l.kind, 'prepaid_')
      GROUP BY s.plan ORDER BY s.plan`,
    { run: runId },
  );
  return found.map((r) => ({ ...r, breakage: r.toppedUpCents > 0 ? r.lapsedCents / r.toppedUpCents : null }));
}

export interface Incidence {
  /** A plan id, or '(all)' for the whole run (the last row). */
  plan: string;
  subscriberPeriods: number;
  throttled: number;
  paused: number;
}

/**
 * Throttling and pause incidence: the share of subscriber-periods (a subscriber and one of their
 * billing periods) with at least one throttle (CLIC-2.1, 2.3) or pause (CLIC-2.3) decision. A
 * subscriber's periods are those the store shows: the start of a subscription fee line or of a usage
 * row; a decision falls in the latest period that started on or before its Brussels day.
 */
export async function throttlePauseIncidence(conn: DuckDBConnection, runId: string): Promise<Incidence[]> {
  return rows<Incidence>(
    conn,
    `WITH periods AS (
       SELECT subscriber_id, period_start FROM statement_lines WHERE run_id = $run AND category = 'subscription_fee'
       UNION
       SELECT subscriber_id, period_start FROM usage WHERE run_id = $run
     ), d AS (
       SELECT subscriber_id, kind, "at"::DATE AS day FROM decisions WHERE run_id = $run AND kind IN ('throttle', 'pause')
     ), hit AS (
       SELECT p.subscriber_id, p.period_start,
              bool_or(d.kind = 'throttle') AS throttled, bool_or(d.kind = 'pause') AS paused
         FROM d ASOF JOIN periods p ON d.subscriber_id = p.subscriber_id AND d.day >= p.period_start
        GROUP BY ALL
     )
     SELECT coalesce(s.plan, '(all)') AS plan, count(*)::BIGINT AS "subscriberPeriods",
            count(*) FILTER (WHERE h.throttled)::BIGINT AS throttled,
            count(*) FILTER (WHERE h.paused)::BIGINT AS paused
       FROM periods p
       JOIN subscribers s ON s.run_id = $run AND s.subscriber_id = p.subscriber_id
       LEFT JOIN hit h ON h.subscriber_id = p.subscriber_id AND h.period_start = p.period_start
      GROUP BY ROLLUP (s.plan) ORDER BY s.plan IS NULL, s.plan`,
    { run: runId },
  );
}

export interface MonthCount {
  /** 'YYYY-MM', Belgian calendar month. */
  month: string;
  kind: 'suspension' | 'termination';
  count: number;
}

/**
 * Suspensions and terminations by the Belgian month they take effect, every month of the run's horizon
 * listed (with zeros), plus any month outside it that has one.
 */
export async function suspensionsAndTerminations(conn: DuckDBConnection, runId: string): Promise<MonthCount[]> {
  return rows<MonthCount>(
    conn,
    `WITH horizon AS (
       SELECT strftime(start_date + to_months(i::INTEGER), '%Y-%m') AS month
         FROM runs, range(months) t(i) WHERE run_id = $run
     ), counted AS (
       SELECT strftime("at", '%Y-%m') AS month, kind, count(*)::BIGINT AS count
         FROM decisions WHERE run_id = $run AND kind IN ('suspension', 'termination') GROUP BY ALL
     ), months AS (SELECT month FROM horizon UNION SELECT month FROM counted)
     SELECT m.month, k.kind, coalesce(c.count, 0)::BIGINT AS count
       FROM months m CROSS JOIN (VALUES ('suspension'), ('termination')) k(kind)
       LEFT JOIN counted c ON c.month = m.month AND c.kind = k.kind
      ORDER BY m.month, k.kind`,
    { run: runId },
  );
}

export interface ClauseMoney {
  clause: string;
  lines: number;
  /** The sum of the amounts of the lines citing the clause (credits count negative). */
  netCents: number;
  /** The sum of their absolute amounts: the money the clause moved either way. */
  grossCents: number;
}

/**
 * The clause ids that moved the most money: each statement line's amount counted for every clause it
 * cites (so the column does not add up to the revenue), ranked by gross amount.
 */
export async function clausesByMoney(conn: DuckDBConnection, runId: string, limit = 15): Promise<ClauseMoney[]> {
  return rows<ClauseMoney>(
    conn,
    `SELECT clause, count(*)::BIGINT AS lines, sum(amount_cents)::BIGINT AS "netCents", sum(abs(amount_cents))::BIGINT AS "grossCents"
       FROM (SELECT unnest(list_distinct(clauses)) AS clause, amount_cents FROM statement_lines WHERE run_id = $run)
      GROUP BY clause ORDER BY "grossCents" DESC, clause LIMIT ${Math.trunc(limit)}`,
    { run: runId },
  );
}

export interface CategoryDelta {
  category: string;
  baseCents: number;
  variantCents: number;
  deltaCents: number;
}

export interface WhatIfDeltas {
  baseCents: number;
  variantCents: number;
  deltaCents: number;
  /** Subscribers in either run, and those whose billed amount differs. */
  subscribers: number;
  subscribersChanged: number;
  byCategory: CategoryDelta[];
}

/** A variant against its base (same scenario and seed, so the same population): revenue deltas, in total and by category. */
export async function whatIfDeltas(conn: DuckDBConnection, baseId: string, variantId: string): Promise<WhatIfDeltas> {
  const params = { base: baseId, variant: variantId };
  const byCategory = await rows<CategoryDelta>(
    conn,
    `WITH b AS (SELECT category, sum(amount_cents) AS c FROM statement_lines WHERE run_id = $base GROUP BY category),
          v AS (SELECT category, sum(amount_cents) AS c FROM statement_lines WHERE run_id = $variant GROUP BY category)
     SELECT coalesce(b.category, v.category) AS category, coalesce(b.c, 0)::BIGINT AS "baseCents",
            coalesce(v.c, 0)::BIGINT AS "variantCents", (coalesce(v.c, 0) - coalesce(b.c, 0))::BIGINT AS "deltaCents"
       FROM b FULL JOIN v ON b.category = v.category
      ORDER BY abs("deltaCents") DESC, category`,
    params,
  );
  const [counts] = await rows<{ subscribers: number; changed: number }>(
    conn,
    `SELECT count(*)::BIGINT AS subscribers,
            count(*) FILTER (WHERE coalesce(b.billed_cents, 0) <> coalesce(v.billed_cents, 0))::BIGINT AS changed
       FROM (SELECT * FROM subscribers WHERE run_id = $base) b
       FULL JOIN (SELECT * FROM subscribers WHERE run_id = $variant) v ON b.subscriber_id = v.subscriber_id`,
    params,
  );
  const baseCents = byCategory.reduce((a, r) => a + r.baseCents, 0);
  const variantCents = byCategory.reduce((a, r) => a + r.variantCents, 0);
  return {
    baseCents,
    variantCents,
    deltaCents: variantCents - baseCents,
    subscribers: counts?.subscribers ?? 0,
    subscribersChanged: counts?.changed ?? 0,
    byCategory,
  };
}

export interface AffectedSubscriber {
  subscriberId: string;
  name: string | null;
  company: string | null;
  persona: string;
  plan: string;
  baseCents: number;
  variantCents: number;
  deltaCents: number;
}

/** The subscribers whose billed amount moves most between base and variant (largest absolute difference). */
export async function mostAffected(conn: DuckDBConnection, baseId: string, variantId: string, limit = 10): Promise<AffectedSubscriber[]> {
  return rows<AffectedSubscriber>(
    conn,
    `SELECT coalesce(b.subscriber_id, v.subscriber_id) AS "subscriberId", coalesce(b.name, v.name) AS name,
            coalesce(b.company, v.company) AS company, coalesce(b.persona, v.persona) AS persona,
            coalesce(b.plan, v.plan) AS plan,
            coalesce(b.billed_cents, 0)::BIGINT AS "baseCents", coalesce(v.billed_cents, 0)::BIGINT AS "variantCents",
            (coalesce(v.billed_cents, 0) - coalesce(b.billed_cents, 0))::BIGINT AS "deltaCents"
       FROM (SELECT * FROM subscribers WHERE run_id = $base) b
       FULL JOIN (SELECT * FROM subscribers WHERE run_id = $variant) v ON b.subscriber_id = v.subscriber_id
      WHERE coalesce(v.billed_cents, 0) <> coalesce(b.billed_cents, 0)
      ORDER BY abs("deltaCents") DESC, "subscriberId" LIMIT ${Math.trunc(limit)}`,
    { base: baseId, variant: variantId },
  );
}
