/**
 * The view the demo's URL holds, in the query string: `?view=customer&customer=cus-1&from=2026-06
 * &to=2026-08&status=OPEN&provider=aws&q=INV-2026&overdue=1&sort=total.asc&invoice=inv_…`. The query
 * string, not the hash: it is what a shared link or a bookmark of a server-rendered page
 * carries, reads with `URLSearchParams`, and leaves the hash to in-page anchors. Absent keys are
 * defaults (the operator's view, no customer, the table's default period, no filter, the
 * table's default sort, no invoice open). Every value is checked on the way in: a bad one is
 * dropped, never passed on.
 */
import { isYearMonth } from '../src/core/period.js';
import { SORT_KEYS, type SortDirection, type SortKey } from '../src/core/types.js';

export interface DemoView {
  audience: 'operator' | 'customer';
  customer?: string;
  from?: string;
  to?: string;
  status?: string;
  provider?: string;
  /** The document-ID filter's text. */
  q?: string;
  /** The "Overdue only" filter (`overdue=1`). */
  overdue?: true;
  /** The table's sort (`sort=total.asc`). */
  sort?: { key: SortKey; direction: SortDirection };
  /** The open invoice's id. */
  invoice?: string;
}

const ID = /^[\w.:-]{1,100}$/;
const TEXT_MAX = 100;

const idOrUndefined = (value: string | null): string | undefined =>
  value !== null && ID.test(value) ? value : undefined;

/** The view in a query string (`location.search`). */
export function readView(search: string): DemoView {
  const p = new URLSearchParams(search);
  const month = (key: string) => {
    const value = p.get(key);
    return isYearMonth(value) ? value : undefined;
  };
  const q = p.get('q')?.trim().slice(0, TEXT_MAX);
  const [key, direction] = p.get('sort')?.split('.') ?? [];
  const view: DemoView = {
    audience: p.get('view') === 'customer' ? 'customer' : 'operator',
    customer: idOrUndefined(p.get('customer')),
    from: month('from'),
    to: month('to'),
    status: idOrUndefined(p.get('status')),
    provider: idOrUndefined(p.get('provider')),
    q: q || undefined,
    overdue: p.get('overdue') === '1' || undefined,
    sort:
      SORT_KEYS.includes(key as SortKey) && (direction === 'asc' || direction === 'desc')
        ? { key: key as SortKey, direction }
        : undefined,
    invoice: idOrUndefined(p.get('invoice')),
  };
  return view;
}

/** The query string of a view (`?…`, or `` for the default view), keys in a fixed order. */
export function viewSearch(view: DemoView): string {
  const p = new URLSearchParams();
  if (view.audience === 'customer') p.set('view', 'customer');
  for (const key of [
    'customer',
    'from',
    'to',
    'status',
    'provider',
    'q',
    'overdue',
    'sort',
    'invoice',
  ] as const) {
    const value =
      key === 'sort'
        ? view.sort && `${view.sort.key}.${view.sort.direction}`
        : key === 'overdue'
          ? view.overdue && '1'
          : view[key];
    if (value) p.set(key, value);
  }
  const search = p.toString();
  return search ? `?${search}` : '';
}
