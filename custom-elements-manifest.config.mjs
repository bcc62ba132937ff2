/**
 * Custom Elements Manifest (`custom-elements.json` at the repo root, referenced by package.json
 * `customElements`). Run: `cem analyze --config custom-elements-manifest.config.mjs`.
 *
 * The element classes carry no `@customElement` decorator (src/define.ts registers them, so a
 * host may pick other names), so the analyzer cannot see their tag names. The plugin below reads
 * the default names from `ELEMENT_CLASSES` in src/register.ts — the one place they are written —
 * and records them as `tagName` plus a `custom-element-definition` export, which Storybook needs
 * to find an element's docs and controls.
 */
import { readFileSync } from 'node:fs';
import { URL } from 'node:url';

const REGISTER = 'src/register.ts';

/** `{ ClassName: 'tag-name' }` from the `ELEMENT_CLASSES` object literal of src/register.ts. */
function defaultTagNames() {
  const source = readFileSync(new URL(REGISTER, import.meta.url), 'utf8');
  const block = /ELEMENT_CLASSES\s*=\s*\{([^}]*)\}/.exec(source);
  if (!block) throw new Error(`custom-elements-manifest: no ELEMENT_CLASSES in ${REGISTER}.`);
  const names = {};
  for (const [, tag, className] of block[1].matchAll(/'([a-z][a-z0-9-]*)'\s*:\s*(\w+)/g)) {
    names[className] = tag;
  }
  if (Object.keys(names).length === 0) {
    throw new Error(`custom-elements-manifest: ELEMENT_CLASSES in ${REGISTER} is empty.`);
  }
  return names;
}

/** Gives each registered class its default tag name (unless its JSDoc already set `@tag`). */
function defaultTagNamesPlugin() {
  const tags = defaultTagNames();
  return {
    name: 'invoice-elements:default-tag-names',
    packageLinkPhase({ customElementsManifest }) {
      const found = new Set();
      for (const mod of customElementsManifest.modules ?? []) {
        for (const declaration of mod.declarations ?? []) {
          const tag = tags[declaration.name];
          if (declaration.kind !== 'class' || !tag) continue;
          found.add(declaration.name);
          declaration.customElement = true;
          declaration.tagName ??= tag;
          mod.exports ??= [];
          if (!mod.exports.some((e) => e.kind === 'custom-element-definition')) {
            mod.exports.push({
              kind: 'custom-element-definition',
              name: declaration.tagName,
              declaration: { name: declaration.name, module: mod.path },
            });
          }
        }
      }
      const missing = Object.keys(tags).filter((name) => !found.has(name));
      if (missing.length > 0) {
        throw new Error(`custom-elements-manifest: classes not found: ${missing.join(', ')}.`);
      }
    },
  };
}

/**
 * The analyzer copies a JSDoc comment that holds `{@link …}` as TypeScript nodes (which then
 * fail to serialise); this turns every such `summary` / `description` back into plain text.
 */
function jsdocTextPlugin() {
  let typescript;
  const toText = (value) =>
    Array.isArray(value) ? (typescript.getTextOfJSDocComment(value) ?? '') : value;
  const walk = (node, seen) => {
    if (!node || typeof node !== 'object' || seen.has(node)) return;
    seen.add(node);
    for (const key of ['summary', 'description']) {
      if (Array.isArray(node[key])) node[key] = toText(node[key]);
    }
    for (const value of Object.values(node)) walk(value, seen);
  };
  return {
    name: 'invoice-elements:jsdoc-text',
    initialize({ ts }) {
      typescript = ts;
    },
    packageLinkPhase({ customElementsManifest }) {
      walk(customElementsManifest, new Set());
    },
  };
}

/**
 * Event types: the JSDoc `@fires` lines give the detail's shape in words; the exact type comes
 * from the one event map, `InvoiceEventMap` in src/components/shared/events.ts
 * (`'invoice-open': InvoiceOpenDetail` → `CustomEvent<InvoiceOpenDetail>`), which the elements'
 * typed `emit()` is keyed by. This records that type on the event. It also drops an "event" the analyzer invents from a
 * helper like `dispatchEvent(new CustomEvent(name, …))` (an identifier, undocumented, no hyphen).
 */
