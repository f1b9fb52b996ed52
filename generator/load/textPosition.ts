import type { SourcePosition } from '../diagnostics/diagnostic';
import { parsePointer } from '../util/jsonPointer';

/** Line and column (1-based) of offsets in a text, its line starts found once. */
export class LineStarts {
  private starts: number[] | undefined;

  constructor(private readonly text: string) {}

  positionOf(offset: number): SourcePosition {
    const starts = (this.starts ??= lineStartsOf(this.text));
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - starts[low]! + 1 };
  }
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) starts.push(index + 1);
  return starts;
}

/** One step down a file's tree: the child node, and the offset a reader looks at for it (absent: keep the last). */
export type PointerStep<N> = { readonly node: N; readonly offset?: number | undefined } | undefined;

/**
 * The offset of the node at `pointer` in a file's tree, as every position
 * index gives it: `step` goes from a node to its child by key, or by index
 * (a segment of digits), and names the offset of a map entry's key or of a
 * list item; where the pointer leads nowhere, the offset of its deepest
 * existing ancestor. `undefined` for a string that is not a JSON pointer.
 */
export function offsetAt<N>(
  pointer: string,
  root: { readonly node: N; readonly offset: number },
  step: (node: N, key: string, index: number | undefined) => PointerStep<N>,
): number | undefined {
  const segments = parsePointer(pointer);
  if (!segments) return undefined;
  let { node, offset } = root;
  for (const segment of segments) {
    const next = step(node, segment, /^\d+$/.test(segment) ? Number(segment) : undefined);
    if (!next) break;
    node = next.node;
    offset = next.offset ?? offset;
  }
  return offset;
}
