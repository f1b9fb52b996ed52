import { constants, type Stats } from 'node:fs';
import { open, realpath, stat } from 'node:fs/promises';
import { sep } from 'node:path';
import type { SpecLimits } from './limits';

export type ReadResult = { readonly text: string } | { readonly problem: string; readonly hint: string };

/**
 * Reads a spec file as UTF-8, refusing anything that is not a regular file
 * (a FIFO or a device such as /dev/zero would block or never end) and files
 * larger than the limit. One file handle serves the check and the read, so the
 * file cannot be swapped in between; `O_NONBLOCK` keeps opening a FIFO from
 * waiting for a writer.
 *
 * With `confinedTo` (a real folder path), the file opened must lie inside it: checked after opening, on the file
 * the handle holds, since a check before it could be raced (a folder on the way swapped for a link elsewhere).
 */
export async function readSpecFile(path: string, limits: SpecLimits, confinedTo?: string): Promise<ReadResult> {
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
    if (confinedTo !== undefined && !(await opensInside(path, stats, confinedTo))) {
      return {
        problem: 'The file opened lies outside the folder of the root document (a link on its path changed).',
        hint: 'Keep the spec folder still while generating; references may not leave it.',
      };
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

/** Whether `path` leads, now that its file is open, to that very file (`opened`), inside `folder`. */
async function opensInside(path: string, opened: Stats, folder: string): Promise<boolean> {
  try {
    const real = await realpath(path);
    const now = await stat(real);
    return (
      real.startsWith(folder.endsWith(sep) ? folder : folder + sep) && now.dev === opened.dev && now.ino === opened.ino
    );
  } catch {
    return false;
  }
}
