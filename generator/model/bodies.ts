import { childLocation, locationKey, type Location } from '../resolve/location';
import type { Resolved } from '../resolve/resolvedSpec';
import { isRecord } from '../util/guards';
import { warnAt, warnOnceAt, type ModelContext } from './context';
import { docsOf } from './docs';
import {
  isBytesMediaType,
  isEncodedForm,
  isEventStreamMediaType,
  isFormMediaType,
  isJsonLinesMediaType,
  isJsonSequenceMediaType,
} from './mediaTypes';
import { readContents } from './readResponseType';
import { serverSentEventsOf } from './serverSentEvents';
import { declaredTypes, schemaType } from './schemaType';
import { objectType, refType, unknownType } from './typeNodes';
import type { MediaContent, PropertyEncoding, RequestBody, Response, TypeNode } from './types';

/**
 * Each media type of a `content` map with its type, in spec order. A body of bytes (`image/png`, a PDF) with no
 * schema, or a string schema (as 3.1 specs describe files), is bytes: a `Blob` in a response, any bytes in a request.
 */
export function contentsOf(context: ModelContext, owner: Location): MediaContent[] {
  const content = context.spec.valueAt(childLocation(owner, 'content'));
  if (!isRecord(content)) return [];
  return Object.keys(content).map((mediaType) => {
    const media = mediaTypeObject(context, owner, mediaType);
    const type = bodyTypeOf(context, mediaType, media);
    return { mediaType, type, encoding: encodingOf(media?.value['encoding']) };
  });
}

/** The Media Type Object of `content[mediaType]`, following a `$ref` (to OpenAPI 3.2 `components/mediaTypes`). */
export function mediaTypeObject(
  context: ModelContext,
  owner: Location,
  mediaType: string,
): Resolved<Record<string, unknown>> | undefined {
  const resolved = context.spec.deref(childLocation(owner, 'content', mediaType));
  return resolved && isRecord(resolved.value) ? { location: resolved.location, value: resolved.value } : undefined;
}

/** The type of a Media Type Object's `schema`; `undefined` when it has none. */
export function mediaSchemaType(
  context: ModelContext,
  media: Resolved<Record<string, unknown>> | undefined,
): TypeNode | undefined {
  return media && 'schema' in media.value ? schemaType(context, childLocation(media.location, 'schema')) : undefined;
}

function bodyTypeOf(context: ModelContext, mediaType: string, media: Resolved<Record<string, unknown>> | undefined) {
  const type = mediaSchemaType(context, media);
  return (type === undefined || type.kind === 'string') && isBytesMediaType(mediaType)
    ? binaryType
    : (type ?? unknownType);
}

const binaryType: TypeNode = { kind: 'binary' };

/** A Media Type Object's `encoding` map, in spec order (OpenAPI 3.1 §4.8.15). */
export function encodingOf(value: unknown): PropertyEncoding[] {
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
    contents: contentsOf(context, resolved.location).map((content) =>
      sentItemsOf(context, resolved.location, formFields(context, resolved.location, content)),
    ),
    docs: docsOf(resolved.value),
  };
}

const notFields = new Set<TypeNode['kind']>(['string', 'number', 'boolean', 'literal', 'binary', 'array', 'tuple']);

/**
 * Whether a form's schema cannot be named fields: its type is a scalar or a list, or the schema (through its
 * `$ref`s, `allOf`, `oneOf` and `anyOf`) allows a value that is not an object, such as a `$ref` to a string enum.
 */
function cannotBeFormFields(context: ModelContext, type: TypeNode, schema: Location): boolean {
  return notFields.has(type.kind) || allowsNonObject(context, schema, new Set());
}

/** Whether a schema allows a value that is not an object (`type: string`, an `enum` of strings, such a member). */
function allowsNonObject(context: ModelContext, location: Location, seen: Set<string>): boolean {
  const resolved = context.spec.deref(location);
  if (!resolved || !isRecord(resolved.value)) return false;
  const key = locationKey(resolved.location);
  if (seen.has(key)) return false;
  seen.add(key);
  const schema = resolved.value;
  const types = declaredTypes(schema);
  if (types && !types.some((type) => type === 'object' || type === 'null')) return true;
  if (Array.isArray(schema['enum']) && schema['enum'].some((value) => !isRecord(value) && value !== null)) return true;
  if ('const' in schema && !isRecord(schema['const']) && schema['const'] !== null) return true;
  return ['allOf', 'oneOf', 'anyOf'].some(
    (keyword) =>
      Array.isArray(schema[keyword]) &&
      schema[keyword].some((_, index) =>
        allowsNonObject(context, childLocation(resolved.location, keyword, index), seen),
      ),
  );
}

