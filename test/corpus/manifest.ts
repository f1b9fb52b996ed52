import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where the shared real-world specs live: `../shared/specs` from the project root. */
export const specsFolder = join(__dirname, '..', '..', '..', 'shared', 'specs');

export interface CorpusEntry {
  readonly name: string;
  /** The entry document, relative to `specsFolder`. */
  readonly root: string;
  readonly version: string;
  readonly operations: number;
  readonly webhooks: number;
  /** A number, or a note such as `0 (5 ext ref targets)` for multi-file specs. */
  readonly schemas: number | string;
  readonly bytes: number;
}

export function readManifest(): CorpusEntry[] {
  return JSON.parse(readFileSync(join(specsFolder, 'manifest.json'), 'utf8')) as CorpusEntry[];
}

/**
 * The entries of one shard out of `shards`, balanced by size (largest first,
 * each to the lightest shard), so that parallel test files take similar time.
 */
export function corpusShard(shard: number, shards: number): CorpusEntry[] {
  const loads = Array.from({ length: shards }, () => ({ bytes: 0, entries: [] as CorpusEntry[] }));
  for (const entry of [...readManifest()].sort((a, b) => b.bytes - a.bytes || a.name.localeCompare(b.name))) {
    const lightest = loads.reduce((best, load) => (load.bytes < best.bytes ? load : best));
    lightest.bytes += entry.bytes;
    lightest.entries.push(entry);
  }
  return loads[shard]!.entries;
}
