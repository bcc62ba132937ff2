import { expect } from '@open-wc/testing';
import { generatePdf } from '../../src/exports/pdf.js';
import { documentInvoice, expectedInBrl, LABELS, spaced, type Lang } from './document.fixture.js';
import { longInvoice } from './fixtures.js';
import { pdfPages, pdfText } from './pdf-text.js';

/** The PDF's text, read back, with Intl's non-breaking spaces as spaces. */
const textOf = async (blob: Blob): Promise<string[]> => (await pdfText(blob)).map(spaced);
const pagesOf = async (blob: Blob): Promise<string[][]> =>
  (await pdfPages(blob)).map((page) => page.map(spaced));

/** The fill opacities (`/ca`) of the PDF's graphics states. */
const opacities = async (blob: Blob): Promise<number[]> =>
  [...(await blob.text()).matchAll(/\/ca\s+([\d.]+)/g)].map((m) => Number(m[1]));

const WATERMARKS = ['DRAFT', 'VOID', 'RASCUNHO', 'ANULADA', 'BORRADOR'];

describe('exports: the PDF as an invoice (issue 18)', () => {
  for (const lang of ['en', 'pt-BR', 'es'] as const) {
    it(`carries issuer, billing block, dates, terms, groups, totals, amount due and instructions in ${lang}`, async () => {
      const result = await generatePdf(documentInvoice(), {
        compress: false,
        currency: 'BRL',
        locale: lang,
        labels: LABELS[lang],
      });
      expect(result.warnings).to.deep.equal([]);
      const text = await textOf(result.blob);
      // A cell too long for its column wraps over several strings: read them as one text too.
      const all = text.join(' ');
      const x = expectedInBrl(lang);
      for (const s of [
        'Nuvem Revenda Ltda.',
        'Av. Paulista, 1000',
        '01310-100 São Paulo SP',
        x.issuerTaxId,
        'billing@nuvem.example',
        '+55 11 4000-0000',
        'https://nuvem.example',
        x.labels.billTo,
        'Contoso Ltda.',
        x.customerId,
        'Rua das Flores, 12',
        '20000-000 Rio de Janeiro RJ',
        x.customerTaxId,
        x.labels.issueDate,
        x.issueDate,
        x.labels.dueDate,
        x.dueDate,
        x.labels.paymentTerms,
        x.net30,
        'Azure plan',
        'Storage',
        x.azureSubtotal,
        x.labels.storageSubtotal,
        x.storageSubtotal,
        x.egressUnitPrice,
        x.subtotal,
        x.tax,
        x.total,
        x.labels.amountPaid,
        x.paid,
        x.labels.amountDue,
        x.due,
        x.labels.instructions,
      ]) {
        expect(all, s).to.include(s);
      }
      expect(all).to.include(x.rate);
      expect(all).to.include('Bank transfer to IBAN XX00 1234 5678, reference INV-2026-0042.');
      // Groups in the viewer's order, each: header, lines, subtotal.
      const at = (s: string) => text.indexOf(s);
      const order = ['Azure plan', 'AZ-VM-D2', 'AZ-CREDIT', x.azureSubtotal, 'Storage'];
      order.push('AZ-STORAGE', 'AZ-EGRESS', x.labels.storageSubtotal, x.labels.amountDue);
      const positions = order.map(at);
      expect(positions, order.join(' < ')).to.deep.equal([...positions].sort((a, b) => a - b));
      for (const word of WATERMARKS) expect(text, word).to.not.include(word);
    });
  }

  for (const [status, lang, word] of [
    ['DRAFT', 'en', 'DRAFT'],
    ['VOID', 'en', 'VOID'],
    ['DRAFT', 'pt-BR', 'RASCUNHO'],
    ['VOID', 'es', 'ANULADA'],
  ] as const) {
    it(`writes ${word} across every page of a ${status} invoice in ${lang}, translucent`, async () => {
      const invoice = { ...longInvoice(150), status };
      const result = await generatePdf(invoice, {
        compress: false,
        locale: lang,
        labels: LABELS[lang as Lang],
        statusText: 'status in words',
      });
      const pages = await pagesOf(result.blob);
      expect(pages.length).to.be.greaterThan(2);
      pages.forEach((page, i) => expect(page, `page ${i + 1}`).to.include(word));
      const ca = await opacities(result.blob);
      expect(ca.length).to.be.greaterThan(0);
      for (const opacity of ca) expect(opacity).to.be.within(0.05, 0.5);
    });
  }

  it('has no watermark on any page of an OPEN invoice, and every page numbered', async () => {
    const result = await generatePdf(longInvoice(150), { compress: false, statusText: 'Open' });
    const pages = await pagesOf(result.blob);
    expect(pages.length).to.be.greaterThan(2);
    pages.forEach((page, i) => {
      for (const word of WATERMARKS) expect(page, `page ${i + 1}`).to.not.include(word);
      expect(page).to.include(`Page ${i + 1} of ${pages.length}`);
      // The header repeats on every page.
      expect(page).to.include('Unit price');
    });
    expect(await opacities(result.blob)).to.deep.equal([]);
  });
});
