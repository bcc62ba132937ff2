/**
 * Validation of every payload that comes from a backend adapter. Small hand-written guards, no
 * library, no Lit.
 *
 * Each parser returns a fresh object built only from the fields it knows, so nothing unexpected
 * (extra fields, prototypes, getters) reaches a component. A bad field throws a `BackendError` of
 * kind `validation` whose `field` is the dotted path of the offending field, e.g.
 * `lines[3].amount.minor`, and whose message names it.
 *
 * Lenient where docs/RULES.md asks for it: an unknown status is kept as text (it renders read-only),
 * unknown `allowedTargets` and `downloadFormats` entries are dropped silently, DRAFT is never a
 * target. Optional fields may be absent (or `null`, which JSON backends often send for "absent").
 * `currencies`, `customFields` and `history` of an invoice may be absent, meaning none.
 *
 * The invoice-document fields (docs/ADAPTERS.md, "Invoice documents") follow the same rule: absent
 * or `null` is fine, malformed is a `validation` error naming the field (an address of more than
 * {@link MAX_ADDRESS_LINES} lines, a tax rate outside 0..1, terms that are not whole days up to
 * ten years, a unit price that is not a plain decimal, a paid or due amount in another currency).
 * The one exception is the issuer's `logoUrl`: a URL that the rule of core/urls.ts refuses (not
 * https, not the page's own origin, not a URL at all) is dropped and the invoice kept: the
 * documents are made without the logo, while a refused invoice could not be shown at all. Text
 * is not clipped here (the elements clip what they show, core/display-text.ts; the files keep
 * the whole value).
 */
import { BackendError, toBackendError } from './errors.js';
import type { InvoiceBackend } from './backend.js';
import { isDownloadFormat } from './downloads.js';
import { isCurrencyCode } from './money.js';
import { isBillingPeriod, isYearMonth } from './period.js';
import { isKnownStatus } from './status.js';
import { checkedDownloadUrl } from './urls.js';
import type {
  BillingPeriod,
  CloudProvider,
  CurrencyCode,
  CurrencyRate,
  Customer,
  CustomField,
  FieldVisibility,
  DownloadFormat,
  Invoice,
  InvoiceChange,
  InvoiceStatus,
  InvoiceSummary,
  Issuer,
  ListTotals,
  LineItem,
  Money,
  Page,
  ReceivedStatus,
  StatusChange,
} from './types.js';

type Fields = Record<string, unknown>;

// ---------------------------------------------------------------------------------------------
// Paths and failures

/** The path under which `readEach` reads: no path strings are built under it. */
const UNNAMED = '\0';

function child(path: string, key: string): string {
  return path === UNNAMED ? path : path ? `${path}.${key}` : key;
}

function at(path: string, index: number): string {
  return path === UNNAMED ? path : `${path}[${index}]`;
}

/**
 * The entries of the list `value` (at `path`), each read by `read` without a path (`UNNAMED`: a page of
 * 200 invoices or an invoice of 100,000 lines would build thousands of path strings, garbage
 * no valid entry needs), and an entry that fails read again at its own path, whose message
 * names the field.
 */
function readEach<T>(value: unknown, path: string, read: (d: unknown, path: string) => T): T[] {
  return list(value, path).map((entry, i) => {
    try {
      return read(entry, UNNAMED);
    } catch {
      return read(entry, at(path, i));
    }
  });
}

/** A short, safe description of a received value for a developer message. */
function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  switch (typeof value) {
    case 'number':
    case 'boolean':
    case 'bigint':
      return String(value);
    case 'string':
      return value.length > 40 ? 'a long string' : JSON.stringify(value);
    case 'undefined':
      return 'nothing';
    default:
      return `a ${typeof value}`;
  }
}

function fail(path: string, expected: string, value: unknown): never {
  const name = path || 'payload';
  return failWith(
    path,
    `Invalid backend payload: ${name} must be ${expected} (got ${describe(value)}).`,
  );
}

function failWith(path: string, message: string): never {
  throw new BackendError('validation', message, path ? { field: path } : {});
}

// ---------------------------------------------------------------------------------------------
// Primitive guards

function isAbsent(value: unknown): value is null | undefined {
  return value === undefined || value === null;
}

