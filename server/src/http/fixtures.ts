/**
 * Endpoints for tests and the demo, off unless the server is started with them:
 *
 * - Conformance fixture (`CONFORMANCE_FIXTURES=1`; issue 23's kit): `POST /conformance/invoices`
 *   with an InvoiceSpec (src/testing/types.ts) → `201 { id }`; `DELETE /conformance/invoices`
 *   → `204`, removing every invoice made that way; `POST /conformance/tokens` `{ customerId }`
 *   → `200 { token }` for that customer (`{}` → an operator token of the customer's reseller,
 *   `reseller-1` by default).
 * - DEV-ONLY token issuer (`DEV_TOKENS=1`): `POST /dev/tokens` `{ role: 'operator', resellerId? }`
 *   or `{ role: 'customer', customerId }` → `200 { token }`. Anyone who can reach it can act as
 *   anyone: never enable it in production (server/README.md).
 *
 * None of them needs a token (they hand tokens out).
 */
import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { isKnownStatus } from '../../../src/core/status.js';
import type { Customer, Invoice, LineItem, Money } from '../../../src/core/types.js';
import type { InvoiceSpec } from '../../../src/testing/types.js';
import type { Database, Queryable } from '../db/database.js';
import { insertInvoices } from '../db/invoice-rows.js';
import { RESELLERS, insertCustomers, insertResellers } from '../db/seed.js';
import { notFound } from '../store/scope.js';
import type { TokenService } from '../tokens.js';
import { badRequest, jsonBody } from './errors.js';

const DEFAULT_RESELLER = (RESELLERS[0] as { id: string }).id;

function isMoney(value: unknown): value is Money {
  const m = value as Money | null;
  return (
    typeof m === 'object' &&
    m !== null &&
    Number.isInteger(m.minor) &&
    /^[A-Z]{3}$/.test(String(m.currency))
  );
}

function isText(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}

/** The spec checked enough to store it; the rest is the contract's validation on read. */
function checkSpec(body: Record<string, unknown>): InvoiceSpec {
  const spec = body as Partial<InvoiceSpec>;
  if (!isKnownStatus(spec.status)) throw badRequest('status must be a status.', 'status');
  if (!isText(spec.customer?.id) || typeof spec.customer?.name !== 'string') {
    throw badRequest('customer must be { id, name }.', 'customer');
  }
  if (!isText(spec.provider?.id) || typeof spec.provider?.name !== 'string') {
    throw badRequest('provider must be { id, name }.', 'provider');
  }
  if (!isText(spec.period?.from) || !isText(spec.period?.to)) {
    throw badRequest('period must be { from, to }.', 'period');
  }
  if (!isMoney(spec.total)) throw badRequest('total must be money.', 'total');
  if (spec.reportingTotal !== undefined && !isMoney(spec.reportingTotal)) {
    throw badRequest('reportingTotal must be money.', 'reportingTotal');
  }
  for (const field of ['amountPaid', 'amountDue'] as const) {
    if (spec[field] !== undefined && !isMoney(spec[field])) {
      throw badRequest(`${field} must be money.`, field);
    }
  }
  if (spec.dueDate !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(String(spec.dueDate))) {
    throw badRequest('dueDate must be YYYY-MM-DD.', 'dueDate');
  }
  if (!isText(spec.documentId)) throw badRequest('documentId is required.', 'documentId');
  if (!isText(spec.generatedAt) || Number.isNaN(Date.parse(spec.generatedAt))) {
    throw badRequest('generatedAt must be a date-time.', 'generatedAt');
  }
  if (spec.lines !== undefined && !Array.isArray(spec.lines)) {
    throw badRequest('lines must be an array.', 'lines');
  }
  return spec as InvoiceSpec;
}

