/**
 * The real CLI as a subprocess: bad input is an answer (exit 2, nothing on stdout, one stderr line that
 * names the file, the JSON or YAML path and what was expected), never a crash or partial output.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { OutcomeSchema } from '../../src/domain/outcome.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const DEFAULT_CATALOG = join(ROOT, 'scenarios', 'catalogs', 'default.yaml');
const dir = mkdtempSync(join(tmpdir(), 'termlab-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TIMEOUT = 30_000;

function termlab(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(TSX, ['src/cli.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: TIMEOUT });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A small valid CLIC timeline: calls in and out of the pack, roaming, a premium number, an emergency call. */
const GOOD = {
  schema: 'termlab.timeline/1',
  subscriber: { id: 'cli-good' },
  contract: {
    family: 'CLIC',
    plan: 'clic-s',
    start: '2026-03-20',
    cycleDay: 15,
    lines: [
      { id: 'sim-1', kind: 'mobile', number: '+32470123456' },
      { id: 'data-1', kind: 'data' },
    ],
  },
  until: '2026-05-15',
  events: [
    { type: 'call', at: '2026-03-20T09:00:00+01:00', line: 'sim-1', from: 'BE', to: '+3222345678', seconds: 300 },
    { type: 'call', at: '2026-03-20T09:10:00+01:00', line: 'sim-1', from: 'BE', to: '+33612345678', seconds: 120 },
    { type: 'sms', at: '2026-03-24T18:05:00+01:00', line: 'sim-1', from: 'ES', to: '+32470999888', characters: 200 },
    { type: 'call', at: '2026-03-25T11:00:00+01:00', line: 'sim-1', from: 'BE', to: '090012345', seconds: 90 },
    { type: 'call', at: '2026-03-25T12:00:00+01:00', line: 'sim-1', from: 'BE', to: '112', seconds: 600 },
    { type: 'data', at: '2026-04-01T08:00:00+02:00', line: 'data-1', from: 'FR', bytes: 500000000, seconds: 3600 },
  ],
};

type Doc = typeof GOOD & Record<string, unknown>;

function write(name: string, content: string): string {
  const file = join(dir, name);
  writeFileSync(file, content);
  return file;
}

function timeline(name: string, edit: (d: Doc) => void = () => {}): string {
  const d = structuredClone(GOOD) as Doc;
  edit(d);
  return write(`${name}.json`, JSON.stringify(d, null, 2));
}

function event(d: Doc, i: number): Record<string, unknown> {
  return d.events[i] as unknown as Record<string, unknown>;
}

/** Exit 2, no stdout, exactly one stderr line naming the file, the path and what was expected. */
function expectRejected(r: ReturnType<typeof termlab>, file: string, path: string | RegExp, expected: RegExp): void {
  expect(r.status, r.stderr).toBe(2);
  expect(r.stdout).toBe('');
  const lines = r.stderr.split('\n').filter((l) => l.length > 0);
  expect(lines, r.stderr).toHaveLength(1);
  const line = lines[0]!;
  expect(line).toContain(file);
  if (typeof path === 'string') expect(line).toContain(`: ${path}: `);
  else expect(line).toMatch(path);
  expect(line).toMatch(/expected/);
  expect(line).toMatch(expected);
  expect(line).not.toMatch(/\bat .*\.ts:\d+/); // no stack trace
}

