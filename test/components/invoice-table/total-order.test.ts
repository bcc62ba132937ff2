/**
 * `<invoice-table>` sorted by total across currencies (docs/ADAPTERS.md, "Sorting by total"):
 * the header says the order the backend applied, in the element's language, and the rows follow
 * it. Over a real MemoryBackend with JPY, BRL, USD and BHD invoices.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/define.js';
import { MemoryBackend } from '../../../src/adapters/memory/index.js';
import type { InvoiceTable } from '../../../src/components/invoice-table/invoice-table.js';
import { loadLocale } from '../../../src/i18n/loader.js';
import { TOTAL_ORDERS, moneyInvoices } from '../../adapters/total-order.fixture.js';
import { waitUntil } from '../../support/wait.js';
import { $, TODAY, documentIds, rowsLoaded } from './helpers.js';

const HEADERS = {
  en: {
    reporting: 'Total (in USD)',
    'currency-then-amount': 'Total (by currency)',
    plain: 'Total',
  },
  'pt-BR': {
    reporting: 'Total (em USD)',
    'currency-then-amount': 'Total (por moeda)',
    plain: 'Total',
  },
  es: { reporting: 'Total (en USD)', 'currency-then-amount': 'Total (por moneda)', plain: 'Total' },
} as const;

const totalHeader = (el: InvoiceTable): HTMLElement =>
  $(el, '[role="columnheader"][data-col="total"]');
const headerText = (el: InvoiceTable): string =>
  totalHeader(el).textContent!.replace(/[▲▼↕]/g, '').trim();
const docs = (ids: readonly string[]): string[] => ids.map((id) => `DOC-${id.toUpperCase()}`);

async function mount(lang: keyof typeof HEADERS, reporting: boolean): Promise<InvoiceTable> {
  if (lang !== 'en') await loadLocale(lang);
  const backend = new MemoryBackend({ invoices: moneyInvoices(reporting) });
  const wrapper = await fixture<HTMLDivElement>(
    html`<div lang=${lang}>
      <invoice-table .backend=${backend} .today=${TODAY}></invoice-table>
    </div>`,
  );
  const el = wrapper.querySelector('invoice-table')!;
  await rowsLoaded(el, 7);
  return el;
}

describe('<invoice-table> sorted by total across currencies', () => {
  for (const lang of ['en', 'pt-BR', 'es'] as const) {
    for (const mode of ['currency-then-amount', 'reporting'] as const) {
      it(`${lang}: heads the column "${HEADERS[lang][mode]}" and lists in that order`, async () => {
        const el = await mount(lang, mode === 'reporting');
        expect(headerText(el)).to.equal(HEADERS[lang].plain);
        totalHeader(el).querySelector('button')!.click();
        // Descending first, as for every amount.
        await waitUntil(
          () =>
            headerText(el) === HEADERS[lang][mode] &&
            documentIds(el).join() === docs(TOTAL_ORDERS[mode].desc).join(),
          `${headerText(el)}: ${documentIds(el).join()}`,
        );
        expect(totalHeader(el).getAttribute('aria-sort')).to.equal('descending');
        totalHeader(el).querySelector('button')!.click();
        await waitUntil(
          () => documentIds(el).join() === docs(TOTAL_ORDERS[mode].asc).join(),
          documentIds(el).join(),
        );
        expect(totalHeader(el).getAttribute('aria-sort')).to.equal('ascending');
        expect(headerText(el)).to.equal(HEADERS[lang][mode]);
        // Another sort: the column is "Total" again, unsorted.
        $(el, '[role="columnheader"][data-col="documentId"] button').click();
        await waitUntil(() => documentIds(el)[0] === 'DOC-M1');
        expect(headerText(el)).to.equal(HEADERS[lang].plain);
        expect(totalHeader(el).hasAttribute('aria-sort')).to.equal(false);
      });
    }
  }
});
