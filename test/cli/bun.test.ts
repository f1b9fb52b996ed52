import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { writeTempFiles } from '../support/buildFromText';
import { filesOf } from '../support/filesOf';
import { specsFolder } from '../corpus/manifest';
import { projectRoot, runCli } from '../support/runCli';

/** Bun from the `bun` devDependency, as `bunx openapi-sdkgen` runs the bin; it sends no crash report. */
const bun = { runtime: join(projectRoot, 'node_modules', '.bin', 'bun'), env: { DO_NOT_TRACK: '1' } };

describe('sdkgen run by Bun', () => {
  it('generates the whole Qovery SDK byte for byte as Node.js does', () => {
    const { folder, cleanup } = writeTempFiles({});
    try {
      const spec = join(specsFolder, 'qovery', 'openapi.yaml');
      const underBun = runCli(['generate', '-q', '-i', spec, '-o', 'bun'], folder, bun);
      expect([underBun.status, underBun.stderr]).toEqual([0, expect.not.stringContaining('error')]);
      expect(runCli(['generate', '-q', '-i', spec, '-o', 'node'], folder).status).toBe(0);
      const made = filesOf(join(folder, 'bun'));
      expect(Object.keys(made).length).toBeGreaterThan(100);
      expect(made).toEqual(filesOf(join(folder, 'node')));
    } finally {
      cleanup();
    }
  });

  it('reports a broken spec with its position and exits 1, writing nothing', () => {
    const seed = readFileSync(join(projectRoot, 'spec', 'openapi.yaml'), 'utf8');
    const broken = seed.replace(
      "$ref: '#/components/schemas/ContainerRegistryRequest'",
      "$ref: '#/components/schemas/Nope'",
    );
    const { folder, cleanup } = writeTempFiles({ 'spec/openapi.yaml': broken });
    try {
      const run = runCli(['generate', '-i', 'spec/openapi.yaml', '-o', 'out'], folder, bun);
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('spec/openapi.yaml:150:15 error SDK2001');
      expect(readdirSync(folder)).toEqual(['spec']);
    } finally {
      cleanup();
    }
  });
});
