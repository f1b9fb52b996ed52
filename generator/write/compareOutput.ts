import { join } from 'node:path';
import type { EmittedFile } from '../emit/emittedFile';
import { readIfExistsSync } from './readIfExists';
import { manifestContent, manifestFileName, readManifest } from './manifest';

export interface FileDrift {
  readonly path: string;
  readonly change: 'added' | 'removed' | 'changed';
  /** A short unified diff of what regenerating would change. */
  readonly diff: string;
}

/** What regenerating `folder` from the spec would change, without writing anything. */
export async function compareOutput(
  folder: string,
  files: readonly EmittedFile[],
  maxDiffLines = 20,
): Promise<FileDrift[]> {
  const manifest = await readManifest(folder);
  const owned = new Set(manifest && manifest !== 'invalid' ? manifest.files : []);
  const expected = [...files, { path: manifestFileName, content: manifestContent(files.map((file) => file.path)) }];
  const drift: FileDrift[] = [];
  for (const file of expected) {
    const current = readIfExistsSync(join(folder, file.path));
    if (current === file.content) continue;
    drift.push({
      path: file.path,
      change: current === undefined ? 'added' : 'changed',
      diff: shortDiff(file.path, current ?? '', file.content, maxDiffLines),
    });
  }
  const generated = new Set(files.map((file) => file.path));
  for (const path of [...owned].sort()) {
    if (!generated.has(path)) drift.push({ path, change: 'removed', diff: '' });
  }
  return drift;
}

function shortDiff(path: string, before: string, after: string, maxLines: number): string {
  // Loaded here, not at start-up: only `check` shows diffs, and the library takes a while to load.
  const { structuredPatch } = require('diff') as typeof import('diff');
  const patch = structuredPatch(`a/${path}`, `b/${path}`, before, after, '', '', { context: 1 });
  const lines = patch.hunks.flatMap((hunk) => [
    `@@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@`,
    ...hunk.lines,
  ]);
  return lines.length > maxLines
    ? [...lines.slice(0, maxLines), `... ${lines.length - maxLines} more lines`].join('\n')
    : lines.join('\n');
}
