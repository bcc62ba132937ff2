/**
 * LocaleController: gives an element its locale (from its own `lang` or the nearest
 * ancestor's, through shadow roots), its catalogue's strings merged with the host's overrides,
 * and re-renders when any `lang` attribute on the page changes (runtime switch).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { commonStrings, type CommonStrings } from '../../i18n/common.strings.js';
import { langOf, resolveLocale, type Catalogue, type Locale } from '../../i18n/locale.js';

/** What a host element may override: any of its own strings, and any common string. */
export type StringOverrides<T> = Partial<T> & { common?: Partial<CommonStrings> };

type Host = ReactiveControllerHost & HTMLElement & { strings?: object | undefined };

const controllers = new Set<LocaleController<object>>();
let observer: MutationObserver | undefined;

function watchLang(): void {
  if (observer || typeof MutationObserver === 'undefined') return;
  observer = new MutationObserver(() => {
    for (const c of controllers) c.refresh();
  });
  observer.observe(document.documentElement, {
    attributes: true,
    attributeFilter: ['lang'],
    subtree: true,
  });
}

export class LocaleController<T extends object> implements ReactiveController {
  private readonly host: Host;
  private readonly catalogue: Catalogue<T>;
  private current: Locale = 'en';

  constructor(host: Host, catalogue: Catalogue<T>) {
    this.host = host;
    this.catalogue = catalogue;
    host.addController(this);
  }

  hostConnected(): void {
    controllers.add(this as LocaleController<object>);
    watchLang();
    this.current = resolveLocale(langOf(this.host));
  }

  hostDisconnected(): void {
    controllers.delete(this as LocaleController<object>);
  }

  /** Re-reads the locale; re-renders the host when it changed (also for shadow-DOM children). */
  refresh(): void {
    const next = resolveLocale(langOf(this.host));
    if (next !== this.current) {
      this.current = next;
      this.host.requestUpdate();
    }
  }

  hostUpdate(): void {
    // An element's own lang may have been set by a parent's template: resolve before render.
    this.current = resolveLocale(langOf(this.host));
  }

  /** The shipped locale in force: `en`, `pt-BR` or `es`. Also the tag given to Intl. */
  get locale(): Locale {
    return this.current;
  }

  /** This element's strings in the current locale, with the host's overrides applied. */
  get t(): T {
    const overrides = this.host.strings as StringOverrides<T> | undefined;
    const base = this.catalogue[this.current];
    return overrides ? { ...base, ...overrides } : base;
  }

  /** The common strings (statuses, errors, buttons), with the host's overrides applied. */
  get common(): CommonStrings {
    const overrides = (this.host.strings as StringOverrides<T> | undefined)?.common;
    const base = commonStrings[this.current];
    return overrides ? { ...base, ...overrides } : base;
  }
}
