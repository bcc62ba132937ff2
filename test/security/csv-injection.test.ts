/**
 * CSV injection (issue 10): every payload placed in every text field comes out neutralised in
 * the CSV and the detailed CSV, and the CSV encoding round-trips any text (fast-check, 1,000+
 * cases). The oracle `wouldRunAsFormula` is our own, not src/exports/neutralise.ts.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import Papa from 'papaparse';
import { detailedCsv, invoiceCsv } from '../../src/exports/csv.js';
import type { Invoice } from '../../src/core/types.js';
import { CSV_PAYLOADS, wouldRunAsFormula } from '../support/csv-payloads.js';
import { invoice, lineItem } from '../support/fixtures.js';

/** What a text cell must read after parsing: the text, with a `'` when it would run. */
function expected(text: string): string {
  return wouldRunAsFormula(text) ? `'${text}` : text;
}

function parse(csv: string): string[][] {
  const result = Papa.parse<string[]>(csv, {
    header: false,
    newline: '\r\n',
    skipEmptyLines: false,
  });
  expect(result.errors, JSON.stringify(result.errors)).to.deep.equal([]);
  return result.data;
}

const NUMBER = /^-?\d+(?:\.\d+)?$/;

/** Texts in every text field of an invoice (ids included: exports write the customer id). */
function withTexts(t: {
  documentId: string;
  name: string;
  customerId: string;
  provider: string;
  sku: string;
  description: string;
  group: string;
  label: string;
  value: string;
}): Invoice {
  return invoice({
    documentId: t.documentId,
    customer: { id: t.customerId, name: t.name },
    provider: { id: 'microsoft', name: t.provider },
    lines: [
      lineItem('l1', t.description, { sku: t.sku, group: t.group }),
      lineItem('l2', 'Credit', {
        amount: { minor: -1250, currency: 'USD' },
        unitPrice: { minor: -1250, currency: 'USD' },
        tax: { minor: -125, currency: 'USD' },
        quantity: 1,
      }),
    ],
    subtotal: { minor: 8750, currency: 'USD' },
    taxTotal: { minor: 875, currency: 'USD' },
    total: { minor: 9625, currency: 'USD' },
    customFields: [{ key: 'k', label: t.label, value: t.value }],
  });
}

function everywhere(text: string): Invoice {
  return withTexts({
    documentId: text,
    name: text,
    customerId: text,
    provider: text,
    sku: text,
    description: text,
    group: text,
    label: text,
    value: text,
  });
}

describe('security: CSV injection', () => {
  it(`has at least 60 payloads, each one a formula by our oracle or a multi-line trap`, () => {
    expect(CSV_PAYLOADS.length).to.be.at.least(60);
    const formulas = CSV_PAYLOADS.filter(wouldRunAsFormula);
    expect(formulas.length).to.be.at.least(55);
  });

  for (const [name, make] of [
    ['CSV', invoiceCsv],
    ['detailed CSV', detailedCsv],
  ] as const) {
    describe(name, () => {
      it(`neutralises all ${CSV_PAYLOADS.length} payloads in every text field`, () => {
        const failures: string[] = [];
        for (const payload of CSV_PAYLOADS) {
          const rows = parse(make(everywhere(payload)));
          const cells = rows.flat();
          for (const cell of cells) {
            if (wouldRunAsFormula(cell) && !NUMBER.test(cell)) {
              failures.push(`${JSON.stringify(payload)} → cell ${JSON.stringify(cell)}`);
            }
          }
          // The text is kept (prefixed), not dropped: it appears once per text field at least.
          const kept = cells.filter((c) => c === expected(payload)).length;
          if (kept < 3) failures.push(`${JSON.stringify(payload)} kept only ${kept} times`);
        }
        expect(failures, failures.slice(0, 10).join('\n')).to.deep.equal([]);
      });

      it('keeps the negative amounts it generates as numbers (no quote, no prefix)', () => {
        const rows = parse(make(everywhere('=1+1')));
        const numbers = rows.flat().filter((c) => NUMBER.test(c));
        if (name === 'detailed CSV') expect(numbers).to.include('-12.50');
        expect(rows.flat().some((c) => c === "'-12.50")).to.equal(false);
      });
    });
  }

  describe('round trip (fast-check)', () => {
    const hostileChar = fc.constantFrom(
      '=',
      '+',
      '-',
      '@',
      ' ',
      '\t',
      '\r',
      '\n',
      '\r\n',
      '"',
      ',',
      ';',
      "'",
      'a',
      'Z',
      '0',
      '\uFF1D',
      '\uFF0B',
      '\u3000',
      '\u00A0',
      '\u200B',
      '\uFEFF',
      'é',
      '😀',
    );
    const text = fc.oneof(
      fc.string({ unit: hostileChar, maxLength: 12 }),
      fc.string({ unit: 'grapheme', maxLength: 12 }),
      fc.constantFrom(...CSV_PAYLOADS),
    );
    const texts = fc.record({
      documentId: text,
      name: text,
      customerId: text,
      provider: text,
      sku: text,
      description: text,
      group: text,
      label: text,
      value: text,
    });

    it('every text cell parses back to the text, neutralised exactly when it would run (1,000 runs)', () => {
      let runs = 0;
      fc.assert(
        fc.property(texts, (t) => {
          runs++;
          const inv = withTexts(t);
          const flat = parse(invoiceCsv(inv));
          expect(flat).to.have.length(2);
          const [header, row] = flat;
          expect(header[13]).to.equal(expected(t.label));
          expect(row[0]).to.equal(expected(t.documentId));
          expect(row[2]).to.equal(expected(t.name));
          expect(row[3]).to.equal(expected(t.customerId));
          expect(row[4]).to.equal(expected(t.provider));
          expect(row[13]).to.equal(expected(t.value));
          expect(row[11]).to.equal('96.25');

          const detail = parse(detailedCsv(inv));
          expect(detail).to.have.length(3);
          const [dHeader, first, second] = detail;
          expect(dHeader[10]).to.equal(expected(t.label));
          expect(first.slice(0, 4)).to.deep.equal([
            expected(t.documentId),
            expected(t.sku),
            expected(t.description),
            expected(t.group),
          ]);
          expect(first[10]).to.equal(expected(t.value));
          expect(second[6]).to.equal('-12.50');
        }),
        { numRuns: 1000, seed: 20261128 },
      );
      expect(runs).to.equal(1000);
      console.log(`csv round trip: ${runs} fast-check runs`);
    });
  });
});

