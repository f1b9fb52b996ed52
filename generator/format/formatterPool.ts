import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Options } from 'prettier';
import { threadCompileCache } from '../compileCache';

/**
 * The formatting half of a worker's code, run as a CommonJS script: it answers
 * `{ id, texts, options, boundary }` messages and defines `loadPrettier()`,
 * which a script embedding it may call to load prettier before the first job.
 * Prettier is loaded by its resolved path, so the worker finds the generator's
 * own copy wherever the command runs from.
 *
 * A job is a batch of files. Each `prettier.format` call pays a fixed cost
 * (normalizing the options, setting up the printer) that outweighs the work
 * on a small file, so a batch is formatted as one text, the files joined by a
 * boundary comment line, and split again afterwards. Prettier keeps a line
 * comment between statements where it is, so each part comes out exactly as
 * the file would on its own; a batch whose parts do not come back whole is
 * formatted file by file instead.
 */
export function formatterScript(): string {
  return `${threadCompileCache()}
const { parentPort } = require('node:worker_threads');
let prettier;
function loadPrettier() {
  if (prettier === undefined) {
    prettier = require(${JSON.stringify(require.resolve('prettier'))});
    // Loads prettier's parser and printer now, not with the first job.
    prettier.format(';', { parser: 'babel-ts' }).catch(() => {});
  }
  return prettier;
}
// Babel's parser is the fast one; a file it cannot parse gets TypeScript's.
const format = (text, options) =>
  loadPrettier().format(text, options).catch((error) =>
    options.parser === 'babel-ts' ? prettier.format(text, { ...options, parser: 'typescript' }) : Promise.reject(error),
  );
const each = (texts, options) => Promise.all(texts.map((text) => format(text, options)));
async function formatBatch(texts, options, boundary) {
  if (texts.length === 1 || boundary === undefined) return each(texts, options);
  const separator = '\\n' + boundary + '\\n';
  let joined;
  try {
    joined = await loadPrettier().format(texts.join(separator), options);
  } catch {
    return each(texts, options); // The file at fault reports itself, with its parser fallback.
  }
  const parts = joined.split(separator);
  if (parts.length !== texts.length) return each(texts, options);
  return parts.map((part) => part.replace(/\\n*$/, '\\n'));
}
parentPort.on('message', ({ id, texts, options, boundary }) => {
  if (texts === undefined) return; // Another part of the script's job.
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

export interface FormatterPoolOptions {
  /**
   * Workers started elsewhere whose script embeds `formatterScript()`: they
   * take jobs first, so that a thread already running needs no new one. The
   * pool terminates them on `close`.
   */
  readonly adopt?: readonly Worker[];
  /** The most workers in all (default: one per core, beyond that they only take turns). */
  readonly max?: number;
}

/**
 * Starting a worker (a thread, then prettier's ~60 ms of loading) pays off
 * once every worker has about this much text queued, prettier's work for a
 * few hundred milliseconds.
 */
const growAtBytes = 150_000;

/**
 * A few worker threads running prettier; each job goes to the worker with the
 * least work queued, and another worker starts (up to `max`) when they all
 * have plenty.
 */
export class FormatterPool {
  private readonly workers: { worker: Worker; queued: number }[] = [];
  private readonly jobs = new Map<number, Job>();
  private readonly max: number;
  private nextId = 0;

  /** `size` workers start at once and load prettier (at least one, unless some are adopted). */
  constructor(size: number, options: FormatterPoolOptions = {}) {
    for (const worker of options.adopt ?? []) this.add(worker);
    this.max = Math.max(1, options.max ?? availableParallelism(), this.workers.length);
    const starting = Math.min(this.max, this.workers.length > 0 ? size : Math.max(1, size));
    while (this.workers.length < starting) this.start();
  }

  private start(): { worker: Worker; queued: number } {
    return this.add(new Worker(`${formatterScript()}\nloadPrettier();`, { eval: true }));
  }

  private add(worker: Worker): { worker: Worker; queued: number } {
    const entry = { worker, queued: 0 };
    worker.on('message', (message: { id?: number; formatted?: string[]; error?: string }) => {
      const job = message.id === undefined ? undefined : this.jobs.get(message.id);
      if (!job) return; // Not a formatting job: an adopted worker's other work.
      this.jobs.delete(message.id!);
      entry.queued -= job.size;
      if (message.error !== undefined)
        job.reject(new Error(`prettier failed on generated code (a generator bug): ${message.error}`));
      else job.resolve(message.formatted!);
    });
    worker.on('error', (error) => {
      for (const job of this.jobs.values()) job.reject(error);
      this.jobs.clear();
    });
    this.workers.push(entry);
    return entry;
  }

  /**
   * Formats several files in one job. With a `boundary` (a comment line no
   * file contains), they are formatted as one text; without, one by one.
   */
  formatBatch(texts: readonly string[], options: Options, boundary?: string): Promise<string[]> {
    const id = this.nextId++;
    const size = texts.reduce((sum, text) => sum + text.length, 0);
    let target = this.workers.reduce((least, entry) => (entry.queued < least.queued ? entry : least));
    if (target.queued >= growAtBytes && this.workers.length < this.max) target = this.start();
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
