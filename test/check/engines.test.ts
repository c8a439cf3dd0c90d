/**
 * Contract 3, the engine adapter: an engine's fault is a result for that case, never a crash of the
 * check. Small throwaway engines are written to a temp dir (modules, JSON-lines processes run with
 * this Node and no shell, an HTTP server on 127.0.0.1); after each fault the next request is answered.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERSONAS } from '../../generators/personas/index.ts';
import { population, toTimelineDocument } from '../../generators/population.ts';
import { openEngine, parseEngineSpec, type Engine, type EngineAnswer } from '../../src/check/engines.ts';
import { usageOnly } from '../../src/check/projection.ts';
import { loadScenario } from '../../src/domain/scenario.ts';
import { OutcomeSchema } from '../../src/domain/outcome.ts';
import type { TimelineInput } from '../../src/domain/timeline.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'termlab-engines-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A tiny valid timeline: the throwaway engines never read it; the example engine rates it. */
const TIMELINE: TimelineInput = {
  schema: 'termlab.timeline/1',
  subscriber: { id: 'engines-test' },
  contract: { family: 'CLIC', plan: 'clic-s', start: '2026-03-15', cycleDay: 15, lines: [{ id: 'sim-1', kind: 'mobile', number: '+32470123456' }] },
  until: '2026-04-15',
  events: [{ type: 'call', at: '2026-03-16T10:00:00+01:00', line: 'sim-1', from: 'BE', to: '+33612345678', seconds: 120 }],
} as TimelineInput;

/** The answer every throwaway engine gives when it behaves: one statement whose total counts its requests. */
const answerFor = (n: number) => ({ statements: [{ issuedOn: '2026-03-15', totalCents: n }] });

