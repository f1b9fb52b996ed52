import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { SourcePosition } from '../../generator/diagnostics/diagnostic';
import { checkYamlDocument } from '../../generator/load/checkYamlDocument';
import type { PositionIndex } from '../../generator/load/positionIndex';
import { toPointer } from '../../generator/util/jsonPointer';
import { readManifest, specsFolder } from '../corpus/manifest';

/**
 * What the `yaml` library reads, as the `yaml` path reads it (the reference):
 * the value, and the position of every node, by pointer (a map entry at its key);
 * undefined when it finds a problem.
 */
export function yamlReading(text: string): { value: unknown; positions: Map<string, SourcePosition> } | undefined {
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, uniqueKeys: false, schema: 'core', merge: false });
  if (document.errors.length > 0 || checkYamlDocument(document, lines, 'spec.yaml').length > 0) return undefined;
  const positions = new Map<string, SourcePosition>();
  const at = (node: unknown, fallback: number): SourcePosition => {
    const { line, col } = lines.linePos((node as Node | null)?.range?.[0] ?? fallback);
    return { line, column: col };
  };
  const pending: { node: unknown; segments: string[]; position: SourcePosition }[] = [
    { node: document.contents, segments: [], position: at(document.contents, 0) },
  ];
  while (pending.length > 0) {
    const { node, segments, position } = pending.pop()!;
    positions.set(toPointer(segments), position);
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = String((pair.key as { value: unknown }).value);
        pending.push({ node: pair.value, segments: [...segments, key], position: at(pair.key, 0) });
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) =>
        pending.push({ node: item, segments: [...segments, String(index)], position: at(item, 0) }),
      );
    }
  }
  return { value: document.toJS(), positions };
}

/** Every pointer of the reference is placed alike by `positions`, and one that leads nowhere at the root. */
export function expectSamePositions(
  positions: PositionIndex,
  reference: { readonly positions: ReadonlyMap<string, SourcePosition> },
): void {
  const wrong = [...reference.positions].filter(([pointer, position]) => {
    const located = positions.locate(pointer);
    return located?.line !== position.line || located.column !== position.column;
  });
  expect(wrong.slice(0, 3)).toEqual([]);
  // A pointer that leads nowhere stops at its deepest existing ancestor, as on the `yaml` path.
  expect(positions.locate('/nowhere/at/all')).toEqual(reference.positions.get(''));
}

/** Every file of every spec in the corpus whose name matches: roots and the files they reference. */
export function corpusFiles(pattern: RegExp): string[] {
  const folders = [...new Set(readManifest().map((entry) => entry.root.split('/')[0]!))];
  return folders.flatMap((folder) => filesUnder(join(specsFolder, folder), pattern));
}

function filesUnder(folder: string, pattern: RegExp): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return filesUnder(path, pattern);
    return pattern.test(name) ? [path] : [];
  });
}
