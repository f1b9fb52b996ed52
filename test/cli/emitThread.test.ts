import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeTempFiles } from '../support/buildFromText';
import { preloadCount, projectRoot, runCli } from '../support/runCli';

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

describe('one emitting thread for every SDK of a config', () => {
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
      expect(preloadCount(run.stderr, 'emitting threads started')).toBe(1);
    } finally {
      cleanup();
    }
  });
});
