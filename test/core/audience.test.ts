import { expect } from '@open-wc/testing';
import { forAudience } from '../../src/core/audience.js';
import { parseInvoice } from '../../src/core/validate.js';
import { BackendError } from '../../src/core/errors.js';
import { DOCUMENT_INVOICE_KEYS, invoiceWithDocumentFields, money } from '../support/fixtures.js';
import { INTERNAL_FIELD, INTERNAL_LINE, STAFF, auditedInvoice } from './audience.fixture.js';

describe('forAudience (docs/RULES.md, Audiences, field by field)', () => {
  it('gives the operator the whole invoice, the same object', () => {
    const invoice = auditedInvoice();
    expect(forAudience(invoice, 'operator')).to.equal(invoice);
  });

  it('drops internal custom fields for the customer', () => {
    const view = forAudience(auditedInvoice(), 'customer');
    expect(view.customFields.map((f) => f.label)).to.deep.equal(['PO number']);
    expect(JSON.stringify(view)).to.not.include(INTERNAL_FIELD.value);
  });

  it('drops operator-only lines for the customer, and no total changes', () => {
    const invoice = auditedInvoice();
    const view = forAudience(invoice, 'customer');
    expect(view.lines.map((l) => l.sku)).to.deep.equal(['SKU-VISIBLE']);
    expect(JSON.stringify(view)).to.not.include(INTERNAL_LINE.description);
    expect(view.total).to.deep.equal(invoice.total);
  });

  it('keeps only history between statuses the customer sees, without author or notification', () => {
    const view = forAudience(auditedInvoice(), 'customer');
    expect(view.history).to.deep.equal([
      { from: 'OPEN', to: 'CLOSED', at: '2026-11-20T10:00:00.000Z', by: '', notified: false },
    ]);
    expect(JSON.stringify(view)).to.not.include(STAFF);
    expect(JSON.stringify(view)).to.not.include('DRAFT');
  });

  it('drops history to or from a status this version does not know', () => {
    const view = forAudience(
      auditedInvoice({
        history: [
          { from: 'OPEN', to: 'DISPUTED', at: '2026-11-03T00:00:00Z', by: STAFF, notified: true },
        ],
      }),
      'customer',
    );
    expect(view.history).to.deep.equal([]);
  });

  it('shows the customer every invoice-document field (issue 18): all are for who pays', () => {
    const invoice = invoiceWithDocumentFields({
      lines: [
        { ...invoiceWithDocumentFields().lines[1]!, visibility: 'internal' },
        {
          ...invoiceWithDocumentFields().lines[2]!,
          id: 'free',
          visibility: 'internal',
          amount: money(0),
          tax: money(0),
        },
      ],
    });
    const view = forAudience(invoice, 'customer');
    for (const key of [...DOCUMENT_INVOICE_KEYS, 'dueDate'] as const) {
      expect(view[key], key).to.deep.equal(invoice[key]);
    }
    expect(view.customer).to.deep.equal(invoice.customer);
    expect(view.customer.address).to.have.length(4);
    // An internal line with money is a charge: shown, with its decimal price and tax rate.
    expect(view.lines).to.have.length(1);
    expect(view.lines[0]!.unitPriceDecimal).to.equal('0.0230');
    expect(view.lines[0]!.taxRate).to.equal(0.1);
    // An internal line without money is not, nor its prices.
    expect(JSON.stringify(view)).not.to.include('0.000123');
  });

  it('leaves the given invoice untouched and returns one copy per invoice', () => {
    const invoice = auditedInvoice();
    const view = forAudience(invoice, 'customer');
    expect(forAudience(invoice, 'customer')).to.equal(view);
    expect(invoice.lines).to.have.length(2);
    expect(invoice.history[0].by).to.equal(STAFF);
  });
});

describe('visibility in payloads (core/validate.ts)', () => {
  it('keeps customer and internal, reads any other text as internal, omits an absent one', () => {
    const parsed = parseInvoice({
      ...auditedInvoice(),
      customFields: [
        { key: 'a', label: 'A', value: '1', visibility: 'customer' },
        { key: 'b', label: 'B', value: '2', visibility: 'staff-only' },
        { key: 'c', label: 'C', value: '3' },
      ],
    });
    expect(parsed.customFields.map((f) => f.visibility)).to.deep.equal([
      'customer',
      'internal',
      undefined,
    ]);
    expect('visibility' in parsed.customFields[2]).to.equal(false);
    expect(parsed.lines.map((l) => l.visibility)).to.deep.equal([undefined, 'internal']);
  });

  it('shows the customer an internal line that carries money: a charge is never hidden', () => {
    const invoice = auditedInvoice();
    const [visible, note] = invoice.lines;
    const charged = { ...visible, id: 'c1', sku: 'SKU-CHARGED', visibility: 'internal' as const };
    const taxed = { ...note, id: 't1', sku: 'SKU-TAXED', tax: { minor: 1, currency: 'USD' } };
    const view = forAudience({ ...invoice, lines: [visible, note, charged, taxed] }, 'customer');
    expect(view.lines.map((l) => l.sku)).to.deep.equal(['SKU-VISIBLE', 'SKU-CHARGED', 'SKU-TAXED']);
  });

  it('refuses a visibility that is not text', () => {
    const invoice = auditedInvoice();
    expect(() =>
      parseInvoice({
        ...invoice,
        customFields: [{ key: 'a', label: 'A', value: '1', visibility: 1 }],
      }),
    ).to.throw(BackendError);
  });
});
