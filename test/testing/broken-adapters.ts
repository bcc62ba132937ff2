/**
 * Deliberately broken adapters, one per rule of the contract: each wraps a `MemoryBackend` and
 * breaks one thing. The conformance kit must fail each on the rule it breaks
 * (conformance-kit.test.ts).
 */
import type { MemoryBackend } from '../../src/adapters/memory/index.js';
import type { CallOptions, CustomerSearch, InvoiceBackend } from '../../src/core/backend.js';
import { BackendError } from '../../src/core/errors.js';
import type {
  Audience,
  DiscardRequest,
  DownloadFormat,
  Invoice,
  InvoiceQuery,
  InvoiceSummary,
  Page,
  ServerDownload,
  StatusUpdate,
} from '../../src/core/types.js';
import { customerView, memoryConformanceFixture } from '../../src/testing/index.js';
import type { ConformanceFixture } from '../../src/testing/index.js';

type GetOptions = CallOptions & { audience?: Audience };

/** A MemoryBackend passed through; each broken adapter overrides one method. */
class PassThrough implements InvoiceBackend {
  constructor(protected readonly memory: MemoryBackend) {}
  searchCustomers(search: CustomerSearch, options?: CallOptions) {
    return this.memory.searchCustomers(search, options);
  }
  getCustomer(id: string, options?: CallOptions) {
    return this.memory.getCustomer(id, options);
  }
  listInvoices(query: InvoiceQuery, options?: CallOptions): Promise<Page<InvoiceSummary>> {
    return this.memory.listInvoices(query, options);
  }
  getInvoice(id: string, options?: GetOptions): Promise<Invoice> {
    return this.memory.getInvoice(id, options);
  }
  updateStatus(update: StatusUpdate, options?: CallOptions): Promise<Invoice> {
    return this.memory.updateStatus(update, options);
  }
  discardInvoice(request: DiscardRequest, options?: CallOptions): Promise<void> {
    return this.memory.discardInvoice(request, options);
  }
  download(id: string, format: DownloadFormat, options?: CallOptions & { currency?: string }) {
    return this.memory.download(id, format, options);
  }
}

/** A list adapter that drops one part of the query. */
const dropping = (part: keyof InvoiceQuery) =>
  class extends PassThrough {
    override listInvoices(query: InvoiceQuery, options?: CallOptions) {
      const rest = { ...query };
      delete rest[part];
      return super.listInvoices(rest, options);
    }
  };

/** A broken adapter, the rule it breaks, and the checks that may fail with it. */
export interface BrokenAdapter {
  name: string;
  /** Checks that must fail. */
  mustFail: string[];
  /** Id prefixes of every check allowed to fail too (the break shows in several checks). */
  mayFail: string[];
  make(memory: MemoryBackend): { backend: InvoiceBackend; fixture: ConformanceFixture };
}

/** The memory fixture with the customer's view over `backend` (so the break shows there). */
function fixtureOver(memory: MemoryBackend, backend: InvoiceBackend): ConformanceFixture {
  return {
    ...memoryConformanceFixture(memory),
    customerBackend: (customerId) => customerView(backend, customerId),
  };
}

const simple =
  (Adapter: new (memory: MemoryBackend) => InvoiceBackend) => (memory: MemoryBackend) => {
    const backend = new Adapter(memory);
    return { backend, fixture: fixtureOver(memory, backend) };
  };

const URL_FILE: ServerDownload = { kind: 'url', url: 'https://files.example/invoice.pdf' };

