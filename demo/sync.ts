/**
 * The demo's tabs agree: what one tab writes, the others show (the demo's code, not the
 * library's). Each tab has its own MemoryBackend (persisted in localStorage); a write is
 * published on a `BroadcastChannel` with the writer's snapshot, and every other tab reloads its
 * store from it (versions included: a write there from an older copy is then a `conflict`, with
 * Reload) and tells its elements through the store's subscription.
 */
import type { MemoryBackend } from '../src/adapters/memory/index.js';
import type { InvoiceChange } from '../src/core/types.js';

interface SyncMessage {
  snapshot: string;
  change: InvoiceChange;
}

export interface TabSync {
  /** Tells the other tabs of a write made in this tab (after the store applied it). */
  publish(change: InvoiceChange): void;
  close(): void;
}

export function syncTabs(memory: MemoryBackend, channelName: string): TabSync {
  const channel = new BroadcastChannel(channelName);
  channel.onmessage = ({ data }: MessageEvent<SyncMessage>) => {
    if (typeof data?.snapshot !== 'string' || typeof data.change?.invoiceId !== 'string') return;
    memory.reload(data.snapshot, [data.change]);
  };
  return {
    publish: (change) => channel.postMessage({ snapshot: memory.snapshot(), change }),
    close: () => channel.close(),
  };
}

export interface TabAnnouncer {
  /** Tells the other tabs of a write this tab made. */
  publish(change: InvoiceChange): void;
  /** Hears the other tabs' writes; returns the unsubscribe function. */
  subscribe(listener: (change: InvoiceChange) => void): () => void;
  close(): void;
}

/**
 * The same, when a server holds the data: no snapshot to send, only which invoice changed, so
 * the other tabs' elements re-read it from the server.
 */
export function announceTabs(channelName: string): TabAnnouncer {
  const channel = new BroadcastChannel(channelName);
  const listeners = new Set<(change: InvoiceChange) => void>();
  channel.onmessage = ({ data }: MessageEvent<{ change?: InvoiceChange }>) => {
    const change = data?.change;
    if (typeof change?.invoiceId !== 'string') return;
    if (change.kind !== 'updated' && change.kind !== 'discarded') return;
    for (const listener of listeners) listener(change);
  };
  return {
    publish: (change) => channel.postMessage({ change }),
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: () => channel.close(),
  };
}
