// Preloaded with `node -r` by the startup test (in the main thread and, as node does, in every
// worker thread): prints on stderr the first time a thread requires one of the heavy dependencies
// (ts-morph, prettier, or only prettier's doc printer, `prettier/doc`, which the emitters lay code out with; and
// jsonpath-rfc9535, which only a run with overlays needs), and on exit how many of their files the main thread loaded.
const { writeSync } = require('node:fs');
const Module = require('node:module');
const { isMainThread } = require('node:worker_threads');

const heavy = /(^|node_modules[\\/])(ts-morph|prettier|jsonpath-rfc9535)([\\/]|$)/;
const seen = new Set();
const load = Module._load;
Module._load = function (request, ...rest) {
  const match = heavy.exec(request)?.[2];
  const name = match === 'prettier' && /prettier[\\/]doc(\.js)?$/.test(request) ? 'prettier/doc' : match;
  if (name !== undefined && !seen.has(name)) {
    seen.add(name);
    writeSync(2, `${name} loaded in ${isMainThread ? 'the main thread' : 'a worker thread'}\n`);
  }
  return load.call(this, request, ...rest);
};

if (isMainThread) {
  process.on('exit', () => {
    const files = Object.keys(require.cache).filter((path) => heavy.test(path));
    process.stderr.write(`heavy modules loaded: ${files.length}\n`);
  });
}
