/**
 * The full value still available to copy (issue 21; docs/RULES.md, Limits): next to a server
 * value the viewer clipped, and only there, a "Copy the full text" button copies the value as
 * sent and announces it; a failing clipboard is announced too.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/define.js';
import type { InvoiceViewer } from '../../../src/components/invoice-viewer/invoice-viewer.js';
import type { Audience, Invoice } from '../../../src/core/types.js';
import { hostileInvoice } from '../../support/fixtures.js';
import { waitUntil } from '../../support/wait.js';
import { backendWith, makeInvoice, parts, root, text } from './helpers.js';

/** Longer than every display maximum (TEXT_MAX is 500); one letter per field. */
const full = (letter: string) => `${letter}${'x'.repeat(599)}`;

/** Every free-text field clipped, each with its own full value. */
function clippedInvoice(): Invoice {
  const base = hostileInvoice(full('Z'), 1);
  return {
    ...base,
    documentId: full('D'),
    customer: { ...base.customer, name: full('C') },
    provider: { ...base.provider, name: full('P') },
    lines: [{ ...base.lines[0]!, sku: full('S'), description: full('T'), group: full('G') }],
    customFields: [{ key: 'k', label: full('L'), value: full('V') }],
    history: [{ ...base.history[0]!, by: full('B') }],
  };
}

async function viewer(invoice: Invoice, audience: Audience = 'operator', lang = 'en') {
  const el = await fixture<InvoiceViewer>(
    html`<invoice-viewer
      lang=${lang}
      .invoice=${invoice}
      .backend=${backendWith([invoice])}
      audience=${audience}
      open-sections="summary lines totals custom-fields history"
    ></invoice-viewer>`,
  );
  await el.updateComplete;
  return el;
}

/** The clipped value a Copy button follows: its `<bdi>`, or the one in the heading before it. */
const valueBefore = (b: Element) => {
  const before = b.previousElementSibling;
  return before?.matches('bdi') ? before : (before?.querySelector('bdi') ?? null);
};

const live = (el: InvoiceViewer) => text(root(el).querySelector('[role="status"].live'));

/** `navigator.clipboard.writeText` replaced on the instance; `restore` puts it back. */
function stubClipboard(result: 'resolve' | 'reject' | 'missing') {
  const calls: string[] = [];
  const target = result === 'missing' ? navigator : navigator.clipboard;
  const key = result === 'missing' ? 'clipboard' : 'writeText';
  const value =
    result === 'missing'
      ? undefined
      : (data: string) => {
          calls.push(data);
          return result === 'resolve'
            ? Promise.resolve()
            : Promise.reject(new DOMException('denied', 'NotAllowedError'));
        };
  Object.defineProperty(target, key, { configurable: true, value });
  return { calls, restore: () => delete (target as unknown as Record<string, unknown>)[key] };
}

describe('<invoice-viewer> the full value of a clipped text (docs/RULES.md, Limits)', () => {
  let clipboard: ReturnType<typeof stubClipboard> | undefined;
  afterEach(() => {
    clipboard?.restore();
    clipboard = undefined;
  });

  it('shows a "Copy the full text" button next to each clipped value, and only there', async () => {
    const el = await viewer(clippedInvoice());
    const buttons = parts<HTMLButtonElement>(el, 'copy-full');
    const fields = buttons.map((b) => text(valueBefore(b)).charAt(0)).join('');
    expect(fields).to.equal('DCPGSTLVB');
    for (const b of buttons) {
      expect(b.tagName).to.equal('BUTTON');
      expect(text(b)).to.equal('Copy the full text');
      expect(b.getAttribute('aria-label')).to.equal(null);
      expect(text(valueBefore(b))).to.match(/…$/);
    }
  });

  it("keeps the document ID's button out of the heading, so the heading's name is the ID", async () => {
    const el = await viewer(clippedInvoice());
    const heading = parts(el, 'document-id')[0]!;
    expect(heading.tagName).to.equal('H2');
    expect(heading.querySelector('button')).to.equal(null);
    expect(text(heading)).to.match(/^Document ID Dx+…$/);
    const button = parts<HTMLButtonElement>(el, 'copy-full')[0]!;
    expect(button.previousElementSibling).to.equal(heading);
  });

  it('shows none for values within their maximum', async () => {
    const el = await viewer(
      makeInvoice({ customFields: [{ key: 'k', label: 'PO', value: 'x'.repeat(500) }] }),
    );
    expect(parts(el, 'copy-full')).to.have.length(0);
  });

  it('copies the full value as sent and announces "Copied"', async () => {
    const invoice = clippedInvoice();
    const el = await viewer(invoice);
    clipboard = stubClipboard('resolve');
    const buttons = parts<HTMLButtonElement>(el, 'copy-full');
    for (const b of buttons) b.click();
    await waitUntil(() => clipboard!.calls.length === buttons.length);
    expect(clipboard.calls.map((c) => c.charAt(0)).join('')).to.equal('DCPGSTLVB');
    expect(clipboard.calls[0]).to.equal(invoice.documentId);
    expect(clipboard.calls[5]).to.equal(invoice.lines[0]!.description);
    await waitUntil(() => live(el) === 'Copied', 'announced');
  });

  it('works from the keyboard (Enter and Space)', async () => {
    const el = await viewer(clippedInvoice());
    clipboard = stubClipboard('resolve');
    const [first, second] = parts<HTMLButtonElement>(el, 'copy-full');
    first!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => clipboard!.calls.length === 1);
    expect(clipboard.calls[0]).to.equal(full('D'));
    second!.focus();
    await sendKeys({ press: ' ' });
    await waitUntil(() => clipboard!.calls.length === 2);
    expect(clipboard.calls[1]).to.equal(full('C'));
    await waitUntil(() => live(el) === 'Copied', 'announced');
  });

  for (const failure of ['reject', 'missing'] as const) {
    it(`announces a clipboard that ${failure === 'reject' ? 'refuses' : 'is missing'}`, async () => {
      const el = await viewer(clippedInvoice());
      clipboard = stubClipboard(failure);
      parts<HTMLButtonElement>(el, 'copy-full')[0]!.click();
      await waitUntil(
        () => live(el) === 'Could not copy. The downloads have the full text.',
        'failure announced',
      );
    });
  }

  it('the customer has it too, without the operator-only author', async () => {
    const el = await viewer(clippedInvoice(), 'customer');
    const buttons = parts<HTMLButtonElement>(el, 'copy-full');
    expect(buttons.map((b) => text(b.previousElementSibling).charAt(0)).join('')).to.equal(
      'DCPGSTLV',
    );
    clipboard = stubClipboard('resolve');
    buttons[0]!.click();
    await waitUntil(() => clipboard!.calls.length === 1);
    expect(clipboard.calls[0]).to.equal(full('D'));
    await waitUntil(() => live(el) === 'Copied', 'announced');
  });

  for (const [lang, name, copied] of [
    ['pt-BR', 'Copiar o texto completo', 'Copiado'],
    ['es', 'Copiar el texto completo', 'Copiado'],
  ] as const) {
    it(`is named and announced in ${lang}`, async () => {
      const el = await viewer(clippedInvoice(), 'operator', lang);
      await waitUntil(() => text(parts(el, 'copy-full')[0]) === name, `named in ${lang}`);
      clipboard = stubClipboard('resolve');
      parts<HTMLButtonElement>(el, 'copy-full')[0]!.click();
      await waitUntil(() => live(el) === copied, 'announced');
    });
  }
});
