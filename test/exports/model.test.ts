import { expect } from '@open-wc/testing';
import { convertAmounts } from '../../src/core/conversion.js';
import { detailedCsv, invoiceCsv } from '../../src/exports/csv.js';
import { buildDocumentModel, convertInvoice, rateFor } from '../../src/exports/model.js';
import { documentInvoice, expectedInBrl, LABELS, spaced, type Lang } from './document.fixture.js';
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
    // The one rate statement (core/conversion.ts): which way it converts, source, day.
    expect(brl.get('Exchange rate')).to.equal('1 USD = 5.4321 BRL (ECB, Oct 31, 2026)');
    const usd = new Map(buildDocumentModel(fixtureInvoice()).facts);
    expect(usd.has('Exchange rate')).to.equal(false);
  });
});

describe('exports: the invoice document (issue 18)', () => {
  const model = (lang: Lang, overrides = {}, currency = 'BRL') =>
    buildDocumentModel(documentInvoice(overrides), {
      currency,
      locale: lang,
      labels: LABELS[lang],
    });
  const texts = (m: ReturnType<typeof buildDocumentModel>) =>
    JSON.parse(spaced(JSON.stringify(m))) as ReturnType<typeof buildDocumentModel>;

  for (const lang of ['en', 'pt-BR', 'es'] as const) {
    it(`has the issuer, the billing block, dates, terms, rate, totals and amount due in ${lang}`, () => {
      const m = texts(model(lang));
      const x = expectedInBrl(lang);
      expect(m.lang).to.equal(lang);
      expect(m.issuer).to.deep.equal([
        'Nuvem Revenda Ltda.',
        'Av. Paulista, 1000',
        '01310-100 São Paulo SP',
        x.issuerTaxId,
        'billing@nuvem.example',
        '+55 11 4000-0000',
        'https://nuvem.example',
      ]);
      expect(m.billToTitle).to.equal(x.labels.billTo);
      expect(m.billTo).to.deep.equal([
        'Contoso Ltda.',
        x.customerId,
        'Rua das Flores, 12',
        '20000-000 Rio de Janeiro RJ',
        x.customerTaxId,
      ]);
      const facts = new Map(m.facts);
      expect(facts.get(x.labels.issueDate)).to.equal(x.issueDate);
      expect(facts.get(x.labels.dueDate)).to.equal(x.dueDate);
      expect(facts.get(x.labels.paymentTerms)).to.equal(x.net30);
      expect(m.facts.map(([, v]) => v)).to.include(x.rate);
      expect(m.totals.map(([, v]) => v)).to.deep.equal([x.subtotal, x.tax, x.total, x.paid]);
      expect(m.totals[3][0]).to.equal(x.labels.amountPaid);
      expect(m.amountDue).to.deep.equal([x.labels.amountDue, x.due]);
      expect(m.paymentInstructions).to.deep.equal([
        x.labels.instructions,
        'Bank transfer to IBAN XX00 1234 5678, reference INV-2026-0042.',
      ]);
      expect(m.watermark).to.equal(undefined);
    });
  }

  it('groups and subtotals the lines as the viewer does, with the unit price the data has', () => {
    const m = texts(model('en', {}, 'USD'));
    const x = expectedInBrl('en');
    expect(
      m.rows.map((r) =>
        r.kind === 'line'
          ? r.cells[0]
          : r.kind === 'group'
            ? `[${r.label}]`
            : `${r.label} ${r.amount}`,
      ),
    ).to.deep.equal([
      '[Azure plan]',
      'AZ-VM-D2',
      'AZ-CREDIT',
      'Subtotal Azure plan $1,237.50',
      '[Storage]',
      'AZ-STORAGE',
      'AZ-EGRESS',
      `${x.labels.storageSubtotal} $0.17`,
    ]);
    const egress = m.rows.find((r) => r.kind === 'line' && r.cells[0] === 'AZ-EGRESS');
    expect(egress).to.deep.equal({
      kind: 'line',
      cells: ['AZ-EGRESS', 'Data transfer out', '1,000', '$0.000123', '$0.12', '$0.00'],
    });
    // Without the decimal, the rounded unit price; a decimal always has the currency's digits.
    const vm = m.rows.find((r) => r.kind === 'line' && r.cells[0] === 'AZ-VM-D2');
    expect(vm?.kind === 'line' && vm.cells[3]).to.equal('$125.00');
    const cents = texts(
      model('en', { lines: [{ ...documentInvoice().lines[0], unitPriceDecimal: '0.02' }] }, 'USD'),
    );
    expect(cents.rows.map((r) => (r.kind === 'line' ? r.cells[3] : ''))).to.include('$0.02');
  });

  it('converts the precise unit price with the rate, and the subtotals in the display currency', () => {
    for (const lang of ['en', 'pt-BR', 'es'] as const) {
      const m = texts(model(lang));
      const x = expectedInBrl(lang);
      const cells = m.rows.flatMap((r) => (r.kind === 'line' ? [r.cells] : []));
      expect(cells.find((c) => c[0] === 'AZ-EGRESS')?.[3], lang).to.equal(x.egressUnitPrice);
      const subtotals = m.rows.flatMap((r) => (r.kind === 'subtotal' ? [r.amount] : []));
      expect(subtotals, lang).to.deep.equal([x.azureSubtotal, x.storageSubtotal]);
    }
  });

  it("takes the backend's amount due (converted), else the total less what was paid", () => {
    // 300.00 USD × 5.4321 = 1629.63 BRL.
    const given = texts(model('en', { amountDue: { minor: 30000, currency: 'USD' } }));
    expect(given.amountDue[1]).to.equal('R$1,629.63');
    const unpaid = texts(model('en', { amountPaid: undefined }, 'USD'));
    expect(unpaid.totals).to.have.length(3);
    expect(unpaid.amountDue).to.deep.equal(['Amount due', '$1,361.43']);
    expect(texts(model('en', {}, 'USD')).amountDue[1]).to.equal('$361.43');
    // Amounts in another currency than the invoice's are not used (they would be mislabelled).
    const euros = texts(
      model(
        'en',
        { amountPaid: { minor: 100, currency: 'EUR' }, amountDue: { minor: 5, currency: 'EUR' } },
        'USD',
      ),
    );
    expect(euros.totals).to.have.length(3);
    expect(euros.amountDue[1]).to.equal('$1,361.43');
  });

  it('falls back to the day the invoice was generated, and writes terms of 0 days as due on receipt', () => {
    const m = model('en', { issueDate: undefined, paymentTermsDays: 0, dueDate: undefined });
    const facts = new Map(m.facts);
    const generated = new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(
      new Date('2026-11-01T08:00:00Z'),
    );
    expect(facts.get('Issue date')).to.equal(generated);
    expect(facts.get('Payment terms')).to.equal('Due on receipt');
    expect(facts.has('Due date')).to.equal(false);
  });

  it('leaves out what the invoice does not have: issuer, instructions, terms, tax IDs', () => {
    const m = buildDocumentModel(fixtureInvoice());
    expect(m.issuer).to.equal(undefined);
    expect(m.paymentInstructions).to.equal(undefined);
    expect(m.billTo).to.deep.equal(['Contoso Ltda.', 'Customer ID: cus-7']);
    expect(new Map(m.facts).has('Payment terms')).to.equal(false);
  });

  it('has the watermark of a DRAFT or VOID invoice in its language, none otherwise', () => {
    const word = (status: string, lang: Lang) => model(lang, { status }).watermark;
    expect(word('DRAFT', 'en')).to.equal('DRAFT');
    expect(word('VOID', 'en')).to.equal('VOID');
    expect(word('DRAFT', 'pt-BR')).to.equal('RASCUNHO');
    expect(word('VOID', 'pt-BR')).to.equal('ANULADA');
    expect(word('DRAFT', 'es')).to.equal('BORRADOR');
    expect(word('VOID', 'es')).to.equal('ANULADA');
    for (const status of ['OPEN', 'CLOSED', 'SOMETHING_NEW']) {
      expect(word(status, 'en'), status).to.equal(undefined);
    }
  });

  it('never writes a malformed precise unit price: the rounded one instead', () => {
    const [vm] = documentInvoice().lines;
    for (const bad of ['1e-7', '0.0000001', 'abc', '', '1,5']) {
      const m = model('en', { lines: [{ ...vm, unitPriceDecimal: bad }] }, 'USD');
      const row = m.rows.find((r) => r.kind === 'line');
      expect(row?.kind === 'line' && row.cells[3], bad).to.equal('$125.00');
    }
  });

  it('still refuses a draft for the customer', () => {
    expect(() =>
      buildDocumentModel(documentInvoice({ status: 'DRAFT' }), { audience: 'customer' }),
    ).to.throw(/cannot be exported/);
  });
});
