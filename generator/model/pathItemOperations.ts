import { childLocation, type Location } from '../resolve/location';
import { isRecord } from '../util/guards';
import { warnAt, type ModelContext } from './context';
import type { HttpMethod } from './types';

/** The fixed fields of a Path Item Object that hold operations, in the order the SDK lists them; 3.2 adds `query`. */
const fixedFields: readonly string[] = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace', 'query'];

/** An RFC 9110 §5.6.2 token (`tchar`s), which a method is (§9.1). */
const token = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** One operation of a path item: the method it sends and where its Operation Object is. */
export interface PathItemOperation {
  readonly method: HttpMethod;
  readonly location: Location;
}

/**
 * The operations of a path item (under `paths`, `webhooks` or a callback), in
 * the order the SDK lists them: the fixed fields, `query` after `trace`, then
 * the `additionalOperations` in document order (OpenAPI 3.2 §4.8.9.1). Fixed
 * fields are sent in upper case, additional ones as written: the key is the
 * method "with the same capitalization that is to be sent in the request".
 */
export function pathItemOperations(context: ModelContext, pathItem: Location): PathItemOperation[] {
  const item = context.spec.valueAt(pathItem);
  if (!isRecord(item)) return [];
  const fixed = fixedFields
    .filter((field) => isRecord(item[field]) && (field !== 'query' || context.version === '3.2'))
    .map((field) => ({ method: field.toUpperCase(), location: childLocation(pathItem, field) }));
  if (context.version !== '3.2') {
    warnOfNewerFields(context, pathItem, item);
    return fixed;
  }
  return [...fixed, ...additionalOperations(context, pathItem, item)];
}

function additionalOperations(
  context: ModelContext,
  pathItem: Location,
  item: Record<string, unknown>,
): PathItemOperation[] {
  const map = childLocation(pathItem, 'additionalOperations');
  const entries = item['additionalOperations'];
  if (!isRecord(entries)) return [];
  return Object.keys(entries).flatMap((method) => {
    const location = childLocation(map, method);
    if (!isRecord(entries[method])) return [];
    if (!token.test(method)) {
      warnAt(context, location, {
        code: 'SDK3211',
        message: `${JSON.stringify(method)} is not an HTTP method name (RFC 9110 §9.1: letters, digits and !#$%&'*+-.^_\`|~ only); the operation is skipped.`,
        hint: 'Write the method as it is sent in the request, e.g. PURGE or M-SEARCH.',
      });
      return [];
    }
    const field = fixedFields.find((name) => name === method.toLowerCase());
    if (field) {
      warnAt(context, location, {
        code: 'SDK3210',
        message: `additionalOperations must not hold ${JSON.stringify(method)}: the path item's \`${field}\` field is for that method (OpenAPI 3.2 §4.8.9.1); the operation is skipped.`,
        hint: isRecord(item[field])
          ? `Remove the entry: the path item's \`${field}\` field already holds the ${field.toUpperCase()} operation.`
          : `Move the operation to the path item's \`${field}\` field.`,
      });
      return [];
    }
    if (/^(connect|track)$/i.test(method)) {
      warnAt(context, location, {
        code: 'SDK3213',
        message: `fetch refuses to send ${method} (a forbidden method in the Fetch standard, §2.2.1): the operation's function rejects with a NetworkError unless the client is given a \`fetch\` that sends it.`,
        hint: 'Call this operation with another HTTP client, or pass the client a `fetch` option that can send it.',
      });
    }
    return [{ method, location }];
  });
}

/** `query` and `additionalOperations` are OpenAPI 3.2 fields: an older document that has them gets no operation from them. */
function warnOfNewerFields(context: ModelContext, pathItem: Location, item: Record<string, unknown>): void {
  for (const field of ['query', 'additionalOperations']) {
    if (item[field] === undefined) continue;
    warnAt(context, childLocation(pathItem, field), {
      code: 'SDK3212',
      message: `\`${field}\` is a Path Item field of OpenAPI 3.2; this is a ${context.version} document, so it is ignored.`,
      hint: 'Set `openapi: 3.2.0` at the top of the document to use it.',
    });
  }
}
