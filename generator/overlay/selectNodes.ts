/** Loaded when an overlay is applied: it takes ~40 ms to load, which a run without overlays need not pay. */
function jsonPath(): typeof import('jsonpath-rfc9535') {
  return require('jsonpath-rfc9535') as typeof import('jsonpath-rfc9535');
}

/** A node a JSONPath selected: its value and the keys and indexes that lead to it from the root. */
export interface SelectedNode {
  readonly path: readonly (string | number)[];
  readonly value: unknown;
}

export type Selection =
  { readonly nodes: readonly SelectedNode[] } | { readonly problem: string; readonly column?: number };

/**
 * The nodes an RFC 9535 JSONPath selects in `document`, each once, in the order the query yields them
 * (jsonpath-rfc9535 evaluates it; a query may name one node twice, as `$['a','a']` does). An expression that
 * does not parse gives the library's reason and, when it says, the column of the expression where it fails.
 */
export function selectNodes(document: unknown, expression: string): Selection {
  const nodes: SelectedNode[] = [];
  const seen = new Set<string>();
  const { exec } = jsonPath();
  try {
    exec(document as never, expression, (value, path) => {
      const key = JSON.stringify(path);
      if (seen.has(key)) return;
      seen.add(key);
      nodes.push({ path: [...path], value });
    });
  } catch (error) {
    const column = (error as { location?: { start?: { column?: unknown } } }).location?.start?.column;
    return {
      problem: (error as Error).message,
      ...(typeof column === 'number' ? { column } : {}),
    };
  }
  return { nodes };
}
