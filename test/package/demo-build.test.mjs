// The static demo (npm run build:demo, run by npm test before the Node tests) still registers
// the elements: a wrong `sideEffects` in package.json once let the bundler drop
// `src/define.ts` from every app build of our own source, leaving bare, unupgraded tags.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const assets = fileURLToPath(new URL('../../demo-dist/assets/', import.meta.url));

test(
  'the demo build keeps the registration of the four tags',
  { skip: !existsSync(assets) && 'no demo-dist: run npm run build:demo' },
  () => {
    const code = readdirSync(assets)
      .filter((f) => f.endsWith('.js'))
      .map((f) => readFileSync(assets + f, 'utf8'))
      .join('\n');
    assert.match(code, /customElements\.define|\.define\(/);
    for (const tag of ['invoice-table', 'invoice-viewer', 'status-updater', 'download-menu']) {
      assert.ok(code.includes(`"${tag}"`), `${tag} is registered by the demo build`);
    }
    // The registration function is called, not only defined: the entry calls it with no names.
    assert.match(code, /defineInvoiceElements\(\)|[\w$]+\(\);/);
  },
);
