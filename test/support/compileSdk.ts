import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as ts from 'typescript';
import type { EmittedFile } from '../../generator/emit/emittedFile';

/** The strictest settings a user may compile a generated SDK with. */
export const strictOptions: ts.CompilerOptions = {
  strict: true,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  noImplicitOverride: true,
  noFallthroughCasesInSwitch: true,
  target: ts.ScriptTarget.ES2022,
  lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
  module: ts.ModuleKind.Node20,
  moduleResolution: ts.ModuleResolutionKind.Node16,
  types: [],
  skipLibCheck: true,
};

/** Writes an SDK's files under `folder`; returns the paths of its TypeScript files. */
export function writeSdk(folder: string, files: readonly EmittedFile[]): string[] {
  for (const file of files) {
    mkdirSync(dirname(join(folder, file.path)), { recursive: true });
    writeFileSync(join(folder, file.path), file.content);
  }
  return files.filter((file) => file.path.endsWith('.ts')).map((file) => join(folder, file.path));
}

export interface CompiledSdks {
  readonly program: ts.Program;
  /** Type errors, each as `file:line:col: message`. */
  readonly errors: string[];
}

/**
 * Type-checks TypeScript files under the strict options in one program (one
 * program for many SDKs is far cheaper than one each) and emits JavaScript
 * next to them, so a child process can import them.
 */
export function compileSdks(fileNames: readonly string[]): CompiledSdks {
  const program = ts.createProgram({ rootNames: [...fileNames], options: strictOptions });
  const emitted = program.emit();
  const errors = ts
    .sortAndDeduplicateDiagnostics([...ts.getPreEmitDiagnostics(program), ...emitted.diagnostics])
    .map((diagnostic) => {
      const text = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
      if (!diagnostic.file) return text;
      const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
      return `${diagnostic.file.fileName}:${line + 1}:${character + 1}: ${text}`;
    });
  return { program, errors };
}

/** The value of a literal type alias (`export type A = 'x'`), read by the type checker. */
export function literalTypeValues(program: ts.Program, fileName: string, aliasName: string): unknown[] {
  const checker = program.getTypeChecker();
  const file = program.getSourceFile(fileName);
  const alias = file?.statements.find(
    (statement): statement is ts.TypeAliasDeclaration =>
      ts.isTypeAliasDeclaration(statement) && statement.name.text === aliasName,
  );
  if (!alias) throw new Error(`no type ${aliasName} in ${fileName}`);
  const type = checker.getTypeFromTypeNode(alias.type);
  return (type.isUnion() ? type.types : [type]).map((member) =>
    member.isLiteral() ? member.value : checker.typeToString(member),
  );
}
