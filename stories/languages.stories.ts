/**
 * The four elements in each shipped language: English, Portuguese (Brazil) — the source's
 * language — and Spanish. The locale comes from the nearest ancestor's `lang`; money, months
 * and dates go through Intl in that locale. pt-BR and es load on demand; the story preloads its
 * language (`loadLocale`, as a host would) so it never shows English first.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/define.js';
import { loadLocale } from '../src/index.js';
import {
  pickInvoice,
  pickInvoiceId,
  STORY_TODAY,
  storyBackend,
  storyCustomer,
} from './support/backends.js';
import { tokenArgTypes } from './support/tokens.js';

interface Args {
  lang: 'en' | 'pt-BR' | 'es';
  theme: 'light' | 'dark';
}

function render(args: Args): HTMLElement {
  const backend = storyBackend();
  const root = document.createElement('div');
  root.lang = args.lang;
  const make = <K extends keyof HTMLElementTagNameMap>(tag: K): HTMLElementTagNameMap[K] => {
    const el = document.createElement(tag);
    (el as { backend?: unknown }).backend = backend;
    el.setAttribute('theme', args.theme);
    return el;
  };
  const table = make('invoice-table');
  table.today = STORY_TODAY;
  table.setAttribute('customer-id', storyCustomer().id);
  const updater = make('status-updater');
  updater.invoice = pickInvoice({ status: 'DRAFT', provider: 'aws' });
  const menu = make('download-menu');
  menu.invoice = pickInvoice({ status: 'OPEN', provider: 'google' });
  const viewer = make('invoice-viewer');
  viewer.setAttribute('invoice-id', pickInvoiceId({ status: 'DRAFT', provider: 'microsoft' }));
  root.append(table, updater, menu, viewer);
  return root;
}

const meta: Meta<Args> = {
  title: 'Languages/All elements',
  render,
  argTypes: {
    lang: { control: 'inline-radio', options: ['en', 'pt-BR', 'es'] },
    theme: { control: 'inline-radio', options: ['light', 'dark'] },
    ...tokenArgTypes(),
  },
  args: { lang: 'en', theme: 'light' },
  loaders: [
    async ({ args }) => {
      await loadLocale(args.lang);
      return {};
    },
  ],
};
export default meta;

type Story = StoryObj<Args>;

export const English: Story = {};
/** The source's language: Rascunho, Aberto, Anulado, Fechado, ATUALIZAR STATUS, Descartar… */
export const PortugueseBrazil: Story = { args: { lang: 'pt-BR' } };
export const Spanish: Story = { args: { lang: 'es' } };
