/**
 * Exporting the list (exports/list-export.ts, list-csv.ts; issue 25): every invoice of a query,
 * page by page from the adapter, written in the CSV worker, read back as a program would.
 */
import { expect } from '@open-wc/testing';
import type { CallOptions } from '../../src/core/backend.js';
import { BackendError } from '../../src/core/errors.js';
import type { InvoiceQuery, InvoiceSummary, Page } from '../../src/core/types.js';
import { setCsvWorkerFactory } from '../../src/exports/csv-export.js';
import { exportInvoiceList, type ListExportOptions } from '../../src/exports/list-export.js';
import { PagedBackend, documentIdAt, pagedSummary } from '../support/paged-backend.js';
import { deferred, rejection, watchLongTasks } from '../support/wait.js';
import { fileText, readCsv, records } from './csv-read.js';
import { countingWorkers } from './csv-workers.js';

const QUERY: InvoiceQuery = {
  period: { from: '2026-10', to: '2026-10' },
  sort: { key: 'documentId', direction: 'asc' },
  audience: 'operator',
};

async function rowsOf(blob: Blob, delimiter: ',' | ';', bom: boolean) {
  return records(readCsv(await fileText(blob), delimiter, bom));
}

const run = (backend: PagedBackend, options: Partial<ListExportOptions> = {}) =>
  exportInvoiceList(backend, { query: QUERY, dialect: 'rfc4180', ...options });

