// The Custom Elements Manifest documents the public API of the four elements.
// Runs under Node after the analyzer: `npm run analyze && node --test test/package/`.
// Expected names are written by hand from the class JSDoc (the public contract). They are the
// must-haves: the manifest may list more, but never fewer, and every entry must be well formed.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { URL, fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const manifestPath = `${root}custom-elements.json`;
if (!existsSync(manifestPath)) {
  throw new Error(
    'custom-elements.json is missing: run `npm run analyze` ' +
      '(cem analyze --config custom-elements-manifest.config.mjs) first.',
  );
}
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));

const EXPECTED = {
  'invoice-table': {
    className: 'InvoiceTable',
    module: 'src/components/invoice-table/invoice-table.ts',
    attributes: ['customer-id', 'hide-search', 'from', 'to', 'page-size', 'selectable', 'audience'],
    events: {
      'invoice-open': ['invoiceId', 'summary'],
      'invoice-customer-change': ['customer'],
      'invoice-period-change': ['period'],
      'invoice-view-change': ['view', 'reason'],
      'invoice-bulk-status-change-request': ['invoiceIds', 'to', 'notify'],
      'invoice-status-change': ['invoice', 'from', 'to', 'notify'],
      'invoice-bulk-status-change': ['changed', 'conflicted', 'failed', 'notStarted'],
    },
    parts: [
      'toolbar',
      'search',
      'period',
      'filters',
      'table',
      'row',
      'status-badge',
      'error',
      'select-row',
      'bulk-bar',
      'bulk-dialog',
      'bulk-result',
      'retry-failed',
    ],
    cssProperties: ['--invoice-table-height'],
  },
  'invoice-viewer': {
    className: 'InvoiceViewer',
    module: 'src/components/invoice-viewer/invoice-viewer.ts',
    attributes: ['invoice-id', 'currency', 'open-sections', 'flow', 'audience'],
    events: {
      'invoice-currency-change': ['currency'],
      'invoice-section-toggle': ['section', 'open'],
      'invoice-discard-request': ['invoiceId', 'documentId'],
      'invoice-discard': ['invoiceId', 'documentId'],
    },
    parts: [
      'header',
      'document-id',
      'status-badge',
      'period',
      'currency-select',
      'section',
      'section-header',
      'section-body',
      'discard-button',
      'dialog',
    ],
    cssProperties: [
      '--invoice-viewer-section-bar-background',
      '--invoice-viewer-section-bar-color',
    ],
  },
  'status-updater': {
    className: 'StatusUpdater',
    module: 'src/components/status-updater/status-updater.ts',
    attributes: ['invoice-id', 'flow', 'audience'],
    events: {
      'invoice-status-change-request': ['invoiceId', 'from', 'to', 'notify'],
      'invoice-status-change': ['invoice', 'from', 'to', 'notify'],
    },
    parts: [
      'status-badge',
      'select',
      'button',
      'message',
      'dialog',
      'notify-toggle',
      'confirm-button',
      'cancel-button',
    ],
    cssProperties: ['--status-updater-dialog-background'],
  },
  'download-menu': {
    className: 'DownloadMenu',
    module: 'src/components/download-menu/download-menu.ts',
    attributes: ['invoice-id', 'currency', 'audience'],
    events: {
      'invoice-download-request': ['invoiceId', 'format', 'currency'],
      'invoice-download': ['invoiceId', 'format', 'filename', 'source'],
    },
    parts: ['button', 'menu'],
    cssProperties: ['--download-menu-background'],
  },
};

/**
 * Every declaration with a tag name, with its module. (The abstract base `InvoiceElement` is a
 * LitElement too, so the analyzer marks it `customElement`, but it has no tag.)
 */
function customElementDeclarations() {
  const found = [];
  for (const mod of manifest.modules ?? []) {
    for (const declaration of mod.declarations ?? []) {
      if (declaration.tagName) {
        found.push({ declaration, module: mod });
      }
    }
  }
  return found;
}

function declarationOf(tag) {
  const matches = customElementDeclarations().filter((d) => d.declaration.tagName === tag);
  assert.equal(matches.length, 1, `<${tag}> is declared ${matches.length} times`);
  return matches[0];
}

const names = (list) => (list ?? []).map((item) => item.name);

test('the manifest is schema version 1.x with modules', () => {
  assert.match(manifest.schemaVersion, /^[12]\./);
  assert.ok(Array.isArray(manifest.modules) && manifest.modules.length > 0);
});

test('exactly the four elements have a tag name', () => {
  const tags = customElementDeclarations()
    .map((d) => d.declaration.tagName)
    .sort();
  assert.deepEqual(tags, Object.keys(EXPECTED).sort());
});

