import { expect } from '@open-wc/testing';
import { downloadFormatsFor } from '../../src/core/downloads.js';
import type { DownloadFormat, ReceivedStatus } from '../../src/core/types.js';

function invoice(providerId: string, status: ReceivedStatus = 'OPEN', formats?: DownloadFormat[]) {
  return {
    provider: { id: providerId, name: providerId },
    status,
    ...(formats ? { downloadFormats: formats } : {}),
  };
}

describe('core/downloads', () => {
  describe("the adapter's list wins", () => {
    it('over the provider table', () => {
      expect(downloadFormatsFor(invoice('microsoft', 'OPEN', ['csv']))).to.deep.equal(['csv']);
      expect(downloadFormatsFor(invoice('aws', 'OPEN', ['detailed-csv']))).to.deep.equal([
        'detailed-csv',
      ]);
    });
    it('in the canonical order (pdf, csv, detailed-csv, print)', () => {
      expect(downloadFormatsFor(invoice('google', 'OPEN', ['print', 'csv', 'pdf']))).to.deep.equal([
        'pdf',
        'csv',
        'print',
      ]);
    });
    it('an empty list offers nothing', () => {
      expect(downloadFormatsFor(invoice('microsoft', 'OPEN', []))).to.deep.equal([]);
    });
  });

  describe('provider default table, when the adapter says nothing', () => {
    const table: [string, DownloadFormat[]][] = [
      ['microsoft', ['pdf', 'csv', 'detailed-csv', 'print']],
      ['aws', ['pdf', 'csv', 'print']],
      ['google', ['pdf', 'detailed-csv', 'print']],
    ];
    for (const [provider, expected] of table) {
      it(provider, () => {
        expect(downloadFormatsFor(invoice(provider))).to.deep.equal(expected);
      });
    }
    it('matches the provider id case-insensitively', () => {
      expect(downloadFormatsFor(invoice('AWS'))).to.deep.equal(['pdf', 'csv', 'print']);
    });
  });

  describe('unknown provider', () => {
    it('gets the generic formats', () => {
      expect(downloadFormatsFor(invoice('oracle'))).to.deep.equal(['pdf', 'csv', 'print']);
    });
    it('even when its id is an Object.prototype key', () => {
      for (const id of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
        expect(downloadFormatsFor(invoice(id)), id).to.deep.equal(['pdf', 'csv', 'print']);
      }
    });
  });

  describe('audience', () => {
    it('the customer gets nothing for a draft, even with an adapter list', () => {
      expect(downloadFormatsFor(invoice('microsoft', 'DRAFT'), 'customer')).to.deep.equal([]);
      expect(
        downloadFormatsFor(invoice('microsoft', 'DRAFT', ['pdf', 'csv']), 'customer'),
      ).to.deep.equal([]);
    });
    it('the customer gets nothing for an unknown status', () => {
      expect(downloadFormatsFor(invoice('aws', 'ARCHIVED'), 'customer')).to.deep.equal([]);
    });
    it('the customer gets the formats of a published invoice', () => {
      for (const status of ['OPEN', 'VOID', 'CLOSED']) {
        expect(downloadFormatsFor(invoice('aws', status), 'customer'), status).to.deep.equal([
          'pdf',
          'csv',
          'print',
        ]);
      }
    });
    it('the operator (default audience) may download a draft', () => {
      expect(downloadFormatsFor(invoice('aws', 'DRAFT'))).to.deep.equal(['pdf', 'csv', 'print']);
    });
  });
});
