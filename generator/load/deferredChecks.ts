import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Diagnostic, SourcePosition } from '../diagnostics/diagnostic';
import type { CheckAnswer, CheckRequest } from './checkWorker';
import type { SpecLimits } from './limits';

type Job =
  | {
      readonly kind: 'check';
      readonly path: string;
      readonly text: string;
      readonly file: string;
      readonly limits: SpecLimits;
    }
  | { readonly kind: 'locate'; readonly path: string; readonly text?: string; readonly pointers: readonly string[] };

interface Where {
  readonly path: string;
  readonly text: string;
  readonly pointer: string;
}

/**
 * The `yaml` library's work on a run's files, done on a worker thread while
 * the main thread goes on with the values js-yaml read: the checks js-yaml
 * does not make (keys that are lists or aliases, alias expansion, every limit)
 * and the syntax trees that give diagnostics their line and column. One per
 * run; the run settles it before it returns (`settle`) and closes it.
 *
 * A file the worker finds fault with (or reads as another value) makes the
 * whole run void: the caller runs it again without deferred checks, on the
 * `yaml` path, which reports every problem exactly as it always has.
 */
export class DeferredChecks {
  private worker: Worker | undefined;
  private readonly answers = new Map<number, { resolve(answer: CheckAnswer): void; reject(error: Error): void }>();
  private nextId = 0;
  /** Set once the thread failed or stopped. */
  private failure: Error | undefined;
  /** Whether each file whose value came from js-yaml passed, by path. */
  private readonly checks = new Map<string, Promise<boolean>>();
  /** js-yaml's values, by path, until `sendValues` sends them. */
  private readonly values = new Map<string, unknown>();
  /** Files whose text the worker has, by path. */
  private readonly sent = new Set<string>();
  /** Diagnostics made without a position, with where they point; keyed by identity. */
  private readonly unplaced = new Map<Diagnostic, Where>();

  /**
   * Starts the `yaml` checks of a YAML file, as soon as its text is read: the
   * worker parses it while js-yaml does. Then either `compareWith` js-yaml's
   * value (`sendValues` sends it; the worker compares it with the value `yaml`
   * reads and need not read the text with js-yaml again), or `withdraw` when
   * js-yaml's value is not used after all (the file went through the `yaml` path here).
   */
  checkYaml(file: { path: string; text: string; file: string; limits: SpecLimits }): {
    compareWith(value: unknown): void;
    withdraw(): void;
  } {
    this.sent.add(file.path);
    const passed = this.ask({ kind: 'check', ...file }).then(
      (answer) => 'passed' in answer && answer.passed,
      () => false,
    );
    this.checks.set(file.path, passed);
    return {
      compareWith: (value) => this.values.set(file.path, value),
      withdraw: () => {
        this.checks.delete(file.path);
        this.values.delete(file.path);
      },
    };
  }

  /**
   * Sends js-yaml's values to the worker, which compares each with its own
   * once it has read the file. The pipeline sends them once the model went to
   * the emitting thread: copying them (~8 ms for Qovery) is then off the way
   * to the SDK, and the worker is still reading. `settle` sends what is left.
   */
  sendValues(): void {
    for (const [path, value] of this.values) {
      try {
        this.worker?.postMessage({ kind: 'value', path, value } satisfies CheckRequest);
      } catch {
        this.checks.set(path, Promise.resolve(false)); // A value that cannot be sent is not checked.
      }
    }
    this.values.clear();
  }

  /**
   * Notes a diagnostic whose position `settle` fills in. A file the worker
   * does not have yet (JSON) is sent now, so that it is parsed while the run goes on.
   */
  awaitPosition(diagnostic: Diagnostic, where: Where): void {
    this.unplaced.set(diagnostic, where);
    if (this.sent.has(where.path)) return;
    this.sent.add(where.path);
    this.ask({ kind: 'locate', path: where.path, text: where.text, pointers: [] }).catch(() => undefined);
  }

