/**
 * A hand-made simulation store for the report tests: src/store/schema.ts's DDL and a few rows typed in
 * by hand, so every figure the report shows can be worked out on paper (see the tests' comments).
 *
 * Scenario 'demo', seed 7, two months from 2026-01-01, cycle day 1 (periods are calendar months).
 *
 * runs, in insertion order:
 *   old/1/base       complete  an older base run (one subscriber), so "the latest" has to choose
 *   demo/7/base      complete  the base run
 *   demo/7/fee-up    complete  what-if: CLIC S fee €45.00 → €50.00 (and no late-payment indemnity for s3);
 *                              s4 is stored once, under the base, and listed in reused_subscribers
 *   demo/7/cap-down  running   an unfinished variant of the same experiment: never reported
 *   demo/8/base      failed    the newest base run, failed: never reported
 *
 * demo/7/base subscribers:
 *   s1  clic-s        CLIC               business-traveller         billed 4500+4500+1250+300        = 10550
 *   s2  clic-s        CLIC               light-user                 billed 4500+4500                 =  9000
 *   s3  base-plus     BASE_SUBSCRIPTION  summer-roamer+late-payer   billed 2500+2500+800+1500−500    =  6800
 *   s4  base-prepaid  BASE_PREPAID       light-user                 billed 0; tops up 1500, uses 700, 800 lapses
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { DDL } from '../../src/store/schema.ts';

interface Line {
  sub: string;
  stmt: number;
  issued: string;
  category: string;
  period: string; // 'YYYY-MM': the line's service period is that calendar month
  amount: number;
  clauses: string[];
}

const FEE = ['CLIC-2.1', 'BASE-D.8.1'];

const BASE_LINES: Line[] = [
  { sub: 's1', stmt: 0, issued: '2026-01-01', category: 'subscription_fee', period: '2026-01', amount: 4500, clauses: FEE },
  { sub: 's1', stmt: 1, issued: '2026-02-01', category: 'subscription_fee', period: '2026-02', amount: 4500, clauses: FEE },
  { sub: 's1', stmt: 1, issued: '2026-02-01', category: 'roaming_usage', period: '2026-01', amount: 1250, clauses: ['CLIC-2.2'] },
  { sub: 's1', stmt: 2, issued: '2026-03-01', category: 'roaming_usage', period: '2026-02', amount: 300, clauses: ['CLIC-2.2'] },
  { sub: 's2', stmt: 0, issued: '2026-01-01', category: 'subscription_fee', period: '2026-01', amount: 4500, clauses: FEE },
  { sub: 's2', stmt: 1, issued: '2026-02-01', category: 'subscription_fee', period: '2026-02', amount: 4500, clauses: FEE },
  { sub: 's3', stmt: 0, issued: '2026-01-01', category: 'subscription_fee', period: '2026-01', amount: 2500, clauses: ['BASE-D.8.1'] },
  { sub: 's3', stmt: 1, issued: '2026-02-01', category: 'subscription_fee', period: '2026-02', amount: 2500, clauses: ['BASE-D.8.1'] },
  { sub: 's3', stmt: 1, issued: '2026-02-01', category: 'international_usage', period: '2026-01', amount: 800, clauses: ['BASE-D.7.1'] },
  { sub: 's3', stmt: 2, issued: '2026-03-01', category: 'late_payment', period: '2026-02', amount: 1500, clauses: ['BASE-D.8.6'] },
  { sub: 's3', stmt: 2, issued: '2026-03-01', category: 'credit', period: '2026-02', amount: -500, clauses: ['BASE-D.10.2.1'] },
];

/** fee-up: every CLIC S fee is €50.00, and s3's late-payment indemnity is gone. */
const VARIANT_LINES: Line[] = BASE_LINES.filter((l) => l.category !== 'late_payment').map((l) =>
  l.amount === 4500 && l.category === 'subscription_fee' ? { ...l, amount: 5000 } : l,
);

const SUBSCRIBERS = [
  { sub: 's1', idx: 0, persona: 'business-traveller', family: 'CLIC', plan: 'clic-s', lines: 2, name: 'An Peeters', company: 'Peeters & Zonen <bv>', city: 'Gent' },
  { sub: 's2', idx: 1, persona: 'light-user', family: 'CLIC', plan: 'clic-s', lines: 1, name: 'Luc Dubois', company: 'Dubois SRL', city: 'Liège' },
  { sub: 's3', idx: 2, persona: 'summer-roamer+late-payer', family: 'BASE_SUBSCRIPTION', plan: 'base-plus', lines: 1, name: 'Sara Janssens', company: null, city: 'Antwerpen' },
  { sub: 's4', idx: 3, persona: 'light-user', family: 'BASE_PREPAID', plan: 'base-prepaid', lines: 1, name: 'Tom Maes', company: null, city: 'Brugge' },
];

