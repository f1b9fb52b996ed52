import { printStructure, StructureKind, type StatementStructures, type WriterFunction } from 'ts-morph';
import type { EmittedFile } from './emittedFile';

export type Statement = string | StatementStructures;

/**
 * Prints one file from ts-morph structures straight to text: no source file
 * is created, so nothing is parsed (parsing every file back was most of the
 * emit time). Prettier lays the text out afterwards.
 */
export class SourcePrinter {
  print(path: string, banner: string, statements: readonly Statement[]): EmittedFile {
    // A blank line after the banner and between declarations; consecutive imports stay together.
    const spaced = statements.flatMap((statement, index): (Statement | WriterFunction)[] =>
      index > 0 && !(isImport(statement) && isImport(statements[index - 1]!)) ? [blankLine, statement] : [statement],
    );
    const content = printStructure(
      { kind: StructureKind.SourceFile, statements: [banner, blankLine, ...spaced] },
      { indentNumberOfSpaces: 2, useSingleQuote: true },
    );
    return { path, content, origin: 'generated' };
  }
}

const blankLine: WriterFunction = (writer) => writer.blankLineIfLastNot();

function isImport(statement: Statement): boolean {
  return typeof statement === 'string'
    ? statement.startsWith('import ')
    : statement.kind === StructureKind.ImportDeclaration;
}

/** `import type { A, B } from './x.js';` with names sorted, or nothing when there are none. */
export function typeImport(names: Iterable<string>, moduleSpecifier: string): StatementStructures[] {
  const sorted = [...new Set(names)].sort();
  if (sorted.length === 0) return [];
  return [{ kind: StructureKind.ImportDeclaration, isTypeOnly: true, moduleSpecifier, namedImports: sorted }];
}

export function valueImport(names: Iterable<string>, moduleSpecifier: string): StatementStructures[] {
  const sorted = [...new Set(names)].sort();
  if (sorted.length === 0) return [];
  return [{ kind: StructureKind.ImportDeclaration, moduleSpecifier, namedImports: sorted }];
}
