/** Fixtures, a controllable fake adapter and user-like actions for the `<invoice-table>` tests. */
import { waitUntil } from '../../support/wait.js';
import type { CallOptions, CustomerSearch, InvoiceBackend } from '../../../src/core/backend.js';
import { BackendError } from '../../../src/core/errors.js';
import type {
  Customer,
  Invoice,
  InvoiceQuery,
  InvoiceSummary,
  Page,
} from '../../../src/core/types.js';
import type { InvoiceTable } from '../../../src/components/invoice-table/invoice-table.js';

export const ACME: Customer = { id: 'cus-1', name: 'Acme Ltda', email: 'billing@acme.example' };
export const GLOBEX: Customer = { id: 'cus-2', name: 'Globex SA' };
export const ACORN: Customer = { id: 'cus-3', name: 'Acorn Foods' };

/** "Now" for every test: 15 November 2026, so "last 3 months" is 2026-08 to 2026-10. */
export const TODAY = new Date(2026, 10, 15);

export function summary(overrides: Partial<InvoiceSummary> = {}): InvoiceSummary {
  return {
    id: 'inv-1',
    documentId: 'DOC-0001',
    customer: ACME,
    provider: { id: 'microsoft', name: 'Microsoft' },
    period: { from: '2026-10', to: '2026-10' },
    status: 'OPEN',
    total: { minor: 123450, currency: 'USD' },
    generatedAt: '2026-11-02T09:00:00.000Z',
    version: 'v1',
    ...overrides,
  };
}

/** Three documents for Acme in October (one per provider) and one for Globex in September. */
export function sampleInvoices(): InvoiceSummary[] {
  return [
    summary({ id: 'a1', documentId: 'DOC-1001', status: 'OPEN' }),
    summary({
      id: 'a2',
      documentId: 'DOC-1002',
      provider: { id: 'aws', name: 'AWS' },
      status: 'DRAFT',
      total: { minor: 5000, currency: 'EUR' },
    }),
    summary({
      id: 'a3',
      documentId: 'DOC-1003',
      provider: { id: 'google', name: 'Google Cloud' },
      status: 'CLOSED',
      total: { minor: 990, currency: 'JPY' },
    }),
    summary({
      id: 'g1',
      documentId: 'DOC-2001',
      customer: GLOBEX,
      period: { from: '2026-09', to: '2026-09' },
      status: 'VOID',
      generatedAt: '2026-10-03T09:00:00.000Z',
    }),
  ];
}

function sortValue(s: InvoiceSummary, key: string): string | number {
  switch (key) {
    case 'customer':
      return s.customer.name;
    case 'provider':
      return s.provider.name;
    case 'period':
      return s.period.from;
    case 'total':
      return s.total.minor;
    default:
      return String((s as unknown as Record<string, unknown>)[key]);
  }
}

/** Answers a query over a list, like a real server would. */
export function answer(all: readonly InvoiceSummary[], q: InvoiceQuery): Page<InvoiceSummary> {
  let items = all.filter(
    (s) =>
      (!q.customerId || s.customer.id === q.customerId) &&
      (!q.period || (s.period.from <= q.period.to && s.period.to >= q.period.from)) &&
      (!q.statuses || q.statuses.includes(s.status as never)) &&
      (!q.providers || q.providers.includes(s.provider.id)) &&
      (!q.text || s.documentId.toLowerCase().includes(q.text.toLowerCase())),
  );
  if (q.sort) {
    const { key, direction } = q.sort;
    const sign = direction === 'asc' ? 1 : -1;
    items = [...items].sort((a, b) => {
      const x = sortValue(a, key);
      const y = sortValue(b, key);
      return x < y ? -sign : x > y ? sign : 0;
    });
  }
  const offset = q.offset ?? 0;
  const limit = q.limit ?? 200;
  return { items: items.slice(offset, offset + limit), total: items.length, offset, limit };
}

interface Pending {
  query: InvoiceQuery;
  signal?: AbortSignal;
  resolve: (page: Page<InvoiceSummary>) => void;
  reject: (error: unknown) => void;
}

/**
 * A fake adapter under the test's control. `auto` answers at once; `manual` keeps each
 * listInvoices call pending until the test resolves it (`resolveList(i)`), in any order.
 * It ignores abort signals on purpose: the component must never show an older answer anyway.
 */
export class FakeBackend implements InvoiceBackend {
  invoices: InvoiceSummary[];
  customers: Customer[] = [ACME, GLOBEX, ACORN];
  manual = false;
  /** Returns drafts whatever the audience (a misbehaving adapter). */
  leakDrafts = true;
  /** The next listInvoices calls reject with these errors. */
  failures: BackendError[] = [];
  /** A synthetic list of this many rows (generated on demand), instead of `invoices`. */
  synthetic = 0;
  readonly listCalls: { query: InvoiceQuery; signal?: AbortSignal }[] = [];
  readonly searchCalls: { search: CustomerSearch; signal?: AbortSignal }[] = [];
  readonly pending: Pending[] = [];

