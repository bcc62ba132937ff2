/**
 * Hostile sizes (issue 21): 50,000-character strings without spaces in every field the elements
 * render, 10,000 bidi controls, and list pages whose `total` is absurd. Each element shows a
 * bounded text (docs/RULES.md, Limits), isolates server text from its surroundings, lists what
 * came, and keeps the main thread free: no task over 200 ms while it renders.
 *
 * The main-thread budget is measured with 'longtask' entries where the browser has them
 * (Chromium); elsewhere (Firefox, WebKit) as the longest gap between animation frames, which a
 * long task delays, allowing one frame more.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import { MemoryBackend } from '../../src/adapters/memory/index.js';
import type { CallOptions } from '../../src/core/backend.js';
import { TEXT_MAX } from '../../src/core/display-text.js';
import { MAX_LIST_TOTAL } from '../../src/core/validate.js';
import { RowSource } from '../../src/components/invoice-table/row-source.js';
import type { Invoice, InvoiceQuery, InvoiceSummary, Page } from '../../src/core/types.js';
import { DownloadMenu, type SavedFile } from '../../src/components/download-menu/download-menu.js';
import type { InvoiceTable } from '../../src/components/invoice-table/invoice-table.js';
import type { InvoiceViewer } from '../../src/components/invoice-viewer/invoice-viewer.js';
import type { StatusUpdater } from '../../src/components/status-updater/status-updater.js';
import { hostileInvoice, invoice } from '../support/fixtures.js';
import { deepElements, deepQuery, deepQueryAll, text } from '../support/dom.js';
import { nextTask, waitUntil, watchLongTasks } from '../support/wait.js';

/** The budget for one main-thread task while rendering a hostile payload. */
const BUDGET_MS = 200;
const LONGEST = TEXT_MAX;

/** 50,000 characters without a break opportunity, wide glyphs. */
const LONG = 'W'.repeat(50_000);
/** 10,000 bidi controls (overrides, embeddings, isolates) before a name. */
const CONTROLS = '\u202E\u202B\u2067\u2068\u202D'.repeat(2_000);

const hasLongTasks = PerformanceObserver.supportedEntryTypes?.includes('longtask') ?? false;

