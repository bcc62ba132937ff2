/**
 * Server text made safe to lay out (docs/RULES.md, Limits): bounded in length and without the
 * bidi controls that could reorder what surrounds it. For display only: the exports (CSV, PDF,
 * print) and the events keep the full value. No Lit here.
 *
 * The most characters (UTF-16 code units, before the `…`) shown of a field, mirrored as
 * `maxLength` in docs/openapi.yaml: {@link ID_MAX} for identifiers and labels (document ID,
 * provider name, SKU, custom-field label, rate source, an unknown status, a tax ID, the issuer's
 * phone), {@link NAME_MAX} for names (customer name and e-mail, line group, history author, the
 * issuer's name, e-mail and website, each address line), {@link TEXT_MAX} for prose (line
 * description, custom-field value, payment instructions).
 */
export const ID_MAX = 100;
export const NAME_MAX = 200;
export const TEXT_MAX = 500;

/**
 * `text` cut to at most `max` code units at a grapheme boundary (never inside a surrogate pair,
 * an emoji sequence or a letter and its marks), with `…` when cut. Only the start is segmented:
 * the cost does not grow with the text.
 */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = 0;
  for (const { index } of new Intl.Segmenter().segment(text.slice(0, max + 1))) {
    if (index > max) break;
    end = index;
  }
  return `${text.slice(0, end)}…`;
}

/**
 * What the elements show of a server string, at most `max` code units: without embeddings,
 * overrides and isolates (U+202A–U+202E, U+2066–U+2069: an unbalanced one reorders what follows
 * it, and a long run costs the layout dearly; the elements isolate each value themselves), with
 * one mark (LRM, RLM, ALM) for a run of them, then {@link clip}ped.
 */
export function displayText(text: string, max = ID_MAX): string {
  return clip(
    text
      .replace(/[\u202A-\u202E\u2066-\u2069]/g, '')
      .replace(/([\u200E\u200F\u061C])[\u200E\u200F\u061C]+/g, '$1'),
    max,
  );
}

/**
 * {@link displayText} for a value placed inside a sentence (a translated message, an accessible
 * name, an announcement), where no element can isolate it: wrapped in FIRST STRONG ISOLATE …
 * POP DIRECTIONAL ISOLATE (U+2068, U+2069), so a right-to-left name cannot reorder the words
 * around it. The value itself holds no isolate any more, so the pair is always balanced.
 */
export function inSentence(text: string, max = ID_MAX): string {
  return `\u2068${displayText(text, max)}\u2069`;
}
