/** Reads the text strings of an uncompressed (compress: false) PDF: every `(…) Tj` operand. */
export async function pdfText(blob: Blob): Promise<string[]> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  const raw = new TextDecoder('latin1').decode(bytes);
  const parts: string[] = [];
  const re = /\(((?:\\.|[^\\)])*)\)\s*Tj/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(raw))) parts.push(m[1].replace(/\\(.)/g, '$1'));
  return parts;
}
