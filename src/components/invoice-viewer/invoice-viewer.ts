/**
 * `<invoice-viewer>`: what the operator sees after opening an invoice (docs/RULES.md).
 */
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import { Task, TaskStatus, initialState } from '@lit/task';
import { BackendError, noBackendError, toBackendError } from '../../core/errors.js';
import { forAudience } from '../../core/audience.js';
import { canDiscard, isVisibleTo, type InvoiceFlow } from '../../core/status.js';
import type { CurrencyCode, Invoice, InvoiceChange } from '../../core/types.js';
import { parseInvoice } from '../../core/validate.js';
import { groupingOf, type LineGrouping } from '../../core/line-groups.js';
import { inSentence } from '../../core/display-text.js';
import { isoDay } from '../../core/overdue.js';
import { InvoiceElement, flowConverter } from '../shared/invoice-element.js';
import { LocaleController, type StringOverrides } from '../shared/locale-controller.js';
import { errorMessage } from '../shared/error-message.js';
import { tagNameOf } from '../shared/tag-name.js';
import { StatusUpdater } from '../status-updater/status-updater.js';
import { DownloadMenu } from '../download-menu/download-menu.js';
import type {
  InvoiceRefreshDetail,
  InvoiceStatusChangeDetail,
} from '../status-updater/status-updater.events.js';
import { applicableCurrencies, displayAmounts, type DisplayAmounts } from './amounts.js';
import { DiscardController, type DiscardHost } from './discard-dialog.js';
import { VIRTUALIZE_ABOVE, lineRowCount, renderLineItems } from './line-items.js';
import { RowWindow } from '../shared/row-window.js';
import { InvoiceChanges } from '../shared/invoice-changes.js';
import {
  SECTION_IDS,
  type InvoiceCurrencyChangeDetail,
  type InvoiceSectionToggleDetail,
  type SectionId,
} from './invoice-viewer.events.js';
import { invoiceViewerStrings, type InvoiceViewerStrings } from './invoice-viewer.strings.js';
import { invoiceViewerStyles } from './invoice-viewer.styles.js';
import {
  renderCustomFields,
  renderHeader,
  renderHistory,
  renderSection,
  renderSummary,
  renderTotals,
  type ViewContext,
} from './sections.js';

/** Sections open when `open-sections` is not set: all but the status history. */
export const DEFAULT_OPEN_SECTIONS = 'summary lines totals custom-fields';

/** The parts of the hosted `<status-updater>` re-exported with a `status-updater-` prefix. */
export const STATUS_UPDATER_PARTS = [
  'current',
  'status-badge',
  'select',
  'button',
  'readonly',
  'message',
  'dialog',
  'dialog-heading',
  'notify-toggle',
  'confirm-button',
  'cancel-button',
] as const;

/** The parts of the hosted `<download-menu>` re-exported with a `download-menu-` prefix. */
export const DOWNLOAD_MENU_PARTS = ['button', 'menu', 'menuitem', 'progress', 'error'] as const;

function exportParts(prefix: string, parts: readonly string[]): string {
  return parts.map((p) => `${p}: ${prefix}-${p}`).join(', ');
}

function parseSections(value: string | null | undefined): Set<SectionId> {
  const words = (value ?? DEFAULT_OPEN_SECTIONS).split(/\s+/);
  return new Set(SECTION_IDS.filter((id) => words.includes(id)));
}

let counter = 0;

