/**
 * JSON-lines adapter: one request per stdin line, `{"id": …, "timeline": {…}}`; one answer per stdout
 * line, `{"id": …, "outcome": {…}}` or `{"id": …, "error": "…"}`, in order, each written as soon as it
 * is computed. Nothing else goes to stdout (logs go to stderr). Exits 0 when stdin ends.
 *
 *   node_modules/.bin/tsx examples/engine/main.ts
 */
import { createInterface } from 'node:readline';
import { rate } from './index.ts';

function answer(line: string): string {
  let id: unknown = null;
  try {
    const request = JSON.parse(line) as unknown;
    if (typeof request !== 'object' || request === null || Array.isArray(request)) throw new Error('expected a JSON object {"id", "timeline"}');
    id = (request as { id?: unknown }).id ?? null;
    if (!('timeline' in request)) throw new Error('expected a "timeline" field');
    return JSON.stringify({ id, outcome: rate((request as { timeline: unknown }).timeline) });
  } catch (err) {
    return JSON.stringify({ id, error: err instanceof Error ? err.message : String(err) });
  }
}

const input = createInterface({ input: process.stdin, crlfDelay: Infinity });
let served = 0;
input.on('line', (line) => {
  if (line.trim() === '') return;
  process.stdout.write(`${answer(line)}\n`);
  served++;
});
input.on('close', () => {
  process.stderr.write(`example engine: ${served} request(s) served\n`);
  process.exitCode = 0;
});
