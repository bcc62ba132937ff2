/** Paging: pages follow each other without duplicates or gaps, and `total` is consistent. */
import type { InvoiceQuery } from '../../core/types.js';
import type { ConformanceCheck } from '../check.js';
import { customers, seedTable } from '../data.js';
import { list, sameMembers } from './helpers.js';

const SORTS: InvoiceQuery['sort'][] = [
  { key: 'documentId', direction: 'asc' },
  { key: 'period', direction: 'desc' },
  { key: 'total', direction: 'asc' },
  { key: 'status', direction: 'desc' },
];

export const PAGING_CHECKS: ConformanceCheck[] = [
  {
    id: 'paging.walk',
    rule: 'Pages of a list follow each other without duplicates or gaps, in the order of the whole list, and every page reports the same total',
    async run(ctx) {
      const t = await seedTable(ctx);
      for (const sort of SORTS) {
        const whole = await list(ctx, { sort, limit: 50 });
        sameMembers(
          ctx,
          whole.items.map((i) => i.id),
          t.ids,
          `The whole list by ${sort!.key}`,
        );
        const walked: string[] = [];
        for (let offset = 0; offset < 12; offset += 2) {
          const page = await list(ctx, { sort, offset, limit: 2 });
          if (page.total !== whole.total) {
            ctx.fail(
              `Page at offset ${offset} says total ${page.total}, the whole list ${whole.total}.`,
              page,
            );
          }
          if (page.items.length > 2)
            ctx.fail(`Page at offset ${offset} has more than limit 2 items.`, page.items);
          walked.push(...page.items.map((i) => i.id));
        }
        ctx.same(
          walked,
          whole.items.map((i) => i.id),
          `Pages of 2 by ${sort!.key} ${sort!.direction}, one after another`,
        );
      }
    },
  },
  {
    id: 'paging.window',
    rule: 'A page answers the offset and limit asked, total counts every match, and a page past the end is empty with the same total',
    async run(ctx) {
      const t = await seedTable(ctx);
      const sort = { key: 'documentId', direction: 'asc' } as const;
      const page = await list(ctx, { sort, offset: 2, limit: 3 });
      ctx.same(
        page.items.map((i) => i.id),
        t.rows(2, 9, 3),
        'Items at offset 2, limit 3',
      );
      ctx.same([page.total, page.offset, page.limit], [9, 2, 3], '[total, offset, limit]');
      const last = await list(ctx, { sort, offset: 8, limit: 5 });
      ctx.same(
        [last.items.map((i) => i.id), last.total],
        [t.rows(6), 9],
        '[items, total] at offset 8',
      );
      const beyond = await list(ctx, { sort, offset: 9, limit: 5 });
      ctx.same([beyond.items, beyond.total], [[], 9], '[items, total] past the end');
    },
  },
  {
    id: 'paging.filtered-total',
    rule: 'With a filter, total counts every match on every page, not the page',
    async run(ctx) {
      await seedTable(ctx);
      const [a] = customers(ctx.scope);
      for (const offset of [0, 2, 4]) {
        const page = await list(ctx, { customerId: a.id, offset, limit: 2 });
        ctx.same(page.total, 5, `total at offset ${offset}`);
      }
    },
  },
];
