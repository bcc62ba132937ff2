/**
 * The optional test-fixture endpoints of docs/openapi.yaml (tag `conformance`), served by the
 * msw handlers when `createInvoiceHandlers(memory, { conformance: true })` asks for them (off
 * by default): `POST /conformance/invoices` creates one invoice from an `InvoiceSpec`,
 * `DELETE /conformance/invoices` removes every invoice created that way. They let
 * `npx invoice-elements-conformance` (docs/ADAPTERS.md, "Check a live server") put a test
 * server in a known state. `POST /conformance/tokens` is not served: these handlers take the
 * audience from the `audience` parameter, not from the credential (so it answers `404`, as the
 * contract says for a server without customer tokens). No Lit.
 */
import { HttpResponse, http } from 'msw';
import type { HttpHandler } from 'msw';
import { BackendError } from '../../core/errors.js';
import { isKnownStatus } from '../../core/status.js';
import { parseInvoice } from '../../core/validate.js';
import type { Invoice } from '../../core/types.js';
import { jsonBody } from '../http-query.js';
import type { MemoryBackend } from '../memory/memory-backend.js';
import { invoiceFromSpec } from '../../testing/memory-fixture.js';
import type { InvoiceSpec } from '../../testing/types.js';

/** What the fixture endpoints need of the store: a `MemoryBackend`'s add and remove. */
export type ConformanceStore = Pick<MemoryBackend, 'addInvoice' | 'removeInvoice' | 'inspect'>;

/** Whether `backend` can hold the invoices of the fixture endpoints. */
export function isConformanceStore(backend: object): backend is ConformanceStore {
  const store = backend as Partial<ConformanceStore>;
  return (
    typeof store.addInvoice === 'function' &&
    typeof store.removeInvoice === 'function' &&
    typeof store.inspect === 'function'
  );
}

/**
 * The invoice an `InvoiceSpec` body describes, whole, as the kit's own memory fixture makes it
 * (`invoiceFromSpec`, src/testing/memory-fixture.ts), then checked as the adapter checks what
 * it receives (`parseInvoice`, core/validate.ts): a bad spec is a `validation` error naming the
 * field.
 */
export function invoiceOfSpecBody(body: unknown, id: string): Invoice {
  const spec = body as Partial<Record<keyof InvoiceSpec, unknown>> | null;
  if (typeof spec !== 'object' || spec === null || Array.isArray(spec)) {
    throw new BackendError('validation', 'The body must be an InvoiceSpec object.');
  }
  if (!isKnownStatus(spec.status)) {
    throw new BackendError('validation', 'status must be DRAFT, OPEN, VOID or CLOSED.', {
      field: 'status',
    });
  }
  for (const field of ['customer', 'provider', 'period', 'total'] as const) {
    if (typeof spec[field] !== 'object' || spec[field] === null) {
      throw new BackendError('validation', `${field} must be an object.`, { field });
    }
  }
  return parseInvoice(invoiceFromSpec(id, spec as InvoiceSpec));
}

/** The two fixture endpoints under `base`, over `store`; `answerError` maps a BackendError. */
export function conformanceHandlers(
  store: ConformanceStore,
  base: string,
  answerError: (error: unknown) => Promise<Response>,
): HttpHandler[] {
  const created = new Set<string>();
  let next = 1;
  return [
    http.post(`${base}/conformance/invoices`, async ({ request }) => {
      try {
        const body = await jsonBody(request);
        let id = `conformance-${next++}`;
        while (store.inspect(id)) id = `conformance-${next++}`;
        store.addInvoice(invoiceOfSpecBody(body, id));
        created.add(id);
        return HttpResponse.json({ id }, { status: 201 });
      } catch (error) {
        return answerError(error);
      }
    }),
    http.delete(`${base}/conformance/invoices`, () => {
      for (const id of created) store.removeInvoice(id);
      created.clear();
      return new HttpResponse(null, { status: 204 });
    }),
  ];
}
