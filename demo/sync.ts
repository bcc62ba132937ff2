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
