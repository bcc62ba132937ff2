import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/define.js';
import type { StatusUpdater } from '../../../src/components/status-updater/status-updater.js';
import type { Invoice } from '../../../src/core/types.js';
import { backendWith, makeInvoice, notifyToggle, openDialog, shadow, text } from './helpers.js';

async function given(invoice: Invoice): Promise<StatusUpdater> {
  return fixture<StatusUpdater>(
    html`<status-updater lang="en" .backend=${backendWith([invoice])} .invoice=${invoice}>
    </status-updater>`,
  );
}

/** The open modal, found by its role, and its text. */
function openModal(el: StatusUpdater): { dialog: Element; body: string; description: string } {
  const dialog = [...shadow(el).querySelectorAll('dialog, [role="dialog"]')].find(
    (d) => (d as HTMLDialogElement).open,
  )!;
  const described = shadow(el).getElementById(dialog.getAttribute('aria-describedby') ?? '');
  return { dialog, body: text(dialog), description: text(described) };
}

describe('<status-updater> confirmation names what it changes', () => {
  const invoice = makeInvoice({
    status: 'DRAFT',
    documentId: 'DOC-2026-0077',
    customer: { id: 'cus-9', name: 'Fabrikam S.A.', email: 'billing@fabrikam.example' },
    period: { from: '2026-09', to: '2026-10' },
  });

  it('states the document ID, customer, period and amount in its description', async () => {
    const el = await given(invoice);
    await openDialog(el, 'OPEN');
    const { description } = openModal(el);
    // 100.00 + 10.00 tax; September–October 2026 as formatPeriod writes it elsewhere.
    expect(description).to.contain(
      'Invoice \u2068DOC-2026-0077\u2069, \u2068Fabrikam S.A.\u2069, September',
    );
    expect(description).to.match(/September[^,]*October 2026, \$110\.00\./);
  });

  it('names the recipient of the notification when the adapter knows it', async () => {
    const el = await given(invoice);
    await openDialog(el, 'OPEN');
    const { body } = openModal(el);
    // Part of the switch's name: its label says who the e-mail goes to.
    expect(text(notifyToggle(el).closest('label'))).to.equal(
      'Send notification e-mail to the customer (\u2068billing@fabrikam.example\u2069)',
    );
    expect(body).to.contain(
      'Send notification e-mail to the customer (\u2068billing@fabrikam.example\u2069)',
    );
    await expect(el).to.be.accessible();
  });

  it('names no recipient when there is no e-mail', async () => {
    const el = await given({ ...invoice, customer: { id: 'cus-9', name: 'Fabrikam S.A.' } });
    await openDialog(el, 'OPEN');
    expect(openModal(el).body).to.not.contain('(');
  });

  it('speaks the language of the element', async () => {
    const el = await fixture<StatusUpdater>(
      html`<status-updater lang="pt-BR" .backend=${backendWith([invoice])} .invoice=${invoice}>
      </status-updater>`,
    );
    const { loadLocale } = await import('../../../src/i18n/loader.js');
    await loadLocale('pt-BR');
    await el.updateComplete;
    await openDialog(el, 'OPEN');
    const { body } = openModal(el);
    expect(body).to.contain('Fatura \u2068DOC-2026-0077\u2069, \u2068Fabrikam S.A.\u2069,');
    expect(body).to.contain(
      'Enviar e-mail de notificação ao cliente (\u2068billing@fabrikam.example\u2069)',
    );
  });
});
