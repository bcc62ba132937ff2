/**
 * Locales that ship, and how an element finds its own: the element's `lang`, else the nearest
 * ancestor's (crossing shadow roots), else the document's, else `en`.
 */
export const SUPPORTED_LOCALES = ['en', 'pt-BR', 'es'] as const;
export type Locale = (typeof SUPPORTED_LOCALES)[number];

/** Maps any BCP 47 tag to a shipped locale: `pt`, `pt-PT` → pt-BR; `es-MX` → es; else en. */
export function resolveLocale(tag: string | null | undefined): Locale {
  const lower = (tag ?? '').trim().toLowerCase();
  if (lower.startsWith('pt')) return 'pt-BR';
  if (lower.startsWith('es')) return 'es';
  return 'en';
}

/** The `lang` in force for a node: its own or the nearest ancestor's, through shadow roots. */
export function langOf(node: Node): string {
  let current: Node | null = node;
  while (current) {
    if (current instanceof Element) {
      const lang = current.getAttribute('lang');
      if (lang) return lang;
    }
    const parent: Node | null = current.parentNode;
    if (parent instanceof ShadowRoot) current = parent.host;
    else current = parent;
  }
  return document.documentElement.lang || navigator.language || 'en';
}
