// Issue 20: the integrations generated from the manifest (scripts/generate-integrations.mjs),
// as shipped in dist/: the editors' files name every tag, attribute, event and CSS property of
// the manifest (the global `--inv-*` tokens included), and the React wrappers stay out of
// everything else. Their types are checked by host-types.test.mjs; this checks their content.
// Runs under Node after the build: `npm run build && node --test test/package/`.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { URL, fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dir = path.join(root, 'dist/integrations');
if (!existsSync(path.join(dir, 'web-types.json'))) {
  throw new Error('dist/integrations/ is missing: run `npm run build` first.');
}
const json = (name) => JSON.parse(readFileSync(path.join(dir, name), 'utf8'));
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const manifest = JSON.parse(readFileSync(path.join(root, 'custom-elements.json'), 'utf8'));
const elements = manifest.modules
  .flatMap((m) => m.declarations ?? [])
  .filter((d) => d.tagName)
  .sort((a, b) => a.tagName.localeCompare(b.tagName));
const TAGS = elements.map((d) => d.tagName);
const names = (list) => (list ?? []).map((x) => x.name).sort();

describe('VS Code custom data', () => {
  const html = json('vscode.html-custom-data.json');
  const css = json('vscode.css-custom-data.json');

  test('HTML: the four tags with every attribute of the manifest, enum values included', () => {
    assert.equal(html.version, 1.1);
    assert.deepEqual(html.tags.map((t) => t.name).sort(), TAGS);
    for (const element of elements) {
      const tag = html.tags.find((t) => t.name === element.tagName);
      assert.deepEqual(names(tag.attributes), names(element.attributes), element.tagName);
      for (const event of element.events)
        assert.match(tag.description.value, new RegExp(event.name));
    }
    const viewer = html.tags.find((t) => t.name === 'invoice-viewer');
    const values = (name) =>
      viewer.attributes.find((a) => a.name === name).values?.map((v) => v.name);
    assert.deepEqual(values('flow'), ['existing', 'generation']);
    assert.deepEqual(values('theme'), ['light', 'dark']);
  });

  test('CSS: every CSS property of the four tags, the global --inv-* tokens included', () => {
    const all = [...new Set(elements.flatMap((e) => names(e.cssProperties)))].sort();
    assert.deepEqual(names(css.properties), all);
    assert.ok(css.properties.filter((p) => p.name.startsWith('--inv-')).length >= 30);
    assert.ok(css.properties.every((p) => p.description.value.length > 0));
  });
});

describe('JetBrains web-types', () => {
  const webTypes = json('web-types.json');

  test('package.json points to it; name and version are the package’s', () => {
    assert.equal(path.resolve(root, pkg['web-types']), path.join(dir, 'web-types.json'));
    assert.equal(webTypes.name, pkg.name);
    assert.equal(webTypes.version, pkg.version);
  });

  test('the four tags with their attributes, events, properties, CSS properties and parts', () => {
    const found = webTypes.contributions.html.elements;
    assert.deepEqual(found.map((e) => e.name).sort(), TAGS);
    for (const element of elements) {
      const e = found.find((x) => x.name === element.tagName);
      assert.deepEqual(names(e.attributes), names(element.attributes));
      assert.deepEqual(names(e.events), names(element.events));
      const own = element.cssProperties.filter((p) => !p.name.startsWith('--inv-'));
      assert.deepEqual(names(e.css.properties), names(own));
      assert.deepEqual(names(e.css.parts), names(element.cssParts));
      assert.ok(e.js.properties.some((p) => p.name === 'backend'));
    }
    // The global tokens once, for every tag.
    const global = webTypes.contributions.css.properties.filter((p) => p.name.startsWith('--inv-'));
    assert.ok(global.length >= 30 && global.some((p) => p.name === '--inv-radius'));
  });
});

describe('React and Vue entries', () => {
  test('the wrappers map each event of the manifest to an on… prop', () => {
    const code = readFileSync(path.join(dir, 'react.js'), 'utf8');
    for (const element of elements) {
      for (const event of element.events) {
        const prop = `on${event.name.replace(/(^|-)([a-z])/g, (_, __, c) => c.toUpperCase())}`;
        assert.match(code, new RegExp(`${prop}: '${event.name}'`));
      }
    }
  });

  test('nothing else in dist/ imports the React wrappers, react or @lit/react', () => {
    const files = readdirSync(path.join(root, 'dist'), { recursive: true })
      .filter((f) => f.endsWith('.js') && !f.startsWith('integrations'))
      .map((f) => path.join(root, 'dist', f));
    for (const file of files) {
      const code = readFileSync(file, 'utf8');
      assert.doesNotMatch(code, /from\s*["'](react|@lit\/react)["']|integrations\/react/, file);
    }
  });

  test('the JSX and Vue types name every settable property and every event', () => {
    const jsx = readFileSync(path.join(dir, 'react-jsx.d.ts'), 'utf8');
    const vue = readFileSync(path.join(dir, 'vue.d.ts'), 'utf8');
    for (const element of elements) {
      for (const event of element.events) {
        assert.ok(jsx.includes(`'on${event.name}'?:`), `${event.name} in react-jsx.d.ts`);
        assert.ok(vue.includes(`'${event.name}':`), `${event.name} in vue.d.ts`);
      }
      assert.ok(jsx.includes(`'${element.tagName}':`));
      assert.ok(vue.includes(`'${element.tagName}':`));
    }
  });
});
