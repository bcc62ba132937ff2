/**
 * Builds the benchmark pages (bench/*.html) into bench-dist/, minified like a production
 * build. `bench/run.mjs` runs this build, serves the result and drives headless Chromium.
 * The single-file bundle of dist/ is served beside them (for the lazy-loading check).
 *
 * The cold-insert page imports the package as a host does, `invoice-elements/…`: each name
 * resolves to the built file package.json's `exports` gives it (dist/, so `npm run build`
 * first; without dist/ the page is left out and the suite says so).
 */
import { defineConfig, type Alias } from 'vite';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

type Exports = Record<string, string | { default?: string }>;
const pkg = JSON.parse(readFileSync(here('../package.json'), 'utf8')) as {
  name: string;
  exports: Exports;
};
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
/** `invoice-elements`, `invoice-elements/core`, …: exactly the package's public entry points. */
const packageAliases: Alias[] = Object.entries(pkg.exports).flatMap(([key, target]) => {
  const file = typeof target === 'string' ? target : target.default;
  if (!file?.endsWith('.js')) return [];
  const name = pkg.name + key.slice(1);
  return [{ find: new RegExp(`^${escape(name)}$`), replacement: here(`.${file}`) }];
});
const built = existsSync(here('../dist/index.js'));

export default defineConfig({
  root: here('.'),
  base: '/',
  publicDir: here('public'),
  resolve: { alias: packageAliases },
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
        ...(built && { 'cold-insert': here('cold-insert.html') }),
      },
    },
  },
  worker: { format: 'es' },
});
