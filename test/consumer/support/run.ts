import { execFile } from 'node:child_process';
import { join } from 'node:path';

/** The project's root: typescript, @types/node and the linters come from its node_modules. */
export const projectRoot = join(__dirname, '..', '..', '..');
export const rootBin = join(projectRoot, 'node_modules', '.bin');

export interface RunResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs a command without a shell and without blocking the event loop, so
 * that a loopback server in the test process can answer the child. The root
 * `node_modules/.bin` comes first on PATH (tsc, publint, attw); npm never
 * reaches a registry (`--offline` where it would).
 */
export function run(
  command: string,
  args: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv = {},
): Promise<RunResult> {
  return new Promise((resolve) => {
    execFile(
      command,
      args,
      {
        cwd,
        env: {
          ...process.env,
          PATH: `${rootBin}:${process.env['PATH'] ?? ''}`,
          npm_config_audit: 'false',
          npm_config_fund: 'false',
          npm_config_update_notifier: 'false',
          NO_COLOR: '1',
          ...env,
        },
        maxBuffer: 16 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** Like `run`, but a non-zero exit fails with the command's output. */
export async function runOk(
  command: string,
  args: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv = {},
): Promise<RunResult> {
  const result = await run(command, args, cwd, env);
  if (result.code !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} (in ${cwd}) exited with ${result.code}\n${result.stdout}\n${result.stderr}`,
    );
  }
  return result;
}
