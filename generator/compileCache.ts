import * as nodeModule from 'node:module';

/** `node:module`'s compile cache API: Node.js 22.1 and later; Node.js 20 has none. */
const { enableCompileCache } = nodeModule as {
  enableCompileCache?: () => { directory?: string };
};

/** The folder the CLI's run caches compiled code in, once it turned the cache on. */
let directory: string | undefined;

/**
 * Turns on Node.js's on-disk compile cache for a run of the CLI (Node.js 22.1+; on Node.js 20 this does nothing):
 * the modules the run loads next, and those of the threads it starts (`threadCompileCache`: ts-morph and prettier
 * load there), come from V8's cached code instead of being compiled again. Node.js picks the folder:
 * `NODE_COMPILE_CACHE` if set, else `node-compile-cache` in the OS temporary folder, never the user's project;
 * `NODE_DISABLE_COMPILE_CACHE=1` turns it off, and a folder that cannot be written leaves it off without a word.
 * Not for programs that import sdkgen: they choose for themselves.
 */
export function enableCompileCacheForShortRun(): void {
  directory = enableCompileCache?.().directory;
}

/** The line a worker thread's script starts with to use the run's compile cache (a worker has its own switch). */
export function threadCompileCache(): string {
  return directory ? `require('node:module').enableCompileCache(${JSON.stringify(directory)});` : '';
}
