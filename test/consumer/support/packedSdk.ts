import { createHash } from 'node:crypto';
import { cp, mkdir, readFile, readdir, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot, runOk } from './run';

export interface PackedSdk {
  /** A built copy of the SDK folder (sources, configs and `dist/`). */
  readonly folder: string;
  /** The `npm pack` tarball of that copy. */
  readonly tarball: string;
  readonly name: string;
  readonly version: string;
}

const cacheRoot = join(tmpdir(), 'sdkgen-packed-sdks');

/**
 * Copies a generated SDK out of the repository, runs its own `npm run build`
 * (with the root's tsc on PATH) and packs it. The result is kept under the
 * temporary folder, keyed by the hash of every file the generator wrote and
 * the TypeScript version, so test files in parallel workers (and later runs)
 * share one build instead of repeating it; a lock folder makes the first one
 * build while the others wait.
 */
export async function packedSdk(relativeFolder = 'generated/qovery'): Promise<PackedSdk> {
  const source = join(projectRoot, relativeFolder);
  const files = await generatedFiles(source);
  const key = await contentKey(source, files);
  const done = join(cacheRoot, key);
  await mkdir(cacheRoot, { recursive: true });
  for (;;) {
    const found = await readPacked(done);
    if (found) return found;
    if (await tryLock(`${done}.lock`)) {
      try {
        const building = `${done}.building-${process.pid}`;
        await rm(building, { recursive: true, force: true });
        await build(source, files, building);
        await rename(building, done);
      } finally {
        await rm(`${done}.lock`, { recursive: true, force: true });
      }
    } else {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

/** Only what the generator wrote is copied: never a `dist/` or `node_modules/` a user left in the folder. */
async function build(source: string, files: readonly string[], target: string): Promise<void> {
  const folder = join(target, 'sdk');
  for (const path of files) await cp(join(source, path), join(folder, path));
  await runOk('npm', ['run', 'build'], folder);
  await runOk('npm', ['pack', '--ignore-scripts', '--pack-destination', target], folder);
}

async function readPacked(done: string): Promise<PackedSdk | undefined> {
  const entries = await readdir(done).catch(() => undefined);
  const tarball = entries?.find((name) => name.endsWith('.tgz'));
  if (!tarball) return undefined;
  const folder = join(done, 'sdk');
  const manifest = JSON.parse(await readFile(join(folder, 'package.json'), 'utf8')) as {
    name: string;
    version: string;
  };
  return { folder, tarball: join(done, tarball), name: manifest.name, version: manifest.version };
}

/** `mkdir` is atomic: whoever creates the folder builds. A lock older than two minutes is left from a killed run. */
async function tryLock(lock: string): Promise<boolean> {
  try {
    await mkdir(lock);
    return true;
  } catch {
    const info = await stat(lock).catch(() => undefined);
    if (info && Date.now() - info.mtimeMs > 120_000) await rm(lock, { recursive: true, force: true });
    return false;
  }
}

async function generatedFiles(folder: string): Promise<string[]> {
  const manifest = JSON.parse(await readFile(join(folder, '.sdkgen-manifest.json'), 'utf8')) as { files: string[] };
  return [...manifest.files].sort();
}

async function contentKey(folder: string, files: readonly string[]): Promise<string> {
  const hash = createHash('sha256');
  const typescript = JSON.parse(
    await readFile(join(projectRoot, 'node_modules', 'typescript', 'package.json'), 'utf8'),
  ) as { version: string };
  hash.update(`typescript@${typescript.version}\0`);
  for (const path of files) {
    hash.update(`${path}\0`);
    hash.update(await readFile(join(folder, path)));
    hash.update('\0');
  }
  return hash.digest('hex').slice(0, 32);
}
