/**
 * "Export the list" of `<invoice-table>` (issue 25): the run behind the Export CSV button, its
 * progress ("n of total", announced), Cancel, and a failed page's message with Retry. The table
 * renders the button and the live region up front and loads this module on the first export;
 * this module loads the export code (exports/list-export.ts, the CSV worker) in turn.
 * docs/RULES.md, "The list CSV".
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { CsvDialect } from '../../exports/csv.js';
import type { ListCsvLabels } from '../../exports/list-csv.js';
import type { ListSource } from '../../exports/list-export.js';
import type { BillingPeriod, InvoiceQuery } from '../../core/types.js';
import type { CommonStrings } from '../../i18n/common.strings.js';
import { errorMessage } from '../shared/error-message.js';
import type { InvoiceListExportDetail } from './invoice-table.events.js';
import type { InvoiceTableStrings } from './invoice-table.strings.js';

type ExportCode = typeof import('../../exports/list-export.js');
type NameCode = typeof import('../../exports/filename.js');

// Literal `import()`s: bundlers make the export code chunks of their own.
const loadExportCode = (): Promise<[ExportCode, NameCode]> =>
  Promise.all([import('../../exports/list-export.js'), import('../../exports/filename.js')]);

/** What the controller reads from its table. */
export interface ListExportHost {
  source: () => ListSource | undefined;
  query: () => InvoiceQuery | null;
  customer: () => { id: string; name?: string } | undefined;
  period: () => BillingPeriod;
  dialect: () => CsvDialect;
  locale: () => string;
  /** The table's today (`YYYY-MM-DD`): the list CSV's Overdue column is judged on it. */
  today: () => string;
  strings: () => { t: InvoiceTableStrings; common: CommonStrings };
  /** Hands the finished file to the user. */
  save: (blob: Blob, filename: string) => void | Promise<void>;
  /** After the file was handed over. */
  done: (detail: InvoiceListExportDetail) => void;
}

type Phase =
  | { kind: 'idle' }
  | { kind: 'running'; done: number; total: number }
  | { kind: 'page-failed'; done: number; total: number; message: string }
  | { kind: 'failed'; message: string };

/** Announced steps of the progress: every tenth of the list (and its end). */
const ANNOUNCED_STEPS = 10;

