import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import type { SourcePosition } from '../diagnostics/diagnostic';
import { parsePointer } from '../util/jsonPointer';

/**
 * One file of a spec: its text, its parsed value and, on demand, the source
 * position of any JSON pointer inside it.
 *
 * JSON files are parsed with `JSON.parse` (35x faster than a YAML parser); the
 * YAML syntax tree that gives line and column is only built when a diagnostic
 * needs a position.
 */
export class SpecSource {
  private positionIndex: { document: Document; lines: LineCounter } | undefined;

  constructor(
    /** Absolute path on disk. */
    readonly path: string,
    /** The path as shown to the user (relative to the working folder). */
    readonly displayPath: string,
    readonly text: string,
    readonly value: unknown,
    positionIndex?: { document: Document; lines: LineCounter },
  ) {
    this.positionIndex = positionIndex;
  }

  /**
   * Line and column (1-based) of the node at `pointer`. For a map entry this is
   * the position of its key, which is where a reader looks. When the pointer
   * leads nowhere, the position of its deepest existing ancestor.
   */
  locate(pointer: string): SourcePosition | undefined {
    const index = this.ensurePositionIndex();
    const segments = parsePointer(pointer);
    if (!index || !segments) return undefined;
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

  private ensurePositionIndex(): { document: Document; lines: LineCounter } | undefined {
    if (!this.positionIndex) {
      const lines = new LineCounter();
      const document = parseDocument(this.text, { lineCounter: lines, uniqueKeys: false });
      this.positionIndex = { document, lines };
    }
    return this.positionIndex;
  }
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as YamlNode | undefined)?.range;
  return range ? range[0] : undefined;
}
