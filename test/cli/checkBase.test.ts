import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeTempFiles } from '../support/buildFromText';
import { runCli } from '../support/runCli';

// A spec in two files: the response schema lives in schemas.yaml, which the root `$ref`s.
const root = `openapi: 3.0.3
info:
  title: Registry API
  version: 1.0.0
paths:
  /registries/{id}:
    get:
      operationId: getRegistry
      parameters:
        - name: id
          in: path
          required: true
          schema:
            type: string
      responses:
        '200':
          description: The registry
          content:
            application/json:
              schema:
                $ref: './schemas.yaml#/Registry'
`;
const schemas = `Registry:
  type: object
  required: [id]
  properties:
    id:
      type: string
    created_at:
      type: string
      format: date-time
`;

function git(folder: string, ...args: string[]): void {
  execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.com', ...args], { cwd: folder });
}

/** A git repository of the folder whose first commit holds the SDKs generated from its config: `check` passes there. */
function generateAndCommit(folder: string): void {
  git(folder, 'init', '-q');
  expect(runCli(['generate'], folder).status).toBe(0);
  git(folder, 'add', '-A');
  git(folder, 'commit', '-q', '-m', 'base');
  expect(runCli(['check', '--base', 'HEAD', '--fail-on', 'breaking'], folder).status).toBe(0);
}

describe('sdkgen check --base <git-ref>', () => {
  it('reports both stale generated code and the changes that break users since the ref', () => {
    const { folder, cleanup } = writeTempFiles({
      'sdkgen.config.json': JSON.stringify({ sdks: [{ name: 'registry', input: 'spec/api.yaml', output: 'sdk' }] }),
      'spec/api.yaml': root,
      'spec/schemas.yaml': schemas,
    });
    try {
      generateAndCommit(folder);

      // The change is in the $ref'd file: the old version of it must come from git.
      writeFileSync(join(folder, 'spec/schemas.yaml'), schemas.replace(/    created_at:\n.*\n.*\n/, ''));
      const stale = runCli(['check', '--base', 'HEAD'], folder);
      expect(stale.status).toBe(1);
      expect(stale.stdout).toContain('registry: sdk is stale; regenerating would change');
      expect(stale.stdout).toContain('registry: spec/api.yaml since HEAD: 1 breaking, 0 non-breaking change(s).');
      expect(stale.stdout).toContain('  Registry.created_at: property removed from a response');
      expect(stale.stdout).toContain('registry: this change breaks users (1 breaking change(s) since HEAD).');

      expect(runCli(['generate'], folder).status).toBe(0);
      expect(runCli(['check', '--base', 'HEAD'], folder).status).toBe(0);
      const breaking = runCli(['check', '--base', 'HEAD', '--fail-on', 'breaking'], folder);
      expect(breaking.status).toBe(1);
      expect(breaking.stdout).toContain('registry: sdk is up to date with spec/api.yaml.');
      expect(breaking.stdout).toContain('this change breaks users');

      const unknownRef = runCli(['check', '--base', 'no-such-branch'], folder);
      expect(unknownRef.status).toBe(2);
      expect(unknownRef.stderr).toContain('--base no-such-branch: no such commit, branch or tag');
    } finally {
      cleanup();
    }
  });

  it('treats a spec that did not exist at the ref as new', () => {
    const { folder, cleanup } = writeTempFiles({ 'README.md': 'first commit\n' });
    try {
      git(folder, 'init', '-q');
      git(folder, 'add', '-A');
      git(folder, 'commit', '-q', '-m', 'before the spec');
      writeFileSync(join(folder, 'api.yaml'), root.replace("$ref: './schemas.yaml#/Registry'", 'type: object'));
      expect(runCli(['generate', '-i', 'api.yaml', '-o', 'sdk'], folder).status).toBe(0);
      const run = runCli(['check', '-i', 'api.yaml', '-o', 'sdk', '--base', 'HEAD', '--fail-on', 'breaking'], folder);
      expect(run.status).toBe(0);
      expect(run.stdout).toContain('api: api.yaml does not exist at HEAD; every operation is new.');
    } finally {
      cleanup();
    }
  });

  it('reads the overlays at the ref too: a change of an overlay alone is stale and compared', () => {
    const overlay = (properties: string): string => `overlay: 1.1.0
info: { title: Fixes, version: 1.0.0 }
actions:
  - target: $.paths['/registries/{id}'].get.responses['200'].content['application/json']
    update:
      schema:
        $ref: '#/components/schemas/Registry'
  - target: $
    update:
      components:
        schemas:
          Registry: { type: object, required: [id], properties: { ${properties} } }
`;
    const { folder, cleanup } = writeTempFiles({
      'sdkgen.config.json': JSON.stringify({
        sdks: [{ name: 'registry', input: 'spec/api.yaml', output: 'sdk', overlays: ['overlays/fixes.yaml'] }],
      }),
      'spec/api.yaml': root,
      'spec/schemas.yaml': schemas,
      'overlays/fixes.yaml': overlay('id: { type: string }, name: { type: string }'),
    });
    try {
      generateAndCommit(folder);

      // Only the overlay changes: the SDK is stale, and the overlay at HEAD is the one compared with.
      writeFileSync(join(folder, 'overlays/fixes.yaml'), overlay('id: { type: string }'));
      const stale = runCli(['check', '--base', 'HEAD'], folder);
      expect(stale.status).toBe(1);
      expect(stale.stdout).toContain('registry: sdk is stale; regenerating would change');
      expect(stale.stdout).toContain('  Registry.name: property removed from a response');
      expect(stale.stdout).toContain('registry: this change breaks users (1 breaking change(s) since HEAD).');
    } finally {
      cleanup();
    }
  });
});
