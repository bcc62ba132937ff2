// Shared by the server's node:test files: one reference server per process on in-memory PGlite
// (migrated, seeded for a fixed day; on the PostgreSQL of TEST_DATABASE_URL when set, which is
// emptied first), a fetch helper with tokens, and a check of every answer
// against docs/openapi.yaml (the operation must list the status; a JSON body must match its
// schema, validated by Ajv as JSON Schema 2020-12).
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { createServer, createTokens, migrate, openDatabase, seed } from '../dist/index.js';

/** The day the data is generated for: billing months end 2026-05. */
export const TODAY = new Date('2026-06-15T12:00:00Z');
export const SECRET = 'test-secret-of-the-reference-server-0123456789';

const doc = parse(
  await readFile(fileURLToPath(import.meta.resolve('../../docs/openapi.yaml')), 'utf8'),
);
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);
ajv.addSchema(doc, 'openapi');

const operations = new Map();
for (const item of Object.values(doc.paths)) {
  for (const op of Object.values(item)) {
    if (op && typeof op === 'object' && op.operationId) operations.set(op.operationId, op);
  }
}

function resolveResponse(response) {
  if (response?.$ref) return doc.components.responses[response.$ref.split('/').pop()];
  return response;
}

/**
 * Asserts that an answer is one the contract allows for the operation; resolves with the
 * parsed JSON body (or `null`).
 */
export async function checkContract(operationId, response) {
  const op = operations.get(operationId);
  assert.ok(op, `no operation ${operationId}`);
  const status = String(response.status);
  const spec = resolveResponse(op.responses[status] ?? op.responses[`${status[0]}XX`]);
  assert.ok(spec, `${operationId} does not list ${status}`);
  const text = await response.text();
  const schema = spec.content?.['application/json']?.schema;
  if (!schema) {
    if (status === '204') assert.equal(text, '', '204 has no body');
    return null;
  }
  assert.match(response.headers.get('content-type') ?? '', /^application\/json/);
  const body = JSON.parse(text);
  const validate = schema.$ref
    ? ajv.getSchema(`openapi${schema.$ref}`)
    : ajv.compile(JSON.parse(JSON.stringify(schema).replaceAll('"#/', '"openapi#/')));
  if (!validate(body)) {
    assert.fail(
      `${operationId} ${status} does not match its schema: ${ajv.errorsText(validate.errors)}`,
    );
  }
  return body;
}

/**
 * Starts a server for one test file: `{ server, db, base, tokens, request, operator, customer,
 * close }`. `request(path, { token, method, headers, body })` fetches `base + path`.
 */
export async function startServer(options = {}) {
  const databaseUrl = process.env.TEST_DATABASE_URL;
  const db = await openDatabase(databaseUrl ? { url: databaseUrl } : { memory: true });
  // A PostgreSQL given for tests is emptied first: never point this at data you keep.
  if (databaseUrl) await db.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
  await migrate(db);
  await seed(db, { today: TODAY, customers: options.customers ?? 12 });
  const tokens = createTokens({ secret: SECRET });
  const server = createServer({ db, tokens, log: () => undefined, ...options.server });
  const { url } = await server.listen(0, '127.0.0.1');
  const request = (path, { token, method = 'GET', headers = {}, body } = {}) =>
    fetch(`${url}${path}`, {
      method,
      headers: {
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...headers,
      },
      ...(body === undefined
        ? {}
        : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
  return {
    db,
    server,
    url,
    origin: new URL(url).origin,
    tokens,
    request,
    operator: (resellerId = 'reseller-1') => tokens.issue({ role: 'operator', resellerId }),
    customer: (customerId, resellerId = 'reseller-1') =>
      tokens.issue({ role: 'customer', resellerId, customerId }),
    close: async () => {
      await server.close();
      await db.close();
    },
  };
}

/** An invoice row of the seed, straight from the database. */
export async function someInvoice(db, where) {
  const { rows } = await db.query(
    `SELECT id, customer_id, reseller_id, status, version FROM invoices WHERE ${where} ORDER BY id LIMIT 1`,
  );
  assert.ok(rows[0], `no seeded invoice where ${where}`);
  return rows[0];
}

/** A write's headers. */
export function writeHeaders(version, key) {
  return { 'If-Match': `"${version}"`, 'Idempotency-Key': key };
}

let shared;
/**
 * The one server of the test process (server.test.mjs runs every suite against it: one PGlite
 * start instead of one per file), with the fixture and dev-token endpoints on. The suites pick
 * their invoices from the database's current state, so their order does not matter.
 */
export function sharedServer() {
  shared ??= startServer({ server: { conformanceFixtures: true, devTokens: true } });
  return shared;
}

export async function closeSharedServer() {
  if (shared) await (await shared).close();
}
