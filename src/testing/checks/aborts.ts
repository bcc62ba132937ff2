/** Aborts: an aborted signal rejects `aborted`, before the call and while it waits. */
import type { InvoiceBackend } from '../../core/backend.js';
import { short } from '../check.js';
import type { ConformanceCheck } from '../check.js';
import { customers, seedTable } from '../data.js';
import { discardOf, get, newKey, unchanged } from './helpers.js';

/** Resolves after `ms`, or at once when `signal` aborts. */
const pause = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });

export const ABORT_CHECKS: ConformanceCheck[] = [
  {
    id: 'aborts.already-aborted',
    rule: 'Every method called with an aborted signal rejects aborted, and a write applies nothing',
    async run(ctx) {
      const t = await seedTable(ctx);
      const controller = new AbortController();
      controller.abort();
      const { signal } = controller;
      const b: InvoiceBackend = ctx.backend;
      const open = await get(ctx, t.id(3));
      const draft = await get(ctx, t.id(5));
      const [a] = customers(ctx.scope);
      const calls: [string, () => Promise<unknown>][] = [
        ['searchCustomers', () => b.searchCustomers({ text: ctx.scope }, { signal })],
        ['listInvoices', () => b.listInvoices({ text: ctx.scope }, { signal })],
        ['getInvoice', () => b.getInvoice(open.id, { signal })],
        [
          'updateStatus',
          () =>
            b.updateStatus(
              {
                invoiceId: open.id,
                to: 'VOID',
                notify: false,
                expectedVersion: open.version,
                idempotencyKey: newKey(ctx.scope),
              },
              { signal },
            ),
        ],
        ['discardInvoice', () => b.discardInvoice(discardOf(ctx, draft), { signal })],
      ];
      if (b.getCustomer) calls.push(['getCustomer', () => b.getCustomer!(a.id, { signal })]);
      if (b.download) calls.push(['download', () => b.download!(open.id, 'pdf', { signal })]);
      for (const [name, run] of calls) {
        await ctx.rejects(`${name}(…, { signal: aborted })`, run, 'aborted');
      }
      await unchanged(ctx, open, 'updateStatus with an aborted signal');
      await unchanged(ctx, draft, 'discardInvoice with an aborted signal');
    },
  },
  {
    id: 'aborts.while-waiting',
    rule: 'A call aborted while it waits for the backend rejects aborted',
    needs: ['faults.hangNext', 'faults.attempts'],
    async run(ctx) {
      const t = await seedTable(ctx);
      const faults = ctx.fixture.faults!;
      faults.hangNext!('getInvoice');
      const before = faults.attempts!('getInvoice');
      const controller = new AbortController();
      const request = `getInvoice(${short(t.id(3))}, { signal }) hanging, then aborted`;
      const pending = ctx.backend.getInvoice(t.id(3), { signal: controller.signal });
      pending.catch(() => {});
      // Abort once the call reached the backend (over HTTP: once the request arrived).
      while (faults.attempts!('getInvoice') === before && !ctx.signal.aborted)
        await pause(10, ctx.signal);
      controller.abort();
      await ctx.rejects(request, () => pending, 'aborted');
    },
  },
];