function record(value: unknown, path: string): Fields {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    fail(path, 'an object', value);
  }
  return value as Fields;
}

function str(value: unknown, path: string): string {
  if (typeof value !== 'string') fail(path, 'a string', value);
  return value;
}

function optStr(value: unknown, path: string): string | undefined {
  return isAbsent(value) ? undefined : str(value, path);
}

function bool(value: unknown, path: string): boolean {
  if (typeof value !== 'boolean') fail(path, 'a boolean', value);
  return value;
}

function finite(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) fail(path, 'a finite number', value);
  return value;
}

function count(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    fail(path, 'a non-negative integer', value);
  }
  return value;
}

/** A number in `min..max` (inclusive), when present. */
function optRange(value: unknown, path: string, min: number, max: number): number | undefined {
  if (isAbsent(value)) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    fail(path, `a number from ${min} to ${max}`, value);
  }
  return value;
}

/** A whole number in `min..max` (inclusive), when present. */
function optWhole(value: unknown, path: string, min: number, max: number): number | undefined {
  const n = optRange(value, path, min, max);
  if (n !== undefined && !Number.isInteger(n))
    fail(path, `a whole number from ${min} to ${max}`, n);
  return n;
}

function list(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) fail(path, 'an array', value);
  return value;
}

/** An array that may be absent (or null), meaning empty. */
function optList(value: unknown, path: string): unknown[] {
  return isAbsent(value) ? [] : list(value, path);
}

function currencyCode(value: unknown, path: string): CurrencyCode {
  if (!isCurrencyCode(value)) fail(path, 'an ISO 4217 code of three upper-case letters', value);
  return value;
}

function status(value: unknown, path: string): ReceivedStatus {
  if (typeof value !== 'string' || value.length === 0) fail(path, 'a non-empty string', value);
  return value;
}

// ---------------------------------------------------------------------------------------------
// Domain guards

function parseMoney(data: unknown, path: string, currency?: CurrencyCode): Money {
  const o = record(data, path);
  const minor = o.minor;
  if (typeof minor !== 'number' || !Number.isSafeInteger(minor)) {
    fail(child(path, 'minor'), 'a safe integer of minor units', minor);
  }
  // The invoice's code (checked once) when it is the same: every amount then shares one string.
  const code =
    currency !== undefined && o.currency === currency
      ? currency
      : currencyCode(o.currency, child(path, 'currency'));
  if (currency !== undefined && code !== currency) {
    failWith(
      child(path, 'currency'),
      `Invalid backend payload: ${child(path, 'currency')} is ${code} but the invoice currency is ${currency}.`,
    );
  }
  return { minor, currency: code };
}

function parsePeriod(data: unknown, path: string): BillingPeriod {
  const o = record(data, path);
  if (!isBillingPeriod(o)) {
    // Name the first offending month when it is malformed; otherwise the order is wrong.
    if (!isYearMonth(o.from)) fail(child(path, 'from'), 'a YYYY-MM month', o.from);
    if (!isYearMonth(o.to)) fail(child(path, 'to'), 'a YYYY-MM month', o.to);
    failWith(
      path,
      `Invalid backend payload: ${path || 'period'} runs backwards (${o.from} after ${o.to}).`,
    );
  }
  return { from: o.from, to: o.to };
}

function parseProvider(data: unknown, path: string): CloudProvider {
  const o = record(data, path);
  return { id: str(o.id, child(path, 'id')), name: str(o.name, child(path, 'name')) };
}

function parseLine(data: unknown, path: string, currency: CurrencyCode): LineItem {
  const o = record(data, path);
  return withVisibility(o, path, {
    id: str(o.id, child(path, 'id')),
    sku: str(o.sku, child(path, 'sku')),
    description: str(o.description, child(path, 'description')),
    group: str(o.group, child(path, 'group')),
    quantity: finite(o.quantity, child(path, 'quantity')),
    unitPrice: parseMoney(o.unitPrice, child(path, 'unitPrice'), currency),
    amount: parseMoney(o.amount, child(path, 'amount'), currency),
    tax: parseMoney(o.tax, child(path, 'tax'), currency),
    ...optional(o, path, {
      unitPriceDecimal: decimalPrice,
      taxRate: (v, p) => optRange(v, p, 0, 1),
    }),
  } as LineItem);
}

