/**
 * The DuckDB schema of a simulation store (`out/termlab.duckdb` by default). One row per run in `runs`;
 * every other table carries `run_id`, so several runs (a scenario's base and its what-if variants, or
 * different seeds) live side by side. Reports read only runs whose status is 'complete'.
 *
 * A what-if run stores only the subscribers it rated: the others have exactly the base run's outcome
 * (src/run/catalog-reads.ts), so `reused_subscribers` lists them instead of a second copy of their rows.
 * Each data table is therefore a view (`statements`, …) over its stored rows (`rated.statements`, …) plus,
 * for every reused subscriber, the rows of the run it reuses under its own run_id. Readers query the views;
 * only the writer touches schema `rated`.
 *
 * Amounts are integer cents (BIGINT); quantities are in their unit (seconds, SMS, bytes, days);
 * instants are TIMESTAMPTZ (UTC inside DuckDB; shown in Belgian time by the reports); dates are DATE.
 */
export const SCHEMA_VERSION = 2;

/** The data tables, in the order a run is written and deleted. */
export const DATA_TABLES = ['subscribers', 'statements', 'statement_lines', 'decisions', 'usage', 'ledger', 'usage_records'] as const;

export type DataTable = (typeof DATA_TABLES)[number];

/** The schema of the stored rows (`rated.<table>`); the data tables of `main` are views over them. */
export const RATED = 'rated';

/** Each data table's columns, stored in `rated.<table>` and shown with the same names by the view `<table>`. */
export const TABLE_DDL: Readonly<Record<DataTable, string>> = {
  subscribers: `    run_id VARCHAR NOT NULL,
    subscriber_id VARCHAR NOT NULL,
    idx INTEGER NOT NULL,                -- position in the population (what seeds the subscriber)
    persona VARCHAR NOT NULL,            -- personas joined with '+', e.g. 'summer-roamer+late-payer'
    family VARCHAR NOT NULL,
    plan VARCHAR NOT NULL,
    lines INTEGER NOT NULL,
    name VARCHAR,
    company VARCHAR,
    city VARCHAR,
    activated_on DATE,
    ended_on DATE,
    end_reason VARCHAR,
    billed_cents BIGINT NOT NULL,
    owed_cents BIGINT NOT NULL,
    prepaid_credit_cents BIGINT NOT NULL`,
  statements: `    run_id VARCHAR NOT NULL,
    subscriber_id VARCHAR NOT NULL,
    statement_index INTEGER NOT NULL,
    issued_on DATE NOT NULL,
    due_on DATE NOT NULL,
    total_cents BIGINT NOT NULL`,
  statement_lines: `    run_id VARCHAR NOT NULL,
    subscriber_id VARCHAR NOT NULL,
    statement_index INTEGER NOT NULL,
    line_no INTEGER NOT NULL,
    category VARCHAR NOT NULL,           -- BASE-D.8.1 categories (src/domain/categories.ts)
    tariff VARCHAR,                      -- the catalog tariff of a usage line
    description VARCHAR NOT NULL,
    period_start DATE NOT NULL,
    period_end DATE NOT NULL,
    quantity DOUBLE NOT NULL,
    unit VARCHAR NOT NULL,
    amount_cents BIGINT NOT NULL,
    clauses VARCHAR[] NOT NULL,
    assumed BOOLEAN NOT NULL`,
  decisions: `    run_id VARCHAR NOT NULL,
    subscriber_id VARCHAR NOT NULL,
    seq INTEGER NOT NULL,
    kind VARCHAR NOT NULL,               -- throttle, pause, alert, blocked, suspension, termination, flag, …
    "at" TIMESTAMPTZ NOT NULL,          -- quoted: AT is a reserved word in DuckDB 1.5
    until TIMESTAMPTZ,
    line VARCHAR,
    service VARCHAR,
    zone VARCHAR,
    quantity DOUBLE,
    amount_cents BIGINT,
    detail VARCHAR NOT NULL,
    clauses VARCHAR[] NOT NULL,
    assumed BOOLEAN NOT NULL`,
  usage: `    run_id VARCHAR NOT NULL,
    subscriber_id VARCHAR NOT NULL,
    period INTEGER NOT NULL,
    period_start DATE NOT NULL,
    line VARCHAR NOT NULL,
    service VARCHAR NOT NULL,            -- call, sms, data
    zone VARCHAR NOT NULL,               -- origin zone: BE, EU, WORLD
    unit VARCHAR NOT NULL,
    included DOUBLE NOT NULL,
    billed DOUBLE NOT NULL,
    throttled DOUBLE NOT NULL,
    blocked DOUBLE NOT NULL,
    free DOUBLE NOT NULL`,
  ledger: `    run_id VARCHAR NOT NULL,
    subscriber_id VARCHAR NOT NULL,
    seq INTEGER NOT NULL,
    "at" TIMESTAMPTZ NOT NULL,          -- quoted: AT is a reserved word in DuckDB 1.5
    kind VARCHAR NOT NULL,               -- statement, payment, credit, prepaid_top_up, prepaid_use, prepaid_lapse, prepaid_refund
    amount_cents BIGINT NOT NULL,
    balance_cents BIGINT NOT NULL,
    detail VARCHAR NOT NULL,
    clauses VARCHAR[] NOT NULL`,
  // Added with `termlab simulate --usage records`: every usage record as generated, one row each (the
  // per-period table above says how the terms treated them). Empty unless asked for.
  usage_records: `    run_id VARCHAR NOT NULL,
    subscriber_id VARCHAR NOT NULL,
    seq INTEGER NOT NULL,                -- row of the subscriber's usage, in time order
    "at" TIMESTAMPTZ NOT NULL,          -- quoted: AT is a reserved word in DuckDB 1.5
    recorded_at TIMESTAMPTZ NOT NULL,    -- when it reached the operator (later than at: a late roaming record)
    period INTEGER NOT NULL,             -- billing period index, as in usage.period
    line VARCHAR NOT NULL,
    service VARCHAR NOT NULL,            -- call, sms, data
    direction VARCHAR NOT NULL,          -- out, in
    country VARCHAR NOT NULL,            -- where the line was (ISO 3166-1 alpha-2)
    zone VARCHAR NOT NULL,               -- BE, EU, WORLD
    destination VARCHAR,                 -- destination class of a call or SMS: be_mobile, eu, premium, …
    number VARCHAR,                      -- the other party of a call or SMS
    amount DOUBLE NOT NULL,              -- as recorded: call seconds, SMS characters, data bytes
    quantity DOUBLE NOT NULL,            -- as rated: seconds, SMS (segments × recipients), bytes
    unit VARCHAR NOT NULL,               -- second, sms, byte
    recipients INTEGER NOT NULL,
    seconds DOUBLE NOT NULL              -- data session length`,
};

