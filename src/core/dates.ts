/**
 * Dates from the backend (`generatedAt`, `dueDate`, a status change's `at`), formatted for
 * display: one function for the table, the viewer and any other place that shows one. No Lit.
 */

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * A date or date-time from the backend in `locale` (`Nov 30, 2026`, with `withTime`
 * `Nov 1, 2026, 9:00 AM`); the raw text when it does not parse.
 *
 * A date-only value (`2026-11-30`) is a calendar day: it shows that day in every time zone
 * (parsed as UTC midnight and shown in local time, it would be the previous day west of UTC),
 * and never with a time. A timestamp is shown in `timeZone` (an IANA name), by default the
 * user's own.
 */
export function formatDate(
  value: string,
  locale: string,
  withTime = false,
  timeZone?: string,
): string {
  const dateOnly = DATE_ONLY.test(value);
  // A date-only ISO value parses as UTC midnight: shown in UTC, it is its own calendar day.
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const time = withTime && !dateOnly;
  const zone = dateOnly ? 'UTC' : timeZone;
  const key = `${locale}|${time}|${zone}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, {
      dateStyle: 'medium',
      timeStyle: time ? 'short' : undefined,
      timeZone: zone,
    });
    formats.set(key, f);
  }
  return f.format(date);
}
