import type { SelectedNode } from './selectNodes';
import type { Origin, Origins } from './origins';

/**
 * Removes each selected node from the object or array holding it (Overlay Specification, Action Object
 * `remove`). Every parent is found before anything moves; each array loses its items from the last one up, so
 * the indexes the query gave stay right, and the items after a removed one keep their origins as they move down.
 */
export function removeNodes(document: unknown, nodes: readonly SelectedNode[], origins: Origins): void {
  const removals = nodes.map((node) => {
    const parentPath = node.path.slice(0, -1);
    return {
      parent: valueAt(document, parentPath) as Record<string, unknown> | unknown[],
      key: node.path[node.path.length - 1]!,
      parentOrigin: origins.originAt(document, parentPath),
    };
  });
  const arrays = new Map<unknown[], { indexes: number[]; origin: Origin }>();
  for (const { parent, key, parentOrigin } of removals) {
    if (Array.isArray(parent)) {
      const entry = arrays.get(parent) ?? { indexes: [], origin: parentOrigin };
      entry.indexes.push(Number(key));
      arrays.set(parent, entry);
    } else {
      delete parent[String(key)];
      origins.delete(parent, String(key));
    }
  }
  for (const [array, { indexes, origin }] of arrays) {
    for (const index of indexes.sort((a, b) => b - a)) removeItem(array, index, { origins, origin });
  }
}

function removeItem(array: unknown[], index: number, context: { origins: Origins; origin: Origin }): void {
  const { origins, origin } = context;
  const moved = array
    .slice(index + 1)
    .map((_, offset) => origins.childOrigin(array, String(index + 1 + offset), origin));
  array.splice(index, 1);
  moved.forEach((itemOrigin, offset) => origins.set(array, String(index + offset), itemOrigin));
  origins.delete(array, String(array.length));
}

export function valueAt(document: unknown, path: readonly (string | number)[]): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<string, unknown>)[String(key)], document);
}
