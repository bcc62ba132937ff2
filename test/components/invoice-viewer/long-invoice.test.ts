/**
 * `<invoice-viewer>` with 100,000 lines (issue 22): the line list is read from the grouping
 * row by row and each row's amounts are converted as it renders, while every total is the sum
 * of all lines. Expected numbers are worked out here from the fixture (each line 1.00 USD, tax
 * 0.10), never read from the code under test.
 */
import { expect, fixture, html } from '@open-wc/testing';
import fc from 'fast-check';
import '../../../src/define.js';
import type { InvoiceViewer } from '../../../src/components/invoice-viewer/invoice-viewer.js';
import { lineRowAt, lineRowCount } from '../../../src/components/invoice-viewer/line-items.js';
import { groupingOf } from '../../../src/core/line-groups.js';
import type { Invoice } from '../../../src/core/types.js';
import { longInvoice } from '../../support/fixtures.js';
import { waitUntil } from '../../support/wait.js';
import { makeInvoice, part, parts, root, text, totalCell } from './helpers.js';

const LINES = 100_000;

/**
 * 100,000 lines of 1.00 USD (tax 0.10) in three interleaved groups: line i is in `Group i % 3`,
 * so Group 0 holds lines 0, 3, …, 99999 (33,334 lines) and the list ends with Group 2's last
 * line, 99998. BRL at 5.4321: 5.43 a line, tax 0.54.
 */
function hundredThousand(): Invoice {
  return longInvoice(LINES, {
    preset: makeInvoice,
    group: (i) => `Group ${i % 3}`,
    overrides: { documentId: 'DOC-100K', status: 'OPEN' },
  });
}

async function open(invoice: Invoice): Promise<InvoiceViewer> {
  const el = await fixture<InvoiceViewer>(
    html`<invoice-viewer lang="en" .invoice=${invoice}></invoice-viewer>`,
  );
  await waitUntil(() => parts(el, 'line-row').length > 0, 'no line row rendered');
  return el;
}

function scroller(el: InvoiceViewer): HTMLElement {
  return root(el).querySelector<HTMLElement>('.lines-table.virtual')!;
}

/** The rows rendered, as text: group headers and lines, in order. */
function rowTexts(el: InvoiceViewer): string[] {
  return [...root(el).querySelectorAll('.rows > [role="row"]')].map((r) => text(r));
}

/** Scrolls the line list to its end and waits for `last` to render. */
async function scrollToEnd(el: InvoiceViewer, last: string): Promise<void> {
  await waitUntil(
    () => {
      scroller(el).scrollTop = scroller(el).scrollHeight;
      return rowTexts(el).some((r) => r.startsWith(last));
    },
    `${last} never rendered`,
    { interval: 50 },
  );
}

describe('<invoice-viewer> with 100,000 lines (issue 22)', () => {
  let invoice: Invoice;
  before(() => {
    invoice = hundredThousand();
  });

  it('opens on its first lines, a screenful in the DOM, every total the sum of all lines', async () => {
    const el = await open(invoice);
    const rows = rowTexts(el);
    expect(rows[0]).to.equal('Group 0 $33,334.00');
    expect(rows[1]).to.equal('SKU-0 SKU-0 description 1 $1.00 $1.00 $0.10');
    expect(rows[2]).to.equal('SKU-3 SKU-3 description 1 $1.00 $1.00 $0.10');
    expect(rows.length).to.be.within(5, 299);
    expect(totalCell(el, 'subtotal')).to.equal('$100,000.00');
    expect(totalCell(el, 'tax')).to.equal('$10,000.00');
    expect(totalCell(el, 'total')).to.equal('$110,000.00');
    // 100,000 lines, 3 group rows and the header row.
    expect(root(el).querySelector('[role="table"]')!.getAttribute('aria-rowcount')).to.equal(
      '100004',
    );
  });

  it('scrolls to its last line, the last group after the others', async () => {
    const el = await open(invoice);
    await scrollToEnd(el, 'SKU-99998 ');
    const rows = rowTexts(el);
    expect(rows.at(-1)).to.equal('SKU-99998 SKU-99998 description 1 $1.00 $1.00 $0.10');
    expect(rows.at(-2)).to.match(/^SKU-99995 /);
    expect(rows.some((r) => r.startsWith('SKU-0 '))).to.equal(false);
    expect(rows.length).to.be.below(300);
    const lastRow = root(el).querySelectorAll('.rows > [role="row"]');
    expect(lastRow[lastRow.length - 1].getAttribute('aria-rowindex')).to.equal('100004');
  });

  it('converts the lines in view and the totals on a currency switch, in both directions', async () => {
    const el = await open(invoice);
    const select = part<HTMLSelectElement>(el, 'currency-select')!;
    select.value = 'BRL';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    // 100 cents × 5.4321 = 543.21 → 543 a line, tax 54.321 → 54: R$543,000.00 for the lines,
    // where converting the USD total directly would say R$543,210.00.
    expect(totalCell(el, 'subtotal')).to.equal('R$543,000.00');
    expect(totalCell(el, 'tax')).to.equal('R$54,000.00');
    expect(totalCell(el, 'total')).to.equal('R$597,000.00');
    let rows = rowTexts(el);
    expect(rows[0]).to.equal('Group 0 R$181,003.62');
    expect(rows[1]).to.equal('SKU-0 SKU-0 description 1 R$5.43 R$5.43 R$0.54');
    await scrollToEnd(el, 'SKU-99998 ');
    rows = rowTexts(el);
    expect(rows.at(-1)).to.equal('SKU-99998 SKU-99998 description 1 R$5.43 R$5.43 R$0.54');

    select.value = 'USD';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(rowTexts(el).at(-1)).to.equal('SKU-99998 SKU-99998 description 1 $1.00 $1.00 $0.10');
    expect(totalCell(el, 'total')).to.equal('$110,000.00');
  });
});

describe('invoice-viewer line rows', () => {
  it('are each group header then its lines, read from the grouping (fast-check)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', 'c', 'd'), { maxLength: 50 }), (gs) => {
        const lines = gs.map((group) => ({ group }));
        const names = [...new Set(gs)];
        const expected = names.flatMap((name, g) => [
          { kind: 'group', group: g },
          ...gs.flatMap((group, index) => (group === name ? [{ kind: 'line', index }] : [])),
        ]);
        const grouping = groupingOf(lines);
        expect(lineRowCount(grouping)).to.equal(expected.length);
        expect(expected.map((_, r) => lineRowAt(grouping, r))).to.deep.equal(expected);
      }),
      { numRuns: 300, seed: 20261202 },
    );
  });
});
