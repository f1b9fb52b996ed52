import type { SdkConfig } from '../../config/schema';
import type { EmittedFile } from '../../emit/emittedFile';
import { generateSdk } from '../../pipeline';
import { reportDiagnostics, type Console } from '../console';

export interface GeneratedSdk {
  readonly sdk: SdkConfig;
  readonly files: readonly EmittedFile[];
  readonly operations: number;
  readonly models: number;
  readonly seconds: number;
}

/**
 * Generates every target in memory and reports all diagnostics; `undefined`
 * when any spec has errors, so that nothing at all is written.
 */
export async function generateAll(
  sdks: readonly SdkConfig[],
  root: string,
  console: Console,
): Promise<GeneratedSdk[] | undefined> {
  const results: GeneratedSdk[] = [];
  let failed = false;
  for (const sdk of sdks) {
    const started = performance.now();
    const { name: _name, input, output: _output, ...options } = sdk;
    const result = await generateSdk({ specPath: input, cwd: root, options });
    reportDiagnostics(console, result.diagnostics);
    if (!result.files || !result.model) {
      failed = true;
      continue;
    }
    results.push({
      sdk,
      files: result.files,
      operations: result.model.operations.length,
      models: result.model.models.length,
      seconds: (performance.now() - started) / 1000,
    });
  }
  return failed ? undefined : results;
}
