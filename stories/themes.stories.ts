/// <reference types="vite/client" />
/**
 * The two example reseller themes (demo/themes/*.css), built only from `--inv-*` tokens and
 * `::part()`: the four elements under each, in light and dark. The default theme is the first
 * story for comparison. See docs/THEMING.md.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/define.js';
import nimbusCss from '../demo/themes/nimbus.css?raw';
import ironcladCss from '../demo/themes/ironclad.css?raw';
import type { InvoiceBackend } from '../src/core/backend.js';
import {
  pickInvoice,
  pickInvoiceId,
  STORY_TODAY,
  storyBackend,
  storyCustomer,
} from './support/backends.js';
import { tokenArgTypes, tokenStyle } from './support/tokens.js';

type Brand = 'default' | 'nimbus' | 'ironclad';
const CSS: Record<Brand, string> = { default: '', nimbus: nimbusCss, ironclad: ironcladCss };

interface Args {
  brand: Brand;
  theme: 'light' | 'dark' | 'auto';
  density: '' | 'compact';
  /** The global colour tokens of the controls (`--inv-*`). */
  [token: `--inv-${string}`]: string | undefined;
}

/** The four elements under one theme: the CSS goes in through a <style> element. */
function gallery(args: Args, backend: InvoiceBackend): HTMLElement {
  const root = document.createElement('div');
  root.className = args.brand === 'default' ? '' : `theme-${args.brand}`;
  // The colour controls win over the brand's tokens (inline, on the brand's own element).
  const tokens = tokenStyle(args);
  if (tokens) root.setAttribute('style', tokens);
  const style = document.createElement('style');
  style.textContent = CSS[args.brand];
  root.append(style);
  const themed = <T extends HTMLElement>(tag: string): T => {
    const el = document.createElement(tag) as T & { backend?: InvoiceBackend };
    el.backend = backend;
    if (args.theme !== 'auto') el.setAttribute('theme', args.theme);
    if (args.density) el.setAttribute('density', args.density);
    return el;
  };
  const table = themed<HTMLElementTagNameMap['invoice-table']>('invoice-table');
  table.today = STORY_TODAY;
  table.setAttribute('customer-id', storyCustomer().id);
  const viewer = themed<HTMLElementTagNameMap['invoice-viewer']>('invoice-viewer');
  viewer.setAttribute('invoice-id', pickInvoiceId({ status: 'DRAFT', provider: 'microsoft' }));
  const updater = themed<HTMLElementTagNameMap['status-updater']>('status-updater');
  updater.invoice = pickInvoice({ status: 'OPEN', provider: 'aws' });
  const menu = themed<HTMLElementTagNameMap['download-menu']>('download-menu');
  menu.invoice = pickInvoice({ status: 'OPEN', provider: 'google' });
  const row = document.createElement('div');
  row.className = 'gallery-row';
  row.append(updater, menu);
  const rowStyle = document.createElement('style');
  rowStyle.textContent =
    '.gallery-row{display:flex;flex-wrap:wrap;gap:1.5rem;align-items:start;margin-block:1.5rem}' +
    '.gallery-row status-updater{flex:1 1 24rem}';
  root.append(rowStyle, table, row, viewer);
  return root;
}

const meta: Meta<Args> = {
  title: 'Theming/Reseller themes',
  render: (args) => gallery(args, storyBackend()),
  argTypes: {
    brand: { control: 'inline-radio', options: ['default', 'nimbus', 'ironclad'] },
    theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'] },
    density: { control: 'inline-radio', options: ['', 'compact'] },
    ...tokenArgTypes(),
  },
  args: { brand: 'default', theme: 'light', density: '' },
  parameters: { layout: 'padded' },
};
export default meta;

type Story = StoryObj<Args>;

/** The default theme: the source's blue section bars. */
export const Default: Story = {};

/** Nimbus: teal, rounded, roomy (demo/themes/nimbus.css). */
export const Nimbus: Story = { args: { brand: 'nimbus' } };

/** Nimbus in the dark theme: the brand sets no surfaces, so dark mode still works. */
export const NimbusDark: Story = { args: { brand: 'nimbus', theme: 'dark' } };

/**
 * Nimbus forced dark on a light host page (`theme="dark"` on the elements only): each element
 * paints its own surface, so the text stays legible (issue 20: the status updater did not).
 */
export const NimbusDarkOnLightPage: Story = {
  args: { brand: 'nimbus', theme: 'dark' },
  parameters: { pageTheme: 'light' },
};

/** Ironclad: dark red and graphite, square corners, compact, a condensed font stack. */
export const Ironclad: Story = { args: { brand: 'ironclad' } };

/** Ironclad in the dark theme. */
export const IroncladDark: Story = { args: { brand: 'ironclad', theme: 'dark' } };

/** The default theme, compact density. */
export const Compact: Story = { args: { density: 'compact' } };
