import fc from 'fast-check';
import { z } from 'zod';
import { Zone } from '../../src/domain/countries.ts';
import { formatInstant, type Day } from '../../src/domain/time.ts';
import { instantOn } from '../calendar.ts';
import { officeSecond, secondOfDay, weighted } from '../edges.ts';
import { horizonDay } from '../events/horizon-day.ts';
import type { Persona } from '../types.ts';
import { UsageFlag } from '../../src/domain/usage.ts';

const parameters = z.strictObject({
  sessionsPerMonth: z.number().min(0).max(60).default(4).describe('app sessions logged a month'),
  concurrentShare: z.number().min(0).max(1).default(0.3).describe('share of sessions with the same licence logged in on a second device meanwhile'),
  emergencyCalls: z.int().min(0).max(10).default(1).describe('most emergency calls through the app'),
});
type Params = z.output<typeof parameters>;

export interface Phone2GoShape {
  readonly sessions: ReadonlyArray<{ readonly licence: number; readonly day: Day; readonly second: number; readonly minutes: number; readonly concurrent: boolean; readonly overlapStart: number }>;
  readonly emergencies: ReadonlyArray<{ readonly licence: number; readonly day: Day; readonly second: number; readonly app: 'desktop' | 'mobile'; readonly atInstallation: boolean; readonly locationShared: boolean; readonly mobileNetwork: boolean }>;
}

/** Uses the Phone2Go app (CLIC-2.7, 2.9): logs a licence in on two devices at once, calls 112 through the app. */
export const phone2goSharer: Persona<Phone2GoShape, Params> = {
  id: 'phone2go-sharer',
  description: 'Uses Phone2Go: a licence logged in on two devices at once (CLIC-2.9), emergency calls through the app (CLIC-2.10).',
  clauses: ['CLIC-2.7', 'CLIC-2.9', 'CLIC-2.10', 'BASE-B.2.3'],
  parameters,
  families: ['CLIC'],
  fitsPlan: (plan, catalog) => catalog.options.phone2go.families.includes(plan.family),
  fitsText: 'plans the Phone2Go option is sold with (CLIC, not CLIC Bureau)',
  needs: { phone2go: true },
  drawsOn: ['lines', 'horizon'],
  arbitrary(ctx, p) {
    const licences = ctx.lines.filter((l) => l.kind === 'phone2go').map((l) => l.index);
    if (licences.length === 0) return fc.constant({ sessions: [], emergencies: [] });
    const c = Math.round(p.concurrentShare * 100);
    return fc.record({
      sessions: fc.array(
        fc.record({
          licence: fc.constantFrom(...licences),
          day: horizonDay(ctx),
          second: officeSecond(),
          minutes: fc.integer({ min: 5, max: 600 }),
          concurrent: c <= 0 ? fc.constant(false) : c >= 100 ? fc.constant(true) : weighted([[false, 100 - c], [true, c]]),
          overlapStart: fc.integer({ min: 0, max: 599 }),
        }),
        { maxLength: Math.max(1, Math.ceil((p.sessionsPerMonth * ctx.days * 2) / 30)) },
      ),
      emergencies: fc.array(
        fc.record({
          licence: fc.constantFrom(...licences),
          day: horizonDay(ctx),
          second: secondOfDay(),
          app: fc.constantFrom('desktop' as const, 'mobile' as const),
          atInstallation: fc.boolean(),
          locationShared: fc.boolean(),
          mobileNetwork: fc.boolean(),
        }),
        { maxLength: p.emergencyCalls },
      ),
    });
  },
  apply(s, life) {
    const { ctx } = life;
    for (const x of s.sessions) {
      const line = ctx.lines[x.licence];
      if (!line || line.kind !== 'phone2go') continue;
      const t = instantOn(x.day, x.second);
      const until = t + x.minutes * 60;
      life.add(t, { type: 'phone2go_login', line: line.id, device: 'desktop-1', until: formatInstant(until) });
      if (x.concurrent) {
        const t2 = t + 60 * (x.overlapStart % x.minutes);
        life.add(t2, { type: 'phone2go_login', line: line.id, device: 'mobile-1', until: formatInstant(t2 + 1_800) });
      }
    }
    const byDay = new Map<Day, Phone2GoShape['emergencies'][number][]>();
    for (const e of s.emergencies) byDay.set(e.day, [...(byDay.get(e.day) ?? []), e]);
    if (byDay.size === 0) return;
    life.hook({
      day(d) {
        const list = byDay.get(d.day);
        if (!list) return;
        for (const e of list) {
          const t = d.dayStart + Math.min(e.second, d.dayLength - 121);
          if (ctx.lines[e.licence]?.kind !== 'phone2go' || !d.usable(e.licence, t)) continue;
          const flags =
            (e.app === 'desktop' ? UsageFlag.APP_DESKTOP : UsageFlag.APP_MOBILE) |
            (e.atInstallation && d.zone === Zone.BE ? UsageFlag.AT_INSTALLATION_ADDRESS : 0) |
            (e.locationShared ? UsageFlag.LOCATION_SHARED : 0) |
            (e.mobileNetwork ? UsageFlag.MOBILE_NETWORK : 0);
          d.call(t, e.licence, d.special(4), d.dest, 60 + (e.second % 600), false, flags);
        }
      },
    });
  },
};
