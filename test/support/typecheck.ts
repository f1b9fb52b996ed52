import * as ts from 'typescript';

/**
 * The compiler options every generated SDK must pass: strict, plus the two stricter flags users turn on, declarations
 * that need no inference (`isolatedDeclarations`: JSR's "no slow types", declaration bundlers) and only syntax a type
 * stripper erases (Node.js, Bun and Deno run TypeScript sources).
 */
export const sdkCompilerOptions: ts.CompilerOptions = {
  strict: true,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  declaration: true,
  isolatedDeclarations: true,
  erasableSyntaxOnly: true,
  noEmit: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.Node16,
  moduleResolution: ts.ModuleResolutionKind.Node16,
  lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
  types: [],
  skipLibCheck: true,
};

export interface TypecheckResult {
  readonly program: ts.Program;
  /** Each error as `file(line,col): TSnnnn message`, file relative to the folder. */
  readonly errors: readonly string[];
}

/** One TypeScript program over the given entry files (`tsc --noEmit` through the compiler API). */
export function typecheck(folder: string, entries: readonly string[]): TypecheckResult {
  const program = ts.createProgram({ rootNames: entries, options: sdkCompilerOptions });
  const errors = ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ');
    if (!diagnostic.file || diagnostic.start === undefined) return `TS${diagnostic.code} ${message}`;
    const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
    const file = diagnostic.file.fileName.startsWith(folder)
      ? diagnostic.file.fileName.slice(folder.length + 1)
      : diagnostic.file.fileName;
    return `${file}(${line + 1},${character + 1}): TS${diagnostic.code} ${message}`;
  });
  return { program, errors };
}

/** Names a module exports (types and values), read by the type checker. */
export function exportedNames(program: ts.Program, file: string): Set<string> {
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file);
  const symbol = source && checker.getSymbolAtLocation(source);
  if (!symbol) throw new Error(`${file} is not a module of the program`);
  return new Set(checker.getExportsOfModule(symbol).map((exported) => exported.name));
}
