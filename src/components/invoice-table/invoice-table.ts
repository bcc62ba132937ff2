/**
 * `<invoice-table>`: the operator's entry point (docs/RULES.md). The element keeps the list's
 * state (customer, period, filters, sort, focus) and renders it; its rows come from a
 * `RowSource`, its query from `buildInvoiceQuery`, its keys' moves from `nextRowIndex`.
 */
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { compareMonths, isYearMonth, presetPeriod, type PeriodPreset } from '../../core/period.js';
import { KNOWN_PROVIDERS } from '../../core/downloads.js';
import { buildInvoiceQuery, pageSizeOf } from '../../core/query.js';
import { displayText, inSentence } from '../../core/display-text.js';
import { CUSTOMER_VISIBLE_STATUSES } from '../../core/status.js';
import type {
  BillingPeriod,
  Customer,
  InvoiceQuery,
  InvoiceStatus,
  SortDirection,
  SortKey,
} from '../../core/types.js';
import { INVOICE_STATUSES, SORT_KEYS } from '../../core/types.js';
import { errorMessage } from '../shared/error-message.js';
import { InvoiceElement } from '../shared/invoice-element.js';
import { LocaleController, type StringOverrides } from '../shared/locale-controller.js';
import { RowWindow } from '../shared/row-window.js';
import { InvoiceChanges } from '../shared/invoice-changes.js';
import { CustomerCombobox } from './customer-combobox.js';
import { invoiceTableStrings, type InvoiceTableStrings } from './invoice-table.strings.js';
import { invoiceTableStyles } from './invoice-table.styles.js';
import { readMonthInput, renderPeriodRange, yearRange } from './period-range.js';
import { periodText, type CellContext } from './invoice-rows.js';
import { isFromOpenButton, nextRowIndex, rowIndexOf } from './grid-keys.js';
import { renderFailure, renderHeader, renderRow, renderSkeleton } from './grid-rows.js';
import { renderFilters, renderToggle } from './filters.js';
import { RowSource, loaded } from './row-source.js';
import { isoDay } from '../../core/overdue.js';
import { renderListTotals, tableTotals } from './list-totals.js';
import type { InvoiceTableView, InvoiceViewChangeReason } from './invoice-table.events.js';
// issue 25: export the list
import type { ListExportController } from './list-export.js';
import { saveWithAnchor, type SavedFile } from '../../exports/save-file.js';
import type { CsvDialect } from '../../exports/csv.js';
// issue 25: selection and bulk status change
import { isKnownStatus } from '../../core/status.js';
import type { StatusUpdaterStrings } from '../status-updater/status-updater.strings.js';
import type { BulkChange } from './bulk-change.js';
import { renderBulkBar, renderSelectCell, renderSelectHeader } from './bulk-bar.js';
import { bulkStatusStrings } from './bulk.strings.js';
import { Selection } from './selection.js';
import { bulkStyles } from './bulk.styles.js';

export type {
  InvoiceBulkStatusChangeDetail,
  InvoiceBulkStatusChangeRequestDetail,
} from './bulk-change.events.js';
export type { BulkStatusStrings } from './bulk.strings.js';
export type {
  InvoiceCustomerChangeDetail,
  InvoiceListExportDetail,
  InvoiceOpenDetail,
  InvoicePeriodChangeDetail,
  InvoiceTableView,
  InvoiceViewChangeDetail,
  InvoiceViewChangeReason,
} from './invoice-table.events.js';

const SKELETON_ROWS = 6;
const DESC_FIRST: ReadonlySet<SortKey> = new Set(['period', 'total', 'generatedAt', 'amountDue']);
const TEXT_DEBOUNCE_MS = 300;
/** Up to this many rows, the grid is as tall as its rows (at most `--invoice-table-height`). */
const FIT_ROWS = 50;

