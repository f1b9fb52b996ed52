import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import { promisify } from 'node:util';
import { defaultSpecLimits } from '../load/limits';
import { parseSpecText } from '../load/parseSpecText';
import { collectRefs } from '../resolve/collectRefs';
import { parseRef, selfOf } from '../resolve/parseRef';
import { UsageError } from './usageError';

const run = promisify(execFile);

/** A spec as it was at a git ref, copied with every file it `$ref`s into a temporary folder. */
export interface SpecAtRef {
  /** The root document in the copy; absent when the spec did not exist at that ref. */
  readonly specPath?: string;
  /** The copy's folder: the repository's layout, so messages name files as the repository does. */
  readonly folder: string;
  /** The spec's path in the repository (`spec/openapi.yaml`). */
  readonly repoPath: string;
  /**
   * The overlays asked for, as they were at the ref (in the copy), in their order; one that did not exist there is
   * left out, and one outside the repository is read where it is.
   */
  readonly overlays: readonly string[];
  readonly cleanup: () => Promise<void>;
}

/**
 * Reads the spec at `ref` with `git show`, then each file its `$ref`s name
 * (relative ones inside the repository, followed the way the resolver would),
 * also from `ref`. Remote `$ref`s are left to the resolver's host rules.
 */
export async function specAtRef(specPath: string, ref: string, overlays: readonly string[] = []): Promise<SpecAtRef> {
  const specFile = await realpath(specPath);
  const repoRoot = await git(['rev-parse', '--show-toplevel'], dirname(specFile)).catch(() => {
    throw new UsageError(`--base ${ref}: ${specPath} is not in a git repository.`);
  });
  const root = await realpath(repoRoot.trim());
  await git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], root).catch(() => {
    throw new UsageError(`--base ${ref}: no such commit, branch or tag in ${root}.`);
  });
  const repoPath = relative(root, specFile).split(sep).join('/');
  const folder = await mkdtemp(join(tmpdir(), 'sdkgen-base-'));
  const cleanup = () => rm(folder, { recursive: true, force: true });
  try {
    const copied = await copyFromRef({ root, ref, folder, repoPath });
    const overlaysAtRef: string[] = [];
    for (const overlay of overlays) {
      const copy = await overlayAtRef(overlay, { root, ref, folder });
      if (copy !== undefined) overlaysAtRef.push(copy);
    }
    return {
      ...(copied ? { specPath: join(folder, repoPath) } : {}),
      folder,
      repoPath,
      overlays: overlaysAtRef,
      cleanup,
    };
  } catch (error) {
    await cleanup();
    throw error;
  }
}

/** Copies the root document and what it references; `false` when the root did not exist at the ref. */
async function copyFromRef(context: { root: string; ref: string; folder: string; repoPath: string }): Promise<boolean> {
  const { root, ref, folder } = context;
  const pending = [context.repoPath];
  const copied = new Set<string>();
  while (pending.length > 0 && copied.size < defaultSpecLimits.maxFiles) {
    const path = pending.shift()!;
    if (copied.has(path)) continue;
    copied.add(path);
    const text = await git(['show', `${ref}:${path}`], root).catch(() => undefined);
    if (text === undefined) {
      if (path === context.repoPath) return false;
      continue; // The resolver reports the missing file, naming it.
    }
    const target = join(folder, path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, text);
    const { parsed } = parseSpecText(text, path, defaultSpecLimits);
    for (const { ref: reference } of parsed ? collectRefs(parsed.value) : []) {
      const parsedRef = parseRef(reference, target, selfOf(parsed?.value));
      if (parsedRef.kind !== 'file') continue;
      const inRepo = relative(folder, parsedRef.path);
      if (inRepo.startsWith('..') || isAbsolute(inRepo)) continue;
      pending.push(inRepo.split(sep).join('/'));
    }
  }
  return true;
}

/** An overlay as it was at the ref, copied beside the spec's files; `undefined` when it did not exist there. */
async function overlayAtRef(
  overlay: string,
  context: { root: string; ref: string; folder: string },
): Promise<string | undefined> {
  const real = await realpath(overlay).catch(() => overlay);
  const inRepo = relative(context.root, real);
  if (inRepo.startsWith('..') || isAbsolute(inRepo)) return real; // Not in the repository: git has no past of it.
  const repoPath = inRepo.split(sep).join('/');
  const text = await git(['show', `${context.ref}:${repoPath}`], context.root).catch(() => undefined);
  if (text === undefined) return undefined;
  const target = join(context.folder, repoPath);
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, text);
  return target;
}

async function git(args: readonly string[], cwd: string): Promise<string> {
  const { stdout } = await run('git', [...args], { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return stdout;
}
