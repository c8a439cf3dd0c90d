import fc from 'fast-check';
import { z } from 'zod';
import type { Catalog } from '../../src/domain/catalog.ts';
import type { Day } from '../../src/domain/time.ts';
import { addMonths, instantOn } from '../calendar.ts';
import { maybe, secondOfDay, unitDelta, weighted } from '../edges.ts';
import { horizonDay } from '../events/horizon-day.ts';
import type { Persona } from '../types.ts';
import { scaleProfile } from '../usage-profile.ts';

const parameters = z.strictObject({
  topUpsPerMonth: z.number().min(0).max(10).default(1).describe('top-ups a month'),
  dormantShare: z.number().min(0).max(1).default(0.2).describe('share going about 12 months without a top-up (BASE-B.2.2)'),
  migrateShare: z.number().min(0).max(1).default(0.1).describe('share moving to a subscription (BASE-B.1.2.3 refund)'),
  activity: z.number().min(0).max(5).default(0.5).describe('share of an everyday user\'s usage'),
});
type Params = z.output<typeof parameters>;

const subscriptions = (catalog: Catalog) => [...catalog.plans.values()].filter((p) => p.family === 'BASE_SUBSCRIPTION' && p.mobileSims >= 1).map((p) => p.id);

export interface PrepaidTopperShape {
  readonly topUps: ReadonlyArray<{ readonly day: Day; readonly second: number; readonly cents: number; readonly promotional: boolean }>;
  /** One top-up at activation, then the next around 12 months later (−1, 0, +1 day), or none. */
  readonly dormant: { readonly delta: -1 | 0 | 1; readonly cents: number } | null;
  readonly migrate: { readonly day: Day; readonly second: number; readonly plan: string } | null;
}

/** Prepaid credit topped up now and then, sometimes dormant for a year; may move to a subscription. */
export const prepaidTopper: Persona<PrepaidTopperShape, Params> = {
  id: 'prepaid-topper',
  description: 'Tops up prepaid credit now and then, sometimes not for about 12 months (BASE-B.2.2), may migrate to a subscription.',
  clauses: ['BASE-B.1.2.1', 'BASE-B.1.2.2', 'BASE-B.1.2.3', 'BASE-B.2.2', 'BASE-B.1.2.4'],
  parameters,
  families: ['BASE_PREPAID'],
  fitsText: 'BASE_PREPAID plans',
  drawsOn: ['plan', 'horizon'],
  arbitrary(ctx, p) {
    const amounts = fc.constantFrom(500, 1000, 1500, 2000, 2500, 5000);
    const subs = subscriptions(ctx.catalog);
    return fc.record({
      // Each top-up a tuple mapped into it: some twelve are drawn per subscriber, and fc.record's generic mapping costs more than the fields.
      topUps: fc.array(fc.tuple(horizonDay(ctx), secondOfDay(), amounts, weighted([[false, 9], [true, 1]])).map(([day, second, cents, promotional]) => ({ day, second, cents, promotional })), {
        maxLength: Math.max(1, Math.ceil((p.topUpsPerMonth * ctx.days * 2) / 30)),
      }),
      dormant: maybe(fc.record({ delta: unitDelta(), cents: amounts }), p.dormantShare),
      migrate: subs.length === 0 ? fc.constant(null) : maybe(fc.record({ day: horizonDay(ctx, 1), second: secondOfDay(), plan: fc.constantFrom(...subs) }), p.migrateShare),
    });
  },
  apply(s, life, p) {
    const { ctx } = life;
    life.ownsTopUps = true;
    scaleProfile(life.profile, p.activity);
    if (s.dormant) {
      life.add(ctx.startAt, { type: 'top_up', amountCents: s.dormant.cents, promotional: false });
      life.add(instantOn(addMonths(ctx.start, 12) + s.dormant.delta, 12 * 3600), { type: 'top_up', amountCents: s.dormant.cents, promotional: false });
    } else {
      life.add(ctx.startAt, { type: 'top_up', amountCents: 1000, promotional: false });
      for (const t of s.topUps) life.add(instantOn(t.day, t.second), { type: 'top_up', amountCents: t.cents, promotional: t.promotional });
    }
    if (s.migrate) life.add(instantOn(s.migrate.day, s.migrate.second), { type: 'plan_change', plan: s.migrate.plan });
  },
};
