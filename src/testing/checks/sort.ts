/**
 * Sorting: every sort key in both directions, and total across currencies
 * (docs/ADAPTERS.md "Sorting by total": `reporting` or `currency-then-amount`).
 */
import type { SortDirection, SortKey } from '../../core/types.js';
import type { CheckContext, ConformanceCheck } from '../check.js';
import { SORT_KEYS } from '../../core/types.js';
import { MONEY_ORDERS, SORTED, moneyInvoices, seed, seedTable } from '../data.js';
import type { InvoiceSpec } from '../types.js';
import { list, listIds } from './helpers.js';

const DIRECTIONS: SortDirection[] = ['asc', 'desc'];

/** What a sort's rule adds to "in that order". */
const NOTE: Partial<Record<SortKey, string>> = {
  total: ' (totals in several currencies: by currency code, then amount)',
  dueDate: ' (invoices without a due date last in both directions)',
  amountDue:
    ' (the amount owed: by currency code, then amount; invoices with nothing known owed last in both directions)',
};

const byKey: ConformanceCheck[] = SORT_KEYS.flatMap((key) =>
  DIRECTIONS.map((direction): ConformanceCheck => ({
    id: `sort.${key}.${direction}`,
    rule: `A list sorted by ${key} ${direction === 'asc' ? 'ascending' : 'descending'} is in that order, ties by document ID ascending${NOTE[key] ?? ''}`,
    async run(ctx) {
      const t = await seedTable(ctx);
      ctx.same(
        await listIds(ctx, { sort: { key, direction } }),
        t.rows(...SORTED[key][direction]),
        `Order by ${key} ${direction}`,
      );
    },
  })),
);

/**
 * Sorts the money table by total in `direction` and checks the order against the one the page
 * claims (`reporting` only when every invoice had a reporting amount in one currency), whole
 * and in pages.
 */
async function totalOrder(
  ctx: CheckContext,
  specs: InvoiceSpec[],
  direction: SortDirection,
  reportingAllowed: boolean,
): Promise<void> {
  const t = await seed(ctx, specs);
  const sort = { key: 'total', direction } as const;
  const page = await list(ctx, { sort });
  const claimed = page.totalOrder;
  if (claimed === 'reporting' && !reportingAllowed) {
    ctx.fail(
      'totalOrder is "reporting" though not every invoice has a reporting amount in one currency.',
      page,
    );
  }
  if (claimed !== undefined && claimed !== 'reporting' && claimed !== 'currency-then-amount') {
    ctx.fail(`Unknown totalOrder ${String(claimed)}.`, page);
  }
  const mode = claimed === 'reporting' ? 'reporting' : 'currency-then-amount';
  if (mode === 'reporting' && page.reportingCurrency !== 'USD') {
    ctx.fail('totalOrder "reporting" needs the reportingCurrency (USD here).', page);
  }
  const expected = t.rows(...MONEY_ORDERS[mode][direction]);
  ctx.same(
    page.items.map((i) => i.id),
    expected,
    `Order by total ${direction} (${mode})`,
  );
  const second = await list(ctx, { sort, offset: 3, limit: 2 });
  ctx.same(
    second.items.map((i) => i.id),
    expected.slice(3, 5),
    `Order by total ${direction}, offset 3, limit 2`,
  );
}

const acrossCurrencies: ConformanceCheck[] = DIRECTIONS.flatMap((direction): ConformanceCheck[] => [
  {
    id: `sort.total-reporting.${direction}`,
    rule: `Sorted by total ${direction === 'asc' ? 'ascending' : 'descending'} with reporting amounts in one currency, the list is in the order its totalOrder claims (by the reporting amount, or by currency then amount), on every page`,
    run: (ctx) => totalOrder(ctx, moneyInvoices(ctx.scope, true), direction, true),
  },
  {
    id: `sort.total-by-currency.${direction}`,
    rule: `Sorted by total ${direction === 'asc' ? 'ascending' : 'descending'} across currencies without reporting amounts, the list is grouped by currency code ascending, then by amount, on every page`,
    run: (ctx) => totalOrder(ctx, moneyInvoices(ctx.scope, false), direction, false),
  },
]);

export const SORT_CHECKS: ConformanceCheck[] = [
  ...byKey,
  ...acrossCurrencies,
  {
    id: 'sort.total-mixed',
    rule: 'When one invoice has no reporting amount, or one has it in another currency, a sort by total is by currency then amount, and does not claim "reporting"',
    async run(ctx) {
      const missing = moneyInvoices(ctx.scope, true);
      delete missing[2]!.reportingTotal;
      await totalOrder(ctx, missing, 'asc', false);
      await ctx.fixture.reset();
      const otherCurrency = moneyInvoices(ctx.scope, true);
      otherCurrency[0]!.reportingTotal = { minor: 350000, currency: 'EUR' };
      await totalOrder(ctx, otherCurrency, 'desc', false);
    },
  },
  {
    id: 'sort.no-total-order-on-other-keys',
    rule: 'A list sorted by anything but total claims no totalOrder',
    async run(ctx) {
      await seed(ctx, moneyInvoices(ctx.scope, true));
      const page = await list(ctx, { sort: { key: 'documentId', direction: 'asc' } });
      if (page.totalOrder !== undefined)
        ctx.fail('totalOrder is set on a sort by documentId.', page.totalOrder);
    },
  },
];
