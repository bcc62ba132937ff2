/**
 * The fonts of the PDF: which family every text of the document is drawn in. Runs where the PDF
 * is made (the PDF worker, or the main-thread fallback), after jspdf has loaded. No Lit here.
 *
 * ## Our font
 * DejaVu Sans, regular and bold, subset to Latin (Latin-1, Latin Extended-A/B and Additional:
 * Polish, Czech, Turkish, Romanian, Vietnamese, …), Greek, Cyrillic, punctuation and currency
 * symbols (src/exports/fonts/README.md; made by scripts/make-pdf-font.mjs). jspdf embeds only the
 * glyphs a document uses, with a ToUnicode map, so the text is searchable and can be copied.
 *
 * The files are named by `new URL('./fonts/….ttf', import.meta.url)`, evaluated only when this
 * module loads, that is only with the PDF code:
 * - in the package and the single-file bundle, the PDF worker is one self-contained file
 *   (vite.config.ts, `workerBuild`), where Vite's library mode inlines each font as a `data:` URL;
 *   its bytes are decoded here, never fetched (no `connect-src data:` needed, docs/CSP.md);
 * - in Vite's dev server and app builds (the demo), and in web-test-runner, the URL is the `.ttf`
 *   file, fetched by the worker.
 *
 * ## The host's font
 * A host that writes names our font cannot draw (CJK, Arabic, …) gives its own TrueType font
 * (`setPdfFonts`, `PdfOptions.fonts`, pdf.ts): bytes, or a URL checked and fetched here. A font
 * that cannot be used (refused URL, not loaded, not TrueType, unreadable) gives a warning and the
 * PDF is made with our font; it never fails the PDF.
 *
 * ## Characters no font can draw
 * jspdf leaves out a character its font lacks (or cuts the text short there). Here such a
 * character is drawn as U+FFFD (�, read back as that) and named in a warning of the result.
 */
import type { jsPDF } from 'jspdf';
import { checkedDownloadUrl } from '../core/urls.js';
import { fetchChecked } from './checked-fetch.js';
import type { PdfFonts } from './pdf-protocol.js';

/** The font family names registered in a document: one for regular text, one for bold. */
export interface PdfFontFaces {
  regular: { family: string; style: string };
  bold: { family: string; style: string };
}

/** What a document's fonts found to say: filled while it is drawn, read with {@link fontWarnings}. */
export interface PdfFontReport {
  /** Problems found while setting up the fonts (a host font that could not be used). */
  warnings: string[];
  /** Characters that no registered font could draw, in the order met. */
  missing: Set<string>;
}

/** What {@link setUpPdfFonts} takes besides the document. */
export interface PdfFontOptions {
  /** The host's font, URLs already checked (pdf.ts) and absolute. */
  fonts?: PdfFonts;
  /** Where the warnings go; none are kept without one. */
  report?: PdfFontReport;
}

/** An empty {@link PdfFontReport}. */
export function newFontReport(): PdfFontReport {
  return { warnings: [], missing: new Set() };
}

/** The warnings of a report, the characters no font could draw among them (one warning). */
export function fontWarnings(report: PdfFontReport): string[] {
  if (report.missing.size === 0) return [...report.warnings];
  const chars = [...report.missing];
  const named = chars
    .slice(0, 20)
    .map((c) => `${c} (U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`)
    .join(', ');
  const more = chars.length > 20 ? ` and ${chars.length - 20} more` : '';
  return [
    ...report.warnings,
    `The PDF's font cannot draw ${named}${more}: drawn as \uFFFD. Give a font that has them (setPdfFonts).`,
  ];
}

const BUILT_IN = {
  regular: new URL('./fonts/dejavu-sans.ttf', import.meta.url),
  bold: new URL('./fonts/dejavu-sans-bold.ttf', import.meta.url),
};
const BUILT_IN_FAMILY = 'DejaVuSans';
const HOST_FAMILY = 'HostFont';
/** `00 01 00 00`: the version of a TrueType font with glyf outlines, the only kind jspdf embeds. */
const TRUETYPE = '\x00\x01\x00\x00';

/** A font file as jspdf's virtual file system wants it: a binary string, or base64 text. */
type FontFile = string;

let builtIn: Promise<{ regular: FontFile; bold: FontFile }> | undefined;

/** Registers the document's fonts in `doc` and says which to use. */
export async function setUpPdfFonts(
  doc: jsPDF,
  options: PdfFontOptions = {},
): Promise<PdfFontFaces> {
  const report = options.report ?? newFontReport();
  const host = options.fonts ? await hostFonts(options.fonts, report) : undefined;
  // Ours: read once per worker (or page, in the fallback), and only when used.
  builtIn ??= host
    ? undefined
    : Promise.all([fontFile(BUILT_IN.regular.href), fontFile(BUILT_IN.bold.href)]).then(
        ([regular, bold]) => ({ regular, bold }),
      );
  const files = host ?? (await builtIn)!;
  const family = host ? HOST_FAMILY : BUILT_IN_FAMILY;
  const fills = new Map([
    register(doc, `${family}-normal.ttf`, files.regular, family, 'normal', report),
    register(doc, `${family}-bold.ttf`, files.bold, family, 'bold', report),
  ]);
  // Every text is drawn through `doc.text` (ours and autotable's): its characters are looked up
  // there first, in the font it is drawn in, before jspdf reads them.
  const text = doc.text.bind(doc) as (content: unknown, ...rest: unknown[]) => jsPDF;
  const active = doc.getFont.bind(doc) as unknown as () => { metadata?: TtfFont };
  doc.text = ((content: unknown, ...rest: unknown[]): jsPDF => {
    const fill = fills.get(active().metadata);
    for (const line of [content].flat()) if (fill && typeof line === 'string') fill(line);
    return text(content, ...rest);
  }) as jsPDF['text'];
  return {
    regular: { family, style: 'normal' },
    bold: { family, style: 'bold' },
  };
}

