import { Worker } from 'node:worker_threads';
import type { Options } from 'prettier';

/**
 * The worker's code, run as a CommonJS script. Prettier is loaded by its
 * resolved path, so the worker finds the generator's own copy wherever the
 * command runs from.
 *
 * A job is a batch of files. Each `prettier.format` call pays a fixed cost
 * (normalizing the options, setting up the printer) that outweighs the work
 * on a small file, so a batch is formatted as one text, the files joined by a
 * boundary comment line, and split again afterwards. Prettier keeps a line
 * comment between statements where it is, so each part comes out exactly as
 * the file would on its own; a batch whose parts do not come back whole is
 * formatted file by file instead.
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
// Loads prettier's parser and printer now, while the main thread is still busy with the spec.
prettier.format(';', { parser: 'babel-ts' }).catch(() => {});
const each = (texts, options) => Promise.all(texts.map((text) => format(text, options)));
async function formatBatch(texts, options, boundary) {
  if (texts.length === 1 || boundary === undefined) return each(texts, options);
  const separator = '\\n' + boundary + '\\n';
  let joined;
  try {
    joined = await prettier.format(texts.join(separator), options);
  } catch {
    return each(texts, options); // The file at fault reports itself, with its parser fallback.
  }
  const parts = joined.split(separator);
  if (parts.length !== texts.length) return each(texts, options);
  return parts.map((part) => part.replace(/\\n*$/, '\\n'));
}
parentPort.on('message', ({ id, texts, options, boundary }) => {
  formatBatch(texts, options, boundary).then(
    (formatted) => parentPort.postMessage({ id, formatted }),
    (error) => parentPort.postMessage({ id, error: String(error && error.stack || error) }),
  );
});`;
}

interface Job {
  readonly size: number;
  resolve(texts: string[]): void;
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
      entry.worker.on('message', (message: { id: number; formatted?: string[]; error?: string }) => {
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

  /**
   * Formats several files in one job. With a `boundary` (a comment line no
   * file contains), they are formatted as one text; without, one by one.
   */
  formatBatch(texts: readonly string[], options: Options, boundary?: string): Promise<string[]> {
    const id = this.nextId++;
    const size = texts.reduce((sum, text) => sum + text.length, 0);
    const target = this.workers.reduce((least, entry) => (entry.queued < least.queued ? entry : least));
    target.queued += size;
    return new Promise((resolve, reject) => {
      this.jobs.set(id, { size, resolve, reject });
      target.worker.postMessage({ id, texts, options, boundary });
    });
  }

  async format(text: string, options: Options): Promise<string> {
    const [formatted] = await this.formatBatch([text], options);
    return formatted!;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map(({ worker }) => worker.terminate()));
  }
}
