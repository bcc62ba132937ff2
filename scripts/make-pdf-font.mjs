#!/usr/bin/env node
// Makes the PDF's embedded font (issue 18): DejaVu Sans, regular and bold, from the npm package
// `dejavu-fonts-ttf`, subset with harfbuzz (npm `subset-font`, a dev dependency) to the scripts a
// customer's name is written in, and written to src/exports/fonts/ with the licence. Run it again
// after a change of the ranges or of the source package; commit the files it writes.
//
//   node scripts/make-pdf-font.mjs
//
// jspdf draws text character by character from the font's cmap (no shaping: no GSUB/GPOS), and
// embeds in each PDF only the glyphs that PDF uses; so the layout tables and the hinting are left
// out here (smaller file, nothing drawn differently).
import { readFile, writeFile, copyFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import subsetFont from 'subset-font';

const require = createRequire(import.meta.url);
const source = dirname(require.resolve('dejavu-fonts-ttf/package.json'));
const { version } = JSON.parse(await readFile(join(source, 'package.json'), 'utf8'));
const out = join(import.meta.dirname, '..', 'src', 'exports', 'fonts');

/** The Unicode ranges kept (inclusive), with what they are for. */
const RANGES = [
  [0x0020, 0x007e, 'Basic Latin'],
  [0x00a0, 0x00ff, 'Latin-1 Supplement'],
  [0x0100, 0x017f, 'Latin Extended-A (Polish, Czech, Turkish, …)'],
  [0x0180, 0x024f, 'Latin Extended-B (Romanian ș ț, …)'],
  [0x02b0, 0x02ff, 'Spacing Modifier Letters'],
  [0x0300, 0x036f, 'Combining Diacritical Marks'],
  [0x0370, 0x03ff, 'Greek and Coptic'],
  [0x0400, 0x052f, 'Cyrillic and Cyrillic Supplement'],
  [0x1e00, 0x1eff, 'Latin Extended Additional (Vietnamese)'],
  [0x2000, 0x206f, 'General Punctuation'],
  [0x20a0, 0x20cf, 'Currency Symbols'],
  [0x2100, 0x214f, 'Letterlike Symbols (№, ™)'],
  [0x2190, 0x2193, 'Arrows ← ↑ → ↓'],
  [0x2212, 0x2212, 'Minus sign'],
  [0xfffd, 0xfffd, 'Replacement character'],
];

const text = RANGES.map(([from, to]) => {
  let s = '';
  for (let c = from; c <= to; c++) s += String.fromCodePoint(c);
  return s;
}).join('');

const faces = [
  ['DejaVuSans.ttf', 'dejavu-sans.ttf'],
  ['DejaVuSans-Bold.ttf', 'dejavu-sans-bold.ttf'],
];
for (const [from, to] of faces) {
  const original = await readFile(join(source, 'ttf', from));
  const subset = await subsetFont(original, text, {
    targetFormat: 'truetype',
    noHinting: true,
    keepFeatures: [],
    dropTables: ['GSUB', 'GPOS', 'GDEF', 'kern', 'FFTM', 'DSIG', 'hdmx', 'VDMX', 'LTSH'],
  });
  await writeFile(join(out, to), subset);
  const kB = (n) => `${(n / 1024).toFixed(1)} kB`;
  console.log(
    `${to}: ${kB(subset.length)} (gzip ${kB(gzipSync(subset, { level: 9 }).length)}), from ${from} ${kB(original.length)}`,
  );
}
await copyFile(join(source, 'LICENSE'), join(out, 'LICENSE-DejaVu.txt'));
console.log(`dejavu-fonts-ttf ${version}`);
