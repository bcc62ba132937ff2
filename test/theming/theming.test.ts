/**
 * Theming across the four elements: global `--inv-*` tokens reach inside the shadow roots,
 * per-element tokens win over them, `::part()` styles from an outside stylesheet (including
 * parts the viewer forwards from its nested elements), dark theme (also in the viewer's nested
 * elements), density, and no inline style attributes (strict CSP).
 */
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { waitUntil } from '../support/wait.js';
import { emulateMedia } from '@web/test-runner-commands';
import {
  deepElements,
  inShadow,
  makeInvoice,
  memoryBackend,
  menuIn,
  mountTable,
  rowsReady,
  TODAY,
  updaterIn,
  viewerReady,
  type DownloadMenu,
  type InvoiceTable,
  type InvoiceViewer,
  type StatusUpdater,
} from '../a11y/fixtures.js';
import { applyMediaRules, canEmulateMedia } from '../support/browser.js';

const RED = 'rgb(200, 0, 0)';
const GREEN = 'rgb(0, 120, 0)';
const BLUE = 'rgb(0, 0, 200)';

function bg(el: Element): string {
  return getComputedStyle(el).backgroundColor;
}
function fg(el: Element): string {
  return getComputedStyle(el).color;
}

/** An outside stylesheet, as a host page would have. Removed after each test. */
const sheets: HTMLStyleElement[] = [];
function pageStyle(css: string): void {
  const style = document.createElement('style');
  style.textContent = css;
  document.head.append(style);
  sheets.push(style);
}

async function viewerIn(
  wrapperClass: string,
  attrs: { theme?: string; density?: string } = {},
): Promise<InvoiceViewer> {
  const invoice = makeInvoice({ status: 'DRAFT' });
  const host = await fixture<HTMLElement>(
    html`<div class=${wrapperClass}>
      <invoice-viewer
        lang="en"
        .backend=${memoryBackend([invoice])}
        .invoice=${invoice}
        theme=${attrs.theme ?? ''}
        density=${attrs.density ?? ''}
        class="sized"
      ></invoice-viewer>
    </div>`,
  );
  const el = host.querySelector('invoice-viewer')!;
  await viewerReady(el);
  return el;
}

async function updaterAlone(wrapperClass: string): Promise<StatusUpdater> {
  const invoice = makeInvoice({ status: 'DRAFT' });
  const host = await fixture<HTMLElement>(
    html`<div class=${wrapperClass}>
      <status-updater lang="en" .invoice=${invoice}></status-updater>
    </div>`,
  );
  const el = host.querySelector('status-updater')!;
  await el.updateComplete;
  return el;
}

async function menuAlone(wrapperClass: string): Promise<DownloadMenu> {
  const invoice = makeInvoice({ status: 'OPEN' });
  const host = await fixture<HTMLElement>(
    html`<div class=${wrapperClass}>
      <download-menu lang="en" .invoice=${invoice}></download-menu>
    </div>`,
  );
  const el = host.querySelector('download-menu')!;
  await el.updateComplete;
  return el;
}

async function openMenu(menu: DownloadMenu): Promise<HTMLElement> {
  inShadow(menu, '[part="button"]').click();
  await menu.updateComplete;
  const list = inShadow(menu, '[part="menu"]');
  expect(list.hidden).to.equal(false);
  return list;
}

async function table(wrapperClass: string, density = ''): Promise<InvoiceTable> {
  return mountTable(
    memoryBackend(),
    (inner) => html`<div class=${wrapperClass} data-density=${density}>${inner}</div>`,
  );
}

/**
 * Fixture sizes, from a stylesheet rather than `style` attributes: the CSP test below counts
 * style-src-attr violations, and Firefox reports a `style` attribute in a Lit template of the
 * test itself when the template is cloned into the page.
 */
const sizes = document.createElement('style');
sizes.textContent = `
  invoice-viewer.sized { inline-size: 960px; }
  invoice-table.sized { inline-size: 900px; }
`;