/**
 * A form (multipart or URL-encoded) is named fields: when its schema says
 * nothing of them, or is not an object, any fields. A URL-encoded form given
 * as one string (or bytes) is sent as written (`text=tacos&lang=en`).
 */
function formFields(context: ModelContext, body: Location, content: MediaContent): MediaContent {
  const { mediaType, type } = content;
  if (!isFormMediaType(mediaType) || isEncodedForm(content)) return content;
  const media = mediaTypeObject(context, body, mediaType);
  const schema = childLocation(media?.location ?? childLocation(body, 'content', mediaType), 'schema');
  const fields = formFieldsType(context, type, schema, () =>
    warnAt(context, schema, {
      code: 'SDK3205',
      message: `The ${mediaType} body is named fields, but its schema is not an object; the SDK takes any fields.`,
      hint: 'Describe the fields as the properties of an object schema.',
    }),
  );
  return fields === type ? content : { ...content, type: fields };
}

/**
 * The type of a form's named fields (a body's, or a querystring's): the schema's type, or any fields when it says
 * nothing of them or cannot be fields, which `report` is told.
 */
export function formFieldsType(context: ModelContext, type: TypeNode, schema: Location, report: () => void): TypeNode {
  if (cannotBeFormFields(context, type, schema)) report();
  else if (type.kind !== 'unknown') return type;
  return objectType([], { additionalProperties: unknownType });
}

/** `names.event`: the name of the model of the operation's server-sent events, when an `itemSchema` describes them. */
export function responsesOf(context: ModelContext, operation: Location, method: string, names: EventNames): Response[] {
  const responses = context.spec.valueAt(childLocation(operation, 'responses'));
  if (!isRecord(responses)) return [];
  return Object.keys(responses).flatMap((status) => {
    const resolved = context.spec.deref(childLocation(operation, 'responses', status));
    if (!resolved || !isRecord(resolved.value)) return [];
    const description = typeof resolved.value['description'] === 'string' ? resolved.value['description'] : '';
    const normalized = normalizeStatus(status);
    const contents = responseContents(context, resolved.location, resolved.value, bodilessAs(method, normalized));
    return [
      {
        status: normalized,
        description,
        contents: readContents(
          isSuccessStatus(normalized)
            ? contents.map((content) => eventStreamOf(context, resolved.location, content, names))
            : contents,
        ),
      },
    ];
  });
}

/** The operation's function, and the name wanted for the model of its events. */
interface EventNames {
  readonly function: string;
  readonly event: string;
}

/**
 * Why a response has no body, whatever the spec says: it answers a `HEAD` request, or it is 204 No Content or
 * 205 Reset Content (RFC 9110, sections 9.3.2, 15.3.5 and 15.3.6). `fetch` then gives none, so a `content` there
 * would be a type the call never resolves to.
 */
function bodilessAs(method: string, status: string): string | undefined {
  if (method === 'HEAD') return 'A response to HEAD';
  return status === '204' || status === '205' ? `A ${status} response` : undefined;
}

/** A response's contents; none for a response that has no body (`bodiless` says which), with a warning if it has. */
function responseContents(
  context: ModelContext,
  location: Location,
  response: Record<string, unknown>,
  bodiless: string | undefined,
): MediaContent[] {
  if (bodiless === undefined) return contentsOf(context, location);
  const content = response['content'];
  if (isRecord(content) && Object.keys(content).length > 0) {
    // Once: a shared `components/responses` entry is read for every operation that uses it.
    warnOnceAt(context, childLocation(location, 'content'), {
      code: 'SDK3232',
      message: `${bodiless} has no body (RFC 9110), so \`fetch\` gives none: the SDK ignores this \`content\`, and the call resolves to \`undefined\`.`,
      hint: 'Document the body under a status or method that has one (200, GET), or remove the `content`.',
    });
  }
  return [];
}

/** A 2xx status, or the `2XX` range (as `normalizeStatus` writes it). */
export function isSuccessStatus(status: string): boolean {
  return /^2(\d\d|XX)$/.test(status);
}

/**
 * A success response that is a stream is its items, read one by one as they arrive. What each item is:
 * - an OpenAPI 3.2 `itemSchema` says it (for server-sent events, each whole event: see `serverSentEvents.ts`);
 * - in a 3.2 document, `schema` describes the whole stream as an array, whose `items` are the items;
 * - otherwise the schema is the item's, as OpenAPI 3.0 and 3.1 specs write it: for server-sent events, each event's
 *   `data`, JSON unless the schema is a string; for JSON lines and JSON text sequences, each value.
 */
