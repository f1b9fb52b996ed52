import { sentBodyType } from '../emit/operationTypes';
import type { MediaContent, Operation, Parameter, RequestBody, Response } from '../model/types';
import type { Change } from './change';
import { compareTypes, type TypeComparison } from './compareTypes';
import type { Side } from './sides';

/**
 * Compares the operations of both versions. Operations are matched by
 * operationId, then (for a changed operationId) by method and path; what is
 * left over was removed or added.
 */
export function compareOperations(old: Side, next: Side): Change[] {
  const out: Change[] = [];
  const newById = new Map(next.model.operations.map((operation) => [operation.operationId, operation]));
  const oldIds = new Set(old.model.operations.map((operation) => operation.operationId));
  const unmatchedNew = new Map(
    next.model.operations
      .filter((operation) => !oldIds.has(operation.operationId))
      .map((operation) => [endpoint(operation), operation]),
  );
  for (const before of old.model.operations) {
    const after = newById.get(before.operationId) ?? unmatchedNew.get(endpoint(before));
    if (!after) {
      out.push({
        ...at(before),
        kind: 'operation-removed',
        severity: 'breaking',
        message: `operation removed (${endpoint(before)})`,
      });
      continue;
    }
    unmatchedNew.delete(endpoint(after));
    compareOperation(before, after, { old, next, out });
  }
  for (const added of unmatchedNew.values()) {
    out.push({
      ...at(added),
      kind: 'operation-added',
      severity: 'non-breaking',
      message: `operation added (${endpoint(added)})`,
    });
  }
  return out;
}

interface OperationComparison {
  readonly old: Side;
  readonly next: Side;
  readonly out: Change[];
}

function compareOperation(before: Operation, after: Operation, context: OperationComparison): void {
  const { out } = context;
  const record = (change: Omit<Change, 'subject' | 'file' | 'pointer'>): void => {
    out.push({ ...at(after), ...change });
  };
  if (before.names.function !== after.names.function) {
    record({
      kind: 'operation-renamed',
      severity: 'breaking',
      detail: before.names.function,
      message: `operation renamed from ${before.names.function} (${endpoint(after)})`,
    });
  }
  if (before.method !== after.method) {
    record({
      kind: 'operation-method-changed',
      severity: 'breaking',
      message: `method changed: ${endpoint(before)} -> ${endpoint(after)}`,
    });
  }
  if (before.path !== after.path) {
    record({
      kind: 'operation-path-changed',
      severity: 'breaking',
      message: `path changed: ${endpoint(before)} -> ${endpoint(after)}`,
    });
  }
  const types = (subject: string, direction: 'request' | 'response'): TypeComparison => ({
    old: context.old,
    new: context.next,
    direction,
    subject,
    file: after.file,
    pointer: after.pointer,
    out,
  });
  compareParameters(before, after, { record, types });
  compareBodies(before.requestBody, after.requestBody, {
    record,
    types: types(`${after.names.function}.body`, 'request'),
  });
  compareResponses(before.responses, after.responses, {
    record,
    types: (status) => types(`${after.names.function}.response(${status})`, 'response'),
  });
  // A call that iterates its pages is still the promise of the first: only losing the iteration breaks callers.
  if (!before.pagination !== !after.pagination) {
    record(
      after.pagination
        ? {
            kind: 'pagination-added',
            severity: 'non-breaking',
            message: 'now a list in pages: iterating the call yields the items of every page, .pages() the pages',
          }
        : {
            kind: 'pagination-removed',
            severity: 'breaking',
            message: 'no longer a list in pages: iterating the call and .pages() are gone',
          },
    );
  }
}

type RecordChange = (change: Omit<Change, 'subject' | 'file' | 'pointer'>) => void;

/** What a parameter that is an idempotency key (see `model/idempotency.ts`) changes for callers. */
const idempotencyKeyAdded =
  'an idempotency key, which the SDK sends when it is left out (a random UUID) and which makes it retry the call by default';

function compareParameters(
  before: Operation,
  after: Operation,
  context: { record: RecordChange; types: (subject: string, direction: 'request') => TypeComparison },
): void {
  const key = (parameter: Parameter) => `${parameter.in} ${parameter.name}`;
  const oldParameters = new Map(before.parameters.map((parameter) => [key(parameter), parameter]));
  const newParameters = new Map(after.parameters.map((parameter) => [key(parameter), parameter]));
  for (const [name, parameter] of oldParameters) {
    if (newParameters.has(name)) continue;
    context.record({
      kind: 'parameter-removed',
      severity: 'breaking',
      detail: parameter.argName,
      message: `${parameter.in} parameter ${parameter.argName} removed`,
    });
  }
  for (const [name, parameter] of newParameters) {
    const old = oldParameters.get(name);
    const detail = parameter.argName;
    if (!old) {
      context.record({
        kind: 'parameter-added',
        severity: parameter.required ? 'breaking' : 'non-breaking',
        detail,
        message: `${parameter.required ? 'new required' : 'optional'} ${parameter.in} parameter ${detail}${parameter.required ? '' : ' added'}${parameter.idempotencyKey ? `: ${idempotencyKeyAdded}` : ''}`,
      });
      continue;
    }
    if (!old.idempotencyKey !== !parameter.idempotencyKey) {
      // Without a key of its own the call would no longer be retried by default, nor carry a key at all.
      context.record({
        kind: parameter.idempotencyKey ? 'idempotency-key-added' : 'idempotency-key-removed',
        severity: parameter.idempotencyKey ? 'non-breaking' : 'breaking',
        detail,
        message: parameter.idempotencyKey
          ? `${parameter.in} parameter ${detail} is now ${idempotencyKeyAdded}`
          : `${parameter.in} parameter ${detail} is no longer an idempotency key: the SDK no longer sends one when it is left out, nor retries the call by default (unless its method is idempotent)`,
      });
    }
    if (!old.required && parameter.required) {
      context.record({
        kind: 'parameter-required',
        severity: 'breaking',
        detail,
        message: `${parameter.in} parameter ${detail} became required`,
      });
    } else if (old.required && !parameter.required) {
      context.record({
        kind: 'parameter-optional',
        severity: 'non-breaking',
        detail,
        message: `${parameter.in} parameter ${detail} became optional`,
      });
    }
    if (old.mediaType !== undefined && parameter.mediaType !== undefined && old.mediaType !== parameter.mediaType) {
      // The SDK encodes the new way by itself: callers change nothing for it (their types are compared below).
      context.record({
        kind: 'parameter-media-type-changed',
        severity: 'non-breaking',
        detail,
        message: `${parameter.in} parameter ${detail} now sent as ${parameter.mediaType} (was ${old.mediaType})`,
      });
    }
    compareTypes(old.type, parameter.type, context.types(`${after.names.function}.${detail}`, 'request'));
  }
}

