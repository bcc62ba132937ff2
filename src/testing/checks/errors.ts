/**
 * The error taxonomy: an unknown id is `not-found` everywhere. (Every rejection any check meets
 * must be a `BackendError` of a known kind: the context fails anything else.)
 */
import { short } from '../check.js';
import type { ConformanceCheck } from '../check.js';
import { describeDiscard, describeUpdate, newKey } from './helpers.js';

export const ERROR_CHECKS: ConformanceCheck[] = [
  {
    id: 'errors.unknown-id-not-found',
    rule: 'An unknown invoice or customer id rejects not-found (a BackendError) in every method that takes one',
    async run(ctx) {
      const b = ctx.backend;
      const id = `${ctx.scope}-no-such-invoice`;
      const key = newKey(ctx.scope);
      await ctx.rejects(`getInvoice(${short(id)})`, () => b.getInvoice(id), 'not-found');
      const update = {
        invoiceId: id,
        to: 'OPEN',
        notify: false,
        expectedVersion: 'v1',
        idempotencyKey: key,
      } as const;
      await ctx.rejects(describeUpdate(update), () => b.updateStatus(update), 'not-found');
      const discard = { invoiceId: id, expectedVersion: 'v1', idempotencyKey: newKey(ctx.scope) };
      await ctx.rejects(describeDiscard(discard), () => b.discardInvoice(discard), 'not-found');
      if (b.download)
        await ctx.rejects(
          `download(${short(id)}, 'pdf')`,
          () => b.download!(id, 'pdf'),
          'not-found',
        );
      if (b.getCustomer) {
        const customer = `${ctx.scope.toLowerCase()}-no-such-customer`;
        await ctx.rejects(
          `getCustomer(${short(customer)})`,
          () => b.getCustomer!(customer),
          'not-found',
        );
      }
    },
  },
];
