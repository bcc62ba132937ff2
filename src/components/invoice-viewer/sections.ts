/** Templates of the viewer's header and sections (everything but line items and dialogs). */
import { html, nothing, type TemplateResult } from 'lit';
import { paidAndDue, rateStatement } from '../../core/conversion.js';
import { formatDate } from '../../core/dates.js';
import { ID_MAX, NAME_MAX, TEXT_MAX, displayText, inSentence } from '../../core/display-text.js';
import { formatMoney } from '../../core/money.js';
import { formatPeriod } from '../../core/period.js';
import { isKnownStatus, isVisibleToCustomer } from '../../core/status.js';
import type { Audience, CurrencyCode, Invoice } from '../../core/types.js';
import type { CommonStrings } from '../../i18n/common.strings.js';
import { renderOverdueBadge, renderStatusBadge, statusLabel } from '../shared/status-badge.js';
import type { DisplayAmounts } from './amounts.js';
import type { SectionId } from './invoice-viewer.events.js';
import type { InvoiceViewerStrings } from './invoice-viewer.strings.js';

export interface ViewContext {
  invoice: Invoice;
  amounts: DisplayAmounts;
  currencies: CurrencyCode[];
  t: InvoiceViewerStrings;
  common: CommonStrings;
  locale: string;
  /** The customer sees neither the visibility line nor who changed a status or notified. */
  audience: Audience;
  /** Copies a clipped value's full text (the viewer's clipboard write and announcement). */
  copy: (full: string) => void;
  /** The user's today (`YYYY-MM-DD`), for the Overdue badge. */
  today: string;
}

/**
 * A server string as shown (docs/RULES.md, Limits): {@link displayText} in a `<bdi>` and, only
 * when it was clipped, a "Copy the full text" button (part `copy-full`) that hands `copy` the
 * full value as sent. A button that copies, not a "Show all" that renders it: the screen never
 * holds unbounded server text, so the main-thread budget holds whatever the server sends.
 * Clipped: longer than `max` and shown with the `…` of a cut (a value that only lost bidi
 * controls and ends in its own `…` gets the button too; it copies the value whole: harmless).
 */
export function shown(
  text: string,
  ctx: { t: InvoiceViewerStrings; copy: (full: string) => void },
  max = ID_MAX,
): TemplateResult {
  return html`<bdi>${displayText(text, max)}</bdi>${copyFull(text, ctx, max)}`;
}

/** {@link shown}'s Copy button alone (for a value in a heading, whose name must not hold it). */
export function copyFull(
  text: string,
  ctx: { t: InvoiceViewerStrings; copy: (full: string) => void },
  max = ID_MAX,
): TemplateResult | typeof nothing {
  return text.length > max && displayText(text, max).endsWith('…')
    ? html` <button type="button" class="copy-full" part="copy-full" @click=${() => ctx.copy(text)}>
        ${ctx.t.copyFull}
      </button>`
    : nothing;
}

function safePeriod(invoice: Invoice, locale: string): string {
  try {
    return formatPeriod(invoice.period, locale);
  } catch {
    return `${invoice.period.from} – ${invoice.period.to}`;
  }
}

/** "1 USD = 5.4321 BRL (ECB, Oct 31, 2026)" (core `rateStatement`), or the invoice-currency note. */
export function rateText(ctx: ViewContext): string {
  const { amounts, invoice, t, locale } = ctx;
  const rate = amounts.rate;
  if (!rate) return t.nativeCurrency(invoice.currency);
  // The statement every file writes, in the page's language, the source isolated.
  const source = rate.source && inSentence(rate.source);
  return rateStatement(invoice.currency, { ...rate, source }, locale);
}

export function renderHeader(
  ctx: ViewContext,
  onCurrency: (e: Event) => void,
  ids: { currency: string; status: string },
): TemplateResult {
  const { invoice, amounts, currencies, t, common, locale } = ctx;
  const operator = ctx.audience === 'operator';
  const visible = isVisibleToCustomer(invoice);
  const visibility = visible
    ? t.visible
    : invoice.status === 'DRAFT'
      ? t.notVisibleDraft
      : t.notVisibleOther;
  return html`<header class="header" part="header">
    <div class="doc-cell">
      <h2 class="doc" part="document-id">
        <span class="label">${t.documentId}</span>
        <bdi>${displayText(invoice.documentId)}</bdi>
      </h2>
      ${copyFull(invoice.documentId, ctx)}
    </div>
    <div class="status">
      <span class="visually-hidden" id=${`${ids.status}-label`}>${t.status}</span>
      <span role="group" aria-labelledby=${`${ids.status}-label ${ids.status}`}
        >${renderStatusBadge(invoice.status, common, ids.status)}${renderOverdueBadge(
          invoice,
          ctx.today,
          common,
        )}</span
      >
    </div>
    <p class="period" part="period">
      <span class="visually-hidden">${t.period}: </span>${safePeriod(invoice, locale)}
    </p>
    <div class="currency">
      <label for=${ids.currency}>${t.currency}</label>
      <select
        id=${ids.currency}
        class="currency-select"
        part="currency-select"
        .value=${amounts.currency}
        @change=${onCurrency}
      >
        ${currencies.map(
          (c) => html`<option value=${c} ?selected=${c === amounts.currency}>${c}</option>`,
        )}
      </select>
      <span class="currency-print">${amounts.currency}</span>
      <p class="rate">${rateText(ctx)}</p>
    </div>
    ${
      operator
        ? html`<p class="visibility" part="visibility" data-visible=${String(visible)}>
            ${visibility}
          </p>`
        : nothing
    }
  </header>`;
}

