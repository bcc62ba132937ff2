/**
 * The viewer's own settings (language, theme, density) survive a reload in localStorage: they
 * are a preference of this browser, not part of the view, so a shared link opens in the
 * recipient's language and theme. Only these three UI choices are stored, never a token.
 */
export type PrefKey = 'lang' | 'theme' | 'density';
export type Prefs = Partial<Record<PrefKey, string>>;

const KEY = 'invoice-elements-demo/prefs';

export function loadPrefs(): Prefs {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(KEY) ?? '{}');
    if (!value || typeof value !== 'object') return {};
    const prefs: Prefs = {};
    for (const key of ['lang', 'theme', 'density'] as const) {
      const v = (value as Record<string, unknown>)[key];
      if (typeof v === 'string') prefs[key] = v;
    }
    return prefs;
  } catch {
    return {};
  }
}

export function savePrefs(prefs: Prefs): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(prefs));
  } catch {
    // Storage full or blocked: the settings still apply to this page.
  }
}

/** Selects `value` when the select offers it (a stale or hand-edited value is ignored). */
export function choose(select: HTMLSelectElement, value: string | undefined): void {
  if (value !== undefined && [...select.options].some((o) => o.value === value)) {
    select.value = value;
  }
}

/** The page's heading and title per audience and language: the customer sees "Invoices". */
const TITLES: Record<string, { operator: [string, string]; customer: string }> = {
  en: { operator: ['Billing', 'Customer invoices'], customer: 'Invoices' },
  'pt-BR': { operator: ['Faturamento', 'Faturas de clientes'], customer: 'Faturas' },
  es: { operator: ['Facturación', 'Facturas de clientes'], customer: 'Facturas' },
};

export function pageTitles(audience: 'operator' | 'customer', lang: string) {
  const t = TITLES[lang] ?? (TITLES.en as (typeof TITLES)[string]);
  const crumbs = audience === 'customer' ? [t.customer] : t.operator;
  return { heading: crumbs[crumbs.length - 1] as string, crumbs, title: crumbs.join(' › ') };
}
