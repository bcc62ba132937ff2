import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import { downloadFormatsFor } from '../../core/downloads.js';
import { isBackendError, noBackendError } from '../../core/errors.js';
import type { DownloadFormat, Invoice } from '../../core/types.js';
// Only the small parts of the exports load with the element; the export code itself (the
// pipeline, CSV, PDF, print, file names) loads when a user picks a format: see export-runtime.ts.
import { ExportRefusedError } from '../../exports/options.js';
import { defaultPrint } from '../../exports/print-window.js';
import { saveWithAnchor, UnsafeUrlError, type SavedFile } from '../../exports/save-file.js';
import { errorMessage } from '../shared/error-message.js';
import { InvoiceElement } from '../shared/invoice-element.js';
import { LocaleController, type StringOverrides } from '../shared/locale-controller.js';
import { MenuButtonController } from '../shared/menu-button-controller.js';
import { statusLabel } from '../shared/status-badge.js';
import type {
  InvoiceDownloadDetail,
  InvoiceDownloadRequestDetail,
} from './download-menu.events.js';
import { downloadMenuStrings, type DownloadMenuStrings } from './download-menu.strings.js';
import { downloadMenuStyles } from './download-menu.styles.js';
import { loadExportRuntime } from './export-runtime.js';
import type { ExportOutcome } from '../../exports/pipeline.js';
import type { CsvDialect } from '../../exports/csv.js';

export type { InvoiceDownloadDetail, InvoiceDownloadRequestDetail };

// Moved to exports/save-file.ts; still exported here for importers of the element's module.
export { allowedDownloadUrl, saveWithAnchor, type SavedFile } from '../../exports/save-file.js';

interface Busy {
  format: DownloadFormat;
  /** 0–1, or undefined while unknown (indeterminate bar). */
  progress?: number;
  controller: AbortController;
}

interface Failure {
  format: DownloadFormat;
  message: string;
}

/**
 * The DOWNLOAD menu button of an invoice: PDF, CSV, detailed CSV and Print, as the invoice's
 * cloud provider offers them; a server-made file when the adapter has one, otherwise made in
 * the browser (the PDF in a module Web Worker).
 *
 * The open menu shows in the top layer (Popover API), under the button and inside the viewport,
 * whatever `overflow`, `transform` or `z-index` the host's containers have.
 *
 * A WAI-ARIA menu button: Enter, Space or ArrowDown open the menu on its first item, ArrowUp
 * on its last; in the menu ArrowDown/ArrowUp move (wrapping), Home/End jump, a letter jumps to
 * the next format starting with it, Enter/Space choose, Escape closes and returns focus to the
 * button, Tab closes. In the customer audience a draft has no formats, and every export refuses
 * it. Long exports show progress and a Cancel button; a failure shows with Retry.
 *
 * Attributes and properties:
 * - `invoice` (property only): the `Invoice` to export. When unset, `invoice-id` is loaded.
 * - `invoice-id` / `invoiceId`: the invoice to load through the adapter's `getInvoice`.
 * - `currency`: the display currency chosen in the viewer (one of the invoice's); exports are
 *   made in it. Default (or an unknown code): the invoice's own currency.
 * - `csv-dialect` / `csvDialect`: how CSV and detailed CSV files are written (docs/RULES.md,
 *   "CSV files"). `spreadsheet` (default, for people): in the element's language, `;` between
 *   fields and a decimal comma where the language writes decimals with a comma (pt-BR, es),
 *   otherwise `,` and a point; a UTF-8 BOM. `rfc4180` (for programs): `,`, a point, no BOM.
 *   Both use CRLF and quote every cell holding a separator. Any other value is `spreadsheet`.
 * - `bom` (boolean): start CSV files with a UTF-8 byte order mark in the `rfc4180` dialect too
 *   (the `spreadsheet` dialect always has one).
 * - `backend` (property only) or context: the adapter.
 * - `audience`: `operator` (default) or `customer`.
 * - `strings` (property only): overrides of any string, including the labels in the files
 *   (`strings.document`).
 * - `theme` (`light` | `dark`), `density` (`compact`), `lang`: see the shared base.
 *
 * Hooks for hosts and tests: `DownloadMenu.saveFile(file, element)` hands a finished file to
 * the user (default {@link saveWithAnchor}); `DownloadMenu.printWindow(win)` prints the prepared
 * print frame (default `win.print()`). Replace them (or override the protected `save` and
 * `print` methods in a subclass) to capture files or avoid a real print dialog.
 *
 * @summary The DOWNLOAD menu: PDF, CSV, detailed CSV and Print of one invoice.
 *
 * @fires invoice-download-request - Cancelable, before a file is asked for or made.
 *   Detail `{ invoiceId, format, currency }`. `preventDefault()` stops the download.
 * @fires invoice-download - The file was handed to the browser (print: the dialog was shown).
 *   Detail `{ invoiceId, format, filename, source: 'server' | 'browser' }`.
 *
 * @csspart button - The DOWNLOAD menu button.
 * @csspart menu - The menu (`role="menu"`).
 * @csspart menuitem - Each format (`role="menuitem"`).
 * @csspart progress - The progress row (bar, text and Cancel) while a file is made.
 * @csspart error - The failure message with Retry.
 *
 * @cssprop --download-menu-background - Menu background (default `--inv-color-surface`).
 * @cssprop --download-menu-border-color - Menu border (default `--inv-color-border`).
 * @cssprop --download-menu-shadow - Menu shadow.
 * @cssprop --download-menu-item-hover-background - Hovered/focused item (default `--inv-color-surface-alt`).
 * @cssprop --download-menu-min-inline-size - Minimum menu width (default 12rem).
 */
