import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/define.js';
import type { InvoiceBackend } from '../src/core/backend.js';
import { elementArgTypes } from './support/controls.js';
import { mount } from './support/render.js';
import {
  failingBackend,
  hangingBackend,
  pickInvoice,
  pickInvoiceId,
  serverError,
  storyBackend,
} from './support/backends.js';
import { chooseDownload, find, openDownloadMenu } from './support/play.js';

const MICROSOFT = pickInvoiceId({ status: 'OPEN', provider: 'microsoft' });
const AWS = pickInvoiceId({ status: 'OPEN', provider: 'aws' });
const GOOGLE = pickInvoiceId({ status: 'OPEN', provider: 'google' });

interface Loaded {
  backend: InvoiceBackend;
  properties?: Record<string, unknown>;
}

const meta: Meta = {
  title: 'Elements/download-menu',
  component: 'download-menu',
  loaders: [async (): Promise<Loaded> => ({ backend: storyBackend() })],
  render: (args, context) => mount('download-menu', args, context, context.loaded as Loaded),
  argTypes: elementArgTypes('download-menu'),
  args: { 'invoice-id': MICROSOFT },
  parameters: {
    docs: {
      description: {
        component:
          'Data: `MemoryBackend` over the seeded generator (seed 1), 300 ms latency. The ' +
          'backend offers no server files, so choosing a format makes the file in the browser ' +
          '(a real download). Stories that show the open menu open it with a play function.',
      },
    },
  },
};
export default meta;

type Story = StoryObj;

const menu = (canvas: HTMLElement): Promise<Element> => find(canvas, 'download-menu');
const openMenu: Story['play'] = async ({ canvasElement }) =>
  openDownloadMenu(await menu(canvasElement));

/** The closed menu button. */
export const Closed: Story = {};

/** Microsoft: PDF, CSV, detailed CSV and Print (the provider's default set). */
export const Microsoft: Story = { play: openMenu };

/** AWS: PDF, CSV and Print. */
export const Aws: Story = { args: { 'invoice-id': AWS }, play: openMenu };

/** Google Cloud: PDF, detailed CSV and Print. */
export const Google: Story = { args: { 'invoice-id': GOOGLE }, play: openMenu };

/** The adapter says which formats this invoice has (here only CSV): its word wins. */
export const AdapterChoosesFormats: Story = {
  args: { 'invoice-id': undefined },
  loaders: [
    async (): Promise<Loaded> => ({
      backend: storyBackend(),
      properties: { invoice: { ...pickInvoice({ status: 'OPEN' }), downloadFormats: ['csv'] } },
    }),
  ],
  play: openMenu,
};

/** The invoice never arrives: loading. */
export const Loading: Story = {
  loaders: [async (): Promise<Loaded> => ({ backend: hangingBackend(['getInvoice']) })],
};

/** Loading the invoice fails: the message and Retry. */
export const LoadError: Story = {
  loaders: [async (): Promise<Loaded> => ({ backend: failingBackend('getInvoice') })],
};

/** The server's PDF fails: the failure message and Retry. */
export const DownloadError: Story = {
  loaders: [
    async (): Promise<Loaded> => {
      const backend = storyBackend();
      backend.setDownload('pdf', serverError());
      return { backend };
    },
  ],
  play: async ({ canvasElement }) => chooseDownload(await menu(canvasElement), /PDF/),
};

/** The end customer's portal, on a published invoice: the same formats. */
export const CustomerAudience: Story = { args: { audience: 'customer' }, play: openMenu };

/** A draft in the customer audience (an adapter that wrongly gave it): no formats at all. */
export const CustomerAudienceDraft: Story = {
  args: { 'invoice-id': undefined, audience: 'customer' },
  loaders: [
    async (): Promise<Loaded> => ({
      backend: storyBackend(),
      properties: { invoice: pickInvoice({ status: 'DRAFT' }) },
    }),
  ],
};

/** Brazilian Portuguese, menu open. */
export const PortugueseBrazil: Story = { globals: { locale: 'pt-BR' }, play: openMenu };

/** Spanish, menu open. */
export const Spanish: Story = { globals: { locale: 'es' }, play: openMenu };

/** `theme="dark"`, menu open. */
export const Dark: Story = { globals: { theme: 'dark' }, play: openMenu };

/** `theme="dark"` on a light page (the host forces the scheme), menu open. */
export const DarkOnLightPage: Story = {
  args: { theme: 'dark' },
  parameters: { pageTheme: 'light' },
  play: openMenu,
};

/** `density="compact"`, menu open. */
export const Compact: Story = { args: { density: 'compact' }, play: openMenu };
