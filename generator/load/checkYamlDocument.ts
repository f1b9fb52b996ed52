import type { Document, LineCounter, Node } from 'yaml';
import type { Diagnostic, SourcePosition } from '../diagnostics/diagnostic';
import { appendPointer, pointerOfPath, type PathStep } from '../util/jsonPointer';
import { duplicateKey } from './checkJsonText';
import { yamlLibrary } from './yamlLibrary';

/**
 * The tags of the YAML 1.2 JSON schema, the only ones OpenAPI allows
 * (OpenAPI 3.1 §4.3.1: "Tags MUST be limited to those allowed by the JSON
 * Schema ruleset"), plus `!`, which only says "not a plain scalar".
 */
const jsonSchemaTags = new Set(
  ['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((name) => `tag:yaml.org,2002:${name}`).concat('!'),
);

/**
 * Refuses what a YAML parser accepts but an OpenAPI document may not hold:
 * tags outside the JSON schema (`!!binary`, `!!js/function`, custom tags),
 * keys that are not scalars, and a key written twice in one map (reported
 * with both positions). The tree is walked without recursion.
 */
export function checkYamlDocument(document: Document, lines: LineCounter, file: string): Diagnostic[] {
  const { isAlias, isCollection, isMap, isPair, isScalar } = yamlLibrary();
  const diagnostics: Diagnostic[] = [];
  const position = (node: unknown): SourcePosition => {
    const { line, col } = lines.linePos((node as Node | undefined)?.range?.[0] ?? 0);
    return { line, column: col };
  };
  const pending: Visit[] = [{ node: document.contents }];
  while (pending.length > 0) {
    const visit = pending.pop()!;
    const node = visit.node;
    if (!isScalar(node) && !isCollection(node) && !isAlias(node)) continue;
    if (node.tag !== undefined && !jsonSchemaTags.has(node.tag)) {
      diagnostics.push({
        code: 'SDK1007',
        severity: 'error',
        message: `The YAML tag ${JSON.stringify(node.tag)} is not allowed in an OpenAPI document.`,
        hint: 'Remove the tag: OpenAPI allows only the tags of the YAML JSON schema (str, int, float, bool, null, map, seq).',
        file,
        pointer: pointerOfPath(visit),
        position: position(node),
      });
    }
    if (!isCollection(node)) continue;
    const seen = new Map<string, Node>();
    node.items.forEach((item: unknown, index) => {
      if (!isPair(item)) {
        pending.push({ node: item, parent: visit, segment: index });
        return;
      }
      const key = item.key;
      if (isMap(node) && !isScalar(key)) {
        diagnostics.push({
          code: 'SDK1008',
          severity: 'error',
          message: 'A map key must be a plain string, not a list, a map or an alias.',
          hint: 'Write the key as a string (OpenAPI 3.1 §4.3.1).',
          file,
          pointer: pointerOfPath(visit),
          position: position(key),
        });
        return;
      }
      const name = isScalar(key) ? String(key.value) : String(index);
      pending.push({ node: key, parent: visit, segment: name }, { node: item.value, parent: visit, segment: name });
      const first = seen.get(name);
      if (first) {
        diagnostics.push(
          duplicateKey(name, position(first), {
            file,
            pointer: appendPointer(pointerOfPath(visit), name),
            position: position(key),
          }),
        );
      } else seen.set(name, key as Node);
    });
  }
  return sortByPosition(diagnostics);
}

/** A node to check, with the way to it: its pointer is only spelled out for a diagnostic. */
interface Visit extends PathStep {
  readonly node: unknown;
}

function sortByPosition(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.sort(
    (a, b) =>
      (a.position?.line ?? 0) - (b.position?.line ?? 0) || (a.position?.column ?? 0) - (b.position?.column ?? 0),
  );
}
