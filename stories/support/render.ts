/**
 * Renders one element for a story: args from the controls (attribute names set attributes,
 * `--*` names set CSS custom properties, other names set properties), the story's backend and
 * properties, the toolbar's theme, and an action logged for each event the manifest declares.
 */
import { getCustomElements, type Args, type StoryContext } from '@storybook/web-components-vite';
import { action } from 'storybook/actions';
import type { InvoiceBackend } from '../../src/core/backend.js';

export type ElementTag = 'invoice-table' | 'invoice-viewer' | 'status-updater' | 'download-menu';

interface StoryElement extends HTMLElement {
  backend?: InvoiceBackend;
}

interface ManifestEvent {
  name: string;
}
interface ManifestDeclaration {
  tagName?: string;
  events?: ManifestEvent[];
}

/** The event names the Custom Elements Manifest declares for `tag`. */
export function eventNamesOf(tag: string): string[] {
  const manifest = getCustomElements() as
    { modules?: { declarations?: ManifestDeclaration[] }[] } | undefined;
  for (const mod of manifest?.modules ?? []) {
    for (const declaration of mod.declarations ?? []) {
      if (declaration.tagName === tag) return (declaration.events ?? []).map((e) => e.name);
    }
  }
  return [];
}

export interface MountOptions {
  backend?: InvoiceBackend;
  /** Properties set after the args (objects a control cannot hold: an invoice, a date…). */
  properties?: Record<string, unknown>;
}

/**
 * Applies story args to an element: `--*` → CSS custom property (but the global `--inv-*`
 * tokens, which the preview sets on the story's wrapper); a kebab-case or lower-case name with a
 * plain value → attribute, with an array (a check control) as a space-separated list, set even
 * when empty; anything else (camelCase, objects) → property. Functions (Storybook's own action
 * args) are skipped.
 */
export function applyArgs(element: HTMLElement, args: Args): void {
  for (const [name, value] of Object.entries(args)) {
    if (typeof value === 'function' || name.startsWith('--inv-')) continue;
    if (Array.isArray(value) && name === name.toLowerCase()) {
      element.setAttribute(name, value.join(' '));
    } else if (name.startsWith('--')) {
      if (value === undefined || value === null || value === '') {
        element.style.removeProperty(name);
      } else {
        element.style.setProperty(name, String(value));
      }
    } else if (typeof value !== 'object' && (name.includes('-') || name === name.toLowerCase())) {
      // An attribute (the manifest lists attributes under their kebab-case names).
      if (value === undefined || value === null || value === false || value === '') {
        element.removeAttribute(name);
      } else {
        element.setAttribute(name, value === true ? '' : String(value));
      }
    } else {
      (element as unknown as Record<string, unknown>)[name] = value;
    }
  }
}

export function mount(
  tag: ElementTag,
  args: Args,
  context: Pick<StoryContext, 'globals'>,
  options: MountOptions = {},
): HTMLElement {
  const element = document.createElement(tag) as StoryElement;
  applyArgs(element, args);
  if (options.backend) element.backend = options.backend;
  Object.assign(element, options.properties ?? {});
  const theme = String(context.globals.theme ?? 'light');
  if (theme !== 'auto' && !element.hasAttribute('theme')) element.setAttribute('theme', theme);
  for (const name of eventNamesOf(tag)) {
    const log = action(name);
    element.addEventListener(name, (event) => {
      const e = event as CustomEvent<unknown>;
      log({ detail: e.detail, cancelable: e.cancelable, defaultPrevented: e.defaultPrevented });
    });
  }
  return element;
}
