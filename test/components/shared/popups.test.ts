/**
 * Pop-ups in the top layer (issue 17): the download menu and the table's customer suggestions
 * open above whatever clips or covers their host (a 60 px `overflow: hidden` card, a
 * transformed container, `z-index` siblings on top) and stay inside a 375 px viewport at each
 * of its edges. Where `setViewport` is missing (WebKit's WebDriver launcher), the edges are
 * those of the viewport the test has.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import type { TemplateResult } from 'lit';
import '../../../src/define.js';
import type { DownloadMenu } from '../../../src/components/download-menu/download-menu.js';
import type { InvoiceTable } from '../../../src/components/invoice-table/invoice-table.js';
import type { Customer } from '../../../src/core/types.js';
import { isWebKit } from '../../support/browser.js';
import { invoice } from '../../support/fixtures.js';
import { waitUntil } from '../../support/wait.js';
import { FakeBackend, rowsLoaded } from '../invoice-table/helpers.js';

const CUSTOMERS: Customer[] = Array.from({ length: 6 }, (_, i) => ({
  id: `cus-${i + 1}`,
  name: `Acme ${i + 1}`,
}));

interface Popup {
  /** Opens the pop-up; resolves when it shows its items. */
  open(): Promise<void>;
  popup(): HTMLElement;
  anchor(): HTMLElement;
  items(): HTMLElement[];
  /** Resolves when the last item was chosen (by the click the test makes). */
  chosen(): Promise<unknown>;
}

const shadow = (el: Element): ShadowRoot => el.shadowRoot!;

async function menuIn(wrap: (inner: TemplateResult) => TemplateResult): Promise<Popup> {
  const host = await fixture<HTMLElement>(
    wrap(html`<download-menu lang="en" .invoice=${invoice()}></download-menu>`),
  );
  const el = (
    host.matches('download-menu') ? host : host.querySelector('download-menu')!
  ) as DownloadMenu;
  await el.updateComplete;
  const root = shadow(el);
  const items = () => [...root.querySelectorAll<HTMLElement>('[role="menuitem"]')];
  return {
    async open() {
      if (!popupOf(root, 'menu').hidden) return;
      root.querySelector<HTMLButtonElement>('[part="button"]')!.click();
      await el.updateComplete;
      await waitUntil(() => items().length > 0 && !popupOf(root, 'menu').hidden, 'menu opens');
    },
    popup: () => popupOf(root, 'menu'),
    anchor: () => root.querySelector<HTMLElement>('[part="button"]')!,
    items,
    chosen: () =>
      new Promise((resolve) =>
        el.addEventListener(
          'invoice-download-request',
          (e) => {
            e.preventDefault(); // no file: the choice is what is checked
            resolve(e.detail.format);
          },
          { once: true },
        ),
      ),
  };
}

function popupOf(root: ShadowRoot, kind: 'menu' | 'listbox'): HTMLElement {
  return kind === 'menu'
    ? root.querySelector<HTMLElement>('[role="menu"]')!
    : root.querySelector<HTMLElement>('.popup')!;
}

async function suggestionsIn(wrap: (inner: TemplateResult) => TemplateResult): Promise<Popup> {
  const backend = new FakeBackend();
  backend.customers = CUSTOMERS;
  const host = await fixture<HTMLElement>(
    wrap(html`<invoice-table lang="en" .backend=${backend}></invoice-table>`),
  );
  const el = (
    host.matches('invoice-table') ? host : host.querySelector('invoice-table')!
  ) as InvoiceTable;
  await rowsLoaded(el);
  const root = shadow(el);
  const items = () => [...root.querySelectorAll<HTMLElement>('[role="option"]')];
  const input = () => root.querySelector<HTMLInputElement>('[role="combobox"]')!;
  return {
    async open() {
      input().focus();
      input().select();
      await sendKeys({ type: 'acme' });
      await waitUntil(
        () => items().length === CUSTOMERS.length && !popupOf(root, 'listbox').hidden,
        'suggestions appear',
      );
      await el.updateComplete;
    },
    popup: () => popupOf(root, 'listbox'),
    anchor: () => root.querySelector<HTMLElement>('.combo')!,
    items,
    chosen: async () =>
      (await oneEvent(el, 'invoice-customer-change')).detail.customer?.id as string,
  };
}