/** Decisions of the base run (the variant has the same ones). Times as the store holds them (TIMESTAMPTZ). */
const DECISIONS = [
  // s1: two throttles in January (two SIMs) — one throttled subscriber-period; an alert that counts for nothing.
  { sub: 's1', kind: 'throttle', at: '2026-01-20T10:00:00+01:00', clauses: ['CLIC-2.1'] },
  { sub: 's1', kind: 'throttle', at: '2026-01-25T08:00:00+01:00', clauses: ['CLIC-2.1'] },
  { sub: 's1', kind: 'alert', at: '2026-01-26T08:00:00+01:00', clauses: ['BASE-D.6.1.3'] },
  // s3: paused in February; suspended at 00:30 Brussels on 1 February (still 31 January in UTC); terminated in February.
  { sub: 's3', kind: 'pause', at: '2026-02-10T12:00:00+01:00', clauses: ['BASE-D.6.3'] },
  { sub: 's3', kind: 'suspension', at: '2026-01-31T23:30:00Z', clauses: ['BASE-D.10.2.1'] },
  { sub: 's3', kind: 'suspension_lifted', at: '2026-02-05T09:00:00+01:00', clauses: ['BASE-D.10.2.1'] },
  { sub: 's3', kind: 'termination', at: '2026-02-20T10:00:00+01:00', clauses: ['BASE-D.10.3.2.1'] },
];

/** s4's prepaid account: a €15.00 top-up (negative: in the client's favour), €7.00 used, €8.00 lapsed. */
const PREPAID_LEDGER = [
  { kind: 'prepaid_top_up', at: '2026-01-05T10:00:00+01:00', amount: -1500 },
  { kind: 'prepaid_use', at: '2026-01-20T10:00:00+01:00', amount: 400 },
  { kind: 'prepaid_use', at: '2026-02-03T10:00:00+01:00', amount: 300 },
  { kind: 'prepaid_lapse', at: '2026-02-28T10:00:00+01:00', amount: 800 },
];

const CATALOG = (fee: string) => JSON.stringify({ name: 'default', plans: [{ id: 'clic-s', fee }, { id: 'base-plus', fee: '25.00' }] });

function q(value: string | number | null): string {
  if (value === null) return 'NULL';
  return typeof value === 'number' ? String(value) : `'${value.replaceAll("'", "''")}'`;
}

function list(values: string[]): string {
  return `[${values.map(q).join(', ')}]::VARCHAR[]`;
}

function runRow(runId: string, status: string): string {
  const [scenario, seed, variant] = runId.split('/');
  const fee = variant === 'fee-up' ? '50.00' : '45.00';
  return `INSERT INTO runs VALUES (${q(runId)}, ${q(scenario!)}, 'scenarios/demo.yaml', ${q(variant!)}, ${Number(seed)}, 4,
    DATE '2026-01-01', 2, 'default', ${q(CATALOG(fee))}, '0.1.0', 1, ${q(status)}, NULL, 4)`;
}

/**
 * The rows of one run. A subscriber in `reused` is not stored again: like a variant's unchanged subscriber
 * in a simulation, it is listed in reused_subscribers with the run whose rows it has (the views show them).
 */
function runData(runId: string, lines: Line[], reused: { readonly from: string; readonly subscribers: readonly string[] } = { from: '', subscribers: [] }): string[] {
  const sql: string[] = reused.subscribers.map((sub) => `INSERT INTO reused_subscribers VALUES (${q(runId)}, ${q(sub)}, ${q(reused.from)})`);
  const stored = (sub: string) => !reused.subscribers.includes(sub);
  lines = lines.filter((l) => stored(l.sub));
  for (const s of SUBSCRIBERS.filter((x) => stored(x.sub))) {
    const own = lines.filter((l) => l.sub === s.sub);
    const billed = own.reduce((a, l) => a + l.amount, 0);
    const ended = s.sub === 's3' ? "DATE '2026-02-20', 'termination'" : 'NULL, NULL';
    sql.push(`INSERT INTO rated.subscribers VALUES (${q(runId)}, ${q(s.sub)}, ${s.idx}, ${q(s.persona)}, ${q(s.family)}, ${q(s.plan)}, ${s.lines},
      ${q(s.name)}, ${q(s.company)}, ${q(s.city)}, DATE '2026-01-01', ${ended}, ${billed}, 0, 0)`);
    for (const stmt of [...new Set(own.map((l) => l.stmt))]) {
      const of = own.filter((l) => l.stmt === stmt);
      const issued = of[0]!.issued;
      const total = of.reduce((a, l) => a + l.amount, 0);
      sql.push(`INSERT INTO rated.statements VALUES (${q(runId)}, ${q(s.sub)}, ${stmt}, DATE ${q(issued)}, DATE ${q(issued)} + 15, ${total})`);
    }
  }
  lines.forEach((l, i) => {
    const start = `${l.period}-01`;
    sql.push(`INSERT INTO rated.statement_lines VALUES (${q(runId)}, ${q(l.sub)}, ${l.stmt}, ${i}, ${q(l.category)}, NULL, ${q(l.category)},
      DATE ${q(start)}, DATE ${q(start)} + INTERVAL 1 MONTH, 1, 'event', ${l.amount}, ${list(l.clauses)}, false)`);
  });
  DECISIONS.forEach((d, i) => {
    if (!stored(d.sub)) return;
    sql.push(`INSERT INTO rated.decisions VALUES (${q(runId)}, ${q(d.sub)}, ${i}, ${q(d.kind)}, TIMESTAMPTZ ${q(d.at)}, NULL, 'sim-1', NULL, NULL,
      NULL, NULL, ${q(d.kind)}, ${list(d.clauses)}, false)`);
  });
  // Usage rows: s1 in January (a period it also has a fee line for), s4 (prepaid, no statements) in both months.
  for (const [sub, period, start] of [['s1', 0, '2026-01-01'], ['s4', 0, '2026-01-01'], ['s4', 1, '2026-02-01']] as const) {
    if (!stored(sub)) continue;
    sql.push(`INSERT INTO rated.usage VALUES (${q(runId)}, ${q(sub)}, ${period}, DATE ${q(start)}, 'sim-1', 'data', 'BE', 'byte', 1000, 0, 0, 0, 0)`);
  }
  let balance = 0;
  if (stored('s4'))
    PREPAID_LEDGER.forEach((e, i) => {
    balance += e.amount;
    sql.push(`INSERT INTO rated.ledger VALUES (${q(runId)}, 's4', ${i}, TIMESTAMPTZ ${q(e.at)}, ${q(e.kind)}, ${e.amount}, ${balance}, ${q(e.kind)}, ['BASE-B.1.2.1'])`);
  });
  return sql;
}