/** The host's fonts, read and checked; `undefined` (with a warning) when one cannot be used. */
async function hostFonts(
  fonts: PdfFonts,
  report: PdfFontReport,
): Promise<{ regular: FontFile; bold: FontFile } | undefined> {
  try {
    const regular = await hostFont(fonts.regular);
    const bold = fonts.bold === undefined ? regular : await hostFont(fonts.bold);
    return { regular, bold };
  } catch (error) {
    report.warnings.push(
      `The host's PDF font could not be used (${error instanceof Error ? error.message : String(error)}); the PDF uses the built-in font.`,
    );
    return undefined;
  }
}

async function hostFont(source: ArrayBuffer | string): Promise<FontFile> {
  const file =
    typeof source === 'string' ? await fontFile(checkedUrl(source)) : binaryString(source);
  if (!file.startsWith(TRUETYPE)) {
    const tag = file.slice(0, 4);
    throw new Error(
      tag === 'OTTO'
        ? 'an OpenType font with CFF outlines; give a TrueType (.ttf) font'
        : tag === 'wOFF' || tag === 'wOF2'
          ? 'a WOFF font; give a TrueType (.ttf) font'
          : 'not a TrueType (.ttf) font',
    );
  }
  const { jsPDF } = await import('jspdf');
  const { TTFFont } = jsPDF.API as unknown as { TTFFont: { open(bytes: Uint8Array): TtfFont } };
  // Read once here, so that a broken file is a warning, not a document with a broken font.
  const font = TTFFont.open(Uint8Array.from(file, (c) => c.charCodeAt(0)));
  if (!font.cmap?.unicode) throw new Error('the font has no Unicode character map');
  return file;
}

/**
 * The rule of every URL (core/urls.ts): https, or the page's own origin, which is the worker's
 * (a worker is always of its page's origin). Relative URLs were resolved on the page (pdf.ts).
 */
function checkedUrl(raw: string): string {
  const url = checkedDownloadUrl(raw, raw, globalThis.location?.origin ?? null);
  if (!url) throw new Error(`${JSON.stringify(raw)} is refused (https or the page's origin only)`);
  return url.href;
}

/**
 * The largest host font fetched: 32 MB (a full CJK TrueType font is 15–20 MB). Like the logo,
 * a font URL is held to the URL rule wherever a redirect lands (checked-fetch.ts).
 */
const FONT_MAX_BYTES = 32 * 1024 * 1024;

/** A font file's content: a `data:` URL decoded here (base64 as it is), anything else fetched. */
async function fontFile(href: string): Promise<FontFile> {
  if (href.startsWith('data:')) {
    const comma = href.indexOf(',');
    const data = href.slice(comma + 1);
    return /;base64$/i.test(href.slice(0, comma)) ? data : decodeURIComponent(data);
  }
  try {
    const pageOrigin = globalThis.location?.origin ?? null;
    return binaryString(await fetchChecked(href, { pageOrigin, maxBytes: FONT_MAX_BYTES }));
  } catch (error) {
    throw new Error(`${href}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function binaryString(buffer: ArrayBuffer | Uint8Array): string {
  const bytes = buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer);
  let out = '';
  // In slices: `String.fromCharCode(...bytes)` of a whole font overflows the call stack.
  for (let i = 0; i < bytes.length; i += 0x2000) {
    out += String.fromCharCode(...bytes.subarray(i, i + 0x2000));
  }
  return out;
}

/** What this module uses of jspdf's parsed TrueType font (not in jspdf's types). */
interface TtfFont {
  cmap?: { unicode?: { codeMap: Record<number, number> } | null };
  toUnicode: Record<number, number>;
}

/**
 * Adds a font to `doc`. Returns its parsed font and what makes the characters of a text that the font lacks draw
 * as U+FFFD (or `?`), instead of being left out or cutting the text short (what jspdf does with
 * a character without a glyph): they are given that glyph in the font's character map (which
 * jspdf reads), and noted in `report.missing`.
 */
function register(
  doc: jsPDF,
  file: string,
  data: FontFile,
  family: string,
  style: string,
  report: PdfFontReport,
): [TtfFont | undefined, (text: string) => void] {
  doc.addFileToVFS(file, data);
  doc.addFont(file, family, style, 'Identity-H');
  const getFont = doc.getFont.bind(doc) as unknown as (
    family: string,
    style: string,
  ) => { metadata?: TtfFont };
  const font = getFont(family, style).metadata;
  const codeMap = font?.cmap?.unicode?.codeMap;
  if (!font || !codeMap) return [font, () => undefined];
  const stand = codeMap[0xfffd] ? 0xfffd : 0x3f;
  const replacement = codeMap[stand] ?? 0;
  // The replacement glyph reads back as what it is, whatever it replaced (ToUnicode map).
  Object.defineProperty(font.toUnicode, replacement, {
    get: () => stand,
    set: () => undefined,
    enumerable: true,
  });
  const fill = (text: string): void => {
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      // Control characters: as jspdf has them (left out).
      if (code < 0x20 || codeMap[code]) continue;
      // A character outside the BMP is two UTF-16 units, each looked up by jspdf.
      const pair = code >= 0xd800 && code < 0xdc00 && /[\udc00-\udfff]/.test(text[i + 1] ?? '');
      report.missing.add(text.slice(i, pair ? i + 2 : i + 1));
      codeMap[code] = replacement;
      if (pair) codeMap[text.charCodeAt(++i)] = replacement;
    }
  };
  return [font, fill];
}