/** Watches the main thread; `stop` gives the longest task (or frame gap) seen, in ms. */
async function watchMainThread(): Promise<{ stop(): Promise<number> }> {
  if (hasLongTasks) {
    const watch = await watchLongTasks();
    return { stop: async () => Math.max(0, ...(await watch.stop())) };
  }
  await nextTask();
  let last = performance.now();
  let longest = 0;
  let running = true;
  const frame = (now: number): void => {
    longest = Math.max(longest, now - last);
    last = now;
    if (running) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  return {
    async stop() {
      await new Promise((resolve) => requestAnimationFrame(resolve));
      running = false;
      // A frame gap holds one frame of its own (~16.7 ms at 60 Hz; allow 50).
      return Math.max(0, longest - 50);
    },
  };
}

/** Every text node under `root`, shadow roots included. */
function texts(root: Element): string[] {
  return deepElements(root).flatMap((el) =>
    [...el.childNodes, ...(el.shadowRoot?.childNodes ?? [])]
      .filter((n) => n.nodeType === Node.TEXT_NODE)
      .map((n) => n.textContent ?? ''),
  );
}

/** Whether `root` shows the hostile value (any part of it) in no text longer than the limits. */
function expectBounded(root: Element): void {
  const all = texts(root);
  expect(
    all.some((t) => t.includes('WWWW') || t.includes('Acme')),
    'the value shown',
  ).to.equal(true);
  const longest = Math.max(...all.map((t) => t.length));
  expect(longest, 'longest text shown').to.be.at.most(LONGEST + 1);
}

/** A MemoryBackend whose list pages claim `total` rows whatever they hold. */
class AbsurdTotal extends MemoryBackend {
  constructor(
    invoices: Invoice[],
    private readonly claimed: number,
  ) {
    super({ invoices });
  }
  override async listInvoices(
    query: InvoiceQuery,
    options?: CallOptions,
  ): Promise<Page<InvoiceSummary>> {
    const page = await super.listInvoices(query, options);
    return { ...page, total: this.claimed };
  }
}

const three = (): Invoice[] =>
  [1, 2, 3].map((n) => invoice({ id: `inv-${n}`, documentId: `DOC-${n}`, version: `v${n}` }));

async function table(backend: MemoryBackend): Promise<InvoiceTable> {
  return fixture<InvoiceTable>(
    html`<invoice-table .backend=${backend} from="2026-10" to="2026-10"></invoice-table>`,
  );
}

const rows = (el: Element): Element[] => deepQueryAll(el, '[part~="row"]');

describe('security: hostile sizes (issue 21)', () => {
  // Each element renders once with benign data first: the budget is for rendering a payload,
  // not for the first render of a page (styles, fonts, lazy modules), which WebKit counts in a
  // frame gap of its own.
  before(async () => {
    const benign = three();
    const t = await table(new MemoryBackend({ invoices: benign }));
    await waitUntil(() => rows(t).length === 3, 'warm-up table');
    const v = await fixture<InvoiceViewer>(
      html`<invoice-viewer
        .backend=${new MemoryBackend({ invoices: benign })}
        invoice-id="inv-1"
        open-sections="summary lines totals custom-fields history"
      ></invoice-viewer>`,
    );
    await waitUntil(() => deepQuery(v, '[part~="document-id"]'), 'warm-up viewer');
    t.remove();
    v.remove();
  });

  describe('a list whose total is absurd', () => {
    for (const [name, claimed] of [
      ['1e9', 1e9],
      ['2^32', 2 ** 32],
      ['2^53', Number.MAX_SAFE_INTEGER],
    ] as const) {
      it(`total ${name} with three items: the table lists 3 rows and says 3`, async () => {
        const watch = await watchMainThread();
        const el = await table(new AbsurdTotal(three(), claimed));
        await waitUntil(
          () => rows(el).length === 3 || deepQuery(el, '[role="alert"]'),
          'no rows and no error',
        );
        await el.updateComplete;
        expect(deepQuery(el, '[role="alert"]'), 'an error shown').to.equal(null);
        expect(rows(el)).to.have.length(3);
        expect(deepQuery(el, '[role="grid"]')!.getAttribute('aria-rowcount')).to.equal('4');
        expect(text(deepQuery(el, '[part~="count"]'))).to.equal('3 invoices');
        expect(await watch.stop(), 'longest main-thread task (ms)').to.be.below(BUDGET_MS);
      });
    }
  });

  it("the table's RowSource never allocates more than MAX_LIST_TOTAL rows, even unvalidated", async () => {
    const full = three();
    let answered = 0;
    const backend = new (class extends MemoryBackend {
      override async listInvoices(query: InvoiceQuery): Promise<Page<InvoiceSummary>> {
        const page = await super.listInvoices(query);
        answered++;
        // A full page (items = limit) that claims 2^32 rows: nothing proves the end.
        return { ...page, limit: page.items.length, total: 2 ** 32 };
      }
    })({ invoices: full });
    const source = new RowSource(
      {
        addController() {},
        removeController() {},
        requestUpdate() {},
        updateComplete: Promise.resolve(true),
      },
      {
        backend: () => backend,
        query: () => ({ audience: 'operator' }),
        pageSize: () => 3,
        view: () => ({ first: 0, last: -1 }),
      },
    );
    const watch = await watchMainThread();
    source.load();
    await waitUntil(() => answered === 1 && source.phase !== 'loading', 'no answer');
    expect(source.phase).to.equal('ready');
    expect(source.total).to.equal(MAX_LIST_TOTAL);
    // One page held, not a slot per row.
    expect(source.cachedPages).to.deep.equal([0]);
    expect(await watch.stop(), 'longest main-thread task (ms)').to.be.below(BUDGET_MS);
  });

  describe('50,000-character strings and 10,000 bidi controls', () => {
    for (const [name, value] of [
      ['long', LONG],
      ['bidi controls', `${CONTROLS}Acme`],
    ] as const) {
      it(`<invoice-table> shows bounded text (${name})`, async () => {
        const watch = await watchMainThread();
        const el = await table(
          new MemoryBackend({ invoices: [hostileInvoice(value, 1), hostileInvoice(value, 2)] }),
        );
        await waitUntil(() => rows(el).length === 2, 'rows');
        await el.updateComplete;
        expectBounded(el);
        expect(await watch.stop(), 'longest main-thread task (ms)').to.be.below(BUDGET_MS);
      });

      it(`<invoice-viewer> (with its updater and menu) shows bounded text (${name})`, async () => {
        const inv = hostileInvoice(value, 1);
        inv.currencies = [{ currency: 'BRL', rate: 5.5, source: value }];
        const watch = await watchMainThread();
        const el = await fixture<InvoiceViewer>(
          html`<invoice-viewer
            .backend=${new MemoryBackend({ invoices: [inv] })}
            invoice-id=${inv.id}
            currency="BRL"
            open-sections="summary lines totals custom-fields history"
          ></invoice-viewer>`,
        );
        await waitUntil(() => deepQuery(el, '[part~="document-id"]'), 'viewer did not load');
        await el.updateComplete;
        // Document ID, customer, provider, SKU, description, group, label, value, author.
        expect(deepQueryAll(el, 'bdi').length).to.be.at.least(9);
        expectBounded(el);
        const rate = text(deepQuery(el, '.rate'));
        expect(rate.length, 'rate line').to.be.below(LONGEST);
        const label = deepQuery(el, 'article')!.getAttribute('aria-label') ?? '';
        expect(label.length, 'viewer name').to.be.below(LONGEST);
        expect(await watch.stop(), 'longest main-thread task (ms)').to.be.below(BUDGET_MS);
      });

      it(`<status-updater>'s dialog names the invoice in bounded text (${name})`, async () => {
        const inv = hostileInvoice(value, 1);
        inv.status = 'DRAFT';
        const watch = await watchMainThread();
        const el = await fixture<StatusUpdater>(
          html`<status-updater
            .backend=${new MemoryBackend({ invoices: [inv] })}
            .invoice=${inv}
          ></status-updater>`,
        );
        const select = deepQuery<HTMLSelectElement>(el, 'select')!;
        select.value = 'OPEN';
        select.dispatchEvent(new Event('change', { bubbles: true }));
        await el.updateComplete;
        deepQuery<HTMLButtonElement>(el, '[part~="button"]')!.click();
        const dialog = deepQuery<HTMLDialogElement>(el, 'dialog')!;
        await waitUntil(() => dialog.open, 'the dialog did not open');
        const description = text(el.shadowRoot!.getElementById('dialog-body'));
        // Two names (document ID, customer) and an e-mail, each bounded, plus the sentence.
        expect(description.length, 'dialog description').to.be.below(3 * LONGEST);
        // No control from the server; the only isolates are the balanced FSI … PDI pairs the
        // element puts around each value it names (docs/RULES.md, Limits).
        expect(description.replace(/\u2068[^\u2066-\u2069]*\u2069/gu, '')).to.not.match(
          /[\u202A-\u202E\u2066-\u2069]/u,
        );
        expect(description.match(/\u2068/gu)?.length, 'isolated values (ID, customer)').to.equal(2);
        expect(await watch.stop(), 'longest main-thread task (ms)').to.be.below(BUDGET_MS);
      });
    }

    it('the full value stays in the exports (the CSV has all 50,000 characters)', async () => {
      const saved: SavedFile[] = [];
      const original = DownloadMenu.saveFile;
      DownloadMenu.saveFile = (file) => {
        saved.push(file);
      };
      try {
        const inv = hostileInvoice(LONG, 1);
        const menu = await fixture<DownloadMenu>(
          html`<download-menu
            .invoice=${inv}
            .backend=${new MemoryBackend({ invoices: [inv] })}
          ></download-menu>`,
        );
        await menu.download('detailed-csv');
        expect(saved).to.have.length(1);
        const csv = await (saved[0] as { blob: Blob }).blob.text();
        expect(csv).to.contain(LONG);
      } finally {
        DownloadMenu.saveFile = original;
      }
    });
  });

  describe('bidi isolation', () => {
    const RLO = '\u202E';

    it('a customer name with U+202E does not reorder the amount after it in the dialog', async () => {
      const inv = invoice({ status: 'DRAFT', customer: { id: 'c', name: `Evil${RLO} Corp` } });
      const el = await fixture<StatusUpdater>(
        html`<status-updater
          lang="en"
          .backend=${new MemoryBackend({ invoices: [inv] })}
          .invoice=${inv}
        ></status-updater>`,
      );
      const select = deepQuery<HTMLSelectElement>(el, 'select')!;
      select.value = 'OPEN';
      select.dispatchEvent(new Event('change', { bubbles: true }));
      await el.updateComplete;
      deepQuery<HTMLButtonElement>(el, '[part~="button"]')!.click();
      const dialog = deepQuery<HTMLDialogElement>(el, 'dialog')!;
      await waitUntil(() => dialog.open, 'the dialog did not open');
      const subject = el.shadowRoot!.querySelector('#dialog-body p')!;
      const node = [...subject.childNodes].find(
        (n) => n.nodeType === Node.TEXT_NODE && n.textContent!.includes('$'),
      ) as Text;
      const textContent = node.textContent!;
      const x = (index: number): number => {
        const range = document.createRange();
        range.setStart(node, index);
        range.setEnd(node, index + 1);
        return range.getBoundingClientRect().left;
      };
      const dollar = textContent.indexOf('$');
      expect(dollar, textContent).to.be.greaterThan(0);
      // "$110.00": the dollar sign is drawn left of its digits, and the amount after the name.
      expect(x(dollar)).to.be.below(x(dollar + 1));
      expect(x(textContent.indexOf('Evil'))).to.be.below(x(dollar));
    });

    it('every server text in the table and viewer is isolated and holds no override', async () => {
      const inv = hostileInvoice(`${RLO}\u05E9\u05DC\u05D5\u05DD${RLO}`, 1);
      const el = await table(new MemoryBackend({ invoices: [inv] }));
      await waitUntil(() => rows(el).length === 1, 'rows');
      const viewer = await fixture<InvoiceViewer>(
        html`<invoice-viewer
          .backend=${new MemoryBackend({ invoices: [inv] })}
          invoice-id=${inv.id}
          open-sections="summary lines totals custom-fields history"
        ></invoice-viewer>`,
      );
      await waitUntil(() => deepQuery(viewer, '[part~="document-id"]'), 'viewer did not load');
      await viewer.updateComplete;
      for (const root of [el, viewer]) {
        const isolates = deepQueryAll(root, 'bdi');
        expect(isolates.length).to.be.at.least(3);
        for (const b of isolates) {
          expect(getComputedStyle(b).unicodeBidi).to.equal('isolate');
          expect(b.textContent).to.equal('\u05E9\u05DC\u05D5\u05DD');
        }
      }
      // The cells that show a server string hold it in an isolate.
      for (const col of ['documentId', 'customer', 'provider']) {
        expect(deepQuery(el, `[data-col="${col}"] bdi`), col).to.not.equal(null);
      }
    });
  });
});
