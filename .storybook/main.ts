/**
 * Storybook for the four elements (`@storybook/web-components-vite`). Stories live in
 * `stories/`; docs pages and controls come from the Custom Elements Manifest (`custom-elements.json`,
 * made by `npm run analyze`, which the storybook scripts run first).
 */
import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  core: {
    disableTelemetry: true,
    // The root vite.config.ts builds the library (lib mode, externals): not for Storybook.
    builder: {
      name: '@storybook/builder-vite',
      options: { viteConfigPath: '.storybook/vite.config.ts' },
    },
  },
};

export default config;
