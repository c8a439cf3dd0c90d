/**
 * The example billing engine of examples/engine/ (an independent team's engine, with three deliberate
 * defects) run as a subprocess through its JSON-lines protocol, as termlab's harness will run it.
 * Every expected amount is computed by hand from scenarios/catalogs/default.yaml; the defect tests show
 * the wrong number the engine gives next to what the terms require.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OutcomeSchema } from '../../src/domain/outcome.ts';
import {
  EU_NUMBERS_IN_PACK_FROM_BELGIUM,
  PRORATE_SHORT_PERIODS_ON_30_DAYS,
  USE_CARRIED_OVER_FIRST,
  rate,
} from '../../examples/engine/index.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

type Answer = { id: unknown; outcome?: any; error?: string };

/** The engine as a long-lived subprocess: write request lines, read answer lines in order. */
class EngineProcess {
  readonly child: ChildProcessWithoutNullStreams;
  readonly exited: Promise<number | null>;
  private readonly waiting: Array<(a: Answer) => void> = [];
  private readonly ready: Answer[] = [];
  stderr = '';

  constructor(script: string) {
    this.child = spawn(TSX, [script], { cwd: ROOT, stdio: 'pipe' });
    this.child.stderr.on('data', (d: Buffer) => (this.stderr += d.toString()));
    createInterface({ input: this.child.stdout }).on('line', (line) => {
      const answer = JSON.parse(line) as Answer;
      const next = this.waiting.shift();
      if (next) next(answer);
      else this.ready.push(answer);
    });
    this.exited = new Promise((resolve) => this.child.on('exit', (code) => resolve(code)));
  }

  send(line: string): void {
    this.child.stdin.write(`${line}\n`);
  }

  next(): Promise<Answer> {
    const a = this.ready.shift();
    return a ? Promise.resolve(a) : new Promise((resolve) => this.waiting.push(resolve));
  }

  async rate(id: unknown, timeline: unknown): Promise<Answer> {
    this.send(JSON.stringify({ id, timeline }));
    return this.next();
  }
}

const MOBILE = { id: 'sim-1', kind: 'mobile', number: '+32470123456' };
const DATA_SIM = { id: 'data-1', kind: 'data' };

function timeline(id: string, contract: Record<string, unknown>, until: string, events: unknown[]) {
  return { schema: 'termlab.timeline/1', subscriber: { id }, contract: { lines: [MOBILE], ...contract }, until, events };
}

const call = (at: string, to: string, seconds: number, extra: Record<string, unknown> = {}) => ({ type: 'call', at, line: 'sim-1', from: 'BE', to, seconds, ...extra });
const sms = (at: string, to: string, characters: number, extra: Record<string, unknown> = {}) => ({ type: 'sms', at, line: 'sim-1', from: 'BE', to, characters, ...extra });
const data = (at: string, bytes: number, seconds: number, extra: Record<string, unknown> = {}) => ({ type: 'data', at, line: 'sim-1', from: 'BE', bytes, seconds, ...extra });

/** CLIC S from its cycle day: two whole periods, usage that none of the three defects touches. */
const SIMPLE = timeline('simple', { family: 'CLIC', plan: 'clic-s', start: '2026-03-15', cycleDay: 15, lines: [MOBILE, DATA_SIM] }, '2026-05-15', [
  call('2026-03-16T10:00:00+01:00', '0471234567', 600), // Belgium → Belgian mobile: in the pack
  call('2026-03-16T11:00:00+01:00', '+12125550100', 90), // Belgium → US: international.call_world
  sms('2026-03-17T09:00:00+01:00', '0470999888', 200), // 2 segments, in the pack
  call('2026-03-18T09:00:00+01:00', '070123456', 120), // 070: special.call
  call('2026-03-18T10:00:00+01:00', '112', 300), // emergency: free
  data('2026-03-20T10:00:00+01:00', 2_000_000_000, 3600), // 2 GB of the 10 GB
  data('2026-04-02T10:00:00+02:00', 5_000_000, 600, { from: 'US' }), // roaming_world.data
  call('2026-04-20T10:00:00+02:00', '+3222345678', 60, { from: 'US' }), // roaming_world.call
  call('2026-04-21T10:00:00+02:00', '+3222345678', 120, { from: 'US', direction: 'in' }), // roaming_world.call_received
]);

let engine: EngineProcess;
beforeAll(() => {
  engine = new EngineProcess('examples/engine/main.ts');
});
afterAll(() => {
  if (engine.child.exitCode === null) engine.child.kill();
});

const totals = (a: Answer): number[] => a.outcome.statements.map((s: { totalCents: number }) => s.totalCents);
const usageLines = (a: Answer, index: number) =>
  a.outcome.statements[index].lines
    .filter((l: { tariff?: string }) => l.tariff !== undefined)
    .map((l: { tariff: string; quantity: number; amountCents: number }) => [l.tariff, l.quantity, l.amountCents]);

