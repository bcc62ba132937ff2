/**
 * Two builds (`npm run build` runs both):
 * - default: the npm package, ESM modules in dist/ with dependencies external;
 * - `--mode bundle`: one browser file, dist/invoice-elements.bundle.js, with everything in it
 *   but the export code that loads only when used (jspdf, its worker), kept in separate chunks.
 */
import ts from 'typescript';
import { defineConfig, type Plugin, type UserConfig } from 'vite';

/**
 * Minifies the static CSS of Lit `css` templates (comments, whitespace) at build time. The
 * text between `${identifier}` interpolations is squeezed, the interpolations are kept as
 * they are; selectors keep their descendant spaces, media queries the space before `(`.
 */
function minifyLitCss(): Plugin {
  const template = /\bcss`((?:[^`$]|\$\{\w+\})*)`/g;
  const squeeze = (text: string): string =>
    text
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\s+/g, ' ')
      .replace(/\s*([{};,>])\s*/g, '$1')
      // Not the space before `:` or `(` (`a :focus`, `and (…)`), only the one after.
      .replace(/([:(])\s+/g, '$1')
      .replace(/\s+\)/g, ')')
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

/**
 * Squeezes the indentation of Lit `html` templates at build time: in their static text, every
 * run of white space that holds a line break becomes one space. That is what the browser
 * renders anyway (the elements use no `white-space: pre` on template text), so nothing shown
 * changes; bindings (`${…}`) are untouched. The templates are found with the TypeScript parser,
 * not a regular expression, so nested templates and strings inside bindings are safe.
 */
function minifyLitHtml(): Plugin {
  return {
    name: 'invoice-elements:minify-lit-html',
    transform(code, id) {
      if (!/\/src\/components\/.*\.ts$/.test(id) || !code.includes('html`')) return null;
      const file = ts.createSourceFile(id, code, ts.ScriptTarget.Latest, true);
      const edits: { start: number; end: number; text: string }[] = [];
      const squeeze = (node: ts.Node, trimStart: number, trimEnd: number): void => {
        // The literal's raw text, without its delimiters (` and ${ or }).
        const start = node.getStart(file) + trimStart;
        const end = node.getEnd() - trimEnd;
        const raw = code.slice(start, end);
        const text = raw.replace(/\s*\n\s*/g, ' ');
        if (text !== raw) edits.push({ start, end, text });
      };
      const visit = (node: ts.Node): void => {
        if (
          ts.isTaggedTemplateExpression(node) &&
          ts.isIdentifier(node.tag) &&
          node.tag.text === 'html'
        ) {
          const t = node.template;
          if (ts.isNoSubstitutionTemplateLiteral(t)) squeeze(t, 1, 1);
          else {
            squeeze(t.head, 1, 2);
            for (const span of t.templateSpans) {
              squeeze(span.literal, 1, ts.isTemplateTail(span.literal) ? 1 : 2);
            }
          }
        }
        ts.forEachChild(node, visit);
      };
      visit(file);
      if (!edits.length) return null;
      let out = code;
      for (const e of edits.sort((a, b) => b.start - a.start)) {
        out = out.slice(0, e.start) + e.text + out.slice(e.end);
      }
      return { code: out, map: null };
    },
  };
}

const external = [/^lit($|\/)/, /^@lit\//, /^@lit-labs\//, /^papaparse$/, /^jspdf/];

export default defineConfig(({ mode }): UserConfig => {
  if (mode === 'bundle') {
    return {
      // Relative URLs (the PDF worker's among them): the bundle works wherever a host serves it.
      base: './',
      plugins: [minifyLitCss(), minifyLitHtml()],
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
    plugins: [minifyLitCss(), minifyLitHtml()],
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
          // The pt-BR and es strings: loaded on demand, or imported by a host up front.
          'i18n/pt-BR': 'src/i18n/pt-BR.ts',
          'i18n/es': 'src/i18n/es.ts',
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
