import { resolve } from 'node:path';
import { OutputError, writeOutput } from '../../write/writeOutput';
import type { Console } from '../console';
import { ExitCode } from '../exitCodes';
import { resolveTargets, type TargetFlags } from '../targets';
import { generateAll } from './generateAll';

/** `sdkgen generate`: regenerate every configured SDK, or the one named by `-i/-o`. */
export async function generateCommand(flags: TargetFlags, cwd: string, console: Console): Promise<ExitCode> {
  const targets = await resolveTargets(flags, cwd);
  const generated = await generateAll(targets.sdks, targets.root, console);
  if (!generated) {
    console.err('Nothing was written: fix the errors above and run again.');
    return ExitCode.Problem;
  }
  for (const { sdk, files, operations, models, seconds } of generated) {
    try {
      const summary = await writeOutput(resolve(targets.root, sdk.output), files);
      const changes =
        summary.written.length + summary.deleted.length === 0
          ? 'up to date'
          : `${summary.written.length} written, ${summary.deleted.length} deleted`;
      console.out(
        `${sdk.name}: ${operations} operations, ${models} models, ${files.length} files (${changes}), ${seconds.toFixed(1)} s -> ${sdk.output}`,
      );
    } catch (error) {
      if (!(error instanceof OutputError)) throw error;
      console.err(`error: ${error.message}\n  hint: ${error.hint}`);
      return ExitCode.Problem;
    }
  }
  return ExitCode.Success;
}
