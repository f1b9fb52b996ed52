// Preloaded with `node -r` by test/cli/emitThread.test.ts: on exit, prints how many emitting threads (worker
// threads whose script runs the emitters) the main thread started.
const workerThreads = require('node:worker_threads');

if (workerThreads.isMainThread) {
  const { Worker } = workerThreads;
  let started = 0;
  workerThreads.Worker = class extends Worker {
    constructor(script, options) {
      if (typeof script === 'string' && script.includes('emitSdk')) started++;
      super(script, options);
    }
  };
  process.on('exit', () => process.stderr.write(`emitting threads started: ${started}\n`));
}
