/**
 * The billing-period range of `<invoice-table>`: from month / to month plus presets.
 * Uses `<input type="month">` where the browser has it, and a text field with the `YYYY-MM`
 * pattern where it does not (Firefox, WebKit on desktop).
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

let monthSupported: boolean | undefined;

/** Whether this browser has a native month picker (checked once: `type` falls back to `text`). */
export function supportsMonthInput(): boolean {
  if (monthSupported === undefined) {
    const input = document.createElement('input');
    input.setAttribute('type', 'month');
    monthSupported = input.type === 'month';
  }
  return monthSupported;
}

/** The preset a period equals, if any. */
export function presetOf(period: BillingPeriod, today: Date): PeriodPreset | undefined {
  return PERIOD_PRESETS.find((p) => {
    const q = presetPeriod(p, today);
    return q.from === period.from && q.to === period.to;
  });
}

/** What the month fields say after an edit: a period, or a draft with what is wrong with it. */
export type MonthInput =
  | { period: BillingPeriod }
  | {
      draft: { from: string; to: string };
      error: 'invalidMonth' | 'periodOrder';
      field: 'from' | 'to';
    };

/** Reads an edit of one month field over the fields' current text. Pure. */
export function readMonthInput(
  current: { from: string; to: string },
  field: 'from' | 'to',
  value: string,
): MonthInput {
  const draft = { from: current.from, to: current.to, [field]: value };
  if (!isYearMonth(draft.from) || !isYearMonth(draft.to)) {
    return { draft, error: 'invalidMonth', field: isYearMonth(draft.from) ? 'to' : 'from' };
  }
  if (compareMonths(draft.from, draft.to) > 0) return { draft, error: 'periodOrder', field };
  return { period: { from: draft.from, to: draft.to } };
}

export interface PeriodRangeView {
  /** The values shown in the fields (may be a draft the user is still typing). */
  from: string;
  to: string;
  /** The period in force, for the preset buttons' pressed state. */
  period: BillingPeriod;
  today: Date;
  /** A message to show under the fields, or empty. */
  error: string;
  /** Which field the error is about. */
  errorField?: 'from' | 'to';
  native: boolean;
  t: InvoiceTableStrings;
  onChange: (field: 'from' | 'to', value: string) => void;
  onPreset: (preset: PeriodPreset) => void;
}

export function renderPeriodRange(v: PeriodRangeView) {
  const active = presetOf(v.period, v.today);
  const field = (name: 'from' | 'to', label: string, value: string) => {
    const invalid = v.error && v.errorField === name;
    return html`<label class="month-field">
      <span>${label}</span>
      <input
        name=${name}
        type=${v.native ? 'month' : 'text'}
        pattern=${v.native ? nothing : '[0-9]{4}-(0[1-9]|1[0-2])'}
        placeholder=${v.native ? nothing : v.t.monthPatternHint}
        inputmode=${v.native ? nothing : 'numeric'}
        aria-invalid=${invalid ? 'true' : 'false'}
        aria-describedby=${invalid ? 'period-error' : nothing}
        .value=${value}
        @change=${(e: Event) => v.onChange(name, (e.target as HTMLInputElement).value.trim())}
      />
    </label>`;
  };
  return html`<fieldset class="period" part="period">
    <legend>${v.t.periodLabel}</legend>
    <div class="period-fields">
      ${field('from', v.t.fromLabel, v.from)} ${field('to', v.t.toLabel, v.to)}
    </div>
    <div class="presets" role="group" aria-label=${v.t.presetsLabel}>
      ${PERIOD_PRESETS.map(
        (p) =>
          html`<button
            type="button"
            class="button preset"
            aria-pressed=${p === active ? 'true' : 'false'}
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

/** Validates a field value: a `YYYY-MM` month, or undefined. */
export function parseMonthField(value: string): string | undefined {
  return isYearMonth(value) ? value : undefined;
}
