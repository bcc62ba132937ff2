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
 * **Inside a cell, after a separator** (issue 18): a reader may split the file on another
 * separator than the one it was written with (a `,` file opened where the list separator is `;`,
 * a tab or `|`), or on lines without honouring quotes. Quotes in mid-field are literal to such a
 * reader, so it starts a new cell after any `,` `;` tab `|` CR or LF inside one of our quoted
 * cells. So after each of those characters, when the rest of the cell, skipping white space,
 * controls, format characters and `"` (a reader may take a quote there as the start of a quoted
 * field and drop it), begins with a trigger, a `'` is inserted right after the separator:
 * `a;=1+1` is written `a;'=1+1`, `x,\n@SUM(1)` is written `x,'\n@SUM(1)`. Not after a separator
 * that the same reader would split on again at once (the cell it starts is empty): the same
 * separator doubled (`;;`), or a line break followed by another (`\r\n`); the cell after the
 * second one is checked instead. The first cell of a value is guarded as above.
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

/** Characters some reader starts a new cell (or row) after: every dialect's and a line break. */
const SEPARATORS = /[,;\t|\r\n]/g;
const LINE_BREAK = /^[\r\n]$/;

/** A trigger after a separator, past what a reader skips there (sticky: tested at an index). */
const DANGEROUS_AFTER = new RegExp(`[\\s\\p{Cc}\\p{Cf}"]*[${TRIGGERS}]`, 'uy');

/** Whether a reader splitting at `separator` would split again on `next` at once (an empty cell). */
function splitsAgain(separator: string, next: string | undefined): boolean {
  if (next === undefined) return false;
  return next === separator || (LINE_BREAK.test(separator) && LINE_BREAK.test(next));
}

/** `text` with a `'` after each separator followed by something formula-like (see above). */
function guardAfterSeparators(text: string): string {
  let out = '';
  let last = 0;
  for (const m of text.matchAll(SEPARATORS)) {
    const at = m.index + 1;
    if (splitsAgain(m[0], text[at])) continue;
    DANGEROUS_AFTER.lastIndex = at;
    if (!DANGEROUS_AFTER.test(text)) continue;
    out += `${text.slice(last, at)}'`;
    last = at;
  }
  return last === 0 ? text : out + text.slice(last);
}

/**
 * The text made safe for a spreadsheet cell, whatever separator the reader splits on: prefixed
 * with `'` when it could run as a formula, and a `'` after any separator inside it that is
 * followed by something that could (see above).
 */
export function neutraliseCell(text: string): string {
  const inside = guardAfterSeparators(text);
  return isFormulaLike(inside) ? `'${inside}` : inside;
}