/**
 * Shows one invoice: the header as laid out in the source (Document ID; the status at the top
 * centre with the billing period below it; the currency drop-down at the top right; whether
 * the customer sees it), collapsible sections (summary, line items, taxes and totals, custom
 * fields, status history), a `<status-updater>` and a `<download-menu>` for the invoice, and
 * Discard for drafts behind a confirmation dialog.
 *
 * Every amount follows the chosen currency: each group of amounts is converted line by line
 * and every total is the sum of its displayed lines. Long invoices (over 200 rows) are
 * virtualized. In the customer audience only downloads are offered and a draft is never shown.
 *
 * @summary The invoice viewer: header, collapsible sections, currency switch and actions.
 *
 * @fires invoice-currency-change - The user chose a display currency. Detail `{ currency }`.
 * @fires invoice-section-toggle - A section was expanded or collapsed. Detail `{ section, open }`.
 * @fires invoice-discard-request - Cancelable, after the user confirmed Discard and before the
 *   backend call. Detail `{ invoiceId, documentId }`; `preventDefault()` vetoes it.
 * @fires invoice-discard - The backend deleted the draft. Detail `{ invoiceId, documentId }`.
 *
 * The invoice shown follows writes elsewhere without a reload: a status change, refresh or
 * discard fired by any element of the page (heard on the window), and the changes of an
 * adapter with `subscribe`. A host that changes the invoice itself calls `invalidate(id)` or
 * `refresh()`.
 *
 * @csspart header - The header (Document ID, status, period, currency, visibility).
 * @csspart document-id - The Document ID heading.
 * @csspart status-badge - The status badge at the top centre.
 * @csspart overdue-badge - "Overdue" after the status badge, when the invoice is OPEN, still owes money and its due date is before `today` (derived, never a status).
 * @csspart amount-due - The amount due, emphasised, in the totals section (with the amount paid above it when the backend sends it).
 * @csspart period - The billing period, below the status.
 * @csspart currency-select - The currency `<select>`, top right.
 * @csspart visibility - "Visible to the customer" / "Draft: not visible to the customer".
 * @csspart section - Each collapsible section.
 * @csspart section-header - Each section's header bar button.
 * @csspart section-body - Each section's content.
 * @csspart line-row - Each line-item row.
 * @csspart copy-full - The "Copy the full text" button next to a clipped server value.
 * @csspart discard-button - The Discard button (drafts, operator only).
 * @csspart dialog - The discard confirmation `<dialog>`.
 * @csspart status-updater-current - Hosted status updater: the "Current status" line.
 * @csspart status-updater-status-badge - Hosted status updater: its status badge.
 * @csspart status-updater-select - Hosted status updater: the new-status `<select>`.
 * @csspart status-updater-button - Hosted status updater: the UPDATE STATUS button.
 * @csspart status-updater-readonly - Hosted status updater: the read-only sentence.
 * @csspart status-updater-message - Hosted status updater: the result / error message.
 * @csspart status-updater-dialog - Hosted status updater: the confirmation `<dialog>`.
 * @csspart status-updater-dialog-heading - Hosted status updater: the dialog heading.
 * @csspart status-updater-notify-toggle - Hosted status updater: the notification switch.
 * @csspart status-updater-confirm-button - Hosted status updater: the dialog's OK button.
 * @csspart status-updater-cancel-button - Hosted status updater: the dialog's Cancel button.
 * @csspart download-menu-button - Hosted download menu: the DOWNLOAD button.
 * @csspart download-menu-menu - Hosted download menu: the menu (`role="menu"`).
 * @csspart download-menu-menuitem - Hosted download menu: each format.
 * @csspart download-menu-progress - Hosted download menu: the progress row.
 * @csspart download-menu-error - Hosted download menu: the failure message with Retry.
 *
 * @cssprop --invoice-viewer-background - Surface (default `--inv-color-surface`).
 * @cssprop --invoice-viewer-border-color - Borders (default `--inv-color-border`).
 * @cssprop --invoice-viewer-gap - Space between blocks (default twice `--inv-space`).
 * @cssprop --invoice-viewer-section-bar-background - Section header bars (default `--inv-color-section-bar`, blue).
 * @cssprop --invoice-viewer-section-bar-color - Text on the bars (default `--inv-color-on-section-bar`).
 * @cssprop --invoice-viewer-lines-max-block-size - Height of a virtualized line list (default `28rem`).
 * @cssprop --invoice-viewer-dialog-background - Discard dialog surface (default `--inv-color-surface`).
 * @cssprop --invoice-viewer-backdrop - The modal backdrop (default translucent black).
 */
export class InvoiceViewer extends InvoiceElement implements DiscardHost {
  static override styles = invoiceViewerStyles;

  /** Loads the invoice through the backend's `getInvoice`. */
  @property({ attribute: 'invoice-id', reflect: true })
  invoiceId?: string;

  /**
   * The invoice to show (validated before display). Set by the host, or by the viewer itself
   * after a load, a status change or a refresh.
   */
  @property({ attribute: false })
  invoice?: Invoice;

  /**
   * The display currency; reflects the selector. A currency that does not apply to the
   * invoice shows the invoice's own currency.
   */
  @property({ attribute: 'currency', reflect: true })
  currency?: CurrencyCode;

  /**
   * Space-separated ids of the sections that start open: `summary lines totals custom-fields
   * history`. Default: all but `history`.
   */
  @property({ attribute: 'open-sections' })
  openSections: string = DEFAULT_OPEN_SECTIONS;

