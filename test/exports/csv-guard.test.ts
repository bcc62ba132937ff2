/**
 * The formula guard holds whatever separator the reader splits on (issue 18; docs/RULES.md,
 * Security): random cells built from dangerous pieces, in every text field, written in each
 * dialect, then read with papaparse with each of `,` `;` tab `|` as the delimiter (quotes in
 * mid-field are literal to it) and by a quote-unaware split: no cell anyone reads is
 * formula-like, except the plain numbers we generate (`-12.50`, `-12,50`).
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import Papa from 'papaparse';
import type { Invoice } from '../../src/core/types.js';
import { detailedCsv, invoiceCsv, type CsvOptions } from '../../src/exports/csv.js';
import { isFormulaLike } from '../../src/exports/neutralise.js';
import { wouldRunAsFormula } from '../support/csv-payloads.js';
import { fixtureInvoice, line } from './fixtures.js';

const DELIMITERS = [',', ';', '\t', '|'] as const;
const NUMBER = /^-?\d+(?:[.,]\d+)?$/;

/**
 * Whether a cell read would run, by our rule (isFormulaLike) and by the suites' own oracle. A
 * read cell can begin with a line break only when a reader took one of our closing quotes for
 * an opening one (out of phase with our quoting): the line break is then the end of one of our
 * rows, which every reader splits on, so what follows it is what is checked.
 */
function runs(cell: string): boolean {
  const after = cell.replace(/^[\r\n]+/, '');
  return isFormulaLike(after) || wouldRunAsFormula(after);
}

const DIALECTS: [string, CsvOptions][] = [
  ['spreadsheet en', {}],
  ['spreadsheet pt-BR', { locale: 'pt-BR', currency: 'BRL' }],
  ['rfc4180', { dialect: 'rfc4180', locale: 'es' }],
];

/** Every cell each reader sees in `csv`. */
function cellsRead(csv: string): { reader: string; cell: string }[] {
  const text = csv.replace(/^\uFEFF/, '');
  const out: { reader: string; cell: string }[] = [];
  for (const delimiter of DELIMITERS) {
    for (const newline of ['\r\n', undefined] as const) {
      // Errors are expected: the file is read with the wrong delimiter on purpose.
      const { data } = Papa.parse<string[]>(text, { delimiter, newline });
      const reader = `papaparse ${JSON.stringify(delimiter)} ${JSON.stringify(newline)}`;
      for (const row of data) for (const cell of row) out.push({ reader, cell });
    }
    for (const row of text.split(/\r\n|\r|\n/)) {
      for (const cell of row.split(delimiter)) out.push({ reader: `split ${delimiter}`, cell });
    }
  }
  return out;
}

const PIECES = [
  '=',
  '+',
  '-',
  '@',
  ',',
  ';',
  '\t',
  '|',
  '"',
  '""',
  "'",
  '\r',
  '\n',
  '\r\n',
  ' ',
  '\u00A0',
  '\u3000',
  '\u200B',
  '\u200E',
  '\u202E',
  '\u2066',
  '\u00AD',
  '\uFEFF',
  '\u0000',
  '\uFF1D',
  '\uFF0B',
  '\uFF0D',
  '\uFF20',
  '\uFE62',
  '\uFE63',
  '\u2212',
  'a',
  '1',
  '.',
  'SUM(A1)',
  'cmd',
];
const cell = fc.string({ unit: fc.constantFrom(...PIECES), maxLength: 10 });

function withCells(c: string[]): Invoice {
  const [a, b, d, e, f, g, h, i, j, k, m, n] = c;
  return fixtureInvoice({
    documentId: a,
    customer: { id: b, name: d, taxId: e, address: [f, g] },
    issuer: { name: h, taxId: i },
    provider: { id: 'microsoft', name: j },
    lines: [
      { ...line('x', k, m, 1, -1250, -1250, -125), group: n },
      { ...line('y', m, k, 0.5, 10, 5, 1), group: a },
    ],
    customFields: [{ key: 'k', label: e, value: f }],
  });
}

describe('exports: the CSV formula guard, whatever separator the reader uses (fast-check)', () => {
  it('no cell read with , ; tab | (quote-aware or not) is formula-like (300 runs × 3 dialects × 2 files)', () => {
    let count = 0;
    /** What the last failing run read (fast-check shrinks, then reports the input only). */
    let last: string[] = [];
    const property = fc.property(fc.array(cell, { minLength: 12, maxLength: 12 }), (cells) => {
      count++;
      const invoice = withCells(cells);
      const failures: string[] = [];
      for (const [dialect, options] of DIALECTS) {
        for (const csv of [invoiceCsv(invoice, options), detailedCsv(invoice, options)]) {
          for (const { reader, cell: read } of cellsRead(csv)) {
            if (!NUMBER.test(read) && runs(read))
              failures.push(`${dialect}, ${reader}: ${JSON.stringify(read)}`);
          }
        }
      }
      if (failures.length > 0) last = failures;
      return failures.length === 0;
    });
    try {
      fc.assert(property, { numRuns: 300, seed: 20261202 });
    } catch (error) {
      throw new Error(`${String(error)}\n${last.slice(0, 5).join('\n')}`);
    }
    expect(count).to.equal(300);
  });

  it('can fail: an unguarded cell after a separator is caught by the readers', () => {
    const unguarded = 'Name,Value\r\nCustomer,"a;=1+1"';
    const caught = cellsRead(unguarded).filter(({ cell }) => runs(cell));
    expect(caught.map((c) => c.reader)).to.include('split ;');
  });
});
