import {
  printStructure,
  StructureKind,
  type CodeBlockWriter,
  type StatementStructures,
  type WriterFunction,
} from 'ts-morph';
import type { EmittedFile, TextRange } from './emittedFile';
import { needsPrettier } from './layout';
import { layoutWidth } from './layoutOptions';

/**
 * A statement of a file: a structure or text that prettier lays out
 * afterwards, or one the emitter wrote in prettier's layout already.
 */
export type Statement = string | StatementStructures | LaidOutStatement;

/** A statement written in prettier's layout: prettier skips it, unless a line of it is too wide to vouch for. */
export interface LaidOutStatement {
  readonly laidOut: string | WriterFunction | StatementStructures;
  /**
   * Laid out whole as prettier lays it out (the docs it builds for every part), so even a line wider than the layout
   * is one prettier would leave as wide.
   */
  readonly exact?: boolean;
}

/**
 * Prints one file from ts-morph structures straight to text: no source file
 * is created, so nothing is parsed (parsing every file back was most of the
 * emit time). The statements not laid out yet are listed in the file's
 * `unformatted` ranges, for prettier.
 */
export class SourcePrinter {
  print(path: string, banner: string, statements: readonly Statement[]): EmittedFile {
    const spans: { start: number; end: number; laidOut: boolean; exact: boolean }[] = [];
    const printed = statements.flatMap((statement, index): (string | WriterFunction | StatementStructures)[] => {
      const laidOut = typeof statement === 'object' && 'laidOut' in statement;
      const span = { start: 0, end: 0, laidOut, exact: laidOut && statement.exact === true };
      spans.push(span);
      const start: WriterFunction = (writer) => (span.start = writer.getLength());
      const end: WriterFunction = (writer) => (span.end = writer.getLength());
      // A blank line after the banner and between declarations; consecutive imports stay together.
      const spacing = index > 0 && !(isImport(statement) && isImport(statements[index - 1]!)) ? [blankLine] : [];
      return [...spacing, start, laidOut ? statement.laidOut : statement, end];
    });
    // The marker after a statement ending with `}` gets a blank line before it, which the last one leaves at the end.
    const content = printStructure(
      { kind: StructureKind.SourceFile, statements: [banner, blankLine, ...printed] },
      { indentNumberOfSpaces: 2, useSingleQuote: true },
    ).replace(/\n+$/, '\n');
    const unformatted: TextRange[] = [];
    for (const { start, end, laidOut, exact } of spans) {
      const text = content.slice(start, end).trimEnd();
      if (!laidOut || needsPrettier(text, exact)) unformatted.push({ start, end: start + text.length });
    }
    return { path, content, origin: 'generated', unformatted };
  }
}

const blankLine: WriterFunction = (writer: CodeBlockWriter) => writer.blankLineIfLastNot();

function isImport(statement: Statement): boolean {
  const printed = typeof statement === 'object' && 'laidOut' in statement ? statement.laidOut : statement;
  if (typeof printed === 'function') return false;
  return typeof printed === 'string' ? printed.startsWith('import ') : printed.kind === StructureKind.ImportDeclaration;
}

/** `import type { A, B } from './x.js';` with names sorted, or nothing when there are none. */
export function typeImport(names: Iterable<string>, moduleSpecifier: string): LaidOutStatement[] {
  return importOf(names, moduleSpecifier, true);
}

export function valueImport(names: Iterable<string>, moduleSpecifier: string): LaidOutStatement[] {
  return importOf(names, moduleSpecifier, false);
}

function importOf(names: Iterable<string>, moduleSpecifier: string, isTypeOnly: boolean): LaidOutStatement[] {
  const sorted = [...new Set(names)].sort();
  if (sorted.length === 0) return [];
  return [namedList({ keyword: 'import', isTypeOnly, names: sorted, moduleSpecifier })];
}

/**
 * `import { a, type B } from './x.js';` (or `export`, or `import type`) with
 * the names in this order: on one line, or (as prettier breaks a list that
 * does not fit) one name per line with a trailing comma. A single name never
 * breaks, however wide the line.
 */
export function namedList(input: {
  readonly keyword: 'import' | 'export';
  readonly isTypeOnly?: boolean;
  readonly names: readonly string[];
  readonly moduleSpecifier: string;
}): LaidOutStatement {
  const { names } = input;
  const head = `${input.keyword} ${input.isTypeOnly ? 'type ' : ''}`;
  const tail = ` from '${input.moduleSpecifier}';`;
  const oneLine = `${head}{ ${names.join(', ')} }${tail}`;
  if (names.length < 2 || oneLine.length <= layoutWidth) return { laidOut: oneLine, exact: true };
  return { laidOut: `${head}{\n${names.map((name) => `  ${name},\n`).join('')}}${tail}`, exact: true };
}

/** `import * as name from './x.js';` */
export function namespaceImport(name: string, moduleSpecifier: string): LaidOutStatement {
  return { laidOut: `import * as ${name} from '${moduleSpecifier}';`, exact: true };
}

/** `export {};`: a module that exports nothing. */
export const emptyModule: LaidOutStatement = { laidOut: 'export {};', exact: true };

/** `export * from './x.js';` */
export function exportAll(moduleSpecifier: string): LaidOutStatement {
  return { laidOut: { kind: StructureKind.ExportDeclaration, moduleSpecifier }, exact: true };
}