/** A collapsible section: its header bar is a real button with aria-expanded/controls. */
export function renderSection(
  id: SectionId,
  title: string,
  open: boolean,
  body: () => TemplateResult,
  onToggle: (id: SectionId) => void,
  prefix: string,
): TemplateResult {
  const headId = `${prefix}-${id}-header`;
  const bodyId = `${prefix}-${id}-body`;
  return html`<section class="section" part="section" data-section=${id} aria-labelledby=${headId}>
    <h3 class="section-bar">
      <button
        type="button"
        id=${headId}
        part="section-header"
        aria-expanded=${open ? 'true' : 'false'}
        aria-controls=${bodyId}
        @click=${() => onToggle(id)}
      >
        <span class="section-toggle-icon" aria-hidden="true"></span>${title}
      </button>
    </h3>
    <div id=${bodyId} class="section-body ${open ? '' : 'collapsed'}" part="section-body">
      ${body()}
    </div>
  </section>`;
}

export function renderSummary(ctx: ViewContext): TemplateResult {
  const { invoice, amounts, t, locale } = ctx;
  return html`<dl>
    <div>
      <dt>${t.customer}</dt>
      <dd>${shown(invoice.customer.name, ctx, NAME_MAX)}</dd>
    </div>
    <div>
      <dt>${t.provider}</dt>
      <dd>${shown(invoice.provider.name, ctx)}</dd>
    </div>
    <div>
      <dt>${t.period}</dt>
      <dd>${safePeriod(invoice, locale)}</dd>
    </div>
    <div>
      <dt>${t.generatedAt}</dt>
      <dd>${formatDate(invoice.generatedAt, locale)}</dd>
    </div>
    <div>
      <dt>${t.dueDate}</dt>
      <dd>${invoice.dueDate ? formatDate(invoice.dueDate, locale) : t.noDueDate}</dd>
    </div>
    <div>
      <dt>${t.total}</dt>
      <dd class="summary-total">${formatMoney(amounts.total, locale)}</dd>
    </div>
  </dl>`;
}

export function renderTotals(ctx: ViewContext): TemplateResult {
  const { amounts, t, locale } = ctx;
  return html`<table class="totals-table">
      <caption class="visually-hidden">
        ${t.sections.totals}
      </caption>
      <tbody>
        <tr>
          <th scope="row">${t.subtotal}</th>
          <td class="num" data-total="subtotal">${formatMoney(amounts.subtotal, locale)}</td>
        </tr>
        <tr>
          <th scope="row">${t.taxTotal}</th>
          <td class="num" data-total="tax">${formatMoney(amounts.taxTotal, locale)}</td>
        </tr>
        <tr>
          <th scope="row">${t.total}</th>
          <td class="num" data-total="total">${formatMoney(amounts.total, locale)}</td>
        </tr>
        ${renderPaidAndDue(ctx)}
      </tbody>
    </table>
    <p class="rate">${rateText(ctx)}</p>`;
}

/**
 * Money owed (issue 25): the amount paid (when the backend sends it) and the amount due,
 * emphasised, in the currency shown (core `paidAndDue`, the documents' own numbers).
 */
function renderPaidAndDue(ctx: ViewContext): TemplateResult {
  const { invoice, amounts, t, locale } = ctx;
  const { paid, due } = paidAndDue(invoice, amounts);
  return html`${
      paid
        ? html`<tr>
            <th scope="row">${t.amountPaid}</th>
            <td class="num" data-total="paid">${formatMoney(paid, locale)}</td>
          </tr>`
        : nothing
    }
    <tr class="amount-due" part="amount-due">
      <th scope="row"><strong>${t.amountDue}</strong></th>
      <td class="num" data-total="due"><strong>${formatMoney(due, locale)}</strong></td>
    </tr>`;
}

export function renderCustomFields(ctx: ViewContext): TemplateResult {
  return html`<dl>
    ${ctx.invoice.customFields.map(
      (f) =>
        html`<div>
          <dt>${shown(f.label, ctx)}</dt>
          <dd>${shown(f.value, ctx, TEXT_MAX)}</dd>
        </div>`,
    )}
  </dl>`;
}

export function renderHistory(ctx: ViewContext): TemplateResult {
  const { invoice, t, common, locale } = ctx;
  if (invoice.history.length === 0) return html`<p>${t.noHistory}</p>`;
  // The customer's history (core/audience.ts) has no author or notification: no such columns.
  const operator = ctx.audience === 'operator';
  const label = (s: string) => (isKnownStatus(s) ? common.status[s] : statusLabel(s, common));
  return html`<table class="history-table">
    <caption class="visually-hidden">
      ${t.sections.history}
    </caption>
    <thead>
      <tr>
        <th scope="col">${t.from}</th>
        <th scope="col">${t.to}</th>
        <th scope="col">${t.when}</th>
        ${
          operator
            ? html`<th scope="col">${t.who}</th>
                <th scope="col">${t.notified}</th>
                <th scope="col">${t.reason}</th>`
            : nothing
        }
      </tr>
    </thead>
    <tbody>
      ${invoice.history.map(
        (h) =>
          html`<tr>
            <td>${label(h.from)}</td>
            <td>${label(h.to)}</td>
            <td>${formatDate(h.at, locale, true)}</td>
            ${
              operator
                ? html`<td>${shown(h.by, ctx, NAME_MAX)}</td>
                    <td>${h.notified ? t.yes : t.no}</td>
                    <td>${h.reason ? shown(h.reason, ctx, TEXT_MAX) : ''}</td>`
                : nothing
            }
          </tr>`,
      )}
    </tbody>
  </table>`;
}
