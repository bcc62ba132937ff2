/**
 * Registration of the four elements, without side effects until called.
 *
 * ```js
 * import { defineInvoiceElements } from 'invoice-elements';
 * // default names: invoice-table, invoice-viewer, status-updater, download-menu
 * defineInvoiceElements();
 * // or other names, when the host page already has a clashing tag:
 * defineInvoiceElements({ 'status-updater': 'acme-status-updater' });
 * ```
 */
import { InvoiceTable } from './components/invoice-table/invoice-table.js';
import { InvoiceViewer } from './components/invoice-viewer/invoice-viewer.js';
import { StatusUpdater } from './components/status-updater/status-updater.js';
import { DownloadMenu } from './components/download-menu/download-menu.js';

export const ELEMENT_CLASSES = {
  'invoice-table': InvoiceTable,
  'invoice-viewer': InvoiceViewer,
  'status-updater': StatusUpdater,
  'download-menu': DownloadMenu,
} as const;

export type DefaultTagName = keyof typeof ELEMENT_CLASSES;

/** What happened to each tag: defined now, already ours, or left alone (someone else's). */
export type RegistrationResult = Record<DefaultTagName, 'defined' | 'already-defined' | 'taken'>;

const VALID_NAME = /^[a-z][a-z0-9._-]*-[a-z0-9._-]*$/;

/**
 * Registers the elements. A tag already defined with our class is skipped; a tag defined by
 * someone else is left alone with a console warning naming the option to pick another name.
 * A class already registered under another name is registered again as a subclass.
 */
export function defineInvoiceElements(
  names: Partial<Record<DefaultTagName, string>> = {},
  registry: CustomElementRegistry = customElements,
): RegistrationResult {
  const result = {} as RegistrationResult;
  for (const [tag, klass] of Object.entries(ELEMENT_CLASSES) as [
    DefaultTagName,
    CustomElementConstructor,
  ][]) {
    const name = names[tag] ?? tag;
    if (!VALID_NAME.test(name)) {
      throw new SyntaxError(`"${name}" is not a valid custom element name for ${tag}.`);
    }
    const existing = registry.get(name);
    if (existing) {
      const ours = existing === klass || existing.prototype instanceof klass;
      if (!ours) {
        console.warn(
          `invoice-elements: <${name}> is already defined by another library; ` +
            `register ours under another name: defineInvoiceElements({ '${tag}': 'my-${tag}' }).`,
        );
      }
      result[tag] = ours ? 'already-defined' : 'taken';
      continue;
    }
    const taken = registry.getName?.(klass);
    registry.define(name, taken ? class extends (klass as typeof HTMLElement) {} : klass);
    result[tag] = 'defined';
  }
  return result;
}