/** A plain decimal in major units, at most 6 decimals: `12`, `-0.5`, `0.000123`. */
const DECIMAL_PRICE = /^-?\d+(\.\d{1,6})?$/;

function decimalPrice(value: unknown, path: string): string | undefined {
  const text = optStr(value, path);
  if (text !== undefined && !DECIMAL_PRICE.test(text)) {
    fail(path, 'a plain decimal with at most 6 decimals (e.g. "0.000123")', text);
  }
  return text;
}

/**
 * The optional fields of `o` that `parsers` read, each under its own name, skipping those the
 * parser reads as absent (`undefined`).
 */
function optional<T extends object>(
  o: Fields,
  path: string,
  parsers: { [K in keyof T]: (value: unknown, path: string) => T[K] | undefined },
): Partial<T> {
  const result: Partial<T> = {};
  for (const key of Object.keys(parsers) as (keyof T & string)[]) {
    const value = parsers[key](o[key], child(path, key));
    if (value !== undefined) result[key] = value;
  }
  return result;
}

/** The most lines of an address (customer or issuer). */
export const MAX_ADDRESS_LINES = 6;

function address(value: unknown, path: string): string[] | undefined {
  if (isAbsent(value)) return undefined;
  const lines = list(value, path);
  if (lines.length > MAX_ADDRESS_LINES) {
    fail(path, `an array of at most ${MAX_ADDRESS_LINES} lines`, `${lines.length} lines`);
  }
  return lines.map((line, i) => str(line, at(path, i)));
}

/**
 * A logo URL the rule of core/urls.ts allows (https, or the page's own origin), resolved against
 * the document's base URL; anything else (not text, not a URL, `http:` elsewhere, `data:`, `javascript:`) is
 * `undefined`: the logo is dropped, the invoice kept.
 */
function logoUrl(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  // The document's base URL, as the PDF resolves the logo; without a page, absolute URLs only.
  const base = globalThis.document?.baseURI ?? globalThis.location?.href;
  const checked = checkedDownloadUrl(value, base ?? value, globalThis.location?.origin ?? null);
  return checked?.href;
}

function parseIssuer(data: unknown, path: string): Issuer {
  const o = record(data, path);
  const issuer: Issuer = {
    name: str(o.name, child(path, 'name')),
    ...optional<Omit<Issuer, 'name' | 'logoUrl'>>(o, path, {
      address,
      taxId: optStr,
      email: optStr,
      phone: optStr,
      website: optStr,
    }),
  };
  const logo = logoUrl(o.logoUrl);
  if (logo !== undefined) issuer.logoUrl = logo;
  return issuer;
}

/**
 * `item` with the payload's `visibility`, when there is one: `customer`, or (any other text,
 * failing closed) `internal`.
 */
function withVisibility<T extends { visibility?: FieldVisibility }>(
  o: Fields,
  path: string,
  item: T,
): T {
  const v = optStr(o.visibility, child(path, 'visibility'));
  if (v !== undefined) item.visibility = v === 'customer' ? v : 'internal';
  return item;
}

function parseRate(data: unknown, path: string): CurrencyRate {
  const o = record(data, path);
  const currency = currencyCode(o.currency, child(path, 'currency'));
  const rate = o.rate;
  if (typeof rate !== 'number' || !Number.isFinite(rate) || rate <= 0) {
    fail(child(path, 'rate'), 'a finite positive number', rate);
  }
  const result: CurrencyRate = { currency, rate };
  const date = optStr(o.date, child(path, 'date'));
  if (date !== undefined) result.date = date;
  const source = optStr(o.source, child(path, 'source'));
  if (source !== undefined) result.source = source;
  return result;
}

function parseCustomField(data: unknown, path: string): CustomField {
  const o = record(data, path);
  return withVisibility(o, path, {
    key: str(o.key, child(path, 'key')),
    label: str(o.label, child(path, 'label')),
    value: str(o.value, child(path, 'value')),
  } as CustomField);
}

