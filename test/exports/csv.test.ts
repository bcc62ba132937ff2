import { expect } from '@open-wc/testing';
import Papa from 'papaparse';
import { csvPieces, detailedCsv, invoiceCsv } from '../../src/exports/csv.js';
import { fixtureInvoice, line } from './fixtures.js';

function parse(csv: string): Record<string, string>[] {
  const result = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });
  expect(result.errors).to.deep.equal([]);
  return result.data;
}

describe('exports: CSV', () => {
  describe('invoice CSV', () => {
    it('parses back to the invoice facts and totals in its own currency', () => {
      const rows = parse(invoiceCsv(fixtureInvoice()));
      expect(rows).to.deep.equal([
        {
          'Document ID': 'INV-2026-0042',
          Status: 'OPEN',
          Customer: 'Contoso Ltda.',
          'Customer ID': 'cus-7',
          Provider: 'Microsoft',
          'Billing period': '2026-10',
          Currency: 'USD',
          'Generated at': '2026-11-01T08:00:00Z',
          'Due date': '2026-11-30',
          Subtotal: '1237.55',
          'Tax total': '123.76',
          Total: '1361.31',
          'Exchange rate': '1',
          'PO number': 'PO-7781',
          'Cost centre': 'R&D, "Cloud"',
        },
      ]);
    });

    it('converts to the selected currency with totals summed from converted lines', () => {
      const [row] = parse(invoiceCsv(fixtureInvoice(), { currency: 'BRL' }));
      expect(row.Currency).to.equal('BRL');
      expect(row.Subtotal).to.equal('6722.49');
      expect(row['Tax total']).to.equal('672.27');
      expect(row.Total).to.equal('7394.76');
      expect(row['Exchange rate']).to.equal('5.4321');
    });

    it('uses RFC 4180: CRLF rows, quotes doubled inside quoted fields', () => {
      const csv = invoiceCsv(fixtureInvoice());
      expect(csv.split('\r\n')).to.have.length(2);
      expect(csv).to.contain('"R&D, ""Cloud"""');
    });

    it('starts with a BOM only when asked', () => {
      expect(invoiceCsv(fixtureInvoice()).charCodeAt(0)).to.not.equal(0xfeff);
      const withBom = invoiceCsv(fixtureInvoice(), { bom: true });
      expect(withBom.charCodeAt(0)).to.equal(0xfeff);
      expect(parse(withBom.slice(1))[0]['Document ID']).to.equal('INV-2026-0042');
    });

    it('uses the labels given', () => {
      const csv = invoiceCsv(fixtureInvoice(), { labels: { documentId: 'ID do documento' } });
      expect(parse(csv)[0]['ID do documento']).to.equal('INV-2026-0042');
    });
  });

  describe('detailed CSV', () => {
    it('has one row per line, parsed back equal to the lines (USD)', () => {
      const rows = parse(detailedCsv(fixtureInvoice()));
      expect(
        rows.map((r) => [
          r.SKU,
          r.Description,
          r.Quantity,
          r['Unit price'],
          r.Amount,
          r.Tax,
          r.Currency,
        ]),
      ).to.deep.equal([
        ['AZ-VM-D2', 'Virtual machines, D2 v3', '10', '125.00', '1250.00', '125.00', 'USD'],
        ['AZ-STORAGE', 'Blob storage, hot tier', '0.5', '0.10', '0.05', '0.01', 'USD'],
        ['AZ-CREDIT', 'Service credit', '1', '-12.50', '-12.50', '-1.25', 'USD'],
      ]);
      for (const r of rows) {
        expect(r['Document ID']).to.equal('INV-2026-0042');
        expect(r['Billing period']).to.equal('2026-10');
        expect(r['PO number']).to.equal('PO-7781');
        expect(r['Cost centre']).to.equal('R&D, "Cloud"');
      }
    });

    it('converts every line to BRL, and the lines add up to the invoice CSV totals', () => {
      const invoice = fixtureInvoice();
      const rows = parse(detailedCsv(invoice, { currency: 'BRL' }));
      expect(rows.map((r) => [r['Unit price'], r.Amount, r.Tax, r.Currency])).to.deep.equal([
        ['679.01', '6790.12', '679.01', 'BRL'],
        ['0.54', '0.27', '0.05', 'BRL'],
        ['-67.90', '-67.90', '-6.79', 'BRL'],
      ]);
      const [summary] = parse(invoiceCsv(invoice, { currency: 'BRL' }));
      const cents = (s: string): number => Math.round(Number(s) * 100);
      const sumOf = (key: string): number => rows.reduce((t, r) => t + cents(r[key]), 0);
      expect(sumOf('Amount')).to.equal(cents(summary.Subtotal));
      expect(sumOf('Tax')).to.equal(cents(summary['Tax total']));
    });

    it('writes amounts with the currency digits (JPY 0, BHD 3)', () => {
      const jpy = fixtureInvoice({
        currency: 'JPY',
        lines: [line('a', 'S', 'D', 3, 1000, 3000, 300, 'JPY')],
        currencies: [{ currency: 'BHD', rate: 0.0025 }],
      });
      expect(parse(detailedCsv(jpy))[0].Amount).to.equal('3000');
      expect(parse(detailedCsv(jpy, { currency: 'BHD' }))[0].Amount).to.equal('7.500');
    });
  });

  describe('formula injection', () => {
    const evil = fixtureInvoice({
      documentId: '=HYPERLINK("http://evil")',
      customer: { id: '@id', name: "  +cmd|' /C calc'!A0" },
      provider: { id: 'microsoft', name: '－1+1' },
      lines: [line('x', '\t=1', '＝SUM(A1)', 1, -1250, -1250, -125)],
      customFields: [{ key: 'k', label: '=label', value: '\r@v' }],
    });

    it('neutralises every text cell in the invoice CSV', () => {
      const [row] = parse(invoiceCsv(evil));
      expect(row['\'=HYPERLINK("http://evil")']).to.equal(undefined);
      expect(row['Document ID']).to.equal('\'=HYPERLINK("http://evil")');
      expect(row.Customer).to.equal("'  +cmd|' /C calc'!A0");
      expect(row['Customer ID']).to.equal("'@id");
      expect(row.Provider).to.equal("'－1+1");
      expect(row["'=label"]).to.equal("'\r@v");
    });

    it('neutralises text cells of the detailed CSV but keeps negative amounts numeric', () => {
      const [row] = parse(detailedCsv(evil));
      expect(row.SKU).to.equal("'\t=1");
      expect(row.Description).to.equal("'＝SUM(A1)");
      expect(row.Amount).to.equal('-12.50');
      expect(row['Unit price']).to.equal('-12.50');
      expect(row.Tax).to.equal('-1.25');
    });
  });

  describe('in pieces (what the worker and the main-thread fallback write)', () => {
    const texts = (pieces: Iterable<{ text: string }>): string[] => [...pieces].map((p) => p.text);

    it('joined, the pieces are the detailed CSV; each piece after the first starts a row', () => {
      const invoice = fixtureInvoice();
      const options = { bom: true, currency: 'BRL' };
      const pieces = [...csvPieces(invoice, 'detailed-csv', options, 1)];
      expect(pieces.map((p) => p.progress)).to.deep.equal([1 / 3, 2 / 3, 1]);
      expect(pieces.map((p) => p.text.split('\r\n').length)).to.deep.equal([2, 2, 2]);
      expect(pieces[0].text.startsWith('\uFEFFDocument ID,SKU,')).to.equal(true);
      expect(pieces[1].text).to.equal(
        '\r\nINV-2026-0042,AZ-STORAGE,"Blob storage, hot tier",Azure plan,0.5,0.54,0.27,0.05,BRL,2026-10,PO-7781,"R&D, ""Cloud"""',
      );
      expect(pieces.map((p) => p.text).join('')).to.equal(detailedCsv(invoice, options));
      expect(texts(csvPieces(invoice, 'detailed-csv', options, 2)).join('')).to.equal(
        detailedCsv(invoice, options),
      );
    });

    it('an invoice without lines is the header alone, in one piece', () => {
      const empty = fixtureInvoice({ lines: [] });
      expect(texts(csvPieces(empty, 'detailed-csv', {}, 1))).to.deep.equal([detailedCsv(empty)]);
      expect(detailedCsv(empty).startsWith('Document ID,SKU,Description,')).to.equal(true);
    });

    it('the invoice CSV comes last, after the lines are summed', () => {
      const pieces = [...csvPieces(fixtureInvoice(), 'csv', { currency: 'BRL' }, 1)];
      expect(pieces.map((p) => p.text === '')).to.deep.equal([true, true, false]);
      expect(pieces[2].text).to.equal(invoiceCsv(fixtureInvoice(), { currency: 'BRL' }));
      expect(parse(pieces[2].text)[0].Total).to.equal('7394.76');
    });
  });

  describe('customer audience', () => {
    it('refuses a draft', () => {
      const draft = fixtureInvoice({ status: 'DRAFT' });
      expect(() => invoiceCsv(draft, { audience: 'customer' })).to.throw(/cannot be exported/);
      expect(() => detailedCsv(draft, { audience: 'customer' })).to.throw(/cannot be exported/);
      expect(invoiceCsv(draft, { audience: 'operator' })).to.contain('DRAFT');
    });
  });
});
