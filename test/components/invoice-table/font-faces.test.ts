/**
 * The table's text uses two font faces: regular and semibold at the element's size. Each other
 * size or weight is one more face the browser sets up on the first paint, which in Chromium on
 * Linux waits on the browser process (docs/PERFORMANCE.md, "Two font faces instead of five").
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../../support/wait.js';
import '../../../src/define.js';
import type { InvoiceTable } from '../../../src/components/invoice-table/invoice-table.js';
import { FakeBackend, TODAY, rowsLoaded, sampleInvoices, showControls } from './helpers.js';

/** The faces (style, weight, size, family) of every text in the element's shadow root, each
 * with where it is used. */
function faces(el: InvoiceTable): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const note = (style: CSSStyleDeclaration, where: string) => {
    const key = [style.fontStyle, style.fontWeight, style.fontSize, style.fontFamily].join(' ');
    found.set(key, [...(found.get(key) ?? []), where]);
  };
  for (const node of el.shadowRoot!.querySelectorAll<HTMLElement>('*')) {
    const style = getComputedStyle(node);
    if (style.display === 'none') continue;
    const text = [...node.childNodes].some(
      (child) => child.nodeType === Node.TEXT_NODE && child.textContent!.trim() !== '',
    );
    const where = `${node.localName}.${node.className || node.getAttribute('part') || ''}`;
    if (text || node.localName === 'input' || node.localName === 'select') note(style, where);
    const before = getComputedStyle(node, '::before');
    if (before.content !== 'none' && before.content !== '""' && before.content !== 'normal') {
      note(before, `${where}::before`);
    }
  }
  return found;
}

/** Every face is the host's size in the regular or the semibold weight. */
function expectTwoFaces(el: InvoiceTable): void {
  const size = getComputedStyle(el.shadowRoot!.querySelector('.root')!).fontSize;
  const found = faces(el);
  const odd = [...found]
    .map(([key, where]) => [key, where[0]])
    .filter(([key]) => !/^normal (400|600) /.test(key) || !key.includes(` ${size} `));
  expect(odd, `faces other than ${size} regular or semibold`).to.deep.equal([]);
  const weights = new Set([...found.keys()].map((key) => key.split(' ')[1]));
  expect([...weights].sort()).to.deep.equal(['400', '600']);
}

async function mount(width: string): Promise<InvoiceTable> {
  const el = await fixture<InvoiceTable>(
    html`<invoice-table
      lang="en"
      style="inline-size: ${width}"
      .backend=${new FakeBackend(sampleInvoices())}
      .today=${TODAY}
    ></invoice-table>`,
  );
  await rowsLoaded(el);
  return el;
}

describe('<invoice-table> font faces', () => {
  it('draws its first rows, headers, badges and toolbar in two faces', async () => {
    const el = await mount('1200px');
    // A status badge and a sort arrow are among what is drawn.
    expect(el.shadowRoot!.querySelector('[part="status-badge"]')).to.not.equal(null);
    expect(el.shadowRoot!.querySelector('.sort-icon')).to.not.equal(null);
    expectTwoFaces(el);
  });

  it('keeps to the two faces with the period and filter controls shown', async () => {
    const el = await mount('1200px');
    await showControls(el);
    expect(el.shadowRoot!.querySelector('select')).to.not.equal(null);
    expectTwoFaces(el);
  });

  it('keeps to the two faces in the stacked layout, column names included', async () => {
    const el = await mount('320px');
    const cell = () => el.shadowRoot!.querySelector('.narrow .body [data-col="documentId"]');
    await waitUntil(
      () => cell() && getComputedStyle(cell()!, '::before').content.startsWith('"'),
      'the stacked layout, its column names',
    );
    const used = [...faces(el).values()].flat();
    expect(used.filter((where) => where.endsWith('::before')).length).to.be.greaterThan(5);
    expectTwoFaces(el);
  });

  it('follows the host size: a larger --inv-font-size is still two faces', async () => {
    const el = await mount('1200px');
    el.style.setProperty('--inv-font-size', '18px');
    await el.updateComplete;
    expect(getComputedStyle(el.shadowRoot!.querySelector('.root')!).fontSize).to.equal('18px');
    expectTwoFaces(el);
  });
});