function parseStatusChange(data: unknown, path: string): StatusChange {
  const o = record(data, path);
  return {
    from: status(o.from, child(path, 'from')),
    to: status(o.to, child(path, 'to')),
    at: str(o.at, child(path, 'at')),
    by: str(o.by, child(path, 'by')),
    notified: bool(o.notified, child(path, 'notified')),
    ...optional<Pick<StatusChange, 'reason'>>(o, path, { reason: optStr }),
  };
}

/** Known statuses other than DRAFT, in the order received, without repeats; the rest dropped. */
function parseTargets(value: unknown, path: string): InvoiceStatus[] | undefined {
  if (isAbsent(value)) return undefined;
  const result: InvoiceStatus[] = [];
  for (const entry of list(value, path)) {
    if (isKnownStatus(entry) && entry !== 'DRAFT' && !result.includes(entry)) result.push(entry);
  }
  return result;
}

/** Known formats, in the order received, without repeats; unknown entries dropped. */
function parseFormats(value: unknown, path: string): DownloadFormat[] | undefined {
  if (isAbsent(value)) return undefined;
  const result: DownloadFormat[] = [];
  for (const entry of list(value, path)) {
    if (isDownloadFormat(entry) && !result.includes(entry)) result.push(entry);
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// Public parsers

export function parseCustomer(data: unknown, path = ''): Customer {
  const o = record(data, path);
  const customer: Customer = {
    id: str(o.id, child(path, 'id')),
    name: str(o.name, child(path, 'name')),
  };
  return Object.assign(
    customer,
    optional<Omit<Customer, 'id' | 'name'>>(o, path, { email: optStr, address, taxId: optStr }),
  );
}

export function parseCustomers(data: unknown): Customer[] {
  return list(data, '').map((item, i) => parseCustomer(item, at('', i)));
}

function summaryFields(o: Fields, path: string, currency?: CurrencyCode): InvoiceSummary {
  const summary: InvoiceSummary = {
    id: str(o.id, child(path, 'id')),
    documentId: str(o.documentId, child(path, 'documentId')),
    customer: parseCustomer(o.customer, child(path, 'customer')),
    provider: parseProvider(o.provider, child(path, 'provider')),
    period: parsePeriod(o.period, child(path, 'period')),
    status: status(o.status, child(path, 'status')),
    total: parseMoney(o.total, child(path, 'total'), currency),
    generatedAt: str(o.generatedAt, child(path, 'generatedAt')),
    version: str(o.version, child(path, 'version')),
  };
  // In the backend's reporting currency, whatever the invoice's.
  if (!isAbsent(o.reportingTotal)) {
    summary.reportingTotal = parseMoney(o.reportingTotal, child(path, 'reportingTotal'));
  }
  // Money owed (docs/ADAPTERS.md): optional, in the invoice currency (the total's). Read field
  // by field, not through `optional` (no parsers object made per row of a page).
  const dueDate = optStr(o.dueDate, child(path, 'dueDate'));
  if (dueDate !== undefined) summary.dueDate = dueDate;
  if (!isAbsent(o.amountPaid)) {
    summary.amountPaid = parseMoney(
      o.amountPaid,
      child(path, 'amountPaid'),
      summary.total.currency,
    );
  }
  if (!isAbsent(o.amountDue)) {
    summary.amountDue = parseMoney(o.amountDue, child(path, 'amountDue'), summary.total.currency);
  }
  return summary;
}

export function parseInvoiceSummary(data: unknown, path = ''): InvoiceSummary {
  return summaryFields(record(data, path), path);
}

/** The most days of payment terms: ten years. */
const MAX_TERMS_DAYS = 3650;

type DocumentFields = Pick<
  Invoice,
  'issueDate' | 'paymentTermsDays' | 'paymentInstructions' | 'issuer'
>;

/**
 * A whole invoice. Every amount (total, subtotal, tax total, each line's unit price, amount
 * and tax, the amounts paid and due) must be in the invoice currency.
 */
export function parseInvoice(data: unknown, path = ''): Invoice {
  const o = record(data, path);
  const currency = currencyCode(o.currency, child(path, 'currency'));
  const invoice: Invoice = {
    ...summaryFields(o, path, currency),
    currency,
    lines: readEach(o.lines, child(path, 'lines'), (line, p) => parseLine(line, p, currency)),
    subtotal: parseMoney(o.subtotal, child(path, 'subtotal'), currency),
    taxTotal: parseMoney(o.taxTotal, child(path, 'taxTotal'), currency),
    currencies: optList(o.currencies, child(path, 'currencies')).map((rate, i) =>
      parseRate(rate, at(child(path, 'currencies'), i)),
    ),
    customFields: optList(o.customFields, child(path, 'customFields')).map((field, i) =>
      parseCustomField(field, at(child(path, 'customFields'), i)),
    ),
    history: optList(o.history, child(path, 'history')).map((change, i) =>
      parseStatusChange(change, at(child(path, 'history'), i)),
    ),
  };
  Object.assign(
    invoice,
    optional<DocumentFields>(o, path, {
      issueDate: optStr,
      paymentTermsDays: (v, p) => optWhole(v, p, 0, MAX_TERMS_DAYS),
      paymentInstructions: optStr,
      issuer: (v, p) => (isAbsent(v) ? undefined : parseIssuer(v, p)),
    }),
  );
  const targets = parseTargets(o.allowedTargets, child(path, 'allowedTargets'));
  if (targets !== undefined) invoice.allowedTargets = targets;
  if (!isAbsent(o.voidReasonRequired)) {
    invoice.voidReasonRequired = bool(o.voidReasonRequired, child(path, 'voidReasonRequired'));
  }
  const formats = parseFormats(o.downloadFormats, child(path, 'downloadFormats'));
  if (formats !== undefined) invoice.downloadFormats = formats;
  return invoice;
}

/**
 * A page. `totalOrder` is kept when it is one of the two orders (an unknown one is dropped, as
 * unknown formats are); with `reporting`, `reportingCurrency` is required (and kept only then).
 */
export function parsePage<T>(data: unknown, item: (d: unknown, path: string) => T): Page<T> {
  const o = record(data, '');
  const order = o.totalOrder;
  return {
    items: readEach(o.items, 'items', item),
    total: count(o.total, 'total'),
    offset: count(o.offset, 'offset'),
    limit: count(o.limit, 'limit'),
    ...((order === 'reporting' || order === 'currency-then-amount') && { totalOrder: order }),
    ...(order === 'reporting' && {
      reportingCurrency: currencyCode(o.reportingCurrency, 'reportingCurrency'),
    }),
    ...(!isAbsent(o.totals) && { totals: parseListTotals(o.totals, 'totals') }),
  };
}

/** A page's totals: one amount per currency (a currency twice is an error), and the reporting sum. */
function parseListTotals(data: unknown, path: string): ListTotals {
  const o = record(data, path);
  const byCurrency = list(o.byCurrency, child(path, 'byCurrency')).map((m, i) =>
    parseMoney(m, at(child(path, 'byCurrency'), i)),
  );
  const seen = new Set<CurrencyCode>();
  byCurrency.forEach(({ currency }, i) => {
    if (seen.has(currency)) {
      failWith(
        at(child(path, 'byCurrency'), i),
        `Invalid backend payload: ${currency} is listed twice in ${child(path, 'byCurrency')}.`,
      );
    }
    seen.add(currency);
  });
  return isAbsent(o.reporting)
    ? { byCurrency }
    : { byCurrency, reporting: parseMoney(o.reporting, child(path, 'reporting')) };
}

/**
 * The most rows a list may claim (docs/RULES.md, Limits): a larger `total` is read as this. The
 * table holds a bounded page cache (not a slot per row) and scales its scroll area past the
 * browsers' height caps, so 10,000,000 rows are all reachable; beyond, a list is reached by
 * narrowing the filters.
 */
export const MAX_LIST_TOTAL = 10_000_000;

/**
 * A page's `total` made consistent with what it holds (docs/RULES.md, Limits): never below
 * `offset + items.length`; exactly that when the page is short (fewer items than the smaller of
 * the limit asked and the limit the server applied: a short page proves the end); at most
 * {@link MAX_LIST_TOTAL}. So an absurd `total` (1e9, 2^32 with three items) lists what came.
 */
export function saneTotal<T>(
  page: Page<T>,
  asked: { offset?: number; limit?: number } = {},
): Page<T> {
  const offset = asked.offset ?? page.offset;
  const held = offset + page.items.length;
  const limit = Math.min(asked.limit || Infinity, page.limit || Infinity);
  const total = page.items.length < limit ? held : Math.max(page.total, held);
  return { ...page, total: Math.min(total, MAX_LIST_TOTAL) };
}

// ---------------------------------------------------------------------------------------------
// Adapter wrapper

const VALIDATED: unique symbol = Symbol('invoice-elements.validated');

type Validated = InvoiceBackend & { readonly [VALIDATED]: true };

/** Whether a backend is already wrapped by {@link withValidation}. */
export function isValidated(backend: InvoiceBackend): boolean {
  return (backend as Partial<Validated>)[VALIDATED] === true;
}

/** Runs an adapter call; anything it throws (even synchronously) rejects as a BackendError. */
async function call<R>(run: () => Promise<R>): Promise<R> {
  try {
    return await run();
  } catch (error) {
    throw toBackendError(error);
  }
}

/**
 * Wraps an adapter so that every result is validated before a component sees it, and every
 * failure is a `BackendError`. Idempotent: wrapping a wrapped backend returns it unchanged.
 * `getCustomer`, `download`, `updateStatuses` and `subscribe` exist on the result only when the
 * wrapped adapter has them.
 */
export function withValidation(backend: InvoiceBackend): InvoiceBackend {
  if (isValidated(backend)) return backend;
  const wrapped: InvoiceBackend = {
    searchCustomers: (search, options) =>
      call(() => backend.searchCustomers(search, options)).then(parseCustomers),
    listInvoices: (query, options) =>
      call(() => backend.listInvoices(query, options)).then((page) =>
        saneTotal(parsePage(page, parseInvoiceSummary), query),
      ),
    getInvoice: (invoiceId, options) =>
      call(() => backend.getInvoice(invoiceId, options)).then((invoice) => parseInvoice(invoice)),
    updateStatus: (update, options) =>
      call(() => backend.updateStatus(update, options)).then((invoice) => parseInvoice(invoice)),
    discardInvoice: (request, options) =>
      call(() => backend.discardInvoice(request, options)).then(() => undefined),
  };
  const getCustomer = backend.getCustomer;
  if (typeof getCustomer === 'function') {
    wrapped.getCustomer = (customerId, options) =>
      call(() => getCustomer.call(backend, customerId, options)).then((customer) =>
        parseCustomer(customer),
      );
  }
  const download = backend.download;
  if (typeof download === 'function') {
    // Passed through: a download is a Blob or a URL the download menu checks before use.
    wrapped.download = (invoiceId, format, options) =>
      call(() => download.call(backend, invoiceId, format, options));
  }
  const updateStatuses = backend.updateStatuses;
  if (typeof updateStatuses === 'function') {
    wrapped.updateStatuses = (updates, options) =>
      call(() => updateStatuses.call(backend, updates, options)).then(async (results) =>
        // Loaded with the first batch: only a bulk status change needs it.
        (await import('./batch-results.js')).parseStatusResults(results, updates),
      );
  }
  const subscribe = backend.subscribe;
  if (typeof subscribe === 'function') {
    // Only well-formed changes reach the listener: an id, the kind, and the invoice (validated,
    // the same id) and version when sent. Anything else is dropped.
    wrapped.subscribe = (listener) =>
      subscribe.call(backend, (c: Partial<InvoiceChange>) => {
        let change: InvoiceChange | undefined;
        try {
          const { invoiceId, version } = c;
          const invoice = c.invoice && parseInvoice(c.invoice);
          if (typeof invoiceId === 'string' && (!invoice || invoice.id === invoiceId)) {
            change = {
              invoiceId,
              kind: c.kind === 'discarded' ? 'discarded' : 'updated',
              invoice,
              version: typeof version === 'string' ? version : invoice?.version,
            };
          }
        } catch {
          // dropped
        }
        if (change) listener(change);
      });
  }
  Object.defineProperty(wrapped, VALIDATED, { value: true, enumerable: false });
  return wrapped;
}
