/// <reference types="vite/client" />
/**
 * The global colour tokens (`--inv-*`) as colour controls. The list is read from the shared
 * theme's source, so it never drifts from docs/THEMING.md. The preview applies the ones that
 * are set as inline custom properties on the story's wrapper (`.storybook/preview.ts`); unset,
 * the element's own light or dark default applies.
 */
import type { ArgTypes } from '@storybook/web-components-vite';
import themeSource from '../../src/components/shared/theme.styles.ts?raw';

const GLOBAL_TOKENS = 'global colour tokens (--inv-*)';

/** Every `var(--inv-…, #rrggbb)` of a piece of the theme's source: token → default. */
function colourDefaults(source: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const [, name, value] of source.matchAll(/var\((--inv-[a-z-]+),\s*(#[0-9a-f]{3,8})\)/gi)) {
    if (name && value && !found.has(name)) found.set(name, value);
  }
  return found;
}

/** The table's colour tokens (their defaults are the surface-alt colour, not a literal). */
const TABLE_TOKENS = [
  '--inv-table-header-background',
  '--inv-table-row-hover-background',
  '--inv-table-band-background',
];

export interface ColourToken {
  name: string;
  light: string;
  dark: string;
}

/**
 * The global colour tokens with their light and dark defaults, in the order the light palette
 * declares them (the dark palette is declared first in the source, as `darkPalette`).
 */
export function globalColourTokens(): ColourToken[] {
  const split = themeSource.indexOf('export const themeStyles');
  const dark = colourDefaults(themeSource.slice(0, split));
  const light = colourDefaults(themeSource.slice(split));
  const tokens = [...light].map(([name, value]) => ({
    name,
    light: value,
    dark: dark.get(name) ?? value,
  }));
  const alt = tokens.find((t) => t.name === '--inv-color-surface-alt');
  for (const name of TABLE_TOKENS) {
    tokens.push({ name, light: alt?.light ?? '', dark: alt?.dark ?? '' });
  }
  return tokens;
}

/** A colour control per global colour token; the defaults are its presets. */
export function tokenArgTypes(): ArgTypes {
  const tokens = globalColourTokens();
  const presets = [...new Set(tokens.flatMap((t) => [t.light, t.dark]))];
  const result: ArgTypes = {};
  for (const { name, light, dark } of tokens) {
    result[name] = {
      description:
        `Global token on the story's wrapper. Not set: \`${light}\` in light, ` +
        `\`${dark}\` in dark. A value set here applies in both.`,
      type: { name: 'string' },
      control: { type: 'color', presetColors: presets },
      table: { category: GLOBAL_TOKENS, defaultValue: { summary: `${light} / ${dark}` } },
    };
  }
  return result;
}

/** The inline style of the story's wrapper: the `--inv-*` args that are set. */
export function tokenStyle(args: object): string {
  return Object.entries(args)
    .filter(([name, value]) => name.startsWith('--inv-') && typeof value === 'string' && value)
    .map(([name, value]) => `${name}: ${String(value)}`)
    .join('; ');
}
