import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { waitUntil } from '../../support/wait.js';
import '../../../src/define.js';
import type { InvoiceViewer } from '../../../src/components/invoice-viewer/invoice-viewer.js';
import type { Invoice } from '../../../src/core/types.js';
import { longInvoice, makeInvoice, parts, root, text } from './helpers.js';

/** The viewer in a 375 px wide column (a phone), as a host page lays it out. */
async function narrow(invoice: Invoice, width = 375): Promise<InvoiceViewer> {
  const wrapper = await fixture<HTMLDivElement>(
    html`<div style="inline-size: ${width}px">
      <invoice-viewer lang="en" .invoice=${invoice}></invoice-viewer>
    </div>`,
  );
  const el = wrapper.querySelector('invoice-viewer')!;
  await el.updateComplete;
  return el;
}

/** The ancestors of `node` up to the host, across the shadow boundary. */
function ancestors(node: Element, host: Element): Element[] {
  const list: Element[] = [];
  let n: Node | null = node.parentNode;
  while (n && n !== host) {
    if (n instanceof ShadowRoot) n = n.host;
    else {
      if (n instanceof Element) list.push(n);
      n = n.parentNode;
    }
  }
  return list;
}

/**
 * Whether `cell` is wholly readable: inside the host's box, inside every ancestor that clips
 * or scrolls (overflow other than visible), and not cut by its own box.
 */
function readable(cell: HTMLElement, host: Element): string | true {
  const r = cell.getBoundingClientRect();
  const inside = (box: DOMRect) =>
    r.left >= box.left - 0.5 && r.right <= box.right + 0.5 && r.width > 0 && r.height > 0;
  if (!inside(host.getBoundingClientRect())) return `outside the element: ${text(cell)}`;
  for (const a of ancestors(cell, host)) {
    const style = getComputedStyle(a);
    if (style.overflowX !== 'visible' && !inside(a.getBoundingClientRect())) {
      return `hidden by ${a.className} (overflow ${style.overflowX}): ${text(cell)}`;
    }
  }
  if (cell.scrollWidth > cell.clientWidth + 1) return `cut: ${text(cell)}`;
  return true;
}

const NUMBER_COLUMNS = ['Quantity', 'Unit price', 'Amount', 'Tax'];

describe('<invoice-viewer> at 375 px', () => {
  it('shows every quantity, unit price, amount and tax of every line, without sideways scrolling', async () => {
    const el = await narrow(makeInvoice({ status: 'OPEN', currency: 'USD' }));
    // BRL: the widest amounts of the fixture.
    el.currency = 'BRL';
    await el.updateComplete;
    const rows = parts(el, 'line-row');
    expect(rows).to.have.length(3);
    for (const row of rows) {
      const cells = [...row.querySelectorAll<HTMLElement>('[role="cell"]')];
      expect(cells).to.have.length(6);
      for (const cell of cells.slice(2)) expect(readable(cell, el)).to.equal(true);
    }
    const table = root(el).querySelector<HTMLElement>('[role="table"]')!;
    expect(table.scrollWidth).to.be.at.most(table.clientWidth + 1);
    for (const a of [table, ...ancestors(table, el)]) {
      expect(a.scrollWidth, a.className).to.be.at.most(a.clientWidth + 1);
    }
  });

  it('names each value by its column (stacked lines), and the table keeps its headers', async () => {
    const el = await narrow(makeInvoice({ status: 'OPEN' }));
    const [row] = parts(el, 'line-row');
    const cells = [...row.querySelectorAll<HTMLElement>('.num')];
    // The label is the cell's data-label, drawn before the value (as "Quantity", or as the
    // attr() it comes from, depending on the engine's computed value).
    expect(cells.map((c) => c.dataset.label)).to.deep.equal(NUMBER_COLUMNS);
    for (const [i, c] of cells.entries()) {
      const content = getComputedStyle(c, '::before').content;
      expect(content).to.satisfy(
        (v: string) => v.includes(NUMBER_COLUMNS[i]) || v.startsWith('attr(data-label)'),
        content,
      );
    }
    // Each label sits above its value, inside the cell (the value on a later line).
    const value = cells[0].getBoundingClientRect();
    expect(value.height).to.be.above(1.5 * parseFloat(getComputedStyle(cells[0]).lineHeight));
    // The header row stays for assistive technologies.
    const headers = [...root(el).querySelectorAll('[role="columnheader"]')].map((h) =>
      (h.textContent ?? '').trim(),
    );
    expect(headers.slice(2)).to.deep.equal(NUMBER_COLUMNS);
    await expect(el).to.be.accessible();
  });

  it('keeps the wide layout (one line per row, no labels) at 960 px', async () => {
    const el = await narrow(makeInvoice({ status: 'OPEN' }), 960);
    const [row] = parts(el, 'line-row');
    const cells = [...row.querySelectorAll<HTMLElement>('[role="cell"]')];
    const tops = new Set(cells.map((c) => Math.round(c.getBoundingClientRect().top)));
    expect(tops.size).to.equal(1);
    expect(getComputedStyle(cells[2], '::before').content).to.be.oneOf(['none', 'normal']);
  });

  it('virtualizes a long invoice in the stacked layout: every rendered value readable, the last line reachable', async () => {
    const el = await narrow(longInvoice(2000));
    const scroller = root(el).querySelector<HTMLElement>('.lines-table.virtual')!;
    // The scroll region is labelled and reachable by keyboard.
    expect(scroller.getAttribute('role')).to.equal('table');
    expect(scroller.getAttribute('aria-label')).to.equal('2000 line items');
    expect(scroller.tabIndex).to.equal(0);
    expect(scroller.scrollWidth).to.be.at.most(scroller.clientWidth + 1);
    await waitUntil(() => parts(el, 'line-row').length > 0, 'no row rendered');
    const first = parts(el, 'line-row');
    expect(first.length).to.be.below(60);
    for (const row of first.slice(0, 5)) {
      for (const cell of [...row.querySelectorAll<HTMLElement>('.num')]) {
        expect(readable(cell, el)).to.equal(true);
      }
    }
    // Every row is one height (the row window's assumption), and the rows do not overlap.
    const heights = new Set(
      [...scroller.querySelectorAll('.rows > [role="row"]')].map((r) =>
        Math.round(r.getBoundingClientRect().height),
      ),
    );
    expect(heights.size).to.equal(1);
    const lastRow = () =>
      parts(el, 'line-row').find((r) => text(r.querySelector('[role="cell"]')) === 'SKU-1999');
    /** The last line rendered and wholly inside the scroll region's box. */
    const lastInView = () => {
      const row = lastRow();
      if (!row) return false;
      const box = scroller.getBoundingClientRect();
      const r = row.getBoundingClientRect();
      return r.bottom <= box.bottom + 1 && r.top >= box.top - 1;
    };
    scroller.focus();
    // One End reaches the end, in every engine (WebKit scrolls there smoothly: wait for it).
    await sendKeys({ press: 'End' });
    await waitUntil(lastInView, 'one End did not bring the last line into view');
    await waitUntil(
      () => scroller.scrollTop >= scroller.scrollHeight - scroller.clientHeight - 1,
      'one End did not scroll to the end',
    );
    const last = lastRow()!;
    expect(text(last)).to.equal('SKU-1999 SKU-1999 description 1 $1.00 $1.00 $0.10');
  });
});
