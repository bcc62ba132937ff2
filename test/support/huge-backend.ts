/**
 * A test-only adapter over a list of any length (issue 22): every summary is computed from its
 * index when a page asks for it, so 10,000,000 rows cost no more memory than 10. Row `i` is
 * the invoice `DOC-<i + 1>` (`documentIdAt`), so a test reads from the screen which row it
 * sees, without asking the code under test. Filters and sort are ignored: the list is the list.
 */
import type { CallOptions, InvoiceBackend } from '../../src/core/backend.js';
import { BackendError } from '../../src/core/errors.js';
import type {
  Customer,
  Invoice,
  InvoiceQuery,
  InvoiceSummary,
  Page,
} from '../../src/core/types.js';

const CUSTOMER: Customer = { id: 'cus-huge', name: 'Huge Co' };

/** The document ID of row `index` (0-based): `DOC-1` … `DOC-10000000`, one per row. */
export function documentIdAt(index: number): string {
  return `DOC-${index + 1}`;
}

/** The row index a document ID of this adapter names (`NaN` for any other text). */
export function indexOfDocumentId(documentId: string): number {
  const match = /^DOC-(\d+)$/.exec(documentId.trim());
  return match ? Number(match[1]) - 1 : NaN;
}

export class HugeBackend implements InvoiceBackend {
  /** Every `listInvoices` query, in order. */
  readonly queries: InvoiceQuery[] = [];

  constructor(readonly count: number) {}

  async searchCustomers(): Promise<Customer[]> {
    return [CUSTOMER];
  }

  async listInvoices(
    query: InvoiceQuery,
    options: CallOptions = {},
  ): Promise<Page<InvoiceSummary>> {
    this.queries.push(query);
    if (options.signal?.aborted) throw new BackendError('aborted', 'aborted');
    const offset = query.offset ?? 0;
    const limit = query.limit ?? 200;
    const end = Math.min(this.count, offset + limit);
    const items: InvoiceSummary[] = [];
    for (let i = offset; i < end; i++) items.push(this.#summary(i));
    return { items, total: this.count, offset, limit };
  }

  #summary(index: number): InvoiceSummary {
    return {
      id: `huge-${index}`,
      documentId: documentIdAt(index),
      customer: CUSTOMER,
      provider: { id: 'aws', name: 'AWS' },
      period: { from: '2026-10', to: '2026-10' },
      status: 'OPEN',
      total: { minor: 100 + (index % 997), currency: 'USD' },
      generatedAt: '2026-11-02T09:00:00.000Z',
      version: 'v1',
    };
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
