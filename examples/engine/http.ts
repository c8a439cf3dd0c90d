/**
 * HTTP adapter: `POST /rate` with a timeline as the JSON body → 200 and the outcome, or 400 and
 * `{"error": "…"}`. Listens on 127.0.0.1 only; stops on SIGTERM (and SIGINT).
 *
 *   node_modules/.bin/tsx examples/engine/http.ts [port]      (default 8787; 0 picks a free port)
 *
 * The port actually bound is written to stderr as `example engine listening on http://127.0.0.1:PORT`.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { rate } from './index.ts';

const MAX_BODY = 64 * 1024 * 1024;

export function startServer(port: number): Promise<Server> {
  const server = createServer((req, res) => {
    const send = (status: number, body: unknown): void => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.url !== '/rate') return send(404, { error: 'not found: POST /rate' });
    if (req.method !== 'POST') return send(405, { error: 'expected POST /rate' });
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        send(413, { error: 'body too large' });
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => {
      if (res.headersSent) return;
      try {
        send(200, rate(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
      } catch (err) {
        send(400, { error: err instanceof Error ? err.message : String(err) });
      }
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const port = Number(process.argv[2] ?? process.env.PORT ?? 8787);
  const server = await startServer(port);
  process.stderr.write(`example engine listening on http://127.0.0.1:${(server.address() as AddressInfo).port}\n`);
  const stop = (): void => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
