/**
 * The command's read-only checks on the data a server already has, for a server without the
 * test-fixture endpoints (where the kit's checks, which make invoices of their own, cannot
 * run): the list's pages, the customer audience, an invoice by id. Every answer goes through
 * the guarded fetch, so each is also checked against docs/openapi.yaml. Node only.
 */
import type { InvoiceBackend } from '../../core/backend.js';
import { BackendError } from '../../core/errors.js';
import type { InvoiceSummary } from '../../core/types.js';
import { isSelected } from '../run.js';
import type { CheckResult } from '../types.js';

const PAGE = 20;
const PAGES = 3;

interface ReadCheck {
  id: string;
  rule: string;
  /** Resolves with nothing (passed), a reason to skip, or rejects with what is wrong. */
  run(backend: InvoiceBackend): Promise<{ skip: string } | void>;
}

/** The first pages of the operator's list, walked with `offset` and `limit`. */
async function walk(backend: InvoiceBackend, audience?: 'customer'): Promise<InvoiceSummary[]> {
  const items: InvoiceSummary[] = [];
  let total: number | undefined;
  for (let page = 0; page < PAGES; page++) {
    const answer = await backend.listInvoices({
      offset: page * PAGE,
      limit: PAGE,
      ...(audience ? { audience } : {}),
    });
    if (total !== undefined && answer.total !== total) {
      throw new Error(`total changed between pages: ${total}, then ${answer.total}.`);
    }
    total = answer.total;
    items.push(...answer.items);
    if (answer.items.length < PAGE) break;
  }
  return items;
}

const NO_DATA = { skip: 'The server lists no invoice to check.' };

export const EXISTING_DATA_CHECKS: readonly ReadCheck[] = [
  {
    id: 'existing.pages',
    rule: 'The first pages of the list follow each other without a duplicate, with the same total',
    async run(backend) {
      const items = await walk(backend);
      if (items.length === 0) return NO_DATA;
      const ids = items.map((i) => i.id);
      const twice = ids.filter((id, i) => ids.indexOf(id) !== i);
      if (twice.length > 0) throw new Error(`listed twice across pages: ${twice.join(', ')}.`);
    },
  },
  {
    id: 'existing.invoice-by-id',
    rule: 'A listed invoice is answered by id, with the same id and version',
    async run(backend) {
      const [first] = (await backend.listInvoices({ limit: 1 })).items;
      if (!first) return NO_DATA;
      const invoice = await backend.getInvoice(first.id);
      if (invoice.id !== first.id || invoice.version !== first.version) {
        throw new Error(
          `getInvoice(${JSON.stringify(first.id)}) answered id ${JSON.stringify(invoice.id)}, version ${JSON.stringify(invoice.version)}; the list said version ${JSON.stringify(first.version)}.`,
        );
      }
    },
  },
  {
    id: 'existing.customer-sees-no-draft',
    rule: 'The customer audience is listed no draft, and a draft asked for by id is not-found',
    async run(backend) {
      const listed = await walk(backend, 'customer');
      const draft = listed.find((i) => i.status === 'DRAFT');
      if (draft) throw new Error(`the customer audience was listed the draft ${draft.id}.`);
      const drafts = (await backend.listInvoices({ statuses: ['DRAFT'], limit: 1 })).items;
      const [one] = drafts;
      if (!one) return { skip: 'The server lists no draft to ask for by id.' };
      try {
        await backend.getInvoice(one.id, { audience: 'customer' });
      } catch (error) {
        if (error instanceof BackendError && error.kind === 'not-found') return;
        throw error;
      }
      throw new Error(`the customer audience was answered the draft ${one.id} by id.`);
    },
  },
];

/** Runs the checks `only` selects (all without it), one after another; `onResult` after each. */
export async function runExistingDataChecks(
  backend: InvoiceBackend,
  only: readonly string[] | undefined,
  onResult: (result: CheckResult) => void,
): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  for (const check of EXISTING_DATA_CHECKS) {
    if (!isSelected(check.id, only)) continue;
    const started = Date.now();
    const base = { id: check.id, rule: check.rule };
    try {
      const outcome = await check.run(backend);
      results.push(
        outcome
          ? { ...base, outcome: 'skipped', message: outcome.skip, durationMs: 0 }
          : { ...base, outcome: 'passed', durationMs: Date.now() - started },
      );
    } catch (error) {
      const message =
        error instanceof BackendError
          ? `Rejected with ${error.kind}: ${error.message}`
          : error instanceof Error
            ? error.message
            : String(error);
      results.push({ ...base, outcome: 'failed', message, durationMs: Date.now() - started });
    }
    onResult(results[results.length - 1] as CheckResult);
  }
  return results;
}
