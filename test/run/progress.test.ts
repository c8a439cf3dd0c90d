import { describe, expect, it } from 'vitest';
import { progressBar, progressLine, wantsProgress } from '../../src/run/progress.ts';

function fakeStream(isTTY: boolean) {
  const out: string[] = [];
  return { out, stream: { isTTY, columns: 100, write: (s: string) => (out.push(s), true) } as unknown as NodeJS.WriteStream };
}

describe('the progress bar', () => {
  it('shows subscribers done of the total, the rate and the time left', () => {
    const line = progressLine('simulate default/7', 12_345, 100_000, 10, 100);
    expect(line).toMatch(/^simulate default\/7 \[=+> *\] 12,345\/100,000 subscribers {2}1,235\/s {2}ETA 1m11s$/);
    expect(line.length).toBeLessThanOrEqual(100);
    expect(progressLine('x', 100, 100, 4, 80)).toMatch(/\[=+\] 100\/100 subscribers {2}25\/s {2}ETA 0s$/);
  });

  it('is drawn on a terminal, at most every `every` ms, and cleared at the end', () => {
    const { out, stream } = fakeStream(true);
    let now = 0;
    const bar = progressBar({ label: 'simulate', total: 10, stream, enabled: true, every: 100, now: () => now });
    bar.update(1);
    now = 50;
    bar.update(2); // too soon
    now = 200;
    bar.update(3);
    bar.finish();
    expect(out).toHaveLength(3);
    expect(out[1]).toMatch(/^\rsimulate \[.*\] 3\/10 subscribers/);
    expect(out[2]).toMatch(/^\r +\r$/);
  });

  it('is quiet when stderr is not a terminal or CI is set', () => {
    const { out, stream } = fakeStream(false);
    const bar = progressBar({ label: 'simulate', total: 10, stream });
    bar.update(5);
    bar.finish();
    expect(out).toEqual([]);
    expect(wantsProgress(fakeStream(true).stream, { CI: 'true' })).toBe(false);
    expect(wantsProgress(fakeStream(true).stream, {})).toBe(true);
    expect(wantsProgress(fakeStream(false).stream, {})).toBe(false);
  });
});
