/**
 * Reading the CSV files back as a program would (papaparse, with the dialect's delimiter), and
 * the invoice CSV's sections (docs/RULES.md, "CSV files") by label.
 */
import { expect } from '@open-wc/testing';
import Papa from 'papaparse';

/** A file's text with its byte order mark kept (`Blob.text()` drops it). */
export async function fileText(blob: Blob): Promise<string> {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(await blob.arrayBuffer());
}

/** The rows of a file, BOM checked (`bom`) and removed, parsed with `delimiter` and CRLF. */
export function readCsv(csv: string, delimiter: ',' | ';', bom = true): string[][] {
  expect(csv.charCodeAt(0) === 0xfeff, 'BOM').to.equal(bom);
  const result = Papa.parse<string[]>(bom ? csv.slice(1) : csv, { delimiter, newline: '\r\n' });
  expect(result.errors, JSON.stringify(result.errors)).to.deep.equal([]);
  return result.data;
}

/** Rows as records keyed by the first row (a table with a header row). */
export function records(rows: string[][]): Record<string, string>[] {
  const [header, ...body] = rows;
  return body.map((row) => {
    expect(row, JSON.stringify(row)).to.have.length(header.length);
    return Object.fromEntries(header.map((h, i) => [h, row[i]]));
  });
}

export interface InvoiceCsvSections {
  /** The header row of the fields section (`Field`, `Value`). */
  head: string[];
  fields: Record<string, string>;
  /** The lines table, group subtotal rows included, by column header. */
  lines: Record<string, string>[];
  totals: Record<string, string>;
}

/** The invoice CSV's three sections, separated by one empty row each. */
export function invoiceSections(rows: string[][]): InvoiceCsvSections {
  const blank = (r: string[]) => r.length === 1 && r[0] === '';
  const first = rows.findIndex(blank);
  const second = rows.findIndex((r, i) => i > first && blank(r));
  expect(first, 'an empty row after the fields').to.be.greaterThan(0);
  expect(second, 'an empty row after the lines').to.be.greaterThan(first);
  const pairs = (part: string[][]) => {
    for (const r of part) expect(r, JSON.stringify(r)).to.have.length(2);
    return Object.fromEntries(part.map(([k, v]) => [k, v]));
  };
  return {
    head: rows[0],
    fields: pairs(rows.slice(1, first)),
    lines: records(rows.slice(first + 1, second)),
    totals: pairs(rows.slice(second + 1)),
  };
}
