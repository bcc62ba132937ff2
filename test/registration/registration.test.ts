/**
 * Registration under other tag names. This file runs in its own page, so the registry starts
 * empty: it imports the side-effect-free entry, registers the classes under `acme-*` names,
 * and only at the end imports `src/define.js` (the default names).
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../support/wait.js';
import { unsafeStatic, html as staticHtml } from 'lit/static-html.js';
import * as entry from '../../src/index.js';
import { MemoryBackend } from '../../src/adapters/memory/index.js';
import { invoice } from '../support/fixtures.js';

const { defineInvoiceElements, InvoiceTable, InvoiceViewer, StatusUpdater, DownloadMenu } = entry;

const DEFAULT_TAGS = ['invoice-table', 'invoice-viewer', 'status-updater', 'download-menu'];
const ACME = {
  'invoice-viewer': 'acme-invoice-viewer',
  'status-updater': 'acme-status-updater',
  'download-menu': 'acme-download-menu',
  'invoice-table': 'acme-invoice-table',
} as const;

/** Runs `fn` with console.warn captured. */
function capturingWarnings<T>(fn: () => T): { result: T; warnings: string[] } {
  const warnings: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
  try {
    return { result: fn(), warnings };
  } finally {
    console.warn = original;
  }
}

/** A viewer (under `tag`) on an OPEN invoice, operator audience, rendered. */
async function viewerUnder(tag: string): Promise<HTMLElement> {
  const backend = new MemoryBackend({
    invoices: [invoice({ id: 'inv-1', documentId: 'DOC-0001', status: 'OPEN' })],
  });
  const t = unsafeStatic(tag);
  const el = await fixture<HTMLElement>(
    staticHtml`<${t} invoice-id="inv-1" audience="operator" .backend=${backend}></${t}>`,
  );
  await waitUntil(
    () => el.shadowRoot?.querySelector('[part="document-id"]')?.textContent?.includes('DOC-0001'),
    'the invoice renders',
    { timeout: 10_000 },
  );
  return el;
}

describe('registration under other tag names', () => {
  describe('the side-effect-free entry', () => {
    it('registers nothing when imported', () => {
      for (const tag of [...DEFAULT_TAGS, ...Object.values(ACME)]) {
        expect(customElements.get(tag), tag).to.equal(undefined);
      }
    });
  });

  describe('defineInvoiceElements(names)', () => {
    it('defines every class under the given names, and nothing under the defaults', () => {
      const { result, warnings } = capturingWarnings(() => defineInvoiceElements({ ...ACME }));
      expect(result).to.deep.equal({
        'invoice-table': 'defined',
        'invoice-viewer': 'defined',
        'status-updater': 'defined',
        'download-menu': 'defined',
      });
      expect(warnings).to.deep.equal([]);
      expect(customElements.get('acme-invoice-table')).to.equal(InvoiceTable);
      expect(customElements.get('acme-invoice-viewer')).to.equal(InvoiceViewer);
      expect(customElements.get('acme-status-updater')).to.equal(StatusUpdater);
      expect(customElements.get('acme-download-menu')).to.equal(DownloadMenu);
      for (const tag of DEFAULT_TAGS) expect(customElements.get(tag), tag).to.equal(undefined);
    });

    it('is harmless when called again with the same names', () => {
      const { result, warnings } = capturingWarnings(() => defineInvoiceElements({ ...ACME }));
      expect(result).to.deep.equal({
        'invoice-table': 'already-defined',
        'invoice-viewer': 'already-defined',
        'status-updater': 'already-defined',
        'download-menu': 'already-defined',
      });
      expect(warnings).to.deep.equal([]);
      expect(customElements.get('acme-invoice-viewer')).to.equal(InvoiceViewer);
    });

    it("leaves another library's tag alone, with a warning naming the way out", () => {
      class OtherGrid extends HTMLElement {}
      customElements.define('other-grid', OtherGrid);
      const { result, warnings } = capturingWarnings(() =>
        defineInvoiceElements({ ...ACME, 'invoice-table': 'other-grid' }),
      );
      expect(result['invoice-table']).to.equal('taken');
      expect(result['invoice-viewer']).to.equal('already-defined');
      expect(customElements.get('other-grid')).to.equal(OtherGrid);
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.contain('<other-grid>');
      expect(warnings[0]).to.contain('defineInvoiceElements');
      expect(document.createElement('other-grid')).to.be.instanceOf(OtherGrid);
    });

    it('refuses a name that is not a valid custom element name', () => {
      expect(() => defineInvoiceElements({ 'invoice-table': 'Invoices' })).to.throw(SyntaxError);
      expect(() => defineInvoiceElements({ 'invoice-table': 'invoices' })).to.throw(SyntaxError);
    });
  });

  describe('nested elements follow the chosen names', () => {
    it('<acme-invoice-viewer> renders <acme-status-updater> and <acme-download-menu>', async () => {
      const el = await viewerUnder('acme-invoice-viewer');
      const root = el.shadowRoot!;
      await waitUntil(() => root.querySelector('acme-status-updater'), 'the updater renders');
      expect(root.querySelector('acme-status-updater')).to.be.instanceOf(StatusUpdater);
      expect(root.querySelector('acme-download-menu')).to.be.instanceOf(DownloadMenu);
      expect(root.querySelector('status-updater')).to.equal(null);
      expect(root.querySelector('download-menu')).to.equal(null);
      // The nested updater is upgraded and rendering, not an unknown element.
      await waitUntil(
        () => root.querySelector('acme-status-updater')?.shadowRoot?.querySelector('select'),
        'the nested updater renders its drop-down',
      );
    });
  });

  describe('then importing src/define.js (default names too)', () => {
    it('registers subclasses under the default names and keeps the acme ones', async () => {
      await import('../../src/define.js');
      for (const [tag, klass] of [
        ['invoice-table', InvoiceTable],
        ['invoice-viewer', InvoiceViewer],
        ['status-updater', StatusUpdater],
        ['download-menu', DownloadMenu],
      ] as const) {
        const registered = customElements.get(tag);
        expect(registered, tag).to.be.a('function');
        expect(registered, tag).to.not.equal(klass);
        expect(registered!.prototype, tag).to.be.instanceOf(klass);
      }
      expect(customElements.get('acme-invoice-viewer')).to.equal(InvoiceViewer);
      expect(customElements.get('other-grid')).to.not.equal(undefined);
    });

    it('<invoice-viewer> renders too (its nested elements keep the first names)', async () => {
      const el = await viewerUnder('invoice-viewer');
      const root = el.shadowRoot!;
      await waitUntil(() => root.querySelector('acme-status-updater'), 'the updater renders');
      expect(root.querySelector('acme-download-menu')).to.be.instanceOf(DownloadMenu);
    });

    it('a <status-updater> made under the default name works on its own', async () => {
      const backend = new MemoryBackend({
        invoices: [invoice({ id: 'inv-1', documentId: 'DOC-0001', status: 'OPEN' })],
      });
      const el = await fixture<HTMLElement>(
        html`<status-updater invoice-id="inv-1" .backend=${backend}></status-updater>`,
      );
      expect(el).to.be.instanceOf(StatusUpdater);
      await waitUntil(() => el.shadowRoot?.querySelector('select'), 'renders its drop-down');
    });
  });
});
