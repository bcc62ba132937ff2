// Issue 20: every TypeScript block of README.md and docs/*.md (```ts, ```typescript, ```tsx)
// compiles under `strict` against the built package, imported by its name as a host does
// (`invoice-elements`, `invoice-elements/react-jsx`, …). A block that is deliberately partial
// is marked with `<!-- ts-fragment -->` on the line before its fence, and skipped; keep that rare.
//
// Each block is a module of its own (`export {}` is appended), in a temporary directory whose
// node_modules links the repository as `invoice-elements` and the type packages the blocks use
// (@types/react, @lit/react, vue) from the repository's devDependencies.
//
// Runs under Node after the build: `npm run build && node --test test/package/`.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { URL, fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const FRAGMENT = '<!-- ts-fragment -->';
const LANGUAGES = { ts: 'ts', typescript: 'ts', tsx: 'tsx' };

/** `{ file, line, lang, code, fragment }` for each TypeScript block of a Markdown file. */
function blocksOf(file) {
  const lines = readFileSync(path.join(root, file), 'utf8').split('\n');
  const blocks = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)```(\w+)\s*$/.exec(lines[i]);
    if (!open) continue;
    const close = lines.findIndex((l, j) => j > i && /^\s*```\s*$/.test(l));
    if (close < 0) break;
    const lang = LANGUAGES[open[2]];
    if (lang) {
      let before = i - 1;
      while (before >= 0 && lines[before].trim() === '') before--;
      blocks.push({
        file,
        line: i + 2, // first line of code, 1-based
        lang,
        code: lines
          .slice(i + 1, close)
          .map((l) => l.slice(open[1].length))
          .join('\n'),
        fragment: before >= 0 && lines[before].trim() === FRAGMENT,
      });
    }
    i = close;
  }
  return blocks;
}

const markdown = [
  'README.md',
  ...readdirSync(path.join(root, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];
const blocks = markdown.flatMap(blocksOf);
const compiled = blocks.filter((b) => !b.fragment);

let work;

before(() => {
  if (!existsSync(path.join(root, 'dist/types/index.d.ts'))) {
    throw new Error('dist/types is missing: run `npm run build` first.');
  }
  work = mkdtempSync(path.join(tmpdir(), 'invoice-elements-docs-'));
  const modules = path.join(work, 'node_modules');
  mkdirSync(path.join(modules, '@types'), { recursive: true });
  mkdirSync(path.join(modules, '@lit'), { recursive: true });
  symlinkSync(root, path.join(modules, 'invoice-elements'), 'dir');
  for (const name of ['@types/react', '@lit/react', 'vue']) {
    symlinkSync(path.join(root, 'node_modules', name), path.join(modules, name), 'dir');
  }
  writeFileSync(
    path.join(work, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        module: 'ESNext',
        moduleResolution: 'Bundler',
        lib: ['ES2022', 'DOM', 'DOM.Iterable'],
        jsx: 'react-jsx',
        strict: true,
        noEmit: true,
        skipLibCheck: true,
        isolatedModules: true,
        types: [],
      },
      include: ['blocks'],
    }),
  );
  mkdirSync(path.join(work, 'blocks'));
});

after(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('TypeScript blocks of README.md and docs/', () => {
  test('there are blocks, and few are marked as fragments', () => {
    assert.ok(compiled.length >= 6, `found ${compiled.length} blocks to compile`);
    assert.ok(
      blocks.filter((b) => b.fragment).length <= 2,
      `fragments: ${blocks.filter((b) => b.fragment).map((b) => `${b.file}:${b.line}`)}`,
    );
  });

  test('every block compiles under strict against the built package', () => {
    const names = new Map();
    compiled.forEach((block, index) => {
      const name = `block-${index}.${block.lang}`;
      names.set(name, block);
      // `export {}` keeps each block a module (its names its own); appended, so lines match.
      writeFileSync(path.join(work, 'blocks', name), `${block.code}\nexport {};\n`);
    });
    let output = '';
    try {
      execFileSync(
        process.execPath,
        [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', '.', '--pretty', 'false'],
        { cwd: work, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
      );
    } catch (error) {
      output = `${error.stdout}${error.stderr}`;
    }
    // Errors as `README.md:123: error TS…`, at the block's line in the Markdown file.
    const located = output.replace(
      /blocks\/(block-\d+\.tsx?)\((\d+),(\d+)\)/g,
      (_, name, line) => `${names.get(name).file}:${names.get(name).line + Number(line) - 1}`,
    );
    assert.equal(located, '', `TypeScript blocks that do not compile:\n${located}`);
  });
});
