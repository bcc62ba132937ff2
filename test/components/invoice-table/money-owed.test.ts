/**
 * Money owed and totals of what is listed in `<invoice-table>` (issue 25), in en, pt-BR and es:
 * the Amount due and Due date columns, the Overdue badge (derived, text), the "Overdue only"
 * filter (keyboard, `view`), the sorts, and the totals region (the adapter's, the rows' sum, or
 * unavailable). Every expectation is worked out by hand from the invoices below.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { ifDefined } from 'lit/directives/if-defined.js';
import { waitUntil } from '../../support/wait.js';
import '../../../src/define.js';
import { MemoryBackend } from '../../../src/adapters/memory/index.js';
import { loadLocale } from '../../../src/i18n/loader.js';
import type { InvoiceTable } from '../../../src/components/invoice-table/invoice-table.js';
import type { InvoiceViewChangeDetail } from '../../../src/components/invoice-table/invoice-table.events.js';
import type { Invoice, InvoiceQuery, InvoiceSummary, Page } from '../../../src/core/types.js';
import { invoice, line } from '../../support/fixtures.js';
import {
  $,
  $$,
  FakeBackend,
  TODAY,
  bodyRows,
  documentIds,
  rowsLoaded,
  showControls,
} from './helpers.js';

/** Intl puts no-break spaces in money and dates; compare with plain spaces. */
const plain = (s: string | null | undefined) =>
  (s ?? '')
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

const usd = (minor: number) => ({ minor, currency: 'USD' });

/*
 * Today is 2026-11-15 (TODAY). Every invoice is of October 2026 (the default period).
 * | doc   | status | total (USD line 100.00 + 10.00 tax) | due        | paid / due     | owed    | overdue |
 * | DOC-1 | OPEN   | $110.00                             | 2026-10-31 | paid $10.00    | $100.00 | yes     |
 * | DOC-2 | OPEN   | $110.00                             | 2026-12-15 | —              | $110.00 | no      |
 * | DOC-3 | CLOSED | $110.00                             | 2026-10-01 | due $0.00      | $0.00   | no      |
 * | DOC-4 | OPEN   | R$550.00 (500.00 + 50.00 tax)       | 2026-11-01 | —              | R$550.00| yes     |
 */
function owedInvoices(): Invoice[] {
  const brl = [line('b1', { unit: 50000, currency: 'BRL' })];
  return [
    invoice({ id: 'o1', documentId: 'DOC-1', dueDate: '2026-10-31', amountPaid: usd(1000) }),
    invoice({ id: 'o2', documentId: 'DOC-2', dueDate: '2026-12-15' }),
    invoice({
      id: 'o3',
      documentId: 'DOC-3',
      status: 'CLOSED',
      dueDate: '2026-10-01',
      amountDue: usd(0),
    }),
    invoice({
      id: 'o4',
      documentId: 'DOC-4',
      dueDate: '2026-11-01',
      currency: 'BRL',
      lines: brl,
      currencies: [],
    }),
  ];
}

type Lang = 'en' | 'pt-BR' | 'es';
interface Expected {
  overdue: string;
  overdueOnly: string;
  amountDue: string;
  dueDate: string;
  owed1: string;
  owed3: string;
  due1: string;
  /** Every invoice: R$550.00 and 3 × $110.00, BRL first (currency code order). */
  totalsAll: string;
  /** DOC-1 and DOC-4 only. */
  totalsOverdue: string;
  unavailable: string;
}

const EXPECTED: Record<Lang, Expected> = {
  en: {
    overdue: 'Overdue',
    overdueOnly: 'Overdue only',
    amountDue: 'Amount due',
    dueDate: 'Due date',
    owed1: '$100.00',
    owed3: '$0.00',
    due1: 'Oct 31, 2026',
    totalsAll: 'Total listed: R$550.00; $330.00.',
    totalsOverdue: 'Total listed: R$550.00; $110.00.',
    unavailable: 'Totals are not available for this list.',
  },
  'pt-BR': {
    overdue: 'Vencida',
    overdueOnly: 'Somente vencidas',
    amountDue: 'Valor a pagar',
    dueDate: 'Vencimento',
    owed1: 'US$ 100,00',
    owed3: 'US$ 0,00',
    due1: '31 de out. de 2026',
    totalsAll: 'Total listado: R$ 550,00; US$ 330,00.',
    totalsOverdue: 'Total listado: R$ 550,00; US$ 110,00.',
    unavailable: 'Os totais não estão disponíveis para esta lista.',
  },
  es: {
    overdue: 'Vencida',
    overdueOnly: 'Solo vencidas',
    amountDue: 'Importe pendiente',
    dueDate: 'Vencimiento',
    owed1: '100,00 US$',
    owed3: '0,00 US$',
    due1: '31 oct 2026',
    totalsAll: 'Total listado: 550,00 BRL; 330,00 US$.',
    totalsOverdue: 'Total listado: 550,00 BRL; 110,00 US$.',
    unavailable: 'Los totales no están disponibles para esta lista.',
  },
};

