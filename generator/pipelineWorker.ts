import { extname } from 'node:path';
import { isNativeError } from 'node:util/types';
import { Worker } from 'node:worker_threads';
import type { EmitOptions } from './emit/emitSdk';
import type { EmittedFile } from './emit/emittedFile';
import { FormatterPool, formatterScript } from './format/formatterPool';
import type { SdkModel } from './model/types';

/**
 * The pipeline's second thread. Started with the run, it loads the emitters
 * and ts-morph (a few hundred milliseconds) while the main thread loads,
 * resolves and models the spec; it then emits the SDK from the model (plain
 * data, copied to it) and, as the first of the formatter's workers, runs
 * prettier on what needs it.
 */
export interface PipelineWorker {
  /** Every file of the SDK, unformatted (see `emitSdk`); rejects with the emitters' own error. */
  emit(model: SdkModel, options: EmitOptions): Promise<EmittedFile[]>;
  /** Prettier's workers, this thread first; `undefined` when there is no thread (`formatFiles` starts its own). */
  formatter(): FormatterPool | undefined;
  /** Whether it can still emit: not closed, and its thread has not failed. */
  running(): boolean;
  close(): Promise<void>;
}

/** The emitters as compiled JavaScript; from TypeScript sources (under ts-jest) there is none for a thread to run. */
const emitModule = require.resolve('./emit/emitSdk');

/**
 * Starts the thread, or, where one cannot run the emitters (TypeScript
 * sources), returns an emitter that runs them in this thread when asked.
 */
export function startPipelineWorker(): PipelineWorker {
  if (extname(emitModule) !== '.js') return inThisThread();
  return new EmitThread();
}

function inThisThread(): PipelineWorker {
  return {
    // Required here, not at the top: loading the pipeline must not load ts-morph.
    emit: async (model, options) =>
      (require('./emit/emitSdk') as typeof import('./emit/emitSdk')).emitSdk(model, options),
    formatter: () => undefined,
    running: () => true,
    close: async () => undefined,
  };
}

/** The thread's code: the formatter's, plus one `emit` job. */
function emitThreadScript(): string {
  return `${formatterScript()}
const { emitSdk } = require(${JSON.stringify(emitModule)});
parentPort.on('message', ({ emit }) => {
  if (emit === undefined) return;
  let reply;
  try {
    reply = { emitted: emitSdk(emit.model, emit.options) };
  } catch (error) {
    reply = { emitError: error };
  }
  try {
    parentPort.postMessage(reply);
  } catch (unsendable) {
    const error = 'emitError' in reply ? reply.emitError : unsendable;
    parentPort.postMessage({ emitError: String((error && error.stack) || error) });
  }
});`;
}

class EmitThread implements PipelineWorker {
  private readonly worker: Worker;
  private pool: FormatterPool | undefined;
  /** Set once the thread failed or stopped: the error a later `emit` rejects with. */
  private failure: Error | undefined;
  private pending: { resolve(files: EmittedFile[]): void; reject(error: unknown): void } | undefined;

  constructor() {
    this.worker = new Worker(emitThreadScript(), { eval: true });
    this.worker.on('message', (message: { emitted?: EmittedFile[]; emitError?: unknown }) => {
      if (!('emitted' in message) && !('emitError' in message)) return; // A formatting job's answer.
      const pending = this.pending;
      this.pending = undefined;
      if (message.emitted) pending?.resolve(message.emitted);
      else pending?.reject(asError(message.emitError));
    });
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', (code) => this.fail(new Error(`The emitting thread stopped (exit code ${code}).`)));
  }

  private fail(error: Error): void {
    this.failure ??= error;
    this.pending?.reject(error);
    this.pending = undefined;
  }

  emit(model: SdkModel, options: EmitOptions): Promise<EmittedFile[]> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.pending) return Promise.reject(new Error('The emitting thread emits one SDK at a time.'));
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject };
      this.worker.postMessage({ emit: { model, options } });
    });
  }

  formatter(): FormatterPool {
    this.pool ??= new FormatterPool(0, { adopt: [this.worker] });
    return this.pool;
  }

  running(): boolean {
    return this.failure === undefined;
  }

  async close(): Promise<void> {
    this.failure ??= new Error('The emitting thread was closed.');
    await Promise.all([this.worker.terminate(), this.pool?.close()]);
  }
}

/** An error from the thread is copied as an `Error` (message and stack kept); anything else thrown becomes one. */
function asError(thrown: unknown): Error {
  return isNativeError(thrown) ? thrown : new Error(String(thrown));
}
