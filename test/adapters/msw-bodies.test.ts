/**
 * The msw handlers' writes with a body that is not JSON: a `400` validation error, and nothing
 * changes (the status change, the batch, the conformance fixture's create). Answered in the
 * page through msw's `getResponse`, as test/adapters/msw-conformance.test.ts does.
 */
import { expect } from '@open-wc/testing';
import { getResponse } from 'msw';
import { MemoryBackend } from '../../src/adapters/memory/index.js';
import { createInvoiceHandlers } from '../../src/adapters/msw/index.js';
import { invoiceWith } from '../support/fixtures.js';

const BASE = 'http://bodies.test/api';

describe('msw handlers: a body that is not JSON', () => {
  for (const path of ['/invoices/inv-1/status', '/invoices/status', '/conformance/invoices']) {
    it(`POST ${path} answers 400 validation and changes nothing`, async () => {
      const memory = new MemoryBackend({ invoices: [invoiceWith('inv-1', 'OPEN')] });
      const before = memory.inspect('inv-1');
      const handlers = createInvoiceHandlers(memory, { baseUrl: BASE, conformance: true });
      const request = new Request(`${BASE}${path}`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'If-Match': '"v1"',
          'Idempotency-Key': 'key-not-json',
        },
        body: '{ "to": "VOID", ',
      });
      const answer = await getResponse(handlers, request);
      expect(answer?.status).to.equal(400);
      const { error } = (await answer?.json()) as { error: { kind: string } };
      expect(error.kind).to.equal('validation');
      expect(memory.invoiceIds()).to.deep.equal(['inv-1']);
      expect(memory.inspect('inv-1')).to.deep.equal(before);
    });
  }
});