describe('termlab rate: bad timelines give exit 2, nothing on stdout and one error line', () => {
  const cases: Array<[string, string, (d: Doc) => void, string | RegExp, RegExp]> = [
    ['an unknown plan', 'unknown-plan', (d) => void (d.contract.plan = 'clic-xl'), 'contract.plan', /plan of catalog "default".*clic-xl/],
    ['events out of time order', 'out-of-order', (d) => void (event(d, 1).at = '2026-03-20T08:00:00+01:00'), 'events[1].at', /time order/],
    ['a negative quantity (seconds -5)', 'negative-seconds', (d) => void (event(d, 1).seconds = -5), 'events[1].seconds', />=\s*0|-5/],
    ['a malformed number', 'malformed-number', (d) => void (event(d, 1).to = '+32 470 12 34 56'), 'events[1].to', /E\.164/],
    ['an instant outside the contract', 'outside', (d) => void (event(d, 0).at = '2026-03-19T23:59:59+01:00'), 'events[0].at', /inside the contract/],
    ['an instant after the contract', 'after', (d) => void (event(d, 5).at = '2026-06-15T00:00:00+02:00'), 'events[5].at', /inside the contract/],
    ['an instant without a zone', 'no-zone', (d) => void (event(d, 1).at = '2026-03-20T09:10:00'), 'events[1].at', /zone/],
    ['a late record in Belgium', 'late-in-belgium', (d) => void (event(d, 1).recordedAt = '2026-05-01T09:10:00+02:00'), 'events[1].recordedAt', /roaming|outside Belgium/],
    ['an unknown event field', 'unknown-field', (d) => void (event(d, 1).colour = 'red'), /: events\[1\](\.colour)?: /, /colour/],
    ['an unknown line', 'unknown-line', (d) => void (event(d, 2).line = 'sim-9'), 'events[2].line', /sim-1/],
    ['a country that is not an ISO code', 'bad-country', (d) => void (event(d, 2).from = 'EU'), 'events[2].from', /ISO 3166/],
  ];
  for (const [what, name, edit, path, expected] of cases) {
    it(`rejects ${what} at ${typeof path === 'string' ? path : 'events[1] (.colour)'}`, () => {
      const file = timeline(name, edit);
      expectRejected(termlab('rate', file), file, path, expected);
    }, TIMEOUT);
  }

  it('rejects invalid JSON at the root', () => {
    const file = write('invalid.json', '{"schema": "termlab.timeline/1", ');
    expectRejected(termlab('rate', file), file, '(root)', /valid JSON/);
  }, TIMEOUT);

  it('rejects a missing file at the root', () => {
    const file = join(dir, 'does-not-exist.json');
    expectRejected(termlab('rate', file), file, '(root)', /readable file/);
  }, TIMEOUT);
});

describe('termlab rate: bad catalogs (--catalog) give exit 2 with the YAML path', () => {
  const base = parseYaml(readFileSync(DEFAULT_CATALOG, 'utf8')) as Record<string, any>;
  const catalog = (name: string, edit: (c: Record<string, any>) => void): string => {
    const c = structuredClone(base);
    edit(c);
    return write(`${name}.yaml`, stringifyYaml(c));
  };

  it('rejects a rate written "0.15 per min" at tariffs.national.call', () => {
    const file = catalog('rate-per-min', (c) => void (c.tariffs.national.call = '0.15 per min'));
    expectRejected(termlab('rate', timeline('good-for-rate'), '--catalog', file), file, 'tariffs.national.call', /0\.15\/min/);
  }, TIMEOUT);

  it('rejects a plan without a source at plans[1].source', () => {
    const file = catalog('no-source', (c) => void delete c.plans[1].source);
    expectRejected(termlab('rate', timeline('good-for-source'), '--catalog', file), file, 'plans[1].source', /string|source/);
  }, TIMEOUT);

  it('rejects a CLIC plan counted in Belgium only (CLIC-2.2) at plans[0].includedIn', () => {
    const file = catalog('clic-be-only', (c) => void (c.plans[0].includedIn = ['BE']));
    expectRejected(termlab('rate', timeline('good-for-clic'), '--catalog', file), file, 'plans[0].includedIn', /CLIC-2\.2/);
  }, TIMEOUT);

  it('rejects a catalog that is not YAML', () => {
    const file = write('broken.yaml', 'plans: [\n  - id: x\n');
    expectRejected(termlab('rate', timeline('good-for-yaml'), '--catalog', file), file, '(root)', /YAML/);
  }, TIMEOUT);
});

describe('termlab: good input', () => {
  it('rates a good timeline: exit 0 and JSON that validates as an outcome', () => {
    const r = termlab('rate', timeline('good'));
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    const parsed = OutcomeSchema.safeParse(JSON.parse(r.stdout));
    expect(parsed.success).toBe(true);
    expect(parsed.data?.subscriber).toBe('cli-good');
  }, TIMEOUT);

  it('prints a table with --format table', () => {
    const r = termlab('rate', timeline('good-table'), '--format', 'table');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Statement 0, issued 2026-03-20/);
    expect(r.stdout).toMatch(/CLIC-2\.2/);
    expect(() => JSON.parse(r.stdout)).toThrow();
  }, TIMEOUT);

  it('rejects an unknown --format with exit 2 and nothing on stdout', () => {
    const r = termlab('rate', timeline('good-format'), '--format', 'xml');
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/--format/);
  }, TIMEOUT);

  it('prints the timeline JSON Schema with $schema (termlab schema timeline)', () => {
    const r = termlab('schema', 'timeline');
    expect(r.status, r.stderr).toBe(0);
    const schema = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(typeof schema.$schema).toBe('string');
    expect(schema.type).toBe('object');
  }, TIMEOUT);

  it('lists the clause registry with CLIC-2.2 (termlab clauses)', () => {
    const r = termlab('clauses');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^CLIC-2\.2\s/m);
  }, TIMEOUT);
});
