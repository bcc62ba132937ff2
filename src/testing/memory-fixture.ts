/**
 * The kit's worked example: a `ConformanceFixture` over a `MemoryBackend` (the store the
 * package's demo and msw handlers use). Only the type of `MemoryBackend` is imported, so a host
 * that imports the kit without this fixture bundles no `MemoryBackend`.
 */
import type { MemoryBackend } from '../adapters/memory/memory-backend.js';
import { BackendError } from '../core/errors.js';
import type { Invoice, StatusChange } from '../core/types.js';
import { customerView } from './customer-view.js';
import type { ConformanceFixture, FaultHooks, InvoiceSpec } from './types.js';

/** The history an invoice in `spec.status` has: published a day after it was made, then closed. */
function historyOf(spec: InvoiceSpec): StatusChange[] {
  const day = (n: number): string =>
    new Date(Date.parse(spec.generatedAt) + n * 86_400_000).toISOString();
  if (spec.status === 'DRAFT') return [];
  const opened: StatusChange = { from: 'DRAFT', to: 'OPEN', at: day(1), by: 'Kit', notified: true };
  if (spec.status === 'OPEN') return [opened];
  return [opened, { from: 'OPEN', to: spec.status, at: day(20), by: 'Kit', notified: false }];
}

/** The whole invoice of a spec: one line of the total unless the spec has lines, version v1. */
export function invoiceFromSpec(id: string, spec: InvoiceSpec): Invoice {
  const { total } = spec;
  const currency = total.currency;
  const zero = { minor: 0, currency };
  return {
    id,
    documentId: spec.documentId,
    customer: structuredClone(spec.customer),
    provider: { ...spec.provider },
    period: { ...spec.period },
    status: spec.status,
    total: { ...total },
    ...(spec.reportingTotal ? { reportingTotal: { ...spec.reportingTotal } } : {}),
    ...(spec.dueDate === undefined ? {} : { dueDate: spec.dueDate }),
    ...(spec.amountPaid ? { amountPaid: { ...spec.amountPaid } } : {}),
    ...(spec.amountDue ? { amountDue: { ...spec.amountDue } } : {}),
    generatedAt: spec.generatedAt,
    version: 'v1',
    currency,
    lines: spec.lines
      ? structuredClone(spec.lines)
      : [
          {
            id: `${id}-1`,
            sku: 'SKU-1',
            description: 'Service',
            group: 'Subscription',
            quantity: 1,
            unitPrice: { ...total },
            amount: { ...total },
            tax: zero,
          },
        ],
    subtotal: { ...total },
    taxTotal: zero,
    currencies: [],
    customFields: [],
    history: historyOf(spec),
  };
}

/** Fault hooks over a `MemoryBackend`'s own (`failNext`, `calls`). */
export function memoryFaultHooks(memory: MemoryBackend): FaultHooks {
  return {
    serverErrorNext(op, times = 1) {
      for (let i = 0; i < times; i++) {
        memory.failNext(op, new BackendError('server', 'Injected server error.', { status: 503 }));
      }
    },
    hangNext: (op) => memory.failNext(op, 'hang'),
    attempts: (op) => memory.calls[op],
  };
}

/**
 * A fixture over `memory`: `createInvoice` adds the invoice as given (ids `ck-1`, `ck-2`, …),
 * `reset` empties the store (give it a store of its own), `customerBackend` is the customer's
 * view (`customerView`), and faults are the store's own.
 *
 * ```js
 * const memory = new MemoryBackend({ invoices: [] });
 * await runConformance({ backend: memory, fixture: memoryConformanceFixture(memory) });
 * ```
 */
export function memoryConformanceFixture(
  memory: MemoryBackend,
  options: { faults?: boolean } = {},
): ConformanceFixture {
  let created = 0;
  return {
    async reset() {
      memory.setInvoices([]);
      memory.resetHooks();
    },
    async createInvoice(spec) {
      const id = `ck-${++created}`;
      memory.addInvoice(invoiceFromSpec(id, spec));
      return id;
    },
    customerBackend: (customerId) => customerView(memory, customerId),
    ...(options.faults === false ? {} : { faults: memoryFaultHooks(memory) }),
  };
}
