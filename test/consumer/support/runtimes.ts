import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { nodeBinary, type NodeVersion } from '../../support/nodeVersions';
import { rootBin, runOk } from './run';

/** What a runtime made of the scenario: its result, and what it wrote to stderr. */
export interface ScenarioRun {
  readonly result: unknown;
  readonly stderr: string;
}

/** A runtime that runs `projects/runtimes/` (copied to `project`) against the API at `apiUrl`. */
export type Runtime = (project: string, apiUrl: string) => Promise<ScenarioRun>;

/** Long enough for a slow machine; a runtime that hangs (a connection left open) fails instead of stalling jest. */
const limit = 30_000;

/** Node.js, the baseline: the one running jest. */
export const node: Runtime = (project, apiUrl) => runCli(process.execPath, ['cli.mjs', apiUrl, 'node'], project);

/** Another Node.js line, from `test/node-versions`; the server tells its requests apart by `node.name`. */
export const nodeAt =
  (node: NodeVersion): Runtime =>
  (project, apiUrl) =>
    runCli(nodeBinary(node), ['cli.mjs', apiUrl, node.name], project);

/** Bun, from the `bun` package; `--no-install` keeps it from fetching a package it cannot resolve. */
export const bun: Runtime = (project, apiUrl) =>
  runCli(join(rootBin, 'bun'), ['--no-install', 'cli.mjs', apiUrl, 'bun'], project, { DO_NOT_TRACK: '1' });

/**
 * Deno, from the `deno` package, allowed to reach the API's host and port and nothing else (no file, environment
 * or other permission; modules load without one). It resolves the SDKs in `node_modules` by their `exports`;
 * `--no-remote --cached-only` keep it from fetching anything, and its cache stays in the project.
 */
export const deno: Runtime = (project, apiUrl) =>
  runCli(
    join(rootBin, 'deno'),
    ['run', '--no-prompt', '--no-remote', '--cached-only', `--allow-net=${new URL(apiUrl).host}`, 'cli.mjs'].concat([
      apiUrl,
      'deno',
    ]),
    project,
    { DENO_DIR: join(project, '.deno'), DENO_NO_UPDATE_CHECK: '1', NO_COLOR: '1' },
  );

/**
 * workerd, from the `workerd` package: `worker.mjs` bundled by esbuild as wrangler would (the `workerd`, `worker`
 * and `browser` conditions), served on a loopback port that workerd reports on its control fd, and asked to run
 * the scenario by one request. Its fetch reaches 127.0.0.1 only (`workerd.capnp`).
 */
export const workerd: Runtime = async (project, apiUrl) => {
  await runOk(
    join(rootBin, 'esbuild'),
    ['worker.mjs', '--bundle', '--format=esm', '--platform=neutral', '--conditions=workerd,worker,browser'].concat([
      '--outfile=worker.js',
      '--log-level=warning',
    ]),
    project,
  );
  const child = spawn(join(rootBin, 'workerd'), ['serve', 'workerd.capnp', '--control-fd=3'], {
    cwd: project,
    stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = once(child, 'exit');
  try {
    const port = await listeningPort(child.stdio[3] as Readable, exited, () => stderr);
    const response = await fetch(`http://127.0.0.1:${port}/?api=${encodeURIComponent(apiUrl)}`, {
      signal: AbortSignal.timeout(limit),
    });
    const result = (await response.json()) as { failed?: string };
    if (!response.ok) throw new Error(`the worker failed: ${result.failed}\n${stderr}`);
    return { result, stderr };
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
};

/** The port of workerd's `http` socket, from the JSON lines it writes to its control fd. */
async function listeningPort(control: Readable, exited: Promise<unknown>, output: () => string): Promise<number> {
  let text = '';
  const port = new Promise<number>((resolve) =>
    control.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      for (const line of text.split('\n').slice(0, -1)) {
        const event = JSON.parse(line) as { event?: string; socket?: string; port?: number };
        if (event.event === 'listen' && event.socket === 'http' && event.port) resolve(event.port);
      }
    }),
  );
  const failed = exited.then(() => Promise.reject(new Error(`workerd exited before listening:\n${output()}`)));
  return Promise.race([port, failed]);
}

/** Runs `cli.mjs`, which prints the scenario's result as JSON; a failure or a hang fails with the output. */
function runCli(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}) {
  return new Promise<ScenarioRun>((resolve, reject) => {
    execFile(command, args, { cwd, env: { ...process.env, ...env }, timeout: limit }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${command} ${args.join(' ')} failed: ${error.message}\n${stdout}\n${stderr}`));
      else resolve({ result: JSON.parse(stdout) as unknown, stderr });
    });
  });
}
