/**
 * Languages across the four elements: key strings in en, pt-BR (the source's words) and es,
 * money and dates through Intl in the element's locale, the locale from the nearest ancestor's
 * `lang` switched at runtime, and host overrides of any string.
 * Every expectation is written by hand. pt-BR and es load on demand: they are preloaded here
 * (`loadLocale`, as a host would), and lazy-locales.test.ts covers the loading itself.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../support/wait.js';
import {
  inShadow,
  makeInvoice,
  memoryBackend,
  menuIn,
  rowsReady,
  textOf,
  TODAY,
  updaterIn,
  viewerReady,
  type DownloadMenu,
  type InvoiceTable,
  type InvoiceViewer,
  type StatusUpdater,
} from '../a11y/fixtures.js';
import { loadLocale } from '../../src/index.js';

type Lang = 'en' | 'pt-BR' | 'es';

/** Intl puts no-break spaces in money and dates; compare with plain spaces. */
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

interface Expected {
  preset: string;
  /** The toolbar's button that shows the filters, none in force. */
  filters: string;
  customer: string;
  draft: string;
  open: string;
  money: string;
  month: string;
  date: string;
  summary: string;
  discard: string;
  updateStatus: string;
  notify: string;
  download: string;
  print: string;
}

const EXPECTED: Record<Lang, Expected> = {
  en: {
    preset: 'Last 3 months',
    filters: 'Filters',
    customer: 'Customer',
    draft: 'Draft',
    open: 'Open',
    money: '$1,234.50',
    month: 'October 2026',
    date: 'Nov 2, 2026',
    summary: 'Summary',
    discard: 'Discard',
    updateStatus: 'UPDATE STATUS',
    notify: 'Send notification e-mail to the customer',
    download: 'DOWNLOAD',
    print: 'Print',
  },
  'pt-BR': {
    preset: 'Últimos 3 meses',
    filters: 'Filtros',
    customer: 'Cliente',
    draft: 'Rascunho',
    open: 'Aberto',
    money: 'US$ 1.234,50',
    month: 'outubro de 2026',
    date: '2 de nov. de 2026',
    summary: 'Resumo',
    discard: 'Descartar',
    updateStatus: 'ATUALIZAR STATUS',
    notify: 'Enviar e-mail de notificação ao cliente',
    download: 'BAIXAR',
    print: 'Imprimir',
  },
  es: {
    preset: 'Últimos 3 meses',
    filters: 'Filtros',
    customer: 'Cliente',
    draft: 'Borrador',
    open: 'Abierta',
    money: '1234,50 US$',
    month: 'octubre de 2026',
    date: '2 nov 2026',
    summary: 'Resumen',
    discard: 'Descartar',
    updateStatus: 'ACTUALIZAR ESTADO',
    notify: 'Enviar correo electrónico de notificación al cliente',
    download: 'DESCARGAR',
    print: 'Imprimir',
  },
};

async function tableIn(lang: string): Promise<InvoiceTable> {
  const host = await fixture<HTMLElement>(
    html`<div lang=${lang}>
      <invoice-table
        .backend=${memoryBackend([makeInvoice()])}
        .today=${TODAY}
        style="inline-size: 900px"
      ></invoice-table>
    </div>`,
  );
  const el = host.querySelector('invoice-table')!;
  await rowsReady(el, 1);
  return el;
}

async function viewerIn(lang: string): Promise<InvoiceViewer> {
  const invoice = makeInvoice();
  const host = await fixture<HTMLElement>(
    html`<section lang=${lang}>
      <invoice-viewer
        .backend=${memoryBackend([invoice])}
        .invoice=${invoice}
        style="inline-size: 960px"
      ></invoice-viewer>
    </section>`,
  );
  const el = host.querySelector('invoice-viewer')!;
  await viewerReady(el);
  return el;
}

function cell(el: InvoiceTable, col: string): string {
  return plain(textOf(inShadow(el, `.body [data-col="${col}"]`)));
}

async function chooseTarget(el: StatusUpdater, status: string): Promise<void> {
  const select = inShadow<HTMLSelectElement>(el, '[part="select"]');
  select.value = status;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  await el.updateComplete;
  inShadow(el, '[part="button"]').click();
  await waitUntil(() => inShadow<HTMLDialogElement>(el, 'dialog').open, 'dialog did not open');
}

