import { join, relative } from 'node:path';
import type { Diagnostic } from '../../generator/diagnostics/diagnostic';
import type { EmittedFile } from '../../generator/emit/emittedFile';
import { generateSdk } from '../../generator/pipeline';
import { buildFromFiles, specText, writeTempFiles } from '../support/buildFromText';
import { compileSdks, writeSdk } from '../support/compileSdk';
import { declaredModels } from '../support/modelsFile';
import { probeSdk, type Probe } from '../support/probeSdk';
import { projectRoot } from '../support/runCli';

const specPath = relative(projectRoot, join(__dirname, 'fixtures', 'names', 'openapi.yaml'));

describe('names that are reserved, global, inherited, non-ASCII, look-alike or equal but for case', () => {
  let folder: string;
  let cleanup: () => void;
  let files: readonly EmittedFile[];
  let diagnostics: readonly Diagnostic[];
  let errors: string[];
  let probe: Probe;

  beforeAll(async () => {
    ({ folder, cleanup } = writeTempFiles({}));
    const generated = await generateSdk({ specPath, cwd: projectRoot });
    files = generated.files!;
    diagnostics = generated.diagnostics;
    errors = compileSdks(writeSdk(folder, files)).errors;
    probe = await probeSdk(
      folder,
      `const client = sdk.createClient();
       return { exports: Object.keys(sdk).sort(), client: Object.keys(client).sort(), thenable: typeof client.then };`,
    );
  }, 120_000);

  afterAll(() => cleanup());

  const models = (): string[] => declaredModels(files.find((file) => file.path === 'models.ts')!.content);

  it('generates an SDK that compiles under tsc --strict', () => {
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('exports no `then`: `await import()` of the SDK settles, and the client is not a thenable', () => {
    const { exports, client, thenable } = probe.result as { exports: string[]; client: string[]; thenable: string };
    expect(exports).not.toContain('then');
    expect(client).not.toContain('then');
    expect(thenable).toBe('undefined');
    expect(probe.after).toEqual(probe.before);
  });

  it('gives every export and client method a valid, unique identifier that shadows no global', () => {
    const { exports, client } = probe.result as { exports: string[]; client: string[] };
    for (const name of [...exports, ...client]) expect(name).toMatch(/^[A-Za-z_$][A-Za-z0-9_$]*$/);
    expect(new Set(exports).size).toBe(exports.length);
    expect(client).toEqual(
      expect.arrayContaining(['then2', 'request', 'request2', 'constructor2', 'delete2', 'createClient2', 'toString2']),
    );
    expect(exports).toEqual(expect.arrayContaining(['createClient', 'createClient2', 'ApiError', 'PetValues2']));
    for (const global of ['Promise', 'Error', 'Response', 'URL', 'Omit', 'constructor', '__proto__', 'toString']) {
      expect(exports).not.toContain(global);
    }
  });

  it('keeps file names unique ignoring case and clear of names Windows reserves', () => {
    const paths = files.map((file) => file.path);
    expect(new Set(paths.map((path) => path.toLowerCase())).size).toBe(paths.length);
    for (const path of paths) expect(path).not.toMatch(/(^|\/)(con|prn|aux|nul|com\d|lpt\d)\.ts$/i);
    expect(paths).toEqual(expect.arrayContaining(['operations/con2.ts', 'operations/index2.ts']));
    // Models share models.ts, yet keep the names they had when each had a file: renaming them would break imports.
    expect(models()).toEqual(expect.arrayContaining(['Then', 'Then2', 'THEN3', 'Con2']));
  });

  it('folds accents and fullwidth letters to ASCII and keeps look-alikes apart', () => {
    expect(models()).toEqual(expect.arrayContaining(['Unicode', 'Unicode2', 'Unicode3', 'Pet', 'Pet2', 'Et']));
  });

  it('reports every rename as a warning naming the spec name and the emitted one', () => {
    const renames = diagnostics.filter((d) => d.code === 'SDK3001').map((d) => d.message);
    for (const [wanted, emitted] of [
      ['then', 'then2'],
      ['Promise', 'Promise2'],
      ['ApiError', 'ApiError2'],
      ['Con', 'Con2'],
      ['THEN', 'THEN3'],
    ]) {
      expect(renames).toContain(`The name "${wanted}" is taken or reserved in the SDK; it is emitted as "${emitted}".`);
    }
    expect(diagnostics.every((d) => d.severity === 'warning' && d.file === specPath && d.pointer)).toBe(true);
  });

  it('is stable: a second run gives the same files', async () => {
    const again = await generateSdk({ specPath, cwd: projectRoot });
    expect(again.files).toEqual(files);
  });
});

describe('schema names made of digits only', () => {
  it('are named after the schema (Schema404), not after the spec file', async () => {
    const { model, diagnostics } = await buildFromFiles({
      'openapi.yaml': specText({
        schemas: [
          "'404': { type: object, properties: { owner: { $ref: '#/components/schemas/404/properties/child' }, child: { type: string } } }",
          "'2': { type: string }",
          "'200Response': { type: number }",
          "Holder: { type: object, properties: { a: { $ref: '#/components/schemas/2' }, b: { type: array, prefixItems: [{ type: object }] }, c: { $ref: '#/components/schemas/Holder/properties/b/prefixItems/0' } } }",
        ].join('\n'),
      }),
    });
    expect(diagnostics).toEqual([]);
    expect(model!.models.map((named) => [named.pointer, named.name])).toEqual([
      ['/components/schemas/2', 'Schema2'],
      ['/components/schemas/404', 'Schema404'],
      ['/components/schemas/200Response', '_200Response'],
      ['/components/schemas/Holder', 'Holder'],
      ['/components/schemas/404/properties/child', 'Schema404Child'],
      ['/components/schemas/Holder/properties/b/prefixItems/0', 'HolderB'],
    ]);
  });
});
