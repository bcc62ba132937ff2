/**
 * Transport faults, injected through `fixture.faults` (skipped without): a server error, a
 * malformed answer, an answer that never comes.
 */
import type { ConformanceCheck } from '../check.js';
import { isKnownBackendError, short } from '../check.js';
import { seedTable } from '../data.js';
import { describeUpdate, get, sameMembers, transition } from './helpers.js';

export const FAULT_CHECKS: ConformanceCheck[] = [
  {
    id: 'faults.server-error-read',
    rule: 'A read that meets a server error rejects server (or is retried and answers right)',
    needs: ['faults.serverErrorNext'],
    async run(ctx) {
      const t = await seedTable(ctx);
      ctx.fixture.faults!.serverErrorNext!('listInvoices', 1);
      const answer = await ctx.settle(
        `listInvoices({ text: '${ctx.scope}' }) after a server error`,
        () => ctx.backend.listInvoices({ text: ctx.scope }),
      );
      if (answer.ok)
        sameMembers(
          ctx,
          answer.value.items.map((i) => i.id),
          t.ids,
          'The list, retried',
        );
      else if (!isKnownBackendError(answer.error) || answer.error.kind !== 'server') {
        ctx.fail('Expected kind server.', answer.error);
      }
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
      if (!answer.ok && (!isKnownBackendError(answer.error) || answer.error.kind !== 'server')) {
        ctx.fail('Expected kind server.', answer.error);
      }
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
      const answer = await ctx.settle(`listInvoices({ text: '${ctx.scope}' }) never answered`, () =>
        ctx.backend.listInvoices({ text: ctx.scope }),
      );
      if (answer.ok)
        sameMembers(
          ctx,
          answer.value.items.map((i) => i.id),
          t.ids,
          'The list, retried',
        );
      else if (!isKnownBackendError(answer.error) || answer.error.kind !== 'timeout') {
        ctx.fail('Expected kind timeout.', answer.error);
      }
    },
  },
];
