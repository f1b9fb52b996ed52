import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import type { SpecLimits } from './limits';

export type ReadResult = { readonly text: string } | { readonly problem: string; readonly hint: string };

/**
 * Reads a spec file as UTF-8, refusing anything that is not a regular file
 * (a FIFO or a device such as /dev/zero would block or never end) and files
 * larger than the limit. One file handle serves the check and the read, so the
 * file cannot be swapped in between; `O_NONBLOCK` keeps opening a FIFO from
 * waiting for a writer.
 */
export async function readSpecFile(path: string, limits: SpecLimits): Promise<ReadResult> {
  let handle;
  try {
    handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    return {
      problem: `Cannot read the file: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`,
      hint: 'Check the path; relative paths are resolved from the file that names them.',
    };
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) {
      return { problem: 'It is not a regular file.', hint: 'Name a YAML or JSON file.' };
    }
    if (stats.size > limits.maxFileBytes) {
      return {
        problem: `The file is ${stats.size} bytes, more than the limit of ${limits.maxFileBytes}.`,
        hint: 'Check that this is the right file, or raise the maxFileBytes limit.',
      };
    }
    return { text: await handle.readFile('utf8') };
  } catch (error) {
    return {
      problem: `Cannot read the file: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`,
      hint: 'Check that the file is readable.',
    };
  } finally {
    await handle.close();
  }
}
