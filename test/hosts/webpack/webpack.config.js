// A production build of what tsc emitted (out/), as ES modules: webpack then loads its lazy
// chunks with `import()`, which Trusted Types do not guard, rather than with script elements
// (a `script.src` sink: without ES module output it would need `output.trustedTypes` and
// `webpack` in the page's `trusted-types`; docs/CSP.md).
import path from 'node:path';

export default {
  mode: 'production',
  entry: './out/main.js',
  experiments: { outputModule: true },
  output: {
    path: path.resolve(import.meta.dirname, 'dist/assets'),
    publicPath: '/assets/',
    filename: '[name].js',
    chunkFilename: '[name].[contenthash].js',
    assetModuleFilename: '[name].[contenthash][ext]',
    module: true,
    clean: true,
  },
  performance: { hints: false },
};