function write(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

const expectFault = (a: EngineAnswer, fault: string, message?: RegExp) => {
  expect(a.ok).toBe(false);
  if (a.ok) return;
  expect(a.fault).toBe(fault);
  if (message) expect(a.message).toMatch(message);
};
const expectTotal = (a: EngineAnswer, totalCents: number) => {
  expect(a).toEqual({ ok: true, outcome: answerFor(totalCents) });
};

async function withEngine<T>(engine: Engine, body: (e: Engine) => Promise<T>): Promise<T> {
  try {
    return await body(engine);
  } finally {
    await engine.close();
  }
}

describe('module engines', () => {
  it('a module that answers is read through its named export, sync or async, .mjs or .ts', async () => {
    const mjs = write('good.mjs', `let n = 0;\nexport function rate() { n++; return { statements: [{ issuedOn: '2026-03-15', totalCents: n }] }; }\n`);
    const ts = write('good.ts', `let n = 0;\nexport async function price(t: { subscriber: { id: string } }): Promise<unknown> {\n  n++;\n  return { statements: [{ issuedOn: '2026-03-15', totalCents: n }], decisions: [], note: t.subscriber.id };\n}\n`);
    await withEngine(await openEngine(parseEngineSpec(`module:${mjs}`)), async (e) => {
      expectTotal(await e.rate(TIMELINE), 1);
      expectTotal(await e.rate(TIMELINE), 2);
    });
    await withEngine(await openEngine(parseEngineSpec(`module:${ts}#price`)), async (e) => {
      const a = await e.rate(TIMELINE);
      expect(a.ok && a.outcome.statements[0]!.totalCents).toBe(1);
      expect(a.ok && (a.outcome as unknown as { note: string }).note).toBe('engines-test');
    });
  });

  it('a module that throws is the fault "threw" with its message; the next case is still rated', async () => {
    const file = write('throws.mjs', `let n = 0;\nexport function rate() { n++; if (n === 2) throw new Error('no rating on the second case'); return { statements: [{ issuedOn: '2026-03-15', totalCents: n }] }; }\n`);
    await withEngine(await openEngine(parseEngineSpec(`module:${file}`)), async (e) => {
      expectTotal(await e.rate(TIMELINE), 1);
      expectFault(await e.rate(TIMELINE), 'threw', /^no rating on the second case$/);
      expectTotal(await e.rate(TIMELINE), 3);
    });
  });

  it('a module that answers garbage is the fault "wrong_schema", naming the path of the first wrong field', async () => {
    const file = write(
      'garbage.mjs',
      `let n = 0;\nexport function rate() { n++; if (n === 1) return 'a statement'; if (n === 2) return { statements: [{ issuedOn: '2026-03-15', totalCents: 'forty' }] }; return { statements: [{ issuedOn: '2026-03-15', totalCents: n }] }; }\n`,
    );
    await withEngine(await openEngine(parseEngineSpec(`module:${file}`)), async (e) => {
      expectFault(await e.rate(TIMELINE), 'wrong_schema', /^\(root\): /);
      expectFault(await e.rate(TIMELINE), 'wrong_schema', /^statements\.0\.totalCents: /);
      expectTotal(await e.rate(TIMELINE), 3);
    });
  });

  it('a module that never answers is the fault "timeout" after the timeout; the next case is still rated', async () => {
    const file = write('hangs.mjs', `let n = 0;\nexport function rate() { n++; if (n === 1) return new Promise(() => {}); return { statements: [{ issuedOn: '2026-03-15', totalCents: n }] }; }\n`);
    await withEngine(await openEngine(parseEngineSpec(`module:${file}`, 300)), async (e) => {
      const t0 = performance.now();
      expectFault(await e.rate(TIMELINE), 'timeout', /no answer within 300 ms/);
      expect(performance.now() - t0).toBeLessThan(10_000);
      expectTotal(await e.rate(TIMELINE), 2);
    });
  });

  it('the engine gets its own copy of the timeline: an engine that mutates it changes nothing for the next', async () => {
    const file = write('mutates.mjs', `export function rate(t) { const n = t.events.length; t.events.length = 0; return { statements: [{ issuedOn: '2026-03-15', totalCents: n }] }; }\n`);
    await withEngine(await openEngine(parseEngineSpec(`module:${file}`)), async (e) => {
      expectTotal(await e.rate(TIMELINE), 1);
      expectTotal(await e.rate(TIMELINE), 1);
      expect(TIMELINE.events).toHaveLength(1);
    });
  });
});

/**
 * A JSON-lines engine: `node engine.mjs <mode>` answers `{"id", "outcome"}` with the count of requests
 * this process has served as the statement total (so a restart shows as a count starting again at 1),
 * and misbehaves on its second request as `mode` says.
 */
const PROCESS_ENGINE = `import { createInterface } from 'node:readline';
const mode = process.argv[2];
let n = 0;
createInterface({ input: process.stdin }).on('line', (line) => {
  const { id } = JSON.parse(line);
  n++;
  const good = JSON.stringify({ id, outcome: { statements: [{ issuedOn: '2026-03-15', totalCents: n }] } });
  if (n === 2) {
    if (mode === 'exits') { process.stderr.write('engine: out of memory, giving up\\n'); process.exit(3); }
    if (mode === 'hangs') return;
    if (mode === 'prints') { process.stdout.write('rating case ' + id + '...\\n'); return; }
    if (mode === 'other-id') { process.stdout.write(JSON.stringify({ id: id + 1000, outcome: { statements: [] } }) + '\\n'); return; }
    if (mode === 'error') { process.stdout.write(JSON.stringify({ id, error: 'events[0]: SIM boxes are not supported' }) + '\\n'); return; }
    if (mode === 'wrong-schema') { process.stdout.write(JSON.stringify({ id, outcome: { statement: [] } }) + '\\n'); return; }
  }
  process.stdout.write(good + '\\n');
});
`;

describe('process engines (JSON lines, no shell)', () => {
  let script: string;
  beforeAll(() => {
    script = write('engine.mjs', PROCESS_ENGINE);
  });
  const processEngine = (mode: string, timeoutMs = 2_000) => openEngine({ kind: 'process', command: [process.execPath, script, mode], timeoutMs });

  it('a process that behaves answers each request in turn from one long-lived process', async () => {
    await withEngine(await processEngine('good'), async (e) => {
      for (const n of [1, 2, 3, 4]) expectTotal(await e.rate(TIMELINE), n);
    });
  });

  it('a process that exits on the second request is the fault "exited", with its code and last stderr line; it is restarted for the next', async () => {
    await withEngine(await processEngine('exits'), async (e) => {
      expectTotal(await e.rate(TIMELINE), 1);
      expectFault(await e.rate(TIMELINE), 'exited', /^the engine exited \(code 3\): engine: out of memory, giving up$/);
      expectTotal(await e.rate(TIMELINE), 1);
      expectFault(await e.rate(TIMELINE), 'exited', /code 3/);
      expectTotal(await e.rate(TIMELINE), 1);
    });
  });

  it('a process that prints a line that is not JSON is the fault "garbage"; the next request is answered', async () => {
    await withEngine(await processEngine('prints'), async (e) => {
      expectTotal(await e.rate(TIMELINE), 1);
      expectFault(await e.rate(TIMELINE), 'garbage', /^not a JSON line: rating case 2\.\.\.$/);
      expectTotal(await e.rate(TIMELINE), 3);
    });
  });

  it('a process that answers another request id is the fault "garbage"; the next request is answered', async () => {
    await withEngine(await processEngine('other-id'), async (e) => {
      expectTotal(await e.rate(TIMELINE), 1);
      expectFault(await e.rate(TIMELINE), 'garbage', /^an answer to another request: \{"id":1002,/);
      expectTotal(await e.rate(TIMELINE), 3);
    });
  });

  it('a process that answers {"error"} is the fault "refused" with its message; one that answers the wrong shape is "wrong_schema"', async () => {
    await withEngine(await processEngine('error'), async (e) => {
      expectTotal(await e.rate(TIMELINE), 1);
      expectFault(await e.rate(TIMELINE), 'refused', /^events\[0\]: SIM boxes are not supported$/);
      expectTotal(await e.rate(TIMELINE), 3);
    });
    await withEngine(await processEngine('wrong-schema'), async (e) => {
      expectTotal(await e.rate(TIMELINE), 1);
      expectFault(await e.rate(TIMELINE), 'wrong_schema', /^statements: /);
      expectTotal(await e.rate(TIMELINE), 3);
    });
  });

  it('a process that hangs is the fault "timeout" after the timeout', async () => {
    await withEngine(await processEngine('hangs', 2000), async (e) => {
      expectTotal(await e.rate(TIMELINE), 1);
      const t0 = performance.now();
      expectFault(await e.rate(TIMELINE), 'timeout', /^no answer within 2000 ms$/);
      expect(performance.now() - t0).toBeLessThan(10_000);
    });
  });

  // A hung process is killed; its exit must not settle the next request (it once did, as "exited (SIGKILL)").
  it('after a timeout the hung process is killed and a fresh one answers the next request', async () => {
    await withEngine(await processEngine('hangs', 2000), async (e) => {
      expectTotal(await e.rate(TIMELINE), 1);
      expectFault(await e.rate(TIMELINE), 'timeout');
      expectTotal(await e.rate(TIMELINE), 1);
      expectFault(await e.rate(TIMELINE), 'timeout');
      expectTotal(await e.rate(TIMELINE), 1);
    });
  });

  it('a program that does not exist is the fault "exited" (ENOENT), not a crash', async () => {
    await withEngine(await openEngine({ kind: 'process', command: [join(dir, 'no-such-engine')], timeoutMs: 300 }), async (e) => {
      expectFault(await e.rate(TIMELINE), 'exited', /ENOENT/);
    });
  });

  // On a spawn error ('error' without 'exit') the dead child is dropped, so no request waits for it.
  it('a program that does not exist is "exited" at once for every request, not "timeout" every other one', async () => {
    await withEngine(await openEngine({ kind: 'process', command: [join(dir, 'no-such-engine')], timeoutMs: 300 }), async (e) => {
      for (let i = 0; i < 3; i++) expectFault(await e.rate(TIMELINE), 'exited', /ENOENT/);
    });
  });

  it('closing a process engine ends its process', async () => {
    const e = await processEngine('good');
    expectTotal(await e.rate(TIMELINE), 1);
    const t0 = performance.now();
    await e.close();
    expect(performance.now() - t0).toBeLessThan(1_900);
  });
});

describe('HTTP engines', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (d: Buffer) => (body += d.toString()));
      req.on('end', () => {
        const timeline = JSON.parse(body) as { subscriber: { id: string } };
        if (req.url === '/ok') {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ statements: [{ issuedOn: '2026-03-15', totalCents: 1 }], subscriber: timeline.subscriber.id }));
        } else if (req.url === '/fails') {
          res.writeHead(500, { 'content-type': 'text/plain' });
          res.end('internal error: rating database unavailable');
        } else if (req.url === '/garbage') {
          res.writeHead(200, { 'content-type': 'text/html' });
          res.end('<html>maintenance</html>');
        } else if (req.url === '/wrong') {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ statements: [{ issuedOn: 20260315, totalCents: 1 }] }));
        } else if (req.url === '/slow') {
          setTimeout(() => res.end('{}'), 3_000).unref();
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  const http = (path: string, timeoutMs = 2_000) => openEngine(parseEngineSpec(`${base}${path}`, timeoutMs));

  it('a 200 with an outcome is an answer (the timeline was POSTed as JSON)', async () => {
    await withEngine(await http('/ok'), async (e) => {
      const a = await e.rate(TIMELINE);
      expect(a.ok).toBe(true);
      expect(a.ok && (a.outcome as unknown as { subscriber: string }).subscriber).toBe('engines-test');
    });
  });

  it('a 500 is the fault "refused" with the status and the body', async () => {
    await withEngine(await http('/fails'), async (e) => expectFault(await e.rate(TIMELINE), 'refused', /^HTTP 500: internal error: rating database unavailable$/));
  });

  it('a 200 that is not JSON is the fault "garbage"; JSON of the wrong shape is "wrong_schema"', async () => {
    await withEngine(await http('/garbage'), async (e) => expectFault(await e.rate(TIMELINE), 'garbage', /^not JSON: <html>maintenance<\/html>$/));
    await withEngine(await http('/wrong'), async (e) => expectFault(await e.rate(TIMELINE), 'wrong_schema', /^statements\.0\.issuedOn: /));
  });

  it('a server that does not answer in time is the fault "timeout"; one that is not there is "refused"', async () => {
    await withEngine(await http('/slow', 300), async (e) => expectFault(await e.rate(TIMELINE), 'timeout', /^no answer within 300 ms$/));
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await withEngine(await openEngine(parseEngineSpec(`http://127.0.0.1:${port}/rate`, 2_000)), async (e) => expectFault(await e.rate(TIMELINE), 'refused'));
  });
});

describe('the example engine through process:', () => {
  it('answers outcomes that pass the adapter schema check and termlab.outcome/1, for generated usage-only timelines', async () => {
    const loaded = loadScenario(join(ROOT, 'scenarios', 'check.yaml'), PERSONAS);
    const scenario = { ...loaded.scenario, horizonMonths: 2 };
    const cases = [...population(scenario, loaded.catalog, { seed: 7, count: 6, from: 0, to: 6 })].map((s) => usageOnly(toTimelineDocument(s)));
    const spec = parseEngineSpec(`process:${JSON.stringify([join(ROOT, 'node_modules', '.bin', 'tsx'), join(ROOT, 'examples', 'engine', 'main.ts')])}`, 20_000);
    await withEngine(await openEngine(spec), async (e) => {
      for (const t of [TIMELINE, ...cases]) {
        const a = await e.rate(t);
        if (!a.ok) throw new Error(`${t.subscriber.id}: ${a.fault}: ${a.message}`);
        expect(OutcomeSchema.safeParse(a.outcome).success).toBe(true);
        expect(a.outcome.statements.length).toBeGreaterThan(0);
      }
    });
  });
});
