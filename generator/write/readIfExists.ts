import { readFileSync } from 'node:fs';

/**
 * The text of a file, or `undefined` when there is no such file. Synchronous:
 * the writer and the drift check read hundreds of small files in a row, and
 * each read is faster than an await between two of them.
 */
export function readIfExistsSync(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
