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
  return { source: location.source, pointer: appendPointer(location.pointer, ...segments) };
}

/** A diagnostic pinned to a location: file, line, column and pointer filled in. */
export function diagnosticAt(
  location: Location,
  fields: Omit<Diagnostic, 'file' | 'pointer' | 'position'>,
): Diagnostic {
  return location.source.diagnosticAt(location.pointer, fields);
}
