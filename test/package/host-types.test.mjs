// Issue 20: the generated framework types, as a host gets them. The packed tarball is installed
// into copies of two type-level host apps, and their type checkers run there:
// - test/hosts/react-types/: React 19 JSX with `invoice-elements/react-jsx`, and the @lit/react
//   wrappers of `invoice-elements/react`; `tsc` with @types/react 19;
// - test/hosts/vue-types/: Vue 3 templates with `invoice-elements/vue`; `vue-tsc`.
// Each has files that must compile and `*.wrong.*` / `Wrong.vue` files whose every line after an
// `@ts-expect-error` / `@vue-expect-error` directive must be an error: the check fails if one
// stops erroring (an unused directive is an error), and a second run with the directives blanked
// out must fail with an error on exactly those lines.
//
// Runs under Node after the build: `npm run build && node --test test/package/`. The hosts'
// dependencies (@types/react, @lit/react, vue) come from npm's cache (or the registry);
// TypeScript and vue-tsc are the repository's own.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { URL, fileURLToPath } from 'node:url';
import { packedTarball } from './host-harness.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const tsc = path.join(root, 'node_modules/typescript/bin/tsc');
const vueTsc = path.join(root, 'node_modules/vue-tsc/bin/vue-tsc.js');

let work;
let tarball;

/** Runs a command; `{ code, output }` (never throws on a non-zero exit). */
function run(command, args, cwd) {
  try {
    const output = execFileSync(command, args, {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, npm_config_update_notifier: 'false' },
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, output };
  } catch (error) {
    if (typeof error.status !== 'number') throw error;
    return { code: error.status, output: `${error.stdout}${error.stderr}` };
  }
}

/** A copy of `test/hosts/<name>` with the packed package and its own dependencies installed. */
function host(name) {
  const dir = path.join(work, name);
  cpSync(path.join(root, 'test/hosts', name), dir, {
    recursive: true,
    filter: (src) => !/node_modules/.test(src),
  });
  const install = run(
    'npm',
    [
      'install',
      tarball,
      '--prefer-offline',
      '--no-audit',
      '--no-fund',
      '--ignore-scripts',
      '--no-package-lock',
    ],
    dir,
  );
  assert.equal(install.code, 0, install.output);
  return dir;
}

/**
 * Blanks every line holding `directive` in `file` (line numbers kept); returns the 1-based
 * numbers of the lines that followed them: the lines that must now be errors.
 */
function removeDirectives(file, directive) {
  const lines = readFileSync(file, 'utf8').split('\n');
  const expected = [];
  lines.forEach((line, i) => {
    if (line.includes(directive) && !line.includes('`')) {
      lines[i] = '';
      expected.push(i + 2);
    }
  });
  writeFileSync(file, lines.join('\n'));
  return expected;
}

/** `{ line: [codes] }` of the errors reported for `file` (tsc's `file(line,col): error TSn`). */
function errorsIn(output, file) {
  const errors = {};
  const pattern = new RegExp(
    `${file.replace(/[.]/g, '\\.')}\\((\\d+),\\d+\\): error (TS\\d+)`,
    'g',
  );
  for (const [, line, code] of output.matchAll(pattern)) (errors[line] ??= []).push(code);
  return errors;
}

/** The negative file's directives removed, the checker must report exactly those lines. */
function assertEachLineFails(dir, checker, file, directive, codes) {
  const expected = removeDirectives(path.join(dir, file), directive);
  assert.ok(expected.length >= 3, `${file} has negative cases (${expected.length})`);
  const result = run(process.execPath, [checker, '-p', '.'], dir);
  assert.notEqual(result.code, 0, `${file} without its directives must fail:\n${result.output}`);
  const errors = errorsIn(result.output, file);
  assert.deepEqual(
    Object.keys(errors).map(Number),
    expected,
    `an error on each line after a directive, and nowhere else:\n${result.output}`,
  );
  for (const [line, found] of Object.entries(errors)) {
    assert.ok(
      found.every((code) => codes.includes(code)),
      `${file}:${line}: ${found} (expected one of ${codes})`,
    );
  }
  return expected.length;
}

before(() => {
  if (!existsSync(path.join(root, 'dist/integrations/react-jsx.d.ts'))) {
    throw new Error('dist/integrations/ is missing: run `npm run build` first.');
  }
  work = mkdtempSync(path.join(tmpdir(), 'invoice-elements-types-'));
  // The tarball of this build, shared with the host apps' tests (test/package/host-harness.mjs).
  tarball = packedTarball();
});

after(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

// Wrong property type → TS2322; unknown detail field → TS2339; unknown prop → TS2322.
const TYPE_ERRORS = ['TS2322', 'TS2339', 'TS2769'];

describe('React host (tsc, @types/react 19)', () => {
  let dir;
  before(() => {
    dir = host('react-types');
  });

  test('the tags in JSX and the wrappers compile; every @ts-expect-error is used', () => {
    const result = run(process.execPath, [tsc, '-p', '.'], dir);
    assert.equal(result.code, 0, result.output);
  });

  test('JSX tags: each wrong property type, value or event detail is an error', () => {
    assertEachLineFails(dir, tsc, 'src/tags.wrong.tsx', '@ts-expect-error', TYPE_ERRORS);
  });

  test('@lit/react wrappers: each wrong property type or event detail is an error', () => {
    assertEachLineFails(dir, tsc, 'src/wrappers.wrong.tsx', '@ts-expect-error', TYPE_ERRORS);
  });
});

describe('Vue host (vue-tsc)', () => {
  let dir;
  before(() => {
    dir = host('vue-types');
  });

  test('the tags in a template type-check; every @vue-expect-error is used', () => {
    const result = run(process.execPath, [vueTsc, '-p', '.'], dir);
    assert.equal(result.code, 0, result.output);
  });

  test('each wrong prop type, value or event detail is an error', () => {
    assertEachLineFails(dir, vueTsc, 'src/Wrong.vue', '@vue-expect-error', TYPE_ERRORS);
  });

  test('without invoice-elements/vue, vue-tsc checked none of it (what issue 20 saw)', () => {
    const config = path.join(dir, 'tsconfig.json');
    const tsconfig = JSON.parse(readFileSync(config, 'utf8'));
    tsconfig.compilerOptions.types = [];
    writeFileSync(config, JSON.stringify(tsconfig));
    const result = run(process.execPath, [vueTsc, '-p', '.'], dir);
    // Only "parameter 'event' implicitly has an 'any' type": no prop or detail is checked.
    const codes = new Set([...result.output.matchAll(/error (TS\d+)/g)].map((m) => m[1]));
    assert.deepEqual([...codes], ['TS7006'], result.output);
  });
});
