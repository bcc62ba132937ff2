// The HTTP contract validates against the OpenAPI 3.1 schema with a real validator.
// Runs under Node (`node --test test/node/`): @seriousme/openapi-schema-validator reads its
// JSON schemas with node:fs, so it does not load in the browser test runner.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Validator } from '@seriousme/openapi-schema-validator';
import { parse } from 'yaml';

const source = await readFile(
  fileURLToPath(import.meta.resolve('../../docs/openapi.yaml')),
  'utf8',
);

test('docs/openapi.yaml is a valid OpenAPI 3.1 document', async () => {
  const validator = new Validator();
  const result = await validator.validate(parse(source));
  assert.deepEqual(result.errors, undefined);
  assert.equal(result.valid, true);
  assert.equal(validator.version, '3.1');
});

test('the validator rejects a broken copy (so the check above can fail)', async () => {
  const broken = parse(source);
  broken.paths['/invoices'].get.responses['200'].content['application/json'].schema = {
    $ref: '#/components/schemas/DoesNotExist',
  };
  const result = await new Validator().validate(broken);
  assert.equal(result.valid, false);

  const noInfo = parse(source);
  delete noInfo.info;
  assert.equal((await new Validator().validate(noInfo)).valid, false);
});

test('the document has the operations of the contract, each with its id', () => {
  const doc = parse(source);
  const operations = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of ['get', 'post', 'put', 'patch', 'delete']) {
      if (item[method])
        operations.push(`${method.toUpperCase()} ${path} ${item[method].operationId}`);
    }
  }
  assert.deepEqual(operations.sort(), [
    // The optional test-fixture endpoints of the conformance command (tag `conformance`).
    'DELETE /conformance/invoices conformanceReset',
    'DELETE /invoices/{invoiceId} discardInvoice',
    'GET /customers searchCustomers',
    'GET /customers/{customerId} getCustomer',
    'GET /invoices listInvoices',
    'GET /invoices/{invoiceId} getInvoice',
    'GET /invoices/{invoiceId}/download/{format} download',
    'POST /conformance/invoices conformanceCreateInvoice',
    'POST /conformance/tokens conformanceCustomerToken',
    'POST /invoices/status updateStatuses',
    'POST /invoices/{invoiceId}/status updateStatus',
  ]);
  for (const [path, item] of Object.entries(doc.paths)) {
    const optional = path.startsWith('/conformance/');
    for (const op of Object.values(item).filter((o) => o.operationId)) {
      assert.equal(op.tags.includes('conformance'), optional, `${path}: tagged conformance`);
    }
  }
});

test('writes require If-Match and Idempotency-Key and answer 409 and 412 as conflicts', () => {
  const doc = parse(source);
  const writes = [
    doc.paths['/invoices/{invoiceId}/status'].post,
    doc.paths['/invoices/{invoiceId}'].delete,
  ];
  for (const op of writes) {
    const refs = op.parameters.map((p) => p.$ref);
    assert.ok(refs.includes('#/components/parameters/IfMatch'));
    assert.ok(refs.includes('#/components/parameters/IdempotencyKey'));
    assert.ok(
      op.responses['409'] && op.responses['412'] && op.responses['422'] && op.responses['429'],
    );
  }
  assert.equal(doc.components.parameters.IdempotencyKey.required, true);
  assert.ok(doc.components.responses.RateLimited.headers['Retry-After']);
});

test('every type of src/core/types.ts has a component schema', () => {
  const schemas = Object.keys(parse(source).components.schemas);
  for (const name of [
    'InvoiceStatus',
    'Audience',
    'DownloadFormat',
    'CloudProvider',
    'Money',
    'BillingPeriod',
    'YearMonth',
    'Customer',
    'Issuer',
    'Address',
    'CustomField',
    'LineItem',
    'StatusChange',
    'CurrencyRate',
    'InvoiceSummary',
    'Invoice',
    'InvoiceSummaryPage',
    'StatusUpdateRequest',
    'DownloadLink',
    'ErrorBody',
  ]) {
    assert.ok(schemas.includes(name), `missing schema ${name}`);
  }
});

test('the invoice-document fields (issue 18) are documented, every one optional', () => {
  const { schemas } = parse(source).components;
  /** A schema's properties and required names, through `allOf`. */
  const shape = (name) => {
    const parts = schemas[name].allOf ?? [schemas[name]];
    const own = parts.filter((p) => !p.$ref);
    return {
      properties: Object.assign({}, ...own.map((p) => p.properties ?? {})),
      required: own.flatMap((p) => p.required ?? []),
    };
  };
  // docs/ADAPTERS.md, "Invoice documents"; src/core/types.ts.
  const fields = {
    Invoice: ['issuer', 'issueDate', 'paymentTermsDays', 'paymentInstructions'],
    InvoiceSummary: ['dueDate', 'amountPaid', 'amountDue'],
    Customer: ['address', 'taxId'],
    Issuer: ['address', 'taxId', 'email', 'phone', 'website', 'logoUrl'],
    LineItem: ['unitPriceDecimal', 'taxRate'],
  };
  for (const [schema, names] of Object.entries(fields)) {
    const { properties, required } = shape(schema);
    for (const name of names) {
      assert.ok(properties[name], `${schema}.${name} is documented`);
      assert.ok(!required.includes(name), `${schema}.${name} is optional`);
      assert.ok(
        properties[name].$ref || properties[name].description,
        `${schema}.${name} says what it is`,
      );
    }
  }
  assert.deepEqual(shape('Issuer').required, ['name']);
  assert.equal(shape('Invoice').properties.issuer.$ref, '#/components/schemas/Issuer');
});