export class DownloadMenu extends InvoiceElement {
  static override styles = downloadMenuStyles;

  /**
   * Hook: how finished files reach the user (default `saveWithAnchor`). Replace to capture
   * them (tests) or route them (hosts); receives the file and the element.
   */
  static saveFile: (file: SavedFile, element: HTMLElement) => void | Promise<void> = saveWithAnchor;

  /**
   * Hook: how the prepared print frame is printed (default `win.print()`). Replace in tests so
   * no dialog opens.
   */
  static printWindow: (win: Window) => void | Promise<void> = defaultPrint;

  /** The invoice to export. Wins over `invoice-id`. */
  @property({ attribute: false })
  invoice?: Invoice;

  /** Loaded through the adapter's `getInvoice` when `invoice` is unset. */
  @property({ attribute: 'invoice-id' })
  invoiceId?: string;

  /** Display currency chosen in the viewer; default the invoice's own. */
  @property({ attribute: 'currency' })
  currency?: string;

  /**
   * How CSV files are written: `spreadsheet` (default; for people, per language: `;` and a
   * decimal comma in pt-BR and es, a BOM) or `rfc4180` (for programs: `,`, a point, no BOM).
   */
  @property({ attribute: 'csv-dialect' })
  csvDialect: CsvDialect = 'spreadsheet';

  /** Start CSV files with a UTF-8 BOM in the `rfc4180` dialect too (`spreadsheet` always has one). */
  @property({ type: Boolean, attribute: 'bom', reflect: true })
  bom = false;

  /** Overrides of any string of this element (and of the common strings). */
  @property({ attribute: false })
  strings?: StringOverrides<DownloadMenuStrings>;

  @state() private busy?: Busy;
  @state() private failure?: Failure;
  @state() private announcement = '';

  readonly #l10n = new LocaleController<DownloadMenuStrings>(this, downloadMenuStrings);
  /** The menu button's keyboard and focus (WAI-ARIA APG), typeahead included. */
  readonly #menu = new MenuButtonController(this);

