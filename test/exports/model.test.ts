import { expect } from '@open-wc/testing';
import { convertAmounts } from '../../src/core/conversion.js';
import { detailedCsv, invoiceCsv } from '../../src/exports/csv.js';
import { buildDocumentModel, convertInvoice, rateFor } from '../../src/exports/model.js';
import { fixtureInvoice } from './fixtures.js';

describe('exports: the conversion model', () => {
  it('converts with the core model the viewer uses', () => {
    const invoice = fixtureInvoice();
    const converted = convertInvoice(invoice, 'BRL');
    const core = convertAmounts(invoice, 'BRL')!;
    expect(converted.rate).to.equal(5.4321);
    expect(converted.lines.map((l) => l.amount)).to.deep.equal(core.amounts);
    expect(converted.lines.map((l) => l.tax)).to.deep.equal(core.taxes);
    expect(converted.lines.map((l) => l.unitPrice.minor)).to.deep.equal([67901, 54, -6790]);
    expect([converted.subtotal, converted.taxTotal, converted.total]).to.deep.equal([
      core.subtotal,
      core.taxTotal,
      core.total,
    ]);
  });

  it('gives the rate, 1 in the invoice currency', () => {
    expect(rateFor(fixtureInvoice(), 'USD')).to.equal(1);
    expect(rateFor(fixtureInvoice(), 'BRL')).to.equal(5.4321);
  });

  it('refuses a currency the invoice has no rate for, never guessing one', () => {
    const invoice = fixtureInvoice();
    expect(() => rateFor(invoice, 'EUR')).to.throw(RangeError, /EUR is not a currency/);
    expect(() => convertInvoice(invoice, 'EUR')).to.throw(RangeError, /EUR is not a currency/);
    expect(() => invoiceCsv(invoice, { currency: 'EUR' })).to.throw(RangeError);
    expect(() => detailedCsv(invoice, { currency: 'EUR' })).to.throw(RangeError);
    expect(() => buildDocumentModel(invoice, { currency: 'EUR' })).to.throw(RangeError);
  });

  it('refuses a rate that does not convert', () => {
    const invoice = fixtureInvoice({ currencies: [{ currency: 'BRL', rate: 0 }] });
    expect(() => convertInvoice(invoice, 'BRL')).to.throw(RangeError, /does not convert/);
    expect(() => invoiceCsv(invoice, { currency: 'BRL' })).to.throw(RangeError);
    expect(() => buildDocumentModel(invoice, { currency: 'BRL' })).to.throw(RangeError);
    expect(convertInvoice(invoice).total).to.deep.equal({ minor: 136131, currency: 'USD' });
  });

  it("states the rate used in the document's facts, none in the invoice currency", () => {
    const brl = new Map(buildDocumentModel(fixtureInvoice(), { currency: 'BRL' }).facts);
    expect(brl.get('Exchange rate')).to.equal('1 USD = 5.4321 BRL (2026-10-31, ECB)');
    const usd = new Map(buildDocumentModel(fixtureInvoice()).facts);
    expect(usd.has('Exchange rate')).to.equal(false);
  });
});
