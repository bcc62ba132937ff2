/**
 * Two builds (`npm run build` runs both):
 * - default: the npm package, ESM modules in dist/ with dependencies external;
 * - `--mode bundle`: one browser file, dist/invoice-elements.bundle.js, with everything in it
 *   but the export code that loads only when used (jspdf, its worker), kept in separate chunks.
 */
import { defineConfig, type Plugin, type UserConfig } from 'vite';

/**
 * Minifies the static CSS of Lit `css` templates (comments, whitespace) at build time. The
 * text between `${identifier}` interpolations is squeezed, the interpolations are kept as
 * they are; selectors keep their descendant spaces.
 */
function minifyLitCss(): Plugin {
  const template = /\bcss`((?:[^`$]|\$\{\w+\})*)`/g;
  const squeeze = (text: string): string =>
    text
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\s+/g, ' ')
      .replace(/\s*([{};,>])\s*/g, '$1')
      .replace(/;}/g, '}');
  return {
    name: 'invoice-elements:minify-lit-css',
    transform(code, id) {
      if (!/\/src\/components\/.*\.styles\.ts$/.test(id)) return null;
      return {
        code: code.replace(
          template,
          (_, body: string) =>
            `css\`${body
              .split(/(\$\{\w+\})/)
              .map((part) => (part.startsWith('${') ? part : squeeze(part)))
              .join('')}\``,
        ),
        map: null,
      };
    },
  };
}

const external = [/^lit($|\/)/, /^@lit\//, /^@lit-labs\//, /^papaparse$/, /^jspdf/];

export default defineConfig(({ mode }): UserConfig => {
  if (mode === 'bundle') {
    return {
      // Relative URLs (the PDF worker's among them): the bundle works wherever a host serves it.
      base: './',
      plugins: [minifyLitCss()],
      build: {
        outDir: 'dist',
        emptyOutDir: false,
        target: 'es2022',
        sourcemap: true,
        lib: {
          entry: { 'invoice-elements.bundle': 'src/define.ts' },
          formats: ['es'],
        },
        rollupOptions: {
          output: { chunkFileNames: 'chunks/[name]-[hash].js' },
        },
      },
      worker: { format: 'es' },
    };
  }
  return {
    base: './',
    plugins: [minifyLitCss()],
    build: {
      outDir: 'dist',
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: true,
      minify: false,
      lib: {
        entry: {
          index: 'src/index.ts',
          define: 'src/define.ts',
          core: 'src/core/index.ts',
          exports: 'src/exports/index.ts',
          'adapters/memory': 'src/adapters/memory/index.ts',
          'adapters/rest': 'src/adapters/rest/rest-backend.ts',
          'adapters/msw': 'src/adapters/msw/index.ts',
          'components/invoice-table': 'src/components/invoice-table/invoice-table.ts',
          'components/invoice-viewer': 'src/components/invoice-viewer/invoice-viewer.ts',
          'components/status-updater': 'src/components/status-updater/status-updater.ts',
          'components/download-menu': 'src/components/download-menu/download-menu.ts',
        },
        formats: ['es'],
      },
      rollupOptions: {
        external: [...external, /^msw/],
        output: { chunkFileNames: 'chunks/[name]-[hash].js' },
      },
    },
    worker: { format: 'es' },
  };
});
