import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/** A parsed OpenAPI 3.0 document (plain JSON data). */
export type Document = Record<string, unknown>;
type Json = Record<string, unknown>;

/** `/a~1b/c` for the segments `['a/b', 'c']` (RFC 6901). */
export function pointerOf(segments: readonly string[]): string {
  return segments.map((segment) => `/${segment.replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/** The segments of a JSON pointer; of a percent-encoded one when it comes from a URI fragment (RFC 6901 §6). */
function segmentsOf(pointer: string, fromUri = false): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => (fromUri ? decodeURIComponent(segment) : segment).replace(/~1/g, '/').replace(/~0/g, '~'));
}

/**
 * Follows `segments` from the document's root, going through every `$ref` on
 * the way (and at the end): the pointer of the value reached, and the value.
 */
export function resolvePointer(document: Document, segments: readonly string[]): { pointer: string; value: unknown } {
  let path: string[] = [];
  let value: unknown = document;
  const follow = (): void => {
    for (let hops = 0; value && typeof value === 'object' && typeof (value as Json)['$ref'] === 'string'; hops++) {
      if (hops > 50) throw new Error(`$ref cycle at ${pointerOf(path)}`);
      const ref = (value as Json)['$ref'] as string;
      if (!ref.startsWith('#')) throw new Error(`only local $refs: ${ref}`);
      path = [];
      value = document;
      for (const segment of segmentsOf(ref.slice(1), true)) {
        path.push(segment);
        value = (value as Json | undefined)?.[segment];
      }
    }
  };
  for (const segment of segments) {
    follow();
    path.push(segment);
    value = value && typeof value === 'object' ? (value as Json)[segment] : undefined;
  }
  follow();
  return { pointer: pointerOf(path), value };
}

/**
 * Validators for the schemas of an OpenAPI 3.0 document, by JSON pointer:
 * Ajv (draft-07 with `nullable`) plus the formats of ajv-formats and the
 * OpenAPI numeric formats. `discriminator` only documents a `oneOf`, which
 * Ajv checks in full anyway.
 */
export class SchemaValidators {
  private readonly ajv: Ajv;
  private readonly cache = new Map<string, ValidateFunction>();

  constructor(document: Document) {
    this.ajv = new Ajv({ strict: false, allErrors: false, validateSchema: false, logger: false });
    addFormats(this.ajv);
    for (const format of ['int32', 'int64', 'float', 'double', 'binary', 'byte', 'password'])
      this.ajv.addFormat(format, true);
    this.ajv.addSchema(nullableWithoutType(document, []) as object, 'spec');
  }

  /** Errors of `value` against the schema at `pointer`, as text; empty when it is valid. */
  errors(pointer: string, value: unknown): string[] {
    let validate = this.cache.get(pointer);
    if (!validate) {
      const fragment = throughMoved(this.ajv.getSchema('spec')!.schema, segmentsOf(pointer))
        .map((segment) => `/${encodeURIComponent(segment.replace(/~/g, '~0').replace(/\//g, '~1'))}`)
        .join('');
      validate = this.ajv.compile({ $ref: `spec#${fragment}` });
      this.cache.set(pointer, validate);
    }
    if (validate(value)) return [];
    return (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? ''}`);
  }
}

/**
 * A copy of the document where each schema with `nullable: true` but no
 * `type` (which Ajv refuses; OpenAPI 3.0 means "or null") becomes
 * `{ anyOf: [{ type: 'null' }, { $ref: <its own keywords, moved under x-rest> }] }`.
 */
function nullableWithoutType(value: unknown, path: string[]): unknown {
  if (Array.isArray(value)) return value.map((item, index) => nullableWithoutType(item, [...path, String(index)]));
  if (!value || typeof value !== 'object') return value;
  const node = value as Json;
  if (node['nullable'] === true && node['type'] === undefined) {
    const rest = Object.fromEntries(Object.entries(node).filter(([key]) => key !== 'nullable'));
    const moved = [...path, 'x-rest'];
    return {
      anyOf: [{ type: 'null' }, { $ref: `#${pointerOf(moved).replace(/[{}%]/g, encodeURIComponent)}` }],
      'x-rest': nullableWithoutType(rest, moved),
    };
  }
  return Object.fromEntries(
    Object.entries(node)
      // `nullable: false` without `type` says nothing, and Ajv refuses it too.
      .filter(([key, item]) => !(key === 'nullable' && item === false && node['type'] === undefined))
      .map(([key, item]) => [key, nullableWithoutType(item, [...path, key])]),
  );
}

/** The segments of a pointer into the document, as a path into its {@link nullableWithoutType} copy. */
function throughMoved(root: unknown, segments: readonly string[]): string[] {
  const path: string[] = [];
  let node = root as Json | undefined;
  for (const segment of segments) {
    if (node && typeof node === 'object' && 'x-rest' in node && segment !== 'x-rest') {
      path.push('x-rest');
      node = node['x-rest'] as Json;
    }
    path.push(segment);
    node = node?.[segment] as Json | undefined;
  }
  return path;
}

/**
 * A value for the schema at `pointer`, deterministic: the spec's `example`
 * when it has one that is valid, else one built from the schema (`enum`'s
 * first value, formats, bounds, every property but read-only ones, the first
 * `oneOf`/`anyOf` branch the whole validates with).
 */
export class SchemaSampler {
  constructor(
    private readonly document: Document,
    private readonly validators: SchemaValidators,
  ) {}

  sample(pointer: string, depth = 0): unknown {
    const { pointer: at, value } = resolvePointer(this.document, segmentsOf(pointer));
    const schema = (value ?? {}) as Json;
    if ('example' in schema && this.validators.errors(at, schema['example']).length === 0)
      return structuredClone(schema['example']);
    if (Array.isArray(schema['enum'])) return schema['enum'].find((option) => option !== null) ?? null;
    if ('default' in schema && this.validators.errors(at, schema['default']).length === 0)
      return structuredClone(schema['default']);
    for (const keyword of ['oneOf', 'anyOf'] as const) {
      const branches = schema[keyword];
      if (!Array.isArray(branches)) continue;
      const candidates = branches.map((_, index) => this.sample(`${at}/${keyword}/${index}`, depth + 1));
      return candidates.find((candidate) => this.validators.errors(at, candidate).length === 0) ?? candidates[0];
    }
    if (Array.isArray(schema['allOf'])) {
      const parts = schema['allOf'].map((_, index) => this.sample(`${at}/allOf/${index}`, depth + 1));
      const own = schema['properties'] ? this.object(at, schema, depth) : {};
      return Object.assign({}, ...parts.filter((part) => part && typeof part === 'object'), own);
    }
    const type = schema['type'] ?? (schema['properties'] || schema['additionalProperties'] ? 'object' : undefined);
    switch (type) {
      case 'object':
        return this.object(at, schema, depth);
      case 'array': {
        const count = Math.max(Number(schema['minItems'] ?? 0), depth > 6 ? 0 : 1);
        const item = schema['items'] ? this.sample(`${at}/items`, depth + 1) : 'item';
        return Array.from({ length: Math.min(count, Number(schema['maxItems'] ?? count)) }, () =>
          structuredClone(item),
        );
      }
      case 'integer':
      case 'number':
        return numberFor(schema);
      case 'boolean':
        return true;
      case 'string':
        return stringFor(schema);
      default:
        return 'value';
    }
  }

  private object(at: string, schema: Json, depth: number): Json {
    const required = new Set((schema['required'] as string[] | undefined) ?? []);
    const result: Json = {};
    for (const name of Object.keys((schema['properties'] as Json | undefined) ?? {})) {
      const resolved = resolvePointer(this.document, segmentsOf(`${at}/properties/${pointerOf([name]).slice(1)}`));
      const readOnly = (resolved.value as Json | undefined)?.['readOnly'] === true;
      if (readOnly && !required.has(name)) continue;
      // Deep optional properties stop recursive schemas from growing without end.
      if (!required.has(name) && depth > 6) continue;
      result[name] = this.sample(resolved.pointer, depth + 1);
    }
    return result;
  }
}

function numberFor(schema: Json): number {
  const minimum = schema['minimum'] as number | undefined;
  const maximum = schema['maximum'] as number | undefined;
  let value = minimum ?? (maximum !== undefined ? Math.min(1, maximum) : 1);
  if (schema['exclusiveMinimum'] === true && value === minimum) value += 1;
  const step = schema['multipleOf'] as number | undefined;
  if (step) value = Math.ceil(value / step) * step;
  return value;
}

const formatValues: Record<string, string> = {
  uuid: '3fa85f64-5717-4562-b3fc-2c963f66afa6',
  'date-time': '2024-05-06T07:08:09Z',
  date: '2024-05-06',
  duration: 'PT5M',
  time: '07:08:09Z',
  email: 'user@example.com',
  uri: 'https://example.com/path',
  url: 'https://example.com/path',
  hostname: 'example.com',
  ipv4: '192.0.2.10',
  ipv6: '2001:db8::10',
  byte: 'c2RrZ2Vu',
  binary: 'bytes',
};

function stringFor(schema: Json): string {
  let value = formatValues[String(schema['format'])] ?? 'text';
  const minLength = Number(schema['minLength'] ?? 0);
  while (value.length < minLength) value += 'x';
  const maxLength = schema['maxLength'] as number | undefined;
  return maxLength === undefined ? value : value.slice(0, maxLength);
}
