/**
 * Hostile data (issue 10): XSS payloads in every string field the backend sends (customer
 * names and e-mails, document IDs, provider names, line SKUs / descriptions / groups, custom
 * field labels and values, history authors, backend error messages and fields) never run
 * (the global canary stays unset) and never create an element the components' templates do
 * not have (the set of tag names is compared with a benign render of the same shape).
 * URLs from the backend are used only when https or same origin.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import { MemoryBackend } from '../../src/adapters/memory/index.js';
import { displayText } from '../../src/core/display-text.js';
import { BackendError } from '../../src/core/errors.js';
import type { Invoice } from '../../src/core/types.js';
import { DownloadMenu, type SavedFile } from '../../src/components/download-menu/download-menu.js';
import type { InvoiceTable } from '../../src/components/invoice-table/invoice-table.js';
import type { InvoiceViewer } from '../../src/components/invoice-viewer/invoice-viewer.js';
import type { StatusUpdater } from '../../src/components/status-updater/status-updater.js';
import { CANARY, PAYLOAD_TAGS, XSS_PAYLOADS } from '../support/xss-payloads.js';
import { hostileInvoice } from '../support/fixtures.js';
import {
  announced,
  deepElements,
  deepQuery,
  deepQueryAll,
  sleep,
  text,
  typeInto,
  until,
} from '../support/dom.js';

type CanaryWindow = Window & { [CANARY]?: unknown };
const win = window as CanaryWindow;

function tagsOf(root: Element): Set<string> {
  return new Set(deepElements(root).map((el) => el.localName));
}

/** Tag names under `root` that the benign render did not have. */
function strangers(root: Element, baseline: Set<string>): string[] {
  return [...tagsOf(root)].filter((t) => !baseline.has(t));
}

/** Payload-only tags present anywhere (a second, baseline-free check). */
function payloadTags(root: Element): string[] {
  const tags = tagsOf(root);
  return PAYLOAD_TAGS.filter((t) => tags.has(t) && t !== 'a' && t !== 'form');
}

const originalSave = DownloadMenu.saveFile;
const originalPrint = DownloadMenu.printWindow;

