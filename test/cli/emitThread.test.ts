import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeTempFiles } from '../support/buildFromText';
import { binPath, projectRoot, runCli } from '../support/runCli';

const preload = ['-r', join(projectRoot, 'test', 'support', 'emitThreads.cjs')];

const spec = (title: string, property: string): string => `openapi: 3.0.3
info: { title: ${title}, version: 1.0.0 }
paths:
  /items:
    get:
      operationId: listItems
      responses:
        '200':
          description: The items
          content:
            application/json:
              schema: { $ref: '#/components/schemas/Item' }
components:
  schemas:
    Item: { type: object, properties: { ${property}: { type: string } } }
`;

function emittingThreads(stderr: string): number {
  const match = /emitting threads started: (\d+)/.exec(stderr);
  if (!match) throw new Error(`the preload did not report: ${stderr}`);
  return Number(match[1]);
}

/** Polls until `condition` holds (the test's own timeout bounds the wait). */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 50));
}

describe('one emitting thread for all the SDKs of a run', () => {
  it('generates every SDK of a config on one thread', () => {
    const config = {
      sdks: [
        { name: 'first', input: 'first.yaml', output: 'out/first' },
        { name: 'second', input: 'second.yaml', output: 'out/second' },
      ],
    };
    const { folder, cleanup } = writeTempFiles({
      'sdkgen.config.json': JSON.stringify(config),
      'first.yaml': spec('First', 'alpha'),
      'second.yaml': spec('Second', 'beta'),
    });
    try {
      const run = runCli(['generate'], folder, { nodeArgs: preload });
      expect(run.status).toBe(0);
      expect(readFileSync(join(folder, 'out/first/models.ts'), 'utf8')).toContain('alpha');
      expect(readFileSync(join(folder, 'out/second/models.ts'), 'utf8')).toContain('beta');
      expect(emittingThreads(run.stderr)).toBe(1);
    } finally {
      cleanup();
    }
  });

  it('keeps one thread through a watch session, whatever the regenerations', async () => {
    const { folder, cleanup } = writeTempFiles({ 'api.yaml': spec('Api', 'first') });
    const child = spawn(process.execPath, [...preload, binPath, 'generate', '-i', 'api.yaml', '-o', 'out', '--watch'], {
      cwd: folder,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const summaries = (): number => stdout.match(/^api: /gm)?.length ?? 0;
    const models = join(folder, 'out', 'models.ts');
    try {
      await until(() => stderr.includes('Watching 1 spec file(s)'));
      for (const [round, property] of ['second', 'third'].entries()) {
        writeFileSync(join(folder, 'api.yaml'), spec('Api', property));
        await until(() => summaries() === round + 2 && readFileSync(models, 'utf8').includes(property));
      }
      child.kill('SIGINT');
      expect(await exited).toBe(0);
      expect(emittingThreads(stderr)).toBe(1);
    } finally {
      child.kill('SIGKILL');
      cleanup();
    }
  });
});