const viewport = () => ({
  width: document.documentElement.clientWidth,
  height: document.documentElement.clientHeight,
});

/** The rectangle lies inside the viewport. */
function expectInViewport(r: DOMRect, what: string): void {
  const { width, height } = viewport();
  expect(r.width, `${what} has a size`).to.be.above(0);
  expect(r.left, `${what}: left`).to.be.at.least(-0.5);
  expect(r.top, `${what}: top`).to.be.at.least(-0.5);
  expect(r.right, `${what}: right`).to.be.at.most(width + 0.5);
  expect(r.bottom, `${what}: bottom`).to.be.at.most(height + 0.5);
}

/** The element is what a pointer at its centre hits (nothing clips or covers it there). */
function expectHitTestable(item: HTMLElement): void {
  const r = item.getBoundingClientRect();
  const x = r.left + r.width / 2;
  const y = r.top + r.height / 2;
  const root = item.getRootNode() as ShadowRoot;
  const hit = root.elementFromPoint(x, y);
  expect(
    hit && (hit === item || item.contains(hit)),
    `${item.textContent!.trim()} at its centre`,
  ).to.equal(true);
  // The page agrees: the host of the shadow root, not a covering sibling.
  expect(document.elementFromPoint(x, y), 'the page hit').to.equal(root.host);
}

/**
 * Scrolls the pop-up (only the pop-up: `scrollIntoView` would scroll an `overflow: hidden`
 * container too, and hide a clipped pop-up) until the item is in its view.
 */
function showInPopup(popup: HTMLElement, item: HTMLElement): void {
  const p = popup.getBoundingClientRect();
  const r = item.getBoundingClientRect();
  if (r.bottom > p.bottom) popup.scrollTop += r.bottom - p.bottom;
  else if (r.top < p.top) popup.scrollTop -= p.top - r.top;
}

/** Opens the pop-up; every item hit-testable and in view; the last item chosen by a click. */
async function expectReachable(popup: Popup, last: unknown): Promise<void> {
  await popup.open();
  const items = popup.items();
  expect(items.length).to.be.above(2);
  expectInViewport(popup.popup().getBoundingClientRect(), 'the pop-up');
  // A capped pop-up scrolls inside: bring each item into its view first.
  for (const item of items) {
    showInPopup(popup.popup(), item);
    expectInViewport(item.getBoundingClientRect(), item.textContent!.trim());
    expectHitTestable(item);
  }
  const target = items.at(-1)!;
  const r = target.getBoundingClientRect();
  const chosen = popup.chosen();
  await sendMouse({
    type: 'click',
    position: [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)],
  });
  expect(await chosen).to.equal(last);
}

const card = (inner: TemplateResult) =>
  html`<div style="block-size: 60px; overflow: hidden; padding: 4px; border: 1px solid">
    ${inner}
  </div>`;

const transformed = (inner: TemplateResult) =>
  html`<div style="block-size: 60px; overflow: hidden; transform: translateX(24px) scale(1)">
    ${inner}
  </div>`;

const covered = (inner: TemplateResult) =>
  html`<div>
    <div style="position: relative; z-index: 1; block-size: 68px">${inner}</div>
    <div
      style="position: relative; z-index: 100; margin-block-start: -4px; block-size: 400px; background: rgb(200 0 0)"
    ></div>
  </div>`;

type Edge = 'left' | 'right' | 'top' | 'bottom';
const EDGES: Edge[] = ['left', 'right', 'top', 'bottom'];
const PLACE: Record<Edge, string> = {
  left: 'inset-block-start: 200px; inset-inline-start: 0',
  right: 'inset-block-start: 200px; inset-inline-end: 0',
  top: 'inset-block-start: 0; inset-inline-start: 100px',
  bottom: 'inset-block-end: 0; inset-inline-start: 100px',
};
/** A fixed box at one edge of the viewport; a table is cut to its search field (68 px). */
const atEdge = (edge: Edge, tall: boolean) => (inner: TemplateResult) =>
  html`<div
    style="position: fixed; ${PLACE[edge]}; max-inline-size: 100vw; ${
      tall ? 'inline-size: 375px; block-size: 68px; overflow: hidden' : ''
    }"
  >
    ${inner}
  </div>`;