describe('security: CSV leading characters and separators (issue 21)', () => {
  const LEADS = [
    '\u0000',
    '\u001F',
    '\u007F',
    '\u0085',
    '\u00AD',
    '\u200E',
    '\u202E',
    '\u2067',
    '\u061C',
    '\uFEFF',
  ];
  const TRIGGERS = ['=', '+', '-', '@', '\u2212', '\uFE66', '\uFE62', '\uFE63', '\uFE6B', '\uFF1D'];

  it('every leading character × trigger in every text field comes back parsed with the guard and the text kept', () => {
    for (const lead of LEADS) {
      for (const trigger of TRIGGERS) {
        const t = `${lead}${trigger}HYPERLINK("http://x")`;
        const inv = withTexts({
          documentId: t,
          name: t,
          customerId: t,
          provider: t,
          sku: t,
          description: t,
          group: t,
          label: t,
          value: t,
        });
        const row = parse(detailedCsv(inv))[1]!;
        // Document ID, SKU, description, group, custom field value: guarded, text kept.
        for (const i of [0, 1, 2, 3, 10])
          expect(row[i], `${i} ${JSON.stringify(t)}`).to.equal(`'${t}`);
        const facts = parse(invoiceCsv(inv))[1]!;
        for (const i of [0, 2, 3, 4])
          expect(facts[i], `${i} ${JSON.stringify(t)}`).to.equal(`'${t}`);
      }
    }
  });

  it('quotes a cell holding a semicolon or a tab, so a reader splitting on it keeps one cell', () => {
    const inv = withTexts({
      documentId: 'a;=1+1',
      name: 'b\t=2+2',
      customerId: 'c',
      provider: 'p',
      sku: 's',
      description: 'd;@SUM(1)',
      group: 'g',
      label: 'l',
      value: 'v',
    });
    const csv = invoiceCsv(inv);
    expect(csv).to.contain('"a;=1+1"');
    expect(csv).to.contain('"b\t=2+2"');
    expect(detailedCsv(inv)).to.contain('"d;@SUM(1)"');
    // Read with `;` as the separator, the cell is still one cell and still text.
    const bySemicolon = Papa.parse<string[]>(csv, { delimiter: ';', newline: '\r\n' }).data;
    expect(bySemicolon.flat().some((cell) => cell.startsWith('=1+1'))).to.equal(false);
    expect(bySemicolon[1]!.some((cell) => cell.includes('a;=1+1'))).to.equal(true);
    // The numbers we generate stay unquoted.
    expect(csv).to.match(/,96\.25,/);
  });
});