describe('the example engine over JSON lines', () => {
  it('answers several requests in order, each with its own id, errors included', async () => {
    engine.send(JSON.stringify({ id: 1, timeline: SIMPLE }));
    engine.send(JSON.stringify({ id: 'two', timeline: { ...SIMPLE, events: [] } }));
    engine.send(JSON.stringify({ id: { n: 3 }, timeline: { ...SIMPLE, schema: 'termlab.timeline/0' } }));
    engine.send('this is not JSON');
    engine.send(JSON.stringify({ id: 5, timeline: { ...SIMPLE, events: [{ type: 'payment', at: '2026-03-20T10:00:00+01:00' }] } }));
    engine.send(JSON.stringify({ id: 6, timeline: SIMPLE }));
    const answers = [await engine.next(), await engine.next(), await engine.next(), await engine.next(), await engine.next(), await engine.next()];
    expect(answers.map((a) => a.id)).toEqual([1, 'two', { n: 3 }, null, 5, 6]);
    expect(answers.map((a) => 'outcome' in a)).toEqual([true, true, false, false, false, true]);
    expect(answers[2]!.error).toMatch(/^schema: expected "termlab.timeline\/1"/);
    expect(answers[4]!.error).toMatch(/^events\[0\].type: account events \(payment\) are not supported/);
    for (const a of [answers[0], answers[1], answers[5]]) expect(OutcomeSchema.safeParse(a!.outcome).success).toBe(true);
    expect(answers[5]!.outcome).toEqual(answers[0]!.outcome);
    expect(totals(answers[1]!)).toEqual([4500, 4500, 0]);
  });

  it('rates a simple CLIC S timeline to the cent (hand-computed from the default catalog)', async () => {
    const a = await engine.rate('simple', SIMPLE);
    const o = a.outcome;
    expect(o.periods).toEqual([
      { index: 0, start: '2026-03-15', end: '2026-04-15', days: 31, cycleDays: 31 },
      { index: 1, start: '2026-04-15', end: '2026-05-15', days: 30, cycleDays: 30 },
    ]);
    expect(o.statements.map((s: { issuedOn: string; dueOn: string }) => [s.issuedOn, s.dueOn])).toEqual([
      ['2026-03-15', '2026-03-30'],
      ['2026-04-15', '2026-04-30'],
      ['2026-05-15', '2026-05-30'],
    ]);
    // Statement 0: the fee in advance, whole period: €45.00.
    // Statement 1: €45.00 + period 0's usage:
    //   90 s to the US at 1.00/min = €1.50; 120 s to 070 at 0.30/min = €0.60;
    //   5 MB in the US at 2.00/MB = €10.00                         → 4500 + 150 + 60 + 1000 = 5710.
    // Closing statement: 60 s from the US at 2.50/min = €2.50; 120 s received in the US at 1.00/min = €2.00 → 450.
    expect(totals(a)).toEqual([4500, 5710, 450]);
    expect(usageLines(a, 1)).toEqual([
      ['international.call_world', 90, 150],
      ['roaming_world.data', 5_000_000, 1000],
      ['special.call', 120, 60],
    ]);
    expect(usageLines(a, 2)).toEqual([
      ['roaming_world.call', 60, 250],
      ['roaming_world.call_received', 120, 200],
    ]);
    expect(o.balances.billedCents).toBe(10660);
    // One BASE-D.6.1.3 alert per period, at the first billed record.
    expect(o.decisions.map((d: { kind: string; at: string }) => [d.kind, d.at])).toEqual([
      ['alert', '2026-03-16T11:00:00+01:00'],
      ['alert', '2026-04-20T10:00:00+02:00'],
    ]);
  });
});

