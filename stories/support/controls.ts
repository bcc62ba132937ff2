/**
 * Controls for designers, shared by every element's stories:
 * - every public attribute of each element, with a select for each enumeration (audience, theme,
 *   density, lang, flow, the story data's customers, invoices, months and currencies);
 * - the global colour tokens as colour pickers (`./tokens.ts`).
 */
import type { ArgTypes } from '@storybook/web-components-vite';
import { addMonths } from '../../src/core/period.js';
import { INVOICE_STATUSES } from '../../src/core/types.js';
import { PROVIDERS, resolveGeneratorOptions } from '../../src/adapters/memory/index.js';
import type { ElementTag } from './render.js';
import { pickRecord, storyData, type ProviderId } from './backends.js';
import { tokenArgTypes } from './tokens.js';

/** Categories of the controls table. */
const ATTRIBUTES = 'attributes';

/** `''` in a select: the attribute is not set (the element's default, or the toolbar's). */
const UNSET = '';

function select(
  options: readonly string[],
  description: string,
  labels: Record<string, string> = {},
): ArgTypes[string] {
  return {
    description,
    // A Storybook type (the manifest's, e.g. `ThemeName | undefined`, is not one): URL and
    // persisted args are mapped through it, and an unknown type drops them.
    type: { name: 'string' },
    options: [UNSET, ...options],
    control: { type: 'select', labels: { [UNSET]: '(not set)', ...labels } },
    table: { category: ATTRIBUTES },
  };
}

/** The attributes all four elements have. */
function commonArgTypes(): ArgTypes {
  return {
    audience: select(
      ['operator', 'customer'],
      'Who is looking: `operator` (default) or `customer` (no drafts, no status actions).',
    ),
    theme: select(
      ['light', 'dark'],
      'Forces the colour scheme. Not set: the toolbar\'s Theme (whose "auto" follows the system).',
    ),
    density: select(['comfortable', 'compact'], 'Spacing and row height.'),
    lang: select(
      ['en', 'pt-BR', 'es'],
      "The element's own language. Not set: the wrapper's (the toolbar's Language).",
      { en: 'English (en)', 'pt-BR': 'Português (pt-BR)', es: 'Español (es)' },
    ),
  };
}

/** The customers of the story data, as `customer-id` options labelled with their names. */
function customerArgType(): ArgTypes[string] {
  const { customers } = storyData();
  const labels = Object.fromEntries(customers.map((c) => [c.id, `${c.name} (${c.id})`]));
  return select(
    customers.map((c) => c.id),
    'Fixes the customer (the story data: MemoryBackend, seed 1).',
    labels,
  );
}

/** The months of the story data, newest first (`YYYY-MM`). */
function monthOptions(): string[] {
  const { months, endMonth } = resolveGeneratorOptions();
  return Array.from({ length: months }, (_, i) => addMonths(endMonth, -i));
}

/** One invoice of each status from each provider (the newest), labelled for the select. */
function invoiceArgType(description: string): ArgTypes[string] {
  const ids: string[] = [];
  const labels: Record<string, string> = {};
  for (const status of INVOICE_STATUSES) {
    for (const provider of PROVIDERS) {
      try {
        const record = pickRecord({ status, provider: provider.id as ProviderId });
        ids.push(record.id);
        labels[record.id] = `${status} · ${provider.name} · ${record.documentId}`;
      } catch {
        // No such invoice in the story data.
      }
    }
  }
  ids.push('inv_does_not_exist');
  labels.inv_does_not_exist = 'an id the backend does not know';
  return select(ids, description, labels);
}

/** The currencies of the story data (a currency that does not apply to the invoice is ignored). */
const CURRENCIES = ['USD', 'BRL', 'EUR', 'GBP', 'MXN', 'JPY', 'BHD'];

const FLOW = select(
  ['existing', 'generation'],
  '`existing`: the notification toggle starts on; `generation` (just generated): off.',
);

const SECTIONS = ['summary', 'lines', 'totals', 'custom-fields', 'history'];

/** The controls of `tag`'s stories: its attributes, then the global colour tokens. */
export function elementArgTypes(tag: ElementTag): ArgTypes {
  const own: ArgTypes = {};
  switch (tag) {
    case 'invoice-table': {
      const months = monthOptions();
      own['customer-id'] = customerArgType();
      own['hide-search'] = {
        description: 'Hides the customer search (with `customer-id`).',
        type: { name: 'boolean' },
        control: 'boolean',
        table: { category: ATTRIBUTES },
      };
      own.from = select(months, 'First month, `YYYY-MM`. Not set: the first of the last 3.');
      own.to = select(months, 'Last month, `YYYY-MM`. Not set: last month.');
      own['page-size'] = {
        description: 'Rows fetched per request (1–1000, default 200).',
        type: { name: 'number' },
        control: { type: 'number', min: 1, max: 1000, step: 1 },
        table: { category: ATTRIBUTES },
      };
      break;
    }
    case 'invoice-viewer':
      own['invoice-id'] = invoiceArgType('The invoice, loaded through `getInvoice`.');
      own.currency = select(CURRENCIES, 'Display currency (one that applies to the invoice).');
      own['open-sections'] = {
        description:
          'Sections that start open (a space-separated list). Not set: all but `history`; none ' +
          'checked: all collapsed.',
        type: { name: 'array', value: { name: 'string' } },
        options: SECTIONS,
        control: 'inline-check',
        table: { category: ATTRIBUTES },
      };
      own.flow = FLOW;
      break;
    case 'status-updater':
      own['invoice-id'] = invoiceArgType('The invoice, loaded through `getInvoice`.');
      own.flow = FLOW;
      break;
    case 'download-menu':
      own['invoice-id'] = invoiceArgType('The invoice, loaded through `getInvoice`.');
      own.currency = select(CURRENCIES, 'Currency of the files (one that applies to the invoice).');
      own['csv-dialect'] = select(
        ['spreadsheet', 'rfc4180'],
        'How CSV files are written: `spreadsheet` (default; `;` and a decimal comma in pt-BR ' +
          'and es, a BOM) or `rfc4180` (for programs: `,`, a point, no BOM).',
      );
      own.bom = {
        description: 'Start CSV files with a UTF-8 BOM in the `rfc4180` dialect too.',
        type: { name: 'boolean' },
        control: 'boolean',
        table: { category: ATTRIBUTES },
      };
      break;
  }
  return { ...commonArgTypes(), ...own, ...tokenArgTypes() };
}
