import type { SdkConfig } from '../../config/schema';
import type { Diagnostic } from '../../diagnostics/diagnostic';
import type { EmittedFile } from '../../emit/emittedFile';
import { generateSdk } from '../../pipeline';
import { reportDiagnostics, type Console } from '../console';
import { silentProgress, startProgress } from '../progress';

export interface GeneratedSdk {
  readonly sdk: SdkConfig;
  readonly files: readonly EmittedFile[];
  readonly operations: number;
  readonly models: number;
  readonly seconds: number;
}

export interface GenerateAllOptions {
  /** Warnings count as errors. */
  readonly strict?: boolean;
  /** Skip prettier: for commands that only want the diagnostics. */
  readonly format?: boolean;
  /** Print the stage on stderr once an SDK has taken this long (milliseconds); absent: never. */
  readonly progressAfterMs?: number | undefined;
}

/** One SDK's summary line, as `generate` prints it: `qovery: 554 operations, 724 models, 14 files, 0.9 s`. */
export function summaryLine(generated: GeneratedSdk): string {
  const { sdk, operations, models, files, seconds } = generated;
  return `${sdk.name}: ${operations} operations, ${models} models, ${files.length} files, ${seconds.toFixed(1)} s`;
}

/** With `--strict` every warning is an error. */
export function applyStrict(diagnostics: readonly Diagnostic[], strict: boolean | undefined): Diagnostic[] {
  return diagnostics.map((diagnostic) => (strict ? { ...diagnostic, severity: 'error' } : diagnostic));
}

/**
 * Generates every target in memory and reports all diagnostics; `undefined`
 * when any spec has errors, so that nothing at all is written.
 */
export async function generateAll(
  sdks: readonly SdkConfig[],
  root: string,
  console: Console,
  options: GenerateAllOptions = {},
): Promise<GeneratedSdk[] | undefined> {
  const results: GeneratedSdk[] = [];
  let failed = false;
  for (const sdk of sdks) {
    const started = performance.now();
    const { name: _name, input, output: _output, ...sdkOptions } = sdk;
    const progress =
      options.progressAfterMs === undefined
        ? silentProgress
        : startProgress({ label: sdk.name, write: (line) => console.err(line), delayMs: options.progressAfterMs });
    const result = await generateSdk({
      specPath: input,
      cwd: root,
      options: sdkOptions,
      onStage: (stage) => progress.stage(stage),
      ...(options.format === false ? { format: false } : {}),
    }).finally(() => progress.stop());
    const diagnostics = applyStrict(result.diagnostics, options.strict);
    reportDiagnostics(console, diagnostics);
    if (!result.files || !result.model || diagnostics.some((diagnostic) => diagnostic.severity === 'error')) {
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
