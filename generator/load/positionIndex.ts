import type { Document, LineCounter, Node as YamlNode } from 'yaml';
import type { SourcePosition } from '../diagnostics/diagnostic';
import { parsePointer } from '../util/jsonPointer';
import { yamlLibrary } from './yamlLibrary';

/** A file's YAML syntax tree with its line offsets: what turns a JSON pointer into line and column. */
export interface PositionIndex {
  readonly document: Document;
  readonly lines: LineCounter;
}

/** The syntax tree of a text that is already known to parse (JSON, or YAML read another way). */
export function buildPositionIndex(text: string): PositionIndex {
  const { LineCounter, parseDocument } = yamlLibrary();
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, uniqueKeys: false });
  return { document, lines };
}

/**
 * Line and column (1-based) of the node at `pointer`. For a map entry this is
 * the position of its key, which is where a reader looks. When the pointer
 * leads nowhere, the position of its deepest existing ancestor.
 */
export function locateIn(index: PositionIndex, pointer: string): SourcePosition | undefined {
  const segments = parsePointer(pointer);
  if (!segments) return undefined;
  const { isMap, isScalar, isSeq } = yamlLibrary();
  let node: unknown = index.document.contents;
  let offset = rangeStart(node) ?? 0;
  for (const segment of segments) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === segment);
      if (!pair) break;
      offset = rangeStart(pair.key) ?? offset;
      node = pair.value;
    } else if (isSeq(node)) {
      const item = node.items[Number(segment)];
      if (item === undefined || !/^\d+$/.test(segment)) break;
      offset = rangeStart(item) ?? offset;
      node = item;
    } else {
      break;
    }
  }
  const { line, col } = index.lines.linePos(offset);
  return { line, column: col };
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as YamlNode | undefined)?.range;
  return range ? range[0] : undefined;
}
