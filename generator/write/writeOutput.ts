import { readdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { EmittedFile } from '../emit/emittedFile';
import { isTemporaryFile, writeFileAtomic } from './atomicWrite';
import { lockOutput, lockFileName } from './lockOutput';
import { manifestContent, manifestFileName, readManifest } from './manifest';
import { OutputError } from './outputError';
import { readIfExists } from './readIfExists';

export { OutputError } from './outputError';

export interface WriteSummary {
  readonly written: readonly string[];
  readonly unchanged: readonly string[];
  readonly deleted: readonly string[];
}

export interface WriteOptions {
  /** Write into a folder sdkgen does not own, overwriting files of the same names. */
  readonly force?: boolean;
}

/**
 * Writes the SDK into `folder`. Files that did not change are left alone
 * (their mtime too); files the previous run wrote and this one does not are
 * deleted; no file the generator did not write is ever touched.
 *
 * A run killed at any point leaves a folder the next run can take over: the
 * manifest is first widened to every file this run may leave on disk, each
 * file is replaced atomically, and the exact manifest comes last. Two runs at
 * once take turns through a lock.
 */
export async function writeOutput(
  folder: string,
  files: readonly EmittedFile[],
  options: WriteOptions = {},
): Promise<WriteSummary> {
  const release = await lockOutput(folder);
  try {
    return await writeLocked(folder, files, options);
  } finally {
    await release();
  }
}

async function writeLocked(
  folder: string,
  files: readonly EmittedFile[],
  options: WriteOptions,
): Promise<WriteSummary> {
  const previous = await ownedFiles(folder, options);
  const written: string[] = [];
  const unchanged: string[] = [];
  for (const file of files) {
    const target = join(folder, file.path);
    const current = await readIfExists(target);
    if (current !== undefined && !previous.has(file.path) && !options.force) {
      throw new OutputError({
        code: 'SDK4002',
        message: `${target} exists and was not written by sdkgen; it is left untouched and nothing was generated.`,
        hint: 'Move the file away, or choose another output folder.',
      });
    }
    if (current === file.content) unchanged.push(file.path);
    else written.push(file.path);
  }
  const generated = new Set(files.map((file) => file.path));
  const deleted = [...previous].filter((path) => !generated.has(path)).sort();
  const finalManifest = manifestContent([...generated]);
  const manifestPath = join(folder, manifestFileName);
  if (written.length === 0 && deleted.length === 0 && (await readIfExists(manifestPath)) === finalManifest)
    return { written, unchanged, deleted };

  // Until the run ends, the manifest lists old and new files: whatever is on disk is owned.
  await writeFileAtomic(manifestPath, manifestContent([...previous, ...generated]));
  for (const file of files) {
    if (written.includes(file.path)) await writeFileAtomic(join(folder, file.path), file.content);
  }
  for (const path of deleted) await rm(join(folder, path), { force: true });
  await removeLeftoverTemporaries(folder, [...previous, ...generated]);
  await writeFileAtomic(manifestPath, finalManifest);
  return { written: [...written, manifestFileName], unchanged, deleted };
}

/** The files a previous run wrote; refuses a non-empty folder that has no manifest (unless forced). */
async function ownedFiles(folder: string, options: WriteOptions): Promise<Set<string>> {
  const manifest = await readManifest(folder);
  if (manifest === 'invalid' && !options.force) {
    throw new OutputError({
      code: 'SDK4003',
      message: `${join(folder, manifestFileName)} is not a manifest sdkgen wrote.`,
      hint: 'Delete it or choose another output folder.',
    });
  }
  if (manifest && manifest !== 'invalid') return new Set(manifest.files);
  const entries = await readdir(folder).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  if (entries.some((entry) => entry !== lockFileName) && !options.force) {
    throw new OutputError({
      code: 'SDK4001',
      message: `The output folder ${folder} is not empty and holds no ${manifestFileName}; sdkgen only writes into folders it owns.`,
      hint: 'Choose an empty or new folder, or one sdkgen generated before (or pass --force to write into it anyway).',
    });
  }
  return new Set();
}

/** Temporary files of an earlier run that was killed mid-write, beside the files it owned. */
async function removeLeftoverTemporaries(folder: string, owned: readonly string[]): Promise<void> {
  const folders = new Set(owned.map((path) => dirname(join(folder, path))));
  for (const directory of folders) {
    const entries = await readdir(directory).catch(() => [] as string[]);
    for (const entry of entries) {
      if (isTemporaryFile(entry)) await rm(join(directory, entry), { force: true });
    }
  }
}
