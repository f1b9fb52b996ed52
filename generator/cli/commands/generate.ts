import { resolve } from 'node:path';
import type { PipelineStage } from '../../pipeline';
import { OutputError } from '../../write/outputError';
import { refuseDangerousFolder } from '../../write/outputGuard';
import { reportDiagnostics, type Console } from '../console';
import { ExitCode } from '../exitCodes';
import { resolveTargets, type TargetFlags } from '../targets';
import { generateAll, summaryLine, type GenerateAllOptions } from './generateAll';

export interface GenerateFlags extends TargetFlags {
  /** `text` (the default) or `github`. */
  readonly reporter?: string;
  readonly strict?: boolean;
  readonly force?: boolean;
  readonly quiet?: boolean;
  readonly json?: boolean;
  /** Regenerate whenever a spec file changes, until interrupted. */
  readonly watch?: boolean;
  /** Print progress on stderr when an SDK takes long, even when stderr is not a terminal. */
  readonly progress?: boolean;
}

/** How long an SDK may take before `generate` says what it is doing. */
const progressDelayMs = 1000;

/** Progress is for a person watching: a terminal, or when asked for; never with `--quiet` or `--json`. */
export function progressAfterMs(flags: GenerateFlags): number | undefined {
  if (flags.quiet || flags.json) return undefined;
  return flags.progress || process.stderr.isTTY ? progressDelayMs : undefined;
}

/** The writer and its lock library (~15 ms to load), not needed before the SDK is generated. */
function writer(): typeof import('../../write/writeOutput') {
  return require('../../write/writeOutput') as typeof import('../../write/writeOutput');
}

/** Loads the writer once the model went to the emitting thread: this thread only waits for it then. */
function loadWriterWhileEmitting(stage: PipelineStage): void {
  if (stage === 'emitting') setImmediate(writer);
}

/**
 * `sdkgen generate`: regenerate every configured SDK, or the one named by `-i/-o`. `worker`: the pipeline thread,
 * when the caller started it ahead (or keeps it between runs); the caller closes it.
 */
export async function generateCommand(
  flags: GenerateFlags,
  cwd: string,
  console: Console,
  options: Pick<GenerateAllOptions, 'onSpecFiles' | 'worker'> = {},
): Promise<ExitCode> {
  const targets = await resolveTargets(flags, cwd);
  const generated = await generateAll(targets.sdks, targets.root, console, {
    strict: flags.strict ?? false,
    progressAfterMs: progressAfterMs(flags),
    onStage: loadWriterWhileEmitting,
    ...options,
  });
  if (!generated) {
    console.err('Nothing was written: fix the errors above and run again.');
    return ExitCode.Problem;
  }
  const folders = generated.map(({ sdk }) => resolve(targets.root, sdk.output));
  try {
    // Every folder is checked before any is written.
    if (!flags.force) {
      generated.forEach(({ sdk }, index) =>
        refuseDangerousFolder({ folder: folders[index]!, cwd, specPath: resolve(targets.root, sdk.input) }),
      );
    }
    const summaries = [];
    for (const [index, sdkResult] of generated.entries()) {
      const { sdk, files, operations, models, seconds } = sdkResult;
      const summary = await writer().writeOutput(folders[index]!, files, { force: flags.force ?? false });
      summaries.push({
        name: sdk.name,
        output: sdk.output,
        operations,
        models,
        files: files.length,
        ...summary,
        seconds,
      });
      if (!flags.quiet && !flags.json) console.out(summaryLine(sdkResult));
    }
    if (flags.json) console.out(JSON.stringify({ sdks: summaries }, null, 2));
  } catch (error) {
    if (!(error instanceof OutputError)) throw error;
    reportDiagnostics(console, [error.diagnostic]);
    return ExitCode.Problem;
  }
  return ExitCode.Success;
}
