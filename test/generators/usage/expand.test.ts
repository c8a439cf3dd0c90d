import { describe, expect, it } from 'vitest';
import { Svc } from '../../../src/domain/families.ts';
import { classifyNumber } from '../../../src/domain/numbering.ts';
import { generate, scenarioOf } from '../helpers.ts';

describe('usage expansion', () => {
  const subs = generate(scenarioOf([{ personas: ['everyday-user'] }, { personas: ['business-traveller'] }, { personas: ['phone2go-sharer'] }], { months: 2 }), 30);

  it('writes destination classes the number classifier agrees with', () => {
    for (const s of subs) {
      const u = s.usage;
      for (let i = 0; i < u.count; i++) {
        if (u.service[i] === Svc.DATA) continue;
        expect((classifyNumber(u.numbers[u.to[i]!]!) as { dest: number }).dest).toBe(u.dest[i]);
      }
    }
  });

  it('keeps each line to what it can do: data on the data SIM, fixed lines in Belgium, calls on Phone2Go', () => {
    for (const s of subs) {
      const kinds = s.timeline.contract.lines.map((l) => l.kind);
      const u = s.usage;
      for (let i = 0; i < u.count; i++) {
        const kind = kinds[u.line[i]!];
        if (kind === 'data') expect(u.service[i]).toBe(Svc.DATA);
        if (kind === 'fixed') expect(u.countries[u.country[i]!]).toBe('BE');
        if (kind === 'phone2go' || kind === 'fixed') expect(u.service[i]).toBe(Svc.CALL);
      }
    }
  });
});