/**
 * Lists a customer's invoices for a billing period: a customer search (combobox), a from/to
 * month range with presets, sortable columns, status/provider/document filters, and a
 * virtualized grid that stays fast at 100,000 rows (pages of `page-size` fetched from the
 * adapter as the user scrolls). Every row of a list of any length is reachable by the
 * scrollbar (its position proportional to the row), the wheel, the keys (arrows, PageUp and
 * PageDown, Home and End, with or without Ctrl) and `scrollToIndex()`.
 *
 * Opening an invoice (double-click a row, Enter on the focused row, or the row's Open button)
 * fires `invoice-open`. In the customer audience the search is hidden and drafts never render,
 * even when the adapter returns them.
 *
 * The toolbar shows the customer search and two buttons: "Billing period: <the period>" and
 * "Filters" (with how many are in force, "Filters (2)"). Each is a disclosure button
 * (`aria-expanded`): pressed, it shows its controls on a line of their own below; pressed
 * again, it hides them. Hidden controls keep what they hold (a filter still applies, a year
 * being typed stays), and cost nothing to render (docs/PERFORMANCE.md, "Cold insert"). The
 * empty state's Clear filters shows the filters and focuses the first.
 *
 * The period's ends are each a month list named in the element's language and a four-digit
 * year field (2000 to five years after `today`, widened to hold the period in force); an invalid
 * year gets an announced message and changes nothing. Sorted by total, the Total header says the
 * order the backend applied: "Total (in USD)" or "Total (by currency)" (docs/ADAPTERS.md).
 *
 * Money owed (docs/ADAPTERS.md): the Amount due and Due date columns (sortable), an "Overdue"
 * badge next to the status of an invoice that is OPEN, still owes money and was due before
 * `today` (derived, never a status), and an "Overdue only" filter. Below the grid, the totals
 * of what is listed: the whole list under the current filter (every page), per currency, as the
 * adapter sends them (`Page.totals`); without them, the rows' sum when the whole list fits in
 * the first page, else a sentence saying the totals are unavailable. A polite live region, so a
 * change of filter is announced with its totals.
 *
 * The whole view (customer, period, filters, sort) is one JSON-serialisable value, the `view`
 * property: read it to put it in a URL or save it, set it to show it again (one query, no
 * event). Each user change of it fires `invoice-view-change`.
 *
 * Export CSV (or `exportList()`) writes every invoice of the list in force (its filters and
 * sort; only what the audience sees) to one CSV file in `csv-dialect`, read page by page from
 * the adapter and written in a worker, with progress, Cancel, and Retry from a page that
 * failed; then `invoice-list-export` fires.
 * With `selectable` (operator audience only), a checkbox column selects rows: a click, a
 * Shift-click range, Space on the focused row, Shift+Space for a range, Ctrl+A (Cmd+A) or the
 * header's checkbox for every row matching the filter (on every page, by count). A bar then
 * changes the status of the selection at once: a dialog says which invoices are eligible and
 * which are not and why (the rules of one invoice), with the notification switch; OK writes each
 * invoice with its own version and idempotency key, a few at a time (or through the adapter's
 * `updateStatuses`), with progress and Stop; the result lists what changed, conflicted and
 * failed, with Retry for the failed ones. A change of the list (customer, period, filter, sort)
 * clears the selection, and says so.
 *
 * Rows follow writes elsewhere without a reload: a status change, refresh or discard fired by
 * any element of the page (heard on the window), and the changes of an adapter with
 * `subscribe`. A host that changes invoices itself calls `invalidate(id)` or `refresh()`.
 *
 * @summary The invoice list: customer search, billing-period range, sort, filters, open.
 *
 * @fires invoice-open - `{ invoiceId, summary }` when the user opens an invoice.
 * @fires invoice-customer-change - `{ customer }` when the user chooses a customer (or clears: `null`).
 * @fires invoice-period-change - `{ period }` when the user changes the billing period.
 * @fires invoice-list-export - `{ filename, blob, rows, dialect, inWorker }` when the list was exported and the file handed to the user.
 * @fires invoice-bulk-status-change-request - Cancelable, once after OK in the bulk dialog and before any write. Detail `{ invoiceIds, to, notify }`; `preventDefault()` vetoes the whole change.
 * @fires invoice-status-change - For each invoice a bulk change changed, as `<status-updater>` fires it: `{ invoice, from, to, notify }`.
 * @fires invoice-bulk-status-change - A bulk change (or its Retry) ended: `{ to, notify, changed, conflicted, failed, notStarted }` (invoice ids).
 * @fires invoice-view-change - `{ view, reason }` when the user changes the customer, period, a filter or the sort (`reason`: `customer`, `period`, `filter`, `search` or `sort`); never when the host sets `view`.
 *
 * @csspart toolbar - The bar holding search, period and filters.
 * @csspart period-toggle - The toolbar's "Billing period: …" button that shows or hides the period's fields (`aria-expanded`).
 * @csspart filters-toggle - The toolbar's "Filters" button that shows or hides the filters (`aria-expanded`).
 * @csspart search - The customer search (label, combobox, suggestions).
 * @csspart period - The billing-period fieldset (month lists, year fields and presets), while shown.
 * @csspart filters - The status, provider, document-ID and overdue filters, while shown.
 * @csspart table - The scrolling grid (`role="grid"`).
 * @csspart header-row - The row of column headers.
 * @csspart row - Each invoice row.
 * @csspart cell - Each cell of an invoice row.
 * @csspart status-badge - The status badge in a row (text plus colour).
 * @csspart overdue-badge - The "Overdue" badge next to the status of an overdue invoice (text plus colour).
 * @csspart totals - The totals of what is listed, per currency, below the grid (a live region).
 * @csspart open-button - The Open button of each row.
 * @csspart count - The number of invoices ("30 invoices"), above the grid (also the live region).
 * @csspart empty - The sentence shown when nothing matches, naming the filters in force.
 * @csspart clear-filters - The empty state's Clear filters button.
 * @csspart error - The error message with its Retry button.
 * @csspart list-export - The list export's controls (button, progress, Cancel, error, status).
 * @csspart export-button - The Export CSV button.
 * @csspart export-progress - The export's progress bar (invoices read of the list's total).
 * @csspart export-cancel - The export's Cancel button.
 * @csspart export-error - The export's error message with its Retry button.
 * @csspart select-all - The header's checkbox (`selectable`): every row matching the filter.
 * @csspart select-row - Each row's checkbox (`selectable`).
 * @csspart selection-status - The live region announcing the selected count (visually hidden).
 * @csspart bulk-bar - The bar shown while rows are selected.
 * @csspart select-all-button - The bar's "Select all N matching invoices".
 * @csspart bulk-target - The bar's drop-down of new statuses.
 * @csspart bulk-change-button - The bar's "Change status…".
 * @csspart clear-selection - The bar's "Clear selection".
 * @csspart bulk-dialog - The bulk change's modal `<dialog>` (also part `dialog`, with `dialog-heading`, `notify-toggle`, `confirm-button`, `cancel-button`, as in `<status-updater>`).
 * @csspart bulk-ineligible - The dialog's list of invoices that will not change, with why.
 * @csspart bulk-progress - The `<progress>` of the reads and writes.
 * @csspart stop-button - Stops the writes not started.
 * @csspart bulk-result - The result: changed, conflicted, failed (with why), not started.
 * @csspart retry-failed - Sends the failed writes again (the same idempotency keys).
 *
 * @cssprop --invoice-table-height - Block size of the scrolling grid (default `--inv-table-height`, 32rem); a list of up to 50 rows is as tall as its rows, at most this.
 * @cssprop --invoice-table-header-background - Background of the header row.
 * @cssprop --invoice-table-row-hover-background - Background of a hovered row.
 * @cssprop --invoice-table-band-background - Background band alternating per billing period when sorted by period.
 * @cssprop --invoice-table-selected-background - Background of a selected row (`selectable`; default the hover background).
 * @cssprop --invoice-table-group-border - Border above the first row of each billing period when sorted by period.
 */
export class InvoiceTable extends InvoiceElement {
  static override styles = [invoiceTableStyles, bulkStyles];

  /** Fixes the customer (its id). In the customer audience, the customer is always fixed. */
  @property({ attribute: 'customer-id' })
  customerId?: string;

  /** Hides the customer search (use with `customer-id`). Always hidden in the customer audience. */
  @property({ type: Boolean, attribute: 'hide-search', reflect: true })
  hideSearch = false;

