/**
 * Runs a command the way a user would (a whole process, cold) and reads its
 * wall time and peak memory from GNU time, so every tool is measured alike.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export interface Sample {
  readonly seconds: number;
  /** User plus system CPU time of the process and its threads and children. */
  readonly cpuSeconds: number;
  readonly peakMb: number;
  /** What the command printed on stdout (tsc prints its errors there). */
  readonly stdout: string;
}

export interface Measured {
  readonly medianSeconds: number;
  readonly medianCpuSeconds: number;
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
  const result = spawnSync(gnuTime, ['-f', '__time__ %e %M %U %S', command, ...args], {
    cwd,
    env: { ...process.env, ...options.env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const match = /__time__ ([\d.]+) (\d+) ([\d.]+) ([\d.]+)\s*$/.exec(result.stderr);
  if (!(options.okExits ?? [0]).includes(result.status ?? -1) || !match) {
    const tail = `${result.stdout}\n${result.stderr}`.trim().split('\n').slice(-8).join('\n');
    throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status}):\n${tail}`);
  }
  return {
    seconds: Number(match[1]),
    peakMb: Number(match[2]) / 1024,
    cpuSeconds: Number(match[3]) + Number(match[4]),
    stdout: result.stdout,
  };
}

/** The median wall and CPU time and the peak memory of some runs of one command. */
export function summarize(samples: readonly Sample[]): Measured {
  const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  return {
    medianSeconds: median(samples.map((sample) => sample.seconds)),
    medianCpuSeconds: median(samples.map((sample) => sample.cpuSeconds)),
    peakMb: Math.max(...samples.map((sample) => sample.peakMb)),
    last: samples[samples.length - 1]!,
  };
}

/**
 * Runs each command `runs` times, in rounds (every command once per round, in
 * turn), so that a change in the machine's load while the benchmark runs
 * weighs on every command alike rather than on whichever ran then.
 * `prepare` runs before each run, outside the timing (to empty an output folder, say).
 */
export function measureInRounds<K>(
  runs: number,
  commands: readonly { key: K; run: () => Sample; prepare?: () => void }[],
): Map<K, Measured | Error> {
  const samples = new Map<K, Sample[]>(commands.map(({ key }) => [key, []]));
  const failures = new Map<K, Error>();
  for (let round = 0; round < runs; round++) {
    for (const { key, run, prepare } of commands) {
      if (failures.has(key)) continue;
      try {
        prepare?.();
        samples.get(key)!.push(run());
      } catch (error) {
        failures.set(key, error as Error);
      }
    }
  }
  return new Map(commands.map(({ key }) => [key, failures.get(key) ?? summarize(samples.get(key)!)]));
}
