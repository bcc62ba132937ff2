/**
 * Formula-injection defence for spreadsheet exports (OWASP "CSV Injection").
 *
 * A cell whose text starts with `=`, `+`, `-`, `@`, a tab, a carriage return or a line feed is
 * read as a formula by Excel, LibreOffice or Google Sheets, also when spaces come first, and
 * some of them fold the full-width forms `＝ ＋ － ＠` into the ASCII ones. Such a cell gets a
 * leading `'`, which every spreadsheet shows as text. papaparse's `escapeFormulae` misses the
 * leading-space and full-width cases, so we do it ourselves, on text cells only: the numeric
 * amounts we generate (e.g. `-12.50`) must stay numbers.
 *
 * No Lit here.
 */

/** Characters that start a formula (or a DDE payload) in a spreadsheet cell. */
const TRIGGERS = '=+\\-@\\t\\r\\n\\uFF1D\\uFF0B\\uFF0D\\uFF20';

/**
 * Leading characters a spreadsheet skips before reading a formula: white space (including
 * no-break and ideographic spaces, which `\s` covers) and zero-width characters.
 */
const DANGEROUS = new RegExp(`^(?:[\\s\\u200B\\u200C\\u2060\\uFEFF]|\\u200D)*[${TRIGGERS}]`, 'u');

/** Whether a text cell would be read as a formula. */
export function isFormulaLike(text: string): boolean {
  return DANGEROUS.test(text);
}

/** The text made safe for a spreadsheet cell: prefixed with `'` when it could run as a formula. */
export function neutraliseCell(text: string): string {
  return isFormulaLike(text) ? `'${text}` : text;
}
