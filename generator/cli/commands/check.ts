import { resolve } from 'node:path';
import { compareOutput } from '../../write/compareOutput';
import type { Console } from '../console';
import { ExitCode } from '../exitCodes';
import { resolveTargets, type TargetFlags } from '../targets';
import { generateAll } from './generateAll';

/**
 * `sdkgen check`: regenerates in memory and compares with what is on disk.
 * Exit 0 when identical, 1 when regenerating would change files, 2 when the
 * spec cannot be generated at all. Writes nothing.
 */
export async function checkCommand(flags: TargetFlags, cwd: string, console: Console): Promise<ExitCode> {
  const targets = await resolveTargets(flags, cwd);
  const generated = await generateAll(targets.sdks, targets.root, console);
  if (!generated) return ExitCode.Usage;
  let stale = false;
  for (const { sdk, files } of generated) {
    const drift = await compareOutput(resolve(targets.root, sdk.output), files);
    if (drift.length === 0) {
      console.out(`${sdk.name}: ${sdk.output} is up to date with ${sdk.input}.`);
      continue;
    }
    stale = true;
    console.out(`${sdk.name}: ${sdk.output} is stale; regenerating would change ${drift.length} file(s):`);
    for (const file of drift) {
      console.out(`  ${file.change} ${sdk.output}/${file.path}`);
      if (file.diff) console.out(file.diff.replace(/^/gm, '    '));
    }
  }
  if (stale) console.out('Run `npm run generate` and commit the result.');
  return stale ? ExitCode.Problem : ExitCode.Success;
}
