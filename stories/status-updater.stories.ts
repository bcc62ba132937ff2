import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/define.js';
import type { InvoiceBackend } from '../src/core/backend.js';
import { elementArgTypes } from './support/controls.js';
import { mount } from './support/render.js';
import {
  conflictSetup,
  failingBackend,
  hangingBackend,
  pickInvoiceId,
  storyBackend,
  unknownStatusBackend,
} from './support/backends.js';
import { confirmStatusChange, find, openStatusDialog } from './support/play.js';

const DRAFT = pickInvoiceId({ status: 'DRAFT', provider: 'microsoft' });
const OPEN = pickInvoiceId({ status: 'OPEN', provider: 'microsoft' });
const VOID = pickInvoiceId({ status: 'VOID' });
const CLOSED = pickInvoiceId({ status: 'CLOSED' });

/** What a loader hands to the render: the backend, and properties set on the element. */
interface Loaded {
  backend: InvoiceBackend;
  properties?: Record<string, unknown>;
}

const meta: Meta = {
  title: 'Elements/status-updater',
  component: 'status-updater',
  loaders: [async (): Promise<Loaded> => ({ backend: storyBackend() })],
  render: (args, context) => {
    const loaded = context.loaded as Loaded;
    return mount('status-updater', args, context, loaded);
  },
  argTypes: elementArgTypes('status-updater'),
  args: { 'invoice-id': DRAFT },
  parameters: {
    docs: {
      description: {
        component:
          'Data: `MemoryBackend` over the seeded generator (seed 1), 300 ms latency. Stories ' +
          'that show a dialog or a result get there with a play function (Interactions panel).',
      },
    },
  },
};
export default meta;

type Story = StoryObj;

const updater = (canvas: HTMLElement): Promise<Element> => find(canvas, 'status-updater');

/** DRAFT: the only target is OPEN. */
export const Draft: Story = {};

/** OPEN: VOID or CLOSED. */
export const Open: Story = { args: { 'invoice-id': OPEN } };

/** VOID is final: read-only. */
export const Void: Story = { args: { 'invoice-id': VOID } };

/** CLOSED is final: read-only. */
export const Closed: Story = { args: { 'invoice-id': CLOSED } };

/** A status the element does not know (`DISPUTED`): read-only, never a guess. */
export const UnknownStatus: Story = {
  args: { 'invoice-id': OPEN },
  loaders: [async (): Promise<Loaded> => ({ backend: unknownStatusBackend().backend })],
};

/** The backend narrows the table for this invoice: from OPEN only CLOSED is allowed. */
export const NarrowedByBackend: Story = {
  args: { 'invoice-id': OPEN },
  loaders: [
    async (): Promise<Loaded> => {
      const backend = storyBackend();
      backend.allowedTargetsFor(OPEN, ['CLOSED']);
      return { backend };
    },
  ],
};

/** The confirmation dialog of an existing document: the notification toggle starts on. */
export const ConfirmDialog: Story = {
  play: async ({ canvasElement }) => openStatusDialog(await updater(canvasElement), 'OPEN'),
};

/**
 * Issue 25: the backend requires a reason to void this invoice (`voidReasonRequired`): the
 * dialog's reason field is required and has the focus; OK without it shows the error.
 */
export const VoidReasonRequired: Story = {
  args: { 'invoice-id': OPEN },
  loaders: [
    async (): Promise<Loaded> => {
      const backend = storyBackend();
      backend.requireVoidReason(OPEN);
      return { backend };
    },
  ],
  play: async ({ canvasElement }) => openStatusDialog(await updater(canvasElement), 'VOID'),
};

/** `flow="generation"` (just generated): the notification toggle starts off. */
export const ConfirmDialogGenerationFlow: Story = {
  args: { flow: 'generation' },
  play: ConfirmDialog.play,
};

/** The invoice never arrives: loading. */
export const Loading: Story = {
  loaders: [async (): Promise<Loaded> => ({ backend: hangingBackend(['getInvoice']) })],
};

/** Loading the invoice fails: the message and Retry. */
export const LoadError: Story = {
  loaders: [async (): Promise<Loaded> => ({ backend: failingBackend('getInvoice') })],
};

/** After OK the backend does not answer yet: the change is in flight (repeat clicks ignored). */
export const Sending: Story = {
  loaders: [async (): Promise<Loaded> => ({ backend: hangingBackend(['updateStatus']) })],
  play: async ({ canvasElement }) => confirmStatusChange(await updater(canvasElement), 'OPEN'),
};

/** After OK the backend fails: the error and Retry (same change, same idempotency key). */
export const UpdateError: Story = {
  loaders: [async (): Promise<Loaded> => ({ backend: failingBackend('updateStatus') })],
  play: Sending.play,
};

/** After OK: someone else changed the invoice meanwhile. The conflict message and Reload. */
export const Conflict: Story = {
  args: { 'invoice-id': undefined },
  loaders: [
    async (): Promise<Loaded> => {
      const { backend, stale } = await conflictSetup('DRAFT');
      return { backend, properties: { invoice: stale } };
    },
  ],
  play: Sending.play,
};

/** After OK the change is applied: the success message and the new status. */
export const Updated: Story = { play: Sending.play };

/** The end customer's portal: no status actions at all. */
export const CustomerAudience: Story = {
  args: { 'invoice-id': OPEN, audience: 'customer' },
};

/** Brazilian Portuguese: ATUALIZAR STATUS, the dialog and the toggle. */
export const PortugueseBrazil: Story = {
  globals: { locale: 'pt-BR' },
  play: ConfirmDialog.play,
};

/** Spanish. */
export const Spanish: Story = {
  globals: { locale: 'es' },
  play: ConfirmDialog.play,
};

/** `theme="dark"`, with the dialog open. */
export const Dark: Story = {
  globals: { theme: 'dark' },
  play: ConfirmDialog.play,
};

/** `theme="dark"` on a light page (the host forces the scheme): the updater paints its surface. */
export const DarkOnLightPage: Story = {
  args: { 'invoice-id': OPEN, theme: 'dark' },
  parameters: { pageTheme: 'light' },
};

/** `density="compact"`. */
export const Compact: Story = { args: { 'invoice-id': OPEN, density: 'compact' } };
