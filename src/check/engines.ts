import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { z } from 'zod';
import type { TimelineInput } from '../domain/timeline.ts';
import type { EngineOutcome } from './compare.ts';

/**
 * Contract 3, the engine adapter: how a billing engine under test is reached. An engine's fault (it
 * throws, exits, hangs, answers garbage or the wrong shape) is a result for that case, never a crash.
 */
export type EngineSpec =
  | { readonly kind: 'module'; readonly path: string; readonly export: string; readonly timeoutMs: number }
  | { readonly kind: 'process'; readonly command: readonly string[]; readonly timeoutMs: number }
  | { readonly kind: 'http'; readonly url: string; readonly timeoutMs: number };

export type EngineFault = 'threw' | 'exited' | 'timeout' | 'garbage' | 'wrong_schema' | 'refused';

export type EngineAnswer = { readonly ok: true; readonly outcome: EngineOutcome } | { readonly ok: false; readonly fault: EngineFault; readonly message: string };

export interface Engine {
  readonly spec: EngineSpec;
  rate(timeline: TimelineInput): Promise<EngineAnswer>;
  close(): Promise<void>;
}

/** The least an engine's answer must hold to be compared (termlab.outcome/1's statements, decisions optional). */
const EngineOutcomeSchema = z.looseObject({
  statements: z.array(
    z.looseObject({
      issuedOn: z.string(),
      totalCents: z.int(),
      lines: z.array(z.looseObject({ category: z.string(), tariff: z.string().optional(), period: z.object({ start: z.string(), end: z.string() }).optional(), amountCents: z.int() })).optional(),
    }),
  ),
  decisions: z.array(z.looseObject({ kind: z.string(), at: z.string(), line: z.string().optional() })).optional(),
});

function validate(value: unknown): EngineAnswer {
  const parsed = EngineOutcomeSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, fault: 'wrong_schema', message: `${issue.path.join('.') || '(root)'}: ${issue.message}` };
  }
  return { ok: true, outcome: parsed.data as EngineOutcome };
}

/**
 * Reads `--engine`: `module:<file>[#export]` (one exported function timeline → outcome, sync or async),
 * `process:<json array of program and arguments>` (a long-lived process speaking JSON lines; no shell),
 * or an `http://` / `https://` URL (POST a timeline, get an outcome).
 */
export function parseEngineSpec(text: string, timeoutMs = 10_000): EngineSpec {
  if (text.startsWith('module:')) {
    const [path, name] = text.slice('module:'.length).split('#');
    if (!path) throw new Error('--engine module: expected a file, as module:path/to/engine.ts#rate');
    return { kind: 'module', path, export: name || 'rate', timeoutMs };
  }
  if (text.startsWith('process:')) {
    let command: unknown;
    try {
      command = JSON.parse(text.slice('process:'.length));
    } catch {
      command = undefined;
    }
    if (!Array.isArray(command) || command.length === 0 || !command.every((c) => typeof c === 'string'))
      throw new Error('--engine process: expected a JSON array of the program and its arguments, as process:["node","engine.js"]');
    return { kind: 'process', command, timeoutMs };
  }
  if (/^https?:\/\//.test(text)) return { kind: 'http', url: text, timeoutMs };
  throw new Error(`--engine: expected module:<file>, process:[...] or an http(s) URL, got ${JSON.stringify(text)}`);
}

export async function openEngine(spec: EngineSpec): Promise<Engine> {
  switch (spec.kind) {
    case 'module':
      return moduleEngine(spec);
    case 'process':
      return new ProcessEngine(spec);
    case 'http':
      return httpEngine(spec);
  }
}

async function moduleEngine(spec: Extract<EngineSpec, { kind: 'module' }>): Promise<Engine> {
  let mod: Record<string, unknown>;
  try {
    mod = (await import(pathToFileURL(resolve(spec.path)).href)) as Record<string, unknown>;
  } catch (e) {
    throw new Error(`--engine: cannot load ${spec.path}: ${(e as Error).message.split('\n')[0]}`);
  }
  const fn = mod[spec.export];
  if (typeof fn !== 'function') throw new Error(`--engine: ${spec.path} exports no function ${spec.export}`);
  return {
    spec,
    async rate(timeline) {
      try {
        const result = await withTimeout(Promise.resolve((fn as (t: TimelineInput) => unknown)(structuredClone(timeline))), spec.timeoutMs);
        if (result === TIMEOUT) return { ok: false, fault: 'timeout', message: `no answer within ${spec.timeoutMs} ms` };
        return validate(result);
      } catch (e) {
        return { ok: false, fault: 'threw', message: (e as Error).message ?? String(e) };
      }
    },
    async close() {},
  };
}

function httpEngine(spec: Extract<EngineSpec, { kind: 'http' }>): Engine {
  return {
    spec,
    async rate(timeline) {
      try {
        const res = await fetch(spec.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(timeline),
          signal: AbortSignal.timeout(spec.timeoutMs),
        });
        const text = await res.text();
        if (!res.ok) return { ok: false, fault: 'refused', message: `HTTP ${res.status}: ${text.slice(0, 200)}` };
        let body: unknown;
        try {
          body = JSON.parse(text);
        } catch {
          return { ok: false, fault: 'garbage', message: `not JSON: ${text.slice(0, 120)}` };
        }
        return validate(body);
      } catch (e) {
        const err = e as Error;
        return err.name === 'TimeoutError' ? { ok: false, fault: 'timeout', message: `no answer within ${spec.timeoutMs} ms` } : { ok: false, fault: 'refused', message: err.message };
      }
    },
    async close() {},
  };
}

