// The host's own adapter: its invoices in an array, nothing of invoice-elements but the error
// class and the types. What the conformance kit proves before the elements are embedded.
import { BackendError } from 'invoice-elements';

/** @typedef {import('invoice-elements').InvoiceBackend} InvoiceBackend */
/** @typedef {import('invoice-elements').Invoice} Invoice */
/** @typedef {import('invoice-elements').InvoiceQuery} InvoiceQuery */
/** @typedef {import('invoice-elements').InvoiceSummary} InvoiceSummary */

const ORDER = ['DRAFT', 'OPEN', 'VOID', 'CLOSED'];
/** @type {Record<string, string[]>} */
const NEXT = { DRAFT: ['OPEN'], OPEN: ['VOID', 'CLOSED'], VOID: [], CLOSED: [] };

/** @param {AbortSignal | undefined} signal */
function checkSignal(signal) {
  if (signal?.aborted) throw new BackendError('aborted', 'Aborted.');
}

/** @param {string} what */
const notFound = (what) => new BackendError('not-found', `${what} not found.`);

/** @param {string} a @param {string} b */
const byCode = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

/** @param {Invoice} i @returns {InvoiceSummary} */
function summary(i) {
  const { id, documentId, customer, provider, period, status, total, generatedAt, version } = i;
  /** @type {InvoiceSummary} */
  const s = { id, documentId, customer, provider, period, status, total, generatedAt, version };
  if (i.reportingTotal) s.reportingTotal = i.reportingTotal;
  if (i.dueDate) s.dueDate = i.dueDate;
  if (i.amountPaid) s.amountPaid = i.amountPaid;
  if (i.amountDue) s.amountDue = i.amountDue;
  return structuredClone(s);
}

/**
 * What an invoice still owes: amountDue, else the total less amountPaid, else an OPEN
 * invoice's total; undefined when unknown.
 * @param {Invoice} i
 */
function owed(i) {
  if (i.amountDue) return i.amountDue;
  if (i.amountPaid) {
    return { minor: Math.max(0, i.total.minor - i.amountPaid.minor), currency: i.total.currency };
  }
  return i.status === 'OPEN' ? i.total : undefined;
}

/** OPEN, owing something, due before `day` (YYYY-MM-DD). @param {Invoice} i @param {string} day */
const overdue = (i, day) =>
  i.status === 'OPEN' && (owed(i)?.minor ?? 0) > 0 && !!i.dueDate && i.dueDate < day;

/** @implements {InvoiceBackend} */
export class ArrayBackend {
  /** @type {Invoice[]} */
  invoices = [];
  /** @type {Map<string, { request: string, answer: Invoice | null }>} */
  keys = new Map();

  /** @param {import('invoice-elements').CustomerSearch} search @param {{ signal?: AbortSignal }} [options] */
  async searchCustomers({ text, limit = 20 }, { signal } = {}) {
    checkSignal(signal);
    const needle = text.toLowerCase();
    const found = new Map();
    for (const { customer: c } of this.invoices) {
      const hay = [c.name, c.id, c.email ?? ''].join('\n').toLowerCase();
      if (hay.includes(needle)) found.set(c.id, structuredClone(c));
    }
    return [...found.values()].slice(0, limit);
  }

  /** @param {string} id @param {{ signal?: AbortSignal }} [options] */
  async getCustomer(id, { signal } = {}) {
    checkSignal(signal);
    const invoice = this.invoices.find((i) => i.customer.id === id);
    if (!invoice) throw notFound(`Customer ${id}`);
    return structuredClone(invoice.customer);
  }

