import { basename, dirname, resolve as resolvePath } from 'node:path';
import { fragmentToPointer } from '../util/jsonPointer';

export type ParsedRef =
  | { readonly kind: 'local'; readonly pointer: string; readonly undecoded?: string }
  | { readonly kind: 'file'; readonly path: string; readonly pointer: string; readonly undecoded?: string }
  /** An http(s) document; `url` has no fragment and is the key of the document once loaded. */
  | { readonly kind: 'remote'; readonly url: string; readonly pointer: string }
  | { readonly kind: 'invalid'; readonly reason: string };

/** Whether a document was fetched over HTTP rather than read from disk (its path is then its URL). */
export function isRemotePath(path: string): boolean {
  return /^https?:\/\//i.test(path);
}

/**
 * Splits a `$ref` (a URI reference, OpenAPI 3.1 §4.8.1) into the document it
 * names, relative to the document that holds it, and the JSON pointer in its
 * fragment. Percent-escapes are decoded before a path is resolved, so `%2e%2e`
 * is `..` for the confinement check too.
 */
export function parseRef(ref: string, fromPath: string, self?: string): ParsedRef {
  const hashAt = ref.indexOf('#');
  const written = hashAt === -1 ? ref : ref.slice(0, hashAt);
  const filePart = (self !== undefined && !isRemotePath(fromPath) && pathUnderSelf(written, self, fromPath)) || written;
  const fragment = hashAt === -1 ? '' : ref.slice(hashAt + 1);
  const pointer = fragmentToPointer(fragment);
  if (pointer === undefined) return { kind: 'invalid', reason: 'its fragment has a malformed percent-escape' };
  if (pointer !== '' && !pointer.startsWith('/')) {
    return { kind: 'invalid', reason: 'its fragment is not a JSON pointer (it must start with "/")' };
  }
  // Some generators write names with `%` in them and reference them unescaped; such a pointer is kept as written too.
  const undecoded = fragment !== pointer && fragment.startsWith('/') ? { undecoded: fragment } : {};
  if (filePart === '') return { kind: 'local', pointer, ...undecoded };
  if (isRemotePath(fromPath)) return remoteRef(filePart, fromPath, pointer);
  if (/^[a-z][a-z0-9+.-]*:/i.test(filePart) && !/^file:/i.test(filePart))
    return remoteRef(filePart, undefined, pointer);
  let decodedPath: string;
  try {
    decodedPath = decodeURIComponent(filePart.replace(/^file:(\/\/)?/i, ''));
  } catch {
    return { kind: 'invalid', reason: 'its path has a malformed percent-escape' };
  }
  if (decodedPath.includes('\0')) return { kind: 'invalid', reason: 'its path contains a NUL character' };
  return { kind: 'file', path: resolvePath(dirname(fromPath), decodedPath), pointer, ...undecoded };
}

/**
 * The document's `$self` (OpenAPI 3.2) is the URL it is published at: a `$ref` to that URL, or to one beside it, is
 * to the local file at the same place relative to this one (`https://example.com/api/schemas.yaml`, for a document
 * whose `$self` is `https://example.com/api/openapi.yaml`, is `schemas.yaml` beside it). `undefined` for any other
 * reference, which resolves as written: relative ones against the file, as they would against `$self`.
 */
function pathUnderSelf(written: string, self: string, fromPath: string): string | undefined {
  if (!/^https?:\/\//i.test(written)) return undefined;
  let target: URL;
  let base: URL;
  try {
    [target, base] = [new URL(written), new URL(self)];
  } catch {
    return undefined;
  }
  if (target.origin !== base.origin || !/^https?:$/.test(base.protocol)) return undefined;
  if (target.pathname === base.pathname) return basename(fromPath);
  const folder = base.pathname.slice(0, base.pathname.lastIndexOf('/') + 1);
  return target.pathname.startsWith(folder) ? target.pathname.slice(folder.length) : undefined;
}

/** The `$self` of a parsed document, when it has one. */
export function selfOf(document: unknown): string | undefined {
  const self =
    typeof document === 'object' && document !== null ? (document as Record<string, unknown>)['$self'] : undefined;
  return typeof self === 'string' ? self : undefined;
}

/** A reference in a fetched document, or an absolute URL: only http(s), never a local file. */
function remoteRef(text: string, base: string | undefined, pointer: string): ParsedRef {
  let url: URL;
  try {
    url = base === undefined ? new URL(text) : new URL(text, base);
  } catch {
    return { kind: 'invalid', reason: 'it is not a valid URL' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return base === undefined
      ? { kind: 'invalid', reason: `its scheme "${url.protocol}" is not supported (only files and http(s) URLs)` }
      : { kind: 'invalid', reason: 'a fetched document may only reference other http(s) documents, not local files' };
  }
  url.hash = '';
  return { kind: 'remote', url: url.href, pointer };
}
