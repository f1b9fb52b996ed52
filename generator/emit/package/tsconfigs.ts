import type { EmittedFile } from '../emittedFile';
import type { ImportExtension } from '../importExtension';

/**
 * The SDK's TypeScript configs: `tsconfig.json` type-checks the sources as the
 * generator does (strict, exact optional properties, checked indexing, erasable
 * syntax only); `tsconfig.esm.json` and `tsconfig.cjs.json` build `dist/esm`
 * and `dist/cjs` with declarations, which need no inference. `files` names
 * only the entry point: tsc follows the imports.
 */
export function emitTsconfigs(importExtension: ImportExtension): EmittedFile[] {
  // `.ts` specifiers: allowed where nothing is emitted, and rewritten to `.js` in the built JavaScript.
  const tsSpecifiers = importExtension === '.ts';
  const base = {
    compilerOptions: {
      target: 'es2022',
      // The DOM library declares fetch, Headers and Blob; the emitted declarations use only names Node.js declares too.
      lib: ['es2022', 'dom', 'dom.iterable'],
      module: 'node20',
      moduleResolution: 'node16',
      types: [],
      strict: true,
      exactOptionalPropertyTypes: true,
      noUncheckedIndexedAccess: true,
      isolatedModules: true,
      // Only syntax a type stripper erases (Node.js, Bun, Deno run the sources as they are).
      erasableSyntaxOnly: true,
      skipLibCheck: true,
      ...(tsSpecifiers ? { allowImportingTsExtensions: true } : {}),
      rootDir: '.',
      noEmit: true,
    },
    files: ['index.ts'],
  };
  // Declarations that need no inference: what JSR asks ("no slow types") and fast declaration emitters read.
  const esm = {
    extends: './tsconfig.json',
    compilerOptions: {
      noEmit: false,
      declaration: true,
      isolatedDeclarations: true,
      ...(tsSpecifiers ? { rewriteRelativeImportExtensions: true } : {}),
      declarationMap: true,
      sourceMap: true,
      outDir: 'dist/esm',
    },
  };
  // CommonJS output from the same ESM-style sources; `bundler` resolution accepts their `.js` specifiers.
  const cjs = {
    extends: './tsconfig.esm.json',
    compilerOptions: { module: 'commonjs', moduleResolution: 'bundler', outDir: 'dist/cjs' },
  };
  return [jsonFile('tsconfig.json', base), jsonFile('tsconfig.esm.json', esm), jsonFile('tsconfig.cjs.json', cjs)];
}

export function jsonFile(path: string, value: unknown): EmittedFile {
  return { path, content: `${JSON.stringify(value, null, 2)}\n`, origin: 'document' };
}
