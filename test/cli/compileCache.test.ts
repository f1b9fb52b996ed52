import * as nodeModule from 'node:module';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { writeTempFiles } from '../support/buildFromText';
import { nodeBinary, nodeVersions, nodeVersionsInstallable } from '../support/nodeVersions';
import { projectRoot, runCli } from '../support/runCli';

const preload = ['-r', join(projectRoot, 'test', 'support', 'compileCacheThreads.cjs')];
const spec = join(projectRoot, 'spec', 'openapi.yaml');
const onLinuxX64 = nodeVersionsInstallable ? it : it.skip;

/**
 * Runs `generate` with its own temporary folder (`TMPDIR`), where Node.js puts the compile cache by default; returns
 * what each thread reported using, the cache folders made, and the project folder's entries after the run.
 */
function generateWithTemporaryFolder(runtime: string, env: NodeJS.ProcessEnv = {}) {
  const { folder, cleanup } = writeTempFiles({});
  try {
    const temporary = join(folder, 'tmp');
    mkdirSync(temporary);
    const run = runCli(['generate', '-q', '-i', spec, '-o', 'out'], folder, {
      runtime,
      nodeArgs: preload,
      env: { TMPDIR: temporary, NODE_COMPILE_CACHE: undefined, NODE_DISABLE_COMPILE_CACHE: undefined, ...env },
    });
    expect(run.status).toBe(0);
    const cacheRoot = join(temporary, 'node-compile-cache');
    return {
      threads: [...run.stderr.matchAll(/^.+, cache: .+$/gm)].map((match) => match[0].replace(cacheRoot, '<cache>')),
      caches: existsSync(cacheRoot) ? readdirSync(cacheRoot) : [],
      project: readdirSync(folder).sort(),
    };
  } finally {
    cleanup();
  }
}

describe("the CLI's compile cache", () => {
  onLinuxX64.each(nodeVersions)(
    '$name: the main and the emitting thread compile from one, in the temporary folder',
    (node) => {
      const { threads, caches, project } = generateWithTemporaryFolder(nodeBinary(node));
      expect(caches).toEqual([expect.stringMatching(new RegExp(`^v${node.version.replaceAll('.', '\\.')}-`))]);
      const used = `<cache>/${caches[0]}`;
      expect(threads.sort()).toEqual([
        `prettier/doc loaded in a worker thread, cache: ${used}`,
        `the main thread ended, cache: ${used}`,
        `ts-morph loaded in a worker thread, cache: ${used}`,
      ]);
      expect(project).toEqual(['out', 'tmp']);
    },
  );

  onLinuxX64('NODE_DISABLE_COMPILE_CACHE=1 turns it off', () => {
    const { threads, caches } = generateWithTemporaryFolder(nodeBinary(nodeVersions.at(-1)!), {
      NODE_DISABLE_COMPILE_CACHE: '1',
    });
    expect(threads.sort()).toEqual([
      'prettier/doc loaded in a worker thread, cache: none',
      'the main thread ended, cache: none',
      'ts-morph loaded in a worker thread, cache: none',
    ]);
    expect(caches).toEqual([]);
  });

  // Node.js 20, which has no compile cache API, runs as before.
  ('enableCompileCache' in nodeModule ? it.skip : it)(`${process.version} runs without one`, () => {
    const { threads, caches } = generateWithTemporaryFolder(process.execPath);
    expect(threads).toContain('the main thread ended, cache: none');
    expect(caches).toEqual([]);
  });
});