  /**
   * The result of `run` (a run given this object) with every deferred
   * position filled in, once every file it read passed its checks;
   * `undefined` when one did not, or the worker failed: the caller then runs
   * again without deferred checks. An error `run` throws on such a file is
   * dropped with it (js-yaml's value is not to be trusted there).
   */
  async settle<T extends { readonly diagnostics: readonly Diagnostic[] }>(
    run: () => Promise<T>,
  ): Promise<T | undefined> {
    let result: T;
    try {
      result = await run();
    } catch (error) {
      if (await this.passed()) throw error;
      return undefined;
    }
    if (!(await this.passed())) return undefined;
    try {
      return { ...result, diagnostics: await this.placed(result.diagnostics) };
    } catch {
      return undefined;
    }
  }

  private async passed(): Promise<boolean> {
    this.sendValues(); // The worker answers a check only once it has the value.
    return (await Promise.all(this.checks.values())).every(Boolean);
  }

  async close(): Promise<void> {
    this.failure ??= new Error('the checks were closed');
    await this.worker?.terminate();
  }

  private async placed(diagnostics: readonly Diagnostic[]): Promise<Diagnostic[]> {
    const byFile = new Map<string, { text: string; pointers: string[] }>();
    for (const diagnostic of diagnostics) {
      const where = this.unplaced.get(diagnostic);
      if (!where || diagnostic.position) continue;
      const file = byFile.get(where.path) ?? { text: where.text, pointers: [] };
      file.pointers.push(where.pointer);
      byFile.set(where.path, file);
    }
    const positions = new Map<string, SourcePosition | null>();
    await Promise.all(
      [...byFile].map(async ([path, { text, pointers }]) => {
        const answer = await this.ask({ kind: 'locate', path, pointers, ...(this.sent.has(path) ? {} : { text }) });
        if (!('positions' in answer)) throw new Error('the position worker gave no positions');
        pointers.forEach((pointer, index) => positions.set(`${path}#${pointer}`, answer.positions[index] ?? null));
      }),
    );
    return diagnostics.map((diagnostic) => {
      const where = this.unplaced.get(diagnostic);
      const position = where && !diagnostic.position ? positions.get(`${where.path}#${where.pointer}`) : undefined;
      return position ? { ...diagnostic, position } : diagnostic;
    });
  }

  private ask(job: Job): Promise<CheckAnswer> {
    if (this.failure) return Promise.reject(this.failure);
    let worker: Worker;
    try {
      worker = this.worker ??= this.start();
    } catch (error) {
      return Promise.reject(error as Error); // No thread: the run goes on the `yaml` path.
    }
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.answers.set(id, { resolve, reject });
      worker.postMessage({ id, ...job } satisfies CheckRequest);
    });
  }

  private start(): Worker {
    const worker = startCheckWorker();
    worker.on('message', (answer: CheckAnswer) => {
      const waiting = this.answers.get(answer.id);
      this.answers.delete(answer.id);
      if ('error' in answer) waiting?.reject(new Error(answer.error));
      else waiting?.resolve(answer);
    });
    const fail = (error: Error): void => {
      this.failure ??= error; // A thread that stopped answers nothing more.
      for (const waiting of this.answers.values()) waiting.reject(error);
      this.answers.clear();
    };
    worker.on('error', fail);
    worker.on('exit', () => fail(new Error('the check worker stopped')));
    return worker;
  }
}

/**
 * The worker runs `checkWorker`'s compiled JavaScript; from the TypeScript
 * sources (tests, scripts), through tsx, which compiles it on the fly.
 */
function startCheckWorker(): Worker {
  const entry = join(__dirname, `checkWorker${extname(__filename)}`);
  if (!entry.endsWith('.ts')) return new Worker(entry);
  const tsx = require.resolve('tsx/cjs/api');
  return new Worker(`require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(entry)});`, { eval: true });
}
