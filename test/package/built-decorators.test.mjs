// The package build applies each element's Lit decorators in one loop (`compactLitDecorators`,
// vite.config.ts): every `@property` and `@state` field of the sources must still be declared
// in dist/, with the same decorator, in the same class. The browser tests run on the sources,
// so this is what checks the rewrite did not drop or mix up a field.
// Runs under Node after the build: `npm run build && node --test test/package/`.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { test } from 'node:test';
import { URL, fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const chunks = `${root}dist/chunks`;
if (!existsSync(chunks)) throw new Error('dist/ is missing: run `npm run build` first.');

const SOURCES = [
  ['InvoiceElement', 'src/components/shared/invoice-element.ts'],
  ['InvoiceTable', 'src/components/invoice-table/invoice-table.ts'],
  ['InvoiceViewer', 'src/components/invoice-viewer/invoice-viewer.ts'],
  ['StatusUpdater', 'src/components/status-updater/status-updater.ts'],
  ['DownloadMenu', 'src/components/download-menu/download-menu.ts'],
];

/** `Class.name:decorator` for every decorated field of a source file, in order. */
function declared(cls, file) {
  const code = readFileSync(`${root}${file}`, 'utf8');
  const found = [];
  const field =
    /@(property|state)\((?:[^()]|\([^()]*\))*\)\s+(?:(?:private|protected|readonly|override|declare|get|set|accessor)\s+)*(\w+)/g;
  for (const m of code.matchAll(field)) found.push(`${cls}.${m[2]}:${m[1]}`);
  return found;
}

/** The same for the built chunks: the loops, and any `__decorate` call left as it was. */
function built() {
  const found = [];
  for (const name of readdirSync(chunks).filter((f) => f.endsWith('.js'))) {
    const code = readFileSync(`${chunks}/${name}`, 'utf8');
    const loop = /Object\.entries\(\{([\s\S]*?)\}\)\) decorate\((\w+)\.prototype, key\);/g;
    for (const [, body, cls] of code.matchAll(loop)) {
      for (const m of body.matchAll(/^\s*(\w+): (property|state)\(/gm)) {
        found.push(`${cls}.${m[1]}:${m[2]}`);
      }
    }
    const call = /__decorate\(\[(property|state)\([^()]*\)\], (\w+)\.prototype, "(\w+)"/g;
    for (const m of code.matchAll(call)) found.push(`${m[2]}.${m[3]}:${m[1]}`);
  }
  return found;
}

test('every decorated field of the sources is declared in the build, with its decorator', () => {
  const expected = SOURCES.flatMap(([cls, file]) => declared(cls, file)).sort();
  assert.ok(expected.length >= 50, `only ${expected.length} decorated fields found in src/`);
  assert.deepEqual(built().sort(), expected);
});

test('the build ships no __decorate helper once every call is rewritten', () => {
  for (const name of readdirSync(chunks).filter((f) => f.endsWith('.js'))) {
    const code = readFileSync(`${chunks}/${name}`, 'utf8');
    if (!code.includes('__decorate([')) {
      assert.ok(!/function __decorate\b/.test(code), `${name} still defines __decorate`);
    }
  }
});
