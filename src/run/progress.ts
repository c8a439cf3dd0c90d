/**
 * A one-line progress bar on stderr: subscribers done of the total, the rate and the time left. Drawn
 * only on a terminal and never when `CI` is set, so logs and pipes stay clean.
 */
export interface Progress {
  update(done: number): void;
  /** Clears the bar (the caller prints its own summary). */
  finish(): void;
}

export interface ProgressOptions {
  readonly label: string;
  readonly total: number;
  readonly stream?: NodeJS.WriteStream;
  /** Default: the stream is a TTY and `CI` is not set. */
  readonly enabled?: boolean;
  /** Milliseconds between redraws. */
  readonly every?: number;
  readonly now?: () => number;
}

const QUIET: Progress = { update() {}, finish() {} };

/** Whether a progress bar belongs on `stream` here. */
export function wantsProgress(stream: NodeJS.WriteStream = process.stderr, env: NodeJS.ProcessEnv = process.env): boolean {
  return stream.isTTY === true && !env.CI;
}

export function progressBar(options: ProgressOptions): Progress {
  const stream = options.stream ?? process.stderr;
  if (!(options.enabled ?? wantsProgress(stream))) return QUIET;
  const now = options.now ?? (() => performance.now());
  const every = options.every ?? 100;
  const began = now();
  let drawn = -Infinity;
  let width = 0;
  const draw = (done: number) => {
    const line = progressLine(options.label, done, options.total, (now() - began) / 1000, stream.columns ?? 80);
    stream.write(`\r${line.padEnd(width)}`);
    width = line.length;
  };
  return {
    update(done) {
      const t = now();
      if (t - drawn < every && done < options.total) return;
      drawn = t;
      draw(done);
    },
    finish() {
      if (width > 0) stream.write(`\r${' '.repeat(width)}\r`);
    },
  };
}

/** `label [=====>    ] 12,345/100,000 subscribers  1,234/s  ETA 1m12s`, fitted to `columns`. */
export function progressLine(label: string, done: number, total: number, seconds: number, columns = 80): string {
  const rate = seconds > 0 ? done / seconds : 0;
  const eta = rate > 0 ? (total - done) / rate : Infinity;
  const counts = `${fmt(done)}/${fmt(total)} subscribers  ${fmt(rate)}/s  ETA ${done >= total ? '0s' : duration(eta)}`;
  const room = columns - label.length - counts.length - 5;
  if (room < 10) return `${label} ${counts}`.slice(0, Math.max(0, columns - 1));
  const bar = Math.min(40, room);
  const filled = total > 0 ? Math.min(bar, Math.floor((bar * done) / total)) : bar;
  return `${label} [${'='.repeat(filled)}${filled < bar ? '>' : ''}${' '.repeat(Math.max(0, bar - filled - 1))}] ${counts}`;
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}
