import { pointerOfPath, type PathStep } from '../util/jsonPointer';
import type { SpecLimits } from './limits';

export type ExpansionProblem = { readonly kind: 'depth' | 'size'; readonly pointer: string };

interface Visit extends PathStep {
  readonly value: unknown;
  readonly depth: number;
}

/**
 * Checks a parsed value the way later stages will walk it: YAML aliases share
 * one object between many places, so a small file can stand for a huge or
 * very deep tree. Counts every node as often as it is reached and stops at the
 * first limit passed, so the check itself is bounded.
 */
export function checkExpandedValue(root: unknown, limits: SpecLimits): ExpansionProblem | undefined {
  const pending: Visit[] = [{ value: root, depth: 0 }];
  let nodes = 0;
  while (pending.length > 0) {
    const visit = pending.pop()!;
    if (++nodes > limits.maxNodes) return { kind: 'size', pointer: pointerOfPath(visit) };
    const { value, depth } = visit;
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= limits.maxDepth) return { kind: 'depth', pointer: pointerOfPath(visit) };
    const entries: [string | number, unknown][] = Array.isArray(value)
      ? value.map((item, index) => [index, item])
      : Object.entries(value);
    // Reversed onto the stack, so values are visited in document order.
    for (let index = entries.length - 1; index >= 0; index--) {
      const [segment, child] = entries[index]!;
      pending.push({ value: child, depth: depth + 1, parent: visit, segment });
    }
  }
  return undefined;
}

/**
 * Whether `checkExpandedValue` finds nothing, answered without keeping track
 * of where: several times faster, for the value js-yaml read. A value that
 * does not fit goes through the `yaml` path, which says where.
 */
export function fitsLimits(root: unknown, limits: SpecLimits): boolean {
  const values: unknown[] = [root];
  const depths: number[] = [0];
  let nodes = 0;
  while (values.length > 0) {
    const value = values.pop();
    const depth = depths.pop()!;
    if (++nodes > limits.maxNodes) return false;
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= limits.maxDepth) return false;
    const children = Array.isArray(value) ? value : Object.values(value);
    for (const child of children) {
      values.push(child);
      depths.push(depth + 1);
    }
  }
  return true;
}
