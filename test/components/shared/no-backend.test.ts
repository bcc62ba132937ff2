/**
 * No adapter (docs/RULES.md, "Errors"): the table, the viewer and the download menu say
 * `no-backend` in their alert, never a network failure, and work once a backend is given.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/define.js';
import { MemoryBackend } from '../../../src/adapters/memory/index.js';
import type { InvoiceTable } from '../../../src/components/invoice-table/invoice-table.js';
import type { InvoiceViewer } from '../../../src/components/invoice-viewer/invoice-viewer.js';
import type { DownloadMenu } from '../../../src/components/download-menu/download-menu.js';
import { invoice } from '../../support/fixtures.js';
import { deepQuery, text, until } from '../../support/dom.js';

const NO_BACKEND = 'No backend is configured for this element.';

function alertText(el: HTMLElement): string {
  return text(deepQuery(el, '[role="alert"]'));
}

function backend(): MemoryBackend {
  return new MemoryBackend({ invoices: [invoice({ id: 'inv-1', documentId: 'DOC-0001' })] });
}

describe('no backend (table, viewer, menu)', () => {
  it('<invoice-table> says no-backend in an alert instead of the grid, then loads with one', async () => {
    const el = await fixture<InvoiceTable>(
      html`<invoice-table lang="en" from="2026-10" to="2026-10"></invoice-table>`,
    );
    await until(() => alertText(el) === NO_BACKEND, alertText(el));
    expect(deepQuery(el, '[role="grid"]')).to.equal(null);
    expect(text(el.shadowRoot)).not.to.contain('could not be reached');
    el.backend = backend();
    await until(() => deepQuery(el, '[role="grid"]') !== null, 'no grid with a backend');
    expect(alertText(el)).not.to.equal(NO_BACKEND);
  });

  it('<invoice-viewer invoice-id> says no-backend in an alert, then loads with one', async () => {
    const el = await fixture<InvoiceViewer>(
      html`<invoice-viewer lang="en" invoice-id="inv-1"></invoice-viewer>`,
    );
    await until(() => text(el.shadowRoot).includes(NO_BACKEND), text(el.shadowRoot));
    expect(text(el.shadowRoot)).not.to.contain('could not be reached');
    el.backend = backend();
    await until(() => text(deepQuery(el, '[part~="document-id"]')).includes('DOC-0001'), 'no load');
    expect(text(el.shadowRoot)).not.to.contain(NO_BACKEND);
  });

  it('<download-menu invoice-id> says no-backend in an alert, then offers the formats with one', async () => {
    const el = await fixture<DownloadMenu>(
      html`<download-menu lang="en" invoice-id="inv-1"></download-menu>`,
    );
    await until(() => alertText(el).includes(NO_BACKEND), alertText(el));
    expect(deepQuery(el, '[part~="error"]')).not.to.equal(null);
    el.backend = backend();
    await until(() => el.formats.length > 0, 'no formats with a backend');
    expect(alertText(el)).not.to.contain(NO_BACKEND);
  });
});
