import { join } from 'node:path';
import type { Diagnostic } from '../../generator/diagnostics/diagnostic';
import { specLimits } from '../../generator/load/limits';
import { loadSpecFile } from '../../generator/load/loadSpec';
import { buildSdkModel, generateSdk } from '../../generator/pipeline';
import { buildFromFiles, specText, writeTempFiles } from '../support/buildFromText';

/** Writes the files, runs `body` on their folder, cleans up. */
async function inFolder<T>(files: Record<string, string>, body: (folder: string) => Promise<T>): Promise<T> {
  const { folder, cleanup } = writeTempFiles(files);
  try {
    return await body(folder);
  } finally {
    cleanup();
  }
}

/** What loading the file reports. */
async function load(folder: string, file: string): Promise<readonly Diagnostic[]> {
  return (await loadSpecFile(join(folder, file), { cwd: folder })).diagnostics;
}

describe('specs read by js-yaml, or by the yaml library where js-yaml cannot be trusted', () => {
  const yaml = 'openapi: 3.0.3\ninfo:\n  title: T\n  version: "1"\npaths:\n  /a:\n    get:\n      responses: {}\n';

  // Specs js-yaml reads but our rules refuse: the run reports what the yaml path finds, and writes nothing.
  const refused: Record<string, { text: string; code: string; position: { line: number; column: number } }> = {
    'a list as a key': {
      text: `${yaml}x-list:\n  ? [a, b]\n  : c\n`,
      code: 'SDK1008',
      position: { line: 10, column: 5 },
    },
    'an alias as a key': {
      text: `${yaml}x-key: &k name\nx-map: { *k : v }\n`,
      code: 'SDK1008',
      position: { line: 10, column: 10 },
    },
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
      position: { line: 1, column: 1 },
    },
  };
  it.each(Object.entries(refused))('refuses %s, with the yaml path’s diagnostic', async (_name, expected) => {
    await inFolder({ 'openapi.yaml': expected.text }, async (folder) => {
      const loaded = await load(folder, 'openapi.yaml');
      expect(loaded.map((d) => d.code)).toEqual([expected.code]);
      expect(loaded[0]!.position ?? { line: 1, column: 1 }).toEqual(expected.position);
      const generated = await generateSdk({ specPath: 'openapi.yaml', cwd: folder, format: false });
      expect(generated.files).toBeUndefined();
      expect(generated.diagnostics).toEqual(loaded);
      expect((await buildSdkModel({ specPath: 'openapi.yaml', cwd: folder })).diagnostics).toEqual(loaded);
    });
  });

  it('refuses a referenced file our rules refuse', async () => {
    const files = {
      'openapi.yaml': specText({ schemas: 'A:\n  $ref: "./a.yaml#/A"' }),
      'a.yaml': 'A:\n  type: object\n  ? [x]\n  : y\n',
    };
    await inFolder(files, async (folder) => {
      const generated = await generateSdk({ specPath: 'openapi.yaml', cwd: folder, format: false });
      expect(generated.diagnostics.map((d) => [d.code, d.file, d.position])).toEqual([
        ['SDK1008', 'a.yaml', { line: 3, column: 5 }],
      ]);
      expect(generated.files).toBeUndefined();
    });
  });

  it("builds the model from the yaml library's value where js-yaml reads another (a null key)", async () => {
    const text = specText({ schemas: 'Box:\n  type: object\n  properties:\n    ~: { type: string }\n' });
    await inFolder({ 'openapi.yaml': text }, async (folder) => {
      const model = (await buildSdkModel({ specPath: 'openapi.yaml', cwd: folder })).model!;
      const box = model.models.find((candidate) => candidate.name === 'Box');
      expect(JSON.stringify(box)).toContain('""'); // `yaml` reads the key `~` as ''; js-yaml would read 'null'.
      expect(JSON.stringify(box)).not.toContain('"null"');
    });
  });

  it('gives diagnostics of every file of a spec their line and column', async () => {
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
      const modelled = await buildSdkModel({ specPath: 'openapi.yaml', cwd: folder });
      const placed = modelled.diagnostics.filter((d) => d.code === 'SDK3109').map((d) => [d.file, d.position]);
      expect(placed).toEqual([
        ['openapi.yaml', { line: 8, column: 7 }],
        ['b.yaml', { line: 3, column: 3 }],
        ['c.json', { line: 4, column: 5 }],
      ]);
      const generated = await generateSdk({ specPath: 'openapi.yaml', cwd: folder, format: false });
      expect(generated.diagnostics).toEqual(modelled.diagnostics);
      expect((await buildFromFiles(files, 'openapi.yaml')).diagnostics).toEqual(modelled.diagnostics);
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
