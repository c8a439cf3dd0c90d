import { describe, expect, it } from 'vitest';
import { GenerationStats, SITUATIONS } from '../../generators/stats.ts';
import { catalog, generate, scenarioOf } from './helpers.ts';

describe('stats', () => {
  it('count personas, combinations, plans and situations with percentages', () => {
    const stats = new GenerationStats(catalog);
    for (const s of generate(scenarioOf([{ personas: ['everyday-user'], weight: 3 }, { personas: ['summer-roamer', 'late-payer'] }], { months: 2 }), 20)) stats.add(s);
    const json = stats.toJSON() as { subscribers: number; personas: Record<string, number>; situations: Record<string, number> };
    expect(json.subscribers).toBe(20);
    expect(json.personas['everyday-user']! + json.personas['summer-roamer']!).toBe(20);
    expect(Object.keys(json.situations)).toEqual(Object.keys(SITUATIONS));
    const text = stats.format();
    expect(text).toMatch(/^20 subscribers, \d+ subscriber-months/);
    expect(text).toMatch(/summer-roamer \+ late-payer +\d+ +\d+\.\d%/);
    expect(text).toMatch(/roams-eu: uses the line in another EU-zone country +\d+ +\d+\.\d% +CLIC-2\.2 BASE-D\.7\.1/);
  });
});