function compareBodies(
  before: RequestBody | undefined,
  after: RequestBody | undefined,
  context: { record: RecordChange; types: TypeComparison },
): void {
  const { record, types } = context;
  if (!before && !after) return;
  if (before && !after) return record({ kind: 'body-removed', severity: 'breaking', message: 'request body removed' });
  if (!before && after) {
    return record({
      kind: 'body-added',
      severity: after.required ? 'breaking' : 'non-breaking',
      message: after.required ? 'new required request body' : 'optional request body added',
    });
  }
  if (!before || !after) return;
  if (!before.required && after.required)
    record({ kind: 'body-required', severity: 'breaking', message: 'request body became required' });
  if (before.required && !after.required)
    record({ kind: 'body-optional', severity: 'non-breaking', message: 'request body became optional' });
  const newContents = new Map(after.contents.map((content) => [content.mediaType, content]));
  for (const content of before.contents) {
    const match = newContents.get(content.mediaType);
    if (!match) {
      record({
        kind: 'media-type-removed',
        severity: 'breaking',
        detail: content.mediaType,
        message: `request body no longer accepts ${content.mediaType}`,
      });
      continue;
    }
    compareSentTypes(content, match, types);
  }
  const oldMediaTypes = new Set(before.contents.map((content) => content.mediaType));
  for (const content of after.contents.filter((candidate) => !oldMediaTypes.has(candidate.mediaType))) {
    record({
      kind: 'media-type-added',
      severity: 'non-breaking',
      detail: content.mediaType,
      message: `request body also accepts ${content.mediaType}`,
    });
  }
}

/**
 * Compares what a request body's argument takes (see `sentBodyType`): items (JSON lines, sequences) with items one by
 * one, as the properties of a JSON body are; otherwise whole types, where bytes (`BinaryBody`) stay accepted beside
 * items, so that typing the items of a body of bytes widens it.
 */
function compareSentTypes(before: MediaContent, after: MediaContent, types: TypeComparison): void {
  if (before.type.kind === 'eventStream' && after.type.kind === 'eventStream')
    return compareTypes(before.type.data, after.type.data, { ...types, subject: `${types.subject} (each item)` });
  compareTypes(sentBodyType(before), sentBodyType(after), types);
}

/**
 * Responses by status. A new success status widens what a call resolves to
 * (breaking for code that handles every case); a new error status, or a
 * status no longer documented, breaks nothing that compiled.
 */
function compareResponses(
  before: readonly Response[],
  after: readonly Response[],
  context: { record: RecordChange; types: (status: string) => TypeComparison },
): void {
  const newByStatus = new Map(after.map((response) => [response.status, response]));
  const oldStatuses = new Set(before.map((response) => response.status));
  for (const response of before) {
    const match = newByStatus.get(response.status);
    if (!match) {
      context.record({
        kind: 'response-removed',
        severity: 'non-breaking',
        detail: response.status,
        message: `response ${response.status} no longer documented`,
      });
      continue;
    }
    const newContents = new Map(match.contents.map((content) => [content.mediaType, content]));
    for (const content of response.contents) {
      const next = newContents.get(content.mediaType);
      if (next) compareTypes(content.type, next.type, context.types(response.status));
    }
  }
  const successes = (responses: readonly Response[], withBody: boolean) =>
    responses.some((response) => /^2/.test(response.status) && response.contents.length > 0 === withBody);
  for (const response of after.filter((candidate) => !oldStatuses.has(candidate.status))) {
    const success = /^2/.test(response.status);
    // A success without a body, beside ones with a body, adds `undefined` to what the call resolves to.
    const widens = success && (response.contents.length > 0 || (successes(after, true) && !successes(before, false)));
    context.record({
      kind: 'response-added',
      severity: widens ? 'breaking' : 'non-breaking',
      detail: response.status,
      message: widens
        ? `new success response ${response.status}: the result type widened`
        : `response ${response.status} added`,
    });
  }
}

function endpoint(operation: Operation): string {
  return `${operation.method} ${operation.path}`;
}

function at(operation: Operation): Pick<Change, 'subject' | 'file' | 'pointer'> {
  return { subject: operation.names.function, file: operation.file, pointer: operation.pointer };
}
