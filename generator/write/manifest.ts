import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isRecord } from '../util/guards';

/**
 * Each output folder holds a manifest of the files the generator wrote there.
 * Only those files are ever overwritten or deleted: anything else in the
 * folder belongs to the user.
 */
export const manifestFileName = '.sdkgen-manifest.json';

export interface Manifest {
  readonly generator: 'sdkgen';
  readonly files: readonly string[];
}

export function manifestContent(files: readonly string[]): string {
  const manifest: Manifest = { generator: 'sdkgen', files: [...files].sort() };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** The manifest in `folder`; `undefined` when there is none, `'invalid'` when it is not ours. */
export async function readManifest(folder: string): Promise<Manifest | undefined | 'invalid'> {
  let text: string;
  try {
    text = await readFile(join(folder, manifestFileName), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    const value: unknown = JSON.parse(text);
    if (!isRecord(value) || value['generator'] !== 'sdkgen' || !Array.isArray(value['files'])) return 'invalid';
    const files = value['files'].filter((file): file is string => typeof file === 'string' && isSafeRelativePath(file));
    return { generator: 'sdkgen', files };
  } catch {
    return 'invalid';
  }
}

/** A manifest entry may only name a file below the output folder. */
export function isSafeRelativePath(path: string): boolean {
  return (
    path !== '' &&
    !path.startsWith('/') &&
    !/^[A-Za-z]:/.test(path) &&
    !path.split(/[\\/]/).some((part) => part === '..' || part === '')
  );
}
