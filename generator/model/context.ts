import type { Diagnostic } from '../diagnostics/diagnostic';
import { diagnosticAt, type Location } from '../resolve/location';
import type { ResolvedSpec } from '../resolve/resolvedSpec';
import type { NameRegistry } from './nameRegistry';
import type { NamedModel } from './types';

/** State of one model build, passed explicitly; nothing lives at module level. */
export interface ModelContext {
  readonly spec: ResolvedSpec;
  /**
   * `3.0` documents use `nullable` and ignore `$ref` siblings; `3.1` and `3.2` are JSON Schema 2020-12.
   * `3.2` adds to the rest of the document (the `query` method, `querystring` parameters, `itemSchema`).
   */
  readonly version: '3.0' | '3.1' | '3.2';
  readonly names: NameRegistry;
  readonly diagnostics: Diagnostic[];
  /** Named models by the location of their schema, in the order they were first seen. */
  readonly models: Map<string, NamedModel | PendingModel>;
  /**
   * Named models whose schemas still wait to be converted. A `$ref` only
   * reserves the name and queues the schema, so a long chain of references
   * never deepens the call stack.
   */
  readonly undefinedModels: Location[];
  /**
   * Models that live at no `$ref` target: the bodies webhooks and callbacks
   * send, and the variants of polymorphic bases (`polymorphism.ts`).
   */
  readonly extraModels: NamedModel[];
  /**
   * Inline `allOf`s whose members are being merged into one object, by
   * location: a member's property that leads back to one of them is not
   * merged again (see `allOf.ts`).
   */
  readonly merging: Set<string>;
  /** `date-time` strings that requests may send as `Date`s and responses hold as `Date`s (config `dates`). */
  readonly dates: 'string' | 'Date';
  /** Names the user chose in the config, instead of the derived ones. */
  readonly naming: NamingOptions;
}

/** `naming` in the config: operationId -> function name, component schema name -> type name. */
export interface NamingOptions {
  readonly operations?: Readonly<Record<string, string>> | undefined;
  readonly models?: Readonly<Record<string, string>> | undefined;
}

/** A named model whose schema is being converted (it may refer to itself). */
export interface PendingModel {
  readonly name: string;
  readonly pending: true;
}

export function warnAt(
  context: ModelContext,
  location: Location,
  fields: { code: string; message: string; hint?: string },
): void {
  context.diagnostics.push(diagnosticAt(location, { ...fields, severity: 'warning' }));
}

export function errorAt(
  context: ModelContext,
  location: Location,
  fields: { code: string; message: string; hint?: string },
): void {
  context.diagnostics.push(diagnosticAt(location, { ...fields, severity: 'error' }));
}

/**
 * A warning reported once however often it is met: a parameter shared by a path item or a component is modelled
 * again for every operation that uses it.
 */
export function warnOnceAt(
  context: ModelContext,
  location: Location,
  fields: { code: string; message: string; hint?: string },
): void {
  const diagnostic = diagnosticAt(location, { ...fields, severity: 'warning' });
  const seen = context.diagnostics.some(
    (other) =>
      other.code === diagnostic.code &&
      other.file === diagnostic.file &&
      other.pointer === diagnostic.pointer &&
      other.message === diagnostic.message,
  );
  if (!seen) context.diagnostics.push(diagnostic);
}
