import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export const projectRoot = join(__dirname, '..', '..');
const bin = join(projectRoot, 'dist', 'cli', 'main.js');

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the built `sdkgen` bin in a child process, as a user's shell or CI would. */
export function runCli(args: readonly string[], cwd: string): CliRun {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
