/**
 * Transport faults, injected through `fixture.faults` (skipped without): a server error, a
 * malformed answer, an answer that never comes.
 */
import type { BackendErrorKind } from '../../core/errors.js';
import type { CheckContext, ConformanceCheck } from '../check.js';
import { isKnownBackendError, short } from '../check.js';
import { seedTable } from '../data.js';
import { describeUpdate, get, sameMembers, transition } from './helpers.js';

/** Fails unless `error` is a BackendError of `kind`. */
function expectKind(ctx: CheckContext, error: unknown, kind: BackendErrorKind): void {
  if (!isKnownBackendError(error) || error.kind !== kind) {
    ctx.fail(`Expected kind ${kind}.`, error);
  }
}

/**
 * The run's list after a fault (`when`, as the report says it): either it answers right (the
 * adapter retried) with exactly `ids`, or it rejects `kind`.
 */
async function listRetriedOrRejects(
  ctx: CheckContext,
  ids: readonly string[],
  when: string,
  kind: BackendErrorKind,
): Promise<void> {
  const answer = await ctx.settle(`listInvoices({ text: '${ctx.scope}' }) ${when}`, () =>
    ctx.backend.listInvoices({ text: ctx.scope }),
  );
  if (!answer.ok) expectKind(ctx, answer.error, kind);
  else
    sameMembers(
      ctx,
      answer.value.items.map((i) => i.id),
      ids,
      'The list, retried',
    );
}

export const FAULT_CHECKS: ConformanceCheck[] = [
  {
    id: 'faults.server-error-read',
    rule: 'A read that meets a server error rejects server (or is retried and answers right)',
    needs: ['faults.serverErrorNext'],
    async run(ctx) {
      const t = await seedTable(ctx);
      ctx.fixture.faults!.serverErrorNext!('listInvoices', 1);
      await listRetriedOrRejects(ctx, t.ids, 'after a server error', 'server');
    },
  },
  {
    id: 'faults.server-error-write',
    rule: 'A status change that meets a server error rejects server with nothing applied (or is retried with the same key and applied once)',
    needs: ['faults.serverErrorNext'],
    async run(ctx) {
      const t = await seedTable(ctx);
      const { before, update } = await transition(ctx, t.id(3), 'CLOSED');
      ctx.fixture.faults!.serverErrorNext!('updateStatus', 1);
      const answer = await ctx.settle(`${describeUpdate(update)} after a server error`, () =>
        ctx.backend.updateStatus(update),
      );
      if (!answer.ok) expectKind(ctx, answer.error, 'server');
      const after = await get(ctx, t.id(3));
      ctx.same(
        after.history.length,
        before.history.length + (answer.ok ? 1 : 0),
        answer.ok
          ? 'History length after the retried change (applied once)'
          : 'History length after the failed change (nothing applied)',
      );
    },
  },
  {
    id: 'faults.malformed-answer',
    rule: 'An answer that is not valid JSON rejects validation',
    needs: ['faults.malformedNext'],
    async run(ctx) {
      const t = await seedTable(ctx);
      ctx.fixture.faults!.malformedNext!('getInvoice');
      await ctx.rejects(
        `getInvoice(${short(t.id(3))}), answered with malformed JSON`,
        () => ctx.backend.getInvoice(t.id(3)),
        'validation',
      );
    },
  },
  {
    id: 'faults.no-answer-timeout',
    rule: 'A request that never answers rejects timeout after the adapter’s time limit (or is retried and answers right)',
    needs: ['faults.hangNext', 'requestTimeoutMs'],
    async run(ctx) {
      const t = await seedTable(ctx);
      ctx.fixture.faults!.hangNext!('listInvoices');
      await listRetriedOrRejects(ctx, t.ids, 'never answered', 'timeout');
    },
  },
];