/** Rows for the runs that must never be reported: enormous amounts, so any leak shows in every total. */
function poison(runId: string): string[] {
  return [
    `INSERT INTO rated.subscribers VALUES (${q(runId)}, 's1', 0, 'business-traveller', 'CLIC', 'clic-s', 1, NULL, NULL, NULL, DATE '2026-01-01', NULL, NULL, 9999999, 0, 0)`,
    `INSERT INTO rated.statements VALUES (${q(runId)}, 's1', 0, DATE '2026-01-01', DATE '2026-01-16', 9999999)`,
    `INSERT INTO rated.statement_lines VALUES (${q(runId)}, 's1', 0, 0, 'subscription_fee', NULL, 'x', DATE '2026-01-01', DATE '2026-02-01', 1, 'event', 9999999, ['CLIC-2.1'], false)`,
    `INSERT INTO rated.decisions VALUES (${q(runId)}, 's1', 0, 'termination', TIMESTAMPTZ '2026-01-10T10:00:00+01:00', NULL, NULL, NULL, NULL, NULL, NULL, 'x', ['BASE-D.10.3.2.1'], false)`,
    `INSERT INTO rated.ledger VALUES (${q(runId)}, 's1', 0, TIMESTAMPTZ '2026-01-10T10:00:00+01:00', 'prepaid_lapse', 9999999, 9999999, 'x', ['BASE-B.2.2'])`,
  ];
}

/**
 * `at` is a reserved word in DuckDB 1.5: schema.ts's DDL (decisions.at, ledger.at) does not parse unquoted.
 * Quoting it names the same column, so this is a no-op once the DDL quotes it itself.
 */
function quoteAt(ddl: string): string {
  return ddl.replace(/^(\s+)at(\s+TIMESTAMPTZ)/gm, '$1"at"$2');
}

/** Creates the fixture store at `path` (which must not exist yet). */
export async function createFixtureStore(path: string): Promise<void> {
  const instance = await DuckDBInstance.create(path);
  const conn = await instance.connect();
  try {
    for (const ddl of DDL) await conn.run(quoteAt(ddl));
    const sql = [
      runRow('old/1/base', 'complete'),
      `INSERT INTO rated.subscribers VALUES ('old/1/base', 's1', 0, 'light-user', 'CLIC', 'clic-s', 1, NULL, NULL, NULL, DATE '2026-01-01', NULL, NULL, 4500, 0, 0)`,
      `INSERT INTO rated.statement_lines VALUES ('old/1/base', 's1', 0, 0, 'subscription_fee', NULL, 'x', DATE '2026-01-01', DATE '2026-02-01', 1, 'event', 4500, ['CLIC-2.1'], false)`,
      runRow('demo/7/base', 'complete'),
      ...runData('demo/7/base', BASE_LINES),
      runRow('demo/7/fee-up', 'complete'),
      // s4 (prepaid) reads no CLIC S fee: its fee-up rows are the base's, as a simulation stores them.
      ...runData('demo/7/fee-up', VARIANT_LINES, { from: 'demo/7/base', subscribers: ['s4'] }),
      runRow('demo/7/cap-down', 'running'),
      ...poison('demo/7/cap-down'),
      runRow('demo/8/base', 'failed'),
      ...poison('demo/8/base'),
    ];
    for (const s of sql) await conn.run(s);
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

/** A store whose only run is still running: nothing to report. */
export async function createIncompleteStore(path: string): Promise<void> {
  const instance = await DuckDBInstance.create(path);
  const conn = await instance.connect();
  try {
    for (const ddl of DDL) await conn.run(quoteAt(ddl));
    await conn.run(runRow('demo/7/base', 'running'));
    for (const s of poison('demo/7/base')) await conn.run(s);
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}
