import fc from 'fast-check';
import { z } from 'zod';
import { formatDate } from '../../src/domain/time.ts';
import { addMonths, instantOn } from '../calendar.ts';
import { edgeInt, secondOfDay } from '../edges.ts';
import { changeNotice, type ChangeNoticeShape } from '../events/change-notice.ts';
import type { Persona } from '../types.ts';

const parameters = z.strictObject({});
type Params = z.output<typeof parameters>;

export interface PriceChangeLeaverShape {
  readonly notice: ChangeNoticeShape;
  /** Days around three months after the notice (−1, 0, +1), or days after the notice when `null`. */
  readonly aroundThreeMonths: number | null;
  readonly days: number;
  readonly second: number;
}

/** Receives an announced change and leaves within, or just after, the three months BASE-D.10.3.2.4 allows. */
export const priceChangeLeaver: Persona<PriceChangeLeaverShape, Params> = {
  id: 'price-change-leaver',
  description: 'Gets an announced change of conditions and leaves within (or a day after) the three penalty-free months (BASE-D.10.3.2.4, D.11.2).',
  clauses: ['BASE-D.10.3.2.4', 'BASE-D.11.1', 'BASE-D.11.2', 'BASE-D.7.3', 'BASE-D.10.3.2.1'],
  parameters,
  families: ['CLIC', 'CLIC_BUREAU', 'BASE_SUBSCRIPTION'],
  fitsText: 'subscriptions',
  drawsOn: ['horizon'],
  arbitrary: (ctx) =>
    fc.record({
      notice: changeNotice(ctx),
      aroundThreeMonths: fc.oneof({ weight: 3, arbitrary: edgeInt(-1, 1, [-1, 0, 1], 1) as fc.Arbitrary<number | null> }, { weight: 2, arbitrary: fc.constant(null) }),
      days: fc.integer({ min: 0, max: 120 }),
      second: secondOfDay(),
    }),
  apply(s, life) {
    const { ctx } = life;
    const n = s.notice;
    const effective = addMonths(n.day, 1) + n.noticeDelta;
    const option = n.optionOnly && ctx.options.length > 0 ? ctx.options[n.day % ctx.options.length] : undefined;
    life.add(instantOn(n.day, n.second), {
      type: 'change_announced',
      effectiveOn: formatDate(Math.max(effective, n.day)),
      kind: n.kind,
      ...(option ? { option } : {}),
      feeChangePercent: (n.kind === 'beneficial' ? -n.permille : n.permille) / 10,
    });
    const day = s.aroundThreeMonths === null ? n.day + s.days : addMonths(n.day, 3) + s.aroundThreeMonths;
    const t = Math.max(instantOn(day, s.second), instantOn(n.day, n.second) + 60);
    life.add(t, { type: 'termination', by: 'client', reason: 'change_of_conditions' });
    life.end(t, 'termination');
  },
};
