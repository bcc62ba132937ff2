import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/define.js';
import type { InvoiceViewer } from '../../../src/components/invoice-viewer/invoice-viewer.js';
import type { Audience } from '../../../src/core/types.js';
import { OPERATOR_ONLY, SHARED, STAFF, auditedInvoice } from '../../core/audience.fixture.js';
import { backendWith, part, root, text, totalCell } from './helpers.js';

/** Every section open, so everything the viewer has is in the DOM and on screen. */
async function viewer(audience: Audience): Promise<InvoiceViewer> {
  const invoice = auditedInvoice();
  const el = await fixture<InvoiceViewer>(
    html`<invoice-viewer
      lang="en"
      .invoice=${invoice}
      .backend=${backendWith([invoice])}
      audience=${audience}
      open-sections="summary lines totals custom-fields history"
    ></invoice-viewer>`,
  );
  await el.updateComplete;
  return el;
}

/** All text of the viewer's shadow tree, shown or not, attributes included. */
function everything(el: InvoiceViewer): string {
  const attributes = [...root(el).querySelectorAll('*')].flatMap((n) =>
    [...n.attributes].map((a) => a.value),
  );
  return `${root(el).textContent ?? ''} ${attributes.join(' ')}`;
}

describe('<invoice-viewer> what each audience sees (docs/RULES.md, Audiences)', () => {
  for (const [what, pattern] of OPERATOR_ONLY) {
    it(`the customer never sees ${what}`, async () => {
      const el = await viewer('customer');
      expect(text(part(el, 'header'))).to.contain('DOC-AUD-1');
      expect(pattern.test(everything(el)), `found ${pattern}`).to.equal(false);
    });

    it(`the operator sees ${what}`, async () => {
      const el = await viewer('operator');
      expect(text(root(el).querySelector('article'))).to.match(pattern);
    });
  }

  it('the customer is not told the invoice is visible to the customer', async () => {
    const customer = await viewer('customer');
    expect(part(customer, 'visibility')).to.equal(null);
    expect(/visible to the customer/i.test(everything(customer))).to.equal(false);
    const operator = await viewer('operator');
    expect(text(part(operator, 'visibility'))).to.equal('Visible to the customer');
  });

  it('the customer sees the shared fields, the history between visible statuses, and the same totals', async () => {
    const el = await viewer('customer');
    const all = text(root(el).querySelector('article'));
    for (const s of SHARED) expect(all).to.contain(s);
    const history = root(el).querySelector('.history-table')!;
    const headers = [...history.querySelectorAll('th')].map((th) => text(th));
    expect(headers).to.deep.equal(['From', 'To', 'When']);
    const rows = [...history.querySelectorAll('tbody tr')].map((tr) =>
      [...tr.querySelectorAll('td')].slice(0, 2).map((td) => text(td)),
    );
    expect(rows).to.deep.equal([['Open', 'Closed']]);
    expect(totalCell(el, 'total')).to.equal('$110.00');
    await expect(el).to.be.accessible();
  });

  it('the operator sees who changed each status and whether the customer was notified', async () => {
    const el = await viewer('operator');
    const history = root(el).querySelector('.history-table')!;
    const rows = [...history.querySelectorAll('tbody tr')].map((tr) =>
      [...tr.querySelectorAll('td')].map((td) => text(td)),
    );
    expect(rows.map((r) => [r[0], r[1], r[3], r[4]])).to.deep.equal([
      ['Draft', 'Open', STAFF, 'No'],
      ['Open', 'Closed', STAFF, 'Yes'],
    ]);
  });
});