describe('languages', () => {
  before(() => Promise.all([loadLocale('pt-BR'), loadLocale('es')]));

  for (const lang of ['en', 'pt-BR', 'es'] as const) {
    const x = EXPECTED[lang];
    describe(lang, () => {
      it('<invoice-table>: labels, status, money, month and date', async () => {
        const el = await tableIn(lang);
        expect(textOf(inShadow(el, '[part~="filters-toggle"]'))).to.equal(x.filters);
        inShadow(el, '[part~="period-toggle"]').click();
        await el.updateComplete;
        const presets = [...el.shadowRoot!.querySelectorAll('.preset')].map(textOf);
        expect(presets).to.include(x.preset);
        expect(textOf(inShadow(el, '#customer-label'))).to.equal(x.customer);
        expect(cell(el, 'status')).to.equal(x.draft);
        expect(cell(el, 'total')).to.equal(x.money);
        expect(cell(el, 'period')).to.equal(x.month);
        expect(cell(el, 'generatedAt')).to.equal(x.date);
      });

      it('<invoice-viewer>: sections, status, Discard, period and totals', async () => {
        const el = await viewerIn(lang);
        expect(textOf(inShadow(el, '[data-section="summary"] [part="section-header"]'))).to.equal(
          x.summary,
        );
        expect(textOf(inShadow(el, 'header [part="status-badge"]'))).to.equal(x.draft);
        expect(textOf(inShadow(el, '[part="discard-button"]'))).to.equal(x.discard);
        expect(plain(textOf(inShadow(el, '[part="period"]')))).to.contain(x.month);
        expect(plain(textOf(inShadow(el, '[data-section="totals"]')))).to.contain(x.money);
      });

      it('<status-updater> (in the viewer): UPDATE STATUS, statuses and the dialog', async () => {
        const el = updaterIn(await viewerIn(lang));
        await el.updateComplete;
        expect(textOf(inShadow(el, '[part="button"]'))).to.equal(x.updateStatus);
        const options = [...inShadow(el, '[part="select"]').querySelectorAll('option')].map(textOf);
        expect(options).to.include(x.open);
        await chooseTarget(el, 'OPEN');
        expect(textOf(inShadow(el, '.switch'))).to.equal(x.notify);
        expect(textOf(inShadow(el, '[part="dialog-heading"]'))).to.contain(x.open);
        inShadow(el, '[part="cancel-button"]').click();
      });

      it('<download-menu>: DOWNLOAD and format names', async () => {
        const host = await fixture<HTMLElement>(
          html`<div lang=${lang}>
            <download-menu .invoice=${makeInvoice({ status: 'OPEN' })}></download-menu>
          </div>`,
        );
        const el = host.querySelector<DownloadMenu>('download-menu')!;
        await el.updateComplete;
        expect(textOf(inShadow(el, '[part="button"]'))).to.equal(x.download);
        const items = [...el.shadowRoot!.querySelectorAll('[part="menuitem"]')].map(textOf);
        expect(items).to.include(x.print);
      });
    });
  }

  describe('runtime switch', () => {
    it('changing lang on an ancestor re-renders the table, the viewer and its nested elements', async () => {
      const host = await fixture<HTMLElement>(
        html`<main lang="en">
          <invoice-table
            .backend=${memoryBackend([makeInvoice()])}
            .today=${TODAY}
            style="inline-size: 900px"
          ></invoice-table>
        </main>`,
      );
      const table = host.querySelector('invoice-table')!;
      await rowsReady(table, 1);
      expect(cell(table, 'total')).to.equal('$1,234.50');

      host.lang = 'pt-BR';
      await waitUntil(() => cell(table, 'status') === 'Rascunho', 'table did not switch');
      expect(cell(table, 'total')).to.equal('US$ 1.234,50');
      expect(cell(table, 'generatedAt')).to.equal('2 de nov. de 2026');

      const viewer = await viewerIn('en');
      const section = viewer.parentElement!;
      const updater = updaterIn(viewer);
      const menu = menuIn(viewer);
      section.lang = 'es';
      await waitUntil(
        () => textOf(updater.shadowRoot!.querySelector('[part="button"]')) === 'ACTUALIZAR ESTADO',
        'the nested status updater did not switch',
      );
      expect(textOf(inShadow(menu, '[part="button"]'))).to.equal('DESCARGAR');
      expect(textOf(inShadow(viewer, '[part="discard-button"]'))).to.equal('Descartar');
      expect(plain(textOf(inShadow(viewer, '[part="period"]')))).to.contain('octubre de 2026');
    });

    it("an element's own lang wins over its ancestor's", async () => {
      const host = await fixture<HTMLElement>(
        html`<div lang="pt-BR">
          <download-menu lang="es" .invoice=${makeInvoice({ status: 'OPEN' })}></download-menu>
        </div>`,
      );
      const el = host.querySelector('download-menu')!;
      await el.updateComplete;
      expect(textOf(inShadow(el, '[part="button"]'))).to.equal('DESCARGAR');
    });
  });

  describe('host overrides', () => {
    it('`strings` overrides an element string and a common string', async () => {
      const host = await fixture<HTMLElement>(
        html`<div lang="pt-BR">
          <status-updater
            .invoice=${makeInvoice()}
            .strings=${{
              updateStatus: 'MUDAR',
              common: { status: { DRAFT: 'Minuta', OPEN: 'Em aberto', VOID: 'X', CLOSED: 'Y' } },
            }}
          ></status-updater>
        </div>`,
      );
      const el = host.querySelector('status-updater')!;
      await el.updateComplete;
      expect(textOf(inShadow(el, '[part="button"]'))).to.equal('MUDAR');
      expect(textOf(inShadow(el, '[part="status-badge"]'))).to.equal('Minuta');
      // The rest stays in the locale.
      expect(textOf(inShadow(el, 'label[for="target"]'))).to.equal('Novo status');
    });
  });
});
