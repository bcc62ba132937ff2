/**
 * `<invoice-table>`: the operator's entry point (PRODUCT.md, workflow steps 1–3).
 */
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { compareMonths, isYearMonth, presetPeriod, type PeriodPreset } from '../../core/period.js';
import { KNOWN_PROVIDERS } from '../../core/downloads.js';
import { visibleTo } from '../../core/status.js';
import type {
  BillingPeriod,
  Customer,
  InvoiceQuery,
  InvoiceStatus,
  InvoiceSummary,
  SortDirection,
  SortKey,
} from '../../core/types.js';
import { INVOICE_STATUSES } from '../../core/types.js';
import { errorMessage } from '../shared/error-message.js';
import { InvoiceElement } from '../shared/invoice-element.js';
import { LocaleController, type StringOverrides } from '../shared/locale-controller.js';
import { RowWindow } from '../shared/row-window.js';
import { CustomerCombobox } from './customer-combobox.js';
import { invoiceTableStrings, type InvoiceTableStrings } from './invoice-table.strings.js';
import { invoiceTableStyles } from './invoice-table.styles.js';
import { renderPeriodRange, supportsMonthInput } from './period-range.js';
import { monthParity, periodText, renderCells } from './invoice-rows.js';

export type {
  InvoiceCustomerChangeDetail,
  InvoiceOpenDetail,
  InvoicePeriodChangeDetail,
} from './invoice-table.events.js';

/** A row not fetched yet. */
const PENDING: { readonly pending: true } = Object.freeze({ pending: true });
type Row = InvoiceSummary | typeof PENDING;
const loaded = (row: Row | undefined): row is InvoiceSummary =>
  row !== undefined && row !== PENDING;
type Phase = 'idle' | 'loading' | 'ready' | 'error';

const DESC_FIRST: ReadonlySet<SortKey> = new Set(['period', 'total', 'generatedAt']);
const SKELETON_ROWS = 6;
const TEXT_DEBOUNCE_MS = 300;

const pageSizeConverter = {
  fromAttribute(value: string | null): number {
    const n = Number(value);
    return Number.isFinite(n) && n >= 1 ? Math.min(Math.floor(n), 1000) : 200;
  },
};

/**
 * Lists a customer's invoices for a billing period: a customer search (combobox), a from/to
 * month range with presets, sortable columns, status/provider/document filters, and a
 * virtualized grid that stays fast at 100,000 rows (pages of `page-size` fetched from the
 * adapter as the user scrolls).
 *
 * Opening an invoice (double-click a row, Enter on the focused row, or the row's Open button)
 * fires `invoice-open`. In the customer audience the search is hidden and drafts never render,
 * even when the adapter returns them.
 *
 * @summary The invoice list: customer search, billing-period range, sort, filters, open.
 *
 * @fires invoice-open - `{ invoiceId, summary }` when the user opens an invoice.
 * @fires invoice-customer-change - `{ customer }` when the user chooses a customer (or clears: `null`).
 * @fires invoice-period-change - `{ period }` when the user changes the billing period.
 *
 * @csspart toolbar - The bar holding search, period and filters.
 * @csspart search - The customer search (label, combobox, suggestions).
 * @csspart period - The billing-period fieldset (month fields and presets).
 * @csspart filters - The status, provider and document-ID filters.
 * @csspart table - The scrolling grid (`role="grid"`).
 * @csspart header-row - The row of column headers.
 * @csspart row - Each invoice row.
 * @csspart cell - Each cell of an invoice row.
 * @csspart status-badge - The status badge in a row (text plus colour).
 * @csspart open-button - The Open button of each row.
 * @csspart empty - The sentence shown when nothing matches.
 * @csspart error - The error message with its Retry button.
 *
 * @cssprop --invoice-table-height - Block size of the scrolling grid (default `--inv-table-height`, 32rem).
 * @cssprop --invoice-table-header-background - Background of the header row.
 * @cssprop --invoice-table-row-hover-background - Background of a hovered row.
 * @cssprop --invoice-table-band-background - Background band alternating per billing period when sorted by period.
 * @cssprop --invoice-table-group-border - Border above the first row of each billing period when sorted by period.
 */
