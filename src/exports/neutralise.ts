/**
 * Formula-injection defence for spreadsheet exports (OWASP "CSV Injection").
 *
 * A cell whose text starts with `=`, `+`, `-`, `@`, a tab, a carriage return or a line feed is
 * read as a formula by Excel, LibreOffice or Google Sheets. Such a cell gets a leading `'`,
 * which every spreadsheet shows as text. papaparse's `escapeFormulae` misses most of the cases
 * below, so we do it ourselves, on text cells only: the numeric amounts we generate (e.g.
 * `-12.50`) must stay numbers. Decided per character (docs/RULES.md, Security):
 *
 * - **Skipped before a trigger** (the cell is guarded when a trigger follows any run of them):
 *   - white space (`\s`: spaces, no-break and ideographic spaces): spreadsheets trim it;
 *   - controls (`\p{Cc}`: C0 U+0000–U+001F, DEL, C1 U+0080–U+009F): invisible, and readers drop
 *     or trim them on import;
 *   - format characters (`\p{Cf}`: soft hyphen U+00AD, Arabic letter mark U+061C, zero-width
 *     U+200B–U+200D, LRM/RLM U+200E/U+200F, embeddings and overrides U+202A–U+202E, U+2060–U+2064,
 *     isolates U+2066–U+2069, BOM U+FEFF): invisible, so a reader that drops them, or a user who
 *     cannot see them, meets the trigger first.
 * - **Triggers besides the ASCII ones**: every character whose compatibility form (NFKC) starts
 *   with one, because spreadsheets fold such forms in input (full-width U+FF1D ＝, U+FF0B ＋,
 *   U+FF0D －, U+FF20 ＠; small forms U+FE62 ﹢, U+FE63 ﹣, U+FE66 ﹦, U+FE6B ﹫; super- and
 *   subscript U+207A, U+207C, U+208A, U+208C; U+FB29 ﬩; U+2A75 ⩵, U+2A76 ⩶), and U+2212 − (the
 *   minus sign, which LibreOffice reads as `-` in a number or a formula).
 * - **Not triggers**: U+2795 ➕ and U+2796 ➖ (emoji dingbats; no compatibility form, no reader
 *   folds them), the dashes U+2010–U+2015 (punctuation): guarding them would alter ordinary text.
 *
 * No Lit here.
 */

/** Characters that start a formula (or a DDE payload) in a spreadsheet cell. */
const TRIGGERS =
  '=+\\-@\\t\\r\\n\\u2212\\uFF1D\\uFF0B\\uFF0D\\uFF20\\uFE62\\uFE63\\uFE66\\uFE6B' +
  '\\u207A\\u207C\\u208A\\u208C\\uFB29\\u2A75\\u2A76';

/** Leading characters a spreadsheet (or a reader) skips before reading a formula. */
const DANGEROUS = new RegExp(`^[\\s\\p{Cc}\\p{Cf}]*[${TRIGGERS}]`, 'u');

/** Whether a text cell would be read as a formula. */
export function isFormulaLike(text: string): boolean {
  return DANGEROUS.test(text);
}

/** The text made safe for a spreadsheet cell: prefixed with `'` when it could run as a formula. */
export function neutraliseCell(text: string): string {
  return isFormulaLike(text) ? `'${text}` : text;
}
