/** What the checks share: scoped lists, id comparisons, writes with fresh keys. */
import type { CallOptions } from '../../core/backend.js';
import type {
  Audience,
  DiscardRequest,
  Invoice,
  InvoiceQuery,
  InvoiceStatus,
  InvoiceSummary,
  Page,
} from '../../core/types.js';
import type { InvoiceBackend } from '../../core/backend.js';
import { short } from '../check.js';
import type { CheckContext } from '../check.js';

/**
 * `listInvoices` with the run's scope as the text filter (unless the query has a text of its
 * own, which then starts with the scope), so only this run's invoices come back.
 */
export function list(
  ctx: CheckContext,
  query: InvoiceQuery,
  backend: InvoiceBackend = ctx.backend,
  options: CallOptions = {},
): Promise<Page<InvoiceSummary>> {
  const scoped: InvoiceQuery = { text: ctx.scope, ...query };
  return ctx.call(`listInvoices(${short(scoped)})`, () => backend.listInvoices(scoped, options));
}

/** The ids of a scoped list, in order. */
export async function listIds(
  ctx: CheckContext,
  query: InvoiceQuery,
  backend?: InvoiceBackend,
): Promise<string[]> {
  return (await list(ctx, query, backend)).items.map((i) => i.id);
}

/** Fails unless `actual` holds exactly the ids of `expected`, in any order. */
export function sameMembers(
  ctx: CheckContext,
  actual: readonly string[],
  expected: readonly string[],
  what: string,
): void {
  const sorted = (ids: readonly string[]): string[] => [...ids].sort();
  ctx.same(sorted(actual), sorted(expected), what);
}

/** `getInvoice` as the operator (or the audience given), recorded. */
export function get(ctx: CheckContext, id: string, audience?: Audience): Promise<Invoice> {
  const args = audience ? `, { audience: '${audience}' }` : '';
  return ctx.call(`getInvoice(${short(id)}${args})`, () =>
    ctx.backend.getInvoice(id, audience ? { audience } : {}),
  );
}

let keys = 0;
/** A fresh idempotency key. */
export const newKey = (scope: string): string => `${scope}-key-${Date.now()}-${++keys}`;

/** The request of an `updateStatus` call, as a report shows it. */
export const describeUpdate = (u: object): string => `updateStatus(${short(u)})`;
/** The request of a `discardInvoice` call, as a report shows it. */
export const describeDiscard = (d: object): string => `discardInvoice(${short(d)})`;

/** Reads the invoice, then asks to move it to `to` with its current version and a new key. */
export async function transition(
  ctx: CheckContext,
  id: string,
  to: InvoiceStatus,
  notify = false,
): Promise<{ before: Invoice; update: Parameters<InvoiceBackend['updateStatus']>[0] }> {
  const before = await get(ctx, id);
  return {
    before,
    update: {
      invoiceId: id,
      to,
      notify,
      expectedVersion: before.version,
      idempotencyKey: newKey(ctx.scope),
    },
  };
}

/** A discard of `invoice` at its current version, with a new key. */
export const discardOf = (ctx: CheckContext, invoice: Invoice): DiscardRequest => ({
  invoiceId: invoice.id,
  expectedVersion: invoice.version,
  idempotencyKey: newKey(ctx.scope),
});

/** Fails unless the stored invoice still has `status` and `version` (nothing was applied). */
export async function unchanged(ctx: CheckContext, before: Invoice, what: string): Promise<void> {
  const after = await get(ctx, before.id);
  ctx.same(
    { status: after.status, version: after.version, history: after.history.length },
    { status: before.status, version: before.version, history: before.history.length },
    `${what}: the invoice must be unchanged`,
  );
}
