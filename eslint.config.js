import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import litA11y from 'eslint-plugin-lit-a11y';
import globals from 'globals';

/** HTML sinks are banned everywhere in src/ (docs/RULES.md, Security). */
const htmlSinks = [
  { selector: "MemberExpression[property.name='innerHTML']", message: 'No innerHTML.' },
  { selector: "MemberExpression[property.name='outerHTML']", message: 'No outerHTML.' },
  {
    selector: "CallExpression[callee.property.name='insertAdjacentHTML']",
    message: 'No insertAdjacentHTML.',
  },
  { selector: "CallExpression[callee.name='eval']", message: 'No eval.' },
  { selector: "NewExpression[callee.name='Function']", message: 'No new Function.' },
];

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      'demo-dist/**',
      'bench-dist/**',
      'server/dist/**',
      'bench-results/**',
      'storybook-static/**',
      '**/mockServiceWorker.js',
      'custom-elements.json',
      // Host apps of the packed package: type-checked against it by their own tsc, in a copy
      // (test/package/host-vite.test.mjs); the package is not installed here.
      'test/hosts/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  lit.configs['flat/recommended'],
  wc.configs['flat/recommended'],
  litA11y.configs.recommended ?? {},
  {
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // Node-side scripts, configs and node:test files.
    files: [
      '**/*.mjs',
      '**/*.cjs',
      '*.js',
      '*.ts',
      'bench/**/*.{js,mjs}',
      '.storybook/**',
      'server/**/*.ts',
    ],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-syntax': ['error', ...htmlSinks],
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'lit/directives/unsafe-html.js', message: 'No unsafeHTML.' }] },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    // The non-visual core, adapters and exports never import Lit.
    files: ['src/core/**/*.ts', 'src/adapters/**/*.ts', 'src/exports/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['lit', 'lit/*', '@lit/*', '@lit-labs/*'], message: 'The core has no Lit.' },
          ],
        },
      ],
    },
  },
  {
    // The conformance kit runs in a host's own runner: no Lit, no test framework, no test file.
    files: ['src/testing/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['lit', 'lit/*', '@lit/*', '@lit-labs/*'], message: 'The kit has no Lit.' },
            {
              group: ['mocha', 'chai', '@open-wc/*', '@web/*', 'node:*', 'vitest', 'jest'],
              message: 'The kit takes the host runner’s describe/it; it imports no test framework.',
            },
            { group: ['**/test/**'], message: 'The kit ships in the package: nothing from test/.' },
          ],
        },
      ],
    },
  },
  {
    // The conformance command (src/testing/cli/, package.json `bin`) runs in Node: node:* is
    // its own to use; the rest of the kit's rule holds.
    files: ['src/testing/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['lit', 'lit/*', '@lit/*', '@lit-labs/*'], message: 'The kit has no Lit.' },
            {
              group: ['mocha', 'chai', '@open-wc/*', '@web/*', 'vitest', 'jest'],
              message: 'The command imports no test framework.',
            },
            { group: ['**/test/**'], message: 'The kit ships in the package: nothing from test/.' },
          ],
        },
      ],
    },
  },
);
