import { z } from 'zod';
import { FAMILIES } from '../../src/domain/families.ts';
import { addWorkingDays, instantOn } from '../calendar.ts';
import { simLoss, type SimLossShape } from '../events/sim-loss.ts';
import type { Persona } from '../types.ts';

const parameters = z.strictObject({
  thiefCallsPerHour: z.number().min(0).max(60).default(2).describe('calls a thief makes per hour before the suspension request'),
});
type Params = z.output<typeof parameters>;

/** Loses a SIM (or has it stolen), asks to suspend, gets a new one; the suspension is lifted some working days later. */
export const simLoser: Persona<SimLossShape, Params> = {
  id: 'sim-loser',
  description: 'Loses a SIM or has it stolen, asks to suspend, gets a new SIM; the suspension is lifted on the 5th or 6th working day (BASE-B.3.1.3).',
  clauses: ['BASE-B.3.1.3', 'BASE-B.3.2.4', 'BASE-D.10.2.1'],
  parameters,
  families: FAMILIES,
  fitsText: 'any plan',
  drawsOn: ['lines', 'horizon'],
  arbitrary: (ctx) => simLoss(ctx),
  apply(s, life, p) {
    const ctx = life.ctx;
    const line = ctx.lines[s.line];
    if (!line || line.kind !== 'mobile') return;
    const lostAt = instantOn(s.day, s.second);
    const reportAt = lostAt + s.reportAfterHours * 3600;
    const replacedDay = s.day + Math.floor((s.second + s.reportAfterHours * 3600) / 86_400) + s.replacedAfterDays;
    const replacedAt = Math.max(reportAt + 60, instantOn(replacedDay, 10 * 3600));
    const liftedAt = Math.max(replacedAt + 60, instantOn(addWorkingDays(replacedDay, s.liftAfterWorkingDays), 11 * 3600));
    // Reporting the loss suspends the SIM (B.3.1.3); the new SIM works once the suspension is lifted.
    life.add(reportAt, { type: 'sim_lost', line: line.id, cause: s.cause });
    life.add(replacedAt, { type: 'sim_replaced', line: line.id });
    life.add(liftedAt, { type: 'suspension_lifted' });
    life.block(lostAt, liftedAt, s.line);
    if (s.cause !== 'stolen' || s.reportAfterHours === 0) return;
    // The thief's calls between the theft and the suspension request: the client pays them.
    const perSecond = p.thiefCallsPerHour / 3600;
    life.hook({
      day(d) {
        const from = Math.max(lostAt, d.dayStart);
        const to = Math.min(reportAt, d.dayStart + d.dayLength - 120);
        let t = from + Math.floor(d.rng.exp(1 / Math.max(perSecond, 1e-9)));
        while (t < to && t < d.life.endAt) {
          const to_ = d.rng.chance(0.5) ? d.special(1) : d.foreignNumber();
          const seconds = 60 + Math.floor(d.rng.float() * 1_200);
          d.call(t, s.line, to_, d.dest, seconds);
          t += seconds + Math.floor(d.rng.exp(1 / Math.max(perSecond, 1e-9)));
        }
      },
    });
  },
};
