import fc from 'fast-check';
import { z } from 'zod';
import { formatDate, type Day } from '../../src/domain/time.ts';
import { addMonths, instantOn } from '../calendar.ts';
import { secondOfDay, unitDelta } from '../edges.ts';
import { horizonDay } from '../events/horizon-day.ts';
import type { Persona } from '../types.ts';

const parameters = z.strictObject({});
type Params = z.output<typeof parameters>;

export type FixedTermLeaverShape =
  /** Around the end of the sixth month (BASE-D.10.3.2.1): the day before, on it, the day after. */
  | { readonly kind: 'sixth-month'; readonly delta: -1 | 0 | 1; readonly second: number }
  /** Any day in the first six months. */
  | { readonly kind: 'early'; readonly day: Day; readonly second: number }
  /** Written notice around one month before the term ends (BASE-D.10.3.2.2), effective at its end. */
  | { readonly kind: 'notice'; readonly delta: -1 | 0 | 1; readonly second: number }
  | { readonly kind: 'any'; readonly day: Day; readonly second: number };

/** On a fixed term, leaves in or just after the sixth month, or gives notice around a month before the term ends. */
export const fixedTermLeaver: Persona<FixedTermLeaverShape, Params> = {
  id: 'fixed-term-leaver',
  description: 'On a fixed term, leaves around the end of the sixth month or gives notice about a month before the term ends (BASE-D.10.3.2.1–2).',
  clauses: ['BASE-D.10.3.2.1', 'BASE-D.10.3.2.2', 'BASE-D.6.5', 'BASE-D.10.1'],
  parameters,
  families: ['BASE_SUBSCRIPTION'],
  fitsText: 'BASE subscriptions (CLIC is indefinite by CLIC-5.1)',
  needs: { fixedTerm: true },
  drawsOn: ['horizon'],
  arbitrary(ctx) {
    const sixth = addMonths(ctx.start, 6) - ctx.start;
    return fc.oneof(
      { weight: 4, arbitrary: fc.record({ kind: fc.constant('sixth-month' as const), delta: unitDelta(), second: secondOfDay() }) },
      { weight: 2, arbitrary: fc.record({ kind: fc.constant('early' as const), day: horizonDay(ctx, 1, sixth), second: secondOfDay() }) },
      { weight: 2, arbitrary: fc.record({ kind: fc.constant('notice' as const), delta: unitDelta(), second: secondOfDay() }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('any' as const), day: horizonDay(ctx, 1), second: secondOfDay() }) },
    );
  },
  apply(s, life) {
    const { ctx } = life;
    const months = ctx.term.kind === 'fixed' ? ctx.term.months : 12;
    if (s.kind === 'notice') {
      const end = addMonths(ctx.start, months);
      const day = addMonths(end, -1) + s.delta;
      if (day <= ctx.start || day >= ctx.until) return;
      life.add(instantOn(day, s.second), { type: 'termination', by: 'client', reason: 'client_choice', effectiveOn: formatDate(end) });
      life.end(instantOn(end, 0), 'termination');
      return;
    }
    const day = s.kind === 'sixth-month' ? addMonths(ctx.start, 6) + s.delta : s.day;
    if (day <= ctx.start || day >= ctx.until) return;
    const t = instantOn(day, s.second);
    life.add(t, { type: 'termination', by: 'client', reason: 'client_choice' });
    life.end(t, 'termination');
  },
};
