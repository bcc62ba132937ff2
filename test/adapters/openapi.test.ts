/**
 * docs/openapi.yaml against the msw handlers: every documented path+method is served and answers
 * a documented status with a body that has the documented required fields, and no handler serves
 * anything undocumented. (The document itself is validated by a real OpenAPI validator in
 * test/node/openapi.test.mjs: that validator reads its schemas with node:fs.)
 */
import { expect } from '@open-wc/testing';
import { setupWorker } from 'msw/browser';
import type { SetupWorker } from 'msw/browser';
import { parse } from 'yaml';
import { MemoryBackend } from '../../src/adapters/memory/index.js';
import { createInvoiceHandlers } from '../../src/adapters/msw/index.js';
import type { Invoice } from '../../src/core/types.js';

type Json = Record<string, unknown>;

interface Operation {
  method: string;
  path: string;
  operationId: string;
  responses: Record<string, Json>;
  tags: string[];
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];
let doc: Json;
let memory: MemoryBackend;
let worker: SetupWorker;

function operations(): Operation[] {
  const result: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths as Record<string, Json>)) {
    for (const method of METHODS) {
      const op = item[method] as Json | undefined;
      if (!op) continue;
      result.push({
        method: method.toUpperCase(),
        path,
        operationId: op.operationId as string,
        responses: op.responses as Record<string, Json>,
        tags: (op.tags as string[] | undefined) ?? [],
      });
    }
  }
  return result;
}

/** The contract's operations: without the optional test-fixture ones (tag `conformance`). */
const contractOperations = (): Operation[] =>
  operations().filter((o) => !o.tags.includes('conformance'));