describe('list export (exports/list-export.ts)', () => {
  afterEach(() => setCsvWorkerFactory(undefined));

  it('streams 3 pages in order, with progress, into one file written in the worker', async () => {
    const { made } = countingWorkers();
    const backend = new PagedBackend(1200);
    const progress: [number, number][] = [];
    const result = await run(backend, {
      pageSize: 500,
      onProgress: (done, total) => progress.push([done, total]),
    });
    expect(backend.requests.map((r) => [r.offset, r.limit])).to.deep.equal([
      [0, 500],
      [500, 500],
      [1000, 500],
    ]);
    expect(progress).to.deep.equal([
      [500, 1200],
      [1000, 1200],
      [1200, 1200],
    ]);
    expect(result.inWorker).to.equal(true);
    expect(made).to.have.length(1);
    expect(result.rows).to.equal(1200);
    const rows = await rowsOf(result.blob, ',', false);
    expect(rows).to.have.length(1200);
    expect(rows.map((r) => r['Document ID'])).to.deep.equal(
      Array.from({ length: 1200 }, (_, i) => documentIdAt(i)),
    );
    expect(rows[5]).to.deep.equal({
      'Document ID': 'DOC-0000005',
      Customer: 'Acme Ltda',
      'Customer ID': 'cus-1',
      'Cloud provider': 'AWS',
      'Billing period': '2026-10',
      Status: 'OPEN',
      Total: '10.05',
      Currency: 'USD',
      'Generated on': '2026-11-02T09:00:00.000Z',
      'Due date': '',
      'Amount paid': '',
      // OPEN with nothing sent: its total is owed (core/overdue.ts), no due date: not overdue.
      'Amount due': '10.05',
      Overdue: 'No',
    });
  });

  describe('money owed: due date, amount paid, amount due, overdue on the given today', () => {
    /** Four rows worked out by hand (today 2026-11-20). */
    const owed: InvoiceSummary[] = [
      // Due yesterday, part paid: overdue.
      { ...pagedSummary(0), dueDate: '2026-11-19', amountPaid: { minor: 234, currency: 'USD' } },
      // Due today: not yet overdue.
      { ...pagedSummary(1), dueDate: '2026-11-20', amountDue: { minor: 50075, currency: 'USD' } },
      // Past due but paid in full: nothing owed, not overdue.
      {
        ...pagedSummary(2),
        dueDate: '2026-10-01',
        amountPaid: { minor: 1002, currency: 'USD' },
        amountDue: { minor: 0, currency: 'USD' },
      },
      // Past due, PAID: never overdue; nothing sent of what it owes.
      { ...pagedSummary(3), status: 'PAID', dueDate: '2026-10-01' },
    ];
    const backend = new (class extends PagedBackend {
      override async listInvoices(query: InvoiceQuery) {
        return { items: owed, total: owed.length, offset: query.offset ?? 0, limit: 500 };
      }
    })(0);
    const cases = [
      {
        locale: 'en',
        delimiter: ',',
        decimal: '.',
        labels: {},
        h: ['Due date', 'Amount paid', 'Amount due', 'Overdue'],
        yes: 'Yes',
        no: 'No',
      },
      {
        locale: 'pt-BR',
        delimiter: ';',
        decimal: ',',
        labels: {
          dueDate: 'Vencimento',
          amountPaid: 'Valor pago',
          amountDue: 'Valor a pagar',
          overdue: 'Vencida',
          yes: 'Sim',
          no: 'Não',
        },
        h: ['Vencimento', 'Valor pago', 'Valor a pagar', 'Vencida'],
        yes: 'Sim',
        no: 'Não',
      },
      {
        locale: 'es',
        delimiter: ';',
        decimal: ',',
        labels: {
          dueDate: 'Vencimiento',
          amountPaid: 'Importe pagado',
          amountDue: 'Importe pendiente',
          overdue: 'Vencida',
          yes: 'Sí',
          no: 'No',
        },
        h: ['Vencimiento', 'Importe pagado', 'Importe pendiente', 'Vencida'],
        yes: 'Sí',
        no: 'No',
      },
    ] as const;
    for (const { locale, delimiter, decimal, labels, h, yes, no } of cases) {
      it(`${locale}: both dialects, numbers per dialect`, async () => {
        const d = (text: string, sep: string) => text.replace('.', sep);
        for (const dialect of ['spreadsheet', 'rfc4180'] as const) {
          const sheet = dialect === 'spreadsheet';
          const file = await run(backend, {
            dialect,
            locale,
            listLabels: labels,
            today: '2026-11-20',
          });
          const rows = await rowsOf(file.blob, sheet ? delimiter : ',', sheet);
          const sep = sheet ? decimal : '.';
          expect(rows.map((r) => h.map((k) => r[k]))).to.deep.equal([
            ['2026-11-19', d('2.34', sep), d('7.66', sep), yes],
            ['2026-11-20', '', d('500.75', sep), no],
            ['2026-10-01', d('10.02', sep), d('0.00', sep), no],
            ['2026-10-01', '', '', no],
          ]);
        }
      });
    }

    it("judges overdue on the query's asOf when no today is given", async () => {
      const query = { ...QUERY, overdue: true, asOf: '2026-11-21' };
      const rows = await rowsOf((await run(backend, { query })).blob, ',', false);
      expect(rows.map((r) => r.Overdue)).to.deep.equal(['Yes', 'Yes', 'No', 'No']);
    });
  });

  describe('both dialects, in en, pt-BR and es', () => {
    const cases = [
      { locale: 'en', delimiter: ',', total: '22.34', header: 'Total' },
      { locale: 'pt-BR', delimiter: ';', total: '22,34', header: 'Valor total' },
      { locale: 'es', delimiter: ';', total: '22,34', header: 'Importe total' },
    ] as const;
    for (const { locale, delimiter, total, header } of cases) {
      it(`${locale}: spreadsheet (separator ${delimiter}, BOM) and rfc4180 (",", ".", no BOM)`, async () => {
        const backend = new PagedBackend(1300);
        const listLabels = { total: header };
        const sheet = await run(backend, { dialect: 'spreadsheet', locale, listLabels });
        const sheetRows = await rowsOf(sheet.blob, delimiter, true);
        expect(sheetRows).to.have.length(1300);
        expect(sheetRows[1234][header]).to.equal(total);
        const plain = await run(backend, { dialect: 'rfc4180', locale, listLabels });
        const plainRows = await rowsOf(plain.blob, ',', false);
        expect(plainRows).to.have.length(1300);
        expect(plainRows[1234][header]).to.equal('22.34');
        expect(plainRows[1234]['Document ID']).to.equal('DOC-0001234');
      });
    }
  });

  it('Cancel mid-way aborts the request in flight, stops the worker and gives no file', async () => {
    const { terminated } = countingWorkers();
    const controller = new AbortController();
    const secondAsked = deferred<AbortSignal | undefined>();
    const backend = new (class extends PagedBackend {
      override async listInvoices(query: InvoiceQuery, options: CallOptions = {}) {
        if ((query.offset ?? 0) === 0) return super.listInvoices(query, options);
        secondAsked.resolve(options.signal);
        // Hangs until aborted, as a slow server would.
        return new Promise<Page<InvoiceSummary>>((_, reject) =>
          options.signal?.addEventListener('abort', () =>
            reject(new BackendError('aborted', 'aborted')),
          ),
        );
      }
    })(1500);
    const progress: number[] = [];
    const exported = run(backend, {
      pageSize: 500,
      signal: controller.signal,
      onProgress: (d) => progress.push(d),
    });
    const signal = await secondAsked.promise;
    controller.abort();
    const error = await rejection<DOMException>(exported);
    expect(error.name).to.equal('AbortError');
    expect(signal?.aborted).to.equal(true);
    expect(progress).to.deep.equal([500]);
    expect(terminated()).to.equal(1);
  });

  it('a failing page is asked again on Retry: no duplicate, no gap', async () => {
    const backend = new (class extends PagedBackend {
      failures = 1;
      override async listInvoices(query: InvoiceQuery, options: CallOptions = {}) {
        if (query.offset === 500 && this.failures-- > 0) {
          this.requests.push({
            offset: 500,
            limit: query.limit ?? 0,
            at: 0,
            signal: options.signal,
          });
          throw new BackendError('server', 'HTTP 503');
        }
        return super.listInvoices(query, options);
      }
    })(1200);
    const failed: [string, number][] = [];
    const result = await run(backend, {
      pageSize: 500,
      onPageError: async (error, offset) => {
        failed.push([(error as BackendError).kind, offset]);
      },
    });
    expect(failed).to.deep.equal([['server', 500]]);
    expect(backend.requests.map((r) => r.offset)).to.deep.equal([0, 500, 500, 1000]);
    const ids = (await rowsOf(result.blob, ',', false)).map((r) => r['Document ID']);
    expect(ids).to.deep.equal(Array.from({ length: 1200 }, (_, i) => documentIdAt(i)));
  });

  it('gives up with the error when the page error is not retried', async () => {
    const backend = new (class extends PagedBackend {
      override async listInvoices(query: InvoiceQuery, options: CallOptions = {}) {
        if (query.offset === 500) throw new BackendError('network', 'offline');
        return super.listInvoices(query, options);
      }
    })(1200);
    const error = await rejection<BackendError>(
      run(backend, {
        pageSize: 500,
        onPageError: () => Promise.reject(new BackendError('network', 'given up')),
      }),
    );
    expect(error.message).to.equal('given up');
  });

  it('the customer audience gets no draft, even from an adapter that sends one', async () => {
    const backend = new (class extends PagedBackend {
      override async listInvoices(query: InvoiceQuery, options: CallOptions = {}) {
        const page = await super.listInvoices(query, options);
        return {
          ...page,
          items: page.items.map((s, i) => (i % 3 === 0 ? { ...s, status: 'DRAFT' } : s)),
        };
      }
    })(30);
    const result = await run(backend, { query: { ...QUERY, audience: 'customer' } });
    const rows = await rowsOf(result.blob, ',', false);
    expect(rows).to.have.length(20);
    expect(rows.some((r) => r.Status === 'DRAFT')).to.equal(false);
    expect(rows[0]['Document ID']).to.equal('DOC-0000001');
  });

  it('a list that shifts between pages gives no row twice', async () => {
    // Row 9 is seen again at the start of the second page (a row was inserted before it).
    const list = [
      ...Array.from({ length: 10 }, (_, i) => i),
      9,
      ...Array.from({ length: 15 }, (_, i) => 10 + i),
    ];
    const backend = new (class extends PagedBackend {
      override async listInvoices(query: InvoiceQuery, options: CallOptions = {}) {
        const offset = query.offset ?? 0;
        this.requests.push({ offset, limit: query.limit ?? 0, at: 0, signal: options.signal });
        const items = list.slice(offset, offset + (query.limit ?? 0)).map(pagedSummary);
        return { items, total: list.length, offset, limit: query.limit ?? 0 };
      }
    })(0);
    const result = await run(backend, { pageSize: 10 });
    expect(backend.requests.map((r) => r.offset)).to.deep.equal([0, 10, 20]);
    const ids = (await rowsOf(result.blob, ',', false)).map((r) => r['Document ID']);
    expect(ids).to.deep.equal(Array.from({ length: 25 }, (_, i) => documentIdAt(i)));
  });

  it('without a worker, the page writes the same file', async () => {
    const backend = new PagedBackend(1200);
    const inWorker = await run(backend, { pageSize: 500, dialect: 'spreadsheet', locale: 'pt-BR' });
    setCsvWorkerFactory(() => {
      throw new Error('no workers here');
    });
    const onPage = await run(backend, { pageSize: 500, dialect: 'spreadsheet', locale: 'pt-BR' });
    expect(onPage.inWorker).to.equal(false);
    expect(onPage.workerError).to.contain('no workers here');
    expect(await fileText(onPage.blob)).to.equal(await fileText(inWorker.blob));
  });

  describe('main thread', function () {
    this.retries(2);
    it('20,000 rows: no main-thread task over 50 ms', async function () {
      if (!PerformanceObserver.supportedEntryTypes.includes('longtask')) this.skip();
      const backend = new PagedBackend(20_000);
      // The worker and papaparse load before the watch (a first load is not the export's work).
      await run(new PagedBackend(1));
      const watch = await watchLongTasks();
      const result = await run(backend, { pageSize: 500 });
      const longTasks = await watch.stop();
      console.log(`20,000-row list CSV: long tasks ${JSON.stringify(longTasks.map(Math.round))}`);
      expect(result.rows).to.equal(20_000);
      expect(longTasks.filter((d) => d > 50)).to.deep.equal([]);
    });
  });
});
