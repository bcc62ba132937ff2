/**
 * The grid's columns where the table is narrower than they would like (a 900-px box: every
 * column at its least width, the grid scrolling sideways), in en, pt-BR and es: each row's
 * background and border run under all its cells (with the customer column, without it, and
 * with the checkbox column); a 16-character document ID and the English dates show whole; the
 * Open buttons stay in view as the grid scrolls sideways; a column header too narrow for its
 * name shows where the name starts and its sort arrow, with the whole name on hover. At
 * 1600 px every name fits.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { ifDefined } from 'lit/directives/if-defined.js';
import { waitUntil } from '../../support/wait.js';
import '../../../src/define.js';
import { loadLocale } from '../../../src/i18n/loader.js';
import type { InvoiceTable } from '../../../src/components/invoice-table/invoice-table.js';
import type { InvoiceSummary } from '../../../src/core/types.js';
import { $, $$, FakeBackend, TODAY, bodyRows, rowsLoaded, summary } from './helpers.js';

type Lang = 'en' | 'pt-BR' | 'es';

async function mount(
  lang: Lang,
  width: number,
  attrs: { customerId?: string; selectable?: boolean; invoices?: InvoiceSummary[] } = {},
): Promise<InvoiceTable> {
  if (lang !== 'en') await loadLocale(lang);
  const host = await fixture<HTMLElement>(
    html`<div lang=${lang} style=${`inline-size: ${width}px`}>
      <invoice-table
        .backend=${new FakeBackend(attrs.invoices)}
        .today=${TODAY}
        customer-id=${ifDefined(attrs.customerId)}
        ?selectable=${attrs.selectable}
      ></invoice-table>
    </div>`,
  );
  const el = host.querySelector('invoice-table')!;
  await rowsLoaded(el, attrs.invoices?.length ?? (attrs.customerId ? 3 : 4));
  return el;
}

const box = (e: Element) => e.getBoundingClientRect();

/** The header's name as laid out (the text, not its visible part), and the button holding it. */
function headers(el: InvoiceTable) {
  return $$(el, '[role="columnheader"]')
    .filter((cell) => cell.querySelector('button'))
    .map((cell) => {
      const button = cell.querySelector('button')!;
      const icon = button.querySelector('[aria-hidden="true"]')!;
      const walker = document.createTreeWalker(button, NodeFilter.SHOW_TEXT);
      let text: Node | null;
      while ((text = walker.nextNode()) && (!text.textContent?.trim() || icon.contains(text)));
      const range = document.createRange();
      range.selectNodeContents(text!);
      return {
        cell,
        button,
        icon,
        name: text!.textContent!.trim(),
        text: range.getBoundingClientRect(),
      };
    });
}

describe('<invoice-table> columns at their least widths', () => {
  for (const lang of ['en', 'pt-BR', 'es'] as const) {
    for (const attrs of [{}, { customerId: 'cus-1' }, { selectable: true }]) {
      it(`${lang} ${JSON.stringify(attrs)}: every row runs under all its cells`, async () => {
        const el = await mount(lang, 900, attrs);
        const grid = $(el, '[role="grid"]');
        // The columns do not fit: the grid scrolls sideways.
        expect(grid.scrollWidth).to.be.greaterThan(grid.clientWidth);
        for (const row of [...$$(el, '.head [role="row"]'), ...bodyRows(el)]) {
          const right = box(row).right;
          for (const cell of row.children) {
            expect(box(cell).right, `${cell.getAttribute('data-col')} in its row`).to.be.at.most(
              right + 0.5,
            );
          }
        }
      });
    }

    it(`${lang}: a header narrower than its name shows its start and its arrow, and the whole name on hover`, async () => {
      const el = await mount(lang, 900);
      const all = headers(el);
      expect(all.length).to.equal(9);
      // With every column at its least width, some name is wider than its column.
      expect(all.some((h) => h.text.width > box(h.button).width - box(h.icon).width)).to.equal(
        true,
      );
      for (const h of all) {
        const cell = box(h.cell);
        expect(h.text.left, `${h.name} starts in its cell`).to.be.at.least(cell.left - 0.5);
        expect(box(h.icon).right, `${h.name}'s arrow in its cell`).to.be.at.most(cell.right + 0.5);
        expect(box(h.icon).width, `${h.name}'s arrow shown`).to.be.greaterThan(0);
        expect(h.button.title, `${h.name} on hover`).to.equal(h.name);
      }
    });
  }

  it("en: the Open buttons stay in view, on the rows' backgrounds, while the grid scrolls sideways", async () => {
    const el = await mount('en', 900, { selectable: true });
    const grid = $(el, '[role="grid"]');
    const inView = () => {
      const view = box(grid);
      const right = view.left + grid.clientLeft + grid.clientWidth;
      return bodyRows(el).every((row) => {
        const open = box(row.querySelector('[part~="open-button"]')!);
        return open.width > 0 && open.left >= view.left && open.right <= right + 0.5;
      });
    };
    expect(grid.scrollLeft).to.equal(0);
    expect(inView(), 'at the start').to.equal(true);
    grid.scrollLeft = grid.scrollWidth;
    await waitUntil(() => grid.scrollLeft > 0, 'scrolled sideways');
    expect(inView(), 'at the end').to.equal(true);
    grid.scrollLeft = 0;
    await waitUntil(() => grid.scrollLeft === 0, 'back at the start');
    // The cell is opaque, the row's own colour: nothing scrolls visibly under it.
    for (const row of bodyRows(el)) {
      const cell = row.querySelector('[data-col="actions"]')!;
      expect(getComputedStyle(cell).backgroundColor).to.equal(
        getComputedStyle(row).backgroundColor,
      );
      expect(getComputedStyle(cell).backgroundColor).to.not.equal('rgba(0, 0, 0, 0)');
    }
  });

  it('en: a 16-character document ID and the dates show whole at the least widths', async () => {
    const invoices = [
      summary({
        documentId: 'INV-2026-0008490',
        dueDate: '2026-12-31',
        generatedAt: '2026-12-31T09:00:00.000Z',
      }),
    ];
    const el = await mount('en', 900, { invoices });
    const [row] = bodyRows(el);
    for (const col of ['documentId', 'dueDate', 'generatedAt']) {
      const cell = row!.querySelector<HTMLElement>(`[data-col="${col}"]`)!;
      expect(cell.textContent!.trim(), col).to.not.equal('');
      expect(cell.scrollWidth, `${col} whole`).to.be.at.most(cell.clientWidth);
    }
  });

  it('at 1600 px every header name fits its column', async () => {
    const el = await mount('en', 1600);
    for (const h of headers(el)) {
      expect(h.text.right, h.name).to.be.at.most(box(h.icon).left + 0.5);
      expect(h.text.left, h.name).to.be.at.least(box(h.cell).left - 0.5);
    }
  });
});
