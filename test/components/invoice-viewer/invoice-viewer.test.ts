import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../../support/wait.js';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import Papa from 'papaparse';
import '../../../src/define.js';
import { loadLocale } from '../../../src/i18n/loader.js';
import { BackendError } from '../../../src/core/errors.js';
import { convert } from '../../../src/core/money.js';
import type { Invoice } from '../../../src/core/types.js';
import type { InvoiceViewer } from '../../../src/components/invoice-viewer/invoice-viewer.js';
import { MemoryBackend } from '../../../src/adapters/memory/index.js';
import { detailedCsv, invoiceCsv } from '../../../src/exports/csv.js';
import { buildDocumentModel } from '../../../src/exports/model.js';
import { invoiceSections, readCsv } from '../../exports/csv-read.js';
import {
  backendWith,
  buttonNamed,
  isShown,
  lineCells,
  makeInvoice,
  minorOf,
  part,
  parts,
  root,
  sectionBody,
  sectionButton,
  text,
  totalCell,
  isolated,
} from './helpers.js';
import { applyMediaRules, canEmulateMedia } from '../../support/browser.js';

async function viewer(
  invoice: Invoice = makeInvoice(),
  attrs: Partial<Record<string, string>> = {},
) {
  const el = await fixture<InvoiceViewer>(
    html`<invoice-viewer
      lang="en"
      style="inline-size: 960px"
      .invoice=${invoice}
      .backend=${backendWith([invoice])}
      open-sections=${attrs['open-sections'] ?? 'summary lines totals custom-fields'}
      audience=${attrs.audience ?? 'operator'}
    ></invoice-viewer>`,
  );
  await el.updateComplete;
  return el;
}

