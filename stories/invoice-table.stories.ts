import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/define.js';
import { MemoryBackend, generateData } from '../src/adapters/memory/index.js';
import type { InvoiceBackend } from '../src/core/backend.js';
import { elementArgTypes } from './support/controls.js';
import { mount } from './support/render.js';
import {
  STORY_LATENCY_MS,
  STORY_TODAY,
  failingBackend,
  hangingBackend,
  pickRecord,
  storyBackend,
  storyCustomer,
  unknownStatusBackend,
} from './support/backends.js';

const customer = storyCustomer();

/** Every story renders `<invoice-table>` over the backend its loader made. */
const meta: Meta = {
  title: 'Elements/invoice-table',
  component: 'invoice-table',
  loaders: [async () => ({ backend: storyBackend() })],
  render: (args, context) =>
    mount('invoice-table', args, context, {
      backend: context.loaded.backend as InvoiceBackend,
      properties: { today: STORY_TODAY },
    }),
  argTypes: elementArgTypes('invoice-table'),
  parameters: {
    docs: {
      description: {
        component:
          'Data: `MemoryBackend` over the seeded generator (seed 1), 300 ms latency; "today" is ' +
          '20 November 2026. Events are logged in the Actions panel. Every attribute is a control, ' +
          'and so is each global colour token (set on the wrapper).',
      },
    },
  },
};
export default meta;

type Story = StoryObj;

/** The operator's view: search a customer, pick a period, open an invoice. */
export const Operator: Story = {};

/**
 * Bulk status change (issue 25): tick rows (or Ctrl+A for every row matching the filter), choose
 * a status in the bar, and read what the dialog says is eligible before OK.
 */
export const BulkStatusChange: Story = {
  args: { selectable: true, from: '2026-10', to: '2026-10' },
};

/** A customer fixed by `customer-id`, with the search hidden, over six months. */
export const FixedCustomer: Story = {
  args: { 'customer-id': customer.id, 'hide-search': true, from: '2026-05', to: '2026-10' },
};

/** The first request never answers: the loading state (skeleton rows, announced). */
export const Loading: Story = {
  args: { 'customer-id': customer.id },
  loaders: [async () => ({ backend: hangingBackend(['listInvoices']) })],
};

/** A customer without invoices in the period. */
export const Empty: Story = {
  args: { 'customer-id': 'cus_new', 'hide-search': true },
  loaders: [
    async () => ({
      backend: new MemoryBackend({
        invoices: [],
        customers: [{ id: 'cus_new', name: 'Brand New Customer Ltda.' }],
        latencyMs: STORY_LATENCY_MS,
      }),
    }),
  ],
};

/** The list request fails (server error): the message and Retry (which then succeeds). */
export const LoadError: Story = {
  args: { 'customer-id': customer.id },
  loaders: [async () => ({ backend: failingBackend('listInvoices') })],
};

/**
 * The end customer's portal (`audience="customer"`): no search, no customer column, and no
 * drafts, even in the latest months where the operator sees some.
 */
export const CustomerAudience: Story = {
  args: { audience: 'customer', 'customer-id': customer.id, from: '2026-08', to: '2026-10' },
};

/** The same customer and months as the operator sees them (drafts included), to compare. */
export const OperatorSameMonths: Story = {
  args: { 'customer-id': customer.id, from: '2026-08', to: '2026-10' },
};

const unknown = pickRecord({ status: 'OPEN', provider: 'microsoft' });

/** A row whose status the element does not know (`DISPUTED`): shown as text, read-only. */
export const UnknownStatus: Story = {
  args: {
    'customer-id': unknown.customer.id,
    from: unknown.period.from,
    to: unknown.period.to,
  },
  loaders: [async () => ({ backend: unknownStatusBackend().backend })],
};

/** 100,000 invoices over 14 months (all customers): paged and virtualized. */
export const HundredThousandRows: Story = {
  args: { from: '2025-09', to: '2026-10' },
  loaders: [
    async () => ({
      backend: new MemoryBackend({
        data: generateData({ seed: 1, invoiceCount: 100_000 }),
        latencyMs: STORY_LATENCY_MS,
      }),
    }),
  ],
};

/** Brazilian Portuguese (`lang="pt-BR"` on a wrapper): strings, dates and money. */
export const PortugueseBrazil: Story = {
  args: FixedCustomer.args,
  globals: { locale: 'pt-BR' },
};

/** Spanish (`lang="es"` on a wrapper). */
export const Spanish: Story = {
  args: FixedCustomer.args,
  globals: { locale: 'es' },
};

/** `theme="dark"`. */
export const Dark: Story = {
  args: FixedCustomer.args,
  globals: { theme: 'dark' },
};

/** `density="compact"`. */
export const Compact: Story = {
  args: { ...FixedCustomer.args, density: 'compact' },
};
