import type { EmittedFile } from './emittedFile';

/** How the SDK's files name each other: `'./client.js'` (the default) or `'./client.ts'`. */
export type ImportExtension = '.js' | '.ts';

/**
 * An import or export statement's relative specifier, on the line that ends the statement: `import … from './x.js';`,
 * `export * from './x.js';`, or the `} from '../x.js';` that closes a list broken over lines. Generated code and the
 * runtime write every such specifier this way; a spec's text never starts a line with these words (comments start
 * with `*`, strings are escaped onto one line).
 */
const relativeSpecifier = /^((?:import|export) [^\n]* from '|\} from ')(\.{1,2}\/[^'\n]*)\.js(';)$/gm;

/**
 * The SDK's TypeScript files with `.ts` specifiers, for runtimes that run TypeScript sources as they are (Node.js's
 * type stripping, Deno): they load the file a specifier names, and only a bundler or tsc maps `.js` to `.ts`.
 */
export function withImportExtension(files: readonly EmittedFile[], extension: ImportExtension): EmittedFile[] {
  if (extension === '.js') return [...files];
  return files.map((file) =>
    file.path.endsWith('.ts') ? { ...file, content: file.content.replace(relativeSpecifier, '$1$2.ts$3') } : file,
  );
}