function resolve(node: Json): Json {
  const ref = node.$ref;
  if (typeof ref !== 'string') return node;
  let target: unknown = doc;
  for (const part of ref.replace(/^#\//, '').split('/')) target = (target as Json)[part];
  return resolve(target as Json);
}

/** Required properties of a schema (following $ref and allOf), checked one level deep. */
function requiredOf(schema: Json): string[] {
  const s = resolve(schema);
  const own = (s.required as string[] | undefined) ?? [];
  const inherited = ((s.allOf as Json[] | undefined) ?? []).flatMap(requiredOf);
  return [...inherited, ...own];
}

function documented(op: Operation, status: number): Json | undefined {
  return op.responses[String(status)] ?? op.responses[`${String(status)[0]}XX`];
}

function invoicesWith(status: string): Invoice[] {
  const found: Invoice[] = [];
  for (const id of memory.invoiceIds()) {
    const invoice = memory.inspect(id);
    if (invoice?.status === status && invoice.allowedTargets === undefined) found.push(invoice);
  }
  return found;
}

before(async () => {
  const response = await fetch('/docs/openapi.yaml');
  expect(response.ok).to.equal(true);
  doc = parse(await response.text()) as Json;
  memory = new MemoryBackend();
  worker = setupWorker(...createInvoiceHandlers(memory));
  await worker.start({
    serviceWorker: { url: '/mockServiceWorker.js' },
    onUnhandledRequest: 'error',
    quiet: true,
  });
});

after(() => worker.stop());

describe('docs/openapi.yaml and the msw handlers', () => {
  it('is OpenAPI 3.1 with the eight operations of the contract', () => {
    expect(doc.openapi).to.match(/^3\.1\./);
    expect(
      contractOperations()
        .map((o) => o.operationId)
        .sort(),
    ).to.deep.equal([
      'discardInvoice',
      'download',
      'getCustomer',
      'getInvoice',
      'listInvoices',
      'searchCustomers',
      'updateStatus',
      'updateStatuses',
    ]);
  });

  it('every handler serves a documented path+method, and every one is served', () => {
    /** `METHOD /api/path/{param}` of each handler, sorted. */
    const served = (options: Parameters<typeof createInvoiceHandlers>[1] = {}): string[] =>
      createInvoiceHandlers(new MemoryBackend(), options)
        .map((h) => `${String(h.info.method)} ${String(h.info.path).replace(/:(\w+)/g, '{$1}')}`)
        .sort();
    /** The same of each documented operation. */
    const documented = (ops: Operation[]): string[] =>
      ops.map((o) => `${o.method} /api${o.path}`).sort();
    expect(served()).to.deep.equal(documented(contractOperations()));
    // With the test-fixture endpoints on: those documented, but the customer tokens (404).
    expect(served({ conformance: true })).to.deep.equal(
      documented(operations()).filter((o) => o !== 'POST /api/conformance/tokens'),
    );
  });

  it('every documented operation answers a documented status with the required fields', async () => {
    const [open] = invoicesWith('OPEN');
    const [draft, otherDraft, batchDraft] = invoicesWith('DRAFT');
    if (!open || !draft || !otherDraft || !batchDraft)
      throw new Error('The generated data lacks fixtures.');
    const customer = memory.customerList()[0]!;
    memory.setDownload('pdf', { kind: 'url', url: 'https://files.example.com/x.pdf' });
    const checked: string[] = [];
    // Writes last, so the reads see the fixtures unchanged.
    const ordered = contractOperations().sort(
      (a, b) => Number(a.method !== 'GET') - Number(b.method !== 'GET'),
    );
    for (const op of ordered) {
      const isWrite = op.method !== 'GET';
      const target = op.method === 'DELETE' ? otherDraft : isWrite ? draft : open;
      const path = op.path
        .replace('{invoiceId}', encodeURIComponent(target.id))
        .replace('{customerId}', encodeURIComponent(customer.id))
        .replace('{format}', 'pdf');
      const headers: Record<string, string> = isWrite
        ? { 'If-Match': `"${target.version}"`, 'Idempotency-Key': `key-${op.operationId}` }
        : {};
      const init: RequestInit = { method: op.method, headers };
      if (op.method === 'POST') {
        headers['Content-Type'] = 'application/json';
        init.body = JSON.stringify(
          op.operationId === 'updateStatuses'
            ? {
                updates: [
                  {
                    invoiceId: batchDraft.id,
                    to: 'OPEN',
                    notify: true,
                    expectedVersion: batchDraft.version,
                    idempotencyKey: 'key-batch',
                  },
                ],
              }
            : { to: 'OPEN', notify: true },
        );
      }
      // An unhandled request makes fetch reject (onUnhandledRequest: 'error').
      const response = await fetch(`/api${path}`, init);
      const spec = documented(op, response.status);
      expect(spec, `${op.operationId} answered ${response.status}`).to.not.equal(undefined);
      expect(response.status, op.operationId).to.be.below(300);
      const content = (spec!.content as Record<string, Json> | undefined)?.['application/json'];
      if (content && response.headers.get('Content-Type')?.includes('json')) {
        const body = (await response.json()) as unknown;
        const sample = Array.isArray(body) ? body[0] : body;
        const schema = resolve(content.schema as Json);
        const itemSchema = schema.type === 'array' ? (schema.items as Json) : schema;
        for (const key of requiredOf(itemSchema)) {
          expect(sample as Json, `${op.operationId}: ${key}`).to.have.property(key);
        }
      }
      checked.push(op.operationId);
    }
    expect(checked).to.have.length(8);
    expect(memory.inspect(batchDraft.id)?.status).to.equal('OPEN');
    expect(memory.inspect(draft.id)?.status).to.equal('OPEN');
    expect(memory.inspect(otherDraft.id)).to.equal(undefined);
  });

  it('errors have the documented body, with a kind of the documented enum', async () => {
    const response = await fetch('/api/invoices/no-such-invoice');
    expect(response.status).to.equal(404);
    const body = (await response.json()) as { error: Json };
    const kinds = resolve({ $ref: '#/components/schemas/ErrorKind' }).enum as string[];
    for (const key of requiredOf({ $ref: '#/components/schemas/ErrorBody' })) {
      expect(body).to.have.property(key);
    }
    expect(kinds).to.include(body.error.kind);
    expect(body.error.kind).to.equal('not-found');
    expect(body.error.message).to.be.a('string');
  });
});
