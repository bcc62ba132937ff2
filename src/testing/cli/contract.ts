/**
 * Checks one HTTP answer against docs/openapi.yaml: the operation the request names, a status
 * the operation documents (exactly, or as `5XX`), a media type it documents, and a JSON body
 * that matches the response's schema (JSON Schema 2020-12, with ajv). The YAML is turned into
 * JSON at build time (scripts/vite-openapi-json.ts), so nothing parses YAML at run time.
 * Node only (the conformance command).
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';

/** The parts of an OpenAPI 3.1 document read here. */
export interface OpenApiDocument {
  paths: Record<string, Record<string, unknown>>;
  components?: Record<string, Record<string, unknown>>;
}

interface ResponseObject {
  $ref?: string;
  content?: Record<string, { schema?: unknown }>;
}

interface OperationObject {
  operationId?: string;
  responses?: Record<string, ResponseObject>;
}

/** How an answer breaks the contract, for a report. */
export interface ContractViolation {
  /** The operation's id in docs/openapi.yaml, or `METHOD path` when none matched. */
  operation: string;
  /** Where in docs/openapi.yaml (a JSON pointer) and, for a body, where in the body. */
  schemaPath: string;
  message: string;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
const SCHEMA_ID = 'urn:invoice-elements:openapi';

/** `~` and `/` escaped for a JSON pointer. */
const pointerToken = (token: string): string => token.replace(/~/g, '~0').replace(/\//g, '~1');

/** The media type of a `Content-Type` header, lower case, without parameters. */
export function mediaType(header: string | null): string {
  return (header ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

export function isJsonMediaType(type: string): boolean {
  return type === 'application/json' || /^application\/[\w.+-]+\+json$/.test(type);
}

interface Route {
  method: string;
  template: string;
  pattern: RegExp;
  operation: OperationObject;
}

export class ContractChecker {
  readonly #document: OpenApiDocument;
  readonly #ajv: Ajv2020;
  readonly #routes: Route[] = [];
  readonly #validators = new Map<string, ValidateFunction>();
  /** Every object of the document → its JSON pointer (to name the schema an error broke). */
  readonly #pointers = new Map<object, string>();

  constructor(document: OpenApiDocument) {
    this.#document = document;
    this.#ajv = new Ajv2020({
      strict: false,
      validateSchema: false,
      // Not inlined: an error's schemaPath then names the component it broke.
      inlineRefs: false,
      // With the schema object of each error, so it is named by its place in the document.
      verbose: true,
    });
    // The two formats docs/openapi.yaml uses (RFC 3339), without another dependency.
    this.#ajv.addFormat('date', /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/);
    this.#ajv.addFormat(
      'date-time',
      /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])[Tt]([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?([Zz]|[+-]([01]\d|2[0-3]):[0-5]\d)$/,
    );
    this.#ajv.addSchema({ ...document, $id: SCHEMA_ID });
    const walk = (node: unknown, pointer: string): void => {
      if (typeof node !== 'object' || node === null || this.#pointers.has(node)) return;
      this.#pointers.set(node, pointer);
      for (const [key, value] of Object.entries(node))
        walk(value, `${pointer}/${pointerToken(key)}`);
    };
    walk(document, '#');
    for (const [template, item] of Object.entries(document.paths)) {
      const source = template
        .split('/')
        .map((part) =>
          /^\{[^}]+\}$/.test(part) ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
        )
        .join('/');
      for (const method of METHODS) {
        const operation = item[method] as OperationObject | undefined;
        if (!operation) continue;
        this.#routes.push({
          method: method.toUpperCase(),
          template,
          pattern: new RegExp(`^${source}$`),
          operation,
        });
      }
    }
  }

  /** The operation id a request names (`path` relative to the API's base, with a leading `/`). */
  operationOf(method: string, path: string): string | undefined {
    return this.#route(method, path)?.operation.operationId;
  }

  /**
   * What is wrong with one answer (empty when nothing is). `body` is the parsed JSON, or
   * `undefined` when the answer had no body or one that is not JSON (`bodyIsJson: false`).
   */
  check(answer: {
    method: string;
    path: string;
    status: number;
    contentType: string | null;
    hasBody: boolean;
    bodyIsJson: boolean;
    body?: unknown;
  }): ContractViolation[] {
    const route = this.#route(answer.method, answer.path);
    if (!route) {
      return [
        {
          operation: `${answer.method} ${answer.path}`,
          schemaPath: '#/paths',
          message: 'no operation of docs/openapi.yaml matches this request',
        },
      ];
    }
    const operation = route.operation.operationId ?? `${route.method} ${route.template}`;
    const operationPointer = `#/paths/${pointerToken(route.template)}/${route.method.toLowerCase()}`;
    const responses = route.operation.responses ?? {};
    const key = [String(answer.status), `${String(answer.status)[0]}XX`, 'default'].find(
      (k) => responses[k] !== undefined,
    );
    if (key === undefined) {
      return [
        {
          operation,
          schemaPath: `${operationPointer}/responses`,
          message: `status ${answer.status} is not documented for ${operation} (documented: ${Object.keys(responses).join(', ')})`,
        },
      ];
    }
    let pointer = `${operationPointer}/responses/${pointerToken(key)}`;
    let response = responses[key] as ResponseObject;
    if (response.$ref) {
      pointer = response.$ref;
      response = this.#resolve(response.$ref) as ResponseObject;
    }
    const content = response.content;
    if (!content || !answer.hasBody) return [];
    const type = mediaType(answer.contentType);
    const documented = Object.keys(content);
    const entry = content[type];
    if (!entry) {
      // Files (download): any media type the operation lets through as octet-stream.
      if (!isJsonMediaType(type) && content['application/octet-stream']) return [];
      return [
        {
          operation,
          schemaPath: `${pointer}/content`,
          message: `media type "${type || '(none)'}" of status ${answer.status} is not documented for ${operation} (documented: ${documented.join(', ')})`,
        },
      ];
    }
    if (!isJsonMediaType(type) || entry.schema === undefined) return [];
    const schemaPointer = `${pointer}/content/${pointerToken(type)}/schema`;
    if (!answer.bodyIsJson) {
      return [{ operation, schemaPath: schemaPointer, message: 'the body is not valid JSON' }];
    }
    const validate = this.#validator(schemaPointer);
    if (validate(answer.body)) return [];
    return (validate.errors ?? []).slice(0, 3).map((error) => ({
      operation,
      schemaPath: this.#schemaPathOf(error, schemaPointer),
      message: `body${error.instancePath || ''} ${error.message ?? 'does not match'}${extra(error)}`,
    }));
  }

  /** Where in docs/openapi.yaml an error is, e.g. `#/components/schemas/InvoiceSummary/required`. */
  #schemaPathOf(error: ErrorObject, fallback: string): string {
    const parent = error.parentSchema as object | undefined;
    const pointer = parent === undefined ? undefined : this.#pointers.get(parent);
    return pointer === undefined
      ? `${fallback} ${error.schemaPath}`
      : `${pointer}/${error.keyword}`;
  }

  #route(method: string, path: string): Route | undefined {
    return this.#routes.find((r) => r.method === method.toUpperCase() && r.pattern.test(path));
  }

  #resolve(ref: string): unknown {
    let node: unknown = this.#document;
    for (const raw of ref.replace(/^#\//, '').split('/')) {
      const token = raw.replace(/~1/g, '/').replace(/~0/g, '~');
      node = (node as Record<string, unknown> | undefined)?.[token];
    }
    return node;
  }

  #validator(pointer: string): ValidateFunction {
    let validate = this.#validators.get(pointer);
    if (!validate) {
      validate = this.#ajv.compile({ $ref: `${SCHEMA_ID}${pointer}` });
      this.#validators.set(pointer, validate);
    }
    return validate;
  }
}

function extra(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  if (typeof params.allowedValues === 'object') {
    return ` (${JSON.stringify(params.allowedValues)})`;
  }
  return '';
}
