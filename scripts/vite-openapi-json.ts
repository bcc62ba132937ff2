/**
 * A Vite plugin that imports docs/openapi.yaml as its JSON value (`export default {…}`), so the
 * conformance command (src/testing/cli/) carries the contract without a YAML parser at run
 * time. Build time only (`yaml` is a devDependency).
 */
import { parse } from 'yaml';
import type { Plugin } from 'vite';

export function openapiJson(): Plugin {
  return {
    name: 'invoice-elements:openapi-json',
    transform(code, id) {
      if (!id.endsWith('/docs/openapi.yaml')) return null;
      return { code: `export default ${JSON.stringify(parse(code))};\n`, map: null };
    },
  };
}
