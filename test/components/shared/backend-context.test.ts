/**
 * provideInvoiceBackend: the backend reaches every invoice element inside the provider's host,
 * whether they connect before or after it, inside the host's (or its descendants') open shadow
 * roots, and follows `provider.setValue` and the nearest provider.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../../support/wait.js';
import '../../../src/define.js';
import { MemoryBackend } from '../../../src/adapters/memory/index.js';
import { provideInvoiceBackend } from '../../../src/components/shared/backend-context.js';
import type { InvoiceElement } from '../../../src/components/shared/invoice-element.js';

/** A host application's own element: an open shadow root, filled by the test. */
class PortalHost extends HTMLElement {
  constructor() {
    super();
    this.attachShadow({ mode: 'open' });
  }
}
customElements.define('test-portal-host', PortalHost);

/** A host element with a closed shadow root: only the host itself can reach inside. */
class ClosedHost extends HTMLElement {
  readonly root = this.attachShadow({ mode: 'closed' });
}
customElements.define('test-closed-host', ClosedHost);

const CUSTOMER = 'CUS-00001';
const MONTH = '2026-10';

/**
 * Backends holding the same invoices (two customers, one month) under different document IDs:
 * what an element shows says which backend it reads.
 */
function backend(suffix = ''): MemoryBackend {
  const generated = new MemoryBackend({ data: { customers: 2, months: 1, endMonth: MONTH } });
  if (!suffix) return generated;
  const invoices = generated
    .invoiceIds()
    .map((id) => generated.inspect(id)!)
    .map((invoice) => ({ ...invoice, documentId: `${invoice.documentId}-${suffix}` }));
  return new MemoryBackend({ invoices });
}

function firstId(memory: MemoryBackend): string {
  return memory.invoiceIds()[0]!;
}

/** The document ID the viewer shows (its `document-id` part reads "Document ID <id>"). */
function documentIdShown(viewer: Element): string {
  const text = viewer.shadowRoot?.querySelector('[part~="document-id"]')?.textContent ?? '';
  return text.trim().split(/\s+/).pop() ?? '';
}

function gridText(table: Element): string {
  return table.shadowRoot?.querySelector('[role="grid"]')?.textContent ?? '';
}

function makeTable(): InvoiceElement {
  const table = document.createElement('invoice-table');
  table.setAttribute('customer-id', CUSTOMER);
  table.setAttribute('from', MONTH);
  table.setAttribute('to', MONTH);
  return table;
}

function makeViewer(invoiceId: string): InvoiceElement {
  const viewer = document.createElement('invoice-viewer');
  viewer.setAttribute('invoice-id', invoiceId);
  return viewer;
}

/** Waits until `viewer` shows the document `memory` holds for `invoiceId`. */
async function viewerShows(viewer: Element, memory: MemoryBackend, invoiceId: string) {
  const expected = memory.inspect(invoiceId)!.documentId;
  await waitUntil(
    () => documentIdShown(viewer) === expected,
    `the viewer shows ${expected} (shows "${documentIdShown(viewer)}")`,
  );
}

/** Waits until `table` lists every document `memory` holds for the customer. */
async function tableShows(table: Element, memory: MemoryBackend) {
  const expected = memory
    .invoiceIds()
    .map((id) => memory.inspect(id)!)
    .filter((invoice) => invoice.customer.id === CUSTOMER)
    .map((invoice) => invoice.documentId);
  expect(expected.length).to.be.greaterThan(0);
  await waitUntil(
    () => expected.every((documentId) => gridText(table).includes(documentId)),
    `the table lists ${expected.join(', ')}`,
  );
}

