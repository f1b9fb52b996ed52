import type { Diagnostic } from '../diagnostics/diagnostic';
import type { SpecSource } from '../load/specSource';
import { appendPointer } from '../util/jsonPointer';

/** A node of the spec: which file, and where in it. */
export interface Location {
  readonly source: SpecSource;
  readonly pointer: string;
}

export function locationKey(location: Location): string {
  return `${location.source.path}#${location.pointer}`;
}

export function childLocation(location: Location, ...segments: (string | number)[]): Location {
  return new ChildLocation(location, segments);
}

/**
 * A location below another one, as `childLocation` makes it. It keeps its
 * parent and the keys that lead down from it, and remembers its value once
 * found: modelling asks for the values of tens of thousands of locations, and
 * finding one from its parent's is cheaper than looking its pointer up.
 */
export class ChildLocation implements Location {
  readonly source: SpecSource;
  readonly pointer: string;
  #value: unknown;
  #found = false;

  constructor(
    readonly parent: Location,
    /** The keys (not escaped) and indexes from the parent down to here. */
    readonly segments: readonly (string | number)[],
  ) {
    this.source = parent.source;
    this.pointer = appendPointer(parent.pointer, ...segments);
  }

  /** The value here, found by `find` the first time. */
  valueOnce(find: () => unknown): unknown {
    if (!this.#found) {
      this.#value = find();
      this.#found = true;
    }
    return this.#value;
  }
}

/** A diagnostic pinned to a location: file, line, column and pointer filled in. */
export function diagnosticAt(
  location: Location,
  fields: Omit<Diagnostic, 'file' | 'pointer' | 'position'>,
): Diagnostic {
  return location.source.diagnosticAt(location.pointer, fields);
}
