import { createScanner } from 'jsonc-parser';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { toPointer } from '../util/jsonPointer';
import type { SpecLimits } from './limits';
import type { PositionIndex } from './positionIndex';
import { LineStarts, offsetAt } from './textPosition';

/** jsonc-parser's `SyntaxKind` values (a `const enum`, which isolated modules cannot read). */
const token = {
  openBrace: 1,
  closeBrace: 2,
  openBracket: 3,
  closeBracket: 4,
  comma: 5,
  null: 7,
  true: 8,
  false: 9,
  string: 10,
  number: 11,
  end: 17,
} as const;

/** A value of the text: where it starts and, for an object or array, where its entries are. */
interface JsonNode {
  readonly offset: number;
  /** An object's entries by key (the first of a key written twice), each with the offset of its key. */
  readonly entries?: Map<string, { readonly keyOffset: number; readonly value: JsonNode }>;
  readonly items?: JsonNode[];
}

interface Frame {
  readonly node: JsonNode;
  expectKey: boolean;
  /** The key or index of the value being read in this container. */
  segment: string | number;
  /** The offset of the key being read, in an object. */
  keyOffset: number;
}

/**
 * What `JSON.parse` lets through silently: a key written twice in one object
 * (the last one wins) and nesting deep enough to overflow later stages. The
 * text is known to be valid JSON; a token scanner reads it without recursion,
 * and notes where each value (and each key) starts: the positions of the
 * file's nodes, for its diagnostics, found in the same pass.
 */
export function checkJsonText(
  text: string,
  file: string,
  limits: SpecLimits,
): { diagnostics: Diagnostic[]; positions: PositionIndex } {
  const diagnostics: Diagnostic[] = [];
  const frames: Frame[] = [];
  const root: { node?: JsonNode } = {};
  const scanner = createScanner(text, true);
  const lines = new LineStarts(text);
  const at = (offset: number, pointer: string): Pick<Diagnostic, 'file' | 'pointer' | 'position'> => ({
    file,
    pointer,
    position: lines.positionOf(offset),
  });
  /** A value starts here: it takes its place in its container. */
  const place = (node: JsonNode): void => {
    const top = frames[frames.length - 1];
    if (!top) root.node ??= node;
    else if (top.node.items) top.node.items.push(node);
    else if (!top.node.entries!.has(top.segment as string))
      top.node.entries!.set(top.segment as string, { keyOffset: top.keyOffset, value: node });
  };
  const positions = jsonPositions(lines, root);
  for (let kind: number = scanner.scan(); kind !== token.end; kind = scanner.scan()) {
    const top = frames[frames.length - 1];
    switch (kind) {
      case token.openBrace:
      case token.openBracket: {
        if (frames.length >= limits.maxDepth) {
          diagnostics.push(tooDeep(limits, at(scanner.getTokenOffset(), pointerOf(frames))));
          return { diagnostics, positions };
        }
        const offset = scanner.getTokenOffset();
        const node: JsonNode = kind === token.openBrace ? { offset, entries: new Map() } : { offset, items: [] };
        place(node);
        frames.push({ node, expectKey: true, segment: 0, keyOffset: 0 });
        break;
      }
      case token.closeBrace:
      case token.closeBracket:
        frames.pop();
        break;
      case token.comma:
        if (top?.node.entries) top.expectKey = true;
        else if (top) top.segment = (top.segment as number) + 1;
        break;
      case token.string:
        if (top?.node.entries && top.expectKey) {
          const key = scanner.getTokenValue();
          const offset = scanner.getTokenOffset();
          top.expectKey = false;
          top.segment = key;
          top.keyOffset = offset;
          const first = top.node.entries.get(key);
          if (first !== undefined)
            diagnostics.push(duplicateKey(key, lines.positionOf(first.keyOffset), at(offset, pointerOf(frames))));
        } else place({ offset: scanner.getTokenOffset() });
        break;
      case token.number:
      case token.true:
      case token.false:
      case token.null:
        place({ offset: scanner.getTokenOffset() });
        break;
      default:
        break;
    }
  }
  return { diagnostics, positions };
}

/**
 * The positions of the scanned nodes, as the `yaml` path gives them: for an
 * object entry, its key; for an array item, the item; when the pointer leads
 * nowhere, its deepest existing ancestor.
 */
function jsonPositions(lines: LineStarts, root: { readonly node?: JsonNode }): PositionIndex {
  return {
    locate(pointer) {
      const start = { node: root.node, offset: root.node?.offset ?? 0 };
      const offset = offsetAt(pointer, start, (node, key, index) => {
        const entry = node?.entries?.get(key);
        if (entry) return { node: entry.value, offset: entry.keyOffset };
        const item = index === undefined ? undefined : node?.items?.[index];
        return item && { node: item, offset: item.offset };
      });
      return offset === undefined ? undefined : lines.positionOf(offset);
    },
  };
}

function pointerOf(frames: readonly Frame[]): string {
  return toPointer(frames.map((frame) => frame.segment));
}

export function tooDeep(limits: SpecLimits, where: Pick<Diagnostic, 'file' | 'pointer' | 'position'>): Diagnostic {
  return {
    code: 'SDK1005',
    severity: 'error',
    message: `The document nests maps and lists more than ${limits.maxDepth} levels deep.`,
    hint: 'Flatten the structure (move nested schemas to components and use $ref), or raise the maxDepth limit.',
    ...where,
  };
}

export function duplicateKey(
  key: string,
  first: { line: number; column: number },
  where: Pick<Diagnostic, 'file' | 'pointer' | 'position'>,
): Diagnostic {
  return {
    code: 'SDK1006',
    severity: 'error',
    message: `The key ${JSON.stringify(key)} appears twice in the same map; the first is at line ${first.line}, column ${first.column}.`,
    hint: 'Keep one of the two entries: parsers disagree on which one wins.',
    ...where,
  };
}