  readonly #loadTask = new Task(this, {
    task: async ([invoice, invoiceId, backend, audience], { signal }) => {
      if (invoice) return invoice;
      if (!invoiceId) return undefined;
      if (!backend) throw noBackendError();
      return backend.getInvoice(invoiceId, { signal, audience });
    },
    args: () => [this.invoice, this.invoiceId, this.activeBackend, this.audience] as const,
  });

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.busy?.controller.abort();
  }

  /** The invoice in force (given, or loaded). */
  get #current(): Invoice | undefined {
    return this.invoice ?? this.#loadTask.value;
  }

  /** The formats offered to this audience, in the canonical order. */
  get formats(): DownloadFormat[] {
    const invoice = this.#current;
    return invoice ? downloadFormatsFor(invoice, this.audience) : [];
  }

  /** The currency exports are made in: `currency` when it applies to the invoice, else its own. */
  #currencyFor(invoice: Invoice): string {
    const wanted = this.currency;
    if (
      wanted &&
      (wanted === invoice.currency || invoice.currencies.some((c) => c.currency === wanted))
    ) {
      return wanted;
    }
    return invoice.currency;
  }

  #formatName(format: DownloadFormat): string {
    return this.#l10n.common.format[format];
  }

  #onItemClick(format: DownloadFormat): void {
    this.#menu.close(true);
    void this.download(format);
  }

  // ---------------------------------------------------------------------------------------
  // Exports

  /** Hands a finished file to the user through `DownloadMenu.saveFile`. */
  protected save(file: SavedFile): void | Promise<void> {
    return (this.constructor as typeof DownloadMenu).saveFile(file, this);
  }

  /** Prints the prepared frame through `DownloadMenu.printWindow`. */
  protected print(win: Window): void | Promise<void> {
    return (this.constructor as typeof DownloadMenu).printWindow(win);
  }

  /** Cancels the export in progress, if any. */
  cancel(): void {
    this.busy?.controller.abort();
  }

  /**
   * Downloads (or prints) the invoice in a format, as choosing it in the menu does: fires
   * `invoice-download-request`, then makes or fetches the file. Resolves when done (or
   * stopped); failures show in the element. Ignored while another export runs.
   */
  async download(format: DownloadFormat): Promise<void> {
    const invoice = this.#current;
    if (this.busy || !invoice || !this.formats.includes(format)) return;
    const currency = this.#currencyFor(invoice);
    const t = this.#l10n.t;
    const name = this.#formatName(format);
    if (!this.emit('invoice-download-request', { invoiceId: invoice.id, format, currency })) {
      this.announcement = t.vetoed;
      return;
    }
    const controller = new AbortController();
    this.busy = { format, controller };
    this.failure = undefined;
    this.announcement = t.preparing(name);
    try {
      const result = await this.#produce(invoice, format, currency, controller);
      if (controller.signal.aborted) throw new DOMException('Cancelled', 'AbortError');
      this.announcement = t.done(name);
      this.emit('invoice-download', { invoiceId: invoice.id, format, ...result });
    } catch (error) {
      if (controller.signal.aborted) {
        this.announcement = t.cancelled(name);
      } else {
        this.failure = { format, message: this.#describe(error) };
        this.announcement = '';
      }
    } finally {
      if (this.busy?.controller === controller) this.busy = undefined;
    }
  }

  #describe(error: unknown): string {
    const t = this.#l10n.t;
    if (
      error instanceof ExportRefusedError ||
      (error instanceof Error && error.name === 'ExportRefusedError')
    ) {
      return t.refused;
    }
    if (error instanceof UnsafeUrlError) return t.unsafeUrl;
    if (isBackendError(error)) return errorMessage(error, this.#l10n.common);
    return t.exportFailed;
  }

  #progress(controller: AbortController, value: number): void {
    if (this.busy?.controller === controller) this.busy = { ...this.busy, progress: value };
  }

  /** Makes or fetches the file and saves it; returns what `invoice-download` reports. */
  async #produce(
    invoice: Invoice,
    format: DownloadFormat,
    currency: string,
    controller: AbortController,
  ): Promise<ExportOutcome> {
    const signal = controller.signal;
    // The export code, loaded on the first export (a failure shows with Retry, which loads again).
    // Cancel stops the wait at once; the load itself goes on, for the next export.
    const { runExport } = await loadExportRuntime(signal);
    return runExport(invoice, {
      format,
      currency,
      audience: this.audience,
      labels: this.#l10n.t.document,
      statusText: statusLabel(invoice.status, this.#l10n.common),
      locale: this.#l10n.locale,
      dialect: this.csvDialect === 'rfc4180' ? 'rfc4180' : 'spreadsheet',
      // Only ever adds a BOM: unset, the dialect decides.
      bom: this.bom || undefined,
      signal,
      backend: this.activeBackend,
      onProgress: (value) => this.#progress(controller, value),
      save: (file) => this.save(file),
      print: (win) => this.print(win),
    });
  }

  // ---------------------------------------------------------------------------------------
  // Rendering

  override render(): TemplateResult {
    const t = this.#l10n.t;
    const common = this.#l10n.common;
    const invoice = this.#current;
    if (!invoice) {
      return html`${this.#renderLoadState()}`;
    }
    const formats = this.formats;
    if (formats.length === 0) {
      return html`<p class="none">${t.noFormats}</p>`;
    }
    const busy = this.busy;
    const menu = this.#menu;
    return html`
      <div @focusout=${menu.onFocusOut}>
        <button
          id="trigger"
          class="button trigger"
          data-variant="primary"
          part="button"
          aria-haspopup="menu"
          aria-expanded=${menu.open ? 'true' : 'false'}
          aria-controls="menu"
          @click=${menu.toggle}
          @keydown=${menu.onButtonKeydown}
        >
          ${t.download}
        </button>
        <div
          id="menu"
          role="menu"
          part="menu"
          popover="manual"
          aria-label=${t.menuLabel}
          ?hidden=${!menu.open}
          @keydown=${menu.onMenuKeydown}
        >
          ${formats.map(
            (format, i) =>
              html`<button
                role="menuitem"
                part="menuitem"
                data-format=${format}
                tabindex=${i === menu.activeIndex ? '0' : '-1'}
                @click=${() => this.#onItemClick(format)}
              >
                ${this.#formatName(format)}
              </button>`,
          )}
        </div>
      </div>
      ${
        busy
          ? html`<div class="progress" part="progress">
              <progress
                aria-label=${t.progressLabel(this.#formatName(busy.format))}
                max="1"
                value=${busy.progress ?? nothing}
              ></progress>
              <span>${t.preparing(this.#formatName(busy.format))}</span>
              <button class="button" @click=${() => this.cancel()}>${common.cancel}</button>
            </div>`
          : nothing
      }
      ${
        this.failure
          ? html`<div class="alert error" part="error" role="alert">
              <span
                >${t.failed(this.#formatName(this.failure.format))} ${this.failure.message}</span
              >
              <button class="button" @click=${() => this.#retry()}>${common.retry}</button>
            </div>`
          : nothing
      }
      <div class="visually-hidden" role="status">${this.announcement}</div>
    `;
  }

  #retry(): void {
    const failure = this.failure;
    if (!failure) return;
    this.failure = undefined;
    void this.download(failure.format);
  }

  #renderLoadState(): TemplateResult | typeof nothing {
    const common = this.#l10n.common;
    if (!this.invoiceId) return nothing;
    return this.#loadTask.render({
      initial: () => html`<div class="visually-hidden" role="status"></div>`,
      pending: () =>
        html`<button
            class="button trigger"
            part="button"
            disabled
            aria-haspopup="menu"
            aria-expanded="false"
          >
            ${this.#l10n.t.download}
          </button>
          <div class="visually-hidden" role="status">${common.loading}</div>`,
      complete: () => html`<div class="visually-hidden" role="status"></div>`,
      error: (error) =>
        html`<div class="alert error" part="error" role="alert">
          <span>${errorMessage(error, common)}</span>
          <button class="button" @click=${() => void this.#loadTask.run()}>${common.retry}</button>
        </div>`,
    }) as TemplateResult;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'download-menu': DownloadMenu;
  }
}
