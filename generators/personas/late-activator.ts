import fc from 'fast-check';
import { z } from 'zod';
import { instantOn } from '../calendar.ts';
import type { Persona } from '../types.ts';

const parameters = z.strictObject({});
type Params = z.output<typeof parameters>;

/**
 * Receives the pack's SIMs some days after signing and activates them on the 13th to 16th day after
 * receipt, later, or never (CLIC-2.5: within 14 days, else the contract is terminated). The timing is
 * drawn with the contract (`activationAfterDays`), since the billing periods start at the activation.
 */
export const lateActivator: Persona<null, Params> = {
  id: 'late-activator',
  description: 'Activates the pack\'s SIMs on the 13th–16th day after receipt, later, or never (CLIC-2.5: within 14 days).',
  clauses: ['CLIC-2.5', 'BASE-D.10.1'],
  parameters,
  families: ['CLIC', 'CLIC_BUREAU'],
  fitsText: 'CLIC and CLIC Bureau packs (CLIC-2.5)',
  needs: { lateActivation: true },
  drawsOn: [],
  arbitrary: () => fc.constant(null),
  apply(_shape, life) {
    const { ctx } = life;
    if (ctx.received === null) return;
    life.add(instantOn(ctx.received, 9 * 3600), { type: 'sim_received' });
    if (ctx.activationEventAt !== null) life.add(ctx.activationEventAt, { type: 'activation' });
  },
};
