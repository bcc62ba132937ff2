import { expect } from '@open-wc/testing';
import type { Invoice } from '../../src/core/types.js';
import { csvPieces, detailedCsv, invoiceCsv, type CsvOptions } from '../../src/exports/csv.js';
import { DEFAULT_EXPORT_LABELS, type ExportLabels } from '../../src/exports/options.js';
import { es } from '../../src/i18n/es.js';
import { ptBR } from '../../src/i18n/pt-BR.js';
import { invoiceSections, readCsv, records } from './csv-read.js';
import { fixtureInvoice, line } from './fixtures.js';

/**
 * INV-2026-0042 as an invoice document: customer tax ID and address, issuer, issue date, terms,
 * an amount paid, and a second group (Microsoft 365) between the Azure plan's lines.
 * USD: Azure plan 1250.00 + 0.05 − 12.50 = 1237.55 (tax 125.00 + 0.01 − 1.25 = 123.76);
 * Microsoft 365 2 × 36.00 = 72.00 (tax 7.20, rate given 0.21). Subtotal 1309.55, tax 130.96,
 * total 1440.51, paid 1000.00, due 440.51.
 * BRL (×5.4321, half-even per line): Azure plan 6790.12 + 0.27 − 67.90 = 6722.49 (tax 679.01 +
 * 0.05 − 6.79 = 672.27); Microsoft 365 39111.12 → 391.11 (tax 3911.112 → 39.11, unit 195.56).
 * Subtotal 7113.60, tax 711.38, total 7824.98, paid 5432.10, due 2392.88. The storage line's
 * exact unit price 0.0987 USD is 0.53614827 BRL, written 0.536148.
 */
function documentInvoice(overrides: Partial<Invoice> = {}): Invoice {
  const base = fixtureInvoice();
  const [vm, storage, credit] = base.lines;
  return {
    ...base,
    customer: {
      id: 'cus-7',
      name: 'Contoso Ltda.',
      taxId: '12.345.678/0001-90',
      address: ['Av. Paulista, 1000', 'São Paulo - SP'],
    },
    issuer: { name: 'Nuvem Revenda S.A.', taxId: 'BR-99.888.777' },
    issueDate: '2026-11-02',
    dueDate: '2026-12-02',
    paymentTermsDays: 30,
    amountPaid: { minor: 100000, currency: 'USD' },
    lines: [
      vm,
      {
        ...line('l4', 'M365-E3', 'Microsoft 365 E3', 2, 3600, 7200, 720),
        group: 'Microsoft 365',
        taxRate: 0.21,
      },
      { ...storage, unitPriceDecimal: '0.0987' },
      credit,
    ],
    ...overrides,
  };
}

interface Language {
  locale: string;
  labels: ExportLabels;
  delimiter: ',' | ';';
  /** A decimal as the spreadsheet dialect of this language writes it. */
  dec: (value: string) => string;
}

const LANGUAGES: Language[] = [
  { locale: 'en', labels: DEFAULT_EXPORT_LABELS, delimiter: ',', dec: (v) => v },
  {
    locale: 'pt-BR',
    labels: ptBR.downloadMenu.document,
    delimiter: ';',
    dec: (v) => v.replace('.', ','),
  },
  {
    locale: 'es',
    labels: es.downloadMenu.document,
    delimiter: ';',
    dec: (v) => v.replace('.', ','),
  },
];

const RATE = '1 USD = 5.4321 BRL (ECB, 2026-10-31)';

/** The expected amounts per display currency (worked out above, not by the code). */
const AMOUNTS = {
  USD: {
    units: ['125.00', '0.0987', '-12.50', '36.00'],
    lines: ['1250.00', '0.05', '-12.50', '72.00'],
    taxes: ['125.00', '0.01', '-1.25', '7.20'],
    azure: ['1237.55', '123.76'],
    m365: ['72.00', '7.20'],
    totals: ['1309.55', '130.96', '1440.51', '1000.00', '440.51'],
  },
  BRL: {
    units: ['679.01', '0.536148', '-67.90', '195.56'],
    lines: ['6790.12', '0.27', '-67.90', '391.11'],
    taxes: ['679.01', '0.05', '-6.79', '39.11'],
    azure: ['6722.49', '672.27'],
    m365: ['391.11', '39.11'],
    totals: ['7113.60', '711.38', '7824.98', '5432.10', '2392.88'],
  },
} as const;

