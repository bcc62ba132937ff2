/**
 * axe in the main states of every element, in the light and the dark theme, plus a
 * right-to-left smoke test at 320 px (≈ 200 % zoom of a 640 px column): no horizontal overflow.
 */
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { waitUntil } from '../support/wait.js';
import type { TemplateResult } from 'lit';
import { BackendError } from '../../src/core/errors.js';
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
} from './fixtures.js';

type Theme = 'light' | 'dark';

async function mount<T extends HTMLElement>(
  theme: Theme,
  tag: string,
  template: (theme: Theme) => TemplateResult,
): Promise<T> {
  // A page background that matches the theme, as a host would have.
  const host = await fixture<HTMLElement>(
    html`<main
      lang="en"
      class="page"
      data-theme=${theme}
      style="inline-size: 960px; background: ${theme === 'dark' ? '#16191d' : '#ffffff'}"
    >
      ${template(theme)}
    </main>`,
  );
  return host.querySelector(tag) as T;
}

const failing = () => {
  const b = memoryBackend();
  b.failNext('listInvoices', new BackendError('server', 'boom'));
  b.failNext('getInvoice', new BackendError('server', 'boom'));
  return b;
};
const hanging = () => {
  const b = memoryBackend();
  b.failNext('listInvoices', 'hang');
  b.failNext('getInvoice', 'hang');
  return b;
};

async function accessible(el: Element): Promise<void> {
  await expect(el).to.be.accessible();
}

