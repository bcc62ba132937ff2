/**
 * Mock data for the stories: MemoryBackend over the seeded generator (seed 1, the same data in
 * every story and on every machine), plus helpers that pick invoices by status and provider and
 * set up the states a designer wants to see (loading, error, conflict, unknown status…).
 */
import {
  MemoryBackend,
  generateData,
  toInvoice,
  type GeneratedData,
  type InvoiceRecord,
  type MemoryBackendOptions,
} from '../../src/adapters/memory/index.js';
import { BackendError } from '../../src/core/errors.js';
import type { Customer, Invoice, InvoiceStatus } from '../../src/core/types.js';

/** "Now" in the stories: the generated data ends with October 2026, generated in November. */
export const STORY_TODAY = new Date('2026-11-20T12:00:00Z');

/** A short simulated latency, so that loading states flash as they would over a network. */
export const STORY_LATENCY_MS = 300;

/** A status no component knows (a newer backend): it renders read-only. */
export const UNKNOWN_STATUS = 'DISPUTED';

export type ProviderId = 'microsoft' | 'aws' | 'google';

let shared: GeneratedData | undefined;

/** The generated data behind most stories (records are never mutated, so it is shared). */
export function storyData(): GeneratedData {
  shared ??= generateData({ seed: 1 });
  return shared;
}

/** A backend over the shared generated data. */
export function storyBackend(options: MemoryBackendOptions = {}): MemoryBackend {
  return new MemoryBackend({ data: storyData(), latencyMs: STORY_LATENCY_MS, ...options });
}

/** The first generated customer billed by all three providers (the table's default customer). */
export function storyCustomer(): Customer {
  const data = storyData();
  for (const customer of data.customers) {
    const providers = new Set(
      data.invoices.filter((r) => r.customer.id === customer.id).map((r) => r.provider.id),
    );
    if (providers.size === 3) return customer;
  }
  return data.customers[0] as Customer;
}

export interface InvoicePick {
  status?: InvoiceStatus;
  provider?: ProviderId;
  customerId?: string;
}

/** The most recent generated invoice matching `pick` (its record: cheap, no lines). */
export function pickRecord(pick: InvoicePick = {}): InvoiceRecord {
  const { invoices } = storyData();
  for (let i = invoices.length - 1; i >= 0; i--) {
    const r = invoices[i] as InvoiceRecord;
    if (pick.status && r.status !== pick.status) continue;
    if (pick.provider && r.provider.id !== pick.provider) continue;
    if (pick.customerId && r.customer.id !== pick.customerId) continue;
    return r;
  }
  throw new RangeError(`No generated invoice matches ${JSON.stringify(pick)}.`);
}

/** The id of the most recent generated invoice matching `pick`. */
export function pickInvoiceId(pick: InvoicePick = {}): string {
  return pickRecord(pick).id;
}

/** The whole invoice (lines, history, rates) matching `pick`. */
export function pickInvoice(pick: InvoicePick = {}): Invoice {
  return toInvoice(pickRecord(pick));
}

/** A backend holding one invoice whose status is {@link UNKNOWN_STATUS}; returns its id too. */
export function unknownStatusBackend(): { backend: MemoryBackend; invoiceId: string } {
  const invoice = pickInvoice({ status: 'OPEN', provider: 'microsoft' });
  const backend = storyBackend();
  backend.addInvoice({ ...invoice, status: UNKNOWN_STATUS });
  return { backend, invoiceId: invoice.id };
}

/** A backend with the generator's long invoice (`lines` line items); returns its id too. */
export function longInvoiceBackend(lines = 1500): { backend: MemoryBackend; invoiceId: string } {
  const data = generateData({ seed: 1, longInvoiceLines: lines });
  const backend = new MemoryBackend({ data, latencyMs: STORY_LATENCY_MS });
  const invoiceId = backend.longInvoiceId;
  if (!invoiceId) throw new Error('The generator made no long invoice.');
  return { backend, invoiceId };
}

/** A backend whose every call (of the listed operations) hangs until aborted: loading forever. */
export function hangingBackend(
  operations: Parameters<MemoryBackend['failNext']>[0][],
): MemoryBackend {
  const backend = storyBackend();
  // Queue plenty: Retry and re-renders call again, and each call plays one queued failure.
  for (const op of operations) for (let i = 0; i < 20; i++) backend.failNext(op, 'hang');
  return backend;
}

/** A server error (retryable: the element offers Retry, and the next call succeeds). */
export function serverError(): BackendError {
  return new BackendError('server', 'Simulated server error (story).', { status: 503 });
}

/** A backend whose next call of `operation` fails with `error` (default: a server error). */
export function failingBackend(
  operation: Parameters<MemoryBackend['failNext']>[0],
  error: BackendError = serverError(),
): MemoryBackend {
  const backend = storyBackend();
  backend.failNext(operation, error);
  return backend;
}

/**
 * A conflict: someone else changed the invoice after the element got its copy. Returns the
 * backend (already at the newer version) and the stale copy to hand to the element.
 */
export async function conflictSetup(
  status: 'DRAFT' | 'OPEN' = 'DRAFT',
): Promise<{ backend: MemoryBackend; stale: Invoice }> {
  const stale = pickInvoice({ status, provider: 'microsoft' });
  const backend = storyBackend({ latencyMs: 0 });
  await backend.updateStatus({
    invoiceId: stale.id,
    to: status === 'DRAFT' ? 'OPEN' : 'CLOSED',
    notify: false,
    expectedVersion: stale.version,
    idempotencyKey: 'story-someone-else',
  });
  backend.latencyMs = STORY_LATENCY_MS;
  backend.resetHooks();
  return { backend, stale };
}
