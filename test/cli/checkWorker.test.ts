import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { loadSpecFile } from '../../generator/load/loadSpec';
import { writeTempFiles } from '../support/buildFromText';
import { projectRoot, runCli } from '../support/runCli';

const preload = ['-r', join(projectRoot, 'test', 'support', 'yamlModules.cjs')];

function yamlModules(stderr: string): number {
  const match = /yaml modules on the main thread: (\d+)/.exec(stderr);
  if (!match) throw new Error(`the preload did not report: ${stderr}`);
  return Number(match[1]);
}

describe('the built generator', () => {
  it('runs the yaml checks on their worker thread and places a diagnostic where the yaml path does', async () => {
    const spec = join(projectRoot, 'spec', 'openapi.yaml');
    const pointer = '/components/schemas';
    const script = `
      const { DeferredChecks } = require('./dist/load/deferredChecks.js');
      const { loadSpecFile } = require('./dist/load/loadSpec.js');
      (async () => {
        const checks = new DeferredChecks();
        const { source } = await loadSpecFile(${JSON.stringify(spec)}, { cwd: '.', deferredChecks: checks });
        const note = source.diagnosticAt(${JSON.stringify(pointer)}, { code: 'SDK3001', severity: 'warning', message: 'm' });
        const settled = await checks.settle(async () => ({ diagnostics: [note] }));
        await checks.close();
        process.stdout.write(JSON.stringify({ before: note.position ?? null, settled: settled ?? null }));
      })();`;
    const output = JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: projectRoot, encoding: 'utf8' }));
    const reference = (await loadSpecFile(spec, { cwd: projectRoot })).source!.locate(pointer);
    expect(reference).toBeDefined();
    expect(output.before).toBeNull();
    expect(output.settled.diagnostics[0].position).toEqual(reference);
  });

  it('leaves the yaml library to the worker for a sound YAML spec, and reads a faulty one with it', () => {
    const { folder, cleanup } = writeTempFiles({
      'sound.yaml': 'openapi: 3.0.3\ninfo: { title: T, version: "1" }\npaths: {}\n',
      'faulty.yaml': 'openapi: 3.0.3\ninfo: { title: T, version: "1" }\npaths: {}\nx-list:\n  ? [a, b]\n  : c\n',
    });
    try {
      const sound = runCli(['validate', '-i', 'sound.yaml'], folder, { nodeArgs: preload });
      expect(sound.status).toBe(0);
      expect(yamlModules(sound.stderr)).toBe(0);
      const generated = runCli(['generate', '-i', 'sound.yaml', '-o', 'out'], folder, { nodeArgs: preload });
      expect(generated.status).toBe(0);
      expect(yamlModules(generated.stderr)).toBe(0);
      const faulty = runCli(['validate', '-i', 'faulty.yaml'], folder, { nodeArgs: preload });
      expect(faulty.status).toBe(1);
      expect(faulty.stdout + faulty.stderr).toContain('SDK1008');
      expect(yamlModules(faulty.stderr)).toBeGreaterThan(0);
    } finally {
      cleanup();
    }
  });
});
