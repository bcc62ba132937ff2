/**
 * The customer search of `<invoice-table>`: a WAI-ARIA APG combobox (editable, list
 * autocomplete) as a reactive controller plus its template, rendered inside the table's shadow
 * root (so `aria-activedescendant` and `aria-controls` resolve).
 *
 * Searches through the adapter as the user types, debounced; a new keystroke aborts the request
 * in flight and an older answer is never shown. The suggestions show in the top layer, as wide
 * as the field and inside the viewport (`anchoredPopup`, shared/anchor-position.ts).
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { InvoiceBackend } from '../../core/backend.js';
import type { Customer } from '../../core/types.js';
import { NAME_MAX, displayText } from '../../core/display-text.js';
import type { CommonStrings } from '../../i18n/common.strings.js';
import { anchoredPopup } from '../shared/anchor-position.js';
import { errorMessage } from '../shared/error-message.js';
import type { InvoiceTableStrings } from './invoice-table.strings.js';

export interface CustomerComboboxOptions {
  /** The validated adapter in force. */
  backend: () => InvoiceBackend | undefined;
  /** Called when the user chooses a customer, or clears the choice (`null`). */
  onSelect: (customer: Customer | null) => void;
  /** Debounce delay in milliseconds. */
  delay?: number;
  /** Maximum number of suggestions asked of the adapter. */
  limit?: number;
}

type SearchState =
  { kind: 'idle' } | { kind: 'searching' } | { kind: 'done' } | { kind: 'error'; error: unknown };

const INPUT_ID = 'customer-input';
const LISTBOX_ID = 'customer-listbox';
const optionId = (i: number) => `customer-option-${i}`;

