import { join } from 'node:path';
import { generateInto } from './generateInto';

const fixturesFolder = join(__dirname, '..', 'fixtures');

/**
 * Generates the SDK of `test/fixtures/<name>` into a fresh temporary folder
 * (one per call, so parallel test files never share one) and loads its
 * `index.ts`; jest transpiles it like any test module.
 */
export async function loadFixture<T>(name: string): Promise<{ sdk: T; cleanup: () => void }> {
  const generated = await generateInto({ specPath: join(fixturesFolder, name), cwd: fixturesFolder });
  const errors = generated.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
  if (!generated.folder || errors.length > 0) throw new Error(`${name} does not generate: ${JSON.stringify(errors)}`);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const sdk = require(join(generated.folder, 'index.ts')) as T;
  return { sdk, cleanup: generated.cleanup };
}
