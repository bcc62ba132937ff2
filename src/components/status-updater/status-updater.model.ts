/** The non-visual model of `<status-updater>`: flows, confirmed intents, phases, messages. */
import type { InvoiceStatus } from '../../core/types.js';

/** One confirmed change. Retry sends exactly this again (same idempotency key, same version). */
export interface Intent {
  invoiceId: string;
  from: InvoiceStatus;
  to: InvoiceStatus;
  notify: boolean;
  expectedVersion: string;
  idempotencyKey: string;
}

export type Phase = 'idle' | 'confirming' | 'sending' | 'checking' | 'reloading';

export interface Message {
  /** `conflict` blocks further changes until Reload. */
  kind: 'info' | 'success' | 'error' | 'conflict';
  text: string;
  action?: 'retry' | 'reload';
  /** For a conflict: the version the element held; a host invoice of another version clears it. */
  staleVersion?: string;
}

/** A fresh idempotency key: `crypto.randomUUID()`, with a v4 fallback for older engines. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
