import type { StatementStructures } from 'ts-morph';
import type { EmittedFile } from './emittedFile';
import { printStatement, StructureKind } from './structures';

export type Statement = string | StatementStructures;

/**
 * Prints one file from ts-morph structures straight to text (see
 * `structures.ts`): nothing is parsed, and ts-morph is not loaded. Prettier
 * lays the text out afterwards.
 */
export class SourcePrinter {
  print(path: string, banner: string, statements: readonly Statement[]): EmittedFile {
    // A blank line after the banner and between declarations; consecutive imports stay together.
    let content = `${banner}\n`;
    statements.forEach((statement, index) => {
      content += index > 0 && isImport(statement) && isImport(statements[index - 1]!) ? '\n' : '\n\n';
      content += printStatement(statement).replace(/\n+$/, '');
    });
    return { path, content: `${content}\n`, origin: 'generated' };
  }
}

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
