/**
 * MenuButtonController: the keyboard and focus of a WAI-ARIA APG menu button, for an element
 * that renders the button (`aria-haspopup="menu"`) and its menu items (`role="menuitem"`) in
 * its render root, and binds the controller's state and handlers:
 *
 * ```ts
 * private readonly menu = new MenuButtonController(this);
 * // <div @focusout=${menu.onFocusOut}>
 * //   <button aria-haspopup="menu" aria-expanded=${menu.open} @click=${menu.toggle}
 * //     @keydown=${menu.onButtonKeydown}>…</button>
 * //   <div role="menu" popover="manual" ?hidden=${!menu.open} @keydown=${menu.onMenuKeydown}>
 * //     <button role="menuitem" tabindex=${i === menu.activeIndex ? 0 : -1}>…</button>…
 * ```
 *
 * Enter, Space or ArrowDown on the button open the menu on its first item, ArrowUp on its last;
 * in the menu ArrowDown/ArrowUp move (wrapping), Home/End jump, typed characters move to the
 * next item whose text starts with them (the typed text is forgotten after half a second),
 * Escape closes and returns focus to the button, Tab closes (focus moves on), and focus leaving
 * the element (a click outside, for one) closes. One menu per host. The open menu shows in the
 * top layer under the button, inside the viewport (`anchoredPopup`, anchor-position.ts), when it
 * carries `popover="manual"`. Lit-free apart from the controller types.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { anchoredPopup } from './anchor-position.js';

type Host = ReactiveControllerHost & HTMLElement & { readonly renderRoot: ParentNode };

const MOVES = new Set(['ArrowDown', 'ArrowUp', 'Home', 'End']);

export class MenuButtonController implements ReactiveController {
  /** Whether the menu is shown. */
  open = false;
  /** The item in the tab order (roving tabindex), focused while the menu is open. */
  activeIndex = 0;

  readonly #host: Host;
  #focusItem = false;
  #focusButton = false;
  #typed = '';
  #typedTimer?: ReturnType<typeof setTimeout>;
  readonly #popup = anchoredPopup('end');

  constructor(host: Host) {
    this.#host = host;
    host.addController(this);
  }

  get #button(): HTMLElement | null {
    return this.#host.renderRoot.querySelector<HTMLElement>('[aria-haspopup="menu"]');
  }

  get #items(): HTMLElement[] {
    return [...this.#host.renderRoot.querySelectorAll<HTMLElement>('[role="menuitem"]')];
  }

  /** Opens the menu on the item at `index` (wrapping; -1 is the last). No items: stays shut. */
  show(index: number): void {
    const count = this.#items.length;
    if (count === 0) return;
    this.activeIndex = ((index % count) + count) % count;
    this.open = true;
    this.#focusItem = true;
    this.#host.requestUpdate();
  }

  /** Closes the menu; with `returnFocus` the button gets the focus back. */
  close(returnFocus: boolean): void {
    if (!this.open) return;
    this.open = false;
    if (returnFocus) this.#focusButton = true;
    this.#host.requestUpdate();
  }

  /** The button's click: opens on the first item, or closes. */
  readonly toggle = (): void => {
    if (this.open) this.close(true);
    else this.show(0);
  };

  readonly onButtonKeydown = (event: KeyboardEvent): void => {
    const key = event.key;
    if (key === 'ArrowDown' || key === 'Enter' || key === ' ' || key === 'ArrowUp') {
      event.preventDefault();
      this.show(key === 'ArrowUp' ? -1 : 0);
    } else if (key === 'Escape' && this.open) {
      event.preventDefault();
      this.close(true);
    }
  };

  readonly onMenuKeydown = (event: KeyboardEvent): void => {
    const key = event.key;
    if (MOVES.has(key)) {
      event.preventDefault();
      const i = this.activeIndex;
      // show() wraps: -1 is the last item, one past the last is the first.
      this.show(key === 'Home' ? 0 : key === 'End' ? -1 : key === 'ArrowDown' ? i + 1 : i - 1);
    } else if (key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      this.close(true);
    } else if (key === 'Tab') {
      this.close(false);
    } else if (
      key.length === 1 &&
      /\S/u.test(key) &&
      !event.ctrlKey &&
      !event.metaKey &&
      !event.altKey
    ) {
      this.#typeAhead(key);
    }
  };

  /** Focus left the element (Tab, a click outside): the menu closes. */
  readonly onFocusOut = (event: FocusEvent): void => {
    const next = event.relatedTarget as Node | null;
    if (this.open && (!next || !this.#host.renderRoot.contains(next))) this.close(false);
  };

  /** Moves to the next item whose text starts with the characters typed lately. */
  #typeAhead(char: string): void {
    clearTimeout(this.#typedTimer);
    this.#typed += char.toLocaleLowerCase();
    this.#typedTimer = setTimeout(() => (this.#typed = ''), 500);
    const names = this.#items.map((item) => (item.textContent ?? '').trim().toLocaleLowerCase());
    const count = names.length;
    const start = this.#typed.length === 1 ? this.activeIndex + 1 : this.activeIndex;
    for (let i = 0; i < count; i++) {
      const index = (start + i) % count;
      if (names[index].startsWith(this.#typed)) {
        this.show(index);
        return;
      }
    }
  }

  hostUpdated(): void {
    // Shown (and placed) before an item takes the focus: a hidden item cannot.
    this.#popup.sync(
      this.#host.renderRoot.querySelector<HTMLElement>('[role="menu"]'),
      this.#button,
      this.open,
    );
    if (this.#focusItem) {
      this.#focusItem = false;
      this.#items[this.activeIndex]?.focus();
    }
    if (this.#focusButton) {
      this.#focusButton = false;
      this.#button?.focus();
    }
    // The items are gone (no formats any more, say): nothing left to show.
    if (this.open && this.#items.length === 0) {
      this.open = false;
      this.#host.requestUpdate();
    }
  }

  hostDisconnected(): void {
    clearTimeout(this.#typedTimer);
    this.#popup.close();
  }
}
