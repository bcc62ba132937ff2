/**
 * Races (issue 10): with a backend whose promises a fast-check scheduler resolves in any
 * order, rapid changes of customer and period (`<invoice-table>`) and of invoice
 * (`<invoice-viewer>`) never leave stale results on screen: once everything has answered,
 * what is shown belongs to the last request.
 */
import { expect, fixture, html } from '@open-wc/testing';
import fc from 'fast-check';
import '../../src/define.js';
import { MemoryBackend } from '../../src/adapters/memory/index.js';
import type { InvoiceBackend } from '../../src/core/backend.js';
import type { BillingPeriod, Invoice } from '../../src/core/types.js';
import type { InvoiceTable } from '../../src/components/invoice-table/invoice-table.js';
import type { InvoiceViewer } from '../../src/components/invoice-viewer/invoice-viewer.js';
import { invoice } from '../support/fixtures.js';
import { announced, deepQuery, deepQueryAll, sleep, text, until } from '../support/dom.js';

const cells = (el: Element) => deepQueryAll(el, '[role="gridcell"][data-col="documentId"]');

const CUSTOMERS = ['cus-1', 'cus-2', 'cus-3'];
const PERIODS: BillingPeriod[] = [
  { from: '2026-08', to: '2026-08' },
  { from: '2026-09', to: '2026-09' },
  { from: '2026-10', to: '2026-10' },
];

/** One invoice per customer and month: DOC-<customer>-<month>. */
function data(): Invoice[] {
  const out: Invoice[] = [];
  for (const c of CUSTOMERS) {
    for (const p of PERIODS) {
      const id = `${c}-${p.from}`;
      out.push(
        invoice({
          id,
          documentId: `DOC-${id}`,
          customer: { id: c, name: `Customer ${c}` },
          period: p,
        }),
      );
    }
  }
  return out;
}

/** A backend whose every answer waits for the scheduler (signals are ignored on purpose). */
function scheduled(s: fc.Scheduler, memory: MemoryBackend): InvoiceBackend {
  return {
    searchCustomers: s.scheduleFunction((q) => memory.searchCustomers(q)),
    getCustomer: s.scheduleFunction((id: string) => memory.getCustomer(id)),
    listInvoices: s.scheduleFunction((q) => memory.listInvoices(q)),
    getInvoice: s.scheduleFunction((id: string) => memory.getInvoice(id)),
    updateStatus: (u) => memory.updateStatus(u),
    discardInvoice: (d) => memory.discardInvoice(d),
  };
}

async function settle(s: fc.Scheduler, el: { updateComplete: Promise<unknown> }): Promise<void> {
  // Answers may start new requests (pages): drain until nothing is left.
  for (let i = 0; i < 20; i++) {
    await s.waitAll();
    await el.updateComplete;
    // Negative check ("no further request is coming"): the table asks for further pages 30 ms
    // after an answer (its own timer, set before this one, so it fires first however late both
    // are); a new request then shows in s.count().
    await sleep(40);
    if (s.count() === 0) break;
  }
  await el.updateComplete;
}

let interleavings = 0;

describe('reliability: races (fast-check scheduler)', function () {
  this.timeout(120_000);
  after(() => console.log(`races: ${interleavings} interleavings`));

  it('<invoice-table>: customer and period changes never render stale rows (100 interleavings)', async () => {
    const memory = new MemoryBackend({ invoices: data() });
    const el = await fixture<InvoiceTable>(
      html`<invoice-table
        hide-search
        customer-id="cus-1"
        from="2026-08"
        to="2026-08"
      ></invoice-table>`,
    );
    await fc
      .assert(
        fc.asyncProperty(
          fc.scheduler(),
          fc.array(fc.tuple(fc.constantFrom(...CUSTOMERS), fc.constantFrom(...PERIODS)), {
            minLength: 2,
            maxLength: 4,
          }),
          async (s, changes) => {
            interleavings++;
            el.backend = scheduled(s, memory);
            for (const [customer, period] of changes) {
              el.customerId = customer;
              el.from = period.from;
              el.to = period.to;
              await el.updateComplete;
            }
            await settle(s, el);
            const [customer, period] = changes[changes.length - 1];
            // Rows may render a frame after their page arrives: wait for a row (the assertion
            // below then says which), not for a guessed time.
            await until(() => cells(el).length > 0, 'no rows', 5000).catch(() => undefined);
            const docs = deepQueryAll(el, '[role="gridcell"][data-col="documentId"]').map((c) =>
              text(c),
            );
            expect(docs, `after ${JSON.stringify(changes)} (${announced(el)})`).to.deep.equal([
              `DOC-${customer}-${period.from}`,
            ]);
          },
        ),
        { numRuns: 100, seed: 42 },
      )
      .catch((error: Error) => {
        throw new Error(
          `${error.message.slice(0, 600)}\nCause: ${String((error.cause as Error)?.message ?? error.cause)}`,
        );
      });
  });

  it('<invoice-viewer>: invoice-id changes never show a stale invoice (100 interleavings)', async () => {
    const memory = new MemoryBackend({ invoices: data() });
    const ids = data().map((i) => i.id);
    const el = await fixture<InvoiceViewer>(html`<invoice-viewer></invoice-viewer>`);
    await fc.assert(
      fc.asyncProperty(
        fc.scheduler(),
        fc.array(fc.constantFrom(...ids), { minLength: 2, maxLength: 5 }),
        async (s, sequence) => {
          interleavings++;
          el.backend = scheduled(s, memory);
          for (const id of sequence) {
            el.invoiceId = id;
            await el.updateComplete;
          }
          await settle(s, el);
          const last = sequence[sequence.length - 1];
          expect(
            text(deepQuery(el, '[part~="document-id"]')),
            `after ${sequence.join(' → ')}`,
          ).to.contain(`DOC-${last}`);
        },
      ),
      { numRuns: 100, seed: 7 },
    );
  });
});
