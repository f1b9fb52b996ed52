import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { GenerateInput } from '../../generator/pipeline';
import { generateInto, type GeneratedSdk } from './generateInto';
import { typecheck } from './typecheck';

export const fixturesFolder = join(__dirname, '..', 'fixtures');

export interface CheckedFixture extends GeneratedSdk {
  /** Type errors of the SDK together with the fixture's `check.ts`, if it has one. */
  readonly typeErrors: readonly string[];
}

/**
 * Generates the SDK of `test/fixtures/<name>/<spec>` into a temporary folder
 * and type-checks it. A fixture's `check.ts` (compile-time assertions that
 * import `./index.js`) is copied next to the SDK and checked with it; each
 * of its `@ts-expect-error` lines fails the check if the line below compiles.
 */
export async function checkFixture(
  name: string,
  options: { spec?: string } & Partial<Omit<GenerateInput, 'specPath' | 'cwd'>> = {},
): Promise<CheckedFixture> {
  const { spec = 'openapi.yaml', ...rest } = options;
  const folder = join(fixturesFolder, name);
  const sdk = await generateInto({ specPath: join(folder, spec), cwd: folder, ...rest });
  if (!sdk.folder) return { ...sdk, typeErrors: [] };
  const entries = [join(sdk.folder, 'index.ts')];
  if (existsSync(join(folder, 'check.ts'))) {
    copyFileSync(join(folder, 'check.ts'), join(sdk.folder, 'check.ts'));
    entries.push(join(sdk.folder, 'check.ts'));
  }
  return { ...sdk, typeErrors: typecheck(sdk.folder, entries).errors };
}
