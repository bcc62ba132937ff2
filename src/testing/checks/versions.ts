/** Versions: every write changes the version; a stale `expectedVersion` is a `conflict`. */
import type { ConformanceCheck } from '../check.js';
import { seedTable } from '../data.js';
import {
  describeDiscard,
  describeUpdate,
  discardOf,
  get,
  newKey,
  transition,
  unchanged,
} from './helpers.js';

export const VERSION_CHECKS: ConformanceCheck[] = [
  {
    id: 'versions.stale-update-conflict',
    rule: 'A status change with a stale expectedVersion rejects conflict and changes nothing',
    async run(ctx) {
      const t = await seedTable(ctx);
      const { update } = await transition(ctx, t.id(3), 'VOID');
      await ctx.call(describeUpdate(update), () => ctx.backend.updateStatus(update));
      const now = await get(ctx, t.id(3));
      const stale = { ...update, to: 'CLOSED' as const, idempotencyKey: newKey(ctx.scope) };
      const error = await ctx.rejects(
        describeUpdate(stale),
        () => ctx.backend.updateStatus(stale),
        'conflict',
      );
      if (error.currentVersion !== undefined && error.currentVersion !== now.version) {
        ctx.fail(
          `currentVersion ${error.currentVersion} is not the version held (${now.version}).`,
          error,
        );
      }
      await unchanged(ctx, now, 'After the stale write');
    },
  },
  {
    id: 'versions.stale-discard-conflict',
    rule: 'A discard with a stale expectedVersion rejects conflict and the draft stays',
    async run(ctx) {
      const t = await seedTable(ctx);
      const draft = await get(ctx, t.id(6));
      const request = { ...discardOf(ctx, draft), expectedVersion: `${draft.version}-stale` };
      await ctx.rejects(
        describeDiscard(request),
        () => ctx.backend.discardInvoice(request),
        'conflict',
      );
      await unchanged(ctx, draft, 'After the stale discard');
    },
  },
];
