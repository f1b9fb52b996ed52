import type { MediaContent } from './types';

/** Media types read as one JSON value (RFC 6839 `+json` suffixes included, JSON lines not). */
export function isJsonMediaType(mediaType: string): boolean {
  const base = baseMediaType(mediaType);
  return (base === 'application/json' || base.endsWith('+json') || base === '*/*') && !isJsonLinesMediaType(base);
}

/** Media types whose body is a set of named fields: `multipart/*` and URL-encoded forms. */
export function isFormMediaType(mediaType: string): boolean {
  return baseMediaType(mediaType).startsWith('multipart/') || isUrlEncodedMediaType(mediaType);
}

/**
 * Media types whose body is bytes: what the runtime reads as a `Blob` (see `readBody` in templates/response.ts),
 * anything but text, JSON, XML, YAML and forms.
 */
export function isBytesMediaType(mediaType: string): boolean {
  const base = baseMediaType(mediaType);
  return (
    base !== '' &&
    base !== '*/*' &&
    !base.startsWith('text/') &&
    !base.startsWith('multipart/') &&
    !/(json|xml|yaml|x-www-form-urlencoded)$/.test(base) &&
    !isJsonLinesMediaType(base) &&
    !isJsonSequenceMediaType(base)
  );
}

/** JSON text sequences (RFC 7464): JSON values each after a record separator, `application/json-seq` and `+json-seq`. */
export function isJsonSequenceMediaType(mediaType: string): boolean {
  return /^application\/([\w.-]+\+)?json-seq$/.test(baseMediaType(mediaType));
}

/** JSON lines: one JSON value per line, sent as they come (`application/x-ndjson`, `application/jsonl`). */
export function isJsonLinesMediaType(mediaType: string): boolean {
  return /^application\/(x-ndjson|jsonl|x-jsonlines|stream\+json)$/.test(baseMediaType(mediaType));
}

/** Server-sent events: a body that is a stream of events, read one by one as they arrive. */
export function isEventStreamMediaType(mediaType: string): boolean {
  return baseMediaType(mediaType) === 'text/event-stream';
}

export function isUrlEncodedMediaType(mediaType: string): boolean {
  return baseMediaType(mediaType) === 'application/x-www-form-urlencoded';
}

/** A URL-encoded body whose schema is a string or bytes: already encoded (`text=tacos&lang=en`), sent as written. */
export function isEncodedForm(content: MediaContent): boolean {
  return isUrlEncodedMediaType(content.mediaType) && (content.type.kind === 'string' || content.type.kind === 'binary');
}

/** The media type without its parameters, in lower case (`Application/JSON; charset=utf-8` is `application/json`). */
export function baseMediaType(mediaType: string): string {
  return mediaType.split(';')[0]!.trim().toLowerCase();
}

/** The media type a request body is sent as (and a webhook's payload read as): JSON when offered, else the first. */
export function requestContent(contents: readonly MediaContent[]): MediaContent | undefined {
  return contents.find((content) => isJsonMediaType(content.mediaType)) ?? contents[0];
}
