import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { writeTempFiles } from '../support/buildFromText';
import { projectRoot, runCli } from '../support/runCli';

const fixtures = join(projectRoot, 'test', 'fixtures', 'diff');

interface JsonReport {
  breaking: number;
  nonBreaking: number;
  changes: { kind: string; severity: string; subject: string; detail?: string; message: string }[];
}

function diffJson(oldSpec: string, newSpec: string, cwd = fixtures): JsonReport {
  const run = runCli(['diff', oldSpec, newSpec, '--format', 'json'], cwd);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout) as JsonReport;
}

const summary = (report: JsonReport) => report.changes.map((change) => [change.severity, change.kind, change.subject]);

// Each fixture is base.yaml changed in one way (Qovery's container registry endpoints, cut down).
const cases: [string, string[][]][] = [
  ['operation-removed', [['breaking', 'operation-removed', 'deleteContainerRegistry']]],
  ['operation-renamed', [['breaking', 'operation-renamed', 'listContainerRegistries']]],
  [
    'path-changed',
    [
      ['breaking', 'operation-path-changed', 'deleteContainerRegistry'],
      ['breaking', 'parameter-removed', 'deleteContainerRegistry'],
    ],
  ],
  ['method-changed', [['breaking', 'operation-method-changed', 'editContainerRegistry']]],
  ['property-removed', [['breaking', 'property-removed', 'ContainerRegistryResponse.created_at']]],
  ['property-required-in-request', [['breaking', 'property-required', 'ContainerRegistryRequest.url']]],
  ['type-narrowed-in-request', [['breaking', 'type-narrowed', 'ContainerRegistryRequest.description']]],
  ['enum-value-removed-in-request', [['breaking', 'enum-value-removed', 'ContainerRegistryKindEnum']]],
  ['type-widened-in-response', [['breaking', 'type-widened', 'ContainerRegistryResponse.cluster_count']]],
  ['enum-value-added-in-response', [['breaking', 'enum-value-added', 'ContainerRegistryStatusEnum']]],
  ['required-parameter-added', [['breaking', 'parameter-added', 'listContainerRegistry']]],
  [
    'additions',
    [
      ['non-breaking', 'model-added', 'ContainerRegistryConfig'],
      ['non-breaking', 'enum-value-added', 'ContainerRegistryKindEnum'],
      ['non-breaking', 'property-added', 'ContainerRegistryRequest.config'],
      ['non-breaking', 'property-added', 'ContainerRegistryResponse.updated_at'],
      ['non-breaking', 'operation-added', 'getContainerRegistry'],
      ['non-breaking', 'parameter-added', 'listContainerRegistry'],
    ],
  ],
];

