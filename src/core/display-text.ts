/**
 * Server text made safe to lay out (docs/RULES.md, Limits): bounded in length and without the
 * bidi controls that could reorder what surrounds it. For display only: the exports (CSV, PDF,
 * print) and the events keep the full value. No Lit here.
 */

/**
 * The most characters (UTF-16 code units, before the ellipsis) shown of each field. Longer
 * values end in `…`. Mirrored as `maxLength` in docs/openapi.yaml.
 */
export const DISPLAY_MAX = {
  documentId: 100,
  customerName: 200,
  email: 254,
  providerName: 100,
  sku: 100,
  description: 500,
  group: 200,
  fieldLabel: 100,
  fieldValue: 500,
  staffName: 200,
  rateSource: 100,
  status: 50,
} as const;

/**
 * Explicit embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): removed, since an
 * unbalanced one in a name would reorder the text after it (an amount, a label), and a long run
 * costs the layout dearly. The elements isolate each value themselves (`dir="auto"`).
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
/** Runs of marks (LRM, RLM, ALM): kept, one for a run (they are legitimate in mixed text). */
const MARK_RUNS = /([\u200E\u200F\u061C])[\u200E\u200F\u061C]+/g;

/**
 * `text` cut to at most `max` code units at a grapheme boundary (never inside a surrogate pair,
 * an emoji sequence or a letter and its marks), with `…` when cut.
 */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  // Only the start is segmented: the cost does not grow with the text.
  const head = text.slice(0, max + 1);
  let end = 0;
  if (typeof Intl.Segmenter === 'function') {
    for (const { index } of new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(
      head,
    )) {
      if (index > max) break;
      end = index;
    }
  } else {
    end = max;
    const code = text.charCodeAt(max - 1);
    if (code >= 0xd800 && code < 0xdc00) end--;
  }
  return `${text.slice(0, end)}…`;
}

/** What the elements show of a server string: bidi controls removed, then {@link clip}ped. */
export function displayText(text: string, max: number): string {
  return clip(text.replace(BIDI_CONTROLS, '').replace(MARK_RUNS, '$1'), max);
}