/**
 * A long-lived process speaking JSON lines: `{"id", "timeline"}` in, `{"id", "outcome"}` or
 * `{"id", "error"}` out, one request at a time. A process that dies or hangs is restarted for the next case.
 */
class ProcessEngine implements Engine {
  private child: ChildProcessWithoutNullStreams | undefined;
  private pending: { id: number; resolve: (a: EngineAnswer) => void } | undefined;
  private nextId = 1;
  private stderr = '';

  constructor(readonly spec: Extract<EngineSpec, { kind: 'process' }>) {}

  private start(): ChildProcessWithoutNullStreams {
    const [program, ...args] = this.spec.command;
    const child = spawn(program!, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    this.stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      this.stderr = (this.stderr + d.toString()).slice(-2000);
    });
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => this.answer(line));
    child.on('exit', (code, signal) => {
      // A process killed after a timeout was already given up on: its exit belongs to no request.
      if (this.child !== child) return;
      this.child = undefined;
      this.settle({ ok: false, fault: 'exited', message: `the engine exited (${signal ?? `code ${code}`})${this.stderr ? `: ${this.stderr.trim().split('\n').pop()}` : ''}` });
    });
    child.on('error', (e) => {
      if (this.child === child) this.child = undefined;
      this.settle({ ok: false, fault: 'exited', message: e.message });
    });
    child.stdin.on('error', () => {});
    this.child = child;
    return child;
  }

  private answer(line: string): void {
    if (!this.pending) return;
    let msg: { id?: unknown; outcome?: unknown; error?: unknown };
    try {
      msg = JSON.parse(line);
    } catch {
      this.settle({ ok: false, fault: 'garbage', message: `not a JSON line: ${line.slice(0, 120)}` });
      return;
    }
    if (msg === null || typeof msg !== 'object' || msg.id !== this.pending.id) {
      this.settle({ ok: false, fault: 'garbage', message: `an answer to another request: ${line.slice(0, 120)}` });
      return;
    }
    if (msg.error !== undefined) this.settle({ ok: false, fault: 'refused', message: String(msg.error) });
    else this.settle(validate(msg.outcome));
  }

  private settle(a: EngineAnswer): void {
    const p = this.pending;
    this.pending = undefined;
    p?.resolve(a);
  }

  rate(timeline: TimelineInput): Promise<EngineAnswer> {
    const child = this.child ?? this.start();
    const id = this.nextId++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        if (this.pending?.id !== id) return;
        this.settle({ ok: false, fault: 'timeout', message: `no answer within ${this.spec.timeoutMs} ms` });
        child.kill('SIGKILL');
        this.child = undefined;
      }, this.spec.timeoutMs);
      this.pending = {
        id,
        resolve: (a) => {
          clearTimeout(timer);
          resolve(a);
        },
      };
      child.stdin.write(`${JSON.stringify({ id, timeline })}\n`);
    });
  }

  async close(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child) return;
    child.stdin.end();
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        resolve();
      }, 2_000);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}

const TIMEOUT = Symbol('timeout');
function withTimeout<T>(p: Promise<T>, ms: number): Promise<T | typeof TIMEOUT> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => resolve(TIMEOUT), ms);
    p.then(
      (v) => {
        clearTimeout(t);
        resolve(v);
      },
      (e) => {
        clearTimeout(t);
        reject(e);
      },
    );
  });
}
