import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Diagnostic } from '../../generator/diagnostics/diagnostic';
import { specLimits } from '../../generator/load/limits';
import { loadSpecFile } from '../../generator/load/loadSpec';
import { writeTempFiles } from '../support/buildFromText';

const fixtures = join(__dirname, 'fixtures', 'yaml');

async function load(file: string, limits = specLimits()): Promise<Awaited<ReturnType<typeof loadSpecFile>>> {
  return loadSpecFile(join(fixtures, file), { cwd: fixtures, limits });
}

function summary(diagnostics: readonly Diagnostic[]): unknown[][] {
  return diagnostics.map((d) => [d.code, d.file, d.position?.line, d.position?.column, d.pointer]);
}

const head = 'openapi: 3.0.3\ninfo: { title: Deep, version: "1" }\npaths: {}\n';

describe('hostile YAML and JSON', () => {
  it('refuses a billion-laughs alias bomb without expanding it', async () => {
    const { source, diagnostics } = await load('billion-laughs.yaml');
    expect(source).toBeUndefined();
    expect(summary(diagnostics)).toEqual([['SDK1003', 'billion-laughs.yaml', undefined, undefined, undefined]]);
    expect(diagnostics[0]!.message).toMatch(/could not be expanded/);
  });

  it('refuses aliases that stay under the parser guard but expand past the node limit, naming where', async () => {
    // 4 levels of 8 aliases: 4,096 strings, fine by default, refused under a limit of 1,000 values.
    const text = `${head}x-a: &a [s, s, s, s, s, s, s, s]\nx-b: &b [*a, *a, *a, *a, *a, *a, *a, *a]\nx-c: &c [*b, *b, *b, *b, *b, *b, *b, *b]\nx-d: [*c, *c, *c, *c, *c, *c, *c, *c]\n`;
    const { folder, cleanup } = writeTempFiles({ 'openapi.yaml': text });
    try {
      const fine = await loadSpecFile(join(folder, 'openapi.yaml'), { cwd: folder });
      expect(fine.diagnostics).toEqual([]);
      const limited = await loadSpecFile(join(folder, 'openapi.yaml'), {
        cwd: folder,
        limits: specLimits({ maxNodes: 1000 }),
      });
      expect(summary(limited.diagnostics)).toEqual([['SDK1003', 'openapi.yaml', 7, 7, '/x-d/0/4/3/4']]);
      expect(limited.diagnostics[0]!.message).toContain('more than 1000 values');
    } finally {
      cleanup();
    }
  });

  it('refuses a key written twice in one YAML map, naming both positions', async () => {
    const { source, diagnostics } = await load('duplicate-keys.yaml');
    expect(source).toBeUndefined();
    expect(summary(diagnostics)).toEqual([['SDK1006', 'duplicate-keys.yaml', 9, 5, '/components/schemas/Pet']]);
    expect(diagnostics[0]!.message).toBe(
      'The key "Pet" appears twice in the same map; the first is at line 6, column 5.',
    );
  });

  it('refuses a key written twice in one JSON object, which JSON.parse would let through', async () => {
    const { source, diagnostics } = await load('duplicate-keys.json');
    expect(source).toBeUndefined();
    expect(summary(diagnostics)).toEqual([['SDK1006', 'duplicate-keys.json', 8, 7, '/components/schemas/Pet']]);
    expect(diagnostics[0]!.message).toContain('the first is at line 7, column 7');
  });

  it('refuses every tag outside the YAML JSON schema, and keeps the standard ones', async () => {
    const { source, diagnostics } = await load('tags.yaml');
    expect(source).toBeUndefined();
    expect(summary(diagnostics)).toEqual([
      ['SDK1007', 'tags.yaml', 6, 25, '/components/schemas/Code'],
      ['SDK1007', 'tags.yaml', 7, 20, '/components/schemas/Blob'],
      ['SDK1007', 'tags.yaml', 8, 21, '/components/schemas/Custom'],
    ]);
    expect(diagnostics.map((d) => d.message)).toEqual([
      'The YAML tag "tag:yaml.org,2002:js/function" is not allowed in an OpenAPI document.',
      'The YAML tag "tag:yaml.org,2002:binary" is not allowed in an OpenAPI document.',
      'The YAML tag "!vendor" is not allowed in an OpenAPI document.',
    ]);
  });

  it('refuses a map key that is not a scalar', async () => {
    const { diagnostics } = await load('complex-key.yaml');
    expect(summary(diagnostics)).toEqual([['SDK1008', 'complex-key.yaml', 6, 5, '/components/schemas']]);
  });

  it('reads YAML 1.2 whatever a %YAML 1.1 directive says: yes stays a string, << merges nothing', async () => {
    const { source, diagnostics } = await load('yaml-1.1.yaml');
    expect(diagnostics).toEqual([]);
    const schemas = (source!.value as { components: { schemas: Record<string, Record<string, unknown>> } }).components
      .schemas;
    expect(schemas['Answer']!['enum']).toEqual(['yes', 'no', 'on', 'off']);
    expect(schemas['Merged']!['properties']).toBeUndefined();
    expect(Object.keys(schemas['Merged']!)).toEqual(['<<']);
  });

  it.each([
    ['YAML flow lists', (n: number) => `${head}x-deep: ${'['.repeat(n)}${']'.repeat(n)}\n`, 'openapi.yaml'],
    ['YAML flow maps', (n: number) => `${head}x-deep: ${'{a: '.repeat(n)}1${'}'.repeat(n)}\n`, 'openapi.yaml'],
    [
      'YAML block maps',
      (n: number) => `${head}x-deep:\n${Array.from({ length: n }, (_, i) => `${' '.repeat(i + 1)}a:\n`).join('')}`,
      'openapi.yaml',
    ],
    [
      'JSON',
      (n: number) => `{"openapi":"3.0.3","info":{"title":"Deep","version":"1"},"x":${'['.repeat(n)}${']'.repeat(n)}}`,
      'openapi.json',
    ],
  ])('refuses %s nested past the limit with a clear message, deep or very deep', async (kind, text, name) => {
    for (const depth of [300, kind === 'YAML block maps' ? 2_000 : 100_000]) {
      const { folder, cleanup } = writeTempFiles({ [name]: text(depth) });
      try {
        const { source, diagnostics } = await loadSpecFile(join(folder, name), { cwd: folder });
        expect(source).toBeUndefined();
        expect(diagnostics.map((d) => [d.code, d.file, d.message])).toEqual([
          ['SDK1005', name, 'The document nests maps and lists more than 256 levels deep.'],
        ]);
        expect(diagnostics[0]!.position?.line).toBeGreaterThan(0);
      } finally {
        cleanup();
      }
    }
  });

  it('reads nesting up to the limit, and the limit is configurable', async () => {
    const text = `{"openapi":"3.0.3","info":{"title":"Deep","version":"1"},"x":${'['.repeat(255)}${']'.repeat(255)}}`;
    const { folder, cleanup } = writeTempFiles({ 'openapi.json': text });
    try {
      const path = join(folder, 'openapi.json');
      expect((await loadSpecFile(path, { cwd: folder })).diagnostics).toEqual([]);
      const limited = await loadSpecFile(path, { cwd: folder, limits: specLimits({ maxDepth: 10 }) });
      expect(summary(limited.diagnostics)).toEqual([['SDK1005', 'openapi.json', 1, 71, '/x/0/0/0/0/0/0/0/0/0']]);
    } finally {
      cleanup();
    }
  });

  it('refuses a file over the size limit without reading it', async () => {
    const { diagnostics } = await load('duplicate-keys.yaml', specLimits({ maxFileBytes: 100 }));
    expect(diagnostics.map((d) => [d.code, d.file])).toEqual([['SDK1001', 'duplicate-keys.yaml']]);
    expect(diagnostics[0]!.message).toMatch(/^The file is \d+ bytes, more than the limit of 100\.$/);
  });

  it('refuses a FIFO or a device instead of waiting on it forever', async () => {
    const { folder, cleanup } = writeTempFiles({});
    try {
      execFileSync('mkfifo', [join(folder, 'spec.yaml')]);
      const fifo = await loadSpecFile(join(folder, 'spec.yaml'), { cwd: folder });
      expect(fifo.diagnostics.map((d) => [d.code, d.message])).toEqual([['SDK1001', 'It is not a regular file.']]);
      const device = await loadSpecFile('/dev/zero', { cwd: folder });
      expect(device.diagnostics.map((d) => [d.code, d.message])).toEqual([['SDK1001', 'It is not a regular file.']]);
    } finally {
      cleanup();
    }
  });
});