  /** Passed to the status updater: `existing` (notify on by default) or `generation` (off). */
  @property({ attribute: 'flow', reflect: true, converter: flowConverter })
  flow: InvoiceFlow = 'existing';

  /** Overrides of any string of this element (and `common` ones). */
  @property({ attribute: false })
  strings?: StringOverrides<InvoiceViewerStrings>;

  /** "Now", for the Overdue badge (issue 25). Default: the current date. */
  @property({ attribute: false })
  today?: Date;

  @state() private shown?: Invoice;
  @state() private inputError?: BackendError;
  @state() private open = parseSections(DEFAULT_OPEN_SECTIONS);
  @state() private gone?: Invoice;
  @state() private announcement = '';
  @state() private reloads = 0;
  /** Set by Reload when the invoice was given as an object (no `invoice-id`). */
  @state() private reloadId?: string;

  readonly #l10n = new LocaleController(this, invoiceViewerStrings);
  readonly #discard = new DiscardController(this, {
    invoice: () => (this.gone ? undefined : this.shown),
    backend: () => this.activeBackend,
    emit: (type, detail) => this.emit(type, detail),
    discarded: (invoice) => {
      this.gone = invoice;
      this.#announce(this.#l10n.t.discarded(inSentence(invoice.documentId)));
      void this.updateComplete.then(() => {
        this.renderRoot.querySelector<HTMLElement>('.discarded')?.focus();
      });
    },
    reload: () => this.refresh(),
    vetoed: () => this.#announce(this.#l10n.t.discardVetoed),
  });
  /** The rendered part of a long line list. */
  readonly #lines = new RowWindow(this, {
    scroller: () => this.renderRoot.querySelector<HTMLElement>('.lines-table.virtual'),
    body: () => this.renderRoot.querySelector<HTMLElement>('.lines-table.virtual > .rows'),
    count: () => {
      const grouping = this.#cache?.grouping;
      const rows = grouping ? lineRowCount(grouping) : 0;
      return rows > VIRTUALIZE_ABOVE ? rows : 0;
    },
    stickyStart: true,
  });
  readonly #uid = `iv${++counter}`;
  /** Invoices already validated (from the adapter, or parsed once). */
  readonly #trusted = new WeakSet<Invoice>();
  /**
   * What the invoice shown needs: its grouping (once), and its totals in each currency shown
   * so far (a few numbers each; the lines convert as their rows render).
   */
  #cache?: {
    invoice: Invoice;
    grouping: LineGrouping;
    amounts: Map<string, DisplayAmounts>;
  };

  readonly #loader = new Task(this, {
    task: async ([id, backend, audience], { signal }) => {
      if (!id) return initialState;
      if (!backend) throw noBackendError();
      return backend.getInvoice(id, { signal, audience });
    },
    args: () =>
      [this.invoiceId ?? this.reloadId, this.activeBackend, this.audience, this.reloads] as const,
    onComplete: (invoice) => {
      this.#trusted.add(invoice);
      this.invoice = invoice;
      this.#announce(this.#l10n.t.loaded(inSentence(invoice.documentId)));
    },
    onError: (error) => {
      const e = toBackendError(error);
      if (e.kind !== 'aborted') this.#announce(this.#describeLoadError(e));
    },
  });

  constructor() {
    super();
    new InvoiceChanges(
      this,
      () => this.activeBackend,
      (change) => this.#onChange(change),
    );
  }

  /** Reads the invoice shown again from the backend (by `invoice-id`, or the shown one's id). */
  refresh(): void {
    if (!this.invoiceId) this.reloadId = this.shown?.id;
    this.reloads++;
  }

  /** Tells the viewer an invoice changed (the host changed it): re-read if it is the one shown. */
  invalidate(invoiceId: string): void {
    this.#onChange({ invoiceId, kind: 'updated' });
  }

  /** A change from elsewhere: show the new copy, the discarded state, or read it again. */
  #onChange({ invoiceId, kind, invoice, version }: InvoiceChange): void {
    const shown = this.shown;
    if (!shown || shown.id !== invoiceId || this.gone) return;
    if (kind === 'discarded') this.gone = shown;
    else if (!version || version !== shown.version) {
      if (invoice) this.invoice = invoice;
      else this.refresh();
    }
  }

  // --- Live region -------------------------------------------------------------------------

  /** Says something in the live region. */
  #announce(text: string): void {
    // Re-announce identical text: clear first, then set on the next frame.
    this.announcement = '';
    requestAnimationFrame(() => {
      this.announcement = text;
    });
  }

  /**
   * The full text of a clipped value to the clipboard, announced (docs/RULES.md, Limits). Without
   * the API, or when it refuses (permission, insecure context), the failure is announced and
   * names the downloads, which keep the full value.
   */
  #copy = (full: string): void => {
    const { t } = this.#l10n;
    Promise.resolve()
      .then(() => navigator.clipboard.writeText(full))
      .then(
        () => this.#announce(t.copied),
        () => this.#announce(t.copyFailed),
      );
  };

  // --- Lifecycle ---------------------------------------------------------------------------

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('openSections')) this.open = parseSections(this.openSections);
    if (changed.has('invoiceId') && changed.get('invoiceId') !== undefined) {
      this.reloadId = undefined;
    }
    if (changed.has('invoice')) this.#accept(this.invoice);
  }

  /** Validates and shows an invoice; a malformed one shows the validation error. */
  #accept(invoice: Invoice | undefined): void {
    const previous = this.shown;
    this.inputError = undefined;
    if (!invoice) {
      this.shown = undefined;
    } else if (this.#trusted.has(invoice)) {
      this.shown = invoice;
    } else {
      try {
        const parsed = parseInvoice(invoice);
        this.#trusted.add(parsed);
        this.shown = parsed;
      } catch (error) {
        this.shown = undefined;
        this.inputError = toBackendError(error);
      }
    }
    const next = this.shown;
    if (!next || !previous || previous.id !== next.id || previous.version !== next.version) {
      this.#discard.reset();
    }
    if (next && (!previous || previous.id !== next.id)) this.gone = undefined;
  }

  // --- Handlers ----------------------------------------------------------------------------

  #onCurrency = (event: Event): void => {
    const value = (event.target as HTMLSelectElement).value;
    if (!value || value === this.currency) return;
    this.currency = value;
    const detail: InvoiceCurrencyChangeDetail = { currency: value };
    this.emit('invoice-currency-change', detail);
    this.#announce(this.#l10n.t.amountsIn(value));
  };

  #onToggle = (section: SectionId): void => {
    const open = new Set(this.open);
    const isOpen = !open.has(section);
    if (isOpen) open.add(section);
    else open.delete(section);
    this.open = open;
    const detail: InvoiceSectionToggleDetail = { section, open: isOpen };
    this.emit('invoice-section-toggle', detail);
  };

  #onInvoiceEvent = (event: CustomEvent<InvoiceStatusChangeDetail | InvoiceRefreshDetail>) => {
    const invoice = event.detail?.invoice;
    if (invoice && (!this.shown || invoice.id === this.shown.id)) this.invoice = invoice;
  };

  #retry = (): void => {
    this.reloads++;
  };

  // --- Rendering ---------------------------------------------------------------------------

  #describeLoadError(error: BackendError): string {
    if (error.kind === 'not-found') return this.#l10n.t.notFound;
    return errorMessage(error, this.#l10n.common);
  }

  #amountsFor(invoice: Invoice): { amounts: DisplayAmounts; grouping: LineGrouping } {
    const currency = this.currency ?? invoice.currency;
    if (this.#cache?.invoice !== invoice) {
      this.#cache = { invoice, grouping: groupingOf(invoice.lines), amounts: new Map() };
    }
    const { grouping, amounts } = this.#cache;
    let shown = amounts.get(currency);
    if (!shown) {
      shown = displayAmounts(invoice, grouping, currency);
      amounts.set(currency, shown);
    }
    return { amounts: shown, grouping };
  }

  override render(): TemplateResult {
    return html`${this.#renderBody()}
      <div class="live visually-hidden" role="status">${this.announcement}</div>`;
  }

  #renderState(text: string, withRetry: boolean, alert = false): TemplateResult {
    return html`<div class="viewer state">
      <p role=${alert ? 'alert' : nothing}>${text}</p>
      ${
        withRetry
          ? html`<button type="button" class="button" @click=${this.#retry}>
              ${this.#l10n.common.retry}
            </button>`
          : nothing
      }
    </div>`;
  }

  #renderBody(): TemplateResult {
    const { t } = this.#l10n;
    const loading = this.#loader.status === TaskStatus.PENDING;
    if (loading) {
      return html`<div class="viewer state" aria-busy="true">
        <p>${t.loadingInvoice}</p>
        <div class="skeleton"></div>
        <div class="skeleton short"></div>
        <div class="skeleton"></div>
      </div>`;
    }
    if (this.#loader.status === TaskStatus.ERROR) {
      const error = toBackendError(this.#loader.error);
      return this.#renderState(this.#describeLoadError(error), true, true);
    }
    if (this.gone) {
      return html`<div class="viewer state">
        <p class="discarded" tabindex="-1">${t.discarded(inSentence(this.gone.documentId))}</p>
      </div>`;
    }
    if (this.inputError) {
      const hasSource = Boolean(this.invoiceId ?? this.reloadId);
      return this.#renderState(errorMessage(this.inputError, this.#l10n.common), hasSource, true);
    }
    const invoice = this.shown;
    if (!invoice) return this.#renderState(t.nothingSelected, false);
    if (!isVisibleTo(invoice, this.audience)) return this.#renderState(t.notAvailable, false);
    return this.#renderInvoice(forAudience(invoice, this.audience));
  }

  #renderInvoice(invoice: Invoice): TemplateResult {
    const { t, common, locale } = this.#l10n;
    const { amounts, grouping } = this.#amountsFor(invoice);
    const ctx: ViewContext = {
      invoice,
      amounts,
      currencies: applicableCurrencies(invoice),
      t,
      common,
      locale,
      audience: this.audience,
      copy: this.#copy,
      today: isoDay(this.today ?? new Date()),
    };
    const section = (id: SectionId, body: () => TemplateResult) =>
      renderSection(id, t.sections[id], this.open.has(id), body, this.#onToggle, this.#uid);
    return html`<article class="viewer" aria-label=${t.viewerLabel(inSentence(invoice.documentId))}>
      ${renderHeader(ctx, this.#onCurrency, {
        currency: `${this.#uid}-currency`,
        status: `${this.#uid}-status`,
      })}
      ${this.#renderActions(invoice, amounts.currency)}
      ${section('summary', () => renderSummary(ctx))}
      ${section('lines', () =>
        renderLineItems({
          invoice,
          amounts,
          grouping,
          t,
          locale,
          windowed: this.#lines.indexes,
          keyOf: (i) => this.#lines.keyOf(i),
          copy: this.#copy,
        }),
      )}
      ${section('totals', () => renderTotals(ctx))}
      ${
        invoice.customFields.length > 0
          ? section('custom-fields', () => renderCustomFields(ctx))
          : nothing
      }
      ${section('history', () => renderHistory(ctx))}
    </article>`;
  }

  #renderActions(invoice: Invoice, currency: CurrencyCode): TemplateResult {
    const { t, common } = this.#l10n;
    const operator = this.audience === 'operator';
    const backend = this.backend ?? this.contextBackend;
    const updaterTag = unsafeStatic(tagNameOf(StatusUpdater, 'status-updater'));
    const menuTag = unsafeStatic(tagNameOf(DownloadMenu, 'download-menu'));
    const discardable = canDiscard(invoice, this.audience);
    return html`<div class="actions" role="group" aria-label=${t.actions}>
        ${
          operator
            ? staticHtml`<${updaterTag}
            class="status-updater"
            .invoice=${invoice}
            .backend=${backend}
            audience=${this.audience}
            .theme=${this.theme}
            .density=${this.density}
            flow=${this.flow}
            exportparts=${exportParts('status-updater', STATUS_UPDATER_PARTS)}
            @invoice-status-change=${this.#onInvoiceEvent}
            @invoice-refresh=${this.#onInvoiceEvent}
          ></${updaterTag}>`
            : nothing
        }
        ${staticHtml`<${menuTag}
        class="download-menu"
        .invoice=${invoice}
        .backend=${backend}
        audience=${this.audience}
        .theme=${this.theme}
        .density=${this.density}
        currency=${currency}
        exportparts=${exportParts('download-menu', DOWNLOAD_MENU_PARTS)}
      ></${menuTag}>`}
        ${
          discardable
            ? html`<button
                type="button"
                class="button"
                data-variant="danger"
                part="discard-button"
                aria-haspopup="dialog"
                @click=${this.#discard.open}
              >
                ${t.discard}
              </button>`
            : nothing
        }
      </div>
      ${
        discardable
          ? this.#discard.render(invoice, t, common, {
              heading: `${this.#uid}-discard-heading`,
              body: `${this.#uid}-discard-body`,
            })
          : nothing
      }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'invoice-viewer': InvoiceViewer;
  }
}