  /** First month of the billing period, `YYYY-MM`. Default: the first of the last 3 months. */
  @property({ attribute: 'from' })
  from?: string;

  /** Last month of the billing period, `YYYY-MM`. Default: last month. */
  @property({ attribute: 'to' })
  to?: string;

  /** Rows fetched from the adapter per request (1–1000, default 200). */
  @property({ attribute: 'page-size', converter: { fromAttribute: pageSizeOf } })
  pageSize = 200;

  /**
   * The dialect of the list export (docs/RULES.md, "CSV files"): `spreadsheet` (default: per
   * the element's language, with a BOM) or `rfc4180` (for programs). Anything else is `spreadsheet`.
   */
  @property({ attribute: 'csv-dialect' })
  csvDialect: CsvDialect = 'spreadsheet';

  /**
   * Hook for hosts and tests: hands the list export's file to the user (default: an
   * `<a download>` clicked in the element's shadow root).
   */
  static saveFile: (file: SavedFile, element: HTMLElement) => void | Promise<void> = saveWithAnchor;

  /** "Now", for the period presets and the default period. Default: the current date. */
  @property({ attribute: false })
  today?: Date;

  /**
   * Adds the checkbox column and the bulk status change (operator audience only; ignored for
   * the customer, who has no status action).
   */
  @property({ type: Boolean, reflect: true })
  selectable = false;

  /** Overrides of any string of this element (and `common` strings). */
  @property({ attribute: false })
  strings?: StringOverrides<InvoiceTableStrings>;