describe('axe', () => {
  afterEach(() => fixtureCleanup());

  for (const theme of ['light', 'dark'] as const) {
    describe(`${theme} theme`, () => {
      describe('<invoice-table>', () => {
        const table =
          (backend = memoryBackend()) =>
          (t: Theme) =>
            html`<invoice-table theme=${t} .backend=${backend} .today=${TODAY}></invoice-table>`;

        it('loaded (rows, toolbar, filters)', async () => {
          const el = await mount<InvoiceTable>(theme, 'invoice-table', table());
          await rowsReady(el, 3);
          await accessible(el);
        });
        it('loading', async () => {
          const el = await mount<InvoiceTable>(theme, 'invoice-table', table(hanging()));
          await el.updateComplete;
          expect(inShadow(el, '.grid').getAttribute('aria-busy')).to.equal('true');
          await accessible(el);
        });
        it('error with Retry', async () => {
          const el = await mount<InvoiceTable>(theme, 'invoice-table', table(failing()));
          await waitUntil(() => el.shadowRoot!.querySelector('[part="error"]'));
          await accessible(el);
        });
        it('an overdue row, the Overdue only filter on, and the totals (issue 25)', async () => {
          // Due 2026-11-01, before TODAY (2026-11-15): overdue; the draft is not.
          const owing = makeInvoice({ id: 'inv-9', status: 'OPEN', dueDate: '2026-11-01' });
          const el = await mount<InvoiceTable>(
            theme,
            'invoice-table',
            table(memoryBackend([makeInvoice(), owing])),
          );
          await rowsReady(el, 2);
          inShadow(el, '[part="overdue-badge"]'); // throws when absent
          await waitUntil(() => textOf(inShadow(el, '[part="totals"]')) !== '', 'totals');
          await accessible(el);
          // The period's fields and the filters shown (their toolbar buttons expanded).
          inShadow(el, '[part~="period-toggle"]').click();
          inShadow(el, '[part~="filters-toggle"]').click();
          await el.updateComplete;
          inShadow<HTMLInputElement>(el, 'input[name="overdue"]').click();
          await rowsReady(el, 1);
          await accessible(el);
        });
        it('empty, and with customer suggestions open', async () => {
          const el = await mount<InvoiceTable>(theme, 'invoice-table', table(memoryBackend([])));
          await waitUntil(() => el.shadowRoot!.querySelector('[part="empty"]'));
          await accessible(el);
        });
      });

      describe('<invoice-viewer>', () => {
        const viewer =
          (invoice = makeInvoice(), backend = memoryBackend([invoice])) =>
          (t: Theme) =>
            html`<invoice-viewer
              theme=${t}
              .backend=${backend}
              .invoice=${invoice}
              open-sections="summary lines totals custom-fields history"
            ></invoice-viewer>`;

        it('a draft, all sections open', async () => {
          const el = await mount<InvoiceViewer>(theme, 'invoice-viewer', viewer());
          await viewerReady(el);
          await accessible(el);
        });
        it('an overdue invoice, paid in part (issue 25)', async () => {
          const owing = makeInvoice({
            status: 'OPEN',
            // Overdue whatever the date the test runs on (the viewer here has no fixed today).
            dueDate: '2000-01-01',
            amountPaid: { minor: 10000, currency: 'USD' },
          });
          const el = await mount<InvoiceViewer>(theme, 'invoice-viewer', viewer(owing));
          await viewerReady(el);
          inShadow(el, '[part="overdue-badge"]'); // throws when absent
          inShadow(el, '[part="amount-due"]'); // throws when absent
          await accessible(el);
        });
        it('a closed invoice (read-only status)', async () => {
          const el = await mount<InvoiceViewer>(
            theme,
            'invoice-viewer',
            viewer(makeInvoice({ status: 'CLOSED' })),
          );
          await viewerReady(el);
          await accessible(el);
        });
        it('the discard dialog open', async () => {
          const el = await mount<InvoiceViewer>(theme, 'invoice-viewer', viewer());
          await viewerReady(el);
          inShadow(el, '[part="discard-button"]').click();
          await waitUntil(() => inShadow<HTMLDialogElement>(el, 'dialog[part="dialog"]').open);
          await accessible(el);
          inShadow<HTMLDialogElement>(el, 'dialog[part="dialog"]').close();
        });
        it('loading, then a load error with Retry', async () => {
          const loading = await mount<InvoiceViewer>(
            theme,
            'invoice-viewer',
            (t) =>
              html`<invoice-viewer
                theme=${t}
                .backend=${hanging()}
                invoice-id="inv-1"
              ></invoice-viewer>`,
          );
          await waitUntil(() => loading.shadowRoot!.querySelector('[aria-busy="true"]'));
          await accessible(loading);
          fixtureCleanup();
          const failed = await mount<InvoiceViewer>(
            theme,
            'invoice-viewer',
            (t) =>
              html`<invoice-viewer
                theme=${t}
                .backend=${failing()}
                invoice-id="inv-1"
              ></invoice-viewer>`,
          );
          await waitUntil(() => failed.shadowRoot!.querySelector('[role="alert"]'));
          await accessible(failed);
        });
      });

      describe('<status-updater>', () => {
        const updater =
          (invoice = makeInvoice()) =>
          (t: Theme) =>
            html`<status-updater
              theme=${t}
              .backend=${memoryBackend([invoice])}
              .invoice=${invoice}
            ></status-updater>`;

        it('idle, then the confirmation dialog, then the success message', async () => {
          const el = await mount<StatusUpdater>(theme, 'status-updater', updater());
          await el.updateComplete;
          await accessible(el);
          const select = inShadow<HTMLSelectElement>(el, '[part="select"]');
          select.value = 'OPEN';
          select.dispatchEvent(new Event('change'));
          await el.updateComplete;
          inShadow(el, '[part="button"]').click();
          await waitUntil(() => inShadow<HTMLDialogElement>(el, 'dialog').open);
          await accessible(el);
          inShadow(el, '[part="confirm-button"]').click();
          await waitUntil(() =>
            el.shadowRoot!.querySelector('[part="message"][data-kind="success"]'),
          );
          await accessible(el);
        });
        it('final (closed) and unknown status: read-only', async () => {
          const closed = await mount<StatusUpdater>(
            theme,
            'status-updater',
            updater(makeInvoice({ status: 'CLOSED' })),
          );
          await closed.updateComplete;
          expect(closed.shadowRoot!.querySelector('[part="readonly"]')).to.not.equal(null);
          await accessible(closed);
        });
      });

      describe('<download-menu>', () => {
        const menu = (t: Theme) =>
          html`<download-menu
            theme=${t}
            .invoice=${makeInvoice({ status: 'OPEN' })}
          ></download-menu>`;

        it('closed, then open', async () => {
          const el = await mount<DownloadMenu>(theme, 'download-menu', menu);
          await el.updateComplete;
          await accessible(el);
          inShadow(el, '[part="button"]').click();
          await el.updateComplete;
          expect(inShadow(el, '[part="menu"]').hidden).to.equal(false);
          await accessible(el);
        });
        it('a load error with Retry', async () => {
          const el = await mount<DownloadMenu>(
            theme,
            'download-menu',
            (t) =>
              html`<download-menu
                theme=${t}
                .backend=${failing()}
                invoice-id="inv-1"
              ></download-menu>`,
          );
          await waitUntil(() => el.shadowRoot!.querySelector('[part="error"]'));
          await accessible(el);
        });
      });
    });
  }

  describe('right-to-left at 320 px (≈ 200 % zoom)', () => {
    async function narrow<T extends HTMLElement>(tag: string, t: TemplateResult): Promise<T> {
      const host = await fixture<HTMLElement>(
        html`<div dir="rtl" lang="en" style="inline-size: 320px">${t}</div>`,
      );
      return host.querySelector(tag) as T;
    }
    function noOverflow(el: HTMLElement): void {
      expect(el.scrollWidth, `${el.localName} overflows`).to.be.at.most(el.clientWidth + 1);
      expect(el.getBoundingClientRect().width).to.be.at.most(321);
    }

    it('the table holds: toolbar stacks, the grid scrolls inside itself', async () => {
      const el = await narrow<InvoiceTable>(
        'invoice-table',
        html`<invoice-table .backend=${memoryBackend()} .today=${TODAY}></invoice-table>`,
      );
      await rowsReady(el);
      noOverflow(el);
      await accessible(el);
    });

    it('the viewer and its nested elements hold', async () => {
      const invoice = makeInvoice();
      const el = await narrow<InvoiceViewer>(
        'invoice-viewer',
        html`<invoice-viewer
          .backend=${memoryBackend([invoice])}
          .invoice=${invoice}
        ></invoice-viewer>`,
      );
      await viewerReady(el);
      noOverflow(el);
      noOverflow(updaterIn(el));
      noOverflow(menuIn(el));
      // Logical properties: the Document ID sits at the inline start, i.e. on the right.
      const doc = inShadow(el, '[part="document-id"]').getBoundingClientRect();
      const box = el.getBoundingClientRect();
      expect(box.right - doc.right).to.be.below(box.width / 2);
      expect(textOf(inShadow(el, '[part="document-id"]'))).to.contain('DOC-1001');
    });
  });
});
