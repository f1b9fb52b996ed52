import { hasOwn, isRecord } from '../util/guards';
import { setOwn, type Origin, type Origins } from './origins';

/** Where a merge stopped: the keys from the merged value's root to the property that does not fit, and why. */
export interface MergeProblem {
  readonly path: readonly string[];
  readonly message: string;
}

/**
 * Merges `value` into the object `target` as the Overlay Specification 1.1 says (§ Action Object; 1.0 says
 * "recursively merged", which 1.1 spells out): a property only in the target stays, one only in `value` is
 * inserted, and one in both is replaced when both are primitives, concatenated when both are arrays and merged
 * when both are objects. Any other pair is incompatible. A `null` over an object or array leaves it as it is:
 * the specification's structured example writes `components:` and `tags:` with no value beside what it changes.
 * `value` is a fresh copy (`Origins.cloneWithOrigins`): its nodes move into the target.
 */
export function mergeInto(
  target: Record<string, unknown>,
  value: Record<string, unknown>,
  context: { readonly origins: Origins; readonly origin: Origin },
): MergeProblem | undefined {
  const { origins } = context;
  for (const key of Object.keys(value)) {
    const incoming = value[key];
    const origin = origins.childOrigin(value, key, context.origin);
    if (!hasOwn(target, key)) {
      setOwn(target, key, incoming);
      origins.set(target, key, origin);
      continue;
    }
    const current = target[key];
    if (isRecord(current) && isRecord(incoming)) {
      const problem = mergeInto(current, incoming, { origins, origin });
      if (problem) return { path: [key, ...problem.path], message: problem.message };
    } else if (Array.isArray(current) && Array.isArray(incoming)) {
      appendAll(current, incoming, { origins, origin });
    } else if (isPrimitive(current) && isPrimitive(incoming)) {
      setOwn(target, key, incoming);
      origins.set(target, key, origin);
    } else if (incoming !== null) {
      return {
        path: [key],
        message: `${JSON.stringify(key)} is ${kindOf(incoming)} here and ${kindOf(current)} in the document: they cannot be merged`,
      };
    }
  }
  return undefined;
}

/** Appends every item of `items` (a fresh copy) to `target`, each keeping its origin. */
export function appendAll(
  target: unknown[],
  items: readonly unknown[],
  context: { readonly origins: Origins; readonly origin: Origin },
): void {
  items.forEach((item, index) =>
    appendOne(target, item, context.origins.childOrigin(items, String(index), context.origin), context.origins),
  );
}

export function appendOne(target: unknown[], item: unknown, origin: Origin, origins: Origins): void {
  origins.set(target, String(target.length), origin);
  target.push(item);
}

export function isPrimitive(value: unknown): boolean {
  return value === null || typeof value !== 'object';
}

/** `an object`, `a list`, `a string`... for messages. */
export function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return typeof value === 'number' ? 'a number' : typeof value === 'boolean' ? 'a boolean' : 'a string';
}