describe('sdkgen diff', () => {
  it.each(cases)('classifies %s', (name, expected) => {
    expect(summary(diffJson('base.yaml', `${name}.yaml`))).toEqual(expected);
  });

  it('reports the reverse of the additions as breaking removals', () => {
    const report = diffJson('additions.yaml', 'base.yaml');
    expect(summary(report)).toEqual(
      [
        ['breaking', 'model-removed', 'ContainerRegistryConfig'],
        ['breaking', 'property-removed', 'ContainerRegistryRequest.config'],
        ['breaking', 'property-removed', 'ContainerRegistryResponse.updated_at'],
        ['breaking', 'operation-removed', 'getContainerRegistry'],
        ['breaking', 'parameter-removed', 'listContainerRegistry'],
        // A value a request may no longer send.
        ['breaking', 'enum-value-removed', 'ContainerRegistryKindEnum'],
      ].sort((a, b) => (a[2]! < b[2]! ? -1 : a[2]! > b[2]! ? 1 : a[1]! < b[1]! ? -1 : 1)),
    );
  });

  it("applies --overlay to both specs: a name the user pins for a vendor's spec is no rename", () => {
    const { folder, cleanup } = writeTempFiles({
      'pin.yaml': [
        'overlay: 1.1.0',
        'info: { title: Pin the list name, version: 1.0.0 }',
        'actions:',
        "  - target: $.paths['/organization/{organizationId}/containerRegistry'].get",
        '    update: { operationId: listContainerRegistry }',
      ].join('\n'),
    });
    try {
      const [base, renamed] = ['base.yaml', 'operation-renamed.yaml'].map((name) => join(fixtures, name));
      const args = ['diff', base!, renamed!, '--fail-on', 'breaking', '--format', 'json'];
      expect(runCli(args, folder).status).toBe(1);
      const pinned = runCli([...args, '--overlay', 'pin.yaml'], folder);
      expect([pinned.status, pinned.stderr]).toEqual([0, '']);
      expect(JSON.parse(pinned.stdout)).toMatchObject({ breaking: 0, nonBreaking: 0, changes: [] });

      // An overlay with errors stops the report, as a spec with errors does.
      const broken = runCli([...args, '--overlay', 'missing.yaml'], folder);
      expect(broken.status).toBe(2);
      expect(broken.stderr).toContain('missing.yaml');
    } finally {
      cleanup();
    }
  });

  it('finds no change between a spec and itself', () => {
    const report = diffJson('base.yaml', 'base.yaml');
    expect(report).toEqual({ breaking: 0, nonBreaking: 0, changes: [] });
  });

  it('prints text, and markdown for a pull-request comment', () => {
    const text = runCli(['diff', 'base.yaml', 'operation-removed.yaml'], fixtures);
    expect(text.stdout).toBe(
      [
        'base.yaml -> operation-removed.yaml: 1 breaking, 0 non-breaking change(s).',
        'Breaking:',
        '  deleteContainerRegistry: operation removed (DELETE /organization/{organizationId}/containerRegistry/{containerRegistryId})',
        '',
      ].join('\n'),
    );
    const markdown = runCli(['diff', 'base.yaml', 'additions.yaml', '--format', 'markdown'], fixtures);
    expect(markdown.status).toBe(0);
    expect(markdown.stdout).toContain('### API changes: base.yaml -\\> additions.yaml');
    expect(markdown.stdout).toContain('**0 breaking**, 6 non-breaking change(s).');
    expect(markdown.stdout).toContain(
      '| where | change |\n| --- | --- |\n| `ContainerRegistryConfig` | type added to the SDK |',
    );
    expect(markdown.stdout).not.toContain('#### Breaking');
  });

  it('--fail-on breaking exits 1 only when something breaks; 2 on a usage or spec error', () => {
    expect(runCli(['diff', 'base.yaml', 'property-removed.yaml', '--fail-on', 'breaking'], fixtures).status).toBe(1);
    expect(runCli(['diff', 'base.yaml', 'additions.yaml', '--fail-on', 'breaking'], fixtures).status).toBe(0);
    expect(runCli(['diff', 'base.yaml'], fixtures).status).toBe(2);
    expect(runCli(['diff', 'base.yaml', 'base.yaml', '--format', 'html'], fixtures).status).toBe(2);
    expect(runCli(['diff', 'base.yaml', 'base.yaml', '--fail-on', 'anything'], fixtures).status).toBe(2);
    const missing = runCli(['diff', 'base.yaml', 'nope.yaml'], fixtures);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('nope.yaml error SDK1001');
  });

  it('scales to the whole Qovery spec: an operation removed and a response enum value added', () => {
    const qovery = join(projectRoot, '..', 'shared', 'specs', 'qovery', 'openapi.yaml');
    const document = parseDocument(readFileSync(qovery, 'utf8'), { uniqueKeys: false });
    const registry = '/organization/{organizationId}/containerRegistry/{containerRegistryId}';
    document.deleteIn(['paths', registry, 'delete']);
    document.addIn(['components', 'schemas', 'StateEnum', 'enum'], 'HIBERNATING');
    const { folder, cleanup } = writeTempFiles({ 'edited.yaml': document.toString({ lineWidth: 0 }) });
    try {
      const report = diffJson(qovery, join(folder, 'edited.yaml'), folder);
      expect(summary(report)).toEqual([
        ['breaking', 'enum-value-added', 'StateEnum'],
        ['breaking', 'operation-removed', 'deleteContainerRegistry'],
      ]);
    } finally {
      cleanup();
    }
  });
});
