import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { EmittedFile } from '../../generator/emit/emittedFile';
import { formatFiles } from '../../generator/format/formatFiles';
import { FormatterPool } from '../../generator/format/formatterPool';
import { generateSdk } from '../../generator/pipeline';
import { fixturesFolder } from '../support/fixtureSdk';
import { readManifest, specsFolder } from './manifest';

interface Spec {
  readonly name: string;
  readonly specPath: string;
  readonly cwd: string;
  readonly refFolder: string;
}

/** Every spec of ../shared/specs and every fixture spec of the project. */
function allSpecs(): Spec[] {
  const corpus = readManifest().map((entry) => ({
    name: entry.name,
    specPath: join(specsFolder, entry.root),
    cwd: specsFolder,
    refFolder: join(specsFolder, entry.root.split('/')[0]!),
  }));
  const fixtures = readdirSync(fixturesFolder).flatMap((folder) =>
    readdirSync(join(fixturesFolder, folder))
      .filter((file) => /\.(ya?ml|json)$/.test(file))
      .map((file) => ({
        name: `fixtures/${folder}/${file}`,
        specPath: join(fixturesFolder, folder, file),
        cwd: join(fixturesFolder, folder),
        refFolder: join(fixturesFolder, folder),
      })),
  );
  return [...corpus, ...fixtures];
}

/** The first line where two texts differ, for a readable failure. */
function firstDifference(ours: string, prettier: string): string {
  const a = ours.split('\n');
  const b = prettier.split('\n');
  const index = a.findIndex((line, at) => line !== b[at]);
  return `line ${index + 1}: ${JSON.stringify(a[index])} (prettier: ${JSON.stringify(b[index])})`;
}

// The emitters write most statements in prettier's layout and only give prettier the rest: every generated file,
// so put together, must be what prettier makes of it.
describe('the layout of generated code', () => {
  const saved = process.env.SDKGEN_CACHE_DIR;
  beforeAll(() => (process.env.SDKGEN_CACHE_DIR = ''));
  afterAll(() => (saved === undefined ? delete process.env.SDKGEN_CACHE_DIR : (process.env.SDKGEN_CACHE_DIR = saved)));

  it('is prettier’s, for every file of every corpus and fixture spec', async () => {
    const pool = new FormatterPool(2);
    const differences: string[] = [];
    let laidOut = 0;
    try {
      for (const spec of allSpecs()) {
        const { files, diagnostics } = await generateSdk({ ...spec, format: false });
        if (!files) {
          // Fixtures of invalid specs have nothing to lay out.
          expect(diagnostics.some((diagnostic) => diagnostic.severity === 'error')).toBe(true);
          continue;
        }
        const generated = await formatFiles(files, { pool });
        const wholeFiles: EmittedFile[] = generated.map(({ unformatted: _, ...file }) => file);
        const prettier = await formatFiles(wholeFiles, { pool });
        generated.forEach((file, index) => {
          if (file.origin !== 'generated') return;
          const skipped = files[index]!.unformatted ?? [];
          laidOut += files[index]!.content.length - skipped.reduce((sum, range) => sum + range.end - range.start, 0);
          if (file.content !== prettier[index]!.content) {
            differences.push(`${spec.name} ${file.path} ${firstDifference(file.content, prettier[index]!.content)}`);
          }
        });
      }
    } finally {
      await pool.close();
    }
    expect(differences).toEqual([]);
    // Most of the text skipped prettier: the check above is about the emitters' layout, not prettier's.
    expect(laidOut).toBeGreaterThan(1_000_000);
  }, 600_000);
});