describe('security: hostile data', () => {
  beforeEach(() => {
    delete win[CANARY];
  });
  afterEach(() => {
    DownloadMenu.saveFile = originalSave;
    DownloadMenu.printWindow = originalPrint;
  });

  it(`has at least 40 XSS payloads (${XSS_PAYLOADS.length})`, () => {
    expect(XSS_PAYLOADS.length).to.be.at.least(40);
  });

  it('the canary works: the first payload does run when injected as HTML (control)', async () => {
    const host = document.createElement('div');
    document.body.append(host);
    // Test-only deliberate sink: proves the canary fires when a payload really runs.
    host.innerHTML = XSS_PAYLOADS[1];
    await until(() => win[CANARY] === 1, 'the control payload did not run');
    host.remove();
  });

  describe('<invoice-viewer> (with its status updater and download menu)', () => {
    async function viewerFor(inv: Invoice, backend = new MemoryBackend({ invoices: [inv] })) {
      const el = await fixture<InvoiceViewer>(
        html`<invoice-viewer
          .backend=${backend}
          invoice-id=${inv.id}
          open-sections="summary lines totals custom-fields history"
        ></invoice-viewer>`,
      );
      await until(() => deepQuery(el, '[part~="document-id"]') !== null, 'viewer did not load');
      const updater = deepQuery<StatusUpdater>(el, 'status-updater');
      if (updater) await updater.updateComplete;
      await el.updateComplete;
      return el;
    }

    it(`renders every payload as text in every field (${XSS_PAYLOADS.length} invoices)`, async () => {
      const benign = await viewerFor(hostileInvoice('Benign text', 0));
      const baseline = tagsOf(benign);
      const problems: string[] = [];
      for (const [i, payload] of XSS_PAYLOADS.entries()) {
        const el = await viewerFor(hostileInvoice(payload, i + 1));
        const extra = strangers(el, baseline);
        if (extra.length) problems.push(`#${i} ${payload}: new elements ${extra.join(',')}`);
        const heading = text(deepQuery(el, '[part~="document-id"]'));
        // The document ID as shown: its first 100 characters (docs/RULES.md, Limits).
        const shown = displayText(payload);
        if (!heading.includes(shown.replace(/\s+/g, ' ').trim())) {
          problems.push(`#${i}: document ID not shown as text (${heading})`);
        }
        el.remove();
      }
      // Negative check (a payload that ran would set the canary later, e.g. an image's onerror):
      // a fixed wait can only pass wrongly. The tag checks above are the synchronous proof.
      await sleep(100);
      expect(problems, problems.join('\n')).to.deep.equal([]);
      expect(win[CANARY]).to.equal(undefined);
    });

    it('shows backend error messages and fields as text only', async () => {
      const problems: string[] = [];
      for (const [i, payload] of XSS_PAYLOADS.entries()) {
        const inv = hostileInvoice(payload, i);
        const backend = new MemoryBackend({ invoices: [inv] });
        backend.failNext(
          'getInvoice',
          i % 2 === 0
            ? new BackendError('server', payload)
            : new BackendError('validation', payload, { field: payload }),
        );
        const el = await fixture<InvoiceViewer>(
          html`<invoice-viewer .backend=${backend} invoice-id=${inv.id}></invoice-viewer>`,
        );
        await until(() => deepQuery(el, '[role="alert"]') !== null, 'no error shown');
        const found = payloadTags(el);
        if (found.length) problems.push(`#${i}: ${found.join(',')}`);
        el.remove();
      }
      // Negative check (a payload that ran would set the canary later, e.g. an image's onerror):
      // a fixed wait can only pass wrongly. The tag checks above are the synchronous proof.
      await sleep(100);
      expect(problems, problems.join('\n')).to.deep.equal([]);
      expect(win[CANARY]).to.equal(undefined);
    });

    it('exports (CSV, detailed CSV, print) of hostile invoices create no markup', async () => {
      const saved: SavedFile[] = [];
      const printed: Element[] = [];
      DownloadMenu.saveFile = (file) => {
        saved.push(file);
      };
      DownloadMenu.printWindow = (w) => {
        printed.push(w.document.documentElement.cloneNode(true) as Element);
      };
      const cases = ['Benign', ...XSS_PAYLOADS.slice(0, 12)];
      for (const [i, payload] of cases.entries()) {
        const inv = hostileInvoice(payload, i);
        const menu = await fixture<DownloadMenu>(
          html`<download-menu
            .invoice=${inv}
            .backend=${new MemoryBackend({ invoices: [inv] })}
          ></download-menu>`,
        );
        for (const format of ['csv', 'detailed-csv', 'print'] as const) {
          await menu.download(format);
        }
        menu.remove();
      }
      expect(saved).to.have.length(26);
      expect(printed).to.have.length(13);
      const tagSet = (doc: Element) =>
        new Set([...doc.querySelectorAll('*')].map((e) => e.localName));
      const baseline = tagSet(printed[0]);
      for (const doc of printed.slice(1)) {
        const extra = [...tagSet(doc)].filter((t) => !baseline.has(t));
        expect(extra, doc.outerHTML.slice(0, 300)).to.deep.equal([]);
      }
      // The CSV files carry the payloads as text (nothing executes a CSV, but nothing is lost).
      const csv = await (saved[2] as { blob: Blob }).blob.text();
      expect(csv).to.contain('window.__xssCanary');
      // Negative check (a payload that ran would set the canary later, e.g. an image's onerror):
      // a fixed wait can only pass wrongly. The tag checks above are the synchronous proof.
      await sleep(100);
      expect(win[CANARY]).to.equal(undefined);
    });
  });

  describe('<invoice-table>', () => {
    it('lists hostile customers, providers and document IDs as text', async () => {
      const invoices = XSS_PAYLOADS.map((p, i) => hostileInvoice(p, i + 1));
      const benignBackend = new MemoryBackend({ invoices: [hostileInvoice('Benign', 0)] });
      const benign = await fixture<InvoiceTable>(
        html`<invoice-table .backend=${benignBackend} from="2026-10" to="2026-10"></invoice-table>`,
      );
      await until(() => deepQuery(benign, '[part~="row"]') !== null, 'benign rows');
      const baseline = tagsOf(benign);
      // One table at a time (with two on the page, a table once asked for offset -200; see the report).
      benign.remove();
      const el = await fixture<InvoiceTable>(
        html`<invoice-table
          .backend=${new MemoryBackend({ invoices })}
          from="2026-10"
          to="2026-10"
        ></invoice-table>`,
      );
      await until(() => deepQueryAll(el, '[part~="row"]').length >= 5, 'hostile rows').catch(
        (e) => {
          throw new Error(`${(e as Error).message}: ${announced(el)}`);
        },
      );
      // Negative check (a payload that ran would set the canary later, e.g. an image's onerror):
      // a fixed wait can only pass wrongly. The tag checks above are the synchronous proof.
      await sleep(100);
      expect(strangers(el, baseline)).to.deep.equal([]);
      const cells = deepQueryAll(el, '[role="gridcell"][data-col="documentId"]').map((c) =>
        text(c),
      );
      expect(cells.some((c) => c.includes('onerror'))).to.equal(true);
      expect(win[CANARY]).to.equal(undefined);
    });

    it('shows hostile customer search results as text', async () => {
      const invoices = XSS_PAYLOADS.map((p, i) => hostileInvoice(p, i + 1));
      const el = await fixture<InvoiceTable>(
        html`<invoice-table
          .backend=${new MemoryBackend({ invoices })}
          from="2026-10"
          to="2026-10"
        ></invoice-table>`,
      );
      const input = deepQuery<HTMLInputElement>(el, 'input[role="combobox"]');
      expect(input, 'customer search').to.not.equal(null);
      typeInto(input!, 'on');
      await until(() => deepQueryAll(el, '[role="option"]').length > 5, 'no suggestions');
      // Negative check (a payload that ran would set the canary later, e.g. an image's onerror):
      // a fixed wait can only pass wrongly. The tag checks above are the synchronous proof.
      await sleep(100);
      expect(payloadTags(el)).to.deep.equal([]);
      const options = deepQueryAll(el, '[role="option"]').map((o) => text(o));
      expect(options.some((o) => o.includes('<img'))).to.equal(true);
      expect(win[CANARY]).to.equal(undefined);
    });
  });

  describe('URLs from the backend', () => {
    const refused = [
      'javascript:window.__xssCanary=1',
      ' javascript:window.__xssCanary=1',
      'JAVASCRIPT:window.__xssCanary=1',
      'java\tscript:window.__xssCanary=1',
      'data:text/html,<script>window.__xssCanary=1</script>',
      'vbscript:msgbox(1)',
      'http://attacker.example/file.pdf',
      '//attacker.example/file.pdf',
      'ftp://attacker.example/file.pdf',
      'blob:http://attacker.example/0e8f',
    ];
    const allowed = [
      ['https://files.example/invoice.pdf', 'https://files.example/invoice.pdf'],
      ['/files/invoice.pdf', `${location.origin}/files/invoice.pdf`],
      [`${location.origin}/x.pdf`, `${location.origin}/x.pdf`],
    ];

    async function downloadWith(url: string): Promise<{ saved: SavedFile[]; menu: DownloadMenu }> {
      const saved: SavedFile[] = [];
      DownloadMenu.saveFile = (file) => {
        saved.push(file);
      };
      const inv = hostileInvoice('Benign', 1);
      const backend = new MemoryBackend({ invoices: [inv] });
      backend.setDownload('pdf', { kind: 'url', url, filename: 'invoice.pdf' });
      const menu = await fixture<DownloadMenu>(
        html`<download-menu .invoice=${inv} .backend=${backend}></download-menu>`,
      );
      await menu.download('pdf');
      await menu.updateComplete;
      return { saved, menu };
    }

    for (const url of refused) {
      it(`refuses ${JSON.stringify(url)} with a visible message`, async () => {
        const { saved, menu } = await downloadWith(url);
        expect(saved).to.deep.equal([]);
        const alert = deepQuery(menu, '[role="alert"]');
        expect(text(alert)).to.not.equal('');
        expect(win[CANARY]).to.equal(undefined);
      });
    }

    for (const [url, href] of allowed) {
      it(`accepts ${url}`, async () => {
        const { saved } = await downloadWith(url);
        expect(saved).to.have.length(1);
        expect(saved[0].kind === 'url' && saved[0].url).to.equal(href);
      });
    }
  });
});
