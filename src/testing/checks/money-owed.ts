/**
 * Money owed and the totals of a list (docs/ADAPTERS.md, "Money owed" and "Totals of what is
 * listed"): the summary carries the due date and the amounts, the overdue filter judges on
 * `asOf`, and `Page.totals` (optional: checked when sent) sums every match per currency.
 */
import type { InvoiceBackend } from '../../core/backend.js';
import type { InvoiceSummary, ListTotals, Page } from '../../core/types.js';
import type { CheckContext, ConformanceCheck } from '../check.js';
import {
  MONEY_TOTALS,
  OVERDUE,
  TOTALS,
  customers,
  moneyInvoices,
  seed,
  seedTable,
  tableInvoices,
} from '../data.js';
import { customerBackend } from './audience.js';
import { list, sameMembers } from './helpers.js';

/**
 * Checks `page.totals` against `expected` when the adapter sends totals; notes it when it sends
 * none (they are optional). Resolves with whether there were totals to check.
 */
function checkTotals(
  ctx: CheckContext,
  page: Page<InvoiceSummary>,
  expected: ListTotals,
  what: string,
): boolean {
  if (page.totals === undefined) {
    ctx.note(`${what}: the adapter sends no Page.totals (optional), so none were checked.`);
    return false;
  }
  ctx.same(page.totals.byCurrency, expected.byCurrency, `${what}: totals.byCurrency`);
  ctx.same(page.totals.reporting, expected.reporting, `${what}: totals.reporting`);
  return true;
}

export const MONEY_OWED_CHECKS: ConformanceCheck[] = [
  {
    id: 'list.money-owed',
    rule: 'A listed invoice carries its due date, amount paid and amount due as the invoice has them',
    async run(ctx) {
      const t = await seedTable(ctx);
      const specs = tableInvoices(ctx.scope);
      const page = await list(ctx, { limit: 50 });
      for (const [i, spec] of specs.entries()) {
        if (spec.dueDate === undefined) continue;
        const item = page.items.find((s) => s.id === t.id(i + 1));
        if (!item) return ctx.fail(`Invoice ${spec.documentId} is missing from the list.`, page);
        const owed = (s: Partial<InvoiceSummary>) => ({
          dueDate: s.dueDate?.slice(0, 10),
          ...(spec.amountPaid ? { amountPaid: s.amountPaid } : {}),
          ...(spec.amountDue ? { amountDue: s.amountDue } : {}),
        });
        ctx.same(owed(item), owed(spec), `Money owed of ${spec.documentId}`);
      }
    },
  },
  {
    id: 'filters.overdue',
    rule: 'The overdue filter lists the OPEN invoices owing something and due before asOf (due on asOf is not overdue yet), and total counts them; overdue: false filters nothing',
    async run(ctx) {
      const t = await seedTable(ctx);
      for (const { asOf, rows } of OVERDUE) {
        const page = await list(ctx, { overdue: true, asOf });
        sameMembers(
          ctx,
          page.items.map((i) => i.id),
          t.rows(...rows),
          `Overdue on ${asOf}`,
        );
        ctx.same(page.total, rows.length, `total overdue on ${asOf}`);
      }
      const all = await list(ctx, { overdue: false, asOf: '2026-12-02' });
      ctx.same(all.total, 9, 'total with overdue: false');
    },
  },
  {
    id: 'filters.overdue-paid-in-full',
    rule: 'An invoice with nothing left to pay (amountDue 0) is never overdue',
    async run(ctx) {
      const specs = tableInvoices(ctx.scope);
      specs[2]!.amountDue = { minor: 0, currency: 'BRL' };
      const t = await seed(ctx, specs);
      const page = await list(ctx, { overdue: true, asOf: '2026-12-02' });
      sameMembers(
        ctx,
        page.items.map((i) => i.id),
        t.rows(4, 9),
        'Overdue on 2026-12-02, row 3 paid in full',
      );
    },
  },
  {
    id: 'totals.all-pages',
    rule: 'Page.totals, when sent, sums every matching invoice per currency (ordered by code), whatever the page',
    async run(ctx) {
      await seedTable(ctx);
      const page = await list(ctx, { offset: 2, limit: 2 });
      checkTotals(ctx, page, { byCurrency: TOTALS.all }, 'Offset 2, limit 2');
    },
  },
  {
    id: 'totals.filters-and-audience',
    rule: 'Page.totals, when sent, sums only what the filters and the audience list: never a draft for the customer, an empty list sums to nothing',
    async run(ctx) {
      await seedTable(ctx);
      const open = await list(ctx, { statuses: ['OPEN'], limit: 1 });
      if (!checkTotals(ctx, open, { byCurrency: TOTALS.open }, 'Status OPEN')) return;
      const [a] = customers(ctx.scope);
      const asA: InvoiceBackend | undefined = await customerBackend(ctx, a.id);
      if (asA) {
        const mine = await list(ctx, {}, asA);
        checkTotals(ctx, mine, { byCurrency: TOTALS.customerA }, `Listed to ${a.id}`);
      } else {
        const customer = await list(ctx, { audience: 'customer' });
        checkTotals(ctx, customer, { byCurrency: TOTALS.customer }, 'The customer audience');
      }
      const none = await list(ctx, { text: `${ctx.scope}-nothing-matches` });
      checkTotals(ctx, none, { byCurrency: [] }, 'A list that matches nothing');
    },
  },
  {
    id: 'totals.reporting',
    rule: 'Page.totals, when sent, adds the reporting sum only when every matching invoice has a reporting amount in one currency',
    async run(ctx) {
      await seed(ctx, moneyInvoices(ctx.scope, true));
      const page = await list(ctx, { limit: 1 });
      if (!checkTotals(ctx, page, MONEY_TOTALS, 'Every invoice with a USD reporting amount')) {
        return;
      }
      await ctx.fixture.reset();
      const mixed = moneyInvoices(ctx.scope, true);
      delete mixed[3]!.reportingTotal;
      await seed(ctx, mixed);
      const without = await list(ctx, {});
      checkTotals(
        ctx,
        without,
        { byCurrency: MONEY_TOTALS.byCurrency },
        'One invoice without a reporting amount',
      );
    },
  },
];
