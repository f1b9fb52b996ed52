import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { loadSpecFile } from '../../generator/load/loadSpec';
import { projectRoot } from '../support/runCli';

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
});
