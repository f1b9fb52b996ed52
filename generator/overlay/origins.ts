import type { SpecSource } from '../load/specSource';
import { hasOwn } from '../util/guards';
import { appendPointer } from '../util/jsonPointer';

/** Where a node of the overlaid document was written: the spec or an overlay file, and its pointer there. */
export interface Origin {
  readonly source: SpecSource;
  readonly pointer: string;
}

/**
 * Where each node of a document that overlays changed comes from. A node nobody moved is where its parent's
 * origin says (the parent's pointer and its key), so only what the actions placed or shifted is recorded: the
 * entries an `update` or `copy` inserted, replaced or appended, and the array items a `remove` moved down. A
 * diagnostic on a node an overlay wrote then points at the overlay's text, never at an unrelated line of the spec.
 */
export class Origins {
  private readonly entries = new WeakMap<object, Map<string, Origin>>();

  constructor(readonly root: Origin) {}

  /** The origin of `parent[key]`, given the parent's. */
  childOrigin(parent: object, key: string, parentOrigin: Origin): Origin {
    return (
      this.entries.get(parent)?.get(key) ?? {
        source: parentOrigin.source,
        pointer: appendPointer(parentOrigin.pointer, key),
      }
    );
  }

  /**
   * The origin of the node at `segments` below `document`. Where the path leads nowhere, the deepest node that
   * exists and the rest of the path, as `SpecSource.locate` reads a pointer.
   */
  originAt(document: unknown, segments: readonly (string | number)[]): Origin {
    let origin = this.root;
    let node = document;
    for (let index = 0; index < segments.length; index++) {
      const key = String(segments[index]);
      if (!hasChild(node, key)) {
        return { source: origin.source, pointer: appendPointer(origin.pointer, ...segments.slice(index)) };
      }
      origin = this.childOrigin(node as object, key, origin);
      node = (node as Record<string, unknown>)[key];
    }
    return origin;
  }

  set(parent: object, key: string, origin: Origin): void {
    let entries = this.entries.get(parent);
    if (!entries) this.entries.set(parent, (entries = new Map()));
    entries.set(key, origin);
  }

  delete(parent: object, key: string): void {
    this.entries.get(parent)?.delete(key);
  }

  /** A deep copy of `value` whose every entry keeps the origin it has where it is copied from. */
  cloneWithOrigins(value: unknown, origin: Origin): unknown {
    if (typeof value !== 'object' || value === null) return value;
    const copy: unknown[] | Record<string, unknown> = Array.isArray(value) ? [] : {};
    const keys = Array.isArray(value) ? value.map((_, index) => String(index)) : Object.keys(value);
    for (const key of keys) {
      const childOrigin = this.childOrigin(value, key, origin);
      setOwn(copy, key, this.cloneWithOrigins((value as Record<string, unknown>)[key], childOrigin));
      this.set(copy, key, childOrigin);
    }
    return copy;
  }
}

/** Whether `node` has an own entry `key` (an index, for an array). */
export function hasChild(node: unknown, key: string): boolean {
  if (Array.isArray(node)) return /^(0|[1-9][0-9]*)$/.test(key) && Number(key) < node.length;
  return typeof node === 'object' && node !== null && hasOwn(node, key);
}

/** Sets an own entry, also one named `__proto__` (a plain assignment would change the prototype instead). */
export function setOwn(container: object, key: string, value: unknown): void {
  if (Array.isArray(container)) container[Number(key)] = value;
  else Object.defineProperty(container, key, { value, writable: true, enumerable: true, configurable: true });
}
