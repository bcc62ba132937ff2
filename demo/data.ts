/**
 * The demo's data: generated relative to today, so the table's default period (the last 3
 * months) always has invoices, and kept in localStorage so changes survive a reload. The
 * README's example customer (`cus-1`) is the first generated customer, the one the end-customer
 * view shows. The generator is deterministic: the same month gives the same invoices.
 */
import { DEFAULT_ISSUER, MemoryBackend } from '../src/adapters/memory/index.js';
import type { MemoryBackendOptions } from '../src/adapters/memory/index.js';
import type { ResolvedGeneratorOptions } from '../src/adapters/memory/generator.js';
import { addMonths, monthOf } from '../src/core/period.js';
import type { YearMonth } from '../src/core/types.js';

/** The customer the README's examples name (`customer-id="cus-1"`). */
export const README_CUSTOMER = 'cus-1';

const LATENCY_MS = 250;

/**
 * The demo reseller: the generator's issuer with the demo's logo (demo/public/logo.png, same
 * origin, so the PDF embeds it). The generated invoices carry the other document fields
 * (customer addresses and tax IDs, terms, decimal unit prices…) themselves.
 */
export const DEMO_ISSUER = { ...DEFAULT_ISSUER, logoUrl: 'logo.png' };

const OPTIONS: MemoryBackendOptions = { latencyMs: LATENCY_MS, issuer: DEMO_ISSUER };

/** The last generated billing month: last month (this month's invoices are not out yet). */
export function anchorMonth(today: Date): YearMonth {
  return addMonths(monthOf(today), -1);
}

/** What the demo generates for `today`. */
export function demoData(today: Date) {
  return { endMonth: anchorMonth(today), customerIds: [README_CUSTOMER] };
}

function originOf(saved: string): Partial<ResolvedGeneratorOptions> | null {
  try {
    return (JSON.parse(saved) as { origin?: Partial<ResolvedGeneratorOptions> }).origin ?? null;
  } catch {
    return null;
  }
}

export interface LoadedStore {
  memory: MemoryBackend;
  /** Why the saved data was not used (a month went by, or it was unreadable), if it was not. */
  discarded?: string;
}

/**
 * The saved store when it was generated for this month; otherwise (a new month, an older demo,
 * unreadable) fresh data for today, so the default period is never empty.
 */
export function loadStore(storageKey: string, today: Date): LoadedStore {
  const wanted = demoData(today);
  const saved = localStorage.getItem(storageKey);
  let discarded: string | undefined;
  if (saved) {
    const origin = originOf(saved);
    if (origin?.endMonth === wanted.endMonth && origin.customerIds?.[0] === README_CUSTOMER) {
      try {
        return { memory: MemoryBackend.restore(saved, OPTIONS) };
      } catch {
        discarded = 'the saved demo data was unreadable';
      }
    } else {
      discarded = `the saved demo data ended at ${origin?.endMonth ?? '?'}; new data up to ${wanted.endMonth}`;
    }
    localStorage.removeItem(storageKey);
  }
  const memory = new MemoryBackend({ ...OPTIONS, data: wanted });
  return discarded ? { memory, discarded } : { memory };
}
