/**
 * Every story is wrapped in a `<div lang>` (toolbar "Language": en, pt-BR, es) and its element
 * gets the toolbar's `theme` (light, dark, or auto = prefers-color-scheme) unless its own `theme`
 * control is set. Docs and controls come from the Custom Elements Manifest, trimmed to the public
 * API for the controls table; the element stories add selects and the global colour tokens
 * (`stories/support/controls.ts`, `tokens.ts`).
 */
import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { tokenStyle } from '../stories/support/tokens.js';
import manifest from '../custom-elements.json' with { type: 'json' };

interface Member {
  name: string;
  kind: string;
  static?: boolean;
  privacy?: string;
  readonly?: boolean;
  attribute?: string;
}
interface Declaration {
  tagName?: string;
  members?: Member[];
  attributes?: { fieldName?: string }[];
}
interface Manifest {
  modules: { declarations?: Declaration[] }[];
}

/**
 * A copy where each element keeps only its public, writable, property-only fields as members:
 * properties that have an attribute appear once, under their attribute name, and private,
 * protected, static and read-only members (internal to the element) are left out.
 */
export function publicApiOnly(source: Manifest): Manifest {
  const copy = structuredClone(source);
  for (const mod of copy.modules) {
    for (const declaration of mod.declarations ?? []) {
      if (!declaration.tagName || !declaration.members) continue;
      const withAttribute = new Set((declaration.attributes ?? []).map((a) => a.fieldName));
      declaration.members = declaration.members.filter(
        (m) =>
          m.kind === 'field' &&
          !m.static &&
          !m.readonly &&
          (m.privacy ?? 'public') === 'public' &&
          !m.attribute &&
          !withAttribute.has(m.name),
      );
    }
  }
  return copy;
}

setCustomElementsManifest(publicApiOnly(manifest as Manifest));

type ArgTypesEnhancer = NonNullable<Preview['argTypesEnhancers']>[number];

/** Controls from the manifest's types: attributes and CSS custom properties are editable. */
const controlsFromManifest: ArgTypesEnhancer = ({ argTypes }) => {
  const result: typeof argTypes = {};
  for (const [name, argType] of Object.entries(argTypes)) {
    const category = argType.table?.category;
    const type = String(argType.table?.type?.summary ?? '');
    let control = argType.control;
    if (control === undefined) {
      if (category === 'attributes') {
        control = /^boolean\b/.test(type) ? 'boolean' : /^number\b/.test(type) ? 'number' : 'text';
      } else if (category === 'css custom properties') {
        // Colours get a colour picker; sizes, shadows and the like stay text.
        control = /-(color|background|border-color)$/.test(name) ? 'color' : 'text';
      } else if (category === 'properties') {
        control = name === 'strings' ? 'object' : false;
      } else if (category) {
        control = false;
      }
    }
    result[name] = control === undefined ? argType : { ...argType, control };
  }
  return result;
};

const preview: Preview = {
  tags: ['autodocs'],
  globalTypes: {
    locale: {
      description: 'lang of the wrapper around the story',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        items: [
          { value: 'en', title: 'English (en)' },
          { value: 'pt-BR', title: 'Português (pt-BR)' },
          { value: 'es', title: 'Español (es)' },
        ],
        dynamicTitle: true,
      },
    },
    theme: {
      description: 'theme attribute of the element',
      toolbar: {
        title: 'Theme',
        icon: 'mirror',
        items: [
          { value: 'light', title: 'Light' },
          { value: 'dark', title: 'Dark' },
          { value: 'auto', title: 'Auto (prefers-color-scheme)' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { locale: 'en', theme: 'light' },
  decorators: [
    // The wrapper's background follows the element's theme (its `theme` control, else the
    // toolbar's), unless the story fixes it (`parameters.pageTheme`); the global colour tokens set in the controls are inline custom properties on
    // it (stories are not under the production CSP; the elements themselves need no inline style).
    (story, context) => {
      const style = tokenStyle(context.args);
      return html`<div
        class="inv-story"
        lang=${String(context.globals.locale ?? 'en')}
        data-theme=${String(
          context.parameters.pageTheme || context.args.theme || context.globals.theme || 'light',
        )}
        style=${style || nothing}
      >
        ${story()}
      </div>`;
    },
  ],
  argTypesEnhancers: [controlsFromManifest],
  parameters: {
    controls: { expanded: true, sort: 'requiredFirst' },
    docs: { toc: true },
    a11y: { test: 'todo' },
  },
};

export default preview;