  /** @param {InvoiceQuery} q @param {{ signal?: AbortSignal }} [options] */
  async listInvoices(q, { signal } = {}) {
    checkSignal(signal);
    const rows = this.invoices.filter(
      (i) =>
        !(q.audience === 'customer' && i.status === 'DRAFT') &&
        (!q.customerId || i.customer.id === q.customerId) &&
        (!q.period || (i.period.from <= q.period.to && q.period.from <= i.period.to)) &&
        (!q.statuses?.length || q.statuses.includes(/** @type {any} */ (i.status))) &&
        (!q.providers?.length || q.providers.includes(i.provider.id)) &&
        (!q.text || i.documentId.toLowerCase().includes(q.text.toLowerCase())) &&
        (!q.overdue || overdue(i, q.asOf ?? new Date().toISOString().slice(0, 10))),
    );
    const { key, direction } = q.sort ?? { key: 'period', direction: 'desc' };
    const sign = direction === 'desc' ? -1 : 1;
    const currency = rows[0]?.reportingTotal?.currency;
    const reporting =
      currency !== undefined && rows.every((i) => i.reportingTotal?.currency === currency);
    /** @type {(a: Invoice, b: Invoice) => number} */
    const primary = {
      documentId: (/** @type {Invoice} */ a, /** @type {Invoice} */ b) =>
        byCode(a.documentId, b.documentId),
      customer: (/** @type {Invoice} */ a, /** @type {Invoice} */ b) =>
        a.customer.name.localeCompare(b.customer.name, 'en'),
      provider: (/** @type {Invoice} */ a, /** @type {Invoice} */ b) =>
        a.provider.name.localeCompare(b.provider.name, 'en'),
      period: (/** @type {Invoice} */ a, /** @type {Invoice} */ b) =>
        byCode(a.period.from + a.period.to, b.period.from + b.period.to),
      status: (/** @type {Invoice} */ a, /** @type {Invoice} */ b) =>
        ORDER.indexOf(a.status) - ORDER.indexOf(b.status),
      total: (/** @type {Invoice} */ a, /** @type {Invoice} */ b) =>
        reporting
          ? (a.reportingTotal?.minor ?? 0) - (b.reportingTotal?.minor ?? 0)
          : a.total.minor - b.total.minor,
      generatedAt: (/** @type {Invoice} */ a, /** @type {Invoice} */ b) =>
        Date.parse(a.generatedAt) - Date.parse(b.generatedAt),
      dueDate: (/** @type {Invoice} */ a, /** @type {Invoice} */ b) =>
        byCode(a.dueDate ?? '', b.dueDate ?? ''),
      amountDue: (/** @type {Invoice} */ a, /** @type {Invoice} */ b) =>
        (owed(a)?.minor ?? 0) - (owed(b)?.minor ?? 0),
    }[key];
    // Money owed: an invoice without one comes last in both directions. Amounts in several
    // currencies (amountDue, total without reporting amounts): by currency code first.
    /** @type {(i: Invoice) => boolean} */
    const missing = (i) => (key === 'dueDate' ? !i.dueDate : key === 'amountDue' && !owed(i));
    /** @type {(i: Invoice) => string} */
    const group = (i) =>
      key === 'amountDue'
        ? (owed(i)?.currency ?? '')
        : key === 'total' && !reporting
          ? i.total.currency
          : '';
    rows.sort(
      (a, b) =>
        Number(missing(a)) - Number(missing(b)) ||
        byCode(group(a), group(b)) ||
        sign * primary(a, b) ||
        byCode(a.documentId, b.documentId) ||
        byCode(a.id, b.id),
    );
    const offset = q.offset ?? 0;
    const limit = q.limit ?? 50;
    /** @type {import('invoice-elements').Page<InvoiceSummary>} */
    const page = {
      items: rows.slice(offset, offset + limit).map(summary),
      total: rows.length,
      offset,
      limit,
    };
    if (key === 'total') {
      page.totalOrder = reporting ? 'reporting' : 'currency-then-amount';
      if (reporting) page.reportingCurrency = currency;
    }
    return page;
  }

  /** @param {string} id @param {{ signal?: AbortSignal, audience?: 'operator' | 'customer' }} [options] */
  async getInvoice(id, { signal, audience } = {}) {
    checkSignal(signal);
    const invoice = this.invoices.find((i) => i.id === id);
    if (!invoice || (audience === 'customer' && invoice.status === 'DRAFT')) throw notFound(id);
    return structuredClone(invoice);
  }

  /**
   * The first answer of a key, or `undefined` when the key is new.
   * @param {string} key @param {string} request
   */
  replay(key, request) {
    const seen = this.keys.get(key);
    if (seen && seen.request !== request) {
      throw new BackendError('validation', 'Key reused for another request.', {
        field: 'idempotencyKey',
      });
    }
    return seen;
  }

  /** @param {string} id @param {string} expectedVersion */
  current(id, expectedVersion) {
    const invoice = this.invoices.find((i) => i.id === id);
    if (!invoice) throw notFound(id);
    if (invoice.version !== expectedVersion) {
      throw new BackendError('conflict', 'Stale.', { currentVersion: invoice.version });
    }
    return invoice;
  }

  /** @param {import('invoice-elements').StatusUpdate} u @param {{ signal?: AbortSignal }} [options] */
  async updateStatus(u, { signal } = {}) {
    checkSignal(signal);
    const request = JSON.stringify([u.invoiceId, u.to, u.notify, u.expectedVersion]);
    const seen = this.replay(u.idempotencyKey, request);
    if (seen?.answer) return structuredClone(seen.answer);
    const invoice = this.current(u.invoiceId, u.expectedVersion);
    if (!NEXT[invoice.status]?.includes(u.to)) {
      throw new BackendError('invalid-transition', `${invoice.status} -> ${u.to}`, {
        allowedTargets: NEXT[invoice.status] ?? [],
      });
    }
    invoice.history.push({
      from: invoice.status,
      to: u.to,
      at: new Date().toISOString(),
      by: 'Host',
      notified: u.notify,
    });
    invoice.status = u.to;
    invoice.version = `${invoice.version}.1`;
    this.keys.set(u.idempotencyKey, { request, answer: structuredClone(invoice) });
    return structuredClone(invoice);
  }

  /** @param {import('invoice-elements').DiscardRequest} d @param {{ signal?: AbortSignal }} [options] */
  async discardInvoice(d, { signal } = {}) {
    checkSignal(signal);
    const request = JSON.stringify([d.invoiceId, d.expectedVersion]);
    if (this.replay(d.idempotencyKey, request)) return;
    const invoice = this.current(d.invoiceId, d.expectedVersion);
    if (invoice.status !== 'DRAFT') throw new BackendError('invalid-transition', 'Drafts only.');
    this.invoices = this.invoices.filter((i) => i !== invoice);
    this.keys.set(d.idempotencyKey, { request, answer: null });
  }
}
