import { join } from 'node:path';
import { writeTempFiles } from '../support/buildFromText';
import { projectRoot, runCli } from '../support/runCli';

const preload = ['-r', join(projectRoot, 'test', 'support', 'heavyModules.cjs')];

/** How many files of ts-morph and prettier the main thread loaded. */
function heavyModules(stderr: string): number {
  const match = /heavy modules loaded: (\d+)/.exec(stderr);
  if (!match) throw new Error(`the preload did not report: ${stderr}`);
  return Number(match[1]);
}

/** Which heavy dependencies each thread loaded, as `ts-morph loaded in a worker thread`. */
function loads(stderr: string): string[] {
  return [...stderr.matchAll(/^(.+) loaded in (.+)$/gm)].map((match) => match[0]).sort();
}

describe('startup', () => {
  it.each([[['--help']], [['generate', '--help']], [['check', '--help']], [['validate', '--help']], [['nope']]])(
    '%j answers without loading ts-morph or prettier',
    (args) => {
      const run = runCli(args, projectRoot, { nodeArgs: preload });
      expect(run.stdout + run.stderr).toContain('sdkgen');
      expect(heavyModules(run.stderr)).toBe(0);
      expect(loads(run.stderr)).toEqual([]);
    },
  );

  it('generate loads ts-morph in a worker thread, not in the main thread, and prettier only when it has something to format', () => {
    const { folder, cleanup } = writeTempFiles({});
    try {
      const run = runCli(['generate', '-i', join(projectRoot, 'spec', 'openapi.yaml'), '-o', 'out'], folder, {
        nodeArgs: preload,
      });
      expect(run.status).toBe(0);
      expect(heavyModules(run.stderr)).toBe(0);
      expect(loads(run.stderr)).toContain('ts-morph loaded in a worker thread');
      expect(loads(run.stderr).filter((line) => line.endsWith('in the main thread'))).toEqual([]);
      // The emitters write the whole Qovery SDK in prettier's layout with its doc printer: prettier itself never loads.
      expect(loads(run.stderr)).toContain('prettier/doc loaded in a worker thread');
      expect(loads(run.stderr)).not.toContain('prettier loaded in a worker thread');
    } finally {
      cleanup();
    }
  });

  it('generate starts the emitting thread before it loads the pipeline, so ts-morph loads while the spec is read', () => {
    const { folder, cleanup } = writeTempFiles({});
    try {
      const run = runCli(['generate', '-i', join(projectRoot, 'spec', 'openapi.yaml'), '-o', 'out'], folder, {
        nodeArgs: ['-r', join(projectRoot, 'test', 'support', 'workerStart.cjs')],
      });
      expect(run.status).toBe(0);
      expect(run.stderr).toContain('first worker started before the pipeline loaded');
    } finally {
      cleanup();
    }
  });

  it('validate reports without emitting: neither ts-morph nor prettier loads, in any thread', () => {
    const run = runCli(['validate', '-i', 'spec/openapi.yaml'], projectRoot, { nodeArgs: preload });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('spec/openapi.yaml: 0 error(s)');
    expect(heavyModules(run.stderr)).toBe(0);
    expect(loads(run.stderr)).toEqual([]);
  });
});
