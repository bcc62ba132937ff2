/** Idempotency: the same key answers the first result and applies the change once. */
import type { ConformanceCheck } from '../check.js';
import { seedTable } from '../data.js';
import { describeDiscard, describeUpdate, discardOf, get, transition } from './helpers.js';

export const IDEMPOTENCY_CHECKS: ConformanceCheck[] = [
  {
    id: 'idempotency.update-replayed',
    rule: 'A status change repeated with the same idempotency key answers the first result and is applied once',
    async run(ctx) {
      const t = await seedTable(ctx);
      const { before, update } = await transition(ctx, t.id(5), 'OPEN');
      const first = await ctx.call(describeUpdate(update), () => ctx.backend.updateStatus(update));
      const second = await ctx.call(`${describeUpdate(update)} again`, () =>
        ctx.backend.updateStatus(update),
      );
      ctx.same(
        [second.status, second.version, second.history.length],
        [first.status, first.version, first.history.length],
        'The replay: [status, version, history length] of the first answer',
      );
      const stored = await get(ctx, t.id(5));
      ctx.same(
        [stored.version, stored.history.length],
        [first.version, before.history.length + 1],
        'Stored after the replay: [version, history length] (applied once)',
      );
    },
  },
  {
    id: 'idempotency.discard-replayed',
    rule: 'A discard repeated with the same idempotency key succeeds again without error',
    async run(ctx) {
      const t = await seedTable(ctx);
      const draft = await get(ctx, t.id(6));
      const request = discardOf(ctx, draft);
      await ctx.call(describeDiscard(request), () => ctx.backend.discardInvoice(request));
      await ctx.call(`${describeDiscard(request)} again`, () =>
        ctx.backend.discardInvoice(request),
      );
      await ctx.rejects(
        `getInvoice(${JSON.stringify(draft.id)})`,
        () => ctx.backend.getInvoice(draft.id),
        'not-found',
      );
    },
  },
];
