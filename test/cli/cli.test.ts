import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeTempFiles } from '../support/buildFromText';
import { projectRoot, runCli } from '../support/runCli';

const seed = readFileSync(join(projectRoot, 'spec', 'openapi.yaml'), 'utf8');
const config = JSON.stringify({ sdks: [{ name: 'qovery', input: 'spec/openapi.yaml', output: 'generated/qovery' }] });

/** A throwaway project laid out like ours: a config file and the seed spec. */
function tempProject(files: Record<string, string> = {}): { folder: string; cleanup: () => void } {
  return writeTempFiles({ 'sdkgen.config.json': config, 'spec/openapi.yaml': seed, ...files });
}

describe('sdkgen generate', () => {
  it('generates every SDK in the config file and prints a summary', () => {
    const { folder, cleanup } = tempProject();
    try {
      const run = runCli(['generate'], folder);
      expect(run.status).toBe(0);
      expect(run.stdout).toMatch(/^qovery: 1 operation, 4 models, \d+ files, \d+\.\d s$/m);
      expect(readFileSync(join(folder, 'generated/qovery/index.ts'), 'utf8')).toContain('createClient');
      expect(existsSync(join(folder, 'generated/qovery/.sdkgen-manifest.json'))).toBe(true);
    } finally {
      cleanup();
    }
  });

  it('generates one SDK from any spec into any folder with -i/-o (and --input/--output)', () => {
    const { folder, cleanup } = tempProject();
    try {
      expect(runCli(['generate', '-i', 'spec/openapi.yaml', '-o', 'out/a'], folder).status).toBe(0);
      expect(runCli(['generate', '--input', 'spec/openapi.yaml', '--output', 'out/b'], folder).status).toBe(0);
      expect(readFileSync(join(folder, 'out/a/client.ts'), 'utf8')).toBe(
        readFileSync(join(folder, 'out/b/client.ts'), 'utf8'),
      );
    } finally {
      cleanup();
    }
  });

  it('exits 1 on a broken spec, naming file:line:col and pointer, and writes nothing', () => {
    const broken = seed.replace(
      "$ref: '#/components/schemas/ContainerRegistryRequest'",
      "$ref: '#/components/schemas/Nope'",
    );
    const { folder, cleanup } = tempProject({ 'spec/openapi.yaml': broken });
    try {
      const run = runCli(['generate'], folder);
      expect(run.status).toBe(1);
      expect(run.stderr).toContain(
        'spec/openapi.yaml:150:15 error SDK2001 at #/paths/~1organization~1{organizationId}~1containerRegistry/post/requestBody/content/application~1json/schema/$ref',
      );
      expect(run.stderr).toContain('hint:');
      expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
      expect(existsSync(join(folder, 'generated'))).toBe(false);
    } finally {
      cleanup();
    }
  });

  it('exits 2 on a usage error', () => {
    const { folder, cleanup } = tempProject();
    try {
      expect(runCli(['generate', '--no-such-flag'], folder).status).toBe(2);
      expect(runCli(['generate', '-i', 'spec/openapi.yaml'], folder).status).toBe(2);
      expect(runCli(['frobnicate'], folder).status).toBe(2);
      expect(runCli([], folder).status).toBe(2);
      const help = runCli(['generate', '--help'], folder);
      expect(help.status).toBe(0);
      expect(help.stdout).toContain('--input <spec>');
    } finally {
      cleanup();
    }
  });

  it('never touches a file it did not write', () => {
    const { folder, cleanup } = tempProject({ 'generated/qovery/NOTES.md': 'mine' });
    try {
      const refused = runCli(['generate'], folder);
      expect(refused.status).toBe(1);
      expect(refused.stderr).toContain('not empty and holds no .sdkgen-manifest.json');
      expect(readdirSync(join(folder, 'generated/qovery'))).toEqual(['NOTES.md']);

      const { folder: other, cleanup: cleanupOther } = tempProject();
      try {
        expect(runCli(['generate'], other).status).toBe(0);
        writeFileSync(join(other, 'generated/qovery/NOTES.md'), 'mine');
        const before = statSync(join(other, 'generated/qovery/client.ts')).mtimeMs;
        expect(runCli(['generate'], other).status).toBe(0);
        expect(readFileSync(join(other, 'generated/qovery/NOTES.md'), 'utf8')).toBe('mine');
        // Unchanged files are not rewritten.
        expect(statSync(join(other, 'generated/qovery/client.ts')).mtimeMs).toBe(before);
      } finally {
        cleanupOther();
      }
    } finally {
      cleanup();
    }
  });
});

describe('sdkgen check', () => {
  it('exits 0 when generated/ matches the spec and 1, naming each file, when the spec changed', () => {
    const { folder, cleanup } = tempProject();
    try {
      expect(runCli(['generate'], folder).status).toBe(0);
      const clean = runCli(['check'], folder);
      expect(clean.status).toBe(0);
      expect(clean.stdout).toContain('generated/qovery is up to date');

      const specPath = join(folder, 'spec/openapi.yaml');
      writeFileSync(specPath, seed.replace('        - AZURE_CR\n', '        - AZURE_CR\n        - QUAY_CR\n'));
      const modelsFile = join(folder, 'generated/qovery/models.ts');
      const before = readFileSync(modelsFile, 'utf8');
      const stale = runCli(['check'], folder);
      expect(stale.status).toBe(1);
      expect(stale.stdout).toContain('changed generated/qovery/models.ts');
      expect(stale.stdout).toContain("+  | 'QUAY_CR'");
      expect(readFileSync(modelsFile, 'utf8')).toBe(before); // check writes nothing
    } finally {
      cleanup();
    }
  });

  it('reports files that generation would add or remove', () => {
    const { folder, cleanup } = tempProject();
    try {
      expect(runCli(['generate'], folder).status).toBe(0);
      // An operation under a new tag adds that tag's file; the seed's only operation gone, its file goes.
      const ping =
        "  /ping:\n    get:\n      tags: [Health]\n      operationId: ping\n      responses:\n        '204':\n          description: Alive\n";
      const withPing = seed.replace(/\npaths:\n[\s\S]*?\ncomponents:/, `\npaths:\n${ping}components:`);
      writeFileSync(join(folder, 'spec/openapi.yaml'), withPing);
      const stale = runCli(['check'], folder);
      expect(stale.status).toBe(1);
      expect(stale.stdout).toContain('added generated/qovery/operations/health.ts');
      expect(stale.stdout).toContain('removed generated/qovery/operations/containerRegistries.ts');
    } finally {
      cleanup();
    }
  });

  it('exits 2 when the spec cannot be generated', () => {
    const { folder, cleanup } = tempProject({ 'spec/openapi.yaml': 'openapi: 3.0.0\ninfo: [' });
    try {
      expect(runCli(['check'], folder).status).toBe(2);
    } finally {
      cleanup();
    }
  });
});
