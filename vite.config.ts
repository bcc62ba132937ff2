/**
 * Four builds (`npm run build` runs them in this order):
 * - default: the npm package, ESM modules in dist/ with dependencies external;
 * - `--mode worker-pdf`, `--mode worker-csv`: the two export workers, each ONE self-contained
 *   file, dist/workers/pdf.worker.js (our PDF code, jspdf, jspdf-autotable) and
 *   dist/workers/csv.worker.js (our CSV code, papaparse), with no import of any other file;
 * - `--mode bundle`: one browser file, dist/invoice-elements.bundle.js, with everything in it
 *   but the export code that loads only when used, kept in separate chunks.
 *
 * Both the package and the bundle start the *same* worker files, and their main-thread
 * fallbacks import the same files as modules: jspdf and papaparse are each in dist/ once
 * (issue 20). Why one file per worker: a host's bundler that meets
 * `new Worker(new URL('…', import.meta.url))` in our package either bundles the file as a
 * worker entry (Vite) or copies it as an asset (webpack, rspack); a copied worker that imports
 * chunks by relative URL 404s, a self-contained one does not. See {@link workerFiles}.
 */
import path from 'node:path';
import ts from 'typescript';
import { defineConfig, type Plugin, type UserConfig } from 'vite';
import { openapiJson } from './scripts/vite-openapi-json.js';

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
      .replace(/;}/g, '}')
      // `0.5rem` as `.5rem`; `*` and `/` without spaces (calc(), colours, grid lines; `+` and
      // `-` keep theirs); an attribute value that is an identifier without quotes.
      .replace(/(^|[^\w.-])0\.(\d)/g, '$1.$2')
      .replace(/ ([*/]) /g, '$1')
      .replace(/=(['"])([a-zA-Z_][\w-]*)\1\]/g, '=$2]');
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
      // The raw text of the literal before, to tell a binding inside a tag (`a=${…} >`).
      let before = '';
      const squeeze = (node: ts.Node, trimStart: number, trimEnd: number): void => {
        // The literal's raw text, without its delimiters (` and ${ or }).
        const start = node.getStart(file) + trimStart;
        const end = node.getEnd() - trimEnd;
        const raw = code.slice(start, end);
        let text = raw
          .replace(/\s*\n\s*/g, ' ')
          // White space before a tag's `>` is no text: `</span >`, `<span >`.
          .replace(/(<\/?[a-zA-Z][\w-]*)\s+>/g, '$1>');
        // After an attribute's value binding (`a=${…} >`, `a="${…}" >`): still in the tag.
        // Not before `/>`: an unquoted value would take the `/` in (`a=${…}/>`).
        if (/=["']?$/.test(before)) text = text.replace(/^(["']?)\s+>/, '$1>');
        before = raw;
        if (text !== raw) edits.push({ start, end, text });
      };
      const visit = (node: ts.Node): void => {
        if (
          ts.isTaggedTemplateExpression(node) &&
          ts.isIdentifier(node.tag) &&
          node.tag.text === 'html'
        ) {
          const t = node.template;
          before = '';
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

/**
 * Applies Lit's `@property` and `@state` decorators of each class in one loop instead of one
 * `__decorate([property(…)], C.prototype, "name", void 0)` call per field: the same decorators,
 * in the same order, called as `__decorate` calls them on a field (`d(C.prototype, "name")`,
 * which returns nothing for a field, so nothing is defined on top). A field's name is written
 * once instead of with `C.prototype` and `void 0` around it, and a chunk with no `__decorate`
 * call left lets a host's bundler drop the helper. Line breaks are kept (source maps stay
 * right line by line). Only whole runs of single-decorator field calls are rewritten; anything
 * else (an accessor, two decorators) stays as it is.
 */
function compactLitDecorators(): Plugin {
  const call = String.raw`(_{1,2}decorate)\(\[((?:property|state)\([^()]*\))\], (\w+)\.prototype, "(\w+)", void 0\);`;
  const run = new RegExp(String.raw`(?:^${call}\n)+`, 'gm');
  const one = new RegExp(call, 'g');
  return {
    name: 'invoice-elements:compact-lit-decorators',
    // After the TypeScript transform, which writes the decorator calls.
    enforce: 'post',
    transform(code, id) {
      if (!/\/src\/components\/.*\.ts$/.test(id) || !code.includes('decorate([')) return null;
      let changed = false;
      const out = code.replace(run, (block) => {
        const calls = [...block.matchAll(one)];
        const cls = calls[0][3];
        if (calls.some((c) => c[3] !== cls)) return block;
        changed = true;
        const fields = calls.map((c) => `${c[4]}: ${c[2]},\n`).join('');
        return `for (const [key, decorate] of Object.entries({ ${fields}})) decorate(${cls}.prototype, key);\n`;
      });
      return changed ? { code: out, map: null } : null;
    },
  };
}

/** The export workers, built on their own into dist/workers/ (see the top of this file). */
type WorkerName = 'pdf' | 'csv';
const WORKER_DIR = 'workers';

/**
 * Points the package's and the bundle's export code at the prebuilt worker files. In the
 * sources, `pdf.ts` and `csv-export.ts` start `new Worker(new URL('./pdf.worker.ts',
 * import.meta.url), { type: 'module' })` and their fallbacks `import('./pdf.worker.js')`, which
 * Vite's dev server, the demo build and web-test-runner resolve to the TypeScript sources.
 * Here each becomes a reference to `dist/workers/<name>.worker.js`, relative to the chunk it
 * lands in, in the shape host bundlers recognise:
 *   ((Worker) => new Worker(new URL("../workers/pdf.worker.js", import.meta.url),
 *     { type: "module" }))(TrustedWorker)
 *   import("../workers/pdf.worker.js")
 * (`Worker` there is our Trusted Types wrapper, under the name bundlers look for.) A build whose
 * sources no longer have these shapes fails here rather than shipping a worker of its own.
 */
function workerFiles(): Plugin {
  const startRe = (name: string): RegExp =>
    new RegExp(
      String.raw`new Worker\(\s*new URL\(\s*'\./${name}\.worker\.ts',\s*import\.meta\.url\s*\),\s*\{\s*type:\s*'module'\s*\}\s*\)`,
      'g',
    );
  const importRe = (name: string): RegExp =>
    new RegExp(String.raw`import\(\s*'\./${name}\.worker\.js'\s*\)`, 'g');
  const owner: Record<string, WorkerName> = {
    'src/exports/pdf.ts': 'pdf',
    'src/exports/csv-export.ts': 'csv',
  };
  return {
    name: 'invoice-elements:worker-files',
    enforce: 'pre',
    transform(code, id) {
      const file = Object.keys(owner).find((f) => id.endsWith(`/${f}`));
      if (!file) return null;
      const name = owner[file];
      let starts = 0;
      let imports = 0;
      const out = code
        .replace(startRe(name), () => {
          starts++;
          return `__INVOICE_ELEMENTS_WORKER__(Worker, '${name}')`;
        })
        .replace(importRe(name), () => {
          imports++;
          return `import(/* @vite-ignore */ __INVOICE_ELEMENTS_WORKER_FILE__('${name}'))`;
        });
      if (starts !== 1 || imports !== 1) {
        this.error(`${file}: expected one worker start and one fallback import of ${name}.worker`);
      }
      return { code: out, map: null };
    },
    renderChunk(code, chunk) {
      if (!code.includes('__INVOICE_ELEMENTS_WORKER')) return null;
      const target = (name: string): string => {
        const rel = path.posix.relative(
          path.posix.dirname(chunk.fileName),
          `${WORKER_DIR}/${name}.worker.js`,
        );
        return JSON.stringify(rel.startsWith('.') ? rel : `./${rel}`);
      };
      const quoted = String.raw`["'\`](\w+)["'\`]`;
      const out = code
        .replace(
          new RegExp(
            String.raw`__INVOICE_ELEMENTS_WORKER__\(\s*([\w$]+)\s*,\s*${quoted}\s*\)`,
            'g',
          ),
          (_, local: string, name: string) =>
            `((Worker) => new Worker(new URL(${target(name)}, import.meta.url), { type: "module" }))(${local})`,
        )
        .replace(
          // With the comment: a host's Vite must see (and bundle) this import, not ignore it.
          new RegExp(
            String.raw`(?:/\*\s*@vite-ignore\s*\*/\s*)?__INVOICE_ELEMENTS_WORKER_FILE__\(\s*${quoted}\s*\)`,
            'g',
          ),
          (_, name: string) => target(name),
        );
      if (out.includes('__INVOICE_ELEMENTS_WORKER')) {
        this.error(`${chunk.fileName}: a worker reference was left unresolved`);
      }
      return { code: out, map: null };
    },
  };
}

/**
 * jspdf's optional modules, for its `html()` and SVG paths, which our PDFs never use: left out
 * of the PDF worker (an `import()` of them would reject; nothing calls one).
 */
const JSPDF_OPTIONAL = ['html2canvas', 'dompurify', 'canvg'];

/** One self-contained worker file, dist/workers/<name>.worker.js (see the top of this file). */
function workerBuild(name: WorkerName): UserConfig {
  return {
    base: './',
    publicDir: false,
    resolve: {
      alias: JSPDF_OPTIONAL.map((find) => ({
        find: new RegExp(`^${find}$`),
        replacement: path.resolve(import.meta.dirname, 'src/exports/optional-stub.ts'),
      })),
    },
    build: {
      outDir: `dist/${WORKER_DIR}`,
      emptyOutDir: false,
      target: 'es2022',
      // No maps: the worker is ~all vendored code (jspdf's map alone was 1.3 MB).
      sourcemap: false,
      minify: true,
      copyPublicDir: false,
      lib: {
        entry: { [`${name}.worker`]: `src/exports/${name}.worker.ts` },
        formats: ['es'],
        fileName: (_format, entry) => `${entry}.js`,
      },
      rolldownOptions: {
        // Everything in the one file: no chunk for jspdf, autotable or papaparse. Minified in
        // full (Vite keeps the white space of a library's ES output).
        output: { codeSplitting: false, minify: true },
      },
    },
  };
}

const external = [/^lit($|\/)/, /^@lit\//, /^@lit-labs\//, /^papaparse$/, /^jspdf/];

export default defineConfig(({ mode }): UserConfig => {
  if (mode === 'worker-pdf') return workerBuild('pdf');
  if (mode === 'worker-csv') return workerBuild('csv');
  if (mode === 'bundle') {
    return {
      // Relative URLs (the workers' among them): the bundle works wherever a host serves it.
      base: './',
      plugins: [workerFiles(), minifyLitCss(), minifyLitHtml(), compactLitDecorators()],
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
    };
  }
  return {
    base: './',
    plugins: [
      workerFiles(),
      minifyLitCss(),
      minifyLitHtml(),
      compactLitDecorators(),
      openapiJson(),
    ],
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
          // The conformance kit (issue 23): a host's tests import it, never the elements.
          testing: 'src/testing/index.ts',
          'components/invoice-table': 'src/components/invoice-table/invoice-table.ts',
          'components/invoice-viewer': 'src/components/invoice-viewer/invoice-viewer.ts',
          'components/status-updater': 'src/components/status-updater/status-updater.ts',
          'components/download-menu': 'src/components/download-menu/download-menu.ts',
          // The pt-BR and es strings: loaded on demand, or imported by a host up front.
          'i18n/pt-BR': 'src/i18n/pt-BR.ts',
          'i18n/es': 'src/i18n/es.ts',
          // The conformance command (package.json `bin`), Node only.
          'testing/conformance-cli': 'src/testing/cli/bin.ts',
        },
        formats: ['es'],
      },
      rollupOptions: {
        // Node's modules and ajv: the conformance command's, at run time in Node.
        external: [...external, /^msw/, /^node:/, /^ajv(\/|$)/],
        output: { chunkFileNames: 'chunks/[name]-[hash].js' },
      },
    },
  };
});
