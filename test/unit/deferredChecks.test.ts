import { join } from 'node:path';
import type { Diagnostic } from '../../generator/diagnostics/diagnostic';
import { DeferredChecks } from '../../generator/load/deferredChecks';
import { specLimits } from '../../generator/load/limits';
import { loadSpecFile } from '../../generator/load/loadSpec';
import { buildSdkModel, generateSdk } from '../../generator/pipeline';
import { buildFromFiles, specText, writeTempFiles } from '../support/buildFromText';

const note = { code: 'SDK3001', severity: 'warning', message: 'a note' } as const;

/** Writes the files, runs `body` on their folder, cleans up. */
async function inFolder<T>(files: Record<string, string>, body: (folder: string) => Promise<T>): Promise<T> {
  const { folder, cleanup } = writeTempFiles(files);
  try {
    return await body(folder);
  } finally {
    cleanup();
  }
}

/** What loading the file on the `yaml` path reports (the reference). */
async function referenceLoad(folder: string, file: string): Promise<readonly Diagnostic[]> {
  return (await loadSpecFile(join(folder, file), { cwd: folder })).diagnostics;
}

describe('the yaml checks and positions left to a worker thread', () => {
  const yaml = 'openapi: 3.0.3\ninfo:\n  title: T\n  version: "1"\npaths:\n  /a:\n    get:\n      responses: {}\n';
  const json = '{\n  "openapi": "3.0.3",\n  "info": { "title": "T", "version": "1" },\n  "paths": {}\n}\n';

  it.each([
    ['YAML', 'openapi.yaml', yaml, '/paths/~1a/get', { line: 7, column: 5 }],
    ['JSON', 'openapi.json', json, '/info/version', { line: 3, column: 27 }],
  ])('gives a %s file its positions when the run settles', async (_kind, file, text, pointer, position) => {
    await inFolder({ [file]: text }, async (folder) => {
      const checks = new DeferredChecks();
      try {
        const { source } = await loadSpecFile(join(folder, file), { cwd: folder, deferredChecks: checks });
        const diagnostic = source!.diagnosticAt(pointer, note);
        expect(diagnostic.position).toBeUndefined();
        const settled = await checks.settle(async () => ({ diagnostics: [diagnostic] }));
        expect(settled?.diagnostics).toEqual([{ ...note, file, pointer, position }]);
        // The same position as the `yaml` path gives at once.
        const reference = (await loadSpecFile(join(folder, file), { cwd: folder })).source!;
        expect(reference.diagnosticAt(pointer, note).position).toEqual(position);
      } finally {
        await checks.close();
      }
    });
  });

  it('voids a run whose YAML the yaml path refuses, even one that threw', async () => {
    await inFolder({ 'openapi.yaml': `${yaml}? [a, b]\n: c\n` }, async (folder) => {
      const checks = new DeferredChecks();
      try {
        const { source } = await loadSpecFile(join(folder, 'openapi.yaml'), { cwd: folder, deferredChecks: checks });
        expect(source).toBeDefined(); // js-yaml read it
        expect(await checks.settle(async () => ({ diagnostics: [] }))).toBeUndefined();
        expect(await checks.settle(() => Promise.reject(new Error('from a value yaml refuses')))).toBeUndefined();
      } finally {
        await checks.close();
      }
    });
  });

  it.each([
    ['YAML', 'openapi.yaml', yaml],
    ['JSON', 'openapi.json', json],
  ])('voids a run, rather than wait forever, when the worker stopped (%s)', async (_kind, file, text) => {
    await inFolder({ [file]: text }, async (folder) => {
      const checks = new DeferredChecks();
      const { source } = await loadSpecFile(join(folder, file), { cwd: folder, deferredChecks: checks });
      const diagnostic = source!.diagnosticAt('/info', note);
      await checks.close();
      expect(await checks.settle(async () => ({ diagnostics: [diagnostic] }))).toBeUndefined();
    });
  });

  it('compares the value the main thread read with the one the yaml library reads', async () => {
    const text = 'openapi: 3.0.3\ninfo: { title: T, version: "1" }\npaths: {}\n';
    const value = { openapi: '3.0.3', info: { title: 'T', version: '1' }, paths: {} };
    const settle = async (read: unknown): Promise<unknown> => {
      const checks = new DeferredChecks();
      try {
        checks.checkYaml({ path: '/spec.yaml', text, file: 'spec.yaml', limits: specLimits() }).compareWith(read);
        return await checks.settle(async () => ({ diagnostics: [] }));
      } finally {
        await checks.close();
      }
    };
    expect(await settle(value)).toEqual({ diagnostics: [] });
    expect(await settle({ ...value, info: { title: 'T', version: 1 } })).toBeUndefined();
    expect(await settle({ info: value.info, openapi: '3.0.3', paths: {} })).toBeUndefined(); // Keys in another order.
  });

  it('lets the error of a run on a sound file through', async () => {
    await inFolder({ 'openapi.yaml': yaml }, async (folder) => {
      const checks = new DeferredChecks();
      try {
        await loadSpecFile(join(folder, 'openapi.yaml'), { cwd: folder, deferredChecks: checks });
        await expect(checks.settle(() => Promise.reject(new Error('a bug')))).rejects.toThrow('a bug');
      } finally {
        await checks.close();
      }
    });
  });

  // Specs js-yaml reads but the yaml path refuses: the pipeline reports what the yaml path reports, writes nothing.
  const refused: Record<string, { text: string; code: string }> = {
    'a list as a key': { text: `${yaml}x-list:\n  ? [a, b]\n  : c\n`, code: 'SDK1008' },
    'an alias as a key': { text: `${yaml}x-key: &k name\nx-map: { *k : v }\n`, code: 'SDK1008' },
    'an alias that expands past the parser guard': {
      text: [
        yaml,
        'x-a: &a [x, x, x, x, x, x, x, x, x, x]',
        'x-b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
        'x-c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
        'x-d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]',
        'x-e: [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]',
      ].join('\n'),
      code: 'SDK1003',
    },
  };
  it.each(Object.entries(refused))('refuses %s as the yaml path does', async (_name, { text, code }) => {
    await inFolder({ 'openapi.yaml': text }, async (folder) => {
      const expected = await referenceLoad(folder, 'openapi.yaml');
      expect(expected.map((d) => d.code)).toContain(code);
      const generated = await generateSdk({ specPath: 'openapi.yaml', cwd: folder, format: false });
      expect(generated.files).toBeUndefined();
      expect(generated.diagnostics).toEqual(expected);
      expect((await buildSdkModel({ specPath: 'openapi.yaml', cwd: folder })).diagnostics).toEqual(expected);
    });
  });

  it('refuses a referenced file the yaml path refuses, as it always did', async () => {
    const files = {
      'openapi.yaml': specText({ schemas: 'A:\n  $ref: "./a.yaml#/A"' }),
      'a.yaml': 'A:\n  type: object\n  ? [x]\n  : y\n',
    };
    await inFolder(files, async (folder) => {
      const expected = await buildFromFiles(files, 'openapi.yaml');
      expect(expected.diagnostics.map((d) => d.code)).toEqual(['SDK1008']);
      const generated = await generateSdk({ specPath: 'openapi.yaml', cwd: folder, format: false });
      expect(generated.diagnostics).toEqual(expected.diagnostics);
    });
  });

  it("builds the model from the yaml library's value where js-yaml reads another (a null key)", async () => {
    const text = specText({ schemas: 'Box:\n  type: object\n  properties:\n    ~: { type: string }\n' });
    await inFolder({ 'openapi.yaml': text }, async (folder) => {
      const model = (await buildSdkModel({ specPath: 'openapi.yaml', cwd: folder })).model!;
      const expected = (await buildFromFiles({ 'openapi.yaml': text })).model!;
      expect(model).toEqual(expected);
      expect(JSON.stringify(model)).not.toContain('"null"');
    });
  });

  it('gives diagnostics of every file of a spec the positions the yaml path gives', async () => {
    const files = {
      'openapi.yaml': specText({
        schemas: [
          'A:\n  type: object\n  required: [missing]\n  properties: {}',
          'B:\n  $ref: "./b.yaml#/B"',
          'C:\n  $ref: "./c.json#/C"',
        ].join('\n'),
      }),
      'b.yaml': 'B:\n  type: object\n  required: [gone]\n  properties: { here: { type: string } }\n',
      'c.json': '{\n  "C": {\n    "type": "object",\n    "required": ["absent"],\n    "properties": {}\n  }\n}\n',
    };
    await inFolder(files, async (folder) => {
      const expected = await buildFromFiles(files, 'openapi.yaml');
      const placed = expected.diagnostics.filter((d) => d.code === 'SDK3109' && d.position !== undefined);
      expect(placed.map((d) => d.file)).toEqual(['openapi.yaml', 'b.yaml', 'c.json']);
      const modelled = await buildSdkModel({ specPath: 'openapi.yaml', cwd: folder });
      expect(modelled.diagnostics).toEqual(expected.diagnostics);
      const generated = await generateSdk({ specPath: 'openapi.yaml', cwd: folder, format: false });
      expect(generated.diagnostics).toEqual(expected.diagnostics);
    });
  });

  it('keeps the limits on the value js-yaml reads', async () => {
    const deep = `${yaml}x-deep: ${'['.repeat(20)}${']'.repeat(20)}\n`;
    await inFolder({ 'openapi.yaml': deep }, async (folder) => {
      const limits = { maxDepth: 10 };
      const expected = (await loadSpecFile(join(folder, 'openapi.yaml'), { cwd: folder, limits: specLimits(limits) }))
        .diagnostics;
      expect(expected.map((d) => d.code)).toEqual(['SDK1005']);
      expect((await generateSdk({ specPath: 'openapi.yaml', cwd: folder, limits, format: false })).diagnostics).toEqual(
        expected,
      );
    });
  });
});
