/** Vite settings for Storybook only (the root vite.config.ts is the library build). */
import { defineConfig } from 'vite';

export default defineConfig({
  // The PDF export runs in a module Web Worker.
  worker: { format: 'es' },
});