async function mountIn(
  lang: Lang,
  backend: unknown,
  attrs: { pageSize?: number; audience?: string; customerId?: string } = {},
): Promise<InvoiceTable> {
  if (lang !== 'en') await loadLocale(lang);
  const host = await fixture<HTMLElement>(
    html`<div lang=${lang}>
      <invoice-table
        .backend=${backend}
        .today=${TODAY}
        page-size=${attrs.pageSize ?? 200}
        audience=${attrs.audience ?? 'operator'}
        customer-id=${ifDefined(attrs.customerId)}
        style="inline-size: 1400px"
      ></invoice-table>
    </div>`,
  );
  return host.querySelector('invoice-table')!;
}

const rowOf = (el: InvoiceTable, doc: string) =>
  bodyRows(el).find(
    (r) => r.querySelector('[data-col="documentId"]')?.textContent?.trim() === doc,
  )!;
const cellOf = (el: InvoiceTable, doc: string, col: string) =>
  plain(rowOf(el, doc).querySelector(`[data-col="${col}"]`)?.textContent);
const totalsText = (el: InvoiceTable) => plain($(el, '[part="totals"]').textContent);
const overdueBox = (el: InvoiceTable) => $(el, 'input[name="overdue"]') as HTMLInputElement;

describe('<invoice-table> money owed and totals (issue 25)', () => {
  for (const lang of ['en', 'pt-BR', 'es'] as const) {
    const x = EXPECTED[lang];

    describe(lang, () => {
      it('shows the amount due and due date, and an Overdue badge on overdue rows only', async () => {
        const el = await mountIn(lang, new MemoryBackend({ invoices: owedInvoices() }));
        await rowsLoaded(el, 4);
        const headers = $$(el, '[role="columnheader"]').map((h) => plain(h.textContent));
        expect(headers.some((h) => h.startsWith(x.amountDue))).to.equal(true);
        expect(headers.some((h) => h.startsWith(x.dueDate))).to.equal(true);
        expect(cellOf(el, 'DOC-1', 'amountDue')).to.equal(x.owed1);
        expect(cellOf(el, 'DOC-3', 'amountDue')).to.equal(x.owed3);
        expect(cellOf(el, 'DOC-1', 'dueDate')).to.equal(x.due1);
        const badges = (doc: string) =>
          [...rowOf(el, doc).querySelectorAll('[part="overdue-badge"]')].map((b) =>
            plain(b.textContent),
          );
        expect(badges('DOC-1')).to.deep.equal([x.overdue]);
        expect(badges('DOC-4')).to.deep.equal([x.overdue]);
        // Due in the future; paid in full (and closed).
        expect(badges('DOC-2')).to.deep.equal([]);
        expect(badges('DOC-3')).to.deep.equal([]);
        // The badge is text in the status cell, read with the row.
        expect(cellOf(el, 'DOC-1', 'status')).to.contain(x.overdue);
      });

      it('announces the totals of the whole list, and new ones when the filter changes', async () => {
        const el = await mountIn(lang, new MemoryBackend({ invoices: owedInvoices() }));
        await rowsLoaded(el, 4);
        const region = $(el, '[part="totals"]');
        expect(region.getAttribute('role')).to.equal('status');
        await waitUntil(() => totalsText(el) === x.totalsAll, `totals: ${totalsText(el)}`);
        await showControls(el, ['filters']);
        const box = overdueBox(el);
        expect(plain(box.closest('label')!.textContent)).to.equal(x.overdueOnly);
        box.click();
        await rowsLoaded(el, 2);
        expect(documentIds(el)).to.have.members(['DOC-1', 'DOC-4']);
        await waitUntil(() => totalsText(el) === x.totalsOverdue, `totals: ${totalsText(el)}`);
        // The same region, updated in place (a live region must stay in the page).
        expect($(el, '[part="totals"]')).to.equal(region);
      });

      it('says the totals are unavailable when the adapter gives none and rows are not all held', async () => {
        const el = await mountIn(lang, new FakeBackend(), { pageSize: 2 });
        await rowsLoaded(el);
        await waitUntil(() => totalsText(el) === x.unavailable, `totals: ${totalsText(el)}`);
      });
    });
  }

  describe('the Overdue only filter', () => {
    it('is a checkbox in the filters, toggled with Space, in the view and its event', async () => {
      const backend = new MemoryBackend({ invoices: owedInvoices() });
      const el = await mountIn('en', backend);
      await rowsLoaded(el, 4);
      const seen: InvoiceViewChangeDetail[] = [];
      el.addEventListener('invoice-view-change', (e) => seen.push(e.detail));
      await showControls(el, ['filters']);
      overdueBox(el).focus();
      await sendKeys({ press: ' ' });
      await rowsLoaded(el, 2);
      expect(overdueBox(el).checked).to.equal(true);
      expect(el.view.overdue).to.equal(true);
      expect(seen.map((d) => [d.reason, d.view.overdue])).to.deep.equal([['filter', true]]);
      // The empty state's filters name it, and Clear filters clears it.
      el.view = { ...el.view, search: 'nothing' };
      await waitUntil(() => el.shadowRoot!.querySelector('[part="empty"]'), 'empty state');
      expect(plain($(el, '[part="empty"]').textContent)).to.contain('Overdue');
      ($(el, '[part="clear-filters"]') as HTMLButtonElement).click();
      await rowsLoaded(el, 4);
      expect(overdueBox(el).checked).to.equal(false);
      expect('overdue' in el.view).to.equal(false);
    });

    it('round-trips through view, and asks the adapter with the day it judges by', async () => {
      const backend = new FakeBackend();
      const el = await mountIn('en', backend);
      await rowsLoaded(el);
      el.view = { overdue: true };
      await waitUntil(() => backend.lastQuery.overdue === true, 'an overdue query');
      // The table's today (15 November 2026), so the adapter and the badges agree.
      expect(backend.lastQuery.asOf).to.equal('2026-11-15');
      await showControls(el, ['filters']);
      expect(overdueBox(el).checked).to.equal(true);
      expect(JSON.parse(JSON.stringify(el.view)).overdue).to.equal(true);
      el.view = {};
      await waitUntil(() => backend.lastQuery.overdue === undefined, 'the filter cleared');
      expect(backend.lastQuery.asOf).to.equal(undefined);
    });
  });

  describe('sorting', () => {
    it('sorts by amount due (largest first, by currency) and by due date (earliest first)', async () => {
      const el = await mountIn('en', new MemoryBackend({ invoices: owedInvoices() }));
      await rowsLoaded(el, 4);
      const sortButton = (col: string) =>
        $(el, `[role="columnheader"][data-col="${col}"] button`) as HTMLButtonElement;
      sortButton('amountDue').click();
      // BRL before USD whatever the direction; then R$550.00; $110.00, $100.00, $0.00.
      await waitUntil(() => documentIds(el).join() === 'DOC-4,DOC-2,DOC-1,DOC-3', 'by amount due');
      expect(el.view.sort).to.deep.equal({ key: 'amountDue', direction: 'desc' });
      sortButton('dueDate').click();
      // 10-01, 10-31, 11-01, 12-15.
      await waitUntil(() => documentIds(el).join() === 'DOC-3,DOC-1,DOC-4,DOC-2', 'by due date');
      expect($(el, '[role="columnheader"][data-col="dueDate"]').getAttribute('aria-sort')).to.equal(
        'ascending',
      );
    });
  });

  describe('totals without the adapter', () => {
    it('adds the rows itself when the whole list is held, per currency', async () => {
      const el = await mountIn('en', new FakeBackend());
      await rowsLoaded(el, 4);
      // helpers' sample: $1,234.50 twice, €50.00, ¥990: by currency code EUR, JPY, USD.
      await waitUntil(
        () => totalsText(el) === 'Total listed: €50.00; ¥990; $2,469.00.',
        `totals: ${totalsText(el)}`,
      );
    });

    it("prefers the adapter's totals, and adds the reporting sum across currencies", async () => {
      class WithTotals extends FakeBackend {
        override compute(query: InvoiceQuery): Page<InvoiceSummary> {
          return {
            ...super.compute(query),
            totals: {
              byCurrency: [usd(100), { minor: 700, currency: 'EUR' }],
              reporting: usd(900),
            },
          };
        }
      }
      const el = await mountIn('en', new WithTotals());
      await rowsLoaded(el, 4);
      await waitUntil(
        () => totalsText(el) === 'Total listed: $1.00; €7.00. All currencies together: $9.00.',
        `totals: ${totalsText(el)}`,
      );
    });

    it("never shows the customer an adapter's totals when it sent drafts", async () => {
      class LeakyTotals extends FakeBackend {
        override compute(query: InvoiceQuery): Page<InvoiceSummary> {
          // A misbehaving adapter: it ignores the statuses asked, sends the draft, and counts its
          // €50.00 in the totals.
          return {
            ...super.compute({ ...query, statuses: undefined }),
            totals: { byCurrency: [{ minor: 5000, currency: 'EUR' }] },
          };
        }
      }
      const backend = new LeakyTotals();
      const el = await mountIn('en', backend, { audience: 'customer', customerId: 'cus-1' });
      await rowsLoaded(el, 2);
      // Acme's visible rows: DOC-1001 $1,234.50 (OPEN) and DOC-1003 ¥990 (CLOSED).
      await waitUntil(
        () => totalsText(el) === 'Total listed: ¥990; $1,234.50.',
        `totals: ${totalsText(el)}`,
      );
    });
  });
});