for (const [tag, expected] of Object.entries(EXPECTED)) {
  describe(`<${tag}>`, () => {
    const { declaration, module } = declarationOf(tag);

    test('is the documented class, in its own module, with a definition export', () => {
      assert.equal(declaration.name, expected.className);
      assert.equal(module.path, expected.module);
      assert.ok(existsSync(`${root}${module.path}`), `${module.path} exists`);
      const definition = (module.exports ?? []).find(
        (e) => e.kind === 'custom-element-definition' && e.name === tag,
      );
      assert.ok(definition, 'custom-element-definition export');
      assert.equal(definition.declaration.name, expected.className);
    });

    test('extends InvoiceElement and has a summary', () => {
      assert.equal(declaration.superclass?.name, 'InvoiceElement');
      assert.equal(typeof declaration.summary, 'string');
      assert.ok(declaration.summary.trim().length > 10, 'summary is a sentence');
    });

    test('declares the documented attributes, all kebab-case and backed by a property', () => {
      const attributes = declaration.attributes ?? [];
      for (const name of expected.attributes) {
        assert.ok(names(attributes).includes(name), `attribute ${name}`);
      }
      for (const attribute of attributes) {
        // A Lit property without an explicit `attribute:` name shows up camelCased here.
        assert.match(attribute.name, /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, attribute.name);
        if (attribute.fieldName) {
          const member = (declaration.members ?? []).find((m) => m.name === attribute.fieldName);
          assert.ok(member, `attribute ${attribute.name} → property ${attribute.fieldName}`);
        }
      }
    });

    test('the audience attribute is inherited from InvoiceElement', () => {
      const audience = (declaration.attributes ?? []).find((a) => a.name === 'audience');
      assert.ok(audience, 'audience');
      assert.equal(audience.fieldName, 'audience');
      assert.equal(audience.inheritedFrom?.name, 'InvoiceElement');
    });

    test('declares the documented events, with their detail in words and in the type', () => {
      const events = declaration.events ?? [];
      for (const [name, detailKeys] of Object.entries(expected.events)) {
        const event = events.find((e) => e.name === name);
        assert.ok(event, `event ${name}`);
        assert.ok(event.description, `event ${name} is described`);
        for (const key of detailKeys) {
          assert.match(event.description, new RegExp(`\\b${key}\\b`), `${name} detail ${key}`);
        }
        assert.match(event.type?.text ?? '', /^CustomEvent<\w+>$/, `${name} detail type`);
      }
      for (const event of events) {
        assert.match(event.name, /^invoice-[a-z]+(-[a-z]+)*$/, `event name ${event.name}`);
        assert.ok(event.description, `event ${event.name} is described`);
      }
    });

    test('declares the documented parts, each described', () => {
      const parts = declaration.cssParts ?? [];
      for (const name of expected.parts) {
        assert.ok(names(parts).includes(name), `part ${name}`);
      }
      for (const part of parts) {
        assert.match(part.name, /^[a-z][a-z0-9-]*\*?$/, `part ${part.name}`);
        assert.ok(part.description, `part ${part.name} is described`);
      }
    });

    test('declares CSS custom properties named after the tag or the global tokens', () => {
      const properties = declaration.cssProperties ?? [];
      assert.ok(properties.length > 0, 'at least one CSS custom property');
      for (const name of expected.cssProperties) {
        assert.ok(names(properties).includes(name), `css property ${name}`);
      }
      for (const property of properties) {
        assert.ok(
          property.name.startsWith(`--${tag}-`) || property.name.startsWith('--inv-'),
          `css property ${property.name} is --${tag}-* or --inv-*`,
        );
        assert.ok(property.description, `css property ${property.name} is described`);
      }
    });

    test('documents the backend and strings properties (property only)', () => {
      const members = declaration.members ?? [];
      for (const name of ['backend', 'strings']) {
        const member = members.find((m) => m.name === name && m.kind === 'field');
        assert.ok(member, `property ${name}`);
        assert.ok(!member.attribute, `${name} has no attribute`);
      }
    });
  });
}

test("the table's view is a property only, of the exported type (issue 25)", () => {
  const table = manifest.modules
    .flatMap((m) => m.declarations ?? [])
    .find((d) => d.tagName === 'invoice-table');
  const view = table.members.find((m) => m.name === 'view' && m.kind === 'field');
  assert.ok(view && !view.attribute && view.description, 'view, described, no attribute');
  assert.equal(view.type?.text, 'InvoiceTableView');
  assert.doesNotMatch(
    table.events.find((e) => e.name === 'invoice-period-change').description,
    /view/,
    'the period event describes only itself',
  );
});

describe('the global theme tokens (issue 20)', () => {
  // The tokens THEMING.md documents, read here independently of the analyzer's plugin.
  const theming = readFileSync(`${root}docs/THEMING.md`, 'utf8');
  const documented = new Set();
  for (const [, cell] of theming.matchAll(/^\|\s*(`--inv-[^|]*)\|/gm)) {
    const [first, ...others] = [...cell.matchAll(/`(-[a-z0-9-]+)`/g)].map((m) => m[1]);
    documented.add(first);
    for (const o of others) documented.add(first.replace(/-[a-z0-9]+$/, o));
  }
  const theme = readFileSync(`${root}src/components/shared/theme.styles.ts`, 'utf8');
  const shared = new Set([...theme.matchAll(/var\(\s*(--inv-[a-z0-9-]+)/g)].map((m) => m[1]));

  test('THEMING.md documents the tokens the shared theme reads', () => {
    assert.ok(shared.size >= 30, `the theme reads ${shared.size} tokens`);
    for (const name of shared) assert.ok(documented.has(name), `${name} is in THEMING.md`);
  });

  for (const tag of Object.keys(EXPECTED)) {
    test(`<${tag}> lists every shared token with a description and a default`, () => {
      const { declaration } = declarationOf(tag);
      const props = new Map((declaration.cssProperties ?? []).map((p) => [p.name, p]));
      for (const name of shared) {
        const prop = props.get(name);
        assert.ok(prop, `${name} is a cssProperty of <${tag}>`);
        assert.match(prop.description, /^Global theme token: ./);
        assert.ok(prop.default, `${name} has a default`);
      }
    });
  }

  test('the table tokens are on <invoice-table> only (read by its styles)', () => {
    const on = (tag) =>
      names(declarationOf(tag).declaration.cssProperties).filter((n) =>
        n.startsWith('--inv-table-'),
      );
    assert.ok(on('invoice-table').length >= 5);
    assert.deepEqual(on('download-menu'), []);
  });
});
