/**
 * Named views: the operator saves the table's view (its `view` property, a JSON value) under a
 * name, and applies or deletes it later. Only the view value is stored, in this browser's
 * localStorage; the table itself drops anything in it that it does not know when it is applied.
 */
import type { InvoiceTableView } from '../src/components/invoice-table/invoice-table.js';

export interface NamedView {
  name: string;
  view: InvoiceTableView;
}

export const VIEWS_KEY = 'invoice-elements-demo/views';
const NAME_MAX = 60;

/** The saved views, in the order saved (a damaged store reads as none). */
export function loadViews(key = VIEWS_KEY): NamedView[] {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(key) ?? '[]');
    if (!Array.isArray(value)) return [];
    return value.filter(
      (v): v is NamedView =>
        typeof v?.name === 'string' && v.name !== '' && !!v.view && typeof v.view === 'object',
    );
  } catch {
    return [];
  }
}

function store(key: string, views: NamedView[]): NamedView[] {
  try {
    localStorage.setItem(key, JSON.stringify(views));
  } catch {
    // Storage full or blocked: the list still holds them for this page.
  }
  return views;
}

/** Saves a view under a name (trimmed; the same name is replaced, in its place). */
export function saveView(name: string, view: InvoiceTableView, key = VIEWS_KEY): NamedView[] {
  const entry = { name: name.trim().slice(0, NAME_MAX), view };
  const views = loadViews(key);
  const at = views.findIndex((v) => v.name === entry.name);
  if (at >= 0) views[at] = entry;
  else views.push(entry);
  return store(key, views);
}

export function deleteView(name: string, key = VIEWS_KEY): NamedView[] {
  return store(
    key,
    loadViews(key).filter((v) => v.name !== name),
  );
}
