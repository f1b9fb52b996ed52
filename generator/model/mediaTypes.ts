import type { MediaContent } from './types';

/** Media types read as JSON (RFC 6839 `+json` suffixes included). */
export function isJsonMediaType(mediaType: string): boolean {
  const base = mediaType.split(';')[0]!.trim().toLowerCase();
  return base === 'application/json' || base.endsWith('+json') || base === '*/*';
}

/** Media types whose body is a set of named fields: `multipart/*` and URL-encoded forms. */
export function isFormMediaType(mediaType: string): boolean {
  const base = mediaType.split(';')[0]!.trim().toLowerCase();
  return base.startsWith('multipart/') || base === 'application/x-www-form-urlencoded';
}

/** The media type a request body is sent as (and a webhook's payload read as): JSON when offered, else the first. */
export function requestContent(contents: readonly MediaContent[]): MediaContent | undefined {
  return contents.find((content) => isJsonMediaType(content.mediaType)) ?? contents[0];
}