/** The subscribers of a run whose rows are those of another run (a what-if variant and its base). */
export const REUSED = 'reused_subscribers';

/** The table of a data table's stored rows. */
export function ratedTableDdl(t: DataTable): string {
  return `CREATE TABLE IF NOT EXISTS ${RATED}.${t} (\n${TABLE_DDL[t]}\n)`;
}

/** The rows reused subscribers have under their reusing run (the `r` rows of reused_subscribers that `where` keeps). */
export function reusedRows(t: DataTable, where = ''): string {
  return `SELECT r.run_id, s.* EXCLUDE (run_id) FROM ${REUSED} r JOIN ${RATED}.${t} s ON s.run_id = r.from_run_id AND s.subscriber_id = r.subscriber_id ${where}`;
}

/** A data table as readers see it: its stored rows, then a reused subscriber's rows under the reusing run. */
export function viewDdl(t: DataTable): string {
  return `CREATE OR REPLACE VIEW ${t} AS SELECT * FROM ${RATED}.${t} UNION ALL ${reusedRows(t)}`;
}

/** Creates whatever is missing of the schema (idempotent; views are replaced). */
export const DDL: readonly string[] = [
  `CREATE TABLE IF NOT EXISTS runs (
    run_id VARCHAR PRIMARY KEY,          -- scenario name, seed and variant: '<scenario>/<seed>/<variant>'
    scenario VARCHAR NOT NULL,
    scenario_file VARCHAR NOT NULL,
    variant VARCHAR NOT NULL,            -- 'base' or the name of a what-if variant
    seed BIGINT NOT NULL,
    population INTEGER NOT NULL,
    start_date DATE NOT NULL,
    months INTEGER NOT NULL,
    catalog VARCHAR NOT NULL,            -- the catalog's name
    catalog_json VARCHAR NOT NULL,       -- the resolved catalog document, overrides applied
    termlab_version VARCHAR NOT NULL,
    schema_version INTEGER NOT NULL,
    status VARCHAR NOT NULL,             -- 'running', 'complete' or 'failed'
    shard VARCHAR,                       -- 'i/n' when the run is one shard of several
    subscribers_done INTEGER NOT NULL DEFAULT 0
  )`,
  `CREATE SCHEMA IF NOT EXISTS ${RATED}`,
  ...DATA_TABLES.map(ratedTableDdl),
  `CREATE TABLE IF NOT EXISTS ${REUSED} (
    run_id VARCHAR NOT NULL,             -- the reusing run (a what-if variant)
    subscriber_id VARCHAR NOT NULL,
    from_run_id VARCHAR NOT NULL         -- the run whose rows it has (the base)
  )`,
  ...DATA_TABLES.map(viewDdl),
];
