import type { Document, LineCounter, Node as YamlNode } from 'yaml';
import type { SourcePosition } from '../diagnostics/diagnostic';
import { offsetAt } from './textPosition';
import { yamlLibrary } from './yamlLibrary';
import { readYamlValue } from './yamlValue';

/**
 * What turns a JSON pointer into the line and column (1-based) of the node it
 * points to in a file. For a map entry this is the position of its key, which
 * is where a reader looks; when the pointer leads nowhere, the position of its
 * deepest existing ancestor.
 */
export interface PositionIndex {
  locate(pointer: string): SourcePosition | undefined;
}

/**
 * The positions of a text that is already known to parse (JSON, or YAML read
 * another way): from js-yaml's reading of it, or from the `yaml` library's
 * syntax tree where js-yaml's cannot be followed.
 */
export function buildPositionIndex(text: string): PositionIndex {
  const read = readYamlValue(text);
  if (read) return read.positions;
  const { LineCounter, parseDocument } = yamlLibrary();
  const lines = new LineCounter();
  return yamlDocumentPositions(parseDocument(text, { lineCounter: lines, uniqueKeys: false }), lines);
}

/** The positions of a `yaml` syntax tree. */
export function yamlDocumentPositions(document: Document, lines: LineCounter): PositionIndex {
  return { locate: (pointer) => locateInDocument(document, lines, pointer) };
}

function locateInDocument(document: Document, lines: LineCounter, pointer: string): SourcePosition | undefined {
  const { isMap, isScalar, isSeq } = yamlLibrary();
  const root = { node: document.contents as unknown, offset: rangeStart(document.contents) ?? 0 };
  const offset = offsetAt(pointer, root, (node, key, index) => {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === key);
      return pair && { node: pair.value, offset: rangeStart(pair.key) };
    }
    const item = isSeq(node) && index !== undefined ? node.items[index] : undefined;
    return item === undefined ? undefined : { node: item, offset: rangeStart(item) };
  });
  if (offset === undefined) return undefined;
  const { line, col } = lines.linePos(offset);
  return { line, column: col };
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as YamlNode | undefined)?.range;
  return range ? range[0] : undefined;
}