describe('the three deliberate defects, each alone', () => {
  it('are switched on', () => {
    expect([PRORATE_SHORT_PERIODS_ON_30_DAYS, USE_CARRIED_OVER_FIRST, EU_NUMBERS_IN_PACK_FROM_BELGIUM]).toEqual([true, true, true]);
  });

  it('defect 1 (BASE-D.8.3): the short first period is prorated on 30 days, not on the 31 days of its cycle', async () => {
    // CLIC S from 2026-03-20, cycle day 15: 26 days of the cycle 2026-03-15..2026-04-15 (31 days).
    const t = timeline('prorate', { family: 'CLIC', plan: 'clic-s', start: '2026-03-20', cycleDay: 15, lines: [MOBILE, DATA_SIM] }, '2026-04-15', [
      data('2026-03-26T08:00:00+01:00', 8_500_000_000, 36_000, { from: 'FR', line: 'data-1' }),
    ]);
    const a = await engine.rate('prorate', t);
    // Terms: fee 45.00 × 26/31 = 37.7419… → €37.74 (3774). Engine: 45.00 × 26/30 = €39.00.
    expect(a.outcome.statements[0].lines[0].amountCents).toBe(3900);
    // Terms: data 10 GB × 26/31 = 8,387,096,774 bytes, so 112,903,226 bytes in France are billed at
    // 10/GB = €1.13 (113). Engine: 10 GB × 26/30 = 8,666,666,667 bytes covers all 8.5 GB: €0.00.
    expect(usageLines(a, 1)).toEqual([]);
    expect(totals(a)).toEqual([3900, 0]); // terms: [3774, 113]
  });

  it('defect 2 (BASE-D.7.2): carried-over minutes are used before the new month\'s allowance', async () => {
    // BASE Light, 120 min a month, rollover of minutes; calendar-month periods from 2026-03-01.
    const t = timeline('rollover', { family: 'BASE_SUBSCRIPTION', plan: 'base-light', start: '2026-03-01', cycleDay: 1 }, '2026-06-01', [
      call('2026-04-10T10:00:00+02:00', '0471234567', 9000), // 150 min in April
      call('2026-05-10T10:00:00+02:00', '0471234567', 9000), // 150 min in May
    ]);
    const a = await engine.rate('rollover', t);
    // March: nothing used, 120 min carried into April.
    // Terms: April uses its own 120 min first, then 30 of the carried 120; nothing of April's own is left,
    //   so May has 120 min: 30 min billed at 0.15/min = €4.50 (450) on the closing statement.
    // Engine: April uses the carried 120 first, then 30 of its own; 90 min of April's own carry into May,
    //   May has 210 min and bills €0.00.
    expect(totals(a)).toEqual([1000, 1000, 1000, 0]); // terms: [1000, 1000, 1000, 450]
    expect(a.outcome.usage.find((u: { period: number }) => u.period === 2)).toMatchObject({ included: 9000, billed: 0 }); // terms: 7200 and 1800
  });

  it('defect 3 (CLIC-2.2): a call or SMS from Belgium to an EU-zone number is counted in the pack', async () => {
    const t = timeline('zone', { family: 'CLIC', plan: 'clic-s', start: '2026-03-15', cycleDay: 15 }, '2026-04-15', [
      call('2026-03-16T10:00:00+01:00', '+33612345678', 120), // Belgium → French mobile
      sms('2026-03-16T10:05:00+01:00', '+4915112345678', 161), // Belgium → German mobile, 2 segments
    ]);
    const a = await engine.rate('zone', t);
    // Terms: international traffic, not in the pack: 120 s at international.call_eu 0.19/min = €0.38, and
    // 2 SMS at international.sms_eu 0.06 = €0.12 → €0.50 on the closing statement, with an SMS alert.
    // Engine: both in the pack (unlimited calls and SMS): €0.00 and no alert.
    expect(totals(a)).toEqual([4500, 0]); // terms: [4500, 50]
    expect(a.outcome.decisions).toEqual([]); // terms: one alert at 2026-03-16T10:00:00+01:00
  });

  it('rates the same in process (rate) as over the protocol', async () => {
    const a = await engine.rate('again', SIMPLE);
    expect(rate(SIMPLE)).toEqual(a.outcome);
  });
});

describe('the adapters\' lifecycle', () => {
  it('the JSON-lines engine exits 0 when stdin ends, having written nothing but answers', async () => {
    const p = new EngineProcess('examples/engine/main.ts');
    const first = p.rate(1, SIMPLE);
    p.child.stdin.end();
    expect((await first).id).toBe(1);
    expect(await p.exited).toBe(0);
  });

  it('the HTTP engine answers POST /rate on loopback and stops on SIGTERM', async () => {
    const child = spawn(TSX, ['examples/engine/http.ts', '0'], { cwd: ROOT, stdio: 'pipe' });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const port = await new Promise<number>((resolve, reject) => {
        let err = '';
        child.stderr.on('data', (d: Buffer) => {
          err += d.toString();
          const m = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(err);
          if (m) resolve(Number(m[1]));
        });
        child.on('exit', () => reject(new Error(`http engine exited: ${err}`)));
      });
      const ok = await fetch(`http://127.0.0.1:${port}/rate`, { method: 'POST', body: JSON.stringify(SIMPLE) });
      expect(ok.status).toBe(200);
      expect(((await ok.json()) as { balances: { billedCents: number } }).balances.billedCents).toBe(10660);
      const bad = await fetch(`http://127.0.0.1:${port}/rate`, { method: 'POST', body: '{}' });
      expect(bad.status).toBe(400);
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