function chooseCurrency(el: InvoiceViewer, code: string): void {
  const select = part<HTMLSelectElement>(el, 'currency-select')!;
  select.value = code;
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

function center(r: DOMRect): number {
  return (r.left + r.right) / 2;
}

describe('<invoice-viewer>', () => {
  describe('header', () => {
    it('shows the Document ID, status, period, currency and visibility', async () => {
      const el = await viewer();
      expect(text(part(el, 'document-id'))).to.equal('Document ID DOC-2026-0001');
      const status = root(el).querySelector('[role="group"][aria-labelledby]')!;
      const labelIds = status.getAttribute('aria-labelledby')!.split(' ');
      expect(labelIds.map((id) => text(root(el).getElementById(id)))).to.deep.equal([
        'Status',
        'Draft',
      ]);
      expect(text(part(el, 'status-badge'))).to.equal('Draft');
      expect(text(part(el, 'period'))).to.equal('Billing period: October 2026');
      const select = part<HTMLSelectElement>(el, 'currency-select')!;
      expect(text(root(el).querySelector(`label[for="${select.id}"]`))).to.equal('Currency');
      expect(select.value).to.equal('USD');
      expect(text(part(el, 'visibility'))).to.equal('Draft: not visible to the customer');
    });

    it('lists only the currencies that apply to the invoice', async () => {
      const el = await viewer();
      const options = [...part<HTMLSelectElement>(el, 'currency-select')!.options];
      expect(options.map((o) => o.value)).to.deep.equal(['USD', 'BRL', 'JPY', 'BHD']);
      const single = await viewer(makeInvoice({ currencies: [] }));
      const only = [...part<HTMLSelectElement>(single, 'currency-select')!.options];
      expect(only.map((o) => o.value)).to.deep.equal(['USD']);
    });

    it('says an open invoice is visible to the customer', async () => {
      const el = await viewer(makeInvoice({ status: 'OPEN' }));
      expect(text(part(el, 'visibility'))).to.equal('Visible to the customer');
      expect(text(part(el, 'status-badge'))).to.equal('Open');
    });

    it('lays out status at the top centre, period below it, currency at the right', async () => {
      const el = await viewer();
      const header = part(el, 'header')!.getBoundingClientRect();
      const badge = part(el, 'status-badge')!.getBoundingClientRect();
      const period = part(el, 'period')!.getBoundingClientRect();
      const select = part(el, 'currency-select')!.getBoundingClientRect();
      const docId = part(el, 'document-id')!.getBoundingClientRect();
      expect(Math.abs(center(badge) - center(header))).to.be.below(2);
      expect(badge.top - header.top).to.be.below(20);
      expect(period.top).to.be.at.least(badge.bottom);
      expect(Math.abs(center(period) - center(header))).to.be.below(2);
      expect(Math.abs(select.right - header.right)).to.be.below(2);
      expect(select.left).to.be.above(badge.right);
      expect(select.top - header.top).to.be.below(40);
      expect(docId.right).to.be.below(badge.left);
    });

    it('shows an unknown status read-only, without Discard', async () => {
      const el = await viewer(makeInvoice({ status: 'ARCHIVED' }));
      expect(text(part(el, 'status-badge'))).to.equal('Unknown status (ARCHIVED)');
      expect(part(el, 'discard-button')).to.equal(null);
      expect(text(part(el, 'visibility'))).to.equal('Not visible to the customer');
    });
  });

  describe('sections', () => {
    it('opens all but the status history by default', async () => {
      const el = await viewer();
      const names = parts(el, 'section-header').map((b) => text(b));
      expect(names).to.deep.equal(['Summary', 'Line items', 'Taxes and totals', 'Status history']);
      for (const name of ['Summary', 'Line items', 'Taxes and totals']) {
        expect(sectionButton(el, name)!.getAttribute('aria-expanded'), name).to.equal('true');
        expect(isShown(sectionBody(el, name)), name).to.equal(true);
      }
      expect(sectionButton(el, 'Status history')!.getAttribute('aria-expanded')).to.equal('false');
      expect(isShown(sectionBody(el, 'Status history'))).to.equal(false);
    });

    it('draws the header bars with the section-bar colour (blue by default)', async () => {
      const el = await viewer();
      const bar = sectionButton(el, 'Summary')!.parentElement!;
      expect(getComputedStyle(bar).backgroundColor).to.equal('rgb(11, 87, 208)');
    });

    it('starts with the sections the host names in open-sections', async () => {
      const el = await viewer(
        makeInvoice({
          history: [
            { from: 'DRAFT', to: 'OPEN', at: '2026-11-02T10:00:00Z', by: 'Maria', notified: true },
          ],
        }),
        { 'open-sections': 'history' },
      );
      expect(sectionButton(el, 'Summary')!.getAttribute('aria-expanded')).to.equal('false');
      expect(isShown(sectionBody(el, 'Summary'))).to.equal(false);
      expect(isShown(sectionBody(el, 'Status history'))).to.equal(true);
      const cells = [...sectionBody(el, 'Status history')!.querySelectorAll('tbody td')].map(text);
      expect(cells[0]).to.equal('Draft');
      expect(cells[1]).to.equal('Open');
      expect(cells[3]).to.equal('Maria');
      expect(cells[4]).to.equal('Yes');
    });

    it('toggles a section with the mouse and fires invoice-section-toggle', async () => {
      const el = await viewer();
      const button = sectionButton(el, 'Summary')!;
      expect(button.getAttribute('aria-controls')).to.equal(sectionBody(el, 'Summary')!.id);
      const toggled = oneEvent(el, 'invoice-section-toggle');
      button.click();
      const event = await toggled;
      expect(event.detail).to.deep.equal({ section: 'summary', open: false });
      await el.updateComplete;
      expect(button.getAttribute('aria-expanded')).to.equal('false');
      expect(isShown(sectionBody(el, 'Summary'))).to.equal(false);
      button.click();
      await el.updateComplete;
      expect(button.getAttribute('aria-expanded')).to.equal('true');
      expect(isShown(sectionBody(el, 'Summary'))).to.equal(true);
    });

    it('toggles a section with Enter and Space', async () => {
      const el = await viewer();
      const button = sectionButton(el, 'Status history')!;
      button.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(button.getAttribute('aria-expanded')).to.equal('true');
      expect(isShown(sectionBody(el, 'Status history'))).to.equal(true);
      await sendKeys({ press: ' ' });
      await el.updateComplete;
      expect(button.getAttribute('aria-expanded')).to.equal('false');
      expect(isShown(sectionBody(el, 'Status history'))).to.equal(false);
    });

    it('shows Custom fields only when the account has any', async () => {
      const without = await viewer();
      expect(sectionButton(without, 'Custom fields')).to.equal(undefined);
      const el = await viewer(
        makeInvoice({ customFields: [{ key: 'po', label: 'PO number', value: 'PO-77' }] }),
      );
      expect(sectionButton(el, 'Custom fields')).to.not.equal(undefined);
      expect(text(sectionBody(el, 'Custom fields'))).to.equal('PO number PO-77');
    });

    it('summarises customer, provider, period, dates and total', async () => {
      const el = await viewer();
      const pairs = [...sectionBody(el, 'Summary')!.querySelectorAll('dl > div')].map(text);
      expect(pairs).to.deep.equal([
        'Customer Acme Ltda',
        'Cloud provider Microsoft',
        'Billing period October 2026',
        'Generated on Nov 1, 2026',
        'Due date Nov 30, 2026',
        'Total $351.18',
      ]);
    });

    it('groups line items by product or subscription', async () => {
      const el = await viewer();
      const body = sectionBody(el, 'Line items')!;
      const table = body.querySelector('[role="table"]')!;
      expect(table.getAttribute('aria-label')).to.equal('3 line items');
      const headers = [...table.querySelectorAll('[role="columnheader"]')].map(text);
      expect(headers).to.deep.equal([
        'SKU',
        'Description',
        'Quantity',
        'Unit price',
        'Amount',
        'Tax',
      ]);
      const rows = [...table.querySelectorAll('[role="rowgroup"]:last-child > [role="row"]')].map(
        text,
      );
      expect(rows).to.deep.equal([
        'Microsoft 365 E3 $165.00',
        'MS-E3 MS-E3 description 3 $36.00 $108.00 $10.80',
        'MS-E5 MS-E5 description 1 $57.00 $57.00 $5.70',
        'Azure subscription $154.25',
        'AZ-VM AZ-VM description 12.5 $12.34 $154.25 $15.43',
      ]);
    });
  });

  describe('currency switch', () => {
    const cases = [
      {
        code: 'USD',
        subtotal: '$319.25',
        tax: '$31.93',
        total: '$351.18',
        amounts: ['$108.00', '$57.00', '$154.25'],
        rate: 'Amounts in USD, the invoice currency.',
      },
      {
        code: 'BRL',
        subtotal: 'R$1,734.20',
        tax: 'R$173.45',
        total: 'R$1,907.65',
        amounts: ['R$586.67', 'R$309.63', 'R$837.90'],
        rate: '1 USD = 5.4321 BRL (ECB, Oct 31, 2026)',
      },
      {
        code: 'JPY',
        subtotal: '¥48,325',
        tax: '¥4,834',
        total: '¥53,159',
        amounts: ['¥16,348', '¥8,628', '¥23,349'],
        rate: '1 USD = 151.37 JPY',
      },
      {
        code: 'BHD',
        subtotal: 'BHD 120.357',
        tax: 'BHD 12.038',
        total: 'BHD 132.395',
        amounts: ['BHD 40.716', 'BHD 21.489', 'BHD 58.152'],
        rate: '1 USD = 0.377 BHD (CBB)',
      },
    ];

    for (const c of cases) {
      it(`shows every amount in ${c.code}, each total the sum of its lines`, async () => {
        const el = await viewer(makeInvoice({ status: 'OPEN' }));
        if (c.code !== 'USD') {
          const changed = oneEvent(el, 'invoice-currency-change');
          chooseCurrency(el, c.code);
          const event = await changed;
          expect(event.detail).to.deep.equal({ currency: c.code });
          await el.updateComplete;
        }
        expect(el.getAttribute('currency')).to.equal(c.code === 'USD' ? null : c.code);
        expect(totalCell(el, 'subtotal')).to.equal(c.subtotal);
        expect(totalCell(el, 'tax')).to.equal(c.tax);
        expect(totalCell(el, 'total')).to.equal(c.total);
        const amounts = lineCells(el, 4);
        const taxes = lineCells(el, 5);
        expect(amounts).to.deep.equal(c.amounts);
        const sum = (list: string[]) => list.reduce((s, a) => s + minorOf(a), 0);
        expect(sum(amounts)).to.equal(minorOf(c.subtotal));
        expect(sum(taxes)).to.equal(minorOf(c.tax));
        expect(minorOf(c.subtotal) + minorOf(c.tax)).to.equal(minorOf(c.total));
        expect(text(sectionBody(el, 'Summary')!.querySelector('.summary-total'))).to.equal(c.total);
        expect(text(sectionBody(el, 'Taxes and totals')!.querySelector('.rate'))).to.equal(c.rate);
        expect(text(part(el, 'header')!.querySelector('.rate'))).to.equal(c.rate);
      });
    }

    it('takes the currency attribute, and ignores a currency that does not apply', async () => {
      const invoice = makeInvoice();
      const el = await fixture<InvoiceViewer>(
        html`<invoice-viewer lang="en" currency="BRL" .invoice=${invoice}></invoice-viewer>`,
      );
      expect(totalCell(el, 'total')).to.equal('R$1,907.65');
      el.currency = 'EUR';
      await el.updateComplete;
      expect(totalCell(el, 'total')).to.equal('$351.18');
      expect(part<HTMLSelectElement>(el, 'currency-select')!.value).to.equal('USD');
    });

    it('states the rate in Spanish too', async () => {
      await loadLocale('es');
      const el = await fixture<InvoiceViewer>(
        html`<invoice-viewer lang="es" currency="BRL" .invoice=${makeInvoice()}></invoice-viewer>`,
      );
      expect(text(part(el, 'header')!.querySelector('.rate'))).to.equal(
        '1 USD = 5,4321 BRL (ECB, 31 oct 2026)',
      );
    });

    it('formats in the page locale (pt-BR)', async () => {
      await loadLocale('pt-BR'); // pt-BR loads on demand; preload as a host would
      const invoice = makeInvoice();
      const el = await fixture<InvoiceViewer>(
        html`<invoice-viewer lang="pt-BR" currency="BRL" .invoice=${invoice}></invoice-viewer>`,
      );
      expect(totalCell(el, 'total')).to.equal('R$ 1.907,65');
      expect(text(part(el, 'status-badge'))).to.equal('Rascunho');
      expect(text(part(el, 'discard-button'))).to.equal('Descartar');
      expect(text(part(el, 'header')!.querySelector('.rate'))).to.equal(
        '1 USD = 5,4321 BRL (ECB, 31 de out. de 2026)',
      );
      // The rate's source is backend text, isolated in the sentence (docs/RULES.md, Limits).
      expect(isolated(part(el, 'header')!.querySelector('.rate'))).to.equal(
        '1 USD = 5,4321 BRL (\u2068ECB\u2069, 31 de out. de 2026)',
      );
    });
  });

  describe('the screen and the files agree', () => {
    function parse(csv: string): Record<string, string>[] {
      const result = Papa.parse<Record<string, string>>(csv, {
        header: true,
        skipEmptyLines: true,
      });
      expect(result.errors).to.deep.equal([]);
      return result.data;
    }
    /** A CSV decimal ("1734.20", "48325", "120.357") in minor units. */
    const minorOfDecimal = (value: string) => Number(value.replace('.', ''));
    const spaced = (value: string) => value.replace(/\s+/g, ' ');

    for (const code of ['USD', 'BRL', 'JPY', 'BHD']) {
      it(`shows the totals and lines the CSV and the document write in ${code}`, async () => {
        const invoice = makeInvoice({ status: 'OPEN' });
        const el = await viewer(invoice);
        if (code !== 'USD') {
          chooseCurrency(el, code);
          await el.updateComplete;
        }
        expect(part<HTMLSelectElement>(el, 'currency-select')!.value).to.equal(code);
        const shown = {
          subtotal: totalCell(el, 'subtotal'),
          tax: totalCell(el, 'tax'),
          total: totalCell(el, 'total'),
        };

        const { fields, totals } = invoiceSections(
          readCsv(invoiceCsv(invoice, { currency: code }), ','),
        );
        expect(fields.Currency).to.equal(code);
        expect(minorOfDecimal(totals.Subtotal)).to.equal(minorOf(shown.subtotal));
        expect(minorOfDecimal(totals['Tax total'])).to.equal(minorOf(shown.tax));
        expect(minorOfDecimal(totals.Total)).to.equal(minorOf(shown.total));
        // The rate line of the file is the screen's, with an ISO date (core rateStatement).
        if (code === 'BRL') {
          expect(fields['Exchange rate']).to.equal('1 USD = 5.4321 BRL (ECB, 2026-10-31)');
        }

        const lines = parse(detailedCsv(invoice, { currency: code }));
        expect(lines.map((l) => minorOfDecimal(l.Amount))).to.deep.equal(
          lineCells(el, 4).map(minorOf),
        );
        expect(lines.map((l) => minorOfDecimal(l.Tax))).to.deep.equal(
          lineCells(el, 5).map(minorOf),
        );

        const doc = buildDocumentModel(invoice, { currency: code, locale: 'en' });
        expect(doc.totals.map(([, v]) => spaced(v))).to.deep.equal([
          shown.subtotal,
          shown.tax,
          shown.total,
        ]);
      });
    }

    it('agrees where converting the total directly would be a unit off', async () => {
      const invoice = makeInvoice({ status: 'OPEN' });
      const el = await viewer(invoice);
      for (const [code, rate, direct] of [
        ['BRL', 5.4321, 190764],
        ['JPY', 151.37, 53158],
      ] as const) {
        chooseCurrency(el, code);
        await el.updateComplete;
        expect(convert(invoice.total, code, rate).minor).to.equal(direct);
        const { totals } = invoiceSections(readCsv(invoiceCsv(invoice, { currency: code }), ','));
        expect(minorOfDecimal(totals.Total)).to.equal(direct + 1);
        expect(minorOf(totalCell(el, 'total'))).to.equal(direct + 1);
      }
    });
  });

  describe('loading', () => {
    it('loads by invoice-id, showing a loading state first', async () => {
      const backend = new MemoryBackend({ invoices: [makeInvoice()], latencyMs: 150 });
      const el = await fixture<InvoiceViewer>(
        html`<invoice-viewer lang="en" invoice-id="inv-1" .backend=${backend}></invoice-viewer>`,
      );
      expect(root(el).querySelector('[aria-busy="true"]')).to.not.equal(null);
      expect(text(root(el).querySelector('[aria-busy="true"] p'))).to.equal('Loading the invoice…');
      await waitUntil(() => part(el, 'document-id'), 'the invoice did not load');
      expect(text(part(el, 'document-id'))).to.equal('Document ID DOC-2026-0001');
      await waitUntil(() => text(root(el).querySelector('[role="status"].live')) !== '');
      expect(text(root(el).querySelector('[role="status"].live'))).to.equal(
        'Invoice DOC-2026-0001 loaded.',
      );
      // The document ID is bidi-isolated inside the sentence (docs/RULES.md, Limits).
      expect(isolated(root(el).querySelector('[role="status"].live'))).to.equal(
        'Invoice \u2068DOC-2026-0001\u2069 loaded.',
      );
      expect(backend.calls.getInvoice).to.equal(1);
    });

    it('says when the invoice does not exist', async () => {
      const backend = new MemoryBackend({ invoices: [makeInvoice()] });
      const el = await fixture<InvoiceViewer>(
        html`<invoice-viewer lang="en" invoice-id="nope" .backend=${backend}></invoice-viewer>`,
      );
      await waitUntil(() => root(el).querySelector('[role="alert"]'));
      expect(text(root(el).querySelector('[role="alert"]'))).to.equal(
        'This invoice does not exist or is no longer available.',
      );
    });

    it('shows a failure with Retry, and Retry loads', async () => {
      const backend = new MemoryBackend({ invoices: [makeInvoice()] });
      backend.failNext('getInvoice', new BackendError('server', 'Boom'));
      const el = await fixture<InvoiceViewer>(
        html`<invoice-viewer lang="en" invoice-id="inv-1" .backend=${backend}></invoice-viewer>`,
      );
      await waitUntil(() => root(el).querySelector('[role="alert"]'));
      expect(text(root(el).querySelector('[role="alert"]'))).to.equal(
        'The server had a problem. Try again in a moment.',
      );
      await expect(el).to.be.accessible();
      buttonNamed(el, 'Retry')!.click();
      await waitUntil(() => part(el, 'document-id'), 'Retry did not load');
      expect(backend.calls.getInvoice).to.equal(2);
    });

    it('shows a validation error for a malformed invoice object', async () => {
      const bad = { ...makeInvoice(), lines: 'nope' } as unknown as Invoice;
      const el = await fixture<InvoiceViewer>(
        html`<invoice-viewer lang="en" .invoice=${bad}></invoice-viewer>`,
      );
      expect(text(root(el).querySelector('[role="alert"]'))).to.equal(
        'The server sent data that could not be read. Invalid field: lines',
      );
      expect(part(el, 'header')).to.equal(null);
    });
  });

  describe('actions', () => {
    it('hosts a status updater and a download menu for its invoice', async () => {
      const el = await viewer(makeInvoice(), {});
      el.flow = 'generation';
      await el.updateComplete;
      const updater = root(el).querySelector('status-updater')!;
      const menu = root(el).querySelector('download-menu')!;
      expect(updater.invoice?.id).to.equal('inv-1');
      expect(updater.getAttribute('flow')).to.equal('generation');
      expect(updater.getAttribute('audience')).to.equal('operator');
      expect(updater.getAttribute('exportparts')).to.contain('button: status-updater-button');
      expect((menu as unknown as { invoice: Invoice }).invoice.id).to.equal('inv-1');
      expect(menu.getAttribute('currency')).to.equal('USD');
      chooseCurrency(el, 'JPY');
      await el.updateComplete;
      expect(menu.getAttribute('currency')).to.equal('JPY');
    });

    it('replaces its invoice on invoice-status-change and invoice-refresh', async () => {
      const el = await viewer();
      const updater = root(el).querySelector('status-updater')!;
      const opened = makeInvoice({ status: 'OPEN', version: 'v2' });
      updater.dispatchEvent(
        new CustomEvent('invoice-status-change', {
          detail: { invoice: opened, from: 'DRAFT', to: 'OPEN', notify: true },
          bubbles: true,
          composed: true,
        }),
      );
      await el.updateComplete;
      expect(text(part(el, 'status-badge'))).to.equal('Open');
      expect(text(part(el, 'visibility'))).to.equal('Visible to the customer');
      expect(part(el, 'discard-button')).to.equal(null);
      const closed = makeInvoice({ status: 'CLOSED', version: 'v3' });
      updater.dispatchEvent(
        new CustomEvent('invoice-refresh', {
          detail: { invoice: closed },
          bubbles: true,
          composed: true,
        }),
      );
      await el.updateComplete;
      expect(text(part(el, 'status-badge'))).to.equal('Closed');
      expect(el.invoice?.version).to.equal('v3');
    });
  });

  describe('customer audience', () => {
    it('offers downloads only', async () => {
      const el = await viewer(makeInvoice({ status: 'OPEN' }), { audience: 'customer' });
      expect(root(el).querySelector('download-menu')).to.not.equal(null);
      expect(root(el).querySelector('download-menu')!.getAttribute('audience')).to.equal(
        'customer',
      );
      expect(root(el).querySelector('status-updater')).to.equal(null);
      expect(part(el, 'discard-button')).to.equal(null);
      expect(root(el).querySelector('dialog')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('never shows a draft passed as an object', async () => {
      const el = await viewer(makeInvoice({ status: 'DRAFT' }), { audience: 'customer' });
      expect(text(root(el).querySelector('.state'))).to.equal('This invoice is not available.');
      expect(part(el, 'header')).to.equal(null);
      expect(root(el).querySelector('download-menu')).to.equal(null);
    });

    it('never shows a draft an adapter wrongly returns', async () => {
      class LeakyBackend extends MemoryBackend {
        override getInvoice(id: string) {
          return super.getInvoice(id, { audience: 'operator' });
        }
      }
      const backend = new LeakyBackend({ invoices: [makeInvoice({ status: 'DRAFT' })] });
      const el = await fixture<InvoiceViewer>(
        html`<invoice-viewer
          lang="en"
          audience="customer"
          invoice-id="inv-1"
          .backend=${backend}
        ></invoice-viewer>`,
      );
      await waitUntil(() => root(el).querySelector('.state:not([aria-busy])'));
      expect(text(root(el).querySelector('.state'))).to.equal('This invoice is not available.');
      expect(part(el, 'document-id')).to.equal(null);
    });
  });

  describe('print', () => {
    afterEach(async () => {
      if (canEmulateMedia) await emulateMedia({ media: 'screen' });
    });

    it('expands every section and hides the controls', async function () {
      // Tool limitation: emulateMedia needs CDP, which Firefox's and WebKit's drivers lack.
      // The next test checks the same @media print rules in every browser.
      if (!canEmulateMedia) this.skip();
      const el = await viewer();
      expect(isShown(sectionBody(el, 'Status history'))).to.equal(false);
      await emulateMedia({ media: 'print' });
      expect(isShown(sectionBody(el, 'Status history'))).to.equal(true);
      expect(isShown(part(el, 'discard-button'))).to.equal(false);
      expect(isShown(part(el, 'currency-select'))).to.equal(false);
      expect(isShown(root(el).querySelector('status-updater'))).to.equal(false);
    });

    it('its @media print rules, applied as when printing, expand every section and hide the controls', async () => {
      const el = await viewer();
      // On screen: the collapsed section is hidden and the controls are shown.
      expect(isShown(sectionBody(el, 'Status history'))).to.equal(false);
      expect(isShown(part(el, 'currency-select'))).to.equal(true);
      expect(isShown(root(el).querySelector('status-updater'))).to.equal(true);
      // The same rules without their media condition, as if the page were being printed.
      expect(applyMediaRules(root(el), 'print'), '@media print rules').to.be.greaterThan(0);
      expect(isShown(sectionBody(el, 'Status history'))).to.equal(true);
      expect(isShown(part(el, 'discard-button'))).to.equal(false);
      expect(isShown(part(el, 'currency-select'))).to.equal(false);
      expect(isShown(root(el).querySelector('status-updater'))).to.equal(false);
    });
  });

  describe('accessibility', () => {
    it('has no axe violations with every section open', async () => {
      const el = await viewer(
        makeInvoice({
          customFields: [{ key: 'po', label: 'PO number', value: 'PO-77' }],
          history: [
            { from: 'DRAFT', to: 'OPEN', at: '2026-11-02T10:00:00Z', by: 'Maria', notified: false },
          ],
        }),
        { 'open-sections': 'summary lines totals custom-fields history' },
      );
      await expect(el).to.be.accessible();
    });
  });
});
