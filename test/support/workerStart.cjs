// Preloaded with `node -r` by the startup test: prints on stderr, when the main thread starts its first
// worker thread, whether it had loaded the pipeline module by then.
const workerThreads = require('node:worker_threads');

if (workerThreads.isMainThread) {
  const { Worker } = workerThreads;
  let first = true;
  workerThreads.Worker = class extends Worker {
    constructor(...args) {
      if (first) {
        first = false;
        const loaded = Object.keys(require.cache).some((path) => /[\\/]dist[\\/]pipeline\.js$/.test(path));
        process.stderr.write(`first worker started ${loaded ? 'after' : 'before'} the pipeline loaded\n`);
      }
      super(...args);
    }
  };
}