const SUITES = [
  { name: '<download-menu>', mount: menuIn, last: 'print', tall: false },
  {
    name: "<invoice-table>'s customer suggestions",
    mount: suggestionsIn,
    last: 'cus-6',
    tall: true,
  },
] as const;

describe('pop-ups in the top layer', () => {
  const resized = !isWebKit; // setViewport: not in WebKit's WebDriver launcher
  before(async () => {
    if (resized) await setViewport({ width: 375, height: 667 });
  });
  after(async () => {
    if (resized) await setViewport({ width: 800, height: 600 });
  });
  afterEach(() => resetMouse());

  it('uses the Popover API in every engine under test', () => {
    expect(Object.hasOwn(HTMLElement.prototype, 'popover')).to.equal(true);
  });

  for (const suite of SUITES) {
    describe(suite.name, () => {
      it('opens in the top layer, out of a 60 px overflow: hidden card: every item reachable', async () => {
        const popup = await suite.mount(card);
        await popup.open();
        expect(popup.popup().matches(':popover-open')).to.equal(true);
        await sendKeys({ press: 'Escape' });
        await waitUntil(() => !popup.popup().matches(':popover-open'), 'Escape closes it');
        await expectReachable(popup, suite.last);
        await waitUntil(() => !popup.popup().matches(':popover-open'), 'a choice closes it');
      });

      it('opens under its anchor inside a transformed container', async () => {
        const popup = await suite.mount(transformed);
        await popup.open();
        const a = popup.anchor().getBoundingClientRect();
        const p = popup.popup().getBoundingClientRect();
        expect(p.top - a.bottom).to.be.within(0, 8);
        await expectReachable(popup, suite.last);
      });

      it('is above z-index siblings that cover its host', async () => {
        const popup = await suite.mount(covered);
        await expectReachable(popup, suite.last);
      });

      for (const edge of EDGES) {
        it(`stays inside the viewport at its ${edge} edge`, async () => {
          if (resized) expect(innerWidth, 'a 375 px viewport').to.equal(375);
          const popup = await suite.mount(atEdge(edge, suite.tall));
          await popup.open();
          const a = popup.anchor().getBoundingClientRect();
          const p = popup.popup().getBoundingClientRect();
          expectInViewport(p, 'the pop-up');
          // Below its anchor, or above it at the bottom edge.
          if (edge === 'bottom') expect(p.bottom).to.be.at.most(a.top + 0.5);
          else expect(p.top).to.be.at.least(a.bottom - 0.5);
          for (const item of popup.items()) {
            showInPopup(popup.popup(), item);
            expectHitTestable(item);
          }
        });
      }
    });
  }

  it('follows its anchor when the page scrolls while open, and stops listening once closed', async () => {
    // The window's scroll listeners added and not removed since the menu was mounted.
    const listening = new Set<unknown>();
    const { addEventListener: add, removeEventListener: remove } = window;
    window.addEventListener = function (
      this: Window,
      ...args: Parameters<Window['addEventListener']>
    ) {
      if (args[0] === 'scroll') listening.add(args[1]);
      add.apply(this, args);
    } as Window['addEventListener'];
    window.removeEventListener = function (
      this: Window,
      ...args: Parameters<Window['removeEventListener']>
    ) {
      if (args[0] === 'scroll') listening.delete(args[1]);
      remove.apply(this, args);
    } as Window['removeEventListener'];
    try {
      const popup = await menuIn(
        (inner) => html`<div style="block-size: 3000px; padding-block-start: 100px">${inner}</div>`,
      );
      await popup.open();
      expect(listening.size, 'listening while open').to.equal(1);
      const gap = () =>
        popup.popup().getBoundingClientRect().top - popup.anchor().getBoundingClientRect().bottom;
      const before = gap();
      const scrolled = oneEvent(window, 'scroll');
      window.scrollBy(0, 60);
      await scrolled;
      expect(gap()).to.be.closeTo(before, 0.5);
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => popup.popup().hidden, 'Escape closes the menu');
      expect(popup.popup().matches(':popover-open')).to.equal(false);
      expect(listening.size, 'listening once closed').to.equal(0);
    } finally {
      window.addEventListener = add;
      window.removeEventListener = remove;
      window.scrollTo(0, 0);
    }
  });
});
