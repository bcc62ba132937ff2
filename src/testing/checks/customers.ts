/** Customers: search by name, id and e-mail; one customer by id. */
import { short } from '../check.js';
import type { ConformanceCheck } from '../check.js';
import { customers, seedTable } from '../data.js';
import { sameMembers } from './helpers.js';

export const CUSTOMER_CHECKS: ConformanceCheck[] = [
  {
    id: 'customers.search',
    rule: 'searchCustomers finds the customers whose name, id or e-mail contains the text, case-insensitively, at most limit of them',
    async run(ctx) {
      await seedTable(ctx);
      const [a, b, c] = customers(ctx.scope);
      const search = async (text: string, limit?: number): Promise<string[]> =>
        (
          await ctx.call(`searchCustomers(${JSON.stringify({ text, limit })})`, () =>
            ctx.backend.searchCustomers(limit === undefined ? { text } : { text, limit }),
          )
        ).map((found) => found.id);
      sameMembers(ctx, await search(b.name.toUpperCase()), [b.id], 'By name, upper case');
      sameMembers(ctx, await search(c.id), [c.id], 'By id');
      sameMembers(ctx, await search(a.email!.split('@')[0]!), [a.id], 'By e-mail');
      sameMembers(
        ctx,
        await search(ctx.scope.toLowerCase()),
        [a.id, b.id, c.id],
        'By the run’s scope',
      );
      const limited = await search(ctx.scope, 2);
      if (limited.length !== 2) ctx.fail('Limit 2 of 3 matches: expected 2 customers.', limited);
      sameMembers(ctx, await search(`${ctx.scope}-nobody`), [], 'No match');
    },
  },
  {
    id: 'customers.get',
    rule: 'getCustomer answers the customer with that id',
    needs: ['getCustomer'],
    async run(ctx) {
      await seedTable(ctx);
      const [, b] = customers(ctx.scope);
      const found = await ctx.call(`getCustomer(${short(b.id)})`, () =>
        ctx.backend.getCustomer!(b.id),
      );
      ctx.same(
        [found.id, found.name, found.email],
        [b.id, b.name, b.email],
        'The customer: [id, name, email]',
      );
    },
  },
];
