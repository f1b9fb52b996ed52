import { childLocation, type Location } from '../resolve/location';
import { isRecord } from '../util/guards';
import { encodingOf, formFieldsType, mediaSchemaType, mediaTypeObject } from './bodies';
import { warnOnceAt, type ModelContext } from './context';
import { docsOf } from './docs';
import { isUrlEncodedMediaType } from './mediaTypes';
import type { RawParameter } from './parameters';
import { unknownType } from './typeNodes';
import type { Parameter, TypeNode } from './types';

/**
 * `in: querystring` (OpenAPI 3.2, Parameter Locations): one parameter is the whole query string, described by
 * `content` with one media type. It MUST NOT appear more than once, nor with any `in: query` parameter.
 */

/** Fields that describe a parameter by `schema`, which a querystring parameter MUST NOT use. */
const schemaFields = ['schema', 'style', 'explode', 'allowReserved'];

/**
 * An operation's merged parameters as the SDK sends them: a querystring parameter without a media type is skipped,
 * the first one is kept and the others skipped, and `in: query` parameters beside it are skipped (it is the whole
 * query string already). Each case is a warning.
 */
export function applyQuerystringRules(context: ModelContext, parameters: RawParameter[]): RawParameter[] {
  const querystrings = parameters.filter(isQuerystring).filter((parameter) => describedByContent(context, parameter));
  const [kept, ...extra] = querystrings;
  if (!kept) return parameters.filter((parameter) => !isQuerystring(parameter));
  for (const parameter of extra) {
    warnOnceAt(context, parameter.location, {
      code: 'SDK3222',
      message: `An operation has more than one querystring parameter; "${nameOf(parameter)}" is skipped, "${nameOf(kept)}" is the query string.`,
      hint: 'Keep one `in: querystring` parameter per operation (its path item included).',
    });
  }
  const query = parameters.filter((parameter) => parameter.value['in'] === 'query');
  for (const parameter of query) {
    warnOnceAt(context, parameter.location, {
      code: 'SDK3223',
      message: `The query parameter "${nameOf(parameter)}" is skipped: the querystring parameter "${nameOf(kept)}" is the whole query string.`,
      hint: 'Make it a field of the querystring parameter, or drop the querystring parameter.',
    });
  }
  return parameters.filter(
    (parameter) => parameter === kept || !(isQuerystring(parameter) || query.includes(parameter)),
  );
}

function isQuerystring(parameter: RawParameter): boolean {
  return parameter.value['in'] === 'querystring';
}

function nameOf(parameter: RawParameter): string {
  return parameter.value['name'] as string;
}

/** Whether the parameter has a media type to be encoded as; what does not apply to it is reported, then ignored. */
function describedByContent(context: ModelContext, parameter: RawParameter): boolean {
  const { location, value } = parameter;
  const mediaTypes = isRecord(value['content']) ? Object.keys(value['content']) : [];
  if (mediaTypes.length === 0) {
    warnOnceAt(context, location, {
      code: 'SDK3220',
      message: `The querystring parameter "${nameOf(parameter)}" has no \`content\` to say how the query string is encoded; it is skipped.`,
      hint: 'Describe it under `content` with one media type, e.g. `application/x-www-form-urlencoded` and an object schema.',
    });
    return false;
  }
  const misplaced = schemaFields.find((field) => field in value);
  if (misplaced !== undefined) {
    warnOnceAt(context, childLocation(location, misplaced), {
      code: 'SDK3221',
      message: `A querystring parameter is described by its \`content\` alone; its \`${misplaced}\` is ignored.`,
      hint: 'Remove `schema`, `style`, `explode` and `allowReserved`: the media type under `content` says how it is encoded.',
    });
  }
  if (mediaTypes.length > 1) {
    warnOnceAt(context, childLocation(location, 'content', mediaTypes[1]!), {
      code: 'SDK3221',
      message: `A querystring parameter's \`content\` holds one media type; the query string is sent as the first, ${mediaTypes[0]!}.`,
      hint: 'Keep one media type under `content`.',
    });
  }
  return true;
}

/**
 * A querystring parameter (its `content` checked by `applyQuerystringRules`): its value typed by its media type's
 * schema. A URL-encoded one is named fields, as a form body is: a schema that says nothing of them takes any, and one
 * that is a string is the query string already encoded (`a=1&b=2`), sent as written.
 */
export function querystringParameter(context: ModelContext, raw: RawParameter, argName: string): Parameter {
  const mediaType = Object.keys(raw.value['content'] as object)[0]!;
  const media = mediaTypeObject(context, raw.location, mediaType);
  const type = mediaSchemaType(context, media) ?? unknownType;
  const schema = childLocation(media?.location ?? childLocation(raw.location, 'content', mediaType), 'schema');
  const form = isUrlEncodedMediaType(mediaType);
  const encoding = form && media ? encodingOf(media.value['encoding']) : [];
  return {
    name: raw.value['name'] as string,
    in: 'querystring',
    argName,
    required: raw.value['required'] === true,
    type: form ? formType(context, raw, type, schema) : type,
    style: '',
    explode: false,
    allowReserved: false,
    mediaType,
    ...(encoding.length > 0 ? { encoding } : {}),
    docs: docsOf(raw.value),
  };
}

function formType(context: ModelContext, raw: RawParameter, type: TypeNode, schema: Location): TypeNode {
  if (type.kind === 'string' || type.kind === 'binary') return { kind: 'string' };
  return formFieldsType(context, type, schema, () =>
    warnOnceAt(context, raw.location, {
      code: 'SDK3205',
      message: `The querystring parameter "${raw.value['name'] as string}" is URL-encoded named fields, but its schema is not an object; the SDK takes any fields.`,
      hint: 'Describe the fields as the properties of an object schema.',
    }),
  );
}
