import { resolve } from 'node:path';
import { watch } from 'chokidar';
import { startPipelineWorker, type PipelineWorker } from '../../pipelineWorker';
import type { Console } from '../console';
import { ExitCode } from '../exitCodes';
import { resolveTargets, type Targets } from '../targets';
import { generateCommand, type GenerateFlags } from './generate';

/** Edits arrive in bursts (an editor writes, renames, touches): one run after the burst is quiet this long. */
const debounceMs = 150;

/**
 * `sdkgen generate --watch`: generates, then again whenever a spec or any file it
 * `$ref`s changes, printing the summary of each run; stops on Ctrl+C (SIGINT)
 * or SIGTERM with exit code 0. A run with errors writes nothing and keeps watching.
 */
export async function watchCommand(flags: GenerateFlags, cwd: string, console: Console): Promise<ExitCode> {
  const targets = await resolveTargets(flags, cwd); // A usage or config error ends it before any watching.
  // One emitting thread for the session: a regeneration finds ts-morph loaded and its code compiled.
  const thread = { worker: startPipelineWorker() };
  try {
    return await watchTargets(targets, flags, cwd, console, thread);
  } finally {
    await thread.worker.close();
  }
}

async function watchTargets(
  targets: Targets,
  flags: GenerateFlags,
  cwd: string,
  console: Console,
  thread: { worker: PipelineWorker },
): Promise<ExitCode> {
  const inputs = targets.sdks.map((sdk) => resolve(targets.root, sdk.input));
  let watched = new Set(inputs);
  const runOnce = async (): Promise<void> => {
    if (!thread.worker.running()) {
      await thread.worker.close();
      thread.worker = startPipelineWorker(); // The thread failed: the next run gets a new one.
    }
    const next = new Set(inputs);
    await generateCommand(flags, cwd, console, {
      onSpecFiles: (_sdk, files) => files.forEach((file) => next.add(file)),
      worker: thread.worker,
    });
    watched = next;
  };
  await runOnce();
  const watcher = watch([...watched], { ignoreInitial: true });
  await new Promise<void>((ready) => watcher.once('ready', () => ready()));
  const subscribed = new Set(watched);
  // A file the spec starts to `$ref` is watched from the next run on.
  const follow = (): void => {
    const added = [...watched].filter((file) => !subscribed.has(file));
    added.forEach((file) => subscribed.add(file));
    if (added.length > 0) watcher.add(added);
  };
  const announce = () => console.err(`Watching ${watched.size} spec file(s) for changes; press Ctrl+C to stop.`);
  announce();

  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  const start = (): void => {
    if (running) {
      again = true;
      return;
    }
    running = runOnce()
      .then(follow)
      .then(announce)
      .finally(() => {
        running = undefined;
        if (again) {
          again = false;
          start();
        }
      });
  };
  watcher.on('all', () => {
    clearTimeout(timer);
    timer = setTimeout(start, debounceMs);
  });

  await new Promise<void>((done) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      done();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  clearTimeout(timer);
  await watcher.close();
  await running; // A run in progress finishes: its files are written whole.
  console.err('Stopped watching.');
  return ExitCode.Success;
}
