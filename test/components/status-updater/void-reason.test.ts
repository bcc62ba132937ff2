/**
 * A reason for VOID (issue 25): the status dialog asks for it (required when the invoice says
 * `voidReasonRequired`, optional otherwise), sends it, and the operator's history in the viewer
 * shows it; the customer never sees it. In en, pt-BR and es.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/define.js';
import type { StatusUpdater } from '../../../src/components/status-updater/status-updater.js';
import type { InvoiceViewer } from '../../../src/components/invoice-viewer/invoice-viewer.js';
import type { InvoiceStatusChangeRequestDetail } from '../../../src/components/status-updater/status-updater.events.js';
import type { Invoice } from '../../../src/core/types.js';
import { loadLocale } from '../../../src/i18n/loader.js';
import { waitUntil } from '../../support/wait.js';
import {
  backendWith,
  badgeText,
  dialog,
  makeInvoice,
  openDialog,
  part,
  shadow,
  text,
  type RecordingBackend,
} from './helpers.js';

const open = (overrides: Partial<Invoice> = {}) =>
  makeInvoice({ id: 'inv-v', documentId: 'DOC-V', status: 'OPEN', version: 'v1', ...overrides });

async function given(
  invoice: Invoice,
  lang = 'en',
): Promise<{ el: StatusUpdater; backend: RecordingBackend }> {
  if (lang !== 'en') await loadLocale(lang as 'pt-BR' | 'es');
  const backend = backendWith([invoice]);
  const el = await fixture<StatusUpdater>(
    html`<status-updater lang=${lang} .backend=${backend} .invoice=${invoice}></status-updater>`,
  );
  await el.updateComplete;
  return { el, backend };
}

const reasonField = (el: StatusUpdater) => part<HTMLTextAreaElement>(el, 'reason');
const labelOf = (el: StatusUpdater, field: HTMLElement) =>
  text(shadow(el).querySelector(`label[for="${field.id}"]`));
const descriptionOf = (el: StatusUpdater, field: HTMLElement) =>
  (field.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => text(shadow(el).getElementById(id)))
    .join(' ');

async function pressOk(el: StatusUpdater): Promise<void> {
  part<HTMLButtonElement>(el, 'confirm-button')!.focus();
  await sendKeys({ press: 'Enter' });
  await el.updateComplete;
}

describe('<status-updater> a reason for VOID', () => {
  const languages = [
    {
      lang: 'en',
      label: 'Reason (required)',
      missing: 'Enter a reason to void this invoice.',
      status: 'Void',
    },
    {
      lang: 'pt-BR',
      label: 'Motivo (obrigatório)',
      missing: 'Informe um motivo para anular esta fatura.',
      status: 'Anulado',
    },
    {
      lang: 'es',
      label: 'Motivo (obligatorio)',
      missing: 'Indique un motivo para anular esta factura.',
      status: 'Anulada',
    },
  ];
  for (const { lang, label, missing, status } of languages) {
    it(`${lang}: required: focused, refused empty with a message, then sent`, async () => {
      const { el, backend } = await given(open({ voidReasonRequired: true }), lang);
      await openDialog(el, 'VOID');
      const field = reasonField(el)!;
      expect(labelOf(el, field)).to.equal(label);
      expect(field.required).to.equal(true);
      expect(shadow(el).activeElement).to.equal(field);

      await pressOk(el);
      expect(dialog(el).open, 'the dialog stays open').to.equal(true);
      expect(field.getAttribute('aria-invalid')).to.equal('true');
      expect(descriptionOf(el, field)).to.contain(missing);
      await waitUntil(() => shadow(el).activeElement === field, 'the focus back on the field');
      expect(backend.updates).to.deep.equal([]);

      await sendKeys({ type: '  Billed twice ' });
      await pressOk(el);
      await waitUntil(() => backend.updates.length === 1, 'the update');
      expect(backend.updates[0]).to.include({ to: 'VOID', reason: 'Billed twice' });
      await waitUntil(() => badgeText(el).includes(status), 'the new status');
    });
  }

  it('has no axe violations with the required reason and its error shown', async () => {
    const { el } = await given(open({ voidReasonRequired: true }));
    await openDialog(el, 'VOID');
    await pressOk(el);
    expect(part(el, 'reason-error')).to.not.equal(null);
    await expect(el).to.be.accessible();
  });

  it('optional otherwise: Cancel keeps the focus, an empty reason is not sent, a given one is', async () => {
    const { el, backend } = await given(open());
    const requests: InvoiceStatusChangeRequestDetail[] = [];
    el.addEventListener('invoice-status-change-request', (e) => requests.push(e.detail));
    await openDialog(el, 'VOID');
    const field = reasonField(el)!;
    expect(labelOf(el, field)).to.equal('Reason (optional)');
    expect(field.required).to.equal(false);
    expect(shadow(el).activeElement).to.equal(part(el, 'cancel-button'));
    await pressOk(el);
    await waitUntil(() => backend.updates.length === 1, 'the update');
    expect(backend.updates[0]).to.not.have.property('reason');
    expect(requests[0]).to.not.have.property('reason');

    const second = await given(open({ id: 'inv-w' }));
    await openDialog(second.el, 'VOID');
    reasonField(second.el)!.focus();
    await sendKeys({ type: 'Customer left' });
    second.el.addEventListener('invoice-status-change-request', (e) => requests.push(e.detail));
    await pressOk(second.el);
    await waitUntil(() => second.backend.updates.length === 1, 'the update');
    expect(second.backend.updates[0]!.reason).to.equal('Customer left');
    expect(requests[1]!.reason).to.equal('Customer left');
  });

  it('asks nothing for another target (CLOSED)', async () => {
    const { el } = await given(open({ voidReasonRequired: true }));
    await openDialog(el, 'CLOSED');
    expect(reasonField(el)).to.equal(null);
  });
});

describe('<invoice-viewer> history: the reason of a VOID', () => {
  const voided = open({
    status: 'VOID',
    history: [
      { from: 'DRAFT', to: 'OPEN', at: '2026-11-01T10:00:00Z', by: 'Ana', notified: true },
      {
        from: 'OPEN',
        to: 'VOID',
        at: '2026-11-05T10:00:00Z',
        by: 'Ana',
        notified: false,
        reason: 'Billed twice for October',
      },
    ],
  });

  async function viewer(audience: string, lang = 'en'): Promise<InvoiceViewer> {
    if (lang !== 'en') await loadLocale(lang as 'pt-BR' | 'es');
    const el = await fixture<InvoiceViewer>(
      html`<invoice-viewer
        lang=${lang}
        audience=${audience}
        open-sections="history"
        .invoice=${voided}
      ></invoice-viewer>`,
    );
    await waitUntil(() => el.shadowRoot!.querySelector('.history-table'), 'the history');
    return el;
  }

  const cells = (el: InvoiceViewer) => {
    const table = el.shadowRoot!.querySelector('.history-table')!;
    const head = [...table.querySelectorAll('th')].map((th) => text(th));
    const rows = [...table.querySelectorAll('tbody tr')].map((tr) =>
      [...tr.querySelectorAll('td')].map((td) => text(td)),
    );
    return rows.map((r) => Object.fromEntries(head.map((h, i) => [h, r[i]])));
  };

  for (const [lang, column] of [
    ['en', 'Reason'],
    ['pt-BR', 'Motivo'],
    ['es', 'Motivo'],
  ] as const) {
    it(`${lang}: the operator sees it in the "${column}" column`, async () => {
      const el = await viewer('operator', lang);
      const rows = cells(el);
      expect(rows[1]![column]).to.equal('Billed twice for October');
      expect(rows[0]![column]).to.equal('');
    });
  }

  it('the customer never sees it', async () => {
    const el = await viewer('customer');
    expect(el.shadowRoot!.textContent).to.not.contain('Billed twice');
    expect(Object.keys(cells(el)[0]!)).to.not.include('Reason');
    await expect(el).to.be.accessible();
  });
});
