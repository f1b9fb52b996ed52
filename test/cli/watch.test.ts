import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeTempFiles } from '../support/buildFromText';
import { binPath, preloadCount, projectRoot } from '../support/runCli';

const root = `openapi: 3.0.3
info:
  title: Registry API
  version: 1.0.0
paths:
  /registries:
    get:
      operationId: listRegistries
      responses:
        '200':
          description: The registries
          content:
            application/json:
              schema:
                $ref: './schemas.yaml#/Registry'
`;
const schemas = `Registry:
  type: object
  properties:
    id:
      type: string
`;

/** Polls until `condition` holds (the test's own timeout bounds the wait). */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 50));
}

/** `sdkgen generate --watch -i <spec> -o out` in `folder`, its output gathered as it comes. */
function startWatching(folder: string, spec: string, nodeArgs: readonly string[] = [], flags: readonly string[] = []) {
  const args = [...nodeArgs, binPath, 'generate', '-i', spec, '-o', 'out', '--watch', ...flags];
  const child = spawn(process.execPath, args, { cwd: folder });
  const output = { stdout: '', stderr: '' };
  child.stdout.on('data', (chunk: Buffer) => (output.stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output.stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output, exited };
}

describe('sdkgen generate --watch', () => {
  it('regenerates when a file the spec $refs changes, prints a summary per run and stops on SIGINT', async () => {
    const { folder, cleanup } = writeTempFiles({ 'spec/api.yaml': root, 'spec/schemas.yaml': schemas });
    const { child, output, exited } = startWatching(folder, 'spec/api.yaml');
    const model = join(folder, 'out', 'models.ts');
    try {
      await until(() => output.stderr.includes('Watching 2 spec file(s) for changes'));
      expect(readFileSync(model, 'utf8')).not.toContain('created_at');

      writeFileSync(join(folder, 'spec/schemas.yaml'), `${schemas}    created_at:\n      type: string\n`);
      await until(() => existsSync(model) && readFileSync(model, 'utf8').includes('created_at'));
      await until(() => output.stdout.match(/^api: 1 operation, 1 model, \d+ files, \d+\.\d s$/gm)?.length === 2);

      child.kill('SIGINT');
      expect(await exited).toBe(0);
      expect(output.stderr).toContain('Stopped watching.');
    } finally {
      child.kill('SIGKILL');
      cleanup();
    }
  });

  it('emits every regeneration of the session on one thread (ts-morph loads once)', async () => {
    const spec = (property: string): string =>
      `${root.replace("$ref: './schemas.yaml#/Registry'", "$ref: '#/components/schemas/Registry'")}components:\n  schemas:\n    Registry: { type: object, properties: { ${property}: { type: string } } }\n`;
    const { folder, cleanup } = writeTempFiles({ 'api.yaml': spec('first') });
    const preload = ['-r', join(projectRoot, 'test', 'support', 'emitThreads.cjs')];
    const { child, output, exited } = startWatching(folder, 'api.yaml', preload);
    const models = join(folder, 'out', 'models.ts');
    try {
      await until(() => output.stderr.includes('Watching 1 spec file(s)'));
      for (const [round, property] of ['second', 'third'].entries()) {
        writeFileSync(join(folder, 'api.yaml'), spec(property));
        const summaries = (): number => output.stdout.match(/^api: /gm)?.length ?? 0;
        await until(() => summaries() === round + 2 && readFileSync(models, 'utf8').includes(property));
      }
      child.kill('SIGINT');
      expect(await exited).toBe(0);
      expect(preloadCount(output.stderr, 'emitting threads started')).toBe(1);
    } finally {
      child.kill('SIGKILL');
      cleanup();
    }
  });

  it('regenerates when an overlay changes, and follows it from the first run', async () => {
    const overlay = (property: string): string => `overlay: 1.1.0
info: { title: Extra model, version: 1.0.0 }
actions:
  - target: $
    update:
      components:
        schemas:
          Extra: { type: object, properties: { ${property}: { type: string } } }
`;
    const { folder, cleanup } = writeTempFiles({
      'spec/api.yaml': root,
      'spec/schemas.yaml': schemas,
      'extra.yaml': overlay('first'),
    });
    const { child, output, exited } = startWatching(folder, 'spec/api.yaml', [], ['--overlay', 'extra.yaml']);
    const model = join(folder, 'out', 'models.ts');
    try {
      await until(() => output.stderr.includes('Watching 3 spec file(s) for changes'));
      expect(readFileSync(model, 'utf8')).toContain('first?: string;');

      writeFileSync(join(folder, 'extra.yaml'), overlay('second'));
      await until(() => existsSync(model) && readFileSync(model, 'utf8').includes('second?: string;'));
      child.kill('SIGINT');
      expect(await exited).toBe(0);
    } finally {
      child.kill('SIGKILL');
      cleanup();
    }
  });
});
