import { dirname, resolve as resolvePath } from 'node:path';
import { fragmentToPointer } from '../util/jsonPointer';

export type ParsedRef =
  | { readonly kind: 'local'; readonly pointer: string }
  | { readonly kind: 'file'; readonly path: string; readonly pointer: string }
  | { readonly kind: 'remote'; readonly url: string }
  | { readonly kind: 'invalid'; readonly reason: string };

/**
 * Splits a `$ref` (a URI reference, OpenAPI 3.1 §4.8.1) into the file it names,
 * relative to the file that holds it, and the JSON pointer in its fragment.
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
  if (filePart === '') return { kind: 'local', pointer };
  if (/^[a-z][a-z0-9+.-]*:/i.test(filePart) && !/^file:/i.test(filePart)) return { kind: 'remote', url: filePart };
  let decodedPath: string;
  try {
    decodedPath = decodeURIComponent(filePart.replace(/^file:(\/\/)?/i, ''));
  } catch {
    return { kind: 'invalid', reason: 'its path has a malformed percent-escape' };
  }
  return { kind: 'file', path: resolvePath(dirname(fromPath), decodedPath), pointer };
}
