import { expect } from '@open-wc/testing';
import { detailedCsv, invoiceCsv } from '../../src/exports/csv.js';
import { generateCsv } from '../../src/exports/csv-export.js';
import { buildDocumentModel } from '../../src/exports/model.js';
import { generatePdf } from '../../src/exports/pdf.js';
import type { Audience } from '../../src/core/types.js';
import { OPERATOR_ONLY, SHARED, auditedInvoice } from '../core/audience.fixture.js';
import { invoiceSections, readCsv } from './csv-read.js';
import { pdfText } from './pdf-text.js';

type File = [name: string, make: (audience: Audience) => Promise<string>];

const files: File[] = [
  ['the invoice CSV', async (audience) => invoiceCsv(auditedInvoice(), { audience })],
  ['the detailed CSV', async (audience) => detailedCsv(auditedInvoice(), { audience })],
  [
    'the detailed CSV made in the worker',
    async (audience) =>
      (await generateCsv(auditedInvoice(), 'detailed-csv', { audience })).blob.text(),
  ],
  [
    'the PDF',
    async (audience) =>
      (await pdfText((await generatePdf(auditedInvoice(), { audience, compress: false })).blob))
        .join('\n')
        .replace(/\u00a0/g, ' '),
  ],
  [
    'the printed document',
    async (audience) => JSON.stringify(buildDocumentModel(auditedInvoice(), { audience })),
  ],
];

describe('exports: what each audience gets (docs/RULES.md, Audiences)', () => {
  for (const [name, make] of files) {
    it(`${name} for the customer has none of the operator-only fields`, async () => {
      const content = await make('customer');
      for (const s of SHARED.filter((s) => name !== 'the invoice CSV' || s === 'PO-77')) {
        expect(content, s).to.contain(s);
      }
      for (const [what, pattern] of OPERATOR_ONLY) expect(content, what).to.not.match(pattern);
    });

    it(`${name} for the operator has the internal field and line`, async () => {
      const content = await make('operator');
      const expected = OPERATOR_ONLY.filter(([what]) =>
        name === 'the invoice CSV' ? /custom field/.test(what) : /custom field|line/.test(what),
      );
      for (const [what, pattern] of expected) expect(content, what).to.match(pattern);
    });
  }

  it('the customer CSV totals equal the operator totals (an operator-only line carries no money)', () => {
    const totals = (audience: Audience) =>
      invoiceSections(readCsv(invoiceCsv(auditedInvoice(), { audience }), ',')).totals;
    const expected = { Subtotal: '100.00', 'Tax total': '10.00', Total: '110.00' };
    expect(totals('customer')).to.deep.include(expected);
    expect(totals('operator')).to.deep.include(expected);
  });
});
