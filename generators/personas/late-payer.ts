import fc from 'fast-check';
import { z } from 'zod';
import { latePayment, onTimePayment, paymentAfterIndemnityDeadline } from '../events/payment.ts';
import type { PaymentPlan } from '../life.ts';
import type { Persona } from '../types.ts';

const parameters = z.strictObject({
  lateShare: z.number().min(0).max(1).default(0.6).describe('share of statements paid late'),
  afterDeadlineShare: z.number().min(0).max(1).default(0.3).describe('share of late payments made after the reminder\'s deadline, when the flat indemnity applies'),
});
type Params = z.output<typeof parameters>;

/** Pays most statements late: a day or a few after the due date, sometimes past the reminder's deadline. */
export const latePayer: Persona<PaymentPlan[], Params> = {
  id: 'late-payer',
  description: 'Pays statements a day or a few late (after the reminder), sometimes past the reminder\'s deadline, around the day the indemnity starts (BASE-D.8.6).',
  clauses: ['BASE-D.8.5', 'BASE-D.8.6', 'BASE-D.10.2.1'],
  parameters,
  families: ['CLIC', 'CLIC_BUREAU', 'BASE_SUBSCRIPTION'],
  fitsText: 'subscriptions (prepaid is never invoiced)',
  needs: { manualPayment: true },
  drawsOn: ['plan', 'statements'],
  arbitrary(ctx, p) {
    const late = Math.round(p.lateShare * 100);
    const after = Math.round(p.afterDeadlineShare * late);
    const options = [
      { weight: Math.max(0, 100 - late), arbitrary: onTimePayment(ctx.catalog.paymentTermDays) },
      { weight: Math.max(0, late - after), arbitrary: latePayment(ctx.catalog.dunning.indemnityAfterDays) },
      { weight: after, arbitrary: paymentAfterIndemnityDeadline(ctx.catalog.dunning.indemnityAfterDays) },
    ].filter((o) => o.weight > 0);
    const one = options.length > 0 ? fc.oneof(...options) : onTimePayment(ctx.catalog.paymentTermDays);
    return fc.tuple(...ctx.statements.map(() => one));
  },
  apply(plans, life) {
    plans.forEach((plan, i) => {
      if (i < life.payments.length) life.payments[i] = plan;
    });
  },
};
