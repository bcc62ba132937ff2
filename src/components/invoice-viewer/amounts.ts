/**
 * The amounts the viewer displays, in the chosen currency. No Lit.
 *
 * Each group of amounts goes through `convertLines`, and every total is the sum of its
 * converted lines, so a displayed total always equals the sum of its displayed lines
 * (PRODUCT.md): subtotal = Σ line amounts, tax total = Σ line taxes, total = subtotal + tax
 * total, and a group's subtotal = Σ its line amounts.
 */
import { convert, convertLines } from '../../core/money.js';
import type { CurrencyCode, CurrencyRate, Invoice, LineItem, Money } from '../../core/types.js';

export interface LineGroup {
  name: string;
  /** Indexes into `invoice.lines`, in their order. */
  indexes: number[];
  subtotal: Money;
}

export interface DisplayAmounts {
  currency: CurrencyCode;
  /** The rate used, or undefined in the invoice's own currency. */
  rate?: CurrencyRate;
  /** A line's unit price, converted on demand (only rendered rows need it; no total uses it). */
  unitPrice(index: number): Money;
  amounts: Money[];
  taxes: Money[];
  groups: LineGroup[];
  subtotal: Money;
  taxTotal: Money;
  total: Money;
}

/** The currencies that apply to an invoice: its own first, then each rated one once. */
export function applicableCurrencies(invoice: Invoice): CurrencyCode[] {
  const list = [invoice.currency];
  for (const r of invoice.currencies) if (!list.includes(r.currency)) list.push(r.currency);
  return list;
}

/** The rate to `currency`, or undefined for the invoice's own (or an unknown) currency. */
export function rateFor(invoice: Invoice, currency: CurrencyCode): CurrencyRate | undefined {
  if (currency === invoice.currency) return undefined;
  return invoice.currencies.find((r) => r.currency === currency);
}

function groupLines(lines: readonly LineItem[], amounts: readonly Money[], currency: CurrencyCode) {
  const byName = new Map<string, LineGroup>();
  lines.forEach((line, i) => {
    let g = byName.get(line.group);
    if (!g) {
      g = { name: line.group, indexes: [], subtotal: { minor: 0, currency } };
      byName.set(line.group, g);
    }
    g.indexes.push(i);
    g.subtotal = { minor: g.subtotal.minor + amounts[i].minor, currency };
  });
  return [...byName.values()];
}

/**
 * The displayed amounts of `invoice` in `currency`. An unknown currency (or a rate that fails)
 * falls back to the invoice's own currency.
 */
export function displayAmounts(invoice: Invoice, currency: CurrencyCode): DisplayAmounts {
  const rate = rateFor(invoice, currency);
  const target = rate ? rate.currency : invoice.currency;
  const factor = rate ? rate.rate : 1;
  try {
    const unitCache: Money[] = [];
    const unitPrice = (index: number): Money =>
      (unitCache[index] ??= convert(invoice.lines[index].unitPrice, target, factor));
    const amounts = convertLines(
      invoice.lines.map((l) => l.amount),
      target,
      factor,
    );
    const taxes = convertLines(
      invoice.lines.map((l) => l.tax),
      target,
      factor,
    );
    return {
      currency: target,
      rate,
      unitPrice,
      amounts: amounts.lines,
      taxes: taxes.lines,
      groups: groupLines(invoice.lines, amounts.lines, target),
      subtotal: amounts.total,
      taxTotal: taxes.total,
      total: { minor: amounts.total.minor + taxes.total.minor, currency: target },
    };
  } catch (error) {
    if (rate) return displayAmounts(invoice, invoice.currency);
    throw error;
  }
}
