// Bundles the reference server (server/src) to server/dist with esbuild: the library's source
// it imports (src/core, src/adapters/memory…) is bundled, npm packages stay imports.
import { build } from 'esbuild';

await build({
  entryPoints: { main: 'server/src/main.ts', index: 'server/src/index.ts' },
  outdir: 'server/dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