function eventTypesPlugin() {
  const eventTypes = new Map();
  return {
    name: 'invoice-elements:event-types',
    analyzePhase({ ts, node }) {
      if (!ts.isInterfaceDeclaration(node) || node.name.text !== 'InvoiceEventMap') return;
      for (const member of node.members) {
        if (!ts.isPropertySignature(member) || !member.type || !member.name) continue;
        const name = ts.isStringLiteral(member.name) ? member.name.text : member.name.getText();
        eventTypes.set(name, `CustomEvent<${member.type.getText()}>`);
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules ?? []) {
        for (const declaration of mod.declarations ?? []) {
          if (!Array.isArray(declaration.events)) continue;
          declaration.events = declaration.events.filter(
            (event) => event.description || event.name.includes('-'),
          );
          for (const event of declaration.events) {
            const type = eventTypes.get(event.name);
            if (type && (!event.type?.text || event.type.text === 'CustomEvent')) {
              event.type = { text: type };
            }
          }
        }
      }
    },
  };
}

/**
 * The global theme tokens (`--inv-*`, docs/THEMING.md) as `cssProperties` of each element that
 * reads them: the tokens of src/components/shared/theme.styles.ts on all four, the tokens of an
 * element's own `<tag>.styles.ts` on that element. Editors (VS Code custom data, JetBrains
 * web-types) and Storybook read CSS properties per element, so that is where they go, after the
 * element's own `--<tag>-*` properties. Name, default and description come from THEMING.md's
 * table of global tokens; a token read in the styles but missing from that table (or listed
 * there but read nowhere) fails the analysis.
 */
const THEME = 'src/components/shared/theme.styles.ts';
const THEMING = 'docs/THEMING.md';

/** `--inv-*` names read (`var(--inv-…`) by a styles file. */
function tokensRead(file) {
  const source = readFileSync(new URL(file, import.meta.url), 'utf8');
  return new Set([...source.matchAll(/var\(\s*(--inv-[a-z0-9-]+)/g)].map((m) => m[1]));
}

/** `{ '--inv-x': { default, description } }` from the first table of THEMING.md. */
function documentedTokens() {
  const text = readFileSync(new URL(THEMING, import.meta.url), 'utf8');
  const tokens = {};
  for (const line of text.split('\n')) {
    const cells = /^\|(.*)\|$/
      .exec(line.trim())?.[1]
      .split('|')
      .map((c) => c.trim());
    if (!cells || cells.length < 3 || !cells[0].startsWith('`--inv-')) continue;
    // `--inv-status-draft-background` / `-color`: the second name replaces the last word.
    const [first, ...others] = [...cells[0].matchAll(/`(-[a-z0-9-]+)`/g)].map((m) => m[1]);
    const names = [first, ...others.map((o) => first.replace(/-[a-z0-9]+$/, o))];
    for (const name of names) {
      tokens[name] = { default: cells[1].replace(/`/g, ''), description: cells[2] };
    }
  }
  return tokens;
}

function globalTokensPlugin() {
  return {
    name: 'invoice-elements:global-tokens',
    packageLinkPhase({ customElementsManifest }) {
      const documented = documentedTokens();
      const shared = tokensRead(THEME);
      const everywhere = new Set(shared);
      for (const mod of customElementsManifest.modules ?? []) {
        for (const declaration of mod.declarations ?? []) {
          if (!declaration.customElement || !declaration.tagName) continue;
          const own = mod.path.replace(/\.ts$/, '.styles.ts');
          const read = new Set([...shared, ...tokensRead(own)]);
          for (const name of read) everywhere.add(name);
          declaration.cssProperties ??= [];
          for (const name of [...read].sort()) {
            const doc = documented[name];
            if (!doc) {
              throw new Error(`custom-elements-manifest: ${name} is not in ${THEMING}'s table.`);
            }
            if (declaration.cssProperties.some((p) => p.name === name)) continue;
            declaration.cssProperties.push({
              name,
              description: `Global theme token: ${doc.description}.`,
              default: doc.default,
            });
          }
        }
      }
      const unused = Object.keys(documented).filter((name) => !everywhere.has(name));
      if (unused.length > 0) {
        throw new Error(`custom-elements-manifest: ${THEMING} lists unused ${unused.join(', ')}.`);
      }
    },
  };
}

export default {
  globs: ['src/components/**/*.ts'],
  // Styles and string catalogues declare no API; leaving them out keeps the manifest readable.
  exclude: ['src/components/**/*.styles.ts', 'src/components/**/*.strings.ts'],
  outdir: '.',
  litelement: true,
  dev: false,
  plugins: [jsdocTextPlugin(), eventTypesPlugin(), defaultTagNamesPlugin(), globalTokensPlugin()],
};
