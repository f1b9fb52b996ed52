import { childLocation, type Location } from '../resolve/location';
import { isRecord } from '../util/guards';
import { warnAt, type ModelContext } from './context';
import { docsOf } from './docs';
import {
  isBytesMediaType,
  isEncodedForm,
  isEventStreamMediaType,
  isFormMediaType,
  isJsonLinesMediaType,
} from './mediaTypes';
import { schemaType } from './schemaType';
import { objectType, unknownType } from './typeNodes';
import type { MediaContent, PropertyEncoding, RequestBody, Response, TypeNode } from './types';

/**
 * Each media type of a `content` map with its type, in spec order. A body of bytes (`image/png`, a PDF) with no
 * schema, or a string schema (as 3.1 specs describe files), is bytes: a `Blob` in a response, any bytes in a request.
 */
export function contentsOf(context: ModelContext, owner: Location): MediaContent[] {
  const content = context.spec.valueAt(childLocation(owner, 'content'));
  if (!isRecord(content)) return [];
  return Object.keys(content).map((mediaType) => {
    const media = content[mediaType];
    const type = bodyTypeOf(context, owner, mediaType, media);
    return { mediaType, type, encoding: encodingOf(isRecord(media) ? media['encoding'] : undefined) };
  });
}

function bodyTypeOf(context: ModelContext, owner: Location, mediaType: string, media: unknown): TypeNode {
  const type =
    isRecord(media) && 'schema' in media
      ? schemaType(context, childLocation(owner, 'content', mediaType, 'schema'))
      : undefined;
  return (type === undefined || type.kind === 'string') && isBytesMediaType(mediaType)
    ? binaryType
    : (type ?? unknownType);
}

const binaryType: TypeNode = { kind: 'binary' };

/** A Media Type Object's `encoding` map, in spec order (OpenAPI 3.1 §4.8.15). */
function encodingOf(value: unknown): PropertyEncoding[] {
  if (!isRecord(value)) return [];
  return Object.keys(value).flatMap((property): PropertyEncoding[] => {
    const encoding = value[property];
    if (!isRecord(encoding)) return [];
    return [
      {
        property,
        ...(typeof encoding['contentType'] === 'string' ? { contentType: encoding['contentType'] } : {}),
        ...(typeof encoding['style'] === 'string' ? { style: encoding['style'] } : {}),
        ...(typeof encoding['explode'] === 'boolean' ? { explode: encoding['explode'] } : {}),
        ...(typeof encoding['allowReserved'] === 'boolean' ? { allowReserved: encoding['allowReserved'] } : {}),
      },
    ];
  });
}

export function requestBodyOf(context: ModelContext, operation: Location): RequestBody | undefined {
  const resolved = context.spec.deref(childLocation(operation, 'requestBody'));
  if (!resolved || !isRecord(resolved.value)) return undefined;
  return {
    required: resolved.value['required'] === true,
    contents: contentsOf(context, resolved.location).map((content) => formFields(context, resolved.location, content)),
    docs: docsOf(resolved.value),
  };
}

/** Types that cannot be the named fields of a form. */
const notFields = new Set<TypeNode['kind']>(['string', 'number', 'boolean', 'literal', 'binary', 'array', 'tuple']);

/**
 * A form (multipart or URL-encoded) is named fields: when its schema says
 * nothing of them, or is not an object, any fields. A URL-encoded form given
 * as one string (or bytes) is sent as written (`text=tacos&lang=en`).
 */
function formFields(context: ModelContext, body: Location, content: MediaContent): MediaContent {
  const { mediaType, type } = content;
  if (!isFormMediaType(mediaType) || isEncodedForm(content)) return content;
  if (notFields.has(type.kind)) {
    warnAt(context, childLocation(body, 'content', mediaType, 'schema'), {
      code: 'SDK3205',
      message: `A ${mediaType} body is named fields, but its schema is not an object; the SDK takes any fields.`,
      hint: 'Describe the fields as the properties of an object schema.',
    });
  } else if (type.kind !== 'unknown') return content;
  return { ...content, type: objectType([], { additionalProperties: unknownType }) };
}

export function responsesOf(context: ModelContext, operation: Location): Response[] {
  const responses = context.spec.valueAt(childLocation(operation, 'responses'));
  if (!isRecord(responses)) return [];
  return Object.keys(responses).flatMap((status) => {
    const resolved = context.spec.deref(childLocation(operation, 'responses', status));
    if (!resolved || !isRecord(resolved.value)) return [];
    const description = typeof resolved.value['description'] === 'string' ? resolved.value['description'] : '';
    const contents = contentsOf(context, resolved.location);
    const normalized = normalizeStatus(status);
    return [
      {
        status: normalized,
        description,
        contents: isSuccessStatus(normalized)
          ? contents.map((content) => eventStreamOf(context, resolved.location, content))
          : contents,
      },
    ];
  });
}

/** A 2xx status, or the `2XX` range (as `normalizeStatus` writes it). */
export function isSuccessStatus(status: string): boolean {
  return /^2(\d\d|XX)$/.test(status);
}

/**
 * A success response that is a stream is its items, read one by one as they arrive; its schema says what each item
 * is (as OpenAPI 3.0 and 3.1 specs write it). Server-sent events (`text/event-stream`): each event's `data`, JSON
 * unless the schema is a string. JSON lines: each line's value.
 */
function eventStreamOf(context: ModelContext, response: Location, content: MediaContent): MediaContent {
  const { mediaType, type } = content;
  if (isJsonLinesMediaType(mediaType))
    return { ...content, type: { kind: 'eventStream', data: type, items: 'jsonLines' } };
  if (!isEventStreamMediaType(mediaType)) return content;
  const schema = context.spec.deref(childLocation(response, 'content', mediaType, 'schema'))?.value;
  const items = isRecord(schema) && schema['type'] !== 'string' ? 'jsonEvents' : 'textEvents';
  // Without a schema, each event's data is its text.
  const data = isRecord(schema) ? type : ({ kind: 'string' } as const);
  return { ...content, type: { kind: 'eventStream', data, items } };
}

/** `2xx` is `2XX` and `Default` is `default` (OpenAPI 3.1 §4.8.16.2 allows either case for ranges). */
function normalizeStatus(status: string): string {
  if (/^[1-5]xx$/i.test(status)) return status.toUpperCase();
  return /^default$/i.test(status) ? 'default' : status;
}
