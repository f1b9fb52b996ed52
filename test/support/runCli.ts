import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** The built bin, for tests that start it themselves. */
export const binPath = join(__dirname, '..', '..', 'dist', 'cli', 'main.js');
export const projectRoot = join(__dirname, '..', '..');
const bin = join(projectRoot, 'dist', 'cli', 'main.js');

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunCliOptions {
  /** Flags for node itself, before the bin (`-r preload.cjs`). */
  readonly nodeArgs?: readonly string[];
  /** Another JavaScript runtime than this Node.js (Bun's binary). */
  readonly runtime?: string;
  /** Environment variables set for the child, over this process's. */
  readonly env?: NodeJS.ProcessEnv;
}

/** Runs the built `sdkgen` bin in a child process, as a user's shell or CI would. */
export function runCli(args: readonly string[], cwd: string, options: RunCliOptions = {}): CliRun {
  const result = spawnSync(options.runtime ?? process.execPath, [...(options.nodeArgs ?? []), bin, ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, ...options.env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** `runCli` without blocking: for tests whose own servers must answer the child meanwhile. */
export function runCliAsync(args: readonly string[], cwd: string): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd, timeout: 60_000 });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** The count a preload of test/support (`node -r`) printed on stderr as `<label>: <n>` when the CLI exited. */
export function preloadCount(stderr: string, label: string): number {
  const match = new RegExp(`${label}: (\\d+)`).exec(stderr);
  if (!match) throw new Error(`the preload did not report ${label}: ${stderr}`);
  return Number(match[1]);
}
