import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeTempFiles } from '../support/buildFromText';
import { projectRoot, runCli } from '../support/runCli';

const seed = readFileSync(join(projectRoot, 'spec', 'openapi.yaml'), 'utf8');
const config = JSON.stringify({ sdks: [{ name: 'qovery', input: 'spec/openapi.yaml', output: 'generated/qovery' }] });
const fixtures = join(projectRoot, 'test', 'fixtures', 'diff');

describe('--reporter github', () => {
  it('prints the diagnostics of validate and generate as annotations on stdout', () => {
    const broken = seed.replace(
      "$ref: '#/components/schemas/ContainerRegistryRequest'",
      "$ref: '#/components/schemas/Nope'",
    );
    const { folder, cleanup } = writeTempFiles({ 'sdkgen.config.json': config, 'spec/openapi.yaml': broken });
    try {
      for (const args of [['validate', '-i', 'spec/openapi.yaml'], ['generate']]) {
        const run = runCli([...args, '--reporter', 'github'], folder);
        expect(run.status).toBe(1);
        expect(run.stdout).toMatch(
          /^::error file=spec\/openapi\.yaml,line=150,col=15,title=SDK2001::The reference "#\/components\/schemas\/Nope" is broken: it points to nothing\. \(at #\/paths\/.*\)%0Ahint: Fix the pointer or add the missing component\.$/m,
        );
        expect(run.stderr).not.toContain('error SDK2001');
      }
    } finally {
      cleanup();
    }
  });

  it('prints one error annotation per stale file in check', () => {
    const { folder, cleanup } = writeTempFiles({ 'sdkgen.config.json': config, 'spec/openapi.yaml': seed });
    try {
      expect(runCli(['generate'], folder).status).toBe(0);
      writeFileSync(
        join(folder, 'spec/openapi.yaml'),
        seed.replace('        - AZURE_CR\n', '        - AZURE_CR\n        - QUAY_CR\n'),
      );
      const run = runCli(['check', '--reporter', 'github'], folder);
      expect(run.status).toBe(1);
      const annotations = run.stdout.split('\n').filter((line) => line.startsWith('::'));
      expect(annotations.length).toBeGreaterThan(1);
      expect(annotations).toContain(
        '::error file=generated/qovery/models.ts,title=Stale generated file::qovery: regenerating from spec/openapi.yaml would change this file (changed); run the generator and commit the result.',
      );
      expect(annotations.every((line) => line.startsWith('::error file=generated/qovery/'))).toBe(true);
    } finally {
      cleanup();
    }
  });

  it('prints breaking changes of diff as warnings, or errors with --fail-on breaking', () => {
    const warn = runCli(['diff', 'base.yaml', 'property-removed.yaml', '--reporter', 'github'], fixtures);
    expect(warn.status).toBe(0);
    expect(warn.stdout).toContain(
      '::warning file=property-removed.yaml,title=Breaking change::ContainerRegistryResponse.created_at: property removed from a response',
    );
    const fail = runCli(
      ['diff', 'base.yaml', 'property-removed.yaml', '--reporter', 'github', '--fail-on', 'breaking'],
      fixtures,
    );
    expect(fail.status).toBe(1);
    expect(fail.stdout).toContain('::error file=property-removed.yaml,title=Breaking change::');
    expect(runCli(['diff', 'base.yaml', 'base.yaml', '--reporter', 'gitlab'], fixtures).status).toBe(2);
  });
});
