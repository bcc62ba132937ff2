/** Lists: what a summary carries, and every filter (customer, period, status, provider, text). */
import type { ConformanceCheck } from '../check.js';
import { customers, seedTable, tableInvoices } from '../data.js';
import { list, listIds, sameMembers } from './helpers.js';

export const LIST_FILTER_CHECKS: ConformanceCheck[] = [
  {
    id: 'list.summaries',
    rule: 'A listed invoice carries its document ID, customer, provider, period, status, total and version as the invoice has them',
    async run(ctx) {
      const t = await seedTable(ctx);
      const specs = tableInvoices(ctx.scope);
      const page = await list(ctx, { limit: 50 });
      for (const [i, spec] of specs.entries()) {
        const item = page.items.find((s) => s.id === t.id(i + 1));
        if (!item)
          return ctx.fail(
            `Invoice ${spec.documentId} is missing from the list.`,
            page.items.map((s) => s.id),
          );
        ctx.same(
          [
            item.documentId,
            item.customer.id,
            item.provider.id,
            item.period,
            item.status,
            item.total,
          ],
          [
            spec.documentId,
            spec.customer.id,
            spec.provider.id,
            spec.period,
            spec.status,
            spec.total,
          ],
          `Summary of ${spec.documentId}`,
        );
        if (typeof item.version !== 'string' || item.version === '') {
          ctx.fail(`Summary of ${spec.documentId} has no version.`, item);
        }
      }
    },
  },
  {
    id: 'filters.customer',
    rule: 'The customer filter lists that customer’s invoices only, and total counts them',
    async run(ctx) {
      const t = await seedTable(ctx);
      const [a, b] = customers(ctx.scope);
      const page = await list(ctx, { customerId: a.id });
      sameMembers(
        ctx,
        page.items.map((i) => i.id),
        t.rows(1, 2, 3, 4, 5),
        `Invoices of ${a.id}`,
      );
      ctx.same(page.total, 5, 'total');
      sameMembers(
        ctx,
        await listIds(ctx, { customerId: b.id }),
        t.rows(6, 7),
        `Invoices of ${b.id}`,
      );
    },
  },
  {
    id: 'filters.period',
    rule: 'The period filter lists the invoices whose period overlaps the months asked (a quarter overlaps each of its months)',
    async run(ctx) {
      const t = await seedTable(ctx);
      const cases: [string, string, number[]][] = [
        ['2026-09', '2026-09', [3, 4, 7, 9]],
        ['2026-10', '2026-12', [5, 6]],
        ['2025-01', '2025-11', []],
        ['2025-12', '2026-07', [8, 9]],
      ];
      for (const [from, to, rows] of cases) {
        sameMembers(
          ctx,
          await listIds(ctx, { period: { from, to } }),
          t.rows(...rows),
          `Period ${from}..${to}`,
        );
      }
    },
  },
  {
    id: 'filters.status',
    rule: 'The status filter lists the invoices in any of the statuses asked',
    async run(ctx) {
      const t = await seedTable(ctx);
      sameMembers(ctx, await listIds(ctx, { statuses: ['OPEN'] }), t.rows(3, 4, 9), 'OPEN');
      sameMembers(
        ctx,
        await listIds(ctx, { statuses: ['VOID', 'CLOSED'] }),
        t.rows(1, 2, 7, 8),
        'VOID, CLOSED',
      );
      sameMembers(ctx, await listIds(ctx, { statuses: ['DRAFT'] }), t.rows(5, 6), 'DRAFT');
    },
  },
  {
    id: 'filters.provider',
    rule: 'The provider filter lists the invoices of any of the providers asked',
    async run(ctx) {
      const t = await seedTable(ctx);
      sameMembers(ctx, await listIds(ctx, { providers: ['aws'] }), t.rows(2, 6, 8), 'aws');
      sameMembers(
        ctx,
        await listIds(ctx, { providers: ['google', 'microsoft'] }),
        t.rows(1, 3, 4, 5, 7, 9),
        'google, microsoft',
      );
    },
  },
  {
    id: 'filters.text',
    rule: 'The text filter lists the invoices whose document ID contains the text, case-insensitively',
    async run(ctx) {
      const t = await seedTable(ctx);
      const s = ctx.scope;
      sameMembers(
        ctx,
        await listIds(ctx, { text: `${s}-inv-2025`.toLowerCase() }),
        t.rows(8),
        'inv-2025',
      );
      sameMembers(
        ctx,
        await listIds(ctx, { text: `${s}-INV-2026-0002` }),
        t.rows(3, 4, 7),
        'INV-2026-0002',
      );
      sameMembers(ctx, await listIds(ctx, { text: `${s}-zzz` }), [], 'zzz');
    },
  },
  {
    id: 'filters.combined',
    rule: 'Filters combine: an invoice is listed when it matches every one',
    async run(ctx) {
      const t = await seedTable(ctx);
      const [a] = customers(ctx.scope);
      const page = await list(ctx, {
        customerId: a.id,
        statuses: ['OPEN'],
        providers: ['microsoft'],
        period: { from: '2026-01', to: '2026-12' },
      });
      ctx.same(
        page.items.map((i) => i.id),
        t.rows(3),
        'Invoices',
      );
      ctx.same(page.total, 1, 'total');
    },
  },
];
