// The esbuild host's entry: the page every plain-TypeScript host runs (test/hosts/shared/page.ts).
import './shared/page.js';
