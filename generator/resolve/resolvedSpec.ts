import type { SpecSource } from '../load/specSource';
import { isRecord } from '../util/guards';
import { getAtPointer } from '../util/jsonPointer';
import { locationKey, type Location } from './location';
import { parseRef } from './parseRef';

export interface Resolved<T = unknown> {
  readonly location: Location;
  readonly value: T;
}

/**
 * The spec with every file it references loaded. Lookups are pure: the resolve
 * stage has already loaded each file and reported each `$ref` that leads
 * nowhere, so here a broken reference simply yields `undefined`.
 */
export class ResolvedSpec {
  /** Values by source and pointer: modelling asks for the same `$ref` targets many times. */
  private readonly values = new Map<SpecSource, Map<string, unknown>>();

  constructor(
    readonly root: SpecSource,
    /** Every loaded file, by absolute path. */
    readonly sources: ReadonlyMap<string, SpecSource>,
  ) {}

  get document(): Record<string, unknown> {
    return this.root.value as Record<string, unknown>;
  }

  rootLocation(pointer = ''): Location {
    return { source: this.root, pointer };
  }

  valueAt(location: Location): unknown {
    let values = this.values.get(location.source);
    if (!values) this.values.set(location.source, (values = new Map()));
    if (values.has(location.pointer)) return values.get(location.pointer);
    const value = getAtPointer(location.source.value, location.pointer);
    values.set(location.pointer, value);
    return value;
  }

  /**
   * Where a `$ref` written at `from` points, if that file is loaded. The
   * fragment is percent-decoded (RFC 6901 §6); when only the undecoded
   * pointer names something (a key with a literal `%22` in it), that one.
   */
  targetOf(ref: string, from: Location): Location | undefined {
    const parsed = parseRef(ref, from.source.path);
    if (parsed.kind === 'invalid') return undefined;
    const source =
      parsed.kind === 'local' ? from.source : this.sources.get(parsed.kind === 'file' ? parsed.path : parsed.url);
    if (!source) return undefined;
    const decoded = { source, pointer: parsed.pointer };
    if (parsed.kind === 'remote' || parsed.undecoded === undefined || this.valueAt(decoded) !== undefined)
      return decoded;
    const undecoded = { source, pointer: parsed.undecoded };
    return this.valueAt(undecoded) !== undefined ? undecoded : decoded;
  }

  /**
   * Follows `$ref`s from `location` until a node that is not a reference.
   * `undefined` for a dangling reference or a cycle of references.
   */
  deref(location: Location): Resolved | undefined {
    const seen = new Set<string>();
    let current = location;
    for (;;) {
      const value = this.valueAt(current);
      if (value === undefined) return undefined;
      const ref = isRecord(value) ? value['$ref'] : undefined;
      if (typeof ref !== 'string') return { location: current, value };
      const key = locationKey(current);
      if (seen.has(key)) return undefined;
      seen.add(key);
      const target = this.targetOf(ref, current);
      if (!target) return undefined;
      current = target;
    }
  }
}
