import { availableParallelism } from 'node:os';
import type { Options } from 'prettier';
import type { EmittedFile } from '../emit/emittedFile';
import { FormatterPool } from './formatterPool';

/** How generated code is laid out; the runtime templates are written in the same style. */
export const prettierOptions: Options = {
  parser: 'typescript',
  singleQuote: true,
  printWidth: 120,
  trailingComma: 'all',
};

/**
 * Formats the generated files with prettier, in worker threads: prettier's
 * cost grows faster than a file's size, so many files on all cores beat one
 * thread. Runtime files are already formatted and pass through.
 */
export async function formatFiles(
  files: readonly EmittedFile[],
  options: Options = prettierOptions,
): Promise<EmittedFile[]> {
  const pending = files.filter((file) => file.origin === 'generated');
  const bytes = pending.reduce((sum, file) => sum + file.content.length, 0);
  // One worker loads prettier once; a second only pays off for larger outputs.
  const workers = Math.max(1, Math.min(availableParallelism(), bytes > 200_000 ? 4 : 1));
  const pool = new FormatterPool(workers);
  try {
    const formatted = await Promise.all(
      pending.map((file) => pool.format(file.content, { ...options, parser: 'typescript' })),
    );
    const byPath = new Map(pending.map((file, index) => [file.path, formatted[index]!]));
    return files.map((file) => (byPath.has(file.path) ? { ...file, content: byPath.get(file.path)! } : file));
  } finally {
    await pool.close();
  }
}
