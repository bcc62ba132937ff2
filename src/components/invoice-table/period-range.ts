/**
 * The billing-period range of `<invoice-table>`: from / to, each a month `<select>` named in the
 * element's language (`Intl.DateTimeFormat` with the element's locale, never the browser's) and
 * a four-digit year field, plus presets. The same controls in every browser: no native
 * `<input type="month">`, whose month names follow the browser and which takes a year like 0012.
 * A year is valid within `yearRange` (docs/RULES.md, "Other rules").
 */
import { html, nothing } from 'lit';
import {
  compareMonths,
  isYearMonth,
  PERIOD_PRESETS,
  presetPeriod,
  type PeriodPreset,
} from '../../core/period.js';
import type { BillingPeriod } from '../../core/types.js';
import type { InvoiceTableStrings } from './invoice-table.strings.js';

/** The years a month field accepts, both included. */
export interface YearRange {
  min: number;
  max: number;
}

/**
 * The years accepted: 2000 to five years after `today`, widened to hold the period in force (a
 * host's older period stays editable).
 */
export function yearRange(period: BillingPeriod, today: Date): YearRange {
  return {
    min: Math.min(2000, +period.from.slice(0, 4)),
    max: Math.max(today.getFullYear() + 5, +period.to.slice(0, 4)),
  };
}

let namesLocale: string | undefined;
let names: string[] = [];

/** The twelve month names in a locale, January first (`março`, `marzo`). */
export function monthNames(locale: string): string[] {
  if (namesLocale !== locale) {
    const f = new Intl.DateTimeFormat((namesLocale = locale), { month: 'long', timeZone: 'UTC' });
    names = Array.from({ length: 12 }, (_, i) => f.format(Date.UTC(2000, i)));
  }
  return names;
}

/** The preset a period equals, if any. */
export function presetOf(period: BillingPeriod, today: Date): PeriodPreset | undefined {
  return PERIOD_PRESETS.find((p) => {
    const q = presetPeriod(p, today);
    return q.from === period.from && q.to === period.to;
  });
}

/**
 * What the month fields say after an edit: a period, or a draft (`<year text>-<MM>`) with what
 * is wrong with it.
 */
export type MonthInput =
  | { period: BillingPeriod }
  | {
      draft: { from: string; to: string };
      error: 'invalidYear' | 'periodOrder';
      field: 'from' | 'to';
    };

/**
 * Reads an edit of one field (`value`: its year text, `-`, its month) over the fields' current
 * values. A year that is not four digits within `range` blames its field; an inverted range
 * blames the field just edited. Pure.
 */
export function readMonthInput(
  current: { from: string; to: string },
  field: 'from' | 'to',
  value: string,
  range: YearRange,
): MonthInput {
  const draft = { from: current.from, to: current.to, [field]: value };
  const valid = (month: string): boolean =>
    isYearMonth(month) && +month.slice(0, 4) >= range.min && +month.slice(0, 4) <= range.max;
  if (!valid(draft.from) || !valid(draft.to)) {
    return { draft, error: 'invalidYear', field: valid(draft.from) ? 'to' : 'from' };
  }
  if (compareMonths(draft.from, draft.to) > 0) return { draft, error: 'periodOrder', field };
  return { period: { from: draft.from, to: draft.to } };
}

export interface PeriodRangeView {
  /** The values of the fields, `<year text>-<MM>` (may be a draft the user is still typing). */
  from: string;
  to: string;
  /** The period in force, for the preset buttons' pressed state. */
  period: BillingPeriod;
  today: Date;
  /** The element's locale, for the month names. */
  locale: string;
  /** A message to show under the fields, or empty. */
  error: string;
  /** Which field the error is about (none without an error). */
  errorField?: 'from' | 'to' | undefined;
  t: InvoiceTableStrings;
  onChange: (field: 'from' | 'to', value: string) => void;
  onPreset: (preset: PeriodPreset) => void;
}

export function renderPeriodRange(v: PeriodRangeView) {
  const active = presetOf(v.period, v.today);
  const months = monthNames(v.locale);
  const field = (name: 'from' | 'to') => {
    const value = v[name];
    const invalid = v.errorField === name;
    const month = value.slice(-2);
    // Either control changes the field: its year text and its month, read together.
    const changed = (e: Event): void => {
      const group = e.currentTarget as HTMLElement;
      const year = group.querySelector('input')!.value.trim();
      v.onChange(name, `${year}-${group.querySelector('select')!.value}`);
    };
    const described = invalid ? 'period-error' : nothing;
    return html`<div class="period-fields" @change=${changed}>
      <label class="month-field">
        <span>${v.t[`${name}Label` as const]}</span>
        <select name=${`${name}-month`} aria-invalid=${invalid} aria-describedby=${described}>
          ${months.map((label, i) => {
            const mm = `0${i + 1}`.slice(-2);
            return html`<option value=${mm} .selected=${mm === month}>${label}</option>`;
          })}
        </select>
      </label>
      <label class="month-field">
        <span>${v.t[`${name}YearLabel` as const]}</span>
        <input
          name=${`${name}-year`}
          inputmode="numeric"
          size="4"
          aria-invalid=${invalid}
          aria-describedby=${described}
          .value=${value.slice(0, -3)}
        />
      </label>
    </div>`;
  };
  return html`<fieldset id="period-controls" class="period" part="period">
    <legend class="visually-hidden">${v.t.periodLabel}</legend>
    ${field('from')} ${field('to')}
    <div class="presets" role="group" aria-label=${v.t.presetsLabel}>
      ${PERIOD_PRESETS.map(
        (p) =>
          html`<button
            type="button"
            class="button preset"
            aria-pressed=${p === active}
            @click=${() => v.onPreset(p)}
          >
            ${v.t.presets[p]}
          </button>`,
      )}
    </div>
    ${
      v.error ? html`<p id="period-error" class="field-error" role="alert">${v.error}</p>` : nothing
    }
  </fieldset>`;
}
