import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { EmittedFile } from '../emit/emittedFile';
import { writeFileAtomic } from './atomicWrite';
import { readIfExists } from './readIfExists';
import { manifestContent, manifestFileName, readManifest } from './manifest';

export interface WriteSummary {
  readonly written: readonly string[];
  readonly unchanged: readonly string[];
  readonly deleted: readonly string[];
}

/** A refusal to write, with what to do about it; the CLI reports it as a user error. */
export class OutputError extends Error {
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
    this.name = 'OutputError';
  }
}

/**
 * Writes the SDK into `folder`. Files that did not change are left alone
 * (their mtime too); files the previous run wrote and this one does not are
 * deleted; no file the generator did not write is ever touched.
 */
export async function writeOutput(folder: string, files: readonly EmittedFile[]): Promise<WriteSummary> {
  const previous = await ownedFiles(folder);
  const written: string[] = [];
  const unchanged: string[] = [];
  const all = [...files, { path: manifestFileName, content: manifestContent(files.map((file) => file.path)) }];

  for (const file of all) {
    const target = join(folder, file.path);
    const current = await readIfExists(target);
    if (current !== undefined && file.path !== manifestFileName && !previous.has(file.path)) {
      throw new OutputError(
        `${target} exists and was not written by sdkgen; it is left untouched and nothing was generated.`,
        'Move the file away, or choose another output folder.',
      );
    }
    if (current === file.content) unchanged.push(file.path);
    else written.push(file.path);
  }
  for (const file of all) {
    if (written.includes(file.path) && file.path !== manifestFileName)
      await writeFileAtomic(join(folder, file.path), file.content);
  }
  const generated = new Set(files.map((file) => file.path));
  const deleted = [...previous].filter((path) => !generated.has(path)).sort();
  for (const path of deleted) await rm(join(folder, path), { force: true });
  // The manifest goes last: until it is written, the previous one still lists every file on disk.
  const manifest = all[all.length - 1]!;
  if (written.includes(manifestFileName)) await writeFileAtomic(join(folder, manifestFileName), manifest.content);
  return { written, unchanged, deleted };
}

/** The files a previous run wrote; refuses a non-empty folder that has no manifest. */
async function ownedFiles(folder: string): Promise<Set<string>> {
  const manifest = await readManifest(folder);
  if (manifest === 'invalid') {
    throw new OutputError(
      `${join(folder, manifestFileName)} is not a manifest sdkgen wrote.`,
      'Delete it or choose another output folder.',
    );
  }
  if (manifest) return new Set(manifest.files);
  const entries = await readdir(folder).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  if (entries.length > 0) {
    throw new OutputError(
      `The output folder ${folder} is not empty and holds no ${manifestFileName}; sdkgen only writes into folders it owns.`,
      'Choose an empty or new folder, or one sdkgen generated before.',
    );
  }
  return new Set();
}
