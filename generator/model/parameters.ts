import { childLocation, type Location } from '../resolve/location';
import { isRecord } from '../util/guards';
import { mediaSchemaType, mediaTypeObject } from './bodies';
import { warnAt, type ModelContext } from './context';
import { docsOf } from './docs';
import { isIdempotencyKey } from './idempotency';
import { checkParameterVersion } from './parameterVersion';
import { matchPathTemplate } from './pathTemplate';
import { applyQuerystringRules, querystringParameter } from './querystring';
import { schemaType } from './schemaType';
import { unknownType } from './typeNodes';
import type { Docs, Parameter, ParameterLocation, TypeNode } from './types';

const locations = new Set<ParameterLocation>(['path', 'query', 'querystring', 'header', 'cookie']);

/** Default `style` per location (OpenAPI 3.1 §4.8.12.4); a querystring parameter has none, its media type rules. */
const defaultStyle: Record<ParameterLocation, string> = {
  path: 'simple',
  query: 'form',
  querystring: '',
  header: 'simple',
  cookie: 'form',
};

export interface RawParameter {
  readonly location: Location;
  readonly value: Record<string, unknown>;
  /** Not in the spec: a `{name}` of the path that no parameter declares (see `matchPathTemplate`), a string. */
  readonly implied?: true;
}

/**
 * Path-item parameters merged with operation parameters: an operation's
 * parameter replaces the path item's one with the same name and location
 * (OpenAPI 3.1 §4.8.10.1). A querystring parameter then rules out others
 * (see `applyQuerystringRules`), and the path parameters must match the
 * path's `{name}`s (see `matchPathTemplate`).
 */
export function mergeParameters(
  context: ModelContext,
  path: string,
  pathItem: Location,
  operation: Location,
): RawParameter[] {
  const merged = new Map<string, RawParameter>();
  for (const owner of [pathItem, operation]) {
    const list = context.spec.valueAt(childLocation(owner, 'parameters'));
    if (!Array.isArray(list)) continue;
    list.forEach((_, index) => {
      const resolved = context.spec.deref(childLocation(owner, 'parameters', index));
      if (!resolved || !isRecord(resolved.value)) return;
      const { name, in: where } = resolved.value;
      if (typeof name !== 'string' || !locations.has(where as ParameterLocation)) {
        warnAt(context, resolved.location, {
          code: 'SDK3201',
          message:
            'A parameter needs a `name` and an `in` of path, query, querystring, header or cookie; it is skipped.',
        });
        return;
      }
      merged.set(`${where as string}:${name}`, { location: resolved.location, value: resolved.value });
    });
  }
  const parameters = [...merged.values()];
  for (const parameter of parameters) checkParameterVersion(context, parameter);
  return matchPathTemplate(context, path, pathItem, applyQuerystringRules(context, parameters));
}

export function parameterOf(context: ModelContext, raw: RawParameter, argName: string): Parameter {
  const where = raw.value['in'] as ParameterLocation;
  if (where === 'querystring') return querystringParameter(context, raw, argName);
  const style = typeof raw.value['style'] === 'string' ? raw.value['style'] : defaultStyle[where];
  const content = raw.value['content'];
  const mediaType = !('schema' in raw.value) && isRecord(content) ? Object.keys(content)[0] : undefined;
  const name = raw.value['name'] as string;
  const schema = 'schema' in raw.value ? context.spec.deref(childLocation(raw.location, 'schema'))?.value : undefined;
  // The SDK sends a key of its own when the caller gives none: the argument is optional, whatever the spec says.
  const idempotencyKey = isIdempotencyKey(name, where, schema);
  return {
    name,
    in: where,
    argName,
    // Path parameters are always required (OpenAPI 3.1 §4.8.12.2).
    required: !idempotencyKey && (where === 'path' || raw.value['required'] === true),
    ...(idempotencyKey ? { idempotencyKey } : {}),
    type: parameterType(context, raw),
    style,
    // `form` and `cookie` explode unless told not to (OpenAPI 3.2, Parameter Object).
    explode: typeof raw.value['explode'] === 'boolean' ? raw.value['explode'] : style === 'form' || style === 'cookie',
    allowReserved: raw.value['allowReserved'] === true,
    ...(mediaType !== undefined ? { mediaType } : {}),
    docs: parameterDocs(raw.value, schema),
  };
}

/** The parameter's docs; its schema's `default` when the parameter has none (what a call that leaves it out gets). */
function parameterDocs(value: Record<string, unknown>, schema: unknown): Docs {
  const docs = docsOf(value);
  return docs.default === undefined && isRecord(schema) && 'default' in schema
    ? { ...docs, default: schema['default'] }
    : docs;
}

/** A parameter's type comes from `schema`, or from the one entry of `content`. */
function parameterType(context: ModelContext, raw: RawParameter): TypeNode {
  if (raw.implied) return { kind: 'string' };
  if ('schema' in raw.value) return schemaType(context, childLocation(raw.location, 'schema'));
  const content = raw.value['content'];
  const mediaType = isRecord(content) ? Object.keys(content)[0] : undefined;
  const media = mediaType !== undefined ? mediaTypeObject(context, raw.location, mediaType) : undefined;
  return mediaSchemaType(context, media) ?? unknownType;
}
