import fc from 'fast-check';
import { z } from 'zod';
import { FAMILIES } from '../../src/domain/families.ts';
import type { Day } from '../../src/domain/time.ts';
import { instantOn } from '../calendar.ts';
import { edgeInt, maybe, secondOfDay } from '../edges.ts';
import { horizonDay } from '../events/horizon-day.ts';
import type { Persona } from '../types.ts';

const parameters = z.strictObject({
  messagesPerMonth: z.number().min(0).max(100).default(4).describe('group messages a month'),
  maxRecipients: z.int().min(2).max(10_000).default(300).describe('largest group'),
  reportShare: z.number().min(0).max(1).default(0.2).describe('share reported for unsolicited commercial messages'),
});
type Params = z.output<typeof parameters>;

export interface GroupTexterShape {
  readonly messages: ReadonlyArray<{ readonly day: Day; readonly second: number; readonly recipients: number; readonly characters: number }>;
  readonly report: { readonly day: Day; readonly second: number } | null;
}

/** Sends SMS to groups, often just at or past the 20 recipients BASE-B.3.3.1 allows. */
export const groupTexter: Persona<GroupTexterShape, Params> = {
  id: 'group-texter',
  description: 'Sends SMS to groups, leaning to 20 and 21 recipients (BASE-B.3.3.1 forbids more than 20).',
  clauses: ['BASE-B.3.3.1', 'BASE-B.3.3.2', 'BASE-B.5', 'BASE-A'],
  parameters,
  families: FAMILIES,
  fitsText: 'any plan',
  drawsOn: ['horizon'],
  arbitrary: (ctx, p) =>
    fc.record({
      messages: fc.array(
        fc.record({
          day: horizonDay(ctx),
          second: secondOfDay(),
          recipients: edgeInt(2, p.maxRecipients, [20, 21], 0.6),
          characters: edgeInt(1, 480, [160, 161], 0.3),
        }),
        { minLength: 1, maxLength: Math.max(1, Math.ceil((p.messagesPerMonth * ctx.days * 2) / 30)) },
      ),
      report: maybe(fc.record({ day: horizonDay(ctx), second: secondOfDay() }), p.reportShare),
    }),
  apply(s, life) {
    const byDay = new Map<Day, GroupTexterShape['messages'][number][]>();
    for (const m of s.messages) byDay.set(m.day, [...(byDay.get(m.day) ?? []), m]);
    if (s.report) life.add(instantOn(s.report.day, s.report.second), { type: 'abuse_report', kind: 'commercial_messages', line: life.ctx.lines[0]!.id });
    life.hook({
      day(d) {
        const list = byDay.get(d.day);
        if (!list) return;
        for (const m of list) {
          const t = d.dayStart + Math.min(m.second, d.dayLength - 121);
          if (!d.usable(0, t)) continue;
          d.sms(t, 0, d.contact(), d.dest, m.characters, m.recipients);
        }
      },
    });
  },
};
