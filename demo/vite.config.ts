/**
 * The demo host portal: `npm start` serves it (the README's main command), `npm run build:demo`
 * writes a static copy to demo-dist/. The backend is RestBackend against the msw
 * implementation of the REST contract, over an in-browser MemoryBackend.
 */
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: './',
  publicDir: 'public',
  server: { host: 'localhost', port: 5173, strictPort: false, open: false },
  preview: { host: 'localhost', port: 4173 },
  build: {
    outDir: fileURLToPath(new URL('../demo-dist', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
  },
  worker: { format: 'es' },
});
