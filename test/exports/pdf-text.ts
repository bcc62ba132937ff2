/** Reads the text strings of an uncompressed (compress: false) PDF: every `(…) Tj` operand. */
export async function pdfText(blob: Blob): Promise<string[]> {
  return stringsOf(await latin1(blob));
}

/**
 * The text strings of each page of an uncompressed PDF, in page order: the pages of the page
 * tree (`/Kids`), each page's content stream (`/Contents n 0 R`) read like {@link pdfText}.
 */
export async function pdfPages(blob: Blob): Promise<string[][]> {
  const raw = await latin1(blob);
  const object = (n: string): string => {
    const start = raw.search(new RegExp(`(^|\\s)${n} 0 obj\\b`));
    return start < 0 ? '' : raw.slice(start, raw.indexOf('endobj', start));
  };
  const root = /\/Type\s*\/Pages\b[^]*?\/Kids\s*\[([^\]]*)\]/.exec(raw);
  const kids = [...(root?.[1] ?? '').matchAll(/(\d+) 0 R/g)].map((m) => m[1]);
  return kids.map((page) => {
    const contents = /\/Contents\s+(\d+) 0 R/.exec(object(page));
    return contents ? stringsOf(object(contents[1])) : [];
  });
}

async function latin1(blob: Blob): Promise<string> {
  return new TextDecoder('latin1').decode(new Uint8Array(await blob.arrayBuffer()));
}

function stringsOf(raw: string): string[] {
  const parts: string[] = [];
  const re = /\(((?:\\.|[^\\)])*)\)\s*Tj/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(raw))) parts.push(m[1].replace(/\\(.)/g, '$1'));
  return parts;
}
