/**
 * Seed data relative to today, from the same generator as the demo (src/adapters/memory): the
 * billing months end last month, and the README's example customer `cus-1` comes first. The
 * customers are shared between two resellers so that operator scopes can be seen and tested:
 * every fourth customer (never `cus-1`) belongs to the second one.
 */
import {
  DEFAULT_ISSUER,
  DEFAULT_PAYMENT_INSTRUCTIONS,
  MemoryBackend,
} from '../../../src/adapters/memory/index.js';
import { addMonths, monthOf } from '../../../src/core/period.js';
import type { Customer, Invoice, Issuer } from '../../../src/core/types.js';
import type { Database, Queryable } from './database.js';
import { insertInvoices } from './invoice-rows.js';
import type { NewInvoice } from './invoice-rows.js';

export interface Reseller {
  id: string;
  name: string;
  /**
   * Who its seeded invoices say issued them, and how to pay it (the invoice documents' fields,
   * docs/ADAPTERS.md, "Invoice documents"): each reseller issues its own customers' invoices.
   */
  issuer: Issuer;
  paymentInstructions: string;
}

/** The demo's reseller (it issues the generated invoices) and a second one. */
export const RESELLERS: readonly Reseller[] = [
  {
    id: 'reseller-1',
    name: DEFAULT_ISSUER.name,
    issuer: DEFAULT_ISSUER,
    paymentInstructions: DEFAULT_PAYMENT_INSTRUCTIONS,
  },
  {
    id: 'reseller-2',
    name: 'Nimbus Partners GmbH',
    issuer: {
      name: 'Nimbus Partners GmbH',
      address: ['Friedrichstraße 68', '10117 Berlin', 'Deutschland'],
      taxId: 'USt-IdNr. DE123456789',
      email: 'rechnung@nimbus-partners.example',
      website: 'https://nimbus-partners.example',
    },
    paymentInstructions:
      'Bank transfer to Nimbus Partners GmbH, IBAN DE89 3704 0044 0532 0130 00, BIC COBADEFFXXX, quoting the document ID.',
  },
];

/** A seeded invoice as its reseller issues it (the generator names the demo's reseller). */
function issuedBy(reseller: Reseller, invoice: Invoice): Invoice {
  return {
    ...invoice,
    issuer: structuredClone(reseller.issuer),
    paymentInstructions: reseller.paymentInstructions,
  };
}

const SEED_LOCK_ID = 240_025;

/** The customer the README's examples name. */
export const README_CUSTOMER = 'cus-1';

export interface SeedOptions {
  /** The day the data is generated for (the months end the month before). Default now. */
  today?: Date;
  /** Number of generated customers (default 40, the demo's). */
  customers?: number;
  /** Seed even when there are invoices already (default: only into an empty database). */
  force?: boolean;
}

export interface SeedResult {
  customers: number;
  invoices: number;
}

/** The reseller of the `index`-th generated customer. */
export function resellerOf(index: number): string {
  return index % 4 === 3 ? 'reseller-2' : 'reseller-1';
}

/** Adds the resellers (idempotent). */
export async function insertResellers(db: Queryable): Promise<void> {
  for (const r of RESELLERS) {
    await db.query('INSERT INTO resellers (id, name) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING', [
      r.id,
      r.name,
    ]);
  }
}

/** Adds customers under a reseller; one that exists already is left as it is. */
export async function insertCustomers(
  db: Queryable,
  resellerId: string,
  customers: readonly Customer[],
  fixture = false,
): Promise<void> {
  if (customers.length === 0) return;
  await db.query(
    `INSERT INTO customers (id, reseller_id, name, email, data, fixture)
     SELECT c->>'id', $2, c->>'name', c->>'email', c, $3
     FROM jsonb_array_elements($1::jsonb) AS c
     ON CONFLICT (id) DO NOTHING`,
    [JSON.stringify(customers), resellerId, fixture],
  );
}

/** Generates and stores the demo data, unless invoices exist already (see `force`). */
export async function seed(db: Database, options: SeedOptions = {}): Promise<SeedResult> {
  const today = options.today ?? new Date();
  return db.transaction(async (tx) => {
    // Two instances starting on one empty database: the second waits, then sees the data.
    await tx.query('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK_ID]);
    await insertResellers(tx);
    if (!options.force) {
      const existing = await tx.query('SELECT 1 FROM invoices LIMIT 1');
      if (existing.rows.length > 0) return { customers: 0, invoices: 0 };
    }
    const memory = new MemoryBackend({
      data: {
        endMonth: addMonths(monthOf(today), -1),
        customerIds: [README_CUSTOMER],
        ...(options.customers === undefined ? {} : { customers: options.customers }),
      },
    });
    const customers = memory.customerList();
    const resellerOfCustomer = new Map(customers.map((c, i) => [c.id, resellerOf(i)]));
    for (const r of RESELLERS) {
      await insertCustomers(
        tx,
        r.id,
        customers.filter((c) => resellerOfCustomer.get(c.id) === r.id),
      );
    }
    const invoices: NewInvoice[] = memory.invoiceIds().map((id) => {
      const generated = memory.inspect(id) as Invoice;
      const resellerId = resellerOfCustomer.get(generated.customer.id) ?? 'reseller-1';
      const reseller = RESELLERS.find((r) => r.id === resellerId) ?? (RESELLERS[0] as Reseller);
      return { resellerId, invoice: issuedBy(reseller, generated) };
    });
    for (let i = 0; i < invoices.length; i += 500) {
      await insertInvoices(tx, invoices.slice(i, i + 500));
    }
    return { customers: customers.length, invoices: invoices.length };
  });
}
