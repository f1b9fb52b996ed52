import type { SpecSource } from '../load/specSource';
import { isRecord } from '../util/guards';
import { childAt } from '../util/jsonPointer';
import { ChildLocation, locationKey, type Location } from './location';
import { parseRef, selfOf } from './parseRef';

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
  /**
   * Values by source and pointer, the ancestors of each pointer included:
   * modelling walks down the spec and asks for the same `$ref` targets many
   * times, so each lookup is one step from a known parent.
   */
  private readonly values = new Map<SpecSource, Map<string, unknown>>();
  /** `deref`'s answers by source and pointer: every use of a component follows the same `$ref`s. */
  private readonly targets = new Map<SpecSource, Map<string, Resolved | undefined>>();

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
    if (location instanceof ChildLocation) {
      // One step down from the parent's value, without reading the pointer.
      return location.valueOnce(() =>
        location.segments.reduce<unknown>(
          (value, segment) => childAt(value, String(segment), false),
          this.valueAt(location.parent),
        ),
      );
    }
    const values = cacheOf(this.values, location.source);
    const known = values.get(location.pointer);
    if (known !== undefined || values.has(location.pointer)) return known;
    // Up to the nearest pointer already looked up (or the whole document), then down one segment at a time.
    const missing: string[] = [];
    let pointer = location.pointer;
    let value: unknown = location.source.value;
    while (pointer !== '') {
      if (values.has(pointer)) {
        value = values.get(pointer);
        break;
      }
      missing.push(pointer);
      const parent = pointer.lastIndexOf('/');
      if (parent === -1) return undefined; // Not a JSON pointer: it names nothing.
      pointer = pointer.slice(0, parent);
    }
    for (let index = missing.length - 1; index >= 0; index--) {
      const child = missing[index]!;
      value = childAt(value, child.slice(child.lastIndexOf('/') + 1));
      values.set(child, value);
    }
    return value;
  }

  /**
   * Where a `$ref` written at `from` points, if that file is loaded. The
   * fragment is percent-decoded (RFC 6901 §6); when only the undecoded
   * pointer names something (a key with a literal `%22` in it), that one.
   */
  targetOf(ref: string, from: Location): Location | undefined {
    const parsed = parseRef(ref, from.source.path, selfOf(from.source.value));
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
    const targets = cacheOf(this.targets, location.source);
    if (targets.has(location.pointer)) return targets.get(location.pointer);
    const resolved = this.follow(location);
    targets.set(location.pointer, resolved);
    return resolved;
  }

  private follow(location: Location): Resolved | undefined {
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

function cacheOf<T>(caches: Map<SpecSource, Map<string, T>>, source: SpecSource): Map<string, T> {
  let cache = caches.get(source);
  if (!cache) caches.set(source, (cache = new Map()));
  return cache;
}
