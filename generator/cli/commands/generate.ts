import { resolve } from 'node:path';
import { refuseDangerousFolder } from '../../write/outputGuard';
import { OutputError, writeOutput } from '../../write/writeOutput';
import { reportDiagnostics, type Console } from '../console';
import { ExitCode } from '../exitCodes';
import { resolveTargets, type TargetFlags } from '../targets';
import { generateAll } from './generateAll';

export interface GenerateFlags extends TargetFlags {
  readonly strict?: boolean;
  readonly force?: boolean;
  readonly quiet?: boolean;
  readonly json?: boolean;
}

/** `sdkgen generate`: regenerate every configured SDK, or the one named by `-i/-o`. */
export async function generateCommand(flags: GenerateFlags, cwd: string, console: Console): Promise<ExitCode> {
  const targets = await resolveTargets(flags, cwd);
  const generated = await generateAll(targets.sdks, targets.root, console, { strict: flags.strict ?? false });
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
    for (const [index, { sdk, files, operations, models, seconds }] of generated.entries()) {
      const summary = await writeOutput(folders[index]!, files, { force: flags.force ?? false });
      const changes =
        summary.written.length + summary.deleted.length === 0
          ? 'up to date'
          : `${summary.written.length} written, ${summary.deleted.length} deleted`;
      summaries.push({
        name: sdk.name,
        output: sdk.output,
        operations,
        models,
        files: files.length,
        ...summary,
        seconds,
      });
      if (!flags.quiet && !flags.json)
        console.out(
          `${sdk.name}: ${operations} operations, ${models} models, ${files.length} files (${changes}), ${seconds.toFixed(1)} s -> ${sdk.output}`,
        );
    }
    if (flags.json) console.out(JSON.stringify({ sdks: summaries }, null, 2));
  } catch (error) {
    if (!(error instanceof OutputError)) throw error;
    reportDiagnostics(console, [error.diagnostic]);
    return ExitCode.Problem;
  }
  return ExitCode.Success;
}
