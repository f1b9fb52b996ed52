import type { GenerateOptions, SdkConfig } from '../../config/schema';
import type { Diagnostic } from '../../diagnostics/diagnostic';
import type { EmittedFile } from '../../emit/emittedFile';
import type { SdkModel } from '../../model/types';
import { generateSdk, type PipelineStage } from '../../pipeline';
import { startPipelineWorker, type PipelineWorker } from '../../pipelineWorker';
import { reportDiagnostics, type Console } from '../console';
import { silentProgress, startProgress } from '../progress';

export interface GeneratedSdk {
  readonly sdk: SdkConfig;
  readonly model: SdkModel;
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
  /** Told which local files each SDK's spec is made of, as far as they were read (for `--watch`). */
  readonly onSpecFiles?: ((sdk: SdkConfig, files: readonly string[]) => void) | undefined;
  /** Told when each SDK's run reaches a stage. */
  readonly onStage?: ((stage: PipelineStage) => void) | undefined;
  /** The pipeline thread, started ahead by the caller, for every SDK in turn; the caller closes it. */
  readonly worker?: PipelineWorker | undefined;
}

/** One SDK's summary line, as `generate` prints it: `qovery: 554 operations, 724 models, 14 files, 0.9 s`. */
export function summaryLine(generated: GeneratedSdk): string {
  const { sdk, operations, models, files, seconds } = generated;
  const counted = [count(operations, 'operation'), count(models, 'model'), count(files.length, 'file')];
  return `${sdk.name}: ${counted.join(', ')}, ${seconds.toFixed(1)} s`;
}

function count(amount: number, noun: string): string {
  return `${amount} ${noun}${amount === 1 ? '' : 's'}`;
}

/** The settings the pipeline takes from one SDK of the config: all but its name, input and output. */
export function generateOptions(sdk: SdkConfig): GenerateOptions {
  const { name: _name, input: _input, output: _output, ...options } = sdk;
  return options;
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
  // One thread for every SDK: the second one on finds ts-morph loaded.
  const worker = options.worker ?? startPipelineWorker();
  try {
    for (const sdk of sdks) {
      const generated = await generateOne(sdk, root, console, options, worker);
      if (generated) results.push(generated);
      else failed = true;
    }
  } finally {
    if (!options.worker) await worker.close();
  }
  return failed ? undefined : results;
}

/** One SDK in memory, its diagnostics reported; `undefined` when it has errors. */
async function generateOne(
  sdk: SdkConfig,
  root: string,
  console: Console,
  options: GenerateAllOptions,
  worker: PipelineWorker,
): Promise<GeneratedSdk | undefined> {
  const started = performance.now();
  const progress =
    options.progressAfterMs === undefined
      ? silentProgress
      : startProgress({ label: sdk.name, write: (line) => console.err(line), delayMs: options.progressAfterMs });
  const result = await generateSdk(
    {
      specPath: sdk.input,
      cwd: root,
      options: generateOptions(sdk),
      onStage: (stage) => {
        progress.stage(stage);
        options.onStage?.(stage);
      },
      ...(options.format === false ? { format: false } : {}),
    },
    worker,
  ).finally(() => progress.stop());
  if (result.specFiles) options.onSpecFiles?.(sdk, result.specFiles);
  const diagnostics = applyStrict(result.diagnostics, options.strict);
  reportDiagnostics(console, diagnostics);
  if (!result.files || !result.model || diagnostics.some((diagnostic) => diagnostic.severity === 'error')) {
    return undefined;
  }
  return {
    sdk,
    model: result.model,
    files: result.files,
    operations: result.model.operations.length,
    models: result.model.models.length,
    seconds: (performance.now() - started) / 1000,
  };
}
