import { childLocation, type Location } from '../resolve/location';
import { isRecord } from '../util/guards';
import { toPointer } from '../util/jsonPointer';
import { requestBodyOf, responsesOf } from './bodies';
import { warnAt, type ModelContext } from './context';
import { docsOf } from './docs';
import { isInheritedMember, isSafeFileName, splitWords, toFunctionName, toTypeName } from './identifiers';
import { mergeParameters, parameterOf, type RawParameter } from './parameters';
import { pagingHintsOf, type PagingHints } from './pagination';
import { pathItemOperations, type PathItemOperation } from './pathItemOperations';
import { securityOf } from './security';
import { serversOf } from './servers';
import type { HttpMethod, Operation, Parameter, Webhook } from './types';
import { callbacksOf } from './webhooks';

/** Every operation under `paths`, in spec order, and the callbacks they declare. */
export function buildOperations(
  context: ModelContext,
  groupFiles: Map<string, string>,
): {
  operations: Operation[];
  callbacks: Webhook[];
  pagingHints: Map<string, PagingHints>;
  locations: Map<string, Location>;
} {
  const paths = context.spec.document['paths'];
  const operations: Operation[] = [];
  const callbacks: Webhook[] = [];
  const pagingHints = new Map<string, PagingHints>();
  const locations = new Map<string, Location>();
  if (!isRecord(paths)) return { operations, callbacks, pagingHints, locations };
  const operationIds = new Set<string>();
  for (const path of Object.keys(paths)) {
    const pathItem = context.spec.deref(context.spec.rootLocation(toPointer(['paths', path])));
    if (!pathItem || !isRecord(pathItem.value)) continue;
    for (const found of pathItemOperations(context, pathItem.location)) {
      const operation = operationOf(context, { path, found, pathItem: pathItem.location, groupFiles, operationIds });
      operations.push(operation);
      pagingHints.set(operation.operationId, pagingHintsOf(context, found.location));
      locations.set(operation.operationId, found.location);
      callbacks.push(
        ...callbacksOf(context, {
          operation: found.location,
          operationId: operation.operationId,
          typePrefix: toTypeName(operation.names.function),
        }),
      );
    }
  }
  return { operations, callbacks, pagingHints, locations };
}

function operationOf(
  context: ModelContext,
  at: {
    path: string;
    found: PathItemOperation;
    pathItem: Location;
    groupFiles: Map<string, string>;
    operationIds: Set<string>;
  },
): Operation {
  const { method, location } = at.found;
  const value = context.spec.valueAt(location) as Record<string, unknown>;
  const report = (fields: { code: string; message: string; hint?: string }): void => warnAt(context, location, fields);
  const operationId = uniqueOperationId(
    typeof value['operationId'] === 'string' && value['operationId']
      ? value['operationId']
      : derivedOperationId(method, at.path),
    at.operationIds,
    report,
  );
  const functionName = context.names.claim(context.naming.operations?.[operationId] ?? toFunctionName(operationId), {
    report,
  });
  const typePrefix = toTypeName(functionName);
  const requestBody = requestBodyOf(context, location);
  const security = securityOf(context, childLocation(location, 'security'));
  const servers = serversOf(value['servers']) ?? serversOf(context.spec.valueAt(childLocation(at.pathItem, 'servers')));
  return {
    operationId,
    names: {
      function: functionName,
      args: context.names.claim(`${typePrefix}Args`, { report }),
      error: context.names.claim(`${typePrefix}Error`, { report }),
    },
    method,
    path: at.path,
    group: groupOf(value['tags'], at.groupFiles),
    tags: Array.isArray(value['tags']) ? value['tags'].filter((tag): tag is string => typeof tag === 'string') : [],
    file: location.source.displayPath,
    pointer: location.pointer,
    docs: docsOf(value),
    parameters: parametersOf(context, mergeParameters(context, at.path, at.pathItem, location), location),
    ...(requestBody ? { requestBody } : {}),
    responses: responsesOf(context, location, method, { function: functionName, event: `${typePrefix}Event` }),
    ...(security ? { security } : {}),
    ...(servers && servers.length > 0 ? { servers } : {}),
  };
}

/**
 * Each parameter is a key of the argument object, under its spec name; the
 * request body is `body`. A name used twice (`id` in path and query) keeps its
 * spec name the first time and is prefixed by its location after.
 */
function parametersOf(context: ModelContext, raw: readonly RawParameter[], operation: Location): Parameter[] {
  const taken = new Set(['body']);
  return raw.map((parameter) => {
    const name = parameter.value['name'] as string;
    let argName = name;
    if (isInheritedMember(argName)) {
      argName = `${parameter.value['in'] as string}${toTypeName(name)}`;
      warnAt(context, childLocation(operation, 'parameters'), {
        code: 'SDK3203',
        message: `The parameter "${name}" would be an argument that every object inherits; it is "${argName}" instead.`,
        hint: 'Rename the parameter in the spec to choose the name yourself.',
      });
    }
    if (taken.has(argName)) {
      argName = `${parameter.value['in'] as string}${toTypeName(name)}`;
      warnAt(context, childLocation(operation, 'parameters'), {
        code: 'SDK3202',
        message: `Two arguments of the operation would be named "${name}"; the ${parameter.value['in'] as string} parameter is "${argName}".`,
        hint: 'Rename one of the parameters in the spec.',
      });
    }
    taken.add(argName);
    return parameterOf(context, parameter, argName);
  });
}

/**
 * `operationId`s must be unique (OpenAPI 3.1 §4.8.10.1); the SDK keys errors
 * by them. A repeated one gets a numeric suffix, in spec order.
 */
function uniqueOperationId(
  wanted: string,
  taken: Set<string>,
  report: (fields: { code: string; message: string; hint?: string }) => void,
): string {
  let operationId = wanted;
  for (let suffix = 2; taken.has(operationId); suffix++) operationId = `${wanted}${suffix}`;
  if (operationId !== wanted) {
    report({
      code: 'SDK3204',
      message: `The operationId ${JSON.stringify(wanted)} is used by an earlier operation; this one is ${JSON.stringify(operationId)}.`,
      hint: 'Give every operation its own operationId.',
    });
  }
  taken.add(operationId);
  return operationId;
}

/**
 * `GET /users/{id}/posts` -> `getUsersByIdPosts`: stable, readable, and unique per method and path (methods that
 * differ only in case or punctuation, `PURGE` and `Purge`, get a suffix from `uniqueOperationId`).
 */
function derivedOperationId(method: HttpMethod, path: string): string {
  const words = path.split('/').flatMap((segment) => {
    const parameter = /^\{(.+)\}$/.exec(segment);
    return parameter ? ['by', ...splitWords(parameter[1]!)] : splitWords(segment);
  });
  return toFunctionName([method.toLowerCase(), ...words].join(' '));
}

/** The file an operation goes to: its first tag, in camel case; `default` without tags. */
function groupOf(tags: unknown, groupFiles: Map<string, string>): string {
  const tag = Array.isArray(tags) && typeof tags[0] === 'string' && tags[0].trim() ? tags[0] : 'default';
  const existing = groupFiles.get(tag);
  if (existing) return existing;
  const wanted = toFunctionName(tag);
  const taken = new Set([...groupFiles.values()].map((file) => file.toLowerCase()));
  let file = wanted;
  for (
    let suffix = 2;
    taken.has(file.toLowerCase()) || file.toLowerCase() === 'index' || !isSafeFileName(file);
    suffix++
  )
    file = `${wanted}${suffix}`;
  groupFiles.set(tag, file);
  return file;
}
