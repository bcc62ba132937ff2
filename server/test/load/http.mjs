/**
 * The REST contract (docs/openapi.yaml) spoken plainly over fetch, for the load and fault tests:
 * no retries or validation of our own (RestBackend's), so the tests see exactly what the server
 * answered. Every call resolves `{ status, etag, body }`; a network failure rejects.
 */
import { randomUUID } from 'node:crypto';

/** `"v3"` → `v3`: the version an ETag carries. */
export const versionOf = (etag) => (etag ? etag.replace(/^W\//, '').replace(/"/g, '') : undefined);

export async function call(base, token, method, path, { body, ifMatch, key, signal } = {}) {
  const headers = { accept: 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (ifMatch !== undefined) headers['if-match'] = `"${ifMatch}"`;
  if (key !== undefined) headers['idempotency-key'] = key;
  const response = await fetch(new URL(path.replace(/^\//, ''), base), {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    signal,
  });
  const text = await response.text();
  let parsed = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = text;
  }
  return { status: response.status, etag: response.headers.get('etag'), body: parsed };
}

export const getInvoice = (base, token, id) =>
  call(base, token, 'GET', `invoices/${encodeURIComponent(id)}`);

/** Every invoice of a query, page by page (`query` as URLSearchParams entries). */
export async function listAll(base, token, query = {}) {
  const items = [];
  for (let offset = 0; ;) {
    const params = new URLSearchParams({ ...query, offset: String(offset), limit: '100' });
    const page = await call(base, token, 'GET', `invoices?${params}`);
    if (page.status !== 200) throw new Error(`list ${params}: HTTP ${page.status}`);
    items.push(...page.body.items);
    offset += page.body.items.length;
    if (page.body.items.length === 0 || offset >= page.body.total) return items;
  }
}

/** One write intent: a status change or a discard, with its version and its own key. */
export function intent(invoiceId, action, expectedVersion) {
  return { invoiceId, action, expectedVersion, key: randomUUID() };
}

/** Sends an intent once (its key and version, whatever happened before). */
export function send(base, token, { invoiceId, action, expectedVersion, key }, signal) {
  const path = `invoices/${encodeURIComponent(invoiceId)}`;
  return action === 'DISCARD'
    ? call(base, token, 'DELETE', path, { ifMatch: expectedVersion, key, signal })
    : call(base, token, 'POST', `${path}/status`, {
        body: { to: action, notify: false },
        ifMatch: expectedVersion,
        key,
        signal,
      });
}

/** What identifies an answer, to compare a replay with the first answer. */
export function answerOf({ status, etag, body }) {
  if (status === 200) return `200 ${versionOf(etag) ?? ''} ${body?.status} ${body?.version}`;
  return String(status);
}
