import { expect } from '@open-wc/testing';
import type { Invoice } from '../../src/core/types.js';
import { generatePdf } from '../../src/exports/pdf.js';
import { printInvoice, type PrintOptions } from '../../src/exports/print.js';
import { documentInvoice, expectedInBrl, LABELS, pngLogo, spaced } from './document.fixture.js';
import { fixtureInvoice, line } from './fixtures.js';
import { pdfPages } from './pdf-text.js';

describe('exports: print', () => {
  it('prints the invoice document in a hidden iframe, then removes it', async () => {
    let printed:
      | { text: string; title: string; rows: number; sameOrigin: boolean; inFrame: boolean }
      | undefined;
    const before = document.querySelectorAll('iframe').length;
    await printInvoice(fixtureInvoice({ documentId: '<img src=x onerror=alert(1)>' }), {
      statusText: 'Open',
      title: 'INV_microsoft_2026-10',
      print: (win) => {
        printed = {
          text: win.document.body.textContent ?? '',
          title: win.document.title,
          rows: win.document.querySelectorAll('tbody tr').length,
          sameOrigin: win.location.href === 'about:blank',
          inFrame: win !== window && win.frameElement !== null,
        };
        expect(win.document.querySelector('img')).to.equal(null);
      },
    });
    expect(printed).to.not.equal(undefined);
    expect(printed!.inFrame).to.equal(true);
    expect(printed!.title).to.equal('INV_microsoft_2026-10');
    // The group "Azure plan": its header row, its three lines, its subtotal row.
    expect(printed!.rows).to.equal(5);
    for (const s of [
      '<img src=x onerror=alert(1)>',
      'Open',
      'October 2026',
      'Contoso Ltda.',
      'PO-7781',
      '$1,361.31',
    ]) {
      expect(printed!.text).to.contain(s);
    }
    expect(document.querySelectorAll('iframe').length).to.equal(before);
  });

  it('removes the iframe when printing fails, and refuses a draft for the customer', async () => {
    const before = document.querySelectorAll('iframe').length;
    let error: unknown;
    try {
      await printInvoice(fixtureInvoice(), {
        print: () => {
          throw new Error('boom');
        },
      });
    } catch (e) {
      error = e;
    }
    expect((error as Error).message).to.equal('boom');
    expect(document.querySelectorAll('iframe').length).to.equal(before);

    let refused: unknown;
    try {
      await printInvoice(fixtureInvoice({ status: 'DRAFT' }), {
        audience: 'customer',
        print: () => undefined,
      });
    } catch (e) {
      refused = e;
    }
    expect((refused as Error).name).to.equal('ExportRefusedError');
  });
});

