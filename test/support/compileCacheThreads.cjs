// Preloaded with `node -r` by the compile cache test (in the main thread and, as node does, in every worker
// thread): prints on stderr the compile cache folder a thread uses (`none` without one) when it first requires
// ts-morph or prettier's doc printer (the emitting thread), and the main thread's when it exits.
const { writeSync } = require('node:fs');
const Module = require('node:module');
const { isMainThread } = require('node:worker_threads');

const cache = () => Module.getCompileCacheDir?.() ?? 'none';
const seen = new Set();
const load = Module._load;
Module._load = function (request, ...rest) {
  if ((request === 'ts-morph' || request === 'prettier/doc') && !seen.has(request)) {
    seen.add(request);
    writeSync(2, `${request} loaded in ${isMainThread ? 'the main thread' : 'a worker thread'}, cache: ${cache()}\n`);
  }
  return load.call(this, request, ...rest);
};

if (isMainThread) process.on('exit', () => writeSync(2, `the main thread ended, cache: ${cache()}\n`));
