/** Discard: only a draft, and afterwards it is gone from lists and reads. */
import type { ConformanceCheck } from '../check.js';
import { seedTable } from '../data.js';
import { describeDiscard, discardOf, get, list, unchanged } from './helpers.js';

export const DISCARD_CHECKS: ConformanceCheck[] = [
  {
    id: 'discard.draft',
    rule: 'A discarded draft is not-found afterwards and no longer listed or counted',
    async run(ctx) {
      const t = await seedTable(ctx);
      const draft = await get(ctx, t.id(5));
      const request = discardOf(ctx, draft);
      await ctx.call(describeDiscard(request), () => ctx.backend.discardInvoice(request));
      await ctx.rejects(
        `getInvoice(${JSON.stringify(draft.id)})`,
        () => ctx.backend.getInvoice(draft.id),
        'not-found',
      );
      const page = await list(ctx, {});
      if (page.items.some((i) => i.id === draft.id))
        ctx.fail(
          'The discarded draft is still listed.',
          page.items.map((i) => i.id),
        );
      ctx.same(page.total, 8, 'total after the discard');
    },
  },
  {
    id: 'discard.drafts-only',
    rule: 'Discarding anything but a draft rejects invalid-transition and the invoice stays',
    async run(ctx) {
      const t = await seedTable(ctx);
      for (const row of [3, 1, 2]) {
        const before = await get(ctx, t.id(row));
        const request = discardOf(ctx, before);
        await ctx.rejects(
          describeDiscard(request),
          () => ctx.backend.discardInvoice(request),
          'invalid-transition',
        );
        await unchanged(ctx, before, `${before.status} discard refused`);
      }
    },
  },
];