export class InvoiceTable extends InvoiceElement {
  static override styles = invoiceTableStyles;

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
  @property({ attribute: 'page-size', converter: pageSizeConverter })
  pageSize = 200;

  /** "Now", for the period presets and the default period. Default: the current date. */
  @property({ attribute: false })
  today?: Date;

  /** Overrides of any string of this element (and `common` strings). */
  @property({ attribute: false })
  strings?: StringOverrides<InvoiceTableStrings>;

  @state() private selectedCustomer: Customer | null = null;
  @state() private statusFilter: InvoiceStatus | '' = '';
  @state() private providerFilter = '';
  @state() private textFilter = '';
  @state() private sortKey: SortKey = 'period';
  @state() private sortDirection: SortDirection = 'desc';
  @state() private phase: Phase = 'idle';
  @state() private error: unknown;
  @state() private rows: Row[] = [];
  @state() private total = 0;
  @state() private focusedIndex = 0;
  @state() private pageFailed = false;
  /** The month fields' text while it is not a valid period yet. */
  @state() private draft: { from: string; to: string } | null = null;
  @state() private periodError: { message: string; field: 'from' | 'to' } | null = null;
  /** At most 40rem wide: rows stack (label above value). */
  @state() private narrow = false;

  // What `@query` did (without shipping the decorator): the rendered element, if any.
  private get gridEl() {
    return this.renderRoot?.querySelector<HTMLElement>('.grid');
  }
  private get bodyEl() {
    return this.renderRoot?.querySelector<HTMLElement>('.body');
  }

  private readonly i18n = new LocaleController(this, invoiceTableStrings);
  private readonly combobox = new CustomerCombobox(this, {
    backend: () => this.activeBackend,
    onSelect: (customer) => this.chooseCustomer(customer),
  });

  private queryKey = '';
  private queryBackend: unknown;
  private generation = 0;
  /** Requests in flight, by page. */
  private inFlight = new Map<number, AbortController>();
  private pages = new Map<number, 'loading' | 'loaded' | 'error'>();
  private drops = new Map<number, number>();
  private readonly window = new RowWindow(this, {
    scroller: () => this.gridEl,
    body: () => this.bodyEl,
    count: () => (this.phase === 'ready' ? this.total : 0),
    stickyStart: true,
    onMove: () => {
      // The focused row left the window: its element is about to show another row.
      const focused = this.shadowRoot?.activeElement;
      if (focused instanceof HTMLElement && this.bodyEl?.contains(focused)) {
        const index = Number(focused.closest<HTMLElement>('[data-index]')?.dataset.index);
        if (!(index >= this.window.first && index <= this.window.last)) focused.blur();
      }
      this.scheduleFetch(this.flinging());
    },
  });
  private fetchTimer: ReturnType<typeof setTimeout> | undefined;
  private lastMove = { at: -Infinity, first: 0, last: -1 };
  private textTimer: ReturnType<typeof setTimeout> | undefined;
  private customerLookup?: AbortController;
  private readonly providers = new Map<string, string>(KNOWN_PROVIDERS.map((p) => [p.id, p.name]));

  private readonly widthWatch =
    typeof ResizeObserver === 'undefined'
      ? undefined
      : new ResizeObserver(([entry]) => {
          const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
          const narrow = (entry?.contentRect.width ?? Infinity) <= 40 * rem;
          if (narrow !== this.narrow) this.narrow = narrow;
        });

  override connectedCallback(): void {
    super.connectedCallback();
    this.widthWatch?.observe(this);
    if (!this.queryKey) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.widthWatch?.disconnect();
    this.abortAll();
    this.queryKey = '';
    this.customerLookup?.abort();
    clearTimeout(this.textTimer);
  }

  // ---- derived state --------------------------------------------------------------------------

  private get now(): Date {
    return this.today ?? new Date();
  }

  /** The period in force (the attributes when valid, else the default: last 3 months). */
  get period(): BillingPeriod {
    const fallback = presetPeriod('last-3-months', this.now);
    const from = isYearMonth(this.from) ? this.from : fallback.from;
    const to = isYearMonth(this.to) ? this.to : fallback.to;
    return { from, to };
  }

