/**
 * LocaleController: gives an element its locale (from its own `lang` or the nearest
 * ancestor's, through shadow roots), its catalogue's strings merged with the host's overrides,
 * and re-renders when any `lang` attribute on the page changes (runtime switch).
 *
 * English is built in; pt-BR and es load on demand (src/i18n/loader.ts). Until an element's
 * locale has arrived it renders English strings (numbers and dates already follow its locale:
 * `locale` is the resolved one at once), then every element in that locale re-renders. A failed
 * load leaves English and is retried on the next `lang` change.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Catalogue } from '../../i18n/catalogue.js';
import { commonStrings, type CommonStrings } from '../../i18n/common.strings.js';
import {
  loadedLocale,
  onLocaleLoaded,
  requestLocale,
  retryFailedLocales,
} from '../../i18n/loader.js';
import { langOf, resolveLocale, type Locale } from '../../i18n/locale.js';

/** What a host element may override: any of its own strings, and any common string. */
export type StringOverrides<T> = Partial<T> & { common?: Partial<CommonStrings> };

type Host = ReactiveControllerHost & HTMLElement & { strings?: object | undefined };

const controllers = new Set<LocaleController<object>>();
let observer: MutationObserver | undefined;
let listening = false;

function watchLang(): void {
  if (!listening) {
    listening = true;
    // A locale arrived: re-render the elements that are in it (they showed English meanwhile).
    onLocaleLoaded((locale) => {
      for (const c of controllers) if (c.locale === locale) c.requestUpdate();
    });
  }
  if (observer || typeof MutationObserver === 'undefined') return;
  observer = new MutationObserver(() => {
    retryFailedLocales();
    for (const c of controllers) c.refresh();
  });
  observer.observe(document.documentElement, {
    attributes: true,
    attributeFilter: ['lang'],
    subtree: true,
  });
}

export class LocaleController<T extends object> implements ReactiveController {
  readonly #host: Host;
  readonly #catalogue: Catalogue<T>;
  #current: Locale = 'en';

  constructor(host: Host, catalogue: Catalogue<T>) {
    this.#host = host;
    this.#catalogue = catalogue;
    host.addController(this);
  }

  hostConnected(): void {
    controllers.add(this as LocaleController<object>);
    watchLang();
    this.#resolve();
  }

  hostDisconnected(): void {
    controllers.delete(this as LocaleController<object>);
  }

  /** Re-reads the locale; re-renders the host when it changed (also for shadow-DOM children). */
  refresh(): void {
    const previous = this.#current;
    this.#resolve();
    if (this.#current !== previous) this.#host.requestUpdate();
  }

  /** Re-renders the host (its locale's strings have arrived). */
  requestUpdate(): void {
    this.#host.requestUpdate();
  }

  hostUpdate(): void {
    // An element's own lang may have been set by a parent's template: resolve before render.
    this.#resolve();
  }

  /** Resolves the locale in force and asks for its strings when they are not loaded. */
  #resolve(): void {
    this.#current = resolveLocale(langOf(this.#host));
    requestLocale(this.#current);
  }

  /**
   * The shipped locale in force: `en`, `pt-BR` or `es`. Also the tag given to Intl. It is the
   * resolved locale even while that locale's strings are still loading.
   */
  get locale(): Locale {
    return this.#current;
  }

  /** This element's strings in the current locale (English until it loads), with overrides. */
  get t(): T {
    const overrides = this.#host.strings as StringOverrides<T> | undefined;
    const loaded = loadedLocale(this.#current);
    const base = loaded ? this.#catalogue.pick(loaded) : this.#catalogue.en;
    return overrides ? { ...base, ...overrides } : base;
  }

  /** The common strings (statuses, errors, buttons), with the host's overrides applied. */
  get common(): CommonStrings {
    const overrides = (this.#host.strings as StringOverrides<T> | undefined)?.common;
    const loaded = loadedLocale(this.#current);
    const base = loaded ? commonStrings.pick(loaded) : commonStrings.en;
    return overrides ? { ...base, ...overrides } : base;
  }
}
