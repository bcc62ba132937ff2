/**
 * Audiences: the customer never gets a draft, by list, by id or by download (docs/RULES.md,
 * Audiences). Through `fixture.customerBackend` when the host has one (audience from the
 * credential), else by passing `audience: 'customer'` to the operator's backend.
 */
import type { InvoiceBackend } from '../../core/backend.js';
import { DOWNLOAD_FORMATS } from '../../core/types.js';
import { isKnownBackendError, short } from '../check.js';
import type { CheckContext, ConformanceCheck } from '../check.js';
import { customers, seedTable } from '../data.js';
import { list, listIds, sameMembers } from './helpers.js';

/** The customer's backend, when the fixture has one. */
export async function customerBackend(
  ctx: CheckContext,
  customerId: string,
): Promise<InvoiceBackend | undefined> {
  const make = ctx.fixture.customerBackend;
  if (!make) return undefined;
  return ctx.call(`fixture.customerBackend(${short(customerId)})`, async () =>
    make.call(ctx.fixture, customerId),
  );
}

export const AUDIENCE_CHECKS: ConformanceCheck[] = [
  {
    id: 'audience.list-has-no-draft',
    rule: 'The customer is never listed a draft, whatever the filters, and total does not count drafts',
    async run(ctx) {
      const t = await seedTable(ctx);
      const [a, b] = customers(ctx.scope);
      const asA = await customerBackend(ctx, a.id);
      if (asA) {
        const page = await list(ctx, {}, asA);
        sameMembers(
          ctx,
          page.items.map((i) => i.id),
          t.rows(1, 2, 3, 4),
          `What ${a.id} is listed`,
        );
        ctx.same(page.total, 4, `total listed to ${a.id}`);
        sameMembers(
          ctx,
          await listIds(ctx, { statuses: ['DRAFT'] }, asA),
          [],
          `Drafts listed to ${a.id}`,
        );
        const asB = (await customerBackend(ctx, b.id))!;
        sameMembers(ctx, await listIds(ctx, {}, asB), t.rows(7), `What ${b.id} is listed`);
        return;
      }
      const page = await list(ctx, { audience: 'customer' });
      sameMembers(
        ctx,
        page.items.map((i) => i.id),
        t.rows(1, 2, 3, 4, 7, 8, 9),
        'What the customer audience is listed',
      );
      ctx.same(page.total, 7, 'total listed to the customer audience');
      sameMembers(
        ctx,
        await listIds(ctx, { audience: 'customer', statuses: ['DRAFT'] }),
        [],
        'Drafts listed to the customer audience',
      );
      sameMembers(
        ctx,
        await listIds(ctx, { audience: 'customer', customerId: b.id }),
        t.rows(7),
        `What the customer audience of ${b.id} is listed`,
      );
    },
  },
  {
    id: 'audience.draft-by-id-not-found',
    rule: 'A draft asked for by id by the customer is not-found; an open invoice is there',
    async run(ctx) {
      const t = await seedTable(ctx);
      const [a] = customers(ctx.scope);
      const asA = await customerBackend(ctx, a.id);
      const draft = t.id(5);
      const open = t.id(3);
      if (asA) {
        await ctx.rejects(
          `customer ${a.id}: getInvoice(${short(draft)})`,
          () => asA.getInvoice(draft),
          'not-found',
        );
        const seen = await ctx.call(`customer ${a.id}: getInvoice(${short(open)})`, () =>
          asA.getInvoice(open),
        );
        ctx.same(seen.status, 'OPEN', 'Status of an open invoice to its customer');
        return;
      }
      await ctx.rejects(
        `getInvoice(${short(draft)}, { audience: 'customer' })`,
        () => ctx.backend.getInvoice(draft, { audience: 'customer' }),
        'not-found',
      );
      const seen = await ctx.call(`getInvoice(${short(open)}, { audience: 'customer' })`, () =>
        ctx.backend.getInvoice(open, { audience: 'customer' }),
      );
      ctx.same(seen.status, 'OPEN', 'Status of an open invoice to the customer audience');
    },
  },
  {
    id: 'audience.draft-download-refused',
    rule: 'The customer never downloads a file of a draft: not-found, or null (nothing the browser could make)',
    needs: ['customerBackend', 'download'],
    async run(ctx) {
      const t = await seedTable(ctx);
      const [a] = customers(ctx.scope);
      const asA = (await customerBackend(ctx, a.id))!;
      const download = asA.download?.bind(asA);
      if (!download) return;
      for (const format of DOWNLOAD_FORMATS) {
        const answer = await ctx.settle(
          `customer ${a.id}: download(${short(t.id(5))}, '${format}')`,
          () => download(t.id(5), format),
        );
        if (!answer.ok) {
          const { error } = answer;
          if (!isKnownBackendError(error) || error.kind !== 'not-found') {
            ctx.fail(`Expected not-found for a ${format} of a draft.`, error);
          }
        } else if (answer.value !== null && answer.value !== undefined) {
          ctx.fail(`A ${format} file of a draft was given to the customer.`, answer.value);
        }
      }
    },
  },
  {
    id: 'audience.operator-sees-drafts',
    rule: 'The operator is listed and shown drafts',
    async run(ctx) {
      const t = await seedTable(ctx);
      sameMembers(
        ctx,
        await listIds(ctx, { audience: 'operator', statuses: ['DRAFT'] }),
        t.rows(5, 6),
        'Drafts listed to the operator',
      );
      const draft = await ctx.call(`getInvoice(${short(t.id(5))})`, () =>
        ctx.backend.getInvoice(t.id(5)),
      );
      ctx.same(draft.status, 'DRAFT', 'Status of a draft to the operator');
    },
  },
];