  /**
   * Rows per request: `pageSize` as a whole number from 1 to 1000 (200 when it is not a number).
   * The property, unlike the attribute, can be given anything.
   */
  private get rowsPerPage(): number {
    const n = Math.floor(Number(this.pageSize));
    return Number.isFinite(n) && n >= 1 ? Math.min(n, 1000) : 200;
  }

  private get showCustomerColumn(): boolean {
    return this.audience !== 'customer' && !this.customerId;
  }

  private get columns(): SortKey[] {
    return this.showCustomerColumn
      ? ['documentId', 'customer', 'provider', 'period', 'status', 'total', 'generatedAt']
      : ['documentId', 'provider', 'period', 'status', 'total', 'generatedAt'];
  }

  private buildQuery(): InvoiceQuery | null {
    const period = this.period;
    if (compareMonths(period.from, period.to) > 0) return null;
    const q: InvoiceQuery = {
      period,
      sort: { key: this.sortKey, direction: this.sortDirection },
      audience: this.audience,
    };
    if (this.customerId) q.customerId = this.customerId;
    if (this.statusFilter) q.statuses = [this.statusFilter];
    else if (this.audience === 'customer') q.statuses = ['OPEN', 'VOID', 'CLOSED'];
    if (this.providerFilter) q.providers = [this.providerFilter];
    if (this.textFilter) q.text = this.textFilter;
    return q;
  }

