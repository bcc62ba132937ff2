/**
 * docs/openapi.yaml, imported by the conformance command as a JSON value: the build turns the
 * YAML into JSON (scripts/vite-openapi-json.ts), so nothing parses YAML at run time.
 */
declare module '*/docs/openapi.yaml' {
  import type { OpenApiDocument } from './contract.js';

  const document: OpenApiDocument;
  export default document;
}
