import { join } from 'node:path';
import { projectRoot, runCli } from '../support/runCli';

const preload = ['-r', join(projectRoot, 'test', 'support', 'heavyModules.cjs')];

function heavyModules(stderr: string): number {
  const match = /heavy modules loaded: (\d+)/.exec(stderr);
  if (!match) throw new Error(`the preload did not report: ${stderr}`);
  return Number(match[1]);
}

describe('startup', () => {
  it.each([[['--help']], [['generate', '--help']], [['check', '--help']], [['validate', '--help']], [['nope']]])(
    '%j answers without loading ts-morph or prettier',
    (args) => {
      const run = runCli(args, projectRoot, { nodeArgs: preload });
      expect(run.stdout + run.stderr).toContain('sdkgen');
      expect(heavyModules(run.stderr)).toBe(0);
    },
  );

  it('loads them when a command actually runs', () => {
    const run = runCli(['validate', '-i', 'spec/openapi.yaml'], projectRoot, { nodeArgs: preload });
    expect(run.status).toBe(0);
    expect(heavyModules(run.stderr)).toBeGreaterThan(0);
  });
});