export class CustomerCombobox implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #options: CustomerComboboxOptions;
  #text = '';
  selected: Customer | null = null;
  #results: Customer[] = [];
  #expanded = false;
  #active = -1;
  #state: SearchState = { kind: 'idle' };
  #timer: ReturnType<typeof setTimeout> | undefined;
  #controller: AbortController | undefined;
  #generation = 0;
  #lastSearched = '';
  /** The look-up of a customer fixed by id. */
  #lookup: AbortController | undefined;
  readonly #popup = anchoredPopup('stretch');

  constructor(host: ReactiveControllerHost & HTMLElement, options: CustomerComboboxOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.#cancel();
    this.#lookup?.abort();
    this.#popup.close();
  }

  hostUpdated(): void {
    const root = this.#host.shadowRoot;
    this.#popup.sync(
      root?.querySelector<HTMLElement>('.popup') ?? null,
      root?.querySelector<HTMLElement>('.combo') ?? null,
      this.#expanded,
    );
    if (this.#expanded && this.#active >= 0) {
      const option = this.#host.shadowRoot?.getElementById(optionId(this.#active));
      option?.scrollIntoView?.({ block: 'nearest' });
    }
  }

  /** Shows a customer chosen elsewhere (the `customer-id` attribute) without searching. */
  show(customer: Customer | null): void {
    this.#cancel();
    this.selected = customer;
    this.#text = customer?.name ?? '';
    this.#expanded = false;
    this.#active = -1;
    this.#host.requestUpdate();
  }

  /**
   * Shows the customer fixed by id (the `customer-id` attribute; `undefined`: none), named by
   * its id until the adapter answers with its name.
   */
  resolve(id: string | undefined): void {
    this.#lookup?.abort();
    this.show(id ? { id, name: id } : null);
    const backend = this.#options.backend();
    if (!id || !backend?.getCustomer) return;
    const controller = (this.#lookup = new AbortController());
    backend.getCustomer(id, { signal: controller.signal }).then(
      (customer) => {
        if (!controller.signal.aborted && this.selected?.id === id) this.show(customer);
      },
      () => undefined, // the id stays as the name; the list still loads
    );
  }

  #cancel(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#generation++;
    this.#controller?.abort();
    this.#controller = undefined;
  }

  #onInput = (e: Event): void => {
    this.#text = (e.target as HTMLInputElement).value;
    this.#active = -1;
    this.#cancel();
    const query = this.#text.trim();
    if (!query) {
      this.#results = [];
      this.#expanded = false;
      this.#state = { kind: 'idle' };
      this.#host.requestUpdate();
      return;
    }
    this.#timer = setTimeout(() => void this.#search(query), this.#options.delay ?? 250);
    this.#host.requestUpdate();
  };

  async #search(text: string): Promise<void> {
    const backend = this.#options.backend();
    if (!backend) return;
    const generation = ++this.#generation;
    const controller = new AbortController();
    this.#controller = controller;
    this.#state = { kind: 'searching' };
    this.#lastSearched = text;
    this.#expanded = true;
    this.#host.requestUpdate();
    try {
      const found = await backend.searchCustomers(
        { text, limit: this.#options.limit ?? 20 },
        { signal: controller.signal },
      );
      if (generation !== this.#generation) return;
      this.#results = found;
      this.#active = -1;
      this.#state = { kind: 'done' };
    } catch (error) {
      if (generation !== this.#generation) return;
      this.#results = [];
      this.#state = { kind: 'error', error };
    }
    this.#controller = undefined;
    this.#host.requestUpdate();
  }

  #choose(customer: Customer | null): void {
    this.#lookup?.abort();
    this.show(customer);
    this.#state = { kind: 'idle' };
    if (!customer) this.#results = [];
    this.#options.onSelect(customer);
  }

  #onKeyDown = (e: KeyboardEvent): void => {
    const count = this.#results.length;
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        if (!this.#expanded) {
          if (count === 0) return;
          this.#expanded = true;
          if (!e.altKey) this.#active = 0;
        } else if (count > 0) {
          this.#active = this.#active + 1 >= count ? 0 : this.#active + 1;
        }
        break;
      case 'ArrowUp':
        e.preventDefault();
        if (!this.#expanded) {
          if (count === 0) return;
          this.#expanded = true;
          this.#active = count - 1;
        } else if (count > 0) {
          this.#active = this.#active <= 0 ? count - 1 : this.#active - 1;
        }
        break;
      case 'Enter':
        if (this.#expanded && this.#active >= 0 && this.#results[this.#active]) {
          e.preventDefault();
          this.#choose(this.#results[this.#active]);
        }
        return;
      case 'Escape':
        if (this.#expanded) {
          e.preventDefault();
          this.#expanded = false;
          this.#active = -1;
        } else if (this.#text || this.selected) {
          e.preventDefault();
          this.#choose(null);
          return;
        }
        break;
      default:
        return;
    }
    this.#host.requestUpdate();
  };

  #onBlur = (): void => {
    this.#expanded = false;
    this.#active = -1;
    // Leaving the field without choosing keeps the current customer.
    if (this.selected && this.#text !== this.selected.name) this.#text = this.selected.name;
    this.#host.requestUpdate();
  };

  #message(t: InvoiceTableStrings, common: CommonStrings): string {
    switch (this.#state.kind) {
      case 'searching':
        return t.searchingCustomers;
      case 'error':
        return errorMessage(this.#state.error, common);
      case 'done':
        return this.#results.length
          ? t.customersFound(this.#results.length)
          : t.noCustomers(this.#lastSearched);
      default:
        return '';
    }
  }

  render(t: InvoiceTableStrings, common: CommonStrings) {
    const message = this.#message(t, common);
    const showMessage = this.#state.kind !== 'done' || this.#results.length === 0;
    return html`<div class="search" part="search">
      <label id="customer-label" for=${INPUT_ID}>${t.customerLabel}</label>
      <div class="combo">
        <input
          id=${INPUT_ID}
          type="text"
          role="combobox"
          aria-labelledby="customer-label"
          autocomplete="off"
          spellcheck="false"
          aria-autocomplete="list"
          aria-expanded=${this.#expanded ? 'true' : 'false'}
          aria-controls=${LISTBOX_ID}
          aria-activedescendant=${this.#expanded && this.#active >= 0 ? optionId(this.#active) : nothing}
          placeholder=${t.customerPlaceholder}
          .value=${this.#text}
          @input=${this.#onInput}
          @keydown=${this.#onKeyDown}
          @blur=${this.#onBlur}
        />
        ${
          this.#text || this.selected
            ? html`<button
                type="button"
                class="clear"
                aria-label=${t.clearCustomer}
                @click=${() => this.#choose(null)}
              >
                <span aria-hidden="true">×</span>
              </button>`
            : nothing
        }
        <div class="popup" popover="manual" ?hidden=${!this.#expanded}>
          <ul id=${LISTBOX_ID} role="listbox" aria-label=${t.customerLabel}>
            ${this.#results.map(
              (c, i) =>
                // Keyboard users choose through the combobox input (APG), not the option itself.
                // eslint-disable-next-line lit-a11y/click-events-have-key-events
                html`<li
                  id=${optionId(i)}
                  role="option"
                  class="option"
                  aria-selected=${i === this.#active ? 'true' : 'false'}
                  @mousedown=${(e: Event) => e.preventDefault()}
                  @click=${() => this.#choose(c)}
                >
                  <span class="option-name"><bdi>${displayText(c.name, NAME_MAX)}</bdi></span>
                  <span class="option-detail"
                    ><bdi>${displayText(c.email ?? c.id, NAME_MAX)}</bdi></span
                  >
                </li>`,
            )}
          </ul>
          ${showMessage && message ? html`<p class="popup-message">${message}</p>` : nothing}
        </div>
      </div>
      <span class="visually-hidden" role="status">${this.#expanded ? message : ''}</span>
    </div>`;
  }
}