/**
 * Each language in each dialect: the spreadsheet dialect as {@link LANGUAGES} says, the RFC 4180
 * one with a comma, a decimal point and no BOM whatever the language (docs/RULES.md, "CSV files").
 */
const DIALECTS = LANGUAGES.flatMap((lang) => [
  { ...lang, dialect: 'spreadsheet' as const, bom: true },
  {
    ...lang,
    dialect: 'rfc4180' as const,
    bom: false,
    delimiter: ',' as const,
    dec: (v: string) => v,
  },
]);

describe('exports: CSV', () => {
  for (const { locale, labels: l, delimiter, dec, dialect, bom } of DIALECTS) {
    for (const currency of ['USD', 'BRL'] as const) {
      const a = AMOUNTS[currency];
      const options: CsvOptions = { locale, labels: l, currency, dialect };

      it(`invoice CSV, ${locale}, ${dialect}, ${currency}: header fields, grouped lines with subtotals, totals`, () => {
        const csv = invoiceCsv(documentInvoice(), options);
        const s = invoiceSections(readCsv(csv, delimiter, bom));
        expect(s.head).to.deep.equal([l.csvField, l.csvValue]);
        expect(s.fields).to.deep.equal({
          [l.documentId]: 'INV-2026-0042',
          [l.status]: 'OPEN',
          [l.customer]: 'Contoso Ltda.',
          [l.customerId]: 'cus-7',
          [l.csvCustomerTaxId]: '12.345.678/0001-90',
          [l.csvCustomerAddress]: 'Av. Paulista, 1000\nSão Paulo - SP',
          [l.csvIssuer]: 'Nuvem Revenda S.A.',
          [l.csvIssuerTaxId]: 'BR-99.888.777',
          [l.provider]: 'Microsoft',
          [l.period]: '2026-10',
          [l.issueDate]: '2026-11-02',
          [l.dueDate]: '2026-12-02',
          [l.csvPaymentTerms]: '30',
          [l.currency]: currency,
          ...(currency === 'BRL' ? { [l.rate]: RATE } : {}),
          'PO number': 'PO-7781',
          'Cost centre': 'R&D, "Cloud"',
        });
        const line = (i: number, group: string, sku: string, description: string, q: string) => ({
          [l.group]: group,
          [l.sku]: sku,
          [l.description]: description,
          [l.quantity]: dec(q),
          [l.unitPrice]: dec(a.units[i]),
          [l.amount]: dec(a.lines[i]),
          [l.tax]: dec(a.taxes[i]),
          [l.csvTaxRate]: dec(['0.1', '0.2', '0.1', '0.21'][i]),
        });
        const subtotal = (group: string, [amount, tax]: readonly string[]) => ({
          [l.group]: group,
          [l.sku]: '',
          [l.description]: l.csvGroupSubtotal,
          [l.quantity]: '',
          [l.unitPrice]: '',
          [l.amount]: dec(amount),
          [l.tax]: dec(tax),
          [l.csvTaxRate]: '',
        });
        // Grouped as in the viewer: groups in order of first appearance, each with its subtotal.
        expect(s.lines).to.deep.equal([
          line(0, 'Azure plan', 'AZ-VM-D2', 'Virtual machines, D2 v3', '10'),
          line(1, 'Azure plan', 'AZ-STORAGE', 'Blob storage, hot tier', '0.5'),
          line(2, 'Azure plan', 'AZ-CREDIT', 'Service credit', '1'),
          subtotal('Azure plan', a.azure),
          line(3, 'Microsoft 365', 'M365-E3', 'Microsoft 365 E3', '2'),
          subtotal('Microsoft 365', a.m365),
        ]);
        const [sub, tax, total, paid, due] = a.totals;
        expect(s.totals).to.deep.equal({
          [l.subtotal]: dec(sub),
          [l.taxTotal]: dec(tax),
          [l.total]: dec(total),
          [l.amountPaid]: dec(paid),
          [l.amountDue]: dec(due),
        });
      });

      it(`detailed CSV, ${locale}, ${dialect}, ${currency}: every row carries the invoice's facts and totals`, () => {
        const rows = records(readCsv(detailedCsv(documentInvoice(), options), delimiter, bom));
        expect(rows).to.have.length(4);
        const [sub, tax, total, paid, due] = a.totals;
        const lines = [
          ['Azure plan', 'AZ-VM-D2', 'Virtual machines, D2 v3', '10', 0, '0.1'],
          ['Microsoft 365', 'M365-E3', 'Microsoft 365 E3', '2', 3, '0.21'],
          ['Azure plan', 'AZ-STORAGE', 'Blob storage, hot tier', '0.5', 1, '0.2'],
          ['Azure plan', 'AZ-CREDIT', 'Service credit', '1', 2, '0.1'],
        ] as const;
        rows.forEach((row, n) => {
          const [group, sku, description, quantity, i, rate] = lines[n];
          expect(row).to.deep.equal({
            [l.documentId]: 'INV-2026-0042',
            [l.customer]: 'Contoso Ltda.',
            [l.customerId]: 'cus-7',
            [l.status]: 'OPEN',
            [l.period]: '2026-10',
            [l.issueDate]: '2026-11-02',
            [l.dueDate]: '2026-12-02',
            [l.group]: group,
            [l.sku]: sku,
            [l.description]: description,
            [l.quantity]: dec(quantity),
            [l.unitPrice]: dec(a.units[i]),
            [l.amount]: dec(a.lines[i]),
            [l.tax]: dec(a.taxes[i]),
            [l.csvTaxRate]: dec(rate),
            [l.currency]: currency,
            [l.rate]: currency === 'BRL' ? RATE : '',
            [l.subtotal]: dec(sub),
            [l.taxTotal]: dec(tax),
            [l.total]: dec(total),
            [l.amountPaid]: dec(paid),
            [l.amountDue]: dec(due),
            'PO number': 'PO-7781',
            'Cost centre': 'R&D, "Cloud"',
          });
        });
      });
    }
  }

  describe('dialects', () => {
    it('spreadsheet (default): BOM, CRLF, and in en a comma and a point', () => {
      const csv = invoiceCsv(fixtureInvoice());
      expect(csv.startsWith('\uFEFFField,Value\r\nDocument ID,INV-2026-0042\r\n')).to.equal(true);
      expect(csv.replace(/\r\n/g, '')).to.not.match(/[\r\n]/);
      expect(csv).to.contain('\r\nTotal,1361.31');
    });

    it('spreadsheet in a decimal-comma language (de, fr too): `;` and a decimal comma', () => {
      for (const locale of ['pt-BR', 'es', 'de', 'fr']) {
        const csv = invoiceCsv(fixtureInvoice(), { locale });
        expect(csv.startsWith('\uFEFFField;Value\r\n'), locale).to.equal(true);
        expect(csv, locale).to.contain('\r\nTotal;"1361,31"');
      }
    });

    it('rfc4180: a comma and a point in every language, no BOM, CRLF', () => {
      for (const locale of ['en', 'pt-BR', 'es']) {
        const csv = detailedCsv(fixtureInvoice(), { locale, dialect: 'rfc4180' });
        expect(csv.charCodeAt(0), locale).to.not.equal(0xfeff);
        const rows = records(readCsv(csv, ',', false));
        expect(rows.map((r) => r.Amount)).to.deep.equal(['1250.00', '0.05', '-12.50']);
        expect(csv.split('\r\n')).to.have.length(4);
      }
    });

    it('bom, when given, wins over the dialect', () => {
      expect(
        invoiceCsv(fixtureInvoice(), { dialect: 'rfc4180', bom: true }).charCodeAt(0),
      ).to.equal(0xfeff);
      expect(invoiceCsv(fixtureInvoice(), { bom: false }).charCodeAt(0)).to.not.equal(0xfeff);
    });

    it('quotes every cell holding any separator (, ; tab |), a quote or a line break, in both dialects', () => {
      const values = ['a,b', 'a;b', 'a\tb', 'a|b', 'a"b', 'a\rb', 'a\nb'];
      const inv = fixtureInvoice({
        customFields: values.map((value, i) => ({ key: `k${i}`, label: `L${i}`, value })),
      });
      for (const options of [{}, { locale: 'pt-BR' }, { dialect: 'rfc4180' as const }]) {
        const csv = invoiceCsv(inv, options);
        for (const v of values) {
          expect(csv, JSON.stringify([v, options])).to.contain(`"${v.replace('"', '""')}"`);
        }
      }
    });
  });

  describe('fields present or not', () => {
    it('leaves out the absent optional fields; issue date is the day generated; nothing paid', () => {
      const s = invoiceSections(readCsv(invoiceCsv(fixtureInvoice()), ','));
      expect(Object.keys(s.fields)).to.deep.equal([
        'Document ID',
        'Status',
        'Customer',
        'Customer ID',
        'Provider',
        'Billing period',
        'Issue date',
        'Due date',
        'Currency',
        'PO number',
        'Cost centre',
      ]);
      expect(s.fields['Issue date']).to.equal('2026-11-01');
      expect(s.totals).to.deep.equal({
        Subtotal: '1237.55',
        'Tax total': '123.76',
        Total: '1361.31',
        'Amount paid': '0.00',
        'Amount due': '1361.31',
      });
    });

    it('writes the amount due the backend sent, converted', () => {
      const inv = documentInvoice({ amountDue: { minor: 1000, currency: 'USD' } });
      expect(invoiceSections(readCsv(invoiceCsv(inv), ',')).totals['Amount due']).to.equal('10.00');
      // 1000 × 5.4321 = 5432.1 → 5432 (half-even)
      const brl = invoiceSections(readCsv(invoiceCsv(inv, { currency: 'BRL' }), ','));
      expect(brl.totals['Amount due']).to.equal('54.32');
    });

    it('unit prices with the precision the data has (up to 6 decimals); tax rate empty when unknown', () => {
      const inv = fixtureInvoice({
        lines: [
          { ...line('a', 'S3', 'Storage GB-month', 1000, 2, 20, 0), unitPriceDecimal: '0.000123' },
          { ...line('b', 'EGRESS', 'Egress', 3, 0, 0, 0), unitPriceDecimal: '0.0000004' },
          line('c', 'FREE', 'Free tier', 1, 0, 0, 0),
        ],
      });
      const rows = records(readCsv(detailedCsv(inv), ','));
      expect(rows.map((r) => [r['Unit price'], r['Tax rate']])).to.deep.equal([
        ['0.000123', '0'],
        ['0.00', ''],
        ['0.00', ''],
      ]);
      const jpy = fixtureInvoice({
        currency: 'JPY',
        lines: [{ ...line('a', 'S', 'D', 3, 1, 3, 0, 'JPY'), unitPriceDecimal: '1.25' }],
        currencies: [{ currency: 'BHD', rate: 0.0025 }],
      });
      expect(records(readCsv(detailedCsv(jpy), ','))[0]['Unit price']).to.equal('1.25');
      // 1.25 × 0.0025 = 0.003125 (BHD has 3 digits: at least 3, at most 6)
      expect(
        records(readCsv(detailedCsv(jpy, { currency: 'BHD' }), ','))[0]['Unit price'],
      ).to.equal('0.003125');
    });

    it('writes amounts with the currency digits (JPY 0, BHD 3)', () => {
      const jpy = fixtureInvoice({
        currency: 'JPY',
        lines: [line('a', 'S', 'D', 3, 1000, 3000, 300, 'JPY')],
        currencies: [{ currency: 'BHD', rate: 0.0025 }],
      });
      expect(records(readCsv(detailedCsv(jpy), ','))[0].Amount).to.equal('3000');
      expect(records(readCsv(detailedCsv(jpy, { currency: 'BHD' }), ','))[0].Amount).to.equal(
        '7.500',
      );
    });
  });

  describe('formula injection', () => {
    const evil = fixtureInvoice({
      documentId: '=HYPERLINK("http://evil")',
      customer: { id: '@id', name: "  +cmd|' /C calc'!A0" },
      provider: { id: 'microsoft', name: '－1+1' },
      lines: [line('x', '\t=1', 'Disk; =SUM(A1)', 1, -1250, -1250, -125)],
      customFields: [{ key: 'k', label: '=label', value: '\r@v' }],
    });

    it('neutralises every text cell of the invoice CSV, after a separator inside a cell too', () => {
      const s = invoiceSections(readCsv(invoiceCsv(evil), ','));
      expect(s.fields['Document ID']).to.equal('\'=HYPERLINK("http://evil")');
      expect(s.fields.Customer).to.equal("'  +cmd|' /C calc'!A0");
      expect(s.fields['Customer ID']).to.equal("'@id");
      expect(s.fields.Provider).to.equal("'－1+1");
      expect(s.fields["'=label"]).to.equal("'\r'@v");
      expect(s.lines[0].SKU).to.equal("'\t'=1");
      expect(s.lines[0].Description).to.equal("Disk;' =SUM(A1)");
    });

    it('keeps the negative amounts it generates numeric', () => {
      const [row] = records(readCsv(detailedCsv(evil), ','));
      expect(row.Amount).to.equal('-12.50');
      expect(row['Unit price']).to.equal('-12.50');
      expect(row.Tax).to.equal('-1.25');
      const [pt] = records(readCsv(detailedCsv(evil, { locale: 'pt-BR' }), ';'));
      expect(pt.Amount).to.equal('-12,50');
    });
  });

  describe('in pieces (what the worker and the main-thread fallback write)', () => {
    const texts = (pieces: Iterable<{ text: string }>): string[] => [...pieces].map((p) => p.text);

    it('joined, the pieces are the detailed CSV: empty while converting, then rows', () => {
      const invoice = fixtureInvoice();
      const options = { currency: 'BRL', dialect: 'rfc4180' as const };
      const pieces = [...csvPieces(invoice, 'detailed-csv', options, 1)];
      const sixths = pieces.map((p) => Math.round(p.progress * 6 * 1e6) / 1e6);
      expect(sixths).to.deep.equal([1, 2, 4, 5, 6]);
      expect(pieces.map((p) => p.text.split('\r\n').length)).to.deep.equal([1, 1, 2, 2, 2]);
      expect(pieces.slice(0, 2).map((p) => p.text)).to.deep.equal(['', '']);
      expect(pieces[2].text.startsWith('Document ID,Customer,Customer ID,Status,')).to.equal(true);
      expect(pieces[3].text.startsWith('\r\nINV-2026-0042,Contoso Ltda.,cus-7,OPEN,')).to.equal(
        true,
      );
      expect(pieces.map((p) => p.text).join('')).to.equal(detailedCsv(invoice, options));
      expect(texts(csvPieces(invoice, 'detailed-csv', options, 2)).join('')).to.equal(
        detailedCsv(invoice, options),
      );
    });

    it('an invoice without lines: the detailed CSV is the header alone; the invoice CSV has its sections', () => {
      const empty = fixtureInvoice({ lines: [] });
      expect(texts(csvPieces(empty, 'detailed-csv', {}, 1))).to.deep.equal([detailedCsv(empty)]);
      expect(detailedCsv(empty).startsWith('\uFEFFDocument ID,Customer,')).to.equal(true);
      const s = invoiceSections(readCsv(invoiceCsv(empty), ','));
      expect(s.lines).to.deep.equal([]);
      expect(s.totals.Total).to.equal('0.00');
    });

    it('the invoice CSV in pieces joins to the same file, whatever the piece size', () => {
      const invoice = documentInvoice();
      const options = { currency: 'BRL', locale: 'pt-BR' };
      for (const size of [1, 2, 3, 100]) {
        const pieces = [...csvPieces(invoice, 'csv', options, size)];
        expect(pieces.map((p) => p.text).join(''), String(size)).to.equal(
          invoiceCsv(invoice, options),
        );
        expect(pieces[pieces.length - 1].progress).to.equal(1);
        const progress = pieces.map((p) => p.progress);
        expect([...progress].sort((x, y) => x - y)).to.deep.equal(progress);
      }
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
