import { createScanner } from 'jsonc-parser';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { toPointer } from '../util/jsonPointer';
import type { SpecLimits } from './limits';
import { positionAt } from './textPosition';

/** jsonc-parser's `SyntaxKind` values (a `const enum`, which isolated modules cannot read). */
const token = { openBrace: 1, closeBrace: 2, openBracket: 3, closeBracket: 4, comma: 5, string: 10, end: 17 } as const;

interface Frame {
  readonly isObject: boolean;
  /** Keys seen so far in an object, with the offset of each. */
  readonly keys: Map<string, number>;
  expectKey: boolean;
  /** The key or index of the value being read in this container. */
  segment: string | number;
}

/**
 * What `JSON.parse` lets through silently: a key written twice in one object
 * (the last one wins) and nesting deep enough to overflow later stages. The
 * text is known to be valid JSON; a token scanner reads it without recursion.
 */
export function checkJsonText(text: string, file: string, limits: SpecLimits): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const frames: Frame[] = [];
  const scanner = createScanner(text, true);
  const at = (offset: number, pointer: string): Pick<Diagnostic, 'file' | 'pointer' | 'position'> => ({
    file,
    pointer,
    position: positionAt(text, offset),
  });
  for (let kind: number = scanner.scan(); kind !== token.end; kind = scanner.scan()) {
    const top = frames[frames.length - 1];
    switch (kind) {
      case token.openBrace:
      case token.openBracket:
        if (frames.length >= limits.maxDepth) {
          diagnostics.push(tooDeep(limits, at(scanner.getTokenOffset(), pointerOf(frames))));
          return diagnostics;
        }
        frames.push({
          isObject: kind === token.openBrace,
          keys: new Map(),
          expectKey: true,
          segment: 0,
        });
        break;
      case token.closeBrace:
      case token.closeBracket:
        frames.pop();
        break;
      case token.comma:
        if (top?.isObject) top.expectKey = true;
        else if (top) top.segment = (top.segment as number) + 1;
        break;
      case token.string:
        if (top?.isObject && top.expectKey) {
          const key = scanner.getTokenValue();
          const offset = scanner.getTokenOffset();
          top.expectKey = false;
          top.segment = key;
          const first = top.keys.get(key);
          if (first === undefined) top.keys.set(key, offset);
          else diagnostics.push(duplicateKey(key, positionAt(text, first), at(offset, pointerOf(frames))));
        }
        break;
      default:
        break;
    }
  }
  return diagnostics;
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