/** The whole invoice of a spec: taxes from its lines (none without), the rest the subtotal. */
export function invoiceOfSpec(id: string, spec: InvoiceSpec): Invoice {
  const lines: LineItem[] = spec.lines ?? [];
  const currency = spec.total.currency;
  const tax = lines.reduce((sum, l) => sum + (l.tax?.minor ?? 0), 0);
  const invoice: Invoice = {
    id,
    documentId: spec.documentId,
    customer: spec.customer,
    provider: spec.provider,
    period: spec.period,
    status: spec.status,
    total: spec.total,
    generatedAt: spec.generatedAt,
    version: 'v1',
    currency,
    lines,
    subtotal: { minor: spec.total.minor - tax, currency },
    taxTotal: { minor: tax, currency },
    currencies: [],
    customFields: [],
    history: [],
  };
  if (spec.reportingTotal) invoice.reportingTotal = spec.reportingTotal;
  if (spec.dueDate) invoice.dueDate = spec.dueDate;
  if (spec.amountPaid) invoice.amountPaid = spec.amountPaid;
  if (spec.amountDue) invoice.amountDue = spec.amountDue;
  return invoice;
}

/** The reseller of a customer, or `null` when there is no such customer. */
async function resellerOfCustomer(db: Queryable, customerId: string): Promise<string | null> {
  const found = await db.query<{ reseller_id: string }>(
    'SELECT reseller_id FROM customers WHERE id = $1',
    [customerId],
  );
  return found.rows[0]?.reseller_id ?? null;
}

export function conformanceRoutes(db: Database, tokens: TokenService): Hono {
  const routes = new Hono();
  routes.post('/invoices', async (c) => {
    const spec = checkSpec(await jsonBody(c));
    const id = `cf-${randomUUID()}`;
    await db.transaction(async (tx) => {
      await insertResellers(tx);
      await insertCustomers(tx, DEFAULT_RESELLER, [spec.customer as Customer], true);
      const resellerId = (await resellerOfCustomer(tx, spec.customer.id)) ?? DEFAULT_RESELLER;
      await insertInvoices(tx, [{ resellerId, invoice: invoiceOfSpec(id, spec), fixture: true }]);
    });
    return c.json({ id }, 201);
  });
  routes.delete('/invoices', async (c) => {
    await db.transaction(async (tx) => {
      await tx.query('DELETE FROM invoices WHERE fixture');
      await tx.query(
        'DELETE FROM customers c WHERE fixture AND NOT EXISTS (SELECT 1 FROM invoices i WHERE i.customer_id = c.id)',
      );
    });
    return c.body(null, 204);
  });
  routes.post('/tokens', async (c) => {
    const { customerId } = await jsonBody(c);
    if (customerId === undefined) {
      return c.json({ token: tokens.issue({ role: 'operator', resellerId: DEFAULT_RESELLER }) });
    }
    if (!isText(customerId)) throw badRequest('customerId must be a string.', 'customerId');
    const resellerId = (await resellerOfCustomer(db, customerId)) ?? DEFAULT_RESELLER;
    return c.json({ token: tokens.issue({ role: 'customer', resellerId, customerId }) });
  });
  return routes;
}

export function devTokenRoutes(db: Database, tokens: TokenService): Hono {
  const routes = new Hono();
  routes.post('/tokens', async (c) => {
    const body = await jsonBody(c);
    if (body.role === 'operator') {
      const resellerId = body.resellerId ?? DEFAULT_RESELLER;
      if (!RESELLERS.some((r) => r.id === resellerId))
        throw notFound(`Reseller ${String(resellerId)}`);
      return c.json({
        token: tokens.issue({ role: 'operator', resellerId: resellerId as string }),
      });
    }
    if (body.role === 'customer' && isText(body.customerId)) {
      const resellerId = await resellerOfCustomer(db, body.customerId);
      if (!resellerId) throw notFound(`Customer ${body.customerId}`);
      return c.json({
        token: tokens.issue({ role: 'customer', resellerId, customerId: body.customerId }),
      });
    }
    throw badRequest('Ask { role: "operator", resellerId? } or { role: "customer", customerId }.');
  });
  return routes;
}
