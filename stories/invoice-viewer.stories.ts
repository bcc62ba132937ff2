import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { userEvent } from 'storybook/test';
import '../src/define.js';
import type { InvoiceBackend } from '../src/core/backend.js';
import { elementArgTypes } from './support/controls.js';
import { mount } from './support/render.js';
import {
  conflictSetup,
  failingBackend,
  hangingBackend,
  longInvoiceBackend,
  pickInvoice,
  pickInvoiceId,
  storyBackend,
  unknownStatusBackend,
} from './support/backends.js';
import { confirmStatusChange, find, part, updaterIn } from './support/play.js';

const DRAFT = pickInvoiceId({ status: 'DRAFT', provider: 'microsoft' });
const OPEN = pickInvoiceId({ status: 'OPEN', provider: 'microsoft' });
const VOID = pickInvoiceId({ status: 'VOID' });
const CLOSED = pickInvoiceId({ status: 'CLOSED' });
const ALL_SECTIONS = ['summary', 'lines', 'totals', 'custom-fields', 'history'];

interface Loaded {
  backend: InvoiceBackend;
  properties?: Record<string, unknown>;
}

const meta: Meta = {
  title: 'Elements/invoice-viewer',
  component: 'invoice-viewer',
  loaders: [async (): Promise<Loaded> => ({ backend: storyBackend() })],
  render: (args, context) => mount('invoice-viewer', args, context, context.loaded as Loaded),
  argTypes: elementArgTypes('invoice-viewer'),
  args: { 'invoice-id': OPEN },
  parameters: {
    docs: {
      description: {
        component:
          'Data: `MemoryBackend` over the seeded generator (seed 1), 300 ms latency. The ' +
          'viewer hosts a `<status-updater>` and a `<download-menu>`.',
      },
    },
  },
};
export default meta;

type Story = StoryObj;

const viewer = (canvas: HTMLElement): Promise<Element> => find(canvas, 'invoice-viewer');

/** OPEN: status at the top centre, period below it, currency top right, all sections. */
export const Open: Story = {};

/** DRAFT: not visible to the customer; Discard and the status change to OPEN are offered. */
export const Draft: Story = { args: { 'invoice-id': DRAFT } };

/** VOID (final). */
export const Void: Story = { args: { 'invoice-id': VOID } };

/** CLOSED (final), with the status history open. */
export const Closed: Story = { args: { 'invoice-id': CLOSED, 'open-sections': ALL_SECTIONS } };

/** A status the viewer does not know (`DISPUTED`): shown as text, no status actions. */
export const UnknownStatus: Story = {
  loaders: [async (): Promise<Loaded> => ({ backend: unknownStatusBackend().backend })],
};

/** A just-generated draft (`flow="generation"`): the notification toggle will start off. */
export const GenerationFlow: Story = { args: { 'invoice-id': DRAFT, flow: 'generation' } };

/** Amounts in another currency that applies to the invoice (the rate and its source shown). */
export const OtherCurrency: Story = {
  args: {
    currency: pickInvoice({ status: 'OPEN', provider: 'microsoft' }).currencies[0]?.currency,
  },
};

/** Every section collapsed: only the header bars. */
export const SectionsCollapsed: Story = { args: { 'open-sections': [] } };

/** The generator's long invoice (1,500 lines): the line list is virtualized. */
export const LongInvoice: Story = {
  args: { 'invoice-id': undefined },
  loaders: [
    async (): Promise<Loaded> => {
      const { backend, invoiceId } = longInvoiceBackend(1500);
      return { backend, properties: { invoiceId } };
    },
  ],
};

/** The invoice never arrives: loading. */
export const Loading: Story = {
  loaders: [async (): Promise<Loaded> => ({ backend: hangingBackend(['getInvoice']) })],
};

/** Loading fails (server error): the message and Retry (which then succeeds). */
export const LoadError: Story = {
  loaders: [async (): Promise<Loaded> => ({ backend: failingBackend('getInvoice') })],
};

/** No invoice with this id. */
export const NotFound: Story = { args: { 'invoice-id': 'inv_does_not_exist' } };

/** A malformed payload (given as the `invoice` property): the validation error state. */
export const MalformedInvoice: Story = {
  args: { 'invoice-id': undefined },
  loaders: [
    async (): Promise<Loaded> => ({
      backend: storyBackend(),
      properties: {
        invoice: { ...pickInvoice({ status: 'OPEN' }), total: { minor: 'lots', currency: 'USD' } },
      },
    }),
  ],
};

/** Someone else changed the invoice: after OK in the status dialog, the conflict and Reload. */
export const Conflict: Story = {
  args: { 'invoice-id': undefined },
  loaders: [
    async (): Promise<Loaded> => {
      const { backend, stale } = await conflictSetup('DRAFT');
      return { backend, properties: { invoice: stale } };
    },
  ],
  play: async ({ canvasElement }) =>
    confirmStatusChange(await updaterIn(await viewer(canvasElement)), 'OPEN'),
};

/** The Discard confirmation of a draft. */
export const DiscardDialog: Story = {
  args: { 'invoice-id': DRAFT },
  play: async ({ canvasElement }) => {
    const el = await viewer(canvasElement);
    await userEvent.click(await part(el, 'discard-button'));
    await part(el, 'dialog');
  },
};

/** The end customer's portal: no status or discard actions, downloads only. */
export const CustomerAudience: Story = { args: { audience: 'customer' } };

/** The customer never sees a draft, even when asked for its id. */
export const CustomerAudienceDraft: Story = {
  args: { audience: 'customer', 'invoice-id': DRAFT },
};

/** An AWS invoice (its own download set). */
export const AwsInvoice: Story = {
  args: { 'invoice-id': pickInvoiceId({ status: 'OPEN', provider: 'aws' }) },
};

/** A Google Cloud invoice (its own download set). */
export const GoogleInvoice: Story = {
  args: { 'invoice-id': pickInvoiceId({ status: 'OPEN', provider: 'google' }) },
};

/** Brazilian Portuguese (`lang="pt-BR"` on a wrapper): strings, dates and money. */
export const PortugueseBrazil: Story = {
  args: { 'invoice-id': DRAFT },
  globals: { locale: 'pt-BR' },
};

/** Spanish. */
export const Spanish: Story = { args: { 'invoice-id': DRAFT }, globals: { locale: 'es' } };

/** `theme="dark"`. */
export const Dark: Story = { args: { 'invoice-id': DRAFT }, globals: { theme: 'dark' } };

/** `density="compact"`. */
export const Compact: Story = { args: { density: 'compact' } };
