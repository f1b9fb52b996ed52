import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeTempFiles } from '../support/buildFromText';
import { binPath } from '../support/runCli';

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

describe('sdkgen generate --watch', () => {
  it('regenerates when a file the spec $refs changes, prints a summary per run and stops on SIGINT', async () => {
    const { folder, cleanup } = writeTempFiles({ 'spec/api.yaml': root, 'spec/schemas.yaml': schemas });
    const child = spawn(process.execPath, [binPath, 'generate', '-i', 'spec/api.yaml', '-o', 'out', '--watch'], {
      cwd: folder,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const model = join(folder, 'out', 'models.ts');
    try {
      await until(() => stderr.includes('Watching 2 spec file(s) for changes'));
      expect(readFileSync(model, 'utf8')).not.toContain('created_at');

      writeFileSync(join(folder, 'spec/schemas.yaml'), `${schemas}    created_at:\n      type: string\n`);
      await until(() => existsSync(model) && readFileSync(model, 'utf8').includes('created_at'));
      await until(() => stdout.match(/^api: 1 operation, 1 model, \d+ files, \d+\.\d s$/gm)?.length === 2);

      child.kill('SIGINT');
      expect(await exited).toBe(0);
      expect(stderr).toContain('Stopped watching.');
    } finally {
      child.kill('SIGKILL');
      cleanup();
    }
  });
});
