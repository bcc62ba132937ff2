/**
 * CSV injection (issue 10): every payload placed in every text field comes out neutralised in
 * the CSV and the detailed CSV, and the CSV encoding round-trips any text (fast-check, 1,000+
 * cases). The oracle `wouldRunAsFormula` is our own, not src/exports/neutralise.ts. Since issue
 * 18 a cell is also guarded after each separator inside it (`a;=1` is written `a;'=1`): a text
 * with a separator is checked by {@link guardedAs}, one without by its exact expected value.
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

const SEPARATOR = /[,;\t|\r\n]/;

/**
 * Whether `cell` (as parsed) is `text` guarded: exactly {@link expected} for a text without a
 * separator; otherwise the text with only `'` added (at most one per separator, one in front),
 * and neither the cell nor any part of it a reader splitting on a separator sees would run.
 */
function guardedAs(cell: string, text: string): boolean {
  if (!SEPARATOR.test(text)) return cell === expected(text);
  const quotes = (t: string) => t.split("'").length - 1;
  const added = quotes(cell) - quotes(text);
  const separators = text.split(SEPARATOR).length - 1;
  return (
    cell.replaceAll("'", '') === text.replaceAll("'", '') &&
    added >= 0 &&
    added <= separators + 1 &&
    !wouldRunAsFormula(cell) &&
    cell.split(SEPARATOR).every((part) => !wouldRunAsFormula(part))
  );
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
          // The text is kept (guarded), not dropped: it appears once per text field at least.
          const kept = cells.filter((c) => guardedAs(c, payload)).length;
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
          const failures: string[] = [];
          const check = (what: string, cell: string | undefined, text: string) => {
            if (cell === undefined || !guardedAs(cell, text))
              failures.push(`${what}: ${JSON.stringify(cell)} for ${JSON.stringify(text)}`);
          };
          // The invoice CSV: Field,Value rows, an empty row, the lines, an empty row, the totals.
          const rows = parse(invoiceCsv(inv));
          const blank = rows.findIndex((r) => r.length === 1 && r[0] === '');
          const field = (label: string) => rows.find((r, i) => i < blank && r[0] === label)?.[1];
          check('document ID', field('Document ID'), t.documentId);
          check('customer', field('Customer'), t.name);
          check('customer ID', field('Customer ID'), t.customerId);
          check('provider', field('Provider'), t.provider);
          const [label, value] = rows[blank - 1];
          check('custom label', label, t.label);
          check('custom value', value, t.value);
          const [, lineHeader, first] = rows.slice(blank);
          expect(lineHeader[0]).to.equal('Group');
          check('group', first[0], t.group);
          check('sku', first[1], t.sku);
          check('description', first[2], t.description);
          expect(rows.find((r) => r[0] === 'Total')).to.deep.equal(['Total', '96.25']);

          const detail = parse(detailedCsv(inv));
          expect(detail).to.have.length(3);
          const [dHeader, line1, line2] = detail;
          const at = (name: string) => dHeader.indexOf(name);
          check('detailed custom label', dHeader[dHeader.length - 1], t.label);
          check('detailed document ID', line1[at('Document ID')], t.documentId);
          check('detailed customer', line1[at('Customer')], t.name);
          check('detailed sku', line1[at('SKU')], t.sku);
          check('detailed description', line1[at('Description')], t.description);
          check('detailed group', line1[at('Group')], t.group);
          check('detailed value', line1[line1.length - 1], t.value);
          expect(line2[at('Amount')]).to.equal('-12.50');
          expect(failures, failures.join('\n')).to.deep.equal([]);
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
        // A tab, CR or LF lead is a separator too: the cell after it is guarded (issue 18).
        const guarded = /^[\t\r\n]$/.test(lead) ? `'${lead}'${t.slice(1)}` : `'${t}`;
        const [header, row] = parse(detailedCsv(inv));
        // Document ID, customer, SKU, description, group, custom field value: guarded, text kept.
        for (const name of ['Document ID', 'Customer', 'SKU', 'Description', 'Group', 'Custom'])
          expect(row[name === 'Custom' ? row.length - 1 : header.indexOf(name)], name).to.equal(
            guarded,
          );
        const facts = parse(invoiceCsv(inv));
        for (const i of [1, 3, 4, 5])
          expect(facts[i][1], `${facts[i][0]} ${JSON.stringify(t)}`).to.equal(guarded);
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
    const csv = invoiceCsv(inv, { dialect: 'rfc4180' });
    // Quoted, and guarded after the separator (issue 18).
    expect(csv).to.contain('"a;\'=1+1"');
    expect(csv).to.contain('"b\t\'=2+2"');
    expect(detailedCsv(inv)).to.contain('"d;\'@SUM(1)"');
    // Read with `;` as the separator, no cell is a formula.
    const bySemicolon = Papa.parse<string[]>(csv, { delimiter: ';', newline: '\r\n' }).data;
    expect(bySemicolon.flat().some((cell) => wouldRunAsFormula(cell))).to.equal(false);
    expect(bySemicolon.flat()).to.include('\'=1+1"');
    // The numbers we generate stay unquoted.
    expect(csv).to.contain('\r\nTotal,96.25');
  });
});
