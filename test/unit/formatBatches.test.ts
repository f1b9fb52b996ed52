import { join } from 'node:path';
import type { EmittedFile } from '../../generator/emit/emittedFile';
import { formatFiles, prettierOptions } from '../../generator/format/formatFiles';
import { FormatterPool } from '../../generator/format/formatterPool';
import { generateSdk } from '../../generator/pipeline';

const root = join(__dirname, '..', '..');
const specs = [
  'spec/openapi.yaml',
  'test/fixtures/runtime/bodies.yaml',
  'test/fixtures/runtime/params.yaml',
  'test/fixtures/runtime/auth.yaml',
  'test/fixtures/read-write-only/openapi.yaml',
];

async function unformatted(specPath: string): Promise<EmittedFile[]> {
  const { files, diagnostics } = await generateSdk({ specPath, cwd: root, format: false });
  if (!files) throw new Error(diagnostics.map((diagnostic) => diagnostic.message).join('\n'));
  return [...files];
}

/** Each file in its own prettier call (prettier itself cannot load inside jest, so it runs in the pool's worker). */
async function eachAlone(files: readonly EmittedFile[]): Promise<string[]> {
  const pool = new FormatterPool(1);
  try {
    return await Promise.all(
      files.map((file) => (file.origin === 'generated' ? pool.format(file.content, prettierOptions) : file.content)),
    );
  } finally {
    await pool.close();
  }
}

// Files are formatted in batches, joined into one prettier call: the result must be what each file alone gives.
describe('formatting in batches', () => {
  const saved = process.env.SDKGEN_CACHE_DIR;
  beforeAll(() => (process.env.SDKGEN_CACHE_DIR = ''));
  afterAll(() => (saved === undefined ? delete process.env.SDKGEN_CACHE_DIR : (process.env.SDKGEN_CACHE_DIR = saved)));

  it('gives every generated file byte for byte what prettier gives it alone', async () => {
    const files = (await Promise.all(specs.map(unformatted))).flatMap((sdk, index) =>
      sdk.map((file) => ({ ...file, path: `${index}/${file.path}` })),
    );
    expect(files.filter((file) => file.origin === 'generated').length).toBeGreaterThan(30);
    const batched = await formatFiles(files, { cwd: root });
    expect(batched.map((file) => file.content)).toEqual(await eachAlone(files));
  });

  it('keeps apart files that end without a newline, in a comment, or hold only comments', async () => {
    const texts = [
      'export const a = {b:1}',
      'export type T = string // trailing comment',
      '// only a comment',
      '/** doc */\nexport interface I {x:number}\n\n\n',
      'export const s = `a\n// sdkgen format boundary not-this-one\nb`;',
      'export {};',
    ];
    const files = texts.map((content, index) => ({ path: `${index}.ts`, content, origin: 'generated' as const }));
    const batched = await formatFiles(files, { cwd: root });
    expect(batched.map((file) => file.content)).toEqual(await eachAlone(files));
  });

  it('reports a file prettier cannot parse rather than splitting the batch wrongly', async () => {
    const files = [
      { path: 'a.ts', content: 'export const a = {b:1}', origin: 'generated' as const },
      { path: 'b.ts', content: 'export const b = (', origin: 'generated' as const },
    ];
    await expect(formatFiles(files, { cwd: root })).rejects.toThrow(/prettier failed on generated code/);
  });
});