  // ---- lifecycle ------------------------------------------------------------------------------

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('customerId') && (this.selectedCustomer?.id ?? undefined) !== this.customerId) {
      this.resolveCustomer();
    }
    if (changed.has('from') || changed.has('to')) {
      this.draft = null;
      this.periodError =
        compareMonths(this.period.from, this.period.to) > 0
          ? { message: this.i18n.t.periodOrder, field: 'to' }
          : null;
    }
    if (this.audience === 'customer' && this.statusFilter === 'DRAFT') this.statusFilter = '';
    const backend = this.activeBackend;
    const q = this.buildQuery();
    if (!backend || !q || !this.isConnected) return;
    const key = JSON.stringify([q, this.rowsPerPage]);
    if (key !== this.queryKey || backend !== this.queryBackend) {
      this.queryKey = key;
      this.queryBackend = backend;
      this.startQuery();
    }
  }

  /** Finds the name of a customer fixed by `customer-id` (for the search field and messages). */
  private resolveCustomer(): void {
    this.customerLookup?.abort();
    const id = this.customerId;
    if (!id) {
      this.selectedCustomer = null;
      this.combobox.show(null);
      return;
    }
    const placeholder: Customer = { id, name: id };
    this.selectedCustomer = placeholder;
    this.combobox.show(placeholder);
    const backend = this.activeBackend;
    if (!backend?.getCustomer) return;
    const controller = new AbortController();
    this.customerLookup = controller;
    backend.getCustomer(id, { signal: controller.signal }).then(
      (customer) => {
        if (controller.signal.aborted || this.customerId !== id) return;
        this.selectedCustomer = customer;
        this.combobox.show(customer);
      },
      () => undefined, // the id stays as the name; the list still loads
    );
  }

  // ---- data -----------------------------------------------------------------------------------

  private abortAll(): void {
    this.generation++;
    for (const c of this.inFlight.values()) c.abort();
    this.inFlight.clear();
    clearTimeout(this.fetchTimer);
  }

  private startQuery(): void {
    this.abortAll();
    this.pages.clear();
    this.drops.clear();
    this.rows = [];
    this.total = 0;
    this.phase = 'loading';
    this.error = undefined;
    this.pageFailed = false;
    this.focusedIndex = 0;
    this.window.toStart();
    void this.fetchPage(0);
  }

  /** Retries after an error: the whole query, or only the pages that failed. */
  private retry(): void {
    if (this.phase === 'error' || !this.pages.size) {
      this.queryKey = '';
      this.requestUpdate();
      return;
    }
    for (const [page, s] of this.pages) if (s === 'error') this.pages.delete(page);
    this.pageFailed = false;
    this.scheduleFetch();
  }

  /** Display index where a page starts, given the drafts dropped from earlier loaded pages. */
  private pageStart(page: number): number {
    let dropped = 0;
    for (const [p, n] of this.drops) if (p < page) dropped += n;
    return page * this.rowsPerPage - dropped;
  }

  /** The page holding a display index (0 for anything before the first row). */
  private pageOf(index: number): number {
    if (!(index > 0)) return 0;
    let page = Math.floor(index / this.rowsPerPage);
    while (this.pageStart(page + 1) <= index) page++;
    return page;
  }

  private async fetchPage(page: number): Promise<void> {
    const backend = this.activeBackend;
    const q = this.buildQuery();
    // Never a negative, fractional or endless page: a server may reject it (or worse, answer).
    if (!backend || !q || !Number.isSafeInteger(page) || page < 0) return;
    const limit = this.rowsPerPage;
    const generation = this.generation;
    const controller = new AbortController();
    this.inFlight.set(page, controller);
    this.pages.set(page, 'loading');
    try {
      const result = await backend.listInvoices(
        { ...q, offset: Math.max(0, page * limit), limit },
        { signal: controller.signal },
      );
      if (generation !== this.generation) return; // an older query: never shown
      this.place(page, result.items, page === 0 ? result.total : undefined);
      this.pages.set(page, 'loaded');
      if (page === 0) this.phase = 'ready';
      this.scheduleFetch();
    } catch (error) {
      // An older query, or a page the user scrolled far away from (it is asked again if needed).
      if (generation !== this.generation || controller.signal.aborted) return;
      if (page === 0) {
        this.phase = 'error';
        this.error = error;
      } else {
        this.pages.set(page, 'error');
        this.pageFailed = true;
      }
    } finally {
      if (this.inFlight.get(page) === controller) this.inFlight.delete(page);
    }
  }

  private place(page: number, items: readonly InvoiceSummary[], total?: number): void {
    // The customer never sees a draft, whatever the adapter returned.
    const visible = visibleTo(items, this.audience);
    for (const s of visible) {
      if (!this.providers.has(s.provider.id)) this.providers.set(s.provider.id, s.provider.name);
    }
    const start = this.pageStart(page);
    const dropped = items.length - visible.length;
    if (total !== undefined) {
      // A new query: a new array.
      const rows = new Array<Row>(Math.max(total, items.length)).fill(PENDING);
      this.total = rows.length;
      this.rows = rows;
    } else if (dropped > 0) {
      this.rows = this.rows.slice();
    }
    const rows = this.rows;
    if (dropped > 0) {
      rows.splice(start, items.length, ...visible);
      this.drops.set(page, dropped);
      this.total = Math.max(0, this.total - dropped);
      rows.length = this.total;
    } else {
      // Same array, filled in place: only the rendered rows re-render.
      for (let i = 0; i < visible.length; i++) rows[start + i] = visible[i]!;
    }
    this.requestUpdate();
  }

  /**
   * Whether the user is flinging: the window moved past the rows it held a moment ago (a
   * scrollbar drag or a fast wheel, not a jump, a slow scroll or the keyboard).
   */
  private flinging(): boolean {
    const now = performance.now();
    const { first, last } = this.window;
    const previous = this.lastMove;
    this.lastMove = { at: now, first, last };
    return now - previous.at < 50 && (first > previous.last || last < previous.first);
  }

  /**
   * Fetches the pages the rendered rows need: at once for a jump, a slow scroll or the
   * keyboard; while the user flings or a request is out, once scrolling settles (placeholder
   * rows meanwhile), so a fling through 100,000 rows sends no request per frame and renders
   * light rows. Requests for pages the view has left behind are aborted (and asked again if
   * the user comes back).
   */
  private scheduleFetch(flinging = false): void {
    clearTimeout(this.fetchTimer);
    if (this.phase !== 'ready') return;
    const firstPage = this.pageOf(this.window.first) - 1;
    const lastPage = this.pageOf(this.window.last) + 1;
    for (const [page, controller] of this.inFlight) {
      if (page > 0 && (page < firstPage || page > lastPage)) {
        controller.abort();
        this.inFlight.delete(page);
        this.pages.delete(page);
      }
    }
    if (flinging) this.fetchTimer = setTimeout(() => this.fetchInView(), 60);
    else if (this.inFlight.size) this.fetchTimer = setTimeout(() => this.fetchInView(), 30);
    else this.fetchInView();
  }

  private fetchInView(): void {
    const first = Math.max(0, this.window.first);
    const last = Math.min(this.window.last, this.total - 1);
    // `!(last >= first)` also stops a range that is not a number.
    if (this.phase !== 'ready' || !(last >= first)) return;
    const lastPage = this.pageOf(last);
    for (let p = this.pageOf(first); p <= lastPage; p++) {
      if (!this.pages.has(p)) void this.fetchPage(p);
    }
  }

  // ---- user actions ---------------------------------------------------------------------------

  private chooseCustomer(customer: Customer | null): void {
    this.customerLookup?.abort();
    this.selectedCustomer = customer;
    this.customerId = customer?.id;
    this.emit('invoice-customer-change', { customer });
  }

  private setPeriod(period: BillingPeriod): void {
    this.draft = null;
    this.periodError = null;
    if (period.from === this.period.from && period.to === this.period.to) return;
    this.from = period.from;
    this.to = period.to;
    this.emit('invoice-period-change', { period: { ...period } });
  }

  private onPreset = (preset: PeriodPreset): void => {
    this.setPeriod(presetPeriod(preset, this.now));
  };

  private onMonthChange = (field: 'from' | 'to', value: string): void => {
    const draft = { ...(this.draft ?? this.period), [field]: value };
    const t = this.i18n.t;
    if (!isYearMonth(draft.from) || !isYearMonth(draft.to)) {
      this.draft = draft;
      this.periodError = {
        message: t.invalidMonth,
        field: isYearMonth(draft.from) ? 'to' : 'from',
      };
      return;
    }
    if (compareMonths(draft.from, draft.to) > 0) {
      this.draft = draft;
      this.periodError = { message: t.periodOrder, field };
      return;
    }
    this.setPeriod({ from: draft.from, to: draft.to });
  };

  private onSort(key: SortKey): void {
    if (this.sortKey === key) {
      this.sortDirection = this.sortDirection === 'asc' ? 'desc' : 'asc';
    } else {
      this.sortKey = key;
      this.sortDirection = DESC_FIRST.has(key) ? 'desc' : 'asc';
    }
  }

  private onTextInput = (e: Event): void => {
    const value = (e.target as HTMLInputElement).value.trim();
    clearTimeout(this.textTimer);
    this.textTimer = setTimeout(() => {
      this.textFilter = value;
    }, TEXT_DEBOUNCE_MS);
  };

  private open(index: number): void {
    const summary = this.rows[index];
    if (!loaded(summary)) return;
    this.emit('invoice-open', { invoiceId: summary.id, summary });
  }

  private rowIndexOf(e: Event): number {
    for (const node of e.composedPath()) {
      if (node instanceof HTMLElement && node.dataset.index !== undefined) {
        return Number(node.dataset.index);
      }
      if (node === this.bodyEl) break;
    }
    return -1;
  }

  private isFromOpenButton(e: Event): boolean {
    return e.composedPath().some((n) => n instanceof HTMLElement && n.dataset.action === 'open');
  }

  private onBodyClick = (e: MouseEvent): void => {
    if (!this.isFromOpenButton(e)) return;
    // The second click of a double-click on the button never opens twice.
    if (e.detail > 1) return;
    const index = this.rowIndexOf(e);
    if (index >= 0) this.open(index);
  };

  private onBodyDblClick = (e: MouseEvent): void => {
    if (this.isFromOpenButton(e)) return;
    const index = this.rowIndexOf(e);
    if (index >= 0) this.open(index);
  };

  private onBodyFocusIn = (e: FocusEvent): void => {
    const index = this.rowIndexOf(e);
    if (index >= 0 && index !== this.focusedIndex) this.focusedIndex = index;
  };

  private onBodyKeyDown = (e: KeyboardEvent): void => {
    const index = this.rowIndexOf(e);
    if (index < 0) return;
    const row = e.composedPath()[0];
    if (!(row instanceof HTMLElement) || row.getAttribute('role') !== 'row') return;
    const last = this.total - 1;
    const rowHeight = row.offsetHeight || 44;
    const pageStep = Math.max(1, Math.floor((this.gridEl?.clientHeight ?? 0) / rowHeight) - 2);
    let next: number;
    switch (e.key) {
      case 'Enter':
        e.preventDefault();
        this.open(index);
        return;
      case 'ArrowDown':
        next = Math.min(last, index + 1);
        break;
      case 'ArrowUp':
        next = Math.max(0, index - 1);
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = last;
        break;
      case 'PageDown':
        next = Math.min(last, index + pageStep);
        break;
      case 'PageUp':
        next = Math.max(0, index - pageStep);
        break;
      default:
        return;
    }
    e.preventDefault();
    void this.focusRow(next);
  };

  /** Moves the roving tab stop to a row, scrolling it into view, and focuses it. */
  private async focusRow(index: number): Promise<void> {
    if (!Number.isInteger(index) || index < 0 || index >= this.total) return;
    this.focusedIndex = index;
    this.window.reveal(index);
    await this.updateComplete;
    const row = this.bodyEl?.querySelector<HTMLElement>(`[role='row'][data-index='${index}']`);
    if (row && this.focusedIndex === index) row.focus();
  }

  // ---- rendering ------------------------------------------------------------------------------

  override render(): TemplateResult {
    const t = this.i18n.t;
    const common = this.i18n.common;
    const backend = this.activeBackend;
    return html`<div class=${this.narrow ? 'root narrow' : 'root'}>
      <div class="toolbar" part="toolbar" role="search" aria-label=${t.toolbarLabel}>
        ${this.audience === 'customer' || this.hideSearch ? nothing : this.combobox.render(t, common)}
        ${renderPeriodRange({
          from: this.draft?.from ?? this.period.from,
          to: this.draft?.to ?? this.period.to,
          period: this.period,
          today: this.now,
          error: this.periodError?.message ?? '',
          errorField: this.periodError?.field,
          native: supportsMonthInput(),
          t,
          onChange: this.onMonthChange,
          onPreset: this.onPreset,
        })}
        ${this.renderFilters(t)}
      </div>
      ${
        backend
          ? this.renderGrid(t)
          : html`<p class="alert" part="error" role="alert">${common.error['no-backend']}</p>`
      }
      <div class="visually-hidden" role="status">${backend ? this.announcement(t) : ''}</div>
    </div>`;
  }

  private renderFilters(t: InvoiceTableStrings) {
    const common = this.i18n.common;
    const statuses = INVOICE_STATUSES.filter((s) => this.audience !== 'customer' || s !== 'DRAFT');
    return html`<div class="filters" part="filters" role="group" aria-label=${t.filtersLabel}>
      <label
        >${t.statusFilter}
        <select
          name="status"
          @change=${(e: Event) =>
            (this.statusFilter = (e.target as HTMLSelectElement).value as InvoiceStatus | '')}
        >
          <option value="" ?selected=${!this.statusFilter}>${t.anyStatus}</option>
          ${statuses.map(
            (s) =>
              html`<option value=${s} ?selected=${this.statusFilter === s}>
                ${common.status[s]}
              </option>`,
          )}
        </select>
      </label>
      <label
        >${t.providerFilter}
        <select
          name="provider"
          @change=${(e: Event) => (this.providerFilter = (e.target as HTMLSelectElement).value)}
        >
          <option value="" ?selected=${!this.providerFilter}>${t.anyProvider}</option>
          ${[...this.providers].map(
            ([id, name]) =>
              html`<option value=${id} ?selected=${this.providerFilter === id}>${name}</option>`,
          )}
        </select>
      </label>
      <label
        >${t.documentFilter}
        <input name="document" type="search" autocomplete="off" @input=${this.onTextInput} />
      </label>
    </div>`;
  }

  private announcement(t: InvoiceTableStrings): string {
    switch (this.phase) {
      case 'loading':
        return t.loadingInvoices;
      case 'error':
        return errorMessage(this.error, this.i18n.common);
      case 'ready':
        return this.total ? t.results(this.total) : this.emptyText(t);
      default:
        return '';
    }
  }

  private emptyText(t: InvoiceTableStrings): string {
    return t.empty(this.selectedCustomer?.name ?? null, periodText(this.period, this.i18n.locale));
  }

  private renderHeader(t: InvoiceTableStrings) {
    return html`<div class="head" role="rowgroup">
      <div class="row" role="row" part="header-row" aria-rowindex="1">
        ${this.columns.map((key) => {
          const active = this.sortKey === key;
          const sort = active
            ? this.sortDirection === 'asc'
              ? 'ascending'
              : 'descending'
            : undefined;
          return html`<div
            class="cell"
            role="columnheader"
            data-col=${key}
            aria-sort=${sort ?? nothing}
          >
            <button type="button" class="sort" @click=${() => this.onSort(key)}>
              ${t.columns[key]}
              <span class="sort-icon" aria-hidden="true"
                >${active ? (this.sortDirection === 'asc' ? '▲' : '▼') : '↕'}</span
              >
            </button>
          </div>`;
        })}
        <div class="cell" role="columnheader" data-col="actions">
          <span class="visually-hidden">${t.columns.actions}</span>
        </div>
      </div>
    </div>`;
  }

  private renderGrid(t: InvoiceTableStrings) {
    const common = this.i18n.common;
    const colCount = this.columns.length + 1;
    const loading = this.phase === 'loading' || this.phase === 'idle';
    const hasRows = this.phase === 'ready' && this.total > 0;
    const skeleton = loading
      ? html`<div class="skeletons" aria-hidden="true">
          ${Array.from(
            { length: SKELETON_ROWS },
            () =>
              html`<div class="skeleton">
                ${Array.from({ length: colCount }, () => html`<span class="bar"></span>`)}
              </div>`,
          )}
        </div>`
      : nothing;
    const body = html`<div
      class="body"
      role="rowgroup"
      ?hidden=${!hasRows}
      @click=${this.onBodyClick}
      @dblclick=${this.onBodyDblClick}
      @keydown=${this.onBodyKeyDown}
      @focusin=${this.onBodyFocusIn}
    >
      ${
        hasRows
          ? // Keys by position, or by row while a row has focus (RowWindow.keyOf).
            repeat(
              this.window.indexes,
              (index) => this.window.keyOf(index),
              (index) => this.renderRow(this.rows[index] ?? PENDING, index),
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
        aria-busy=${loading ? 'true' : 'false'}
        aria-rowcount=${loading ? -1 : this.total + 1}
        aria-colcount=${colCount}
        ?data-customer-column=${this.showCustomerColumn}
      >
        <div class="inner">${this.renderHeader(t)} ${skeleton} ${body}</div>
      </div>
      ${
        this.phase === 'ready' && this.total === 0
          ? html`<p class="state empty" part="empty">${this.emptyText(t)}</p>`
          : nothing
      }
      ${
        this.phase === 'error'
          ? html`<div class="alert error" part="error" role="alert">
              <p>${errorMessage(this.error, common)}</p>
              <button type="button" class="button" @click=${() => this.retry()}>
                ${common.retry}
              </button>
            </div>`
          : nothing
      }
      ${
        this.pageFailed
          ? html`<div class="alert error" part="error" role="alert">
              <p>${t.pageError}</p>
              <button type="button" class="button" @click=${() => this.retry()}>
                ${common.retry}
              </button>
            </div>`
          : nothing
      }`;
  }

  private renderRow = (item: Row, index: number): TemplateResult => {
    // One outer template for loaded and pending rows: the row element (and its focus) survives
    // its page arriving.
    const isLoaded = loaded(item);
    const grouped = isLoaded && this.sortKey === 'period';
    let startsPeriod = false;
    if (grouped && index > 0) {
      const previous = this.rows[index - 1];
      startsPeriod =
        !loaded(previous) ||
        previous.period.from !== item.period.from ||
        previous.period.to !== item.period.to;
    }
    return html`<div
      class=${isLoaded ? 'row' : 'row placeholder'}
      role="row"
      part="row"
      aria-rowindex=${index + 2}
      data-index=${index}
      tabindex=${index === this.focusedIndex ? '0' : '-1'}
      data-band=${grouped ? monthParity(item.period.from) : nothing}
      ?data-period-start=${startsPeriod}
    >
      ${
        isLoaded
          ? renderCells(item, {
              t: this.i18n.t,
              common: this.i18n.common,
              locale: this.i18n.locale,
              showCustomer: this.showCustomerColumn,
            })
          : html`<div class="cell" role="gridcell" part="cell">${this.i18n.t.loadingRow}</div>`
      }
    </div>`;
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'invoice-table': InvoiceTable;
  }
}
