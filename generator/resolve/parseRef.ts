import { dirname, resolve as resolvePath } from 'node:path';
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
export function parseRef(ref: string, fromPath: string): ParsedRef {
  const hashAt = ref.indexOf('#');
  const filePart = hashAt === -1 ? ref : ref.slice(0, hashAt);
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