export const BROKEN_ADAPTERS: BrokenAdapter[] = [
  {
    name: 'ignores the period filter',
    mustFail: ['filters.period'],
    mayFail: ['filters.period'],
    make: simple(dropping('period')),
  },
  {
    name: 'ignores the sort',
    mustFail: ['sort.documentId.asc', 'sort.total.desc', 'sort.total-reporting.asc'],
    mayFail: ['sort.', 'paging.'],
    make: simple(dropping('sort')),
  },
  {
    name: 'ignores the overdue filter',
    mustFail: ['filters.overdue', 'filters.overdue-paid-in-full'],
    mayFail: ['filters.overdue'],
    make: simple(dropping('overdue')),
  },
  {
    name: 'judges overdue on its own today, not asOf',
    mustFail: ['filters.overdue'],
    mayFail: ['filters.overdue'],
    make: simple(dropping('asOf')),
  },
  {
    name: 'drops the money owed from the summaries',
    mustFail: ['list.money-owed'],
    mayFail: ['list.money-owed'],
    make: simple(
      class extends PassThrough {
        override async listInvoices(query: InvoiceQuery, options?: CallOptions) {
          const page = await super.listInvoices(query, options);
          for (const item of page.items) {
            delete item.dueDate;
            delete item.amountDue;
          }
          return page;
        }
      },
    ),
  },
  {
    name: "sums the page's totals, not the whole list's",
    mustFail: ['totals.all-pages', 'totals.reporting'],
    mayFail: ['totals.'],
    make: simple(
      class extends PassThrough {
        override async listInvoices(query: InvoiceQuery, options?: CallOptions) {
          const page = await super.listInvoices(query, options);
          const sums = new Map<string, number>();
          for (const { total } of page.items) {
            sums.set(total.currency, (sums.get(total.currency) ?? 0) + total.minor);
          }
          const byCurrency = [...sums].map(([currency, minor]) => ({ minor, currency }));
          return {
            ...page,
            totals: { byCurrency: byCurrency.sort((a, b) => (a.currency < b.currency ? -1 : 1)) },
          };
        }
      },
    ),
  },
  {
    name: 'counts drafts in the totals of the customer',
    mustFail: ['totals.filters-and-audience'],
    mayFail: ['totals.filters-and-audience'],
    make: simple(
      class extends PassThrough {
        override async listInvoices(query: InvoiceQuery, options?: CallOptions) {
          const page = await super.listInvoices(query, options);
          const { totals } = await super.listInvoices({ ...query, audience: 'operator' }, options);
          return totals ? { ...page, totals } : page;
        }
      },
    ),
  },
  {
    name: 'ignores the provider filter',
    mustFail: ['filters.provider'],
    mayFail: ['filters.provider', 'filters.combined'],
    make: simple(dropping('providers')),
  },
  {
    name: 'ignores the text filter',
    mustFail: ['filters.text'],
    mayFail: ['filters.text', 'totals.filters-and-audience'],
    make: simple(dropping('text')),
  },
  {
    name: 'lists drafts to the customer',
    mustFail: ['audience.list-has-no-draft'],
    mayFail: ['audience.list-has-no-draft', 'totals.filters-and-audience'],
    make: simple(
      class extends PassThrough {
        override listInvoices(query: InvoiceQuery, options?: CallOptions) {
          return super.listInvoices({ ...query, audience: 'operator' }, options);
        }
      },
    ),
  },
  {
    name: 'shows a draft by id to the customer',
    mustFail: ['audience.draft-by-id-not-found'],
    mayFail: ['audience.draft-by-id-not-found', 'audience.draft-download-refused'],
    make: simple(
      class extends PassThrough {
        override getInvoice(id: string, options: GetOptions = {}) {
          return super.getInvoice(id, { ...options, audience: 'operator' });
        }
      },
    ),
  },
  {
    name: 'gives the customer the file of a draft',
    mustFail: ['audience.draft-download-refused'],
    mayFail: ['audience.draft-download-refused'],
    make(memory) {
      for (const format of ['pdf', 'csv', 'detailed-csv', 'print'] as const) {
        memory.setDownload(format, URL_FILE);
      }
      const backend = new PassThrough(memory);
      return {
        backend,
        fixture: {
          ...memoryConformanceFixture(memory),
          // Reads check the audience; the download does not.
          customerBackend: (customerId) => ({
            ...customerView(backend, customerId),
            download: (id: string, format: DownloadFormat) => backend.download(id, format),
          }),
        },
      };
    },
  },
  {
    name: 'lets an invoice go back to DRAFT',
    mustFail: ['transitions.never-back-to-draft'],
    mayFail: ['transitions.never-back-to-draft'],
    make: simple(
      class extends PassThrough {
        override async updateStatus(update: StatusUpdate, options?: CallOptions) {
          if (update.to !== 'DRAFT') return super.updateStatus(update, options);
          return { ...(await super.getInvoice(update.invoiceId, options)), status: 'DRAFT' };
        }
      },
    ),
  },
  {
    name: 'ignores versions',
    mustFail: ['versions.stale-update-conflict', 'versions.stale-discard-conflict'],
    mayFail: ['versions.'],
    make: simple(
      class extends PassThrough {
        private async again<T>(run: (version?: string) => Promise<T>): Promise<T> {
          try {
            return await run();
          } catch (error) {
            if (!(error instanceof BackendError) || error.kind !== 'conflict') throw error;
            return run(error.currentVersion);
          }
        }
        override updateStatus(update: StatusUpdate, options?: CallOptions) {
          return this.again((v) =>
            super.updateStatus(
              { ...update, expectedVersion: v ?? update.expectedVersion },
              options,
            ),
          );
        }
        override discardInvoice(request: DiscardRequest, options?: CallOptions) {
          return this.again((v) =>
            super.discardInvoice(
              { ...request, expectedVersion: v ?? request.expectedVersion },
              options,
            ),
          );
        }
      },
    ),
  },
  {
    name: 'applies a replayed key twice',
    mustFail: ['idempotency.update-replayed'],
    mayFail: ['idempotency.update-replayed'],
    make: simple(
      class extends PassThrough {
        private readonly seen = new Set<string>();
        override async updateStatus(update: StatusUpdate, options?: CallOptions) {
          if (!this.seen.has(update.idempotencyKey)) {
            this.seen.add(update.idempotencyKey);
            return super.updateStatus(update, options);
          }
          // Applied again: one more history entry and a new version.
          const stored = this.memory.inspect(update.invoiceId)!;
          const last = stored.history.at(-1)!;
          const again: Invoice = {
            ...stored,
            version: `${stored.version}+`,
            history: [...stored.history, { ...last }],
          };
          this.memory.addInvoice(again);
          return structuredClone(again);
        }
      },
    ),
  },
  {
    name: 'discards an invoice that is not a draft',
    mustFail: ['discard.drafts-only'],
    mayFail: ['discard.drafts-only'],
    make: simple(
      class extends PassThrough {
        override async discardInvoice(request: DiscardRequest, options?: CallOptions) {
          const stored = this.memory.inspect(request.invoiceId);
          if (!stored || stored.status === 'DRAFT') return super.discardInvoice(request, options);
          const others = this.memory.invoiceIds().filter((id) => id !== request.invoiceId);
          this.memory.setInvoices(others.map((id) => this.memory.inspect(id)!));
        }
      },
    ),
  },
  {
    name: 'repeats a row across pages',
    mustFail: ['paging.walk'],
    mayFail: ['paging.', 'sort.total-'],
    make: simple(
      class extends PassThrough {
        override listInvoices(query: InvoiceQuery, options?: CallOptions) {
          const offset = query.offset ?? 0;
          // Each page starts one row early: the last row of a page comes again on the next.
          return super
            .listInvoices({ ...query, offset: Math.max(0, offset - 1) }, options)
            .then((page) => ({ ...page, offset }));
        }
      },
    ),
  },
  {
    name: 'reports a wrong total',
    mustFail: ['paging.window', 'paging.filtered-total'],
    mayFail: ['paging.', 'filters.', 'audience.list-has-no-draft', 'discard.draft'],
    make: simple(
      class extends PassThrough {
        override async listInvoices(query: InvoiceQuery, options?: CallOptions) {
          const page = await super.listInvoices(query, options);
          return { ...page, total: page.total + 1 };
        }
      },
    ),
  },
  {
    name: 'rejects with something that is not a BackendError',
    mustFail: ['errors.unknown-id-not-found'],
    mayFail: ['errors.', 'audience.', 'discard.', 'idempotency.discard-replayed'],
    make: simple(
      class extends PassThrough {
        override async getInvoice(id: string, options?: GetOptions) {
          try {
            return await super.getInvoice(id, options);
          } catch (error) {
            if (!(error instanceof BackendError) || error.kind !== 'not-found') throw error;
            throw new Error(`HTTP 404: ${error.message}`);
          }
        }
      },
    ),
  },
  {
    name: 'ignores the abort signal',
    mustFail: ['aborts.already-aborted', 'aborts.while-waiting'],
    mayFail: ['aborts.'],
    make: simple(
      class extends PassThrough {
        override getInvoice(id: string, options: GetOptions = {}) {
          return super.getInvoice(id, { audience: options.audience });
        }
        override listInvoices(query: InvoiceQuery) {
          return super.listInvoices(query);
        }
      },
    ),
  },
];

/** An adapter that sends no `Page.totals` (they are optional): every check still passes. */
export class WithoutTotals extends PassThrough {
  override async listInvoices(query: InvoiceQuery, options?: CallOptions) {
    const page = await super.listInvoices(query, options);
    delete page.totals;
    return page;
  }
}
