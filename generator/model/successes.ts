import { isSuccessStatus } from './bodies';
import { undefinedType, unionOf } from './typeNodes';
import type { Operation, Response, TypeNode } from './types';

/** The type of a response body: the union over its media types. */
export function responseBodyType(response: Response): TypeNode | undefined {
  if (response.contents.length === 0) return undefined;
  return unionOf(response.contents.map((content) => content.type));
}

/**
 * The responses a successful call may get: the 2xx ones; when none is documented, `default`, which then describes
 * them too (it documents every status the others do not, OpenAPI 3.1 §4.8.16).
 */
export function successResponses(operation: Operation): Response[] {
  const successes = operation.responses.filter((response) => isSuccessStatus(response.status));
  return successes.length > 0 ? successes : operation.responses.filter((response) => response.status === 'default');
}

/**
 * What a successful call resolves to: the union of the documented success bodies, with `undefined` when a success
 * has none (the runtime resolves a `204` to `undefined`, so `200` with a body beside `204` is `Body | undefined`).
 */
export function successType(operation: Operation): TypeNode | 'void' {
  const successes = successResponses(operation);
  if (successes.length === 0) return operation.responses.length === 0 ? 'void' : { kind: 'unknown' };
  const bodies = successes.map(responseBodyType);
  const typed = bodies.filter((type): type is TypeNode => type !== undefined);
  if (typed.length === 0) return 'void';
  return unionOf(typed.length < bodies.length ? [...typed, undefinedType] : typed);
}
