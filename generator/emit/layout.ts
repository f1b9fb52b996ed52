import { builders, printer } from 'prettier/doc';
import { layoutIndent, layoutWidth } from './layoutOptions';

const { fill, group, ifBreak, indent, join, line, softline } = builders;

/**
 * A prettier doc: text with the groups, indents and line breaks prettier
 * chooses between. Generated code is written in prettier's layout
 * (`layoutOptions.ts`): the emitters describe the constructs that may span
 * lines (unions, lists, object types) with the docs prettier's printer builds
 * for them, and prettier's own doc printer (`prettier/doc`: a few kilobytes,
 * without its parsers) decides where they break. Prettier itself then only
 * runs on the statements the emitters leave to it.
 */
export type Doc = builders.Doc;

/**
 * The text of a doc that starts a line at this indentation level; its
 * lines carry only their indentation relative to that level, which
 * ts-morph's writer adds to each line it writes.
 */
export function renderDoc(doc: Doc, indentationLevel: number): string {
  const width = layoutWidth - indentationLevel * layoutIndent;
  const lines = topLevelLines(doc);
  return lines
    .map((line, index) => {
      const text =
        oneLineText(line, width) ??
        printer.printDocToString(line, { printWidth: width, tabWidth: layoutIndent, useTabs: false }).formatted;
      // The printer drops the blanks before a line break.
      return index < lines.length - 1 ? text.replace(/[ \t]+$/, '') : text;
    })
    .join('\n');
}

/**
 * The parts of a doc between its hard line breaks outside any group or indent
 * (a member after its comment's lines): the printer lays each out on its own,
 * since a group measures what follows it only up to the next line break, so
 * the one-line pass can take each of them.
 */
function topLevelLines(doc: Doc): Doc[][] {
  const lines: Doc[][] = [[]];
  const visit = (part: Doc): void => {
    if (Array.isArray(part)) part.forEach(visit);
    else if (typeof part === 'string') lines[lines.length - 1]!.push(part);
    else if (part.type === 'line' && part.hard && !part.literal) lines.push([]);
    // Outside any group, a forced break has no group to break.
    else if (part.type !== 'break-parent') lines[lines.length - 1]!.push(part);
  };
  visit(doc);
  return lines;
}

/** The text of a doc with no width limit: on one line, but for what always breaks (object types). */
export function renderUnbounded(doc: Doc): string {
  return (
    oneLineText(doc, Infinity) ??
    printer.printDocToString(doc, { printWidth: Infinity, tabWidth: layoutIndent, useTabs: false }).formatted
  );
}

/** Text prettier's printer measures by its length (other characters may be wide, or break the line). */
const narrowText = /^[\x20-\x7f]*$/;

/**
 * The doc's text when prettier's printer prints it on one line, found in one
 * pass instead of the printer's three: nothing in it forces a break, each
 * line it may break is inside a group, and its text fits `width`. Then every
 * group fits flat and the printer prints each one's flat form, which this
 * text is. `undefined` when that is not sure: the printer decides. Most
 * members and statements of an SDK are on one line, and the printer took a
 * third of the time to emit one.
 */
function oneLineText(doc: Doc, width: number): string | undefined {
  const texts: string[] = [];
  let length = 0;
  // Groups already reached: a break-dependent part naming a later group prints nothing, which this pass leaves to the printer.
  const reached = new Set<unknown>();
  const add = (text: string): boolean => {
    if (!narrowText.test(text)) return false;
    length += text.length;
    texts.push(text);
    return length <= width;
  };
  const visit = (part: Doc, inGroup: boolean): boolean => {
    if (typeof part === 'string') return add(part);
    if (Array.isArray(part)) return part.every((item: Doc) => visit(item, inGroup));
    switch (part.type) {
      case 'group':
        if (part.break) return false;
        if (part.id !== undefined) reached.add(part.id);
        return visit(part.contents, true);
      case 'fill':
        return inGroup && part.parts.every((item: Doc) => visit(item, inGroup));
      case 'if-break':
      case 'indent-if-break': {
        // Fields prettier's type declarations leave out.
        const { groupId, contents } = part as { groupId?: symbol; contents?: Doc };
        if (groupId === undefined ? !inGroup : !reached.has(groupId)) return false;
        return visit(part.type === 'if-break' ? part.flatContents : (contents ?? ''), inGroup);
      }
      case 'indent':
      case 'align':
      case 'label':
        return visit(part.contents, inGroup);
      case 'line':
        if (part.hard || part.literal || !inGroup) return false;
        return part.soft || add(' ');
      case 'line-suffix-boundary':
        return true; // It breaks the line only after a line suffix, which this pass leaves to the printer.
      default:
        // A forced break, a line suffix (a comment), a trim or a cursor.
        return false;
    }
  };
  return visit(doc, false) ? texts.join('') : undefined;
}

/**
 * What follows the `=` (or `:`) of an assignment whose right-hand side stays on its
 * line unless the head of it does not fit (prettier's "fluid" assignment).
 */
export function fluidRight(right: Doc): Doc[] {
  const id = Symbol('assignment');
  return [group(indent(line), { id }), builders.lineSuffixBoundary, builders.indentIfBreak(right, { groupId: id })];
}

/** A right-hand side that moves whole to the next line when it does not fit (prettier's "break-after-operator"). */
export function breakAfterOperator(right: Doc): Doc {
  return group(indent([line, right]));
}

/**
 * Whether prettier would lay out this text differently for a reason the
 * emitters do not handle: non-ASCII code, whose quoting (prettier unquotes
 * keys that are identifiers by Unicode's tables) the emitters do not follow;
 * unless `exact` (laid out whole with the docs prettier builds), a line of
 * code wider than the layout, which prettier may break elsewhere. Comment
 * lines are left as they are by prettier, whatever their width.
 */
export function needsPrettier(text: string, exact: boolean): boolean {
  // Most statements are exact and ASCII: no line of them needs looking at.
  const linesToCheck = exact && !/[^\x00-\x7f]/.test(text) ? [] : text.split('\n');
  for (const line of linesToCheck) {
    const nonAscii = /[^\x00-\x7f]/.test(line);
    if (!nonAscii && (exact || line.length <= layoutWidth)) continue;
    if (!/^\s*(\/\*\*|\*|\/\/)/.test(line)) return true;
  }
  // ts-morph's writer tracks strings by their quotes, and reads `'\\'` as an unclosed string (so it would not indent
  // the next line): prettier puts such a statement right.
  return /\\\\['"`]/.test(text);
}

/**
 * `[a, b, c]` on one line, or one item per line with a trailing comma. An
 * array of numbers only fills its lines instead, as many numbers to a line as fit.
 */
export function arrayLiteralDoc(items: readonly string[]): Doc {
  if (items.length === 0) return '[]';
  const id = Symbol('array');
  if (items.every((item) => /^-?\d/.test(item))) {
    const parts = items.flatMap((item, index): Doc[] =>
      index === items.length - 1 ? [[item, ifBreak(',', '', { groupId: id })]] : [[item, ','], line],
    );
    return group(['[', indent([softline, fill(parts)]), softline, ']'], { id });
  }
  const elements = join(
    [',', line],
    items.map((item) => group(item)),
  );
  return group(['[', indent([softline, elements, ifBreak(',')]), softline, ']'], { id });
}
