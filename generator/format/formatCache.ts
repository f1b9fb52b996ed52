import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import type { Options } from 'prettier';
import { writeFileAtomic } from '../write/atomicWrite';

/** Past this many entries the oldest are dropped, so the cache cannot grow without end. */
const maxEntries = 20_000;

/**
 * Prettier's output for a given input never changes while prettier and its
 * options stay the same, and formatting is most of a cold run's time. So
 * formatted files are kept by the hash of (prettier version, options,
 * unformatted text): an unchanged regeneration or `check` formats nothing.
 * Where it lives: `SDKGEN_CACHE_DIR`, else `node_modules/.cache/sdkgen`
 * under the working folder (the place build tools keep caches); an empty
 * `SDKGEN_CACHE_DIR` turns it off.
 */
export class FormatCache {
  private written = 0;

  private constructor(
    private readonly folder: string,
    private readonly salt: string,
  ) {}

  static open(cwd: string, prettierVersion: string, options: Options): FormatCache | undefined {
    const folder = cacheFolder(cwd);
    if (!folder) return undefined;
    const salt = `${prettierVersion}\0${JSON.stringify(options, Object.keys(options).sort())}\0`;
    return new FormatCache(folder, salt);
  }

  get(text: string): string | undefined {
    try {
      return readFileSync(this.entryPath(text), 'utf8');
    } catch {
      return undefined;
    }
  }

  async set(text: string, formatted: string): Promise<void> {
    try {
      await writeFileAtomic(this.entryPath(text), formatted);
      this.written++;
    } catch {
      // A cache that cannot be written only costs time.
    }
  }

  /** Drops the oldest entries once there are too many; called once per run, after writing. */
  prune(): void {
    if (this.written === 0) return;
    try {
      const names = readdirSync(this.folder);
      if (names.length <= maxEntries) return;
      const byAge = names
        .map((name) => ({ name, mtime: statSync(join(this.folder, name)).mtimeMs }))
        .sort((a, b) => a.mtime - b.mtime);
      for (const { name } of byAge.slice(0, names.length - maxEntries)) unlinkSync(join(this.folder, name));
    } catch {
      // Pruning is housekeeping: never fail a run over it.
    }
  }

  private entryPath(text: string): string {
    return join(this.folder, createHash('sha256').update(this.salt).update(text).digest('hex'));
  }
}

function cacheFolder(cwd: string): string | undefined {
  const fromEnv = process.env.SDKGEN_CACHE_DIR;
  if (fromEnv !== undefined) return fromEnv === '' ? undefined : fromEnv;
  const nodeModules = join(cwd, 'node_modules');
  return existsSync(nodeModules) ? join(nodeModules, '.cache', 'sdkgen', 'format') : undefined;
}