export class ListExportController implements ReactiveController {
  #phase: Phase = { kind: 'idle' };
  #announcement = '';
  #abort: AbortController | undefined;
  /** Settles the wait of a failed page: Retry resolves, Cancel rejects. */
  #decide: { retry(): void; cancel(): void } | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: ListExportHost,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.cancel();
  }

  get running(): boolean {
    return this.#phase.kind === 'running' || this.#phase.kind === 'page-failed';
  }

  #set(phase: Phase, announcement?: string): void {
    this.#phase = phase;
    if (announcement !== undefined) this.#announcement = announcement;
    this.host.requestUpdate();
  }

  /** Cancels the export in progress: the request in flight is aborted, no file is saved. */
  cancel(): void {
    if (!this.running) return;
    const { t } = this.options.strings();
    this.#abort?.abort();
    this.#decide?.cancel();
    this.#set({ kind: 'idle' }, t.exportCancelled);
    this.#focus('.list-export-button');
  }

  /**
   * Exports every invoice of the list in force (its filters and sort), in `dialect` (default
   * the host's). Resolves when the file was handed over, or the export was cancelled or failed
   * (shown, with Retry); a second call while one runs does nothing.
   */
  async start(dialect?: CsvDialect): Promise<void> {
    const source = this.options.source();
    const query = this.options.query();
    if (this.running || !source || !query) return;
    const { t, common } = this.options.strings();
    const abort = new AbortController();
    this.#abort = abort;
    const csvDialect = dialect ?? this.options.dialect();
    let announced = -1;
    const progress = (done: number, total: number): void => {
      if (abort.signal.aborted) return;
      const step = total > 0 ? Math.floor((done / total) * ANNOUNCED_STEPS) : ANNOUNCED_STEPS;
      const say = step !== announced ? t.exportProgress(done, total) : undefined;
      announced = step;
      this.#set({ kind: 'running', done, total }, say);
    };
    this.#set({ kind: 'running', done: 0, total: 0 }, t.exportStarted);
    try {
      const [{ exportInvoiceList, LIST_EXPORT_PAGE_SIZE }, { listExportFilename }] =
        await loadExportCode();
      if (abort.signal.aborted) return;
      const result = await exportInvoiceList(source, {
        query,
        dialect: csvDialect,
        locale: this.options.locale(),
        listLabels: this.#labels(t, common),
        today: this.options.today(),
        pageSize: LIST_EXPORT_PAGE_SIZE,
        signal: abort.signal,
        onProgress: progress,
        onPageError: (error) => this.#pageFailed(error, abort.signal),
      });
      if (abort.signal.aborted) return;
      const filename = listExportFilename(this.options.customer(), this.options.period());
      await this.options.save(result.blob, filename);
      this.#set({ kind: 'idle' }, t.exportDone(result.rows));
      this.options.done({
        filename,
        blob: result.blob,
        rows: result.rows,
        dialect: csvDialect,
        inWorker: result.inWorker,
      });
    } catch (error) {
      if (abort.signal.aborted) return;
      this.#set({ kind: 'failed', message: errorMessage(error, common) }, '');
      this.#focus('.list-export-retry');
    } finally {
      if (this.#abort === abort) this.#abort = undefined;
      this.#decide = undefined;
    }
  }

  /** The failed page waits here for Retry (ask it again) or Cancel. */
  #pageFailed(error: unknown, signal: AbortSignal): Promise<void> {
    const { t, common } = this.options.strings();
    const at = this.#phase.kind === 'running' ? this.#phase : { done: 0, total: 0 };
    this.#set(
      { kind: 'page-failed', done: at.done, total: at.total, message: errorMessage(error, common) },
      // The alert says it (once).
      '',
    );
    return new Promise<void>((resolve, reject) => {
      if (signal.aborted) return reject(new DOMException('Cancelled', 'AbortError'));
      this.#decide = {
        retry: () => {
          this.#decide = undefined;
          this.#set({ kind: 'running', done: at.done, total: at.total }, t.exportResumed);
          this.#focus('.list-export-cancel');
          resolve();
        },
        cancel: () => reject(new DOMException('Cancelled', 'AbortError')),
      };
    });
  }

  #labels(t: InvoiceTableStrings, common: CommonStrings): ListCsvLabels {
    const c = t.columns;
    return {
      documentId: c.documentId,
      customer: c.customer,
      customerId: t.exportCustomerId,
      provider: c.provider,
      period: c.period,
      status: c.status,
      total: c.total,
      currency: t.exportCurrency,
      generatedAt: c.generatedAt,
      dueDate: c.dueDate,
      amountPaid: t.exportAmountPaid,
      amountDue: c.amountDue,
      overdue: common.overdue,
      yes: t.exportYes,
      no: t.exportNo,
    };
  }

  #focus(selector: string): void {
    void this.host.updateComplete.then(() => {
      const root = this.host.shadowRoot;
      // Only when the focus was in the export's controls (or fell to the page): never taken.
      const inside = root?.activeElement;
      const fell = document.activeElement === document.body || document.activeElement === null;
      if (fell || inside === this.host || (inside && inside.closest('.list-export'))) {
        root?.querySelector<HTMLElement>(selector)?.focus();
      }
    });
  }

  /** What the live region says (the table renders it, up front). */
  get announcement(): string {
    return this.#announcement;
  }

  /** Progress, Cancel and a failure with Retry, after the table's button. */
  render() {
    const { t, common } = this.options.strings();
    const phase = this.#phase;
    return html`${
      phase.kind === 'running' || phase.kind === 'page-failed'
        ? html`<progress
              part="export-progress"
              aria-label=${t.exportProgressLabel}
              max=${phase.total || 1}
              value=${phase.total ? phase.done : nothing}
            ></progress>
            <span class="list-export-count">${t.exportProgress(phase.done, phase.total)}</span>
            <button
              type="button"
              class="button list-export-cancel"
              part="export-cancel"
              @click=${() => this.cancel()}
            >
              ${t.cancelExport}
            </button>`
        : nothing
    }
    ${
      phase.kind === 'page-failed' || phase.kind === 'failed'
        ? html`<div class="alert error" part="export-error" role="alert">
            <p>
              ${phase.kind === 'page-failed' ? t.exportPageFailed(phase.done, phase.total) : t.exportFailed}
              ${phase.message}
            </p>
            <button
              type="button"
              class="button list-export-retry"
              @click=${() => (phase.kind === 'page-failed' ? this.#decide?.retry() : void this.start())}
            >
              ${common.retry}
            </button>
          </div>`
        : nothing
    }`;
  }
}
