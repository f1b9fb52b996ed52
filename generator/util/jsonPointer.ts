import { hasOwn, isRecord } from './guards';

/**
 * JSON Pointer (RFC 6901) helpers. Pointers are kept in their string form
 * (`/paths/~1pets/get`) everywhere; these convert to and from segments.
 */

// Most segments hold neither character: testing first skips two regex replacements on each of them.
export function escapeSegment(segment: string): string {
  return /[~/]/.test(segment) ? segment.replace(/~/g, '~0').replace(/\//g, '~1') : segment;
}

export function unescapeSegment(segment: string): string {
  return segment.includes('~') ? segment.replace(/~1/g, '/').replace(/~0/g, '~') : segment;
}

export function toPointer(segments: readonly (string | number)[]): string {
  return segments.map((s) => `/${escapeSegment(String(s))}`).join('');
}

/** Splits a pointer into its segments; `''` is the whole document. */
export function parsePointer(pointer: string): string[] | undefined {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) return undefined;
  return pointer.slice(1).split('/').map(unescapeSegment);
}

/**
 * A step of a walk down a document, linked to the step it came from: a walk
 * that keeps these spells a pointer out (`pointerOfPath`) only where it reports one.
 */
export interface PathStep {
  readonly parent?: PathStep | undefined;
  /** The key or index that leads here from the parent; absent at the root. */
  readonly segment?: string | number | undefined;
}

export function pointerOfPath(step: PathStep): string {
  const segments: (string | number)[] = [];
  for (let at: PathStep | undefined = step; at?.segment !== undefined; at = at.parent) segments.push(at.segment);
  return toPointer(segments.reverse());
}

export function appendPointer(pointer: string, ...segments: (string | number)[]): string {
  return pointer + toPointer(segments);
}

/**
 * A `$ref` fragment is a URI fragment (RFC 3986): percent-escapes are decoded
 * before the pointer is read (OpenAPI 3.1 §4.8.1, RFC 6901 §6).
 */
export function fragmentToPointer(fragment: string): string | undefined {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return undefined;
  }
}

/** Follows a pointer through plain JSON values; `undefined` when it leads nowhere. */
export function getAtPointer(root: unknown, pointer: string): unknown {
  const segments = parsePointer(pointer);
  if (!segments) return undefined;
  let node: unknown = root;
  for (const segment of segments) node = childAt(node, segment, false);
  return node;
}

/**
 * The value under one segment of a pointer (escaped, as written in the
 * pointer, unless `escaped` is false); `undefined` when there is none.
 */
export function childAt(node: unknown, segment: string, escaped = true): unknown {
  if (node === undefined) return undefined;
  const key = escaped ? unescapeSegment(segment) : segment;
  if (Array.isArray(node)) return /^(0|[1-9][0-9]*)$/.test(key) ? node[Number(key)] : undefined;
  return isRecord(node) && hasOwn(node, key) ? node[key] : undefined;
}
