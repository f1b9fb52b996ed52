/**
 * Runs a command the way a user would (a whole process, cold) and reads its
 * wall time and peak memory from GNU time, so every tool is measured alike.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export interface Sample {
  readonly seconds: number;
  readonly peakMb: number;
  /** What the command printed on stdout (tsc prints its errors there). */
  readonly stdout: string;
}

export interface Measured {
  readonly medianSeconds: number;
  readonly peakMb: number;
  readonly last: Sample;
}

const gnuTime = '/usr/bin/time';

export function requireGnuTime(): void {
  if (!existsSync(gnuTime)) {
    throw new Error('The benchmark needs GNU time for peak memory: `sudo apt-get install -y time`.');
  }
}

/** `okExits`: exit codes that still count as a run (tsc exits 2 when it reports type errors). */
export function runOnce(
  command: string,
  args: readonly string[],
  cwd: string,
  options: { env?: NodeJS.ProcessEnv; okExits?: readonly number[] } = {},
): Sample {
  const result = spawnSync(gnuTime, ['-f', '__time__ %e %M', command, ...args], {
    cwd,
    env: { ...process.env, ...options.env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const match = /__time__ ([\d.]+) (\d+)\s*$/.exec(result.stderr);
  if (!(options.okExits ?? [0]).includes(result.status ?? -1) || !match) {
    const tail = `${result.stdout}\n${result.stderr}`.trim().split('\n').slice(-8).join('\n');
    throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status}):\n${tail}`);
  }
  return { seconds: Number(match[1]), peakMb: Number(match[2]) / 1024, stdout: result.stdout };
}

/** `prepare` runs before every run (outside the timing), e.g. to empty the output folder. */
export function measure(runs: number, run: () => Sample, prepare?: () => void): Measured {
  const samples: Sample[] = [];
  for (let index = 0; index < runs; index++) {
    prepare?.();
    samples.push(run());
  }
  const seconds = samples.map((sample) => sample.seconds).sort((a, b) => a - b);
  return {
    medianSeconds: seconds[Math.floor(seconds.length / 2)]!,
    peakMb: Math.max(...samples.map((sample) => sample.peakMb)),
    last: samples[samples.length - 1]!,
  };
}
