import fc from 'fast-check';
import { z } from 'zod';
import { dayFromYmd, formatDate, ymdOfDay, type Day } from '../../src/domain/time.ts';
import { addMonths, instantOn } from '../calendar.ts';
import { edgeInt, maybe, secondOfDay } from '../edges.ts';
import { changeNotice, type ChangeNoticeShape } from '../events/change-notice.ts';
import type { BuildContext, Persona } from '../types.ts';

const parameters = z.strictObject({
  otherChangeShare: z.number().min(0).max(1).default(0.3).describe('share also getting a non-CPI change in the year'),
  leaveAfterIndexationShare: z.number().min(0).max(0.5).default(0.1).describe('share leaving within three months of a CPI notice (not penalty-free: BASE-D.10.3.2.4)'),
});
type Params = z.output<typeof parameters>;

/** January firsts after the activation and before the horizon's end. */
function januaries(ctx: BuildContext): Day[] {
  const out: Day[] = [];
  for (let y = ymdOfDay(ctx.start).year + 1; dayFromYmd(y, 1, 1) < ctx.until; y++) out.push(dayFromYmd(y, 1, 1));
  return out;
}

export interface PriceChangeStayerShape {
  readonly indexations: ReadonlyArray<{ readonly noticeDelta: number; readonly second: number; readonly permille: number }>;
  readonly other: ChangeNoticeShape | null;
  readonly leave: { readonly afterDays: number; readonly second: number } | null;
}

/** Gets the January CPI indexation (BASE-D.7.3) and other announced changes, and stays. */
export const priceChangeStayer: Persona<PriceChangeStayerShape, Params> = {
  id: 'price-change-stayer',
  description: 'Gets the January CPI indexation (announced a month ahead, or a day short) and other changes, and mostly stays (BASE-D.7.3, D.11.1).',
  clauses: ['BASE-D.7.3', 'BASE-D.11.1', 'BASE-D.10.3.2.4', 'BASE-B.1.2.4', 'BASE-D.11.3'],
  parameters,
  families: ['CLIC', 'CLIC_BUREAU', 'BASE_SUBSCRIPTION', 'BASE_PREPAID'],
  fitsText: 'any plan',
  drawsOn: ['horizon'],
  arbitrary: (ctx, p) =>
    fc.record({
      indexations: fc.tuple(
        ...januaries(ctx).map(() => fc.record({ noticeDelta: edgeInt(-10, 5, [-1, 0, 1], 0.7), second: secondOfDay(), permille: fc.integer({ min: 5, max: 60 }) })),
      ),
      other: maybe(changeNotice(ctx), p.otherChangeShare),
      leave: maybe(fc.record({ afterDays: edgeInt(0, 100, [0, 89, 90, 91], 0.5), second: secondOfDay() }), p.leaveAfterIndexationShare),
    }),
  apply(s, life) {
    const { ctx } = life;
    januaries(ctx).forEach((jan, i) => {
      const x = s.indexations[i];
      if (!x) return;
      const noticeDay = addMonths(jan, -1) - x.noticeDelta;
      const at = instantOn(noticeDay, x.second);
      life.add(at, { type: 'change_announced', effectiveOn: formatDate(jan), kind: 'cpi_indexation', feeChangePercent: x.permille / 10 });
      life.add(instantOn(jan, 0), { type: 'cpi_indexation', percent: x.permille / 10 });
      if (i === 0 && s.leave && life.ctx.family !== 'BASE_PREPAID') {
        const t = Math.max(at + 60, instantOn(noticeDay + s.leave.afterDays, s.leave.second));
        life.add(t, { type: 'termination', by: 'client', reason: 'change_of_conditions' });
        life.end(t, 'termination');
      }
    });
    const o = s.other;
    if (o && o.kind !== 'cpi_indexation') {
      const effective = addMonths(o.day, 1) + o.noticeDelta;
      life.add(instantOn(o.day, o.second), {
        type: 'change_announced',
        effectiveOn: formatDate(Math.max(effective, o.day)),
        kind: o.kind,
        feeChangePercent: (o.kind === 'beneficial' ? -o.permille : o.permille) / 10,
      });
    }
  },
};
