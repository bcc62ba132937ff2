/**
 * Builds the benchmark pages (bench/*.html) into bench-dist/, minified like a production
 * build. `bench/run.mjs` runs this build, serves the result and drives headless Chromium.
 * The single-file bundle of dist/ is served beside them (for the lazy-loading check).
 */
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: here('.'),
  base: '/',
  publicDir: here('public'),
  logLevel: 'warn',
  build: {
    outDir: here('../bench-dist'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: false,
    chunkSizeWarningLimit: 4096,
    rollupOptions: {
      input: {
        table: here('table.html'),
        viewer: here('viewer.html'),
        exports: here('exports.html'),
        interactions: here('interactions.html'),
      },
    },
  },
  worker: { format: 'es' },
});