function eventStreamOf(
  context: ModelContext,
  response: Location,
  content: MediaContent,
  names: EventNames,
): MediaContent {
  const { mediaType } = content;
  const sequence = sequenceOf(mediaType);
  if (sequence) {
    const data = sequenceItemType(context, response, content) ?? content.type;
    return { ...content, type: { kind: 'eventStream', data }, stream: sequence };
  }
  if (!isEventStreamMediaType(mediaType)) return content;
  const media = mediaTypeObject(context, response, mediaType);
  const item = media && itemSchemaOf(context, media);
  if (item) {
    const events = serverSentEventsOf(context, item);
    const name = eventModel(context, item, names, events.type);
    return { ...content, type: { kind: 'eventStream', data: refType(name) }, stream: events.items };
  }
  const schema = media && context.spec.deref(childLocation(media.location, 'schema'))?.value;
  const items = isRecord(schema) && schema['type'] !== 'string' ? 'jsonEvents' : 'textEvents';
  // Without a schema, each event's data is its text.
  const data = isRecord(schema) ? content.type : ({ kind: 'string' } as const);
  return { ...content, type: { kind: 'eventStream', data }, stream: items };
}

/**
 * A JSON lines or JSON text sequence request body is sent item by item, each item typed as a response's items are
 * (see `eventStreamOf`). Without a schema, or with one of bytes (`format: binary`, which describes the body's bytes,
 * not a JSON value), it stays bytes the caller encodes: a later version that types the items then breaks no caller.
 */
function sentItemsOf(context: ModelContext, body: Location, content: MediaContent): MediaContent {
  const sequence = sequenceOf(content.mediaType);
  const data = sequence && sequenceItemType(context, body, content);
  if (!data || data.kind === 'binary') return content;
  return { ...content, type: { kind: 'eventStream', data }, stream: sequence };
}

/** How the values of a JSON lines or JSON text sequence body are read or written; `undefined` for other media types. */
function sequenceOf(mediaType: string): 'jsonLines' | 'jsonSequence' | undefined {
  if (isJsonLinesMediaType(mediaType)) return 'jsonLines';
  return isJsonSequenceMediaType(mediaType) ? 'jsonSequence' : undefined;
}

/**
 * The type of each value of a JSON lines or JSON text sequence body (in `owner`'s `content`): its OpenAPI 3.2
 * `itemSchema`, in a 3.2 document the `items` of an array `schema`, else the `schema`'s type; `undefined` when the
 * media type has no schema.
 */
function sequenceItemType(context: ModelContext, owner: Location, content: MediaContent): TypeNode | undefined {
  const media = mediaTypeObject(context, owner, content.mediaType);
  const item = media && itemSchemaOf(context, media);
  if (item) return schemaType(context, item);
  return media && 'schema' in media.value ? content.type : undefined;
}

/** The events as a model of their own (`ChatEvent`), which the user's handlers can name. */
function eventModel(context: ModelContext, itemSchema: Location, names: EventNames, type: TypeNode): string {
  const name = context.names.claim(names.event, {
    folder: 'models',
    report: (fields) => warnAt(context, itemSchema, fields),
  });
  const docs = docsOf(context.spec.deref(itemSchema)?.value);
  context.extraModels.push({
    name,
    file: itemSchema.source.displayPath,
    pointer: itemSchema.pointer,
    type,
    docs: { ...docs, description: docs.description ?? `An event of the stream \`${names.function}\` resolves to.` },
  });
  return name;
}

/** Where the schema of each item of a sequence is, when an OpenAPI 3.2 document says (see `eventStreamOf`). */
function itemSchemaOf(context: ModelContext, media: Resolved<Record<string, unknown>>): Location | undefined {
  if ('itemSchema' in media.value) return childLocation(media.location, 'itemSchema');
  if (context.version !== '3.2') return undefined;
  const whole = context.spec.deref(childLocation(media.location, 'schema'));
  return whole && isRecord(whole.value) && isRecord(whole.value['items'])
    ? childLocation(whole.location, 'items')
    : undefined;
}

/** `2xx` is `2XX` and `Default` is `default` (OpenAPI 3.1 §4.8.16.2 allows either case for ranges). */
function normalizeStatus(status: string): string {
  if (/^[1-5]xx$/i.test(status)) return status.toUpperCase();
  return /^default$/i.test(status) ? 'default' : status;
}
