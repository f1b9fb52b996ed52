import { baseMediaType, isBytesMediaType, isJsonLinesMediaType, isJsonSequenceMediaType } from './mediaTypes';
import type { MediaContent, TypeNode } from './types';

/**
 * How the runtime's `readBody` (templates/response.ts) reads a response body of this media type, by its rules:
 * parsed as JSON (`application/json`, any `+json`, `text/json`), kept as text (text, XML, YAML, a URL-encoded
 * form), else a `Blob`. Any media type (`*\/*`) is read by the type the response comes with, so its schema says.
 */
export function responseReading(mediaType: string): 'json' | 'text' | 'blob' {
  const base = baseMediaType(mediaType);
  if (base === '*/*' || base.endsWith('json')) return 'json';
  // A multipart body is a form to send, but a response the runtime does not parse: bytes.
  return isBytesMediaType(base) || base.startsWith('multipart/') ? 'blob' : 'text';
}

/**
 * A response's contents typed as the call resolves to them (see `asRead`). Where JSON is offered, another format of
 * the same structured data (Swagger 2.0's `produces: [application/json, application/xml]`) is left out: the SDK asks
 * for the JSON, which it parses, rather than typing every call as `Pet | string`. Text and bytes the spec describes
 * as such (`text/plain` with a string schema, a PDF) stay, as other bodies the call may get.
 */
export function readContents(contents: readonly MediaContent[]): MediaContent[] {
  const read = contents.map(asRead);
  const json = contents.some((content) => !content.stream && responseReading(content.mediaType) === 'json');
  return json ? read.filter((content, index) => content === contents[index]) : read;
}

/**
 * A response content typed as the call resolves to it: the schema's type for JSON, but text for a body read as
 * text whatever its schema says (`text/plain` with `type: integer` is the text `"42"`, XML is its text), and a
 * `Blob` for bytes (`application/octet-stream` with an object schema). Streams are read item by item instead.
 */
function asRead(content: MediaContent): MediaContent {
  const { mediaType, type } = content;
  if (content.stream || isJsonLinesMediaType(mediaType) || isJsonSequenceMediaType(mediaType)) return content;
  switch (responseReading(mediaType)) {
    case 'json':
      return content;
    case 'text':
      return isText(type) ? content : { ...content, type: stringType };
    case 'blob':
      return type.kind === 'binary' ? content : { ...content, type: binaryType };
  }
}

const stringType: TypeNode = { kind: 'string' };
const binaryType: TypeNode = { kind: 'binary' };

/** A type text reads as: a string, a string constant (an enum's), or a `Date` the SDK revives from text. */
function isText(type: TypeNode): boolean {
  switch (type.kind) {
    case 'string':
    case 'date':
      return true;
    case 'literal':
      return typeof type.value === 'string';
    case 'union':
      return type.members.every(isText);
    default:
      return false;
  }
}
