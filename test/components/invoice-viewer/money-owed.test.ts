/**
 * Money owed in `<invoice-viewer>` (issue 25), in en, pt-BR and es: the amount paid and the
 * amount due (emphasised) in the totals section, and the Overdue badge after the status.
 * Expectations worked out by hand from the invoice below.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../../support/wait.js';
import '../../../src/define.js';
import { loadLocale } from '../../../src/i18n/loader.js';
import type { InvoiceViewer } from '../../../src/components/invoice-viewer/invoice-viewer.js';
import { makeInvoice, minorOf, part, parts, root, text, totalCell } from './helpers.js';

/** USD total 351.18 (helpers), 151.18 paid: 200.00 due on 1 November 2026. */
const owing = () =>
  makeInvoice({
    status: 'OPEN',
    dueDate: '2026-11-01',
    amountPaid: { minor: 15118, currency: 'USD' },
  });

const cell = (el: InvoiceViewer, which: 'paid' | 'due') =>
  text(root(el).querySelector(`[data-total="${which}"]`));

async function mount(lang: string, today: Date, currency = 'USD'): Promise<InvoiceViewer> {
  if (lang !== 'en') await loadLocale(lang);
  const el = await fixture<InvoiceViewer>(
    html`<invoice-viewer
      lang=${lang}
      currency=${currency}
      open-sections="summary totals"
      .today=${today}
      .invoice=${owing()}
    ></invoice-viewer>`,
  );
  await waitUntil(() => root(el).querySelector('[data-total="due"]'), 'the totals render');
  return el;
}

const EXPECTED = {
  en: { paid: ['Amount paid', '$151.18'], due: ['Amount due', '$200.00'], overdue: 'Overdue' },
  'pt-BR': {
    paid: ['Valor pago', 'US$ 151,18'],
    due: ['Valor a pagar', 'US$ 200,00'],
    overdue: 'Vencida',
  },
  es: {
    paid: ['Importe pagado', '151,18 US$'],
    due: ['Importe pendiente', '200,00 US$'],
    overdue: 'Vencida',
  },
} as const;

describe('<invoice-viewer> money owed (issue 25)', () => {
  for (const lang of ['en', 'pt-BR', 'es'] as const) {
    const x = EXPECTED[lang];
    it(`${lang}: paid and due in the totals (due emphasised), and the Overdue badge`, async () => {
      const el = await mount(lang, new Date(2026, 10, 15));
      const row = (which: string) =>
        root(el).querySelector(`[data-total="${which}"]`)!.closest('tr')!;
      expect(text(row('paid').querySelector('th'))).to.equal(x.paid[0]);
      expect(cell(el, 'paid')).to.equal(x.paid[1]);
      expect(text(row('due').querySelector('th'))).to.equal(x.due[0]);
      expect(cell(el, 'due')).to.equal(x.due[1]);
      expect(row('due').querySelector('td strong')).not.to.equal(null);
      expect(part(el, 'amount-due')).to.equal(row('due'));
      // After Total.
      const rows = [...root(el).querySelectorAll('.totals-table tr')];
      expect(rows.indexOf(row('due'))).to.equal(rows.length - 1);
      expect(parts(el, 'overdue-badge').map(text)).to.deep.equal([x.overdue]);
      // Read within the status group, after the status.
      expect(text(root(el).querySelector('.status'))).to.contain(x.overdue);
    });
  }

  it('shows no Overdue badge before the due date, nor once nothing is owed', async () => {
    const el = await mount('en', new Date(2026, 10, 1));
    expect(parts(el, 'overdue-badge')).to.deep.equal([]);
    el.today = new Date(2026, 10, 2);
    await el.updateComplete;
    expect(parts(el, 'overdue-badge').map(text)).to.deep.equal(['Overdue']);
    el.invoice = { ...owing(), amountDue: { minor: 0, currency: 'USD' } };
    await el.updateComplete;
    expect(parts(el, 'overdue-badge')).to.deep.equal([]);
    expect(cell(el, 'due')).to.equal('$0.00');
  });

  it('converts paid and due into the currency shown: due = total less paid', async () => {
    const el = await mount('en', new Date(2026, 10, 15), 'BRL');
    // 151.18 USD × 5.4321 = 755.90 + 65.3249 = 821.2249 BRL.
    expect(cell(el, 'paid')).to.equal('R$821.22');
    expect(minorOf(cell(el, 'due'))).to.equal(minorOf(totalCell(el, 'total')) - 82122);
  });
});
