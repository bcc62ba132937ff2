// The pt-BR and es strings load on demand (issue 9): an English page does not download them.
// Follows the built files' static imports from each entry (the package's modules and the
// single-file bundle): none holds a Portuguese or Spanish string, and the dynamic imports
// reached from them lead to the chunks that do.
// Runs under Node after the build: `npm run build && node --test test/package/`.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import { URL, fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL('../../dist/', import.meta.url));

/** Strings that only the pt-BR and es modules hold ("Draft" and "Update status"). */
const PT_BR = ['Rascunho', 'ATUALIZAR STATUS'];
const ES = ['Borrador', 'ACTUALIZAR ESTADO'];

const STATIC = [
  /(?:^|[;}\n])\s*(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["'](\.{1,2}\/[^"'\s]+)["']/g,
];
const DYNAMIC = [/\bimport\(\s*["'](\.{1,2}\/[^"'\s]+)["']\s*\)/g];

const read = (file) => readFileSync(file, 'utf8');

function refs(file, patterns) {
  const code = read(file);
  const found = [];
  for (const pattern of patterns) {
    for (const m of code.matchAll(pattern)) found.push(path.resolve(path.dirname(file), m[1]));
  }
  return found;
}

/** The files an entry loads before any dynamic import, and the dynamic imports they hold. */
function graph(entry) {
  const loaded = new Set([entry]);
  const queue = [entry];
  const lazy = new Set();
  while (queue.length) {
    const file = queue.shift();
    for (const ref of refs(file, STATIC)) {
      assert.ok(existsSync(ref), `${path.relative(dist, file)} imports a missing ${ref}`);
      if (!loaded.has(ref)) {
        loaded.add(ref);
        queue.push(ref);
      }
    }
    for (const ref of refs(file, DYNAMIC)) lazy.add(ref);
  }
  return { loaded: [...loaded], lazy: [...lazy].filter((f) => !loaded.has(f)) };
}

const ENTRIES = [
  'index.js',
  'define.js',
  'components/invoice-table.js',
  'components/invoice-viewer.js',
  'components/status-updater.js',
  'components/download-menu.js',
  'invoice-elements.bundle.js',
];

describe('pt-BR and es load on demand', () => {
  before(() => {
    if (!existsSync(`${dist}index.js`) || !existsSync(`${dist}invoice-elements.bundle.js`)) {
      throw new Error('dist/ is missing or incomplete: run `npm run build` first.');
    }
  });

  for (const entry of ENTRIES) {
    test(`${entry}: no Portuguese or Spanish string is loaded statically`, () => {
      const { loaded } = graph(path.join(dist, entry));
      assert.ok(loaded.length >= 1);
      for (const file of loaded) {
        const code = read(file);
        for (const word of [...PT_BR, ...ES]) {
          assert.ok(!code.includes(word), `${path.relative(dist, file)} contains “${word}”`);
        }
      }
    });
  }

  for (const entry of ['index.js', 'invoice-elements.bundle.js']) {
    test(`${entry}: the pt-BR and es strings are in chunks it imports dynamically`, () => {
      const { lazy } = graph(path.join(dist, entry));
      const holding = (words) =>
        lazy.filter((file) => existsSync(file) && words.every((w) => read(file).includes(w)));
      assert.equal(holding(PT_BR).length, 1, 'one lazy chunk holds the pt-BR strings');
      assert.equal(holding(ES).length, 1, 'one lazy chunk holds the es strings');
      assert.notEqual(holding(PT_BR)[0], holding(ES)[0], 'pt-BR and es are separate chunks');
    });
  }
});
