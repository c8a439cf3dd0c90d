import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/domain/errors.ts';
import { parseShard, shardRange } from '../../src/run/shard.ts';

describe('shards', () => {
  it('reads i/n with 1 ≤ i ≤ n', () => {
    expect(parseShard('2/8')).toEqual({ index: 2, count: 8 });
    expect(parseShard('1/1')).toEqual({ index: 1, count: 1 });
    for (const bad of ['0/2', '3/2', '1/0', 'a/b', '1', '1/2/3', ' 1/2'])
      expect(() => parseShard(bad)).toThrow(new InputError('command line', '--shard', 'expected i/n with 1 ≤ i ≤ n, such as 2/8 (with a Kubernetes Indexed Job: $((JOB_COMPLETION_INDEX + 1))/N)', bad));
  });

  it('cuts the population into contiguous slices that cover it once', () => {
    for (const [count, n] of [
      [10, 3],
      [100_000, 8],
      [5, 7],
      [1, 1],
    ] as const) {
      const ranges = Array.from({ length: n }, (_, i) => shardRange({ index: i + 1, count: n }, count));
      expect(ranges[0]![0]).toBe(0);
      expect(ranges[n - 1]![1]).toBe(count);
      for (let i = 1; i < n; i++) expect(ranges[i]![0]).toBe(ranges[i - 1]![1]);
    }
    expect(shardRange({ index: 2, count: 3 }, 10)).toEqual([3, 6]);
  });
});
