import type { TypeNode } from '../model/types';
import { deref, objectProperties, type Side } from './sides';

interface Typed {
  readonly type: TypeNode;
  readonly side: Side;
}

/**
 * Whether every value of `a` is a value of `b` (each type read in its own
 * version of the model): what decides whether a change narrowed or widened a
 * type. Structural, like TypeScript; a cycle of references is assumed to hold.
 */
export function isSubtype(a: Typed, b: Typed, seen: Set<string> = new Set()): boolean {
  const [x, y] = [distribute(a.type), distribute(b.type)];
  if (y.kind === 'unknown' || x.kind === 'never') return true;
  // Named models are compared on their own: one of the same name counts as the same type here.
  if (x.kind === 'ref' && y.kind === 'ref' && x.name === y.name) return true;
  if (x.kind === 'ref' || y.kind === 'ref') {
    const key = `${x.kind === 'ref' ? x.name : '-'}<:${y.kind === 'ref' ? y.name : '-'}`;
    if (seen.has(key)) return true;
    seen.add(key);
    return isSubtype({ type: deref(x, a.side), side: a.side }, { type: deref(y, b.side), side: b.side }, seen);
  }
  if (x.kind === 'union') return x.members.every((member) => isSubtype({ type: member, side: a.side }, b, seen));
  if (y.kind === 'union') return y.members.some((member) => isSubtype(a, { type: member, side: b.side }, seen));
  if (x.kind === 'object' || x.kind === 'intersection' || y.kind === 'object' || y.kind === 'intersection') {
    return isObjectSubtype(a, b, seen);
  }
  switch (x.kind) {
    case 'literal':
      return y.kind === 'literal'
        ? Object.is(x.value, y.value)
        : x.value === null
          ? y.kind === 'null'
          : y.kind === typeof x.value;
    case 'array':
      return y.kind === 'array' && isSubtype({ type: x.items, side: a.side }, { type: y.items, side: b.side }, seen);
    case 'eventStream':
      return (
        y.kind === 'eventStream' && isSubtype({ type: x.data, side: a.side }, { type: y.data, side: b.side }, seen)
      );
    case 'tuple':
      return y.kind === 'array'
        ? [...x.items, ...(x.rest ? [x.rest] : [])].every((item) =>
            isSubtype({ type: item, side: a.side }, { type: y.items, side: b.side }, seen),
          )
        : y.kind === 'tuple' &&
            x.items.length === y.items.length &&
            x.items.every((item, index) =>
              isSubtype({ type: item, side: a.side }, { type: y.items[index]!, side: b.side }, seen),
            );
    case 'string':
      // A `date` (with `dates: 'Date'`) takes its ISO 8601 text as well as a `Date`.
      return y.kind === 'string' || y.kind === 'date';
    default:
      return x.kind === y.kind;
  }
}

/** At most this many members when an intersection of unions is spread into a union of intersections. */
const maxDistributed = 64;

/** `A & (B | C)` as `(A & B) | (A & C)`, so that unions are compared member by member. */
function distribute(type: TypeNode): TypeNode {
  if (type.kind !== 'intersection' || !type.members.some((member) => member.kind === 'union')) return type;
  let alternatives: TypeNode[][] = [[]];
  for (const member of type.members) {
    const choices = member.kind === 'union' ? member.members : [member];
    alternatives = alternatives.flatMap((prefix) => choices.map((choice) => [...prefix, choice]));
    if (alternatives.length > maxDistributed) return type;
  }
  return { kind: 'union', members: alternatives.map((members) => ({ kind: 'intersection', members })) };
}

/** Objects: every property `b` requires is required in `a`, and every property both have fits. */
function isObjectSubtype(a: Typed, b: Typed, seen: Set<string>): boolean {
  const x = objectProperties(a.type, a.side, { followRefs: true });
  const y = objectProperties(b.type, b.side, { followRefs: true });
  if (!x || !y) return false;
  for (const [name, wanted] of y) {
    const given = x.get(name);
    if (!given) {
      if (wanted.required) return false;
      continue;
    }
    if (wanted.required && !given.required) return false;
    if (!isSubtype({ type: given.type, side: a.side }, { type: wanted.type, side: b.side }, seen)) return false;
  }
  return true;
}
