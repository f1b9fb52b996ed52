import { Worker } from 'node:worker_threads';
import type { Options } from 'prettier';

/**
 * The worker's code, run as a CommonJS script. Prettier is loaded by its
 * resolved path, so the worker finds the generator's own copy wherever the
 * command runs from.
 */
function workerSource(): string {
  return `
const { parentPort } = require('node:worker_threads');
const prettier = require(${JSON.stringify(require.resolve('prettier'))});
// Babel's parser is the fast one; a file it cannot parse gets TypeScript's.
const format = (text, options) =>
  prettier.format(text, options).catch((error) =>
    options.parser === 'babel-ts' ? prettier.format(text, { ...options, parser: 'typescript' }) : Promise.reject(error),
  );
parentPort.on('message', ({ id, text, options }) => {
  format(text, options).then(
    (formatted) => parentPort.postMessage({ id, formatted }),
    (error) => parentPort.postMessage({ id, error: String(error && error.stack || error) }),
  );
});`;
}

interface Job {
  readonly size: number;
  resolve(text: string): void;
  reject(error: Error): void;
}

/** A few worker threads running prettier; each job goes to the worker with the least work queued. */
export class FormatterPool {
  private readonly workers: { worker: Worker; queued: number }[];
  private readonly jobs = new Map<number, Job>();
  private nextId = 0;

  constructor(size: number) {
    this.workers = Array.from({ length: size }, () => {
      const entry = { worker: new Worker(workerSource(), { eval: true }), queued: 0 };
      entry.worker.on('message', (message: { id: number; formatted?: string; error?: string }) => {
        const job = this.jobs.get(message.id);
        this.jobs.delete(message.id);
        entry.queued -= job?.size ?? 0;
        if (message.error !== undefined)
          job?.reject(new Error(`prettier failed on generated code (a generator bug): ${message.error}`));
        else job?.resolve(message.formatted!);
      });
      entry.worker.on('error', (error) => {
        for (const job of this.jobs.values()) job.reject(error);
        this.jobs.clear();
      });
      return entry;
    });
  }

  format(text: string, options: Options): Promise<string> {
    const id = this.nextId++;
    const target = this.workers.reduce((least, entry) => (entry.queued < least.queued ? entry : least));
    target.queued += text.length;
    return new Promise((resolve, reject) => {
      this.jobs.set(id, { size: text.length, resolve, reject });
      target.worker.postMessage({ id, text, options });
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map(({ worker }) => worker.terminate()));
  }
}
