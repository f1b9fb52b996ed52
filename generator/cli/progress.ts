/** What a long run is doing, on stderr, so that a terminal does not look stuck. */
export interface Progress {
  /** The run moved on to `stage` (printed only once the delay has passed). */
  stage(stage: string): void;
  /** The run is over: nothing more is printed. */
  stop(): void;
}

export interface ProgressOptions {
  /** Names the run in each line (the SDK's name). */
  readonly label: string;
  readonly write: (line: string) => void;
  /** Quiet until the run has taken this long; a short run prints nothing. */
  readonly delayMs: number;
}

export const silentProgress: Progress = { stage: () => undefined, stop: () => undefined };

/**
 * Prints `label: stage...` for the stage a run is in once it has taken
 * `delayMs`, then each later stage as it starts.
 */
export function startProgress(options: ProgressOptions): Progress {
  let current: string | undefined;
  let late = false;
  let stopped = false;
  const print = (): void => {
    if (current !== undefined) options.write(`${options.label}: ${current}...`);
  };
  const timer = setTimeout(() => {
    late = true;
    print();
  }, options.delayMs);
  timer.unref();
  return {
    stage(stage) {
      if (stopped || stage === current) return;
      current = stage;
      if (late) print();
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
