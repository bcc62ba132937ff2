import { expect } from '@open-wc/testing';
import {
  exportBaseName,
  exportFilename,
  listExportFilename,
  MAX_FILENAME_LENGTH,
  safeFilename,
  safeNamePart,
} from '../../src/exports/filename.js';
import { fixtureInvoice } from './fixtures.js';

describe('exports: file names', () => {
  it('is <document-id>_<provider>_<period>.<ext>', () => {
    const invoice = fixtureInvoice();
    expect(exportFilename(invoice, 'pdf')).to.equal('INV-2026-0042_microsoft_2026-10.pdf');
    expect(exportFilename(invoice, 'csv')).to.equal('INV-2026-0042_microsoft_2026-10.csv');
    expect(exportFilename(invoice, 'detailed-csv')).to.equal(
      'INV-2026-0042_microsoft_2026-10_detailed.csv',
    );
  });

  it('carries the display currency when converted, for every format', () => {
    const invoice = fixtureInvoice();
    expect(exportFilename(invoice, 'csv', 'BRL')).to.equal(
      'INV-2026-0042_microsoft_2026-10_BRL.csv',
    );
    expect(exportFilename(invoice, 'detailed-csv', 'BRL')).to.equal(
      'INV-2026-0042_microsoft_2026-10_BRL_detailed.csv',
    );
    expect(exportFilename(invoice, 'pdf', 'BRL')).to.equal(
      'INV-2026-0042_microsoft_2026-10_BRL.pdf',
    );
    expect(exportFilename(invoice, 'print', 'BRL')).to.equal(
      'INV-2026-0042_microsoft_2026-10_BRL.html',
    );
    expect(exportBaseName(invoice, '', 'BRL')).to.equal('INV-2026-0042_microsoft_2026-10_BRL');
    // Not in its own currency, and not without one.
    expect(exportFilename(invoice, 'csv', 'USD')).to.equal('INV-2026-0042_microsoft_2026-10.csv');
    expect(exportFilename(invoice, 'csv')).to.equal('INV-2026-0042_microsoft_2026-10.csv');
    // A currency from elsewhere is made safe like every part.
    expect(exportFilename(invoice, 'csv', '../X Y')).to.equal(
      'INV-2026-0042_microsoft_2026-10_X-Y.csv',
    );
    const aws = fixtureInvoice({ documentId: 'INV-1', provider: { id: 'aws', name: 'AWS' } });
    expect(exportFilename(aws, 'csv', 'BRL')).to.equal('INV-1_aws_2026-10_BRL.csv');
  });

  it('names a several-month period by both ends', () => {
    const invoice = fixtureInvoice({ period: { from: '2026-08', to: '2026-10' } });
    expect(exportFilename(invoice, 'pdf')).to.equal(
      'INV-2026-0042_microsoft_2026-08-to-2026-10.pdf',
    );
  });

  it('replaces unsafe characters, collapses runs and strips leading dots', () => {
    expect(safeNamePart('../../etc/passwd')).to.equal('etc-passwd');
    expect(safeNamePart('Fatura Março / 2026??')).to.equal('Fatura-Marco-2026');
    expect(safeNamePart('a<>:"|?*\\b')).to.equal('a-b');
    expect(safeNamePart('\u0000\u202E')).to.equal('invoice');
    const invoice = fixtureInvoice({
      documentId: 'NF/2026:42 <x>',
      provider: { id: 'Google Cloud!', name: 'Google' },
    });
    expect(exportFilename(invoice, 'csv')).to.equal('NF-2026-42-x_Google-Cloud_2026-10.csv');
  });

  it('caps the length and keeps only safe characters', () => {
    const invoice = fixtureInvoice({
      documentId: 'X'.repeat(500),
      provider: { id: 'p'.repeat(500), name: 'P' },
    });
    const name = exportFilename(invoice, 'pdf');
    expect(name.length).to.be.at.most(MAX_FILENAME_LENGTH);
    expect(name).to.match(/^[A-Za-z0-9._-]+\.pdf$/);
  });

  it('makes a server-suggested name safe, or falls back', () => {
    expect(safeFilename('../../evil name.pdf', 'f.pdf')).to.equal('evil-name.pdf');
    expect(safeFilename(undefined, 'f.pdf')).to.equal('f.pdf');
    expect(safeFilename('///', 'f.pdf')).to.equal('f.pdf');
  });
});

describe('listExportFilename (issue 25, the list export)', () => {
  it('names the customer (by name, else id) and the period', () => {
    expect(
      listExportFilename(
        { id: 'cus-1', name: 'Águia Sistemas Ltda.' },
        { from: '2026-10', to: '2026-10' },
      ),
    ).to.equal('invoices_Aguia-Sistemas-Ltda_2026-10.csv');
    expect(listExportFilename({ id: 'cus-1' }, { from: '2026-08', to: '2026-10' })).to.equal(
      'invoices_cus-1_2026-08-to-2026-10.csv',
    );
    // A name with no safe character at all: its id.
    expect(
      listExportFilename({ id: 'cus-7', name: '株式会社' }, { from: '2026-10', to: '2026-10' }),
    ).to.equal('invoices_cus-7_2026-10.csv');
    expect(listExportFilename(undefined, { from: '2026-10', to: '2026-10' })).to.equal(
      'invoices_all-customers_2026-10.csv',
    );
    expect(
      listExportFilename(
        { id: '../x', name: '../../etc/passwd' },
        { from: '2026-10', to: '2026-10' },
      ),
    ).to.match(/^invoices_[A-Za-z0-9._-]+_2026-10\.csv$/);
  });
});
