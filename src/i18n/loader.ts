/**
 * Loads the non-English catalogues on demand. English is built into every element; pt-BR and es
 * are one module each (./pt-BR.ts, ./es.ts), fetched the first time an element's `lang` resolves
 * to them, or when a host preloads them with `loadLocale`. Each is fetched once and kept.
 *
 * Elements render English until their locale has arrived, then re-render (the locale controller
 * listens through `onLocaleLoaded`). A failed fetch leaves them in English; it is retried on the
 * next `lang` change on the page, or when a host calls `loadLocale` again.
 */
import type { LocaleStrings } from './catalogue.js';
import { resolveLocale, type Locale } from './locale.js';

/** The locales that load on demand. */
export type LazyLocale = Exclude<Locale, 'en'>;

/** Fetches one locale's module (a test seam: `setLocaleImporter`). */
export type LocaleImporter = (locale: LazyLocale) => Promise<LocaleStrings>;

const importLocale: LocaleImporter = async (locale) =>
  locale === 'pt-BR' ? (await import('./pt-BR.js')).ptBR : (await import('./es.js')).es;

let importer: LocaleImporter = importLocale;
const loaded = new Map<LazyLocale, LocaleStrings>();
const pending = new Map<LazyLocale, Promise<void>>();
const failed = new Set<LazyLocale>();
const listeners = new Set<(locale: LazyLocale) => void>();
let warned = false;

/**
 * Loads the strings of a locale (any BCP 47 tag, mapped as `lang` is: `pt` → pt-BR, `es-MX` →
 * es, others → en) and re-renders the elements already showing that locale in English. Resolves
 * at once for English or a locale already loaded; rejects when the module cannot be fetched
 * (the elements stay in English). Await it before rendering to have no English first frame:
 * `await loadLocale('pt-BR')`.
 */
export function loadLocale(tag: string): Promise<void> {
  const locale = resolveLocale(tag);
  if (locale === 'en' || loaded.has(locale)) return Promise.resolve();
  const inFlight = pending.get(locale);
  if (inFlight) return inFlight;
  const load = importer(locale).then(
    (strings) => {
      pending.delete(locale);
      failed.delete(locale);
      provideLocale(locale, strings);
    },
    (error: unknown) => {
      pending.delete(locale);
      failed.add(locale);
      throw error;
    },
  );
  pending.set(locale, load);
  return load;
}

/** Whether a locale's strings are available now (English always is). */
export function isLocaleLoaded(locale: Locale): boolean {
  return locale === 'en' || loaded.has(locale);
}

/**
 * The strings of a loaded locale, or undefined when it has not arrived. English is not here: it
 * is built into each element's catalogue (`catalogue.en`).
 */
export function loadedLocale(locale: Locale): LocaleStrings | undefined {
  return locale === 'en' ? undefined : loaded.get(locale);
}

/** Makes a locale's strings available and tells the listeners (the elements in that locale). */
function provideLocale(locale: LazyLocale, strings: LocaleStrings): void {
  if (loaded.get(locale) === strings) return;
  loaded.set(locale, strings);
  for (const listener of listeners) listener(locale);
}

/** Calls `listener` each time a locale's strings arrive. Returns the unsubscribe function. */
export function onLocaleLoaded(listener: (locale: LazyLocale) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * For elements: starts loading a locale they need, unless it is English, loaded, loading, or
 * failed since the last `retryFailedLocales()`. A failure is reported once per page (one
 * console.warn) and never thrown.
 */
export function requestLocale(locale: Locale): void {
  if (locale === 'en' || loaded.has(locale) || pending.has(locale) || failed.has(locale)) return;
  loadLocale(locale).catch((error: unknown) => {
    if (warned) return;
    warned = true;
    console.warn(
      `invoice-elements: the ${locale} strings could not be loaded; showing English.`,
      error,
    );
  });
}

/** Lets failed locales be requested again (called when a `lang` changes on the page). */
export function retryFailedLocales(): void {
  failed.clear();
}

/** Test seam (not in the package's entry): replaces how a locale module is fetched. */
export function setLocaleImporter(replacement: LocaleImporter | undefined): void {
  importer = replacement ?? importLocale;
}

/** Test seam (not in the package's entry): forgets every loaded and failed locale. */
export function forgetLoadedLocales(): void {
  loaded.clear();
  pending.clear();
  failed.clear();
  warned = false;
}