describe('exports: print as an invoice (issue 18)', () => {
  /** Prints `invoice` and returns the print document as it was when printed. */
  async function printed(invoice: Invoice, options: PrintOptions = {}): Promise<Document> {
    let doc: Document | undefined;
    await printInvoice(invoice, {
      ...options,
      print: (win) => {
        // A copy: the frame is removed once printing is over.
        doc = win.document.cloneNode(true) as Document;
        const watermark = win.document.querySelector('.watermark');
        if (watermark) {
          doc
            .querySelector('.watermark')!
            .setAttribute('data-position', win.getComputedStyle(watermark).position);
        }
        const img = win.document.querySelector('img');
        if (img) doc.querySelector('img')!.setAttribute('data-width', String(img.naturalWidth));
      },
    });
    return doc!;
  }
  const textOf = (doc: Document): string => spaced(doc.body.textContent ?? '');

  for (const lang of ['en', 'pt-BR', 'es'] as const) {
    it(`has the PDF's content in ${lang}: issuer, billing block, dates, terms, groups, totals, amount due, instructions`, async () => {
      const doc = await printed(documentInvoice(), {
        currency: 'BRL',
        locale: lang,
        labels: LABELS[lang],
      });
      const x = expectedInBrl(lang);
      const text = textOf(doc);
      for (const s of [
        'Nuvem Revenda Ltda.',
        '01310-100 São Paulo SP',
        x.issuerTaxId,
        'billing@nuvem.example',
        x.labels.billTo,
        x.customerId,
        '20000-000 Rio de Janeiro RJ',
        x.customerTaxId,
        x.labels.issueDate,
        x.issueDate,
        x.dueDate,
        x.labels.paymentTerms,
        x.net30,
        x.rate,
        x.egressUnitPrice,
        x.labels.amountPaid,
        x.paid,
        'Bank transfer to IBAN XX00 1234 5678, reference INV-2026-0042.',
      ]) {
        expect(text, s).to.include(s);
      }
      expect(doc.documentElement.lang).to.equal(lang);
      // One row group per line group: its header, its lines, its subtotal.
      const groups = [...doc.querySelectorAll('tbody')].map((tbody) =>
        [...tbody.rows].map((tr) => spaced(tr.textContent ?? '')),
      );
      expect(groups.map((rows) => rows.length)).to.deep.equal([4, 4]);
      expect(groups[0][0]).to.equal('Azure plan');
      expect(groups[0][3]).to.include(x.azureSubtotal);
      expect(groups[1][0]).to.equal('Storage');
      expect(groups[1][3]).to.equal(`${x.labels.storageSubtotal}${x.storageSubtotal}`);
      const foot = [...doc.querySelectorAll('tfoot tr')].map((tr) => spaced(tr.textContent ?? ''));
      expect(foot).to.have.length(5);
      [x.subtotal, x.tax, x.total, x.paid, x.due].forEach((value, i) =>
        expect(foot[i].endsWith(value), `${foot[i]} ends with ${value}`).to.equal(true),
      );
      expect(spaced(doc.querySelector('tfoot tr.due')?.textContent ?? '')).to.equal(
        `${x.labels.amountDue}${x.due}`,
      );
      expect(doc.querySelector('.watermark')).to.equal(null);
    });
  }

  for (const [status, lang, word] of [
    ['DRAFT', 'en', 'DRAFT'],
    ['VOID', 'pt-BR', 'ANULADA'],
    ['DRAFT', 'es', 'BORRADOR'],
  ] as const) {
    it(`has the ${word} watermark of a ${status} invoice in ${lang}, fixed so that every printed page repeats it`, async () => {
      const doc = await printed(documentInvoice({ status }), {
        locale: lang,
        labels: LABELS[lang],
      });
      const watermark = doc.querySelectorAll('.watermark');
      expect(watermark).to.have.length(1);
      expect(watermark[0].textContent).to.equal(word);
      expect(watermark[0].getAttribute('data-position')).to.equal('fixed');
    });
  }

  /**
   * The print document's texts, one per element that holds text directly (a cell, a term, a
   * paragraph, a heading, the watermark), whitespace collapsed.
   */
  const leaves = (doc: Document): string[] =>
    [...doc.body.querySelectorAll('*')]
      .filter((e) => [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim()))
      .map((e) => spaced(e.textContent!).replace(/\s+/g, ' ').trim());

  for (const [status, lang, word] of [
    ['DRAFT', 'pt-BR', 'RASCUNHO'],
    ['VOID', 'es', 'ANULADA'],
    ['OPEN', 'en', undefined],
  ] as const) {
    it(`has what the PDF has, and the PDF what it has: a ${status} invoice over several pages in ${lang}`, async () => {
      // The document invoice with 120 more lines: the PDF runs over several pages.
      const base = documentInvoice({ status });
      const more = Array.from({ length: 120 }, (_, i) => ({
        ...line(`m${i}`, `SKU-${i}`, `Metered item ${i}`, i + 1, 100, 100 * (i + 1), 10 * (i + 1)),
        group: i % 2 ? 'Storage' : 'Compute',
      }));
      const invoice = { ...base, lines: [...base.lines, ...more] };
      const options = { currency: 'BRL', locale: lang, labels: LABELS[lang] };
      const pdf = await generatePdf(invoice, { ...options, compress: false });
      const pages = (await pdfPages(pdf.blob)).map((page) => page.map(spaced));
      expect(pages.length, 'PDF pages').to.be.greaterThan(2);
      const doc = await printed(invoice, options);
      const printedText = leaves(doc);

      // The PDF's footer ("Page 1 of 3" and the title) is the PDF's own; the rest is in print.
      const title = doc.querySelector('h1')!.textContent!;
      const footer = (s: string) => /\d+\D+\d+$/.test(s) && !printedText.includes(s);
      const all = printedText.join(' ');
      for (const page of pages) {
        for (const s of page.filter((s) => s !== title && !footer(s))) {
          expect(all, `the PDF's ${JSON.stringify(s)} in print`).to.include(s);
        }
      }
      // Every text of print in the PDF (a long cell wraps over several PDF strings).
      const pdfAll = pages.flat().join(' ');
      for (const s of printedText) {
        expect(pdfAll, `print's ${JSON.stringify(s)} in the PDF`).to.include(s);
      }
      // The watermark: on every PDF page, and once (fixed, repeated by the browser) in print.
      const marks = [...doc.querySelectorAll('.watermark')].map((e) => e.textContent);
      expect(marks).to.deep.equal(word ? [word] : []);
      pages.forEach((page, i) => {
        if (word) expect(page, `PDF page ${i + 1}`).to.include(word);
      });
    });
  }

  it("shows the issuer's logo when it loads, and prints without it when it does not", async () => {
    const png = await pngLogo(30, 10);
    const url = URL.createObjectURL(png);
    const issuer = documentInvoice().issuer!;
    try {
      const shown = await printed(documentInvoice({ issuer: { ...issuer, logoUrl: url } }));
      expect(shown.querySelector('img')?.getAttribute('data-width')).to.equal('30');
      for (const bad of ['/no-such-logo.png', 'javascript:alert(1)']) {
        const none = await printed(documentInvoice({ issuer: { ...issuer, logoUrl: bad } }));
        expect(none.querySelector('img'), bad).to.equal(null);
        expect(textOf(none)).to.include('Nuvem Revenda Ltda.');
      }
    } finally {
      URL.revokeObjectURL(url);
    }
  });
});
