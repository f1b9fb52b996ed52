import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { EmittedFile } from '../emit/emittedFile';
import { isTemporaryFile, replaceFileSync } from './atomicWrite';
import { lockOutput, lockFileName } from './lockOutput';
import { manifestContent, manifestFileName, readManifest } from './manifest';
import { OutputError } from './outputError';
import { readIfExistsSync } from './readIfExists';

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
  // Synchronous calls from here on: a few thousand small ones, each faster than an await.
  const changed: EmittedFile[] = [];
  const unchanged: string[] = [];
  for (const file of files) {
    const target = join(folder, file.path);
    const current = readIfExistsSync(target);
    if (current !== undefined && !previous.has(file.path) && !options.force) {
      throw new OutputError({
        code: 'SDK4002',
        message: `${target} exists and was not written by sdkgen; it is left untouched and nothing was generated.`,
        hint: 'Move the file away, or choose another output folder.',
      });
    }
    if (current === file.content) unchanged.push(file.path);
    else changed.push(file);
  }
  const written = changed.map((file) => file.path);
  const generated = new Set(files.map((file) => file.path));
  const deleted = [...previous].filter((path) => !generated.has(path)).sort();
  const finalManifest = manifestContent([...generated]);
  const manifestPath = join(folder, manifestFileName);
  if (written.length === 0 && deleted.length === 0 && readIfExistsSync(manifestPath) === finalManifest)
    return { written, unchanged, deleted };

  // Until the run ends, the manifest lists old and new files: whatever is on disk is owned.
  replaceFileSync(manifestPath, manifestContent([...previous, ...generated]));
  for (const directory of new Set(changed.map((file) => dirname(join(folder, file.path))))) {
    mkdirSync(directory, { recursive: true });
  }
  let breath = performance.now();
  for (const file of changed) {
    replaceFileSync(join(folder, file.path), file.content);
    // Creating a file can take a millisecond: let the lock's timer refresh it during a long write.
    if (performance.now() - breath > 500) {
      await new Promise(setImmediate);
      breath = performance.now();
    }
  }
  for (const path of deleted) rmSync(join(folder, path), { force: true });
  removeLeftoverTemporaries(folder, [...previous, ...generated]);
  replaceFileSync(manifestPath, finalManifest);
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
function removeLeftoverTemporaries(folder: string, owned: readonly string[]): void {
  for (const directory of new Set(owned.map((path) => dirname(join(folder, path))))) {
    let entries: string[];
    try {
      entries = readdirSync(directory);
    } catch {
      continue; // No such folder (any more): nothing to clean.
    }
    for (const entry of entries) {
      if (isTemporaryFile(entry)) rmSync(join(directory, entry), { force: true });
    }
  }
}
