/**
 * A Vite plugin that imports docs/openapi.yaml as the part of its JSON value the conformance
 * command checks answers with (`export default {…}`): each operation's id and responses, and
 * the component schemas and responses, without the prose (descriptions, summaries, examples).
 * So the command carries the contract without a YAML parser at run time, and the package
 * (whose source maps embed their sources) does not carry the YAML twice. Build time only
 * (`yaml` is a devDependency).
 */
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import type { Plugin } from 'vite';

const PROSE = new Set(['description', 'summary', 'examples', 'example']);

/** `node` without prose keys; the names under `properties` are data, kept whatever they are. */
function withoutProse(node: unknown, parentKey = ''): unknown {
  if (Array.isArray(node)) return node.map((item) => withoutProse(item));
  if (typeof node !== 'object' || node === null) return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (parentKey !== 'properties' && PROSE.has(key)) continue;
    out[key] = withoutProse(value, key);
  }
  return out;
}

/** What the checks read of the document (src/testing/cli/contract.ts, `OpenApiDocument`). */
export function contractForChecks(document: {
  paths: Record<string, Record<string, { operationId?: string; responses?: unknown }>>;
  components: { schemas: unknown; responses: unknown };
}): unknown {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [path, item] of Object.entries(document.paths)) {
    paths[path] = {};
    for (const method of ['get', 'post', 'put', 'patch', 'delete']) {
      const operation = item[method];
      if (!operation) continue;
      paths[path][method] = withoutProse({
        operationId: operation.operationId,
        responses: operation.responses,
      });
    }
  }
  return {
    paths,
    components: withoutProse({
      schemas: document.components.schemas,
      responses: document.components.responses,
    }),
  };
}

export function openapiJson(): Plugin {
  return {
    name: 'invoice-elements:openapi-json',
    async load(id) {
      if (!id.endsWith('/docs/openapi.yaml')) return null;
      const document = parse(await readFile(id, 'utf8'));
      return {
        code: `export default ${JSON.stringify(contractForChecks(document))};\n`,
        map: null,
      };
    },
  };
}
