/**
 * A list adapter of `size` synthetic invoices made from their index (nothing held: any page of
 * 10,000,000 rows costs its own rows only), that answers at once and records every page asked.
 * Row `i` is `DOC-` and `i` on seven digits (`documentIdAt`), id `p<i>`, so a test reads from
 * the screen which row it sees (`indexOfDocumentId`), without asking the code under test.
 * Filters and sort are ignored: the list is the list.
 */
import type { CallOptions, InvoiceBackend } from '../../src/core/backend.js';
import { BackendError } from '../../src/core/errors.js';
import type { Invoice, InvoiceQuery, InvoiceSummary, Page } from '../../src/core/types.js';

export const documentIdAt = (index: number): string => `DOC-${String(index).padStart(7, '0')}`;

/** The row index a document ID of this adapter names (`NaN` for any other text). */
export function indexOfDocumentId(documentId: string): number {
  const match = /^DOC-(\d+)$/.exec(documentId.trim());
  return match ? Number(match[1]) : NaN;
}

export function pagedSummary(index: number): InvoiceSummary {
  return {
    id: `p${index}`,
    documentId: documentIdAt(index),
    customer: { id: 'cus-1', name: 'Acme Ltda' },
    provider: { id: 'aws', name: 'AWS' },
    period: { from: '2026-10', to: '2026-10' },
    status: 'OPEN',
    total: { minor: 1000 + index, currency: 'USD' },
    generatedAt: '2026-11-02T09:00:00.000Z',
    version: 'v1',
  };
}

export interface PageRequest {
  readonly offset: number;
  readonly limit: number;
  /** `performance.now()` when asked. */
  readonly at: number;
  readonly signal: AbortSignal | undefined;
}

export class PagedBackend implements InvoiceBackend {
  /** Every list request, in order. */
  readonly requests: PageRequest[] = [];

  constructor(public size: number) {}

  /** How many times the page at `offset` was asked. */
  asked(offset: number): number {
    return this.requests.filter((r) => r.offset === offset).length;
  }

  async listInvoices(
    query: InvoiceQuery,
    options: CallOptions = {},
  ): Promise<Page<InvoiceSummary>> {
    const offset = query.offset ?? 0;
    const limit = query.limit ?? 200;
    this.requests.push({ offset, limit, at: performance.now(), signal: options.signal });
    const items: InvoiceSummary[] = [];
    for (let i = offset; i < Math.min(this.size, offset + limit); i++) items.push(pagedSummary(i));
    return { items, total: this.size, offset, limit };
  }

  async searchCustomers(): Promise<[]> {
    return [];
  }
  async getInvoice(): Promise<Invoice> {
    throw new BackendError('not-found', 'not used here');
  }
  async updateStatus(): Promise<Invoice> {
    throw new BackendError('forbidden', 'not used here');
  }
  async discardInvoice(): Promise<void> {
    throw new BackendError('forbidden', 'not used here');
  }
}
