/**
 * No HTML sinks in src/ (issue 10): a scan of the source TEXT, independent of ESLint (which an
 * `eslint-disable` comment, a computed member or a missed file pattern could get around).
 * Comments are ignored; string literals are not (`el['innerHTML']` is still a sink).
 *
 * The scanner is tested on planted sources first, so this file fails when it stops finding.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
  mkdirSync,
} from 'node:fs';
import { join, relative } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** What counts as an HTML (or code-from-string) sink. */
export const SINKS = [
  { name: 'innerHTML', pattern: /\binnerHTML\b/ },
  { name: 'outerHTML', pattern: /\bouterHTML\b/ },
  { name: 'insertAdjacentHTML', pattern: /\binsertAdjacentHTML\b/ },
  { name: 'unsafeHTML', pattern: /\bunsafeHTML\b|directives\/unsafe-html/ },
  { name: 'unsafeSVG', pattern: /\bunsafeSVG\b|directives\/unsafe-svg/ },
  { name: 'eval', pattern: /(?<![\w.$])eval\s*\(|\[\s*['"`]eval['"`]\s*\]/ },
  { name: 'new Function', pattern: /\bnew\s+Function\s*\(|(?<![\w.$])Function\s*\(\s*['"`]/ },
  { name: 'document.write', pattern: /\.\s*write(?:ln)?\s*\(\s*[^)]*<|document\s*\.\s*write/ },
  { name: 'srcdoc', pattern: /\bsrcdoc\b/ },
  { name: 'createContextualFragment', pattern: /\bcreateContextualFragment\b/ },
  { name: 'string timer', pattern: /\bset(?:Timeout|Interval)\s*\(\s*['"`]/ },
];

/**
 * The source with comments blanked (strings, template literals and regular expressions kept;
 * newlines kept so line numbers stay right).
 */
export function stripComments(source) {
  let out = '';
  let i = 0;
  let quote = null;
  while (i < source.length) {
    const c = source[i];
    const next = source[i + 1];
    if (quote) {
      out += c;
      if (c === '\\') {
        out += next ?? '';
        i += 2;
        continue;
      }
      if (c === quote) quote = null;
      i++;
      continue;
    }
    if (c === '"' || c === "'" || c === '`') {
      quote = c;
      out += c;
      i++;
      continue;
    }
    if (c === '/' && next === '/') {
      while (i < source.length && source[i] !== '\n') i++;
      continue;
    }
    if (c === '/' && next === '*') {
      i += 2;
      while (i < source.length && !(source[i] === '*' && source[i + 1] === '/')) {
        if (source[i] === '\n') out += '\n';
        i++;
      }
      i += 2;
      continue;
    }
    out += c;
    i++;
  }
  return out;
}

/** Every sink in one source text: `{ sink, line, text }`. */
export function findSinks(source) {
  const findings = [];
  const lines = stripComments(source).split('\n');
  lines.forEach((text, index) => {
    for (const { name, pattern } of SINKS) {
      if (pattern.test(text)) findings.push({ sink: name, line: index + 1, text: text.trim() });
    }
  });
  return findings;
}

function sourceFiles(dir) {
  const files = [];
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) files.push(...sourceFiles(path));
    else if (/\.(?:[cm]?[jt]sx?)$/.test(entry)) files.push(path);
  }
  return files;
}

/** Every sink under a directory: `file:line sink — text`. */
export function scanTree(dir) {
  const report = [];
  for (const file of sourceFiles(dir)) {
    for (const f of findSinks(readFileSync(file, 'utf8'))) {
      report.push(`${relative(ROOT, file)}:${f.line} ${f.sink} — ${f.text}`);
    }
  }
  return report;
}

test('the scanner finds every kind of sink in planted code', () => {
  const planted = [
    ['el.innerHTML = x;', 'innerHTML'],
    ["el['innerHTML'] = x;", 'innerHTML'],
    ['node.outerHTML = x;', 'outerHTML'],
    ["el.insertAdjacentHTML('beforeend', x);", 'insertAdjacentHTML'],
    ["import { unsafeHTML } from 'lit/directives/unsafe-html.js';", 'unsafeHTML'],
    ['html`${unsafeSVG(x)}`', 'unsafeSVG'],
    ['eval(code);', 'eval'],
    ["globalThis['eval'](code);", 'eval'],
    ["const f = new Function('a', 'return a');", 'new Function'],
    ["Function('return this')();", 'new Function'],
    ['document.write(x);', 'document.write'],
    ['frame.srcdoc = x;', 'srcdoc'],
    ['range.createContextualFragment(x);', 'createContextualFragment'],
    ["setTimeout('run()', 10);", 'string timer'],
  ];
  for (const [code, sink] of planted) {
    const found = findSinks(code).map((f) => f.sink);
    assert.ok(found.includes(sink), `missed ${sink} in: ${code}`);
  }
});

test('the scanner ignores comments and innocent look-alikes', () => {
  const innocent = [
    '// never use innerHTML here',
    '/* no eval(x), no new Function() */',
    '/**\n * unsafeHTML is banned\n */',
    'const evaluation = retrieval(x);',
    'setTimeout(() => run(), 10);',
    'node.textContent = x;',
    "const url = 'https://example.com/a'; // innerHTML",
  ];
  for (const code of innocent) {
    assert.deepEqual(findSinks(code), [], `false positive in: ${code}`);
  }
});

test('the scanner reports a planted file with its path and line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'no-sinks-'));
  try {
    mkdirSync(join(dir, 'components'));
    writeFileSync(join(dir, 'components', 'bad.ts'), 'const a = 1;\n// ok\nhost.innerHTML = a;\n');
    const report = scanTree(dir);
    assert.equal(report.length, 1);
    assert.match(report[0], /bad\.ts:3 innerHTML/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('src/ has no HTML sinks, eval or new Function', () => {
  const report = scanTree(join(ROOT, 'src'));
  assert.deepEqual(report, [], `HTML sinks found in src/:\n${report.join('\n')}`);
});