/** Changes the status of `updater`'s invoice to OPEN through its UI (select, button, dialog). */
async function changeStatusToOpen(updater: InvoiceElement): Promise<void> {
  await updater.updateComplete;
  const select = updater.shadowRoot!.querySelector<HTMLSelectElement>('[part~="select"]')!;
  select.value = 'OPEN';
  select.dispatchEvent(new Event('change', { bubbles: true }));
  await updater.updateComplete;
  updater.shadowRoot!.querySelector<HTMLButtonElement>('[part~="button"]')!.click();
  await waitUntil(
    () => updater.shadowRoot!.querySelector('[part~="confirm-button"]') !== null,
    'the dialog opens',
  );
  updater.shadowRoot!.querySelector<HTMLButtonElement>('[part~="confirm-button"]')!.click();
}

/** Nothing was asked of `memory`: the elements had no backend. */
function untouched(memory: MemoryBackend): void {
  expect(memory.calls.listInvoices + memory.calls.getInvoice).to.equal(0);
}

describe('provideInvoiceBackend', () => {
  it('reaches elements inside the host, set before they connect', async () => {
    const memory = new MemoryBackend();
    const id = memory.invoiceIds()[0]!;
    const host = document.createElement('div');
    provideInvoiceBackend(host, memory);
    const viewer = document.createElement('invoice-viewer');
    viewer.setAttribute('invoice-id', id);
    host.append(viewer);
    await fixture(host);
    await viewerShows(viewer, memory, id);
  });

  it('reaches elements that connected before it, and their nested elements', async () => {
    const memory = new MemoryBackend();
    const id = memory.invoiceIds().find((i) => memory.inspect(i)!.status === 'DRAFT')!;
    const host = await fixture<HTMLDivElement>(
      html`<div><invoice-viewer invoice-id=${id}></invoice-viewer></div>`,
    );
    const viewer = host.querySelector('invoice-viewer')!;
    await viewer.updateComplete;
    // No backend yet: nothing loaded.
    expect(documentIdShown(viewer)).to.equal('');

    provideInvoiceBackend(host, memory);
    await viewerShows(viewer, memory, id);
    // The viewer's status updater, rendered in its shadow root, has the backend too: a status
    // change goes through it.
    const before = memory.calls.updateStatus;
    await changeStatusToOpen(viewer.shadowRoot!.querySelector('status-updater')!);
    await waitUntil(() => memory.calls.updateStatus === before + 1, 'one backend call');
    await waitUntil(() => memory.inspect(id)!.status === 'OPEN', 'the backend applied it');
  });

  describe("inside a host element's own open shadow root", () => {
    it('provided on the host before the elements connect', async () => {
      const memory = backend();
      const host = new PortalHost();
      provideInvoiceBackend(host, memory);
      const table = makeTable();
      const viewer = makeViewer(firstId(memory));
      host.shadowRoot!.append(table, viewer);
      await fixture(host);
      await tableShows(table, memory);
      await viewerShows(viewer, memory, firstId(memory));
    });

    it('provided on the host after the elements connected', async () => {
      const memory = backend();
      const host = await fixture<PortalHost>(html`<test-portal-host></test-portal-host>`);
      const table = makeTable();
      const viewer = makeViewer(firstId(memory));
      host.shadowRoot!.append(table, viewer);
      await table.updateComplete;
      await viewer.updateComplete;
      expect(documentIdShown(viewer)).to.equal('');
      untouched(memory);

      provideInvoiceBackend(host, memory);
      await tableShows(table, memory);
      await viewerShows(viewer, memory, firstId(memory));
    });

    it('provided on an ancestor later, two shadow roots deep, a standalone updater included', async () => {
      const memory = backend();
      const id = memory.invoiceIds().find((i) => memory.inspect(i)!.status === 'DRAFT')!;
      const page = await fixture<HTMLDivElement>(html`<div></div>`);
      const outer = new PortalHost();
      const inner = new PortalHost();
      const viewer = makeViewer(id);
      const updater = document.createElement('status-updater');
      updater.invoice = memory.inspect(id)!;
      outer.shadowRoot!.append(inner);
      inner.shadowRoot!.append(viewer, updater);
      page.append(outer);
      await viewer.updateComplete;
      await updater.updateComplete;
      untouched(memory);

      provideInvoiceBackend(page, memory);
      await viewerShows(viewer, memory, id);
      await changeStatusToOpen(updater);
      await waitUntil(() => memory.inspect(id)!.status === 'OPEN', 'the backend applied it');
      expect(memory.calls.updateStatus).to.equal(1);
    });
  });

  it('follows provider.setValue, for elements connected before and after the provider', async () => {
    const first = backend();
    const other = backend('B');
    const host = new PortalHost();
    const early = makeTable();
    host.shadowRoot!.append(early);
    await fixture(host);
    await early.updateComplete;
    untouched(first);

    const provider = provideInvoiceBackend(host, first);
    const late = makeViewer(firstId(first));
    host.shadowRoot!.append(late);
    await tableShows(early, first);
    await viewerShows(late, first, firstId(first));

    const calls = first.calls.listInvoices + first.calls.getInvoice;
    provider.setValue(other);
    await tableShows(early, other);
    await viewerShows(late, other, firstId(other));
    // The first backend is not asked again.
    expect(first.calls.listInvoices + first.calls.getInvoice).to.equal(calls);
  });

  it('a later, nearer provider takes over: the outer one no longer reaches its elements', async () => {
    const outerBackend = backend();
    const innerBackend = backend('B');
    const page = await fixture<HTMLDivElement>(html`<div><section></section></div>`);
    const section = page.querySelector('section')!;
    const outerProvider = provideInvoiceBackend(page, outerBackend);
    const viewer = makeViewer(firstId(outerBackend));
    section.append(viewer);
    await viewerShows(viewer, outerBackend, firstId(outerBackend));

    provideInvoiceBackend(section, innerBackend);
    await viewerShows(viewer, innerBackend, firstId(innerBackend));

    const unused = backend('C');
    outerProvider.setValue(unused);
    // The viewer loads another invoice: from the inner backend, not from `unused` (which a
    // subscription to the outer provider, wrongly kept, would have given it).
    const second = innerBackend.invoiceIds()[1]!;
    viewer.setAttribute('invoice-id', second);
    await viewerShows(viewer, innerBackend, second);
    expect(unused.calls.getInvoice).to.equal(0);
  });

  it('an element moved elsewhere no longer follows the provider that reached it late', async () => {
    const first = backend();
    const other = backend('B');
    const page = await fixture<HTMLDivElement>(
      html`<div>
        <section class="a"></section>
        <section class="b"></section>
      </div>`,
    );
    const [a, b] = [...page.querySelectorAll('section')] as [HTMLElement, HTMLElement];
    provideInvoiceBackend(b, other);
    const viewer = makeViewer(firstId(first));
    a.append(viewer);
    await viewer.updateComplete;
    untouched(first);

    const late = provideInvoiceBackend(a, first);
    await viewerShows(viewer, first, firstId(first));
    b.append(viewer);
    await viewerShows(viewer, other, firstId(other));

    const unused = backend('C');
    late.setValue(unused);
    const second = other.invoiceIds()[1]!;
    viewer.setAttribute('invoice-id', second);
    await viewerShows(viewer, other, second);
    expect(unused.calls.getInvoice).to.equal(0);
  });

  it('a later provider on a closed shadow host takes over from an outer one there too', async () => {
    const outerBackend = backend();
    const innerBackend = backend('B');
    const page = await fixture<HTMLDivElement>(html`<div></div>`);
    provideInvoiceBackend(page, outerBackend);
    const host = new ClosedHost();
    const viewer = makeViewer(firstId(outerBackend));
    host.root.append(viewer);
    page.append(host);
    await viewerShows(viewer, outerBackend, firstId(outerBackend));

    // The walk cannot enter a closed shadow root: the outer provider hands its subscribers
    // over when the nearer one announces itself.
    provideInvoiceBackend(host, innerBackend);
    await viewerShows(viewer, innerBackend, firstId(innerBackend));
  });
});