describe('theming', () => {
  before(() => document.head.append(sizes));
  after(() => sizes.remove());
  // Where media cannot be emulated (Firefox over WebDriver BiDi), the headless browser's own
  // light scheme is the baseline: checked rather than assumed.
  before(async () => {
    if (canEmulateMedia) await emulateMedia({ colorScheme: 'light' });
    expect(matchMedia('(prefers-color-scheme: dark)').matches, 'light baseline').to.equal(false);
  });
  after(async () => {
    if (canEmulateMedia) await emulateMedia({ colorScheme: 'light' });
  });
  afterEach(() => {
    for (const s of sheets.splice(0)) s.remove();
  });

  describe('global tokens set on an ancestor reach inside each shadow root', () => {
    beforeEach(() =>
      pageStyle(`.brand {
        --inv-color-text: ${RED};
        --inv-color-section-bar: ${GREEN};
        --inv-color-primary: ${BLUE};
        --inv-color-surface-alt: ${GREEN};
      }`),
    );

    it('<invoice-table>: text colour of a row, header row background', async () => {
      const el = await table('brand');
      expect(fg(inShadow(el, '.body [part="row"]'))).to.equal(RED);
      const header = inShadow(el, '.head');
      const painted = [header, ...header.querySelectorAll('*')].map(bg);
      expect(painted).to.include(GREEN);
    });

    it('<invoice-viewer>: section header bars', async () => {
      const el = await viewerIn('brand');
      expect(bg(inShadow(el, '.section-bar'))).to.equal(GREEN);
    });

    it('<status-updater>: the UPDATE STATUS button', async () => {
      const el = await updaterAlone('brand');
      expect(bg(inShadow(el, '[part="button"]'))).to.equal(BLUE);
    });

    it('<download-menu>: the DOWNLOAD button', async () => {
      const el = await menuAlone('brand');
      expect(bg(inShadow(el, '[part="button"]'))).to.equal(BLUE);
    });
  });

  describe('a per-element token wins over the global one', () => {
    beforeEach(() =>
      pageStyle(`.brand {
        --inv-color-section-bar: ${GREEN};
        --inv-color-surface-alt: ${GREEN};
        --inv-color-surface: ${GREEN};
        --invoice-viewer-section-bar-background: ${RED};
        --invoice-table-header-background: ${RED};
        --status-updater-dialog-background: ${RED};
        --download-menu-background: ${RED};
      }`),
    );

    it('<invoice-table>: --invoice-table-header-background on an ancestor', async () => {
      const el = await table('brand');
      const header = inShadow(el, '.head');
      const painted = [header, ...header.querySelectorAll('*')].map(bg);
      expect(painted).to.include(RED);
    });

    it('<invoice-viewer>: --invoice-viewer-section-bar-background', async () => {
      const el = await viewerIn('brand');
      expect(bg(inShadow(el, '.section-bar'))).to.equal(RED);
    });

    it('<status-updater>: --status-updater-dialog-background', async () => {
      const el = await updaterAlone('brand');
      expect(bg(inShadow(el, '[part="dialog"]'))).to.equal(RED);
    });

    it('<download-menu>: --download-menu-background', async () => {
      const el = await menuAlone('brand');
      expect(bg(await openMenu(el))).to.equal(RED);
    });
  });

  describe('::part() from an outside stylesheet', () => {
    it('styles a table row, a cell and the status badge', async () => {
      pageStyle(`
        .p invoice-table::part(row) { background-color: ${RED}; }
        .p invoice-table::part(cell) { color: ${BLUE}; }
        .p invoice-table::part(status-badge) { outline: 3px solid ${GREEN}; }
      `);
      const el = await table('p');
      expect(bg(inShadow(el, '.body [part="row"]'))).to.equal(RED);
      expect(fg(inShadow(el, '[part="cell"]'))).to.equal(BLUE);
      expect(getComputedStyle(inShadow(el, '[part="status-badge"]')).outlineColor).to.equal(GREEN);
    });

    it('styles the viewer section header, its status badge and its discard dialog', async () => {
      pageStyle(`
        .p invoice-viewer::part(section-header) { color: ${RED}; }
        .p invoice-viewer::part(status-badge) { background-color: ${BLUE}; }
        .p invoice-viewer::part(dialog) { background-color: ${GREEN}; }
      `);
      const el = await viewerIn('p');
      expect(fg(inShadow(el, '[part="section-header"]'))).to.equal(RED);
      expect(bg(inShadow(el, 'header [part="status-badge"]'))).to.equal(BLUE);
      expect(bg(inShadow(el, 'dialog[part="dialog"]'))).to.equal(GREEN);
    });

    it('styles the status updater dialog and the download menu', async () => {
      pageStyle(`
        .p status-updater::part(dialog) { background-color: ${GREEN}; }
        .p download-menu::part(menu) { background-color: ${BLUE}; }
        .p download-menu::part(menuitem) { color: ${RED}; }
      `);
      const updater = await updaterAlone('p');
      expect(bg(inShadow(updater, '[part="dialog"]'))).to.equal(GREEN);
      const menu = await menuAlone('p');
      const list = await openMenu(menu);
      expect(bg(list)).to.equal(BLUE);
      expect(fg(inShadow(menu, '[part="menuitem"]'))).to.equal(RED);
    });

    it('styles the parts the viewer forwards from its download menu and status updater', async () => {
      pageStyle(`
        .p invoice-viewer::part(download-menu-button) { background-color: ${RED}; }
        .p invoice-viewer::part(download-menu-menu) { background-color: ${BLUE}; }
        .p invoice-viewer::part(download-menu-menuitem) { color: ${GREEN}; }
        .p invoice-viewer::part(status-updater-button) { background-color: ${GREEN}; }
        .p invoice-viewer::part(status-updater-dialog) { color: ${RED}; }
      `);
      const el = await viewerIn('p');
      const menu = menuIn(el);
      expect(bg(inShadow(menu, '[part="button"]'))).to.equal(RED);
      const list = await openMenu(menu);
      expect(bg(list)).to.equal(BLUE);
      expect(fg(inShadow(menu, '[part="menuitem"]'))).to.equal(GREEN);
      const updater = updaterIn(el);
      expect(bg(inShadow(updater, '[part="button"]'))).to.equal(GREEN);
      expect(fg(inShadow(updater, '[part="dialog"]'))).to.equal(RED);
    });
  });

  describe('dark theme', () => {
    const LIGHT_BG = 'rgb(255, 255, 255)';
    const DARK_BG = 'rgb(22, 25, 29)';
    const DARK_FG = 'rgb(232, 235, 239)';

    it('theme="dark" changes the computed colours of every element', async () => {
      const light = await viewerIn('x');
      expect(bg(light)).to.equal(LIGHT_BG);
      const dark = await viewerIn('x', { theme: 'dark' });
      expect(bg(dark)).to.equal(DARK_BG);
      expect(fg(inShadow(dark, '[part="document-id"]'))).to.equal(DARK_FG);

      fixtureCleanup(); // the table only renders the rows in its viewport
      const t = await table('x');
      t.setAttribute('theme', 'dark');
      await t.updateComplete;
      expect(bg(t)).to.equal(DARK_BG);
      expect(t.theme).to.equal('dark');
    });

    it("reaches the viewer's nested status updater and download menu", async () => {
      const el = await viewerIn('x', { theme: 'dark' });
      const updater = updaterIn(el);
      const menu = menuIn(el);
      await waitUntil(() => updater.getAttribute('theme') === 'dark', 'updater not dark');
      expect(menu.getAttribute('theme')).to.equal('dark');
      // The label text and the select are dark-theme colours, not light defaults.
      expect(fg(inShadow(updater, '[part="current"]'))).to.equal(DARK_FG);
      expect(bg(inShadow(updater, '[part="select"]'))).to.equal(DARK_BG);
      expect(bg(await openMenu(menu))).to.equal(DARK_BG);
      // Switching back at runtime follows.
      el.theme = 'light';
      await el.updateComplete;
      await updater.updateComplete;
      expect(updater.hasAttribute('theme') ? updater.getAttribute('theme') : 'light').to.equal(
        'light',
      );
      expect(fg(inShadow(updater, '[part="current"]'))).to.equal('rgb(27, 31, 36)');
    });

    it('follows prefers-color-scheme, and theme="light" overrides it', async function () {
      // Tool limitation: emulating prefers-color-scheme needs CDP, which Firefox's and WebKit's
      // drivers lack. The next test applies the same rules in every browser.
      if (!canEmulateMedia) this.skip();
      await emulateMedia({ colorScheme: 'dark' });
      try {
        const auto = await viewerIn('x');
        expect(bg(auto)).to.equal(DARK_BG);
        expect(fg(inShadow(updaterIn(auto), '[part="current"]'))).to.equal(DARK_FG);
        const forced = await viewerIn('x', { theme: 'light' });
        expect(bg(forced)).to.equal(LIGHT_BG);
        expect(bg(inShadow(updaterIn(forced), '[part="select"]'))).to.equal(LIGHT_BG);
      } finally {
        await emulateMedia({ colorScheme: 'light' });
      }
    });

    it('its prefers-color-scheme: dark rules, applied as on a dark system, turn the elements dark unless theme="light"', async () => {
      const auto = await viewerIn('x');
      const forced = await viewerIn('x', { theme: 'light' });
      expect(bg(auto)).to.equal(LIGHT_BG);
      for (const el of [auto, forced]) {
        expect(applyMediaRules(el.shadowRoot!, 'prefers-color-scheme: dark')).to.be.greaterThan(0);
      }
      expect(bg(auto)).to.equal(DARK_BG);
      expect(fg(inShadow(updaterIn(auto), '[part="current"]'))).to.equal(DARK_FG);
      expect(bg(forced)).to.equal(LIGHT_BG);
      expect(bg(inShadow(updaterIn(forced), '[part="select"]'))).to.equal(LIGHT_BG);
    });
  });

  describe('density', () => {
    it('density="compact" makes table rows shorter', async () => {
      const el = await table('x');
      const comfortable = inShadow(el, '.body [part="row"]').getBoundingClientRect().height;
      el.density = 'compact';
      await el.updateComplete;
      await rowsReady(el);
      await new Promise((r) => requestAnimationFrame(r));
      const compact = inShadow(el, '.body [part="row"]').getBoundingClientRect().height;
      expect(el.getAttribute('density')).to.equal('compact');
      expect(compact).to.be.below(comfortable - 4);
    });

    it("passes density to the viewer's nested elements", async () => {
      const el = await viewerIn('x', { density: 'compact' });
      await waitUntil(() => updaterIn(el).getAttribute('density') === 'compact');
      expect(menuIn(el).getAttribute('density')).to.equal('compact');
    });
  });

  describe('strict CSP: no inline styles', () => {
    it('no element in any shadow root has a style attribute (outside the padded row groups and placed pop-ups)', async () => {
      const t = await table('x');
      const v = await viewerIn('x');
      const u = await updaterAlone('x');
      const m = await menuAlone('x');
      await openMenu(m);
      for (const el of [t, v, u, m]) {
        const styled = deepElements(el).filter(
          (node) =>
            node.hasAttribute('style') &&
            // Row windows pad their row groups, and pop-ups in the top layer are placed, through
            // the CSSOM (allowed by CSP; the next test checks no violation is raised).
            !node.closest('.body, .rows, [popover]'),
        );
        expect(
          styled.map((n) => `${el.localName} ${n.localName}.${n.className}`),
          el.localName,
        ).to.deep.equal([]);
      }
    });

    it("raises no style-src-attr violation under a policy without 'unsafe-inline'", async () => {
      const meta = document.createElement('meta');
      meta.httpEquiv = 'Content-Security-Policy';
      meta.content = "style-src-attr 'none'";
      document.head.append(meta);
      const violations: string[] = [];
      const onViolation = (e: SecurityPolicyViolationEvent) =>
        violations.push(`${e.violatedDirective} ${e.sample}`);
      document.addEventListener('securitypolicyviolation', onViolation);
      try {
        // Control: the policy is in force (a style attribute from markup is reported).
        const probe = document.createElement('div');
        probe.setAttribute('style', 'color: red');
        document.body.append(probe);
        await waitUntil(() => violations.length > 0, 'the policy is not enforced', {
          timeout: 2000,
        });
        probe.remove();
        violations.length = 0;

        // Not mountTable(): its template gives the table a style attribute.
        const host = await fixture<HTMLElement>(
          html`<div>
            <invoice-table
              class="sized"
              .backend=${memoryBackend()}
              .today=${TODAY}
            ></invoice-table>
          </div>`,
        );
        const t = host.querySelector('invoice-table')!;
        await rowsReady(t);
        t.density = 'compact';
        const v = await viewerIn('x', { theme: 'dark' });
        await openMenu(menuIn(v));
        await updaterAlone('x');
        // Negative check (a violation is reported in a later task, if ever): a fixed wait can
        // only pass wrongly.
        await new Promise((r) => setTimeout(r, 100));
        expect(violations).to.deep.equal([]);
      } finally {
        document.removeEventListener('securitypolicyviolation', onViolation);
      }
    });
  });
});
