/**
 * Statistics and table output shared by `bench/run.mjs` and its suites in other files
 * (`bench/cold.mjs`): rounding, medians, nearest-rank percentiles, text and Markdown tables.
 */

export const r1 = (v) =>
  v === null || v === undefined || Number.isNaN(v) ? null : Math.round(v * 10) / 10;
export const r2 = (v) => (v === null || v === undefined ? null : Math.round(v * 100) / 100);

export function median(values) {
  const s = values.filter((v) => typeof v === 'number').sort((a, b) => a - b);
  if (!s.length) return null;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Nearest-rank percentile. */
export function percentile(values, p) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

export const stats = (values) => ({
  median: r1(median(values)),
  max: r1(Math.max(...values)),
  runs: values,
});

export function textTable(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) => String(c).padEnd(widths[i])).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

export function mdTable(header, rows) {
  const esc = (c) =>
    String(c)
      .replace(/\|/g, '\\|')
      .replace(/</g, '&lt;')
      .replace(/([*_])/g, '\\$1');
  return [
    `| ${header.map(esc).join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(esc).join(' | ')} |`),
  ].join('\n');
}

export function fmt(v, unit = ' ms') {
  return v === null || v === undefined ? 'n/a' : `${v}${unit}`;
}

/** Markdown sections (`{ title, header, rows }`) under `###` headings. */
export const mdSections = (list) =>
  list.flatMap((x) => ['', `### ${x.title}`, '', mdTable(x.header, x.rows)]);

/** Text sections for the console. */
export const textSections = (list) =>
  list.map((x) => `\n${x.title}\n${textTable(x.header, x.rows)}`);