  constructor(invoices: InvoiceSummary[] = sampleInvoices()) {
    this.invoices = invoices;
  }

  get lastQuery(): InvoiceQuery {
    return this.listCalls[this.listCalls.length - 1]!.query;
  }

  async searchCustomers(search: CustomerSearch, options: CallOptions = {}): Promise<Customer[]> {
    this.searchCalls.push({ search, signal: options.signal });
    const text = search.text.toLowerCase();
    return this.customers.filter((c) => c.name.toLowerCase().includes(text));
  }

  async getCustomer(id: string): Promise<Customer> {
    const found = this.customers.find((c) => c.id === id);
    if (!found) throw new BackendError('not-found', 'no such customer');
    return found;
  }

  compute(query: InvoiceQuery): Page<InvoiceSummary> {
    if (this.synthetic) {
      const offset = query.offset ?? 0;
      const limit = query.limit ?? 200;
      const items: InvoiceSummary[] = [];
      for (let i = offset; i < Math.min(this.synthetic, offset + limit); i++) {
        items.push(
          summary({ id: `s${i}`, documentId: `DOC-${String(i).padStart(6, '0')}`, status: 'OPEN' }),
        );
      }
      return { items, total: this.synthetic, offset, limit };
    }
    const honest = answer(this.invoices, query);
    if (query.audience === 'customer' && !this.leakDrafts) {
      const items = honest.items.filter((s) => s.status !== 'DRAFT');
      return { ...honest, items, total: items.length };
    }
    return honest;
  }

  listInvoices(query: InvoiceQuery, options: CallOptions = {}): Promise<Page<InvoiceSummary>> {
    this.listCalls.push({ query, signal: options.signal });
    const failure = this.failures.shift();
    if (failure) return Promise.reject(failure);
    if (!this.manual) return Promise.resolve(this.compute(query));
    return new Promise((resolve, reject) => {
      this.pending.push({ query, signal: options.signal, resolve, reject });
    });
  }

  /** Resolves the i-th pending list call with the answer to its own query. */
  resolveList(i: number): void {
    const p = this.pending[i]!;
    p.resolve(this.compute(p.query));
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

// ---- DOM helpers ----------------------------------------------------------------------------

export function $(el: InvoiceTable, selector: string): HTMLElement {
  const found = el.shadowRoot!.querySelector<HTMLElement>(selector);
  if (!found) throw new Error(`Nothing matches ${selector}`);
  return found;
}

export function $$(el: InvoiceTable, selector: string): HTMLElement[] {
  return [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
}

/** Invoice rows currently in the DOM (not the header row). */
export function bodyRows(el: InvoiceTable): HTMLElement[] {
  return $$(el, '.body [role="row"]');
}

/** The document IDs shown, in order. */
export function documentIds(el: InvoiceTable): string[] {
  return bodyRows(el).map(
    (r) => r.querySelector('[data-col="documentId"]')?.textContent?.trim() ?? '',
  );
}

export async function rowsLoaded(el: InvoiceTable, count?: number): Promise<void> {
  await waitUntil(
    () =>
      el.shadowRoot!.querySelector('.grid')?.getAttribute('aria-busy') === 'false' &&
      (count === undefined ? true : documentIds(el).filter(Boolean).length === count),
    `rows did not load${count === undefined ? '' : ` (${count})`}`,
    { timeout: 5000 },
  );
}

export function columnHeader(el: InvoiceTable, name: string): HTMLElement {
  const header = $$(el, '[role="columnheader"]').find(
    (h) => h.textContent?.replace(/[▲▼↕]/g, '').trim() === name,
  );
  if (!header) throw new Error(`No column header ${name}`);
  return header;
}

export function button(el: InvoiceTable, name: string): HTMLButtonElement {
  const found = $$(el, 'button').find((b) => b.textContent?.trim() === name);
  if (!found) throw new Error(`No button ${name}`);
  return found as HTMLButtonElement;
}

/**
 * Shows the toolbar's billing-period fields and filters as a user does: a click on each
 * collapsed disclosure button ("Billing period: …", "Filters").
 */
export async function showControls(
  el: InvoiceTable,
  which: readonly ('period' | 'filters')[] = ['period', 'filters'],
): Promise<void> {
  for (const name of which) {
    const toggle = $(el, `[part~="${name}-toggle"]`);
    if (toggle.getAttribute('aria-expanded') !== 'true') toggle.click();
  }
  await el.updateComplete;
}

/** Sets a select's value as a user would (and fires change). */
export function choose(select: HTMLElement, value: string): void {
  (select as HTMLSelectElement).value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
}
