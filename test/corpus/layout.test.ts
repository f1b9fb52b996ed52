import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { EmittedFile } from '../../generator/emit/emittedFile';
import { prettierOptions } from '../../generator/format/formatFiles';
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

/**
 * The parts of a file that skip prettier: the whole file when the emitters
 * laid out every statement, else the text between the statements left to
 * prettier (each part formats alone as it does in its file, as prettier lays
 * out each statement on its own).
 */
function laidOutParts(file: EmittedFile): string[] {
  const parts: string[] = [];
  let at = 0;
  for (const range of [...(file.unformatted ?? []), { start: file.content.length, end: file.content.length }]) {
    const part = file.content.slice(at, range.start).trim();
    if (part !== '') parts.push(`${part}\n`);
    at = range.end;
  }
  return parts;
}

/** A comment line the generated code never holds, between the texts of a batch. */
const boundary = '// sdkgen layout test boundary';

/** Parts of about 50 kB together: prettier's fixed cost per call is shared, and its cost per text stays linear. */
function batchesOf<T extends { text: string }>(parts: readonly T[]): T[][] {
  const batches: T[][] = [];
  let size = Infinity;
  for (const part of parts) {
    if (size > 50_000) {
      batches.push([]);
      size = 0;
    }
    batches.at(-1)!.push(part);
    size += part.text.length;
  }
  return batches;
}

// The emitters write most statements in prettier's layout and leave only the rest to prettier: what they wrote
// must be what prettier makes of it.
describe('the layout of generated code', () => {
  it('is prettier’s, in every file of every corpus and fixture spec', async () => {
    const pool = new FormatterPool(2);
    const differences: string[] = [];
    const checks: Promise<void>[] = [];
    let checked = 0;
    try {
      for (const spec of allSpecs()) {
        const { files, diagnostics } = await generateSdk({ ...spec, format: false });
        if (!files) {
          // Fixtures of invalid specs have nothing to lay out.
          expect(diagnostics.some((diagnostic) => diagnostic.severity === 'error')).toBe(true);
          continue;
        }
        const parts = files.flatMap((file) =>
          file.origin === 'generated' ? laidOutParts(file).map((text) => ({ path: file.path, text })) : [],
        );
        // Prettier works on batches of texts while the next spec generates.
        for (const batch of batchesOf(parts)) {
          const check = async (): Promise<void> => {
            const texts = batch.map((part) => part.text);
            const prettier = await pool.formatBatch(texts, prettierOptions, boundary);
            batch.forEach((part, index) => {
              checked += part.text.length;
              if (part.text !== prettier[index]) {
                differences.push(`${spec.name} ${part.path} ${firstDifference(part.text, prettier[index]!)}`);
              }
            });
          };
          checks.push(check());
        }
      }
      await Promise.all(checks);
    } finally {
      await pool.close();
    }
    expect(differences).toEqual([]);
    expect(checked).toBeGreaterThan(1_000_000);
  }, 600_000);
});
