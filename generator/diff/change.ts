/**
 * One change between two versions of a spec, as the users of its SDK see it.
 * `sdkgen diff` and `sdkgen check --base` report these.
 */

/** Which way data flows: what a user sends (parameters, bodies) or what they receive (responses). */
export type Direction = 'request' | 'response';

/** Breaking: code written against the old SDK may stop compiling or behave differently. */
export type Severity = 'breaking' | 'non-breaking';

export type ChangeKind =
  | 'operation-removed'
  | 'operation-renamed'
  | 'operation-method-changed'
  | 'operation-path-changed'
  | 'operation-added'
  | 'parameter-removed'
  | 'parameter-added'
  | 'parameter-required'
  | 'parameter-optional'
  | 'parameter-media-type-changed'
  | 'idempotency-key-added'
  | 'idempotency-key-removed'
  | 'pagination-added'
  | 'pagination-removed'
  | 'body-removed'
  | 'body-added'
  | 'body-required'
  | 'body-optional'
  | 'media-type-removed'
  | 'media-type-added'
  | 'response-added'
  | 'response-removed'
  | 'model-removed'
  | 'model-added'
  | 'property-removed'
  | 'property-added'
  | 'property-required'
  | 'property-optional'
  | 'type-narrowed'
  | 'type-widened'
  | 'type-changed'
  | 'enum-value-removed'
  | 'enum-value-added';

export interface Change {
  readonly kind: ChangeKind;
  readonly severity: Severity;
  /** What changed, as the SDK names it: `createUser`, `createUser.body`, `User.email`. */
  readonly subject: string;
  /** The property, parameter, value or status involved, when there is one. */
  readonly detail?: string;
  /** One sentence for a person. */
  readonly message: string;
  /** Where it is: in the new spec, or in the old one for what was removed. */
  readonly file?: string;
  readonly pointer?: string;
}

export interface SpecDiff {
  /** Breaking changes first, then by subject. */
  readonly changes: readonly Change[];
}

export function breakingCount(diff: SpecDiff): number {
  return diff.changes.filter((change) => change.severity === 'breaking').length;
}

/** Breaking in one direction, harmless in the other. */
export function severityFor(direction: Direction, breakingIn: Direction): Severity {
  return direction === breakingIn ? 'breaking' : 'non-breaking';
}
