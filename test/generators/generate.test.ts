/**
 * `termlab generate` end to end, as a subprocess: JSON lines of valid timelines on stdout or in a file
 * written whole, stats on request, and a bad scenario answered with exit 2 and nothing on stdout.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseTimeline } from '../../src/terms/model.ts';
import { ROOT } from './helpers.ts';

const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const dir = mkdtempSync(join(tmpdir(), 'termlab-generate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function termlab(...args: string[]) {
  const r = spawnSync(TSX, ['src/cli.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 30_000, maxBuffer: 1 << 28 });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('termlab generate', () => {
  it('writes N JSON lines of valid timelines to stdout, and the same to --out with --stats', () => {
    const r = termlab('generate', 'scenarios/default.yaml', '--count', '4', '--seed', '3');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    lines.forEach((line, i) => {
      const tl = parseTimeline(JSON.parse(line), `line ${i + 1}`);
      expect(tl.subscriber.id).toBe(`default-${String(i).padStart(6, '0')}`);
    });

    const out = join(dir, 'population.jsonl');
    const f = termlab('generate', 'scenarios/default.yaml', '--count', '4', '--seed', '3', '--out', out, '--stats');
    expect(f.status).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(r.stdout);
    expect(readdirSync(dir)).toEqual(['population.jsonl']);
    expect(f.stdout).toMatch(/^4 subscribers, \d+ subscriber-months, \d+ usage records/);
    expect(f.stdout).toMatch(/personas \(a subscriber may combine several\)/);
    expect(f.stdout).toMatch(/plan families/);
    expect(f.stdout).toMatch(/fair-use-exact: ends a period exactly at a CLIC-2\.3 limit +\d+ +\d+\.\d%/);
  });

  it('answers a bad scenario with exit 2, one line on stderr naming file and path, nothing on stdout', () => {
    const bad = join(dir, 'bad.yaml');
    writeFileSync(
      bad,
      readFileSync(join(ROOT, 'scenarios', 'default.yaml'), 'utf8')
        .replace('catalog: catalogs/default.yaml', `catalog: ${join(ROOT, 'scenarios', 'catalogs', 'default.yaml')}`)
        .replace('weight: 40', 'weight: lots'),
    );
    const out = join(dir, 'never.jsonl');
    const r = termlab('generate', bad, '--out', out);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^termlab: .*bad\.yaml: mix\[0\]\.weight: expected a number, got "lots"\n$/);
    expect(readdirSync(dir)).not.toContain('never.jsonl');
  });
});
