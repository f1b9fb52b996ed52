/**
 * Whether two parsed documents are the same value: the same types, numbers
 * equal as `Object.is` has them (so `-0` and `NaN` count), and the keys of
 * each object in the same order, since the generator emits in that order.
 * Walked without recursion.
 */
export function sameValue(left: unknown, right: unknown): boolean {
  const pending: [unknown, unknown][] = [[left, right]];
  while (pending.length > 0) {
    const [a, b] = pending.pop()!;
    if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) {
      if (!Object.is(a, b)) return false;
      continue;
    }
    if (Array.isArray(a) !== Array.isArray(b) || Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
    const keys = Object.keys(a);
    const otherKeys = Object.keys(b);
    if (keys.length !== otherKeys.length) return false;
    for (let index = 0; index < keys.length; index++) {
      const key = keys[index]!;
      if (key !== otherKeys[index]) return false;
      pending.push([(a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]]);
    }
  }
  return true;
}