  /**
   * The view as one JSON-serialisable value: customer, period, filters, sort (a fresh object
   * on each read; `from`/`to` absent for the default period). Setting it shows that view with
   * one query and fires no event; absent keys are the defaults, and a value the table does not
   * know (a status the audience may not see, a provider or sort key not offered) is dropped.
   */
  @property({ attribute: false })
  get view(): InvoiceTableView {
    const v: InvoiceTableView = { sort: { key: this.sortKey, direction: this.sortDirection } };
    if (this.customerId) v.customerId = this.customerId;
    if (isYearMonth(this.from) && isYearMonth(this.to)) [v.from, v.to] = [this.from, this.to];
    if (this.statusFilter) v.status = this.statusFilter;
    if (this.providerFilter) v.provider = this.providerFilter;
    if (this.textFilter) v.search = this.textFilter;
    if (this.overdueFilter) v.overdue = true;
    return v;
  }
  set view(v: InvoiceTableView) {
    const { customerId, from, to, status, provider, search, sort, overdue } = v ?? {};
    const d = sort?.direction;
    const key = SORT_KEYS.includes(sort?.key as SortKey) ? sort!.key : 'period';
    clearTimeout(this.#textTimer);
    this.customerId = (typeof customerId === 'string' && customerId) || undefined;
    this.from = isYearMonth(from) ? from : undefined;
    this.to = isYearMonth(to) ? to : undefined;
    this.statusFilter = this.#statuses.includes(status!) ? status! : '';
    this.providerFilter = this.#providers.has(provider!) ? provider! : '';
    this.textFilter = typeof search === 'string' ? search.trim() : '';
    this.overdueFilter = overdue === true;
    this.sortKey = key;
    this.sortDirection = d === 'asc' || d === 'desc' ? d : DESC_FIRST.has(key) ? 'desc' : 'asc';
  }

  @state() private statusFilter: InvoiceStatus | '' = '';
  @state() private providerFilter = '';
  @state() private textFilter = '';
  /** Only overdue invoices (money-owed.ts). */
  @state() private overdueFilter = false;
  @state() private sortKey: SortKey = 'period';
  @state() private sortDirection: SortDirection = 'desc';
  @state() private focusedIndex = 0;
  /** The month fields' text while it is not a valid period yet. */
  @state() private draft: { from: string; to: string } | null = null;
  @state() private periodError: { message: string; field: 'from' | 'to' } | null = null;
  /** At most 40rem wide: rows stack (label above value). */
  @state() private narrow = false;
  /** The billing period's fields shown (its toolbar button expanded). */
  @state() private periodOpen = false;
  /** The status, provider, document and overdue filters shown (their button expanded). */
  @state() private filtersOpen = false;

  // What `@query` did (without shipping the decorator): the rendered element, if any.
  get #gridEl() {
    return this.renderRoot?.querySelector<HTMLElement>('.grid');
  }
  get #bodyEl() {
    return this.renderRoot?.querySelector<HTMLElement>('.body');
  }

  readonly #i18n = new LocaleController(this, invoiceTableStrings);

  // ---- issue 25: selection and bulk status change ------------------------------------------
  readonly #bulkI18n = new LocaleController(this, bulkStatusStrings);
  readonly #selection = new Selection();
  /** The bulk change, loaded on the first "Change status…" (`bulk-runtime.ts`). */
  #bulk?: {
    change: BulkChange;
    render: typeof import('./bulk-runtime.js').renderBulkDialog;
    /** The updater's words for the consequences (the same rules as one invoice). */
    updater: LocaleController<StatusUpdaterStrings>;
  };
  /** The bar's chosen target. */
  @state() private bulkTarget: InvoiceStatus | '' = '';
  /** What the selection's live region says. */
  @state() private selectionText = '';
  #bulkShown: string = 'closed';

  get #selectable(): boolean {
    return this.selectable && this.audience === 'operator';
  }

  readonly #combobox = new CustomerCombobox(this, {
    backend: () => this.activeBackend,
    onSelect: (customer) => this.#chooseCustomer(customer),
  });

  readonly #source: RowSource = new RowSource(this, {
    backend: () => this.activeBackend,
    query: () => this.#buildQuery(),
    pageSize: () => pageSizeOf(this.pageSize),
    view: () => this.#window,
    onRows: (rows) => {
      for (const s of rows) {
        if (!this.#providers.has(s.provider.id))
          this.#providers.set(s.provider.id, displayText(s.provider.name));
      }
    },
  });
  readonly #window: RowWindow = new RowWindow(this, {
    scroller: () => this.#gridEl,
    body: () => this.#bodyEl,
    count: () => (this.#source.phase === 'ready' ? this.#source.total : 0),
    stickyStart: true,
    // A short list is as tall as its rows: all of them rendered (no window to follow its size).
    // Before a row is measured, only the rows the estimates put in view: the first frame paints
    // sooner, and the rows beyond come in the next one (row-window.ts).
    overscan: () => (this.#fit ? FIT_ROWS : this.#window.measured ? 3 : 0),
    onMove: () => this.#source.moved(),
  });
  /** The list export's module could not load (offline): said, and the next press loads again. */
  @state() private exportLoadFailed = false;
  /** The list export's run, loaded with its module on the first export. */
  #listExport?: ListExportController;
  #listExportLoad?: Promise<ListExportController>;
  #loadListExport(): Promise<ListExportController> {
    this.#listExportLoad ??= import('./list-export.js').then(
      ({ ListExportController }) =>
        (this.#listExport = new ListExportController(this, {
          source: () => this.activeBackend,
          query: () => this.#buildQuery(),
          customer: () =>
            this.#combobox.selected ?? (this.customerId ? { id: this.customerId } : undefined),
          period: () => this.period,
          dialect: () => (this.csvDialect === 'rfc4180' ? 'rfc4180' : 'spreadsheet'),
          locale: () => this.#i18n.locale,
          today: () => isoDay(this.#now),
          strings: () => ({ t: this.#i18n.t, common: this.#i18n.common }),
          save: (blob, filename) =>
            (this.constructor as typeof InvoiceTable).saveFile(
              { kind: 'blob', blob, filename },
              this,
            ),
          done: (detail) => this.emit('invoice-list-export', detail),
        })),
      (error: unknown) => {
        // Offline, a CDN error: the next press loads again.
        this.#listExportLoad = undefined;
        this.exportLoadFailed = true;
        throw error;
      },
    );
    return this.#listExportLoad;
  }
  #textTimer: ReturnType<typeof setTimeout> | undefined;
  /** Whether the grid is as tall as its rows (kept while a new list loads). */
  #fit = false;
  readonly #providers = new Map<string, string>(KNOWN_PROVIDERS.map((p) => [p.id, p.name]));

  readonly #widthWatch =
    typeof ResizeObserver === 'undefined'
      ? undefined
      : new ResizeObserver(([entry]) => {
          const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
          const narrow = (entry?.contentRect.width ?? Infinity) <= 40 * rem;
          // In the next frame: a short grid's height follows its rows, so re-laying them out
          // in this frame would change the observed size again (a ResizeObserver loop).
          if (narrow !== this.narrow) requestAnimationFrame(() => (this.narrow = narrow));
        });

  constructor() {
    super();
    new InvoiceChanges(
      this,
      () => this.activeBackend,
      (change) => this.#source.apply(change),
    );
  }

  /**
   * Runs the query again, keeping the rows shown and the scroll position until the new ones
   * arrive. For a host that changed invoices itself (or wants the server's latest).
   */
  refresh(): void {
    this.#source.refresh();
  }

  /**
   * Scrolls the grid so that row `index` (0-based, in the list's order) is at the top of the
   * view, or as near as the end of the list allows, at any row count. With `{ focus: true }` the
   * row also becomes the grid's tab stop and takes the focus, as the arrow keys do. Resolves once
   * the row is rendered; before the rows load, or for an index out of range, does nothing.
   */
  async scrollToIndex(index: number, options: { focus?: boolean } = {}): Promise<void> {
    if (!Number.isInteger(index) || index < 0 || index >= this.#source.total) return;
    if (options.focus) return this.#focusRow(index, 'start');
    this.#window.reveal(index, 'start');
    await this.updateComplete;
  }

  /**
   * Tells the table one invoice changed (the host changed it): its row is read again, and
   * leaves the list if it no longer matches; an invoice not listed re-runs the query in view.
   */
  invalidate(invoiceId: string): void {
    this.#source.apply({ invoiceId, kind: 'updated' });
  }

  /**
   * Exports every invoice of the list in force as one CSV file (the Export CSV button does the
   * same), in `dialect` (default `csv-dialect`). Resolves once the file was handed over, or the
   * export was cancelled or failed (the element shows it, with Retry); does nothing while an
   * export runs.
   */
  async exportList(options: { dialect?: CsvDialect } = {}): Promise<void> {
    if (this.#listExport?.running) return;
    this.exportLoadFailed = false;
    await (await this.#loadListExport()).start(options.dialect);
  }

  /** Cancels the list export in progress, if any: nothing is saved. */
  cancelExport(): void {
    this.#listExport?.cancel();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#widthWatch?.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#widthWatch?.disconnect();
    clearTimeout(this.#textTimer);
  }

  // ---- derived state --------------------------------------------------------------------------

  get #now(): Date {
    return this.today ?? new Date();
  }

  /** The period in force (the attributes when valid, else the default: last 3 months). */
  get period(): BillingPeriod {
    const fallback = presetPeriod('last-3-months', this.#now);
    const from = isYearMonth(this.from) ? this.from : fallback.from;
    const to = isYearMonth(this.to) ? this.to : fallback.to;
    return { from, to };
  }

  /** The statuses the audience may filter by. */
  get #statuses(): readonly InvoiceStatus[] {
    return this.audience === 'customer' ? CUSTOMER_VISIBLE_STATUSES : INVOICE_STATUSES;
  }

  get #showCustomerColumn(): boolean {
    return this.audience !== 'customer' && !this.customerId;
  }

  get #columns(): SortKey[] {
    const owed: SortKey[] = ['total', 'amountDue', 'dueDate', 'generatedAt'];
    return this.#showCustomerColumn
      ? ['documentId', 'customer', 'provider', 'period', 'status', ...owed]
      : ['documentId', 'provider', 'period', 'status', ...owed];
  }

  #buildQuery(): InvoiceQuery | null {
    return buildInvoiceQuery({
      period: this.period,
      sort: { key: this.sortKey, direction: this.sortDirection },
      audience: this.audience,
      customerId: this.customerId,
      status: this.statusFilter,
      provider: this.providerFilter,
      text: this.textFilter,
      overdue: this.overdueFilter,
      today: isoDay(this.#now),
    });
  }

  // ---- lifecycle ------------------------------------------------------------------------------

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (
      changed.has('customerId') &&
      (this.#combobox.selected?.id ?? undefined) !== this.customerId
    ) {
      this.#combobox.resolve(this.customerId);
    }
    if (changed.has('from') || changed.has('to')) {
      this.draft = null;
      this.periodError =
        compareMonths(this.period.from, this.period.to) > 0
          ? { message: this.#i18n.t.periodOrder, field: 'to' }
          : null;
    }
    if (this.audience === 'customer' && this.statusFilter === 'DRAFT') this.statusFilter = '';
    if (this.focusedIndex >= this.#source.total)
      this.focusedIndex = Math.max(0, this.#source.total - 1);
    if (this.isConnected && this.#source.load()) {
      // A new list: from its first row.
      this.focusedIndex = 0;
      this.#window.toStart();
      // issue 25: a selection belongs to its list.
      if (this.#selection.clear()) this.selectionText = this.#bulkI18n.t.selectionClearedByView;
    }
  }

  // ---- user actions ---------------------------------------------------------------------------

  /** After a user's change of the view (not the host's). */
  #viewChanged(reason: InvoiceViewChangeReason): void {
    this.emit('invoice-view-change', { view: this.view, reason });
  }

  #chooseCustomer(customer: Customer | null): void {
    this.customerId = customer?.id;
    this.emit('invoice-customer-change', { customer });
    this.#viewChanged('customer');
  }

  #setPeriod(period: BillingPeriod): void {
    this.draft = null;
    this.periodError = null;
    if (period.from === this.period.from && period.to === this.period.to) return;
    this.from = period.from;
    this.to = period.to;
    this.emit('invoice-period-change', { period: { ...period } });
    this.#viewChanged('period');
  }

  #onPreset = (preset: PeriodPreset): void => {
    this.#setPeriod(presetPeriod(preset, this.#now));
  };

  #onMonthChange = (field: 'from' | 'to', value: string): void => {
    const range = yearRange(this.period, this.#now);
    const input = readMonthInput(this.draft ?? this.period, field, value, range);
    if ('period' in input) return this.#setPeriod(input.period);
    this.draft = input.draft;
    const t = this.#i18n.t;
    const message =
      input.error === 'periodOrder' ? t.periodOrder : t.invalidYear(range.min, range.max);
    this.periodError = { message, field: input.field };
  };

  #onSort = (key: SortKey): void => {
    if (this.sortKey === key) {
      this.sortDirection = this.sortDirection === 'asc' ? 'desc' : 'asc';
    } else {
      this.sortKey = key;
      this.sortDirection = DESC_FIRST.has(key) ? 'desc' : 'asc';
    }
    this.#viewChanged('sort');
  };

  #onTextInput = (e: Event): void => {
    const value = (e.target as HTMLInputElement).value.trim();
    clearTimeout(this.#textTimer);
    this.#textTimer = setTimeout(() => {
      if (value === this.textFilter) return;
      this.textFilter = value;
      this.#viewChanged('search');
    }, TEXT_DEBOUNCE_MS);
  };

  /**
   * Clears the status, provider, document and overdue filters, then shows them and focuses the
   * first of them.
   */
  #clearFilters = async (): Promise<void> => {
    clearTimeout(this.#textTimer);
    this.statusFilter = this.providerFilter = this.textFilter = '';
    this.overdueFilter = false;
    for (const control of this.renderRoot.querySelectorAll<HTMLInputElement>('.filters [name]')) {
      control.value = '';
    }
    this.filtersOpen = true;
    this.#viewChanged('filter');
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.filters [name]')?.focus();
  };

  #open(index: number): void {
    const summary = this.#source.row(index);
    if (!loaded(summary)) return;
    this.emit('invoice-open', { invoiceId: summary.id, summary });
  }

  /** Open: a single click on a row's Open button, or a double-click elsewhere in the row. */
  #onBodyOpen = (e: MouseEvent): void => {
    if (e.type === 'click' && this.#onSelectClick(e)) return;
    const onButton = isFromOpenButton(e);
    // The second click of a double-click on the button never opens twice.
    if (e.type === 'click' ? !onButton || e.detail > 1 : onButton) return;
    const index = rowIndexOf(e, this.#bodyEl);
    if (index >= 0) this.#open(index);
  };

  #onBodyFocusIn = (e: FocusEvent): void => {
    const index = rowIndexOf(e, this.#bodyEl);
    if (index >= 0 && index !== this.focusedIndex) this.focusedIndex = index;
  };

  #onBodyKeyDown = (e: KeyboardEvent): void => {
    const index = rowIndexOf(e, this.#bodyEl);
    if (index < 0) return;
    const row = e.composedPath()[0];
    if (!(row instanceof HTMLElement) || row.getAttribute('role') !== 'row') return;
    if (this.#selectable && this.#selectionKey(e, index)) return;
    const rowHeight = row.offsetHeight || 44;
    const pageStep = Math.max(1, Math.floor((this.#gridEl?.clientHeight ?? 0) / rowHeight) - 2);
    const next = nextRowIndex(e.key, index, this.#source.total, pageStep);
    if (next === null) return;
    e.preventDefault();
    if (next === 'open') this.#open(index);
    else void this.#focusRow(next);
  };

  /** Moves the roving tab stop to a row, scrolling it into view, and focuses it. */
  async #focusRow(index: number, align?: 'nearest' | 'start'): Promise<void> {
    if (!Number.isInteger(index) || index < 0 || index >= this.#source.total) return;
    this.focusedIndex = index;
    this.#window.reveal(index, align);
    this.#pendingFocus = index;
    await this.updateComplete;
    this.#focusPending();
  }

  /**
   * The row `#focusRow` is moving to, until it is rendered and focused. The window may render it
   * an update later than the one `#focusRow` awaited (its size or scroll were heard after), and
   * the row that had the focus has left the window by then: without this, the focus would fall
   * to the page.
   */
  #pendingFocus = -1;

  #focusPending(): void {
    const index = this.#pendingFocus;
    if (index < 0) return;
    if (this.focusedIndex !== index) {
      this.#pendingFocus = -1;
      return;
    }
    const row = this.#bodyEl?.querySelector<HTMLElement>(`[role='row'][data-index='${index}']`);
    if (!row) return;
    this.#pendingFocus = -1;
    // Only when the focus is still in the rows, or fell to the page: never taken from elsewhere.
    const inside = this.shadowRoot?.activeElement;
    const page = document.activeElement;
    const fell = !inside && (page === null || page === document.body || page === this);
    if (fell || (inside && this.#bodyEl?.contains(inside))) row.focus();
  }

  protected override updated(): void {
    this.#labelRows();
    this.#focusPending();
    this.#keepFocusOnItsRow();
    this.#syncBulkDialog();
  }

  /** The row group whose column names are set, and the strings they were set from. */
  #labelled?: { body: HTMLElement; columns: object };

  /**
   * The stacked (narrow) layout shows each value under its column's name: one custom property
   * per column on the row group (`--_l-<column>`, a CSS string), read by the cells' `::before`
   * (invoice-table.styles.ts). Set through the CSSOM (a strict CSP allows it), once per row
   * group and language, where an attribute on every cell cost a binding per cell (135 in a
   * first render, about 1.2 ms of its main-thread CPU: docs/PERFORMANCE.md, "Cold insert").
   * The names are the element's own strings; JSON's quoting is a valid CSS string for them
   * (no line breaks).
   */
  #labelRows(): void {
    const body = this.#bodyEl;
    const columns = this.#i18n.t.columns;
    if (!body || (this.#labelled?.body === body && this.#labelled.columns === columns)) return;
    this.#labelled = { body, columns };
    for (const [key, name] of Object.entries(columns)) {
      body.style.setProperty(`--_l-${key}`, JSON.stringify(name));
    }
  }

  /**
   * While the focus is in the rows, it stays on the row the user moved to (`focusedIndex`): when
   * the window re-keys its rows (its slot count grew once the viewport was measured), a focused
   * element may be handed another row; the focus then goes back to its row's element.
   */
  #keepFocusOnItsRow(): void {
    const inside = this.shadowRoot?.activeElement;
    if (!inside || !this.#bodyEl?.contains(inside)) return;
    const row = inside.closest<HTMLElement>('[data-index]');
    if (!row || Number(row.dataset.index) === this.focusedIndex) return;
    this.#bodyEl
      .querySelector<HTMLElement>(`[role='row'][data-index='${this.focusedIndex}']`)
      ?.focus();
  }

  // ---- rendering ------------------------------------------------------------------------------

  override render(): TemplateResult {
    const t = this.#i18n.t;
    const common = this.#i18n.common;
    const backend = this.activeBackend;
    return html`<div class=${this.narrow ? 'root narrow' : 'root'}>
      <div class="toolbar" part="toolbar" role="search" aria-label=${t.toolbarLabel}>
        ${this.audience === 'customer' || this.hideSearch ? nothing : this.#combobox.render(t, common)}
        ${renderToggle(
          'period-toggle',
          t.periodButton(periodText(this.period, this.#i18n.locale)),
          this.periodOpen,
          'period-controls',
          () => (this.periodOpen = !this.periodOpen),
        )}
        ${renderToggle(
          'filters-toggle',
          t.filtersButton(this.#activeFilters.length),
          this.filtersOpen,
          'filter-controls',
          () => (this.filtersOpen = !this.filtersOpen),
        )}
        ${
          this.periodOpen
            ? renderPeriodRange({
                from: this.draft?.from ?? this.period.from,
                to: this.draft?.to ?? this.period.to,
                period: this.period,
                today: this.#now,
                error: this.periodError?.message ?? '',
                errorField: this.periodError?.field,
                locale: this.#i18n.locale,
                t,
                onChange: this.#onMonthChange,
                onPreset: this.#onPreset,
              })
            : nothing
        }
        ${
          this.filtersOpen
            ? renderFilters({
                statuses: this.#statuses,
                status: this.statusFilter,
                providers: this.#providers,
                provider: this.providerFilter,
                text: this.textFilter,
                t,
                common: this.#i18n.common,
                onStatus: (status) => {
                  this.statusFilter = status;
                  this.#viewChanged('filter');
                },
                onProvider: (provider) => {
                  this.providerFilter = provider;
                  this.#viewChanged('filter');
                },
                onText: this.#onTextInput,
                overdue: this.overdueFilter,
                onOverdue: (overdue) => {
                  this.overdueFilter = overdue;
                  this.#viewChanged('filter');
                },
              })
            : nothing
        }
      </div>
      <p
        class=${this.#source.phase === 'ready' && this.#source.total ? 'count' : 'visually-hidden'}
        part="count"
        role="status"
      >
        ${backend ? this.#announcement(t) : ''}
      </p>
      ${this.#renderListExport(!backend || !this.#buildQuery())}
      ${this.#selectable && backend ? this.#renderBulk() : nothing}
      ${
        backend
          ? this.#renderGrid(t)
          : html`<p class="alert" part="error" role="alert">${common.error['no-backend']}</p>`
      }
    </div>`;
  }

  #announcement(t: InvoiceTableStrings): string {
    const { phase, total } = this.#source;
    switch (phase) {
      case 'loading':
        return t.loadingInvoices;
      case 'error':
        return errorMessage(this.#source.error, this.#i18n.common);
      case 'ready':
        return total ? t.results(total) : this.#emptyText(t);
      default:
        return '';
    }
  }

  /** The filters in force beyond customer and period, named ("Status: Open"), or none. */
  get #activeFilters(): string[] {
    const t = this.#i18n.t;
    const out: string[] = [];
    if (this.statusFilter)
      out.push(`${t.statusFilter}: ${this.#i18n.common.status[this.statusFilter]}`);
    if (this.providerFilter) {
      out.push(
        `${t.providerFilter}: ${this.#providers.get(this.providerFilter) ?? this.providerFilter}`,
      );
    }
    if (this.textFilter) out.push(`${t.documentFilter} “${this.textFilter}”`);
    if (this.overdueFilter) out.push(this.#i18n.common.overdue);
    return out;
  }

  #emptyText(t: InvoiceTableStrings): string {
    const filters = this.#activeFilters;
    const text = t.empty(
      this.#combobox.selected?.name ?? null,
      periodText(this.period, this.#i18n.locale),
    );
    return filters.length ? `${text} ${t.filteredBy(filters.join('; '))}` : text;
  }

  #renderGrid(t: InvoiceTableStrings) {
    const { phase, total } = this.#source;
    const selectable = this.#selectable;
    const colCount = this.#columns.length + 1 + (selectable ? 1 : 0);
    const loading = phase === 'loading' || phase === 'idle';
    const hasRows = phase === 'ready' && total > 0;
    if (!loading) this.#fit = total <= FIT_ROWS;
    const waiting = phase === 'idle' || this.#source.waiting;
    const skeleton = loading && waiting ? renderSkeleton(SKELETON_ROWS, colCount) : nothing;
    const cells: CellContext = {
      t,
      common: this.#i18n.common,
      locale: this.#i18n.locale,
      showCustomer: this.#showCustomerColumn,
      today: isoDay(this.#now),
    };
    const header = renderHeader(
      this.#columns,
      this.sortKey,
      this.sortDirection,
      t,
      this.#onSort,
      this.#source.order,
      selectable ? this.#selectHeader() : nothing,
    );
    const body = html`<div
      class="body"
      role="rowgroup"
      ?hidden=${!hasRows}
      @click=${this.#onBodyOpen}
      @dblclick=${this.#onBodyOpen}
      @keydown=${this.#onBodyKeyDown}
      @focusin=${this.#onBodyFocusIn}
    >
      ${
        hasRows
          ? // Keys by position, or by row while a row has focus (RowWindow.keyOf).
            repeat(
              this.#window.indexes,
              (index) => this.#window.keyOf(index),
              (index) =>
                renderRow(
                  this.#source.row(index),
                  index,
                  this.#source.row(index - 1),
                  index === this.focusedIndex,
                  this.sortKey === 'period',
                  cells,
                  selectable ? this.#selectCell(index) : undefined,
                ),
            )
          : nothing
      }
    </div>`;
    return html`<div
        class="grid"
        part="table"
        role="grid"
        aria-label=${t.tableLabel}
        aria-readonly="true"
        aria-multiselectable=${selectable ? 'true' : nothing}
        ?data-selectable=${selectable}
        aria-busy=${loading ? 'true' : 'false'}
        aria-rowcount=${loading ? -1 : total + 1}
        aria-colcount=${colCount}
        ?data-customer-column=${this.#showCustomerColumn}
        ?data-fit=${this.#fit}
      >
        <div class="inner">${header} ${skeleton} ${body}</div>
      </div>
      ${
        phase === 'ready' && total === 0
          ? html`<div class="state empty" part="empty">
              <p>${this.#emptyText(t)}</p>
              ${
                this.#activeFilters.length
                  ? html`<button
                      type="button"
                      class="button"
                      part="clear-filters"
                      @click=${this.#clearFilters}
                    >
                      ${t.clearFilters}
                    </button>`
                  : nothing
              }
            </div>`
          : nothing
      }
      ${phase === 'error' ? this.#failure(errorMessage(this.#source.error, this.#i18n.common)) : nothing}
      ${this.#source.pageFailed ? this.#failure(t.pageError) : nothing} ${this.#renderTotals(t)}`;
  }

  /** The totals of what is listed (list-totals.ts), below the grid. */
  #renderTotals(t: InvoiceTableStrings) {
    const source = this.#source;
    const totals = tableTotals(
      {
        phase: source.phase,
        total: source.total,
        totals: source.totals,
        dropped: source.dropped,
        row: (i) => {
          const row = source.row(i);
          return loaded(row) ? row : undefined;
        },
      },
      pageSizeOf(this.pageSize),
    );
    return renderListTotals(totals, t, this.#i18n.locale);
  }

  /** Export CSV, then (once loaded) the export's progress, Cancel and errors; the live region. */
  #renderListExport(disabled: boolean) {
    const run = this.#listExport;
    return html`<div class="list-export" part="list-export">
      <button
        type="button"
        class="button list-export-button"
        part="export-button"
        aria-disabled=${run?.running || disabled ? 'true' : 'false'}
        @click=${() => {
          // A module that did not load is shown below (the promise has nothing more to say).
          if (!disabled) this.exportList().catch(() => undefined);
        }}
      >
        ${this.#i18n.t.exportList}
      </button>
      ${run ? run.render() : nothing}
      ${
        this.exportLoadFailed
          ? html`<p class="alert error" part="export-error" role="alert">
              ${this.#i18n.t.exportFailed}
            </p>`
          : nothing
      }
      <div class="visually-hidden" role="status">${run?.announcement ?? ''}</div>
    </div>`;
  }

  // ---- issue 25: selection and bulk status change ------------------------------------------

  #selectHeader() {
    const total = this.#source.total;
    const count = this.#selection.count(total);
    const label = this.#bulkI18n.t.selectAll(total.toLocaleString(this.#i18n.locale));
    return renderSelectHeader(label, total > 0 && count === total, count > 0, this.#onHeaderCheck);
  }

  #selectCell(index: number) {
    const row = this.#source.row(index);
    if (!loaded(row)) return { cell: renderSelectCell(undefined, false), selected: false };
    this.#selection.seen(row);
    const selected = this.#selection.has(row.id);
    const label = this.#bulkI18n.t.selectRow(inSentence(row.documentId));
    return { cell: renderSelectCell(label, selected), selected };
  }

  /** The selection changed: re-render, and say how many are selected (or that none are). */
  #selectionChanged(): void {
    const t = this.#bulkI18n.t;
    const n = this.#selection.count(this.#source.total);
    this.selectionText = n
      ? t.selected(n, n.toLocaleString(this.#i18n.locale))
      : t.selectionCleared;
    this.requestUpdate();
  }

  /** Ticks row `index` (or, with `range`, every loaded row from the anchor to it). */
  #select(index: number, on: boolean, range: boolean): void {
    const anchor = this.#selection.anchor;
    if (range && anchor >= 0) {
      const [a, b] = anchor < index ? [anchor, index] : [index, anchor];
      for (let i = a; i <= b; i++) {
        const row = this.#source.row(i);
        if (loaded(row)) this.#selection.set(row, on);
      }
    } else {
      const row = this.#source.row(index);
      if (!loaded(row)) return;
      this.#selection.set(row, on);
      this.#selection.anchor = index;
    }
    this.#selectionChanged();
  }

  #selectAll = (): void => {
    this.#selection.selectAll();
    this.#selectionChanged();
  };

  #clearSelection = (): void => {
    this.#selection.clear();
    this.#selectionChanged();
  };

  #onHeaderCheck = (e: Event): void => {
    if ((e.target as HTMLInputElement).checked) this.#selectAll();
    else this.#clearSelection();
  };

  /** A click on a row's checkbox (Shift: a range from the last one ticked). */
  #onSelectClick(e: MouseEvent): boolean {
    const box = e.composedPath()[0];
    if (!(box instanceof HTMLInputElement) || box.dataset.action !== 'select') return false;
    const index = rowIndexOf(e, this.#bodyEl);
    if (index >= 0) this.#select(index, box.checked, e.shiftKey);
    return true;
  }

  /** Space, Shift+Space and Ctrl+A (Cmd+A) on a row (the ARIA grid pattern); true when handled. */
  #selectionKey(e: KeyboardEvent, index: number): boolean {
    if (e.key === ' ' && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      const row = this.#source.row(index);
      if (e.shiftKey) this.#select(index, true, true);
      else if (loaded(row)) this.#select(index, !this.#selection.has(row.id), false);
      return true;
    }
    if ((e.key === 'a' || e.key === 'A') && (e.ctrlKey || e.metaKey) && !e.altKey) {
      e.preventDefault();
      this.#selectAll();
      return true;
    }
    return false;
  }

  #onBulkTarget = (e: Event): void => {
    const value = (e.target as HTMLSelectElement).value;
    this.bulkTarget = isKnownStatus(value) && value !== 'DRAFT' ? value : '';
  };

  #onBulkChange = (): void => {
    const to = this.bulkTarget;
    if (!to) {
      this.selectionText = this.#bulkI18n.t.chooseFirst;
      this.renderRoot.querySelector<HTMLElement>('[part="bulk-target"]')?.focus();
      return;
    }
    void this.#loadBulk().then((bulk) => bulk.open(to));
  };

  async #loadBulk(): Promise<BulkChange> {
    if (!this.#bulk) {
      const runtime = await import('./bulk-runtime.js');
      this.#bulk ??= {
        change: new runtime.BulkChange(this, {
          backend: () => this.activeBackend,
          audience: () => this.audience,
          query: () => this.#buildQuery(),
          total: () => this.#source.total,
          selection: this.#selection,
          emit: (type, detail) => this.emit(type, detail),
        }),
        render: runtime.renderBulkDialog,
        updater: new LocaleController(this, runtime.statusUpdaterStrings),
      };
    }
    return this.#bulk.change;
  }

  #renderBulk() {
    const t = this.#bulkI18n.t;
    const common = this.#i18n.common;
    const locale = this.#i18n.locale;
    const total = this.#source.total;
    const count = this.#selection.count(total);
    const bar =
      count > 0
        ? renderBulkBar({
            count,
            total,
            all: this.#selection.all,
            target: this.bulkTarget,
            locale,
            t,
            common,
            onSelectAll: this.#selectAll,
            onClear: this.#clearSelection,
            onTarget: this.#onBulkTarget,
            onChange: this.#onBulkChange,
          })
        : nothing;
    const loaded = this.#bulk;
    const bulk = loaded?.change;
    const dialog =
      loaded &&
      bulk &&
      loaded.render({
        bulk,
        locale,
        t,
        su: loaded.updater.t,
        common,
        onCancel: () => bulk.close(),
        onConfirm: () => {
          const toggle = this.renderRoot.querySelector<HTMLInputElement>('[part="notify-toggle"]');
          void bulk.confirm(toggle?.checked ?? bulk.notify);
        },
        onStop: () => bulk.stop(),
        onRetry: () => void bulk.retry(),
        onEscape: (e) => {
          if (bulk.phase === 'running') e.preventDefault();
        },
        onClose: () => bulk.close(),
      });
    return html`${bar}
      <p class="visually-hidden" part="selection-status" role="status">${this.selectionText}</p>
      ${dialog || nothing}`;
  }

  /**
   * Opens or closes the bulk dialog as its phase says, and moves the focus: to Cancel when the
   * question opens (as `<status-updater>` does), to Stop while writing, to the first button of
   * the result; after it closes, back to the bar (the selection is cleared after a run).
   */
  #syncBulkDialog(): void {
    const dialog = this.renderRoot.querySelector<HTMLDialogElement>('[part~="bulk-dialog"]');
    const bulk = this.#bulk?.change;
    if (!bulk) return;
    const phase = bulk.phase;
    const was = this.#bulkShown;
    if (!dialog || phase === was) return;
    this.#bulkShown = phase;
    if (phase === 'closed') {
      if (dialog.open) dialog.close();
      if (was === 'done' && bulk.changed.length) this.#clearSelection();
      void this.updateComplete.then(() =>
        this.renderRoot.querySelector<HTMLElement>('[part="bulk-change-button"]')?.focus(),
      );
      return;
    }
    if (!dialog.open) dialog.showModal();
    const focus =
      phase === 'running'
        ? '[part="stop-button"]'
        : phase === 'done'
          ? '[part="retry-failed"], [part="cancel-button"]'
          : '[part="cancel-button"]';
    dialog.querySelector<HTMLElement>(focus)?.focus();
  }

  /** A failure with Retry (the whole query, or only the pages that failed). */
  #failure(message: string) {
    return renderFailure(message, this.#i18n.common.retry, () => this.#source.retry());
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'invoice-table': InvoiceTable;
  }
}
