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

/** The demo's own words per language: the page's title and heading per audience (the customer
 * sees "Invoices"), and the viewer pane's heading and button. */
interface PageWords {
  operator: [string, string];
  customer: string;
  invoice: string;
  back: string;
}
const WORDS: Record<string, PageWords> = {
  en: {
    operator: ['Billing', 'Customer invoices'],
    customer: 'Invoices',
    invoice: 'Invoice',
    back: 'Back to the list',
  },
  'pt-BR': {
    operator: ['Faturamento', 'Faturas de clientes'],
    customer: 'Faturas',
    invoice: 'Fatura',
    back: 'Voltar à lista',
  },
  es: {
    operator: ['Facturación', 'Facturas de clientes'],
    customer: 'Facturas',
    invoice: 'Factura',
    back: 'Volver a la lista',
  },
};

export function pageWords(audience: 'operator' | 'customer', lang: string) {
  const w = WORDS[lang] ?? (WORDS.en as PageWords);
  const crumbs = audience === 'customer' ? [w.customer] : w.operator;
  return {
    heading: crumbs[crumbs.length - 1] as string,
    crumbs,
    title: crumbs.join(' › '),
    invoice: w.invoice,
    back: w.back,
  };
}
