import { relative, resolve } from 'node:path';
import { breakingCount } from '../../diff/change';
import { diffModels } from '../../diff/diffModels';
import { diffAsText } from '../../diff/report/text';
import { compareOutput } from '../../write/compareOutput';
import type { Console } from '../console';
import { ExitCode } from '../exitCodes';
import { annotation } from '../githubAnnotations';
import { specAtRef } from '../specAtRef';
import { resolveTargets, type TargetFlags } from '../targets';
import { diffOptions, modelOrReport, reportBreakingChanges } from './diff';
import { generateAll, generateOptions, type GeneratedSdk } from './generateAll';

export interface CheckFlags extends TargetFlags {
  /** `text` (the default) or `github`. */
  readonly reporter?: string;
  /** A git ref: also report what changed for users since the spec at that ref. */
  readonly base?: string;
  readonly failOn?: string;
}

/**
 * `sdkgen check`: regenerates in memory and compares with what is on disk.
 * Exit 0 when identical, 1 when regenerating would change files (or, with
 * `--base` and `--fail-on breaking`, when the spec changed in a way that
 * breaks users), 2 when a spec cannot be generated at all. Writes nothing.
 */
export async function checkCommand(flags: CheckFlags, cwd: string, console: Console): Promise<ExitCode> {
  const { failOnBreaking } = diffOptions(flags.failOn === undefined ? {} : { failOn: flags.failOn });
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
      if (console.reporter === 'github') {
        const path = relative(cwd, resolve(targets.root, sdk.output, file.path)).replace(/\\/g, '/');
        console.out(
          annotation(
            'error',
            { file: path, title: 'Stale generated file' },
            `${sdk.name}: regenerating from ${sdk.input} would change this file (${file.change}); run the generator and commit the result.`,
          ),
        );
      }
      console.out(`  ${file.change} ${sdk.output}/${file.path}`);
      if (file.diff) console.out(file.diff.replace(/^/gm, '    '));
    }
  }
  if (stale) console.out('Run `npm run generate` and commit the result.');
  const changes =
    flags.base === undefined
      ? { breaking: 0, failed: false }
      : await compareWithBase(flags.base, { generated, root: targets.root, cwd, console, failOnBreaking });
  if (changes.failed) return ExitCode.Usage;
  return stale || (failOnBreaking && changes.breaking > 0) ? ExitCode.Problem : ExitCode.Success;
}

/** `--base <ref>`: the `diff` report of each SDK's spec at that ref against the working one. */
async function compareWithBase(
  ref: string,
  context: { generated: readonly GeneratedSdk[]; root: string; cwd: string; console: Console; failOnBreaking: boolean },
): Promise<{ breaking: number; failed: boolean }> {
  const { console } = context;
  let breaking = 0;
  let failed = false;
  for (const { sdk, model } of context.generated) {
    const overlays = (sdk.overlays ?? []).map((overlay) => resolve(context.root, overlay));
    const base = await specAtRef(resolve(context.root, sdk.input), ref, overlays);
    try {
      if (base.specPath === undefined) {
        console.out(`${sdk.name}: ${base.repoPath} does not exist at ${ref}; every operation is new.`);
        continue;
      }
      const old = await modelOrReport(
        {
          specPath: base.specPath,
          cwd: base.folder,
          options: { ...generateOptions(sdk), overlays: [...base.overlays] },
        },
        console,
      );
      if (!old) {
        console.err(`${sdk.name}: the spec at ${ref} has errors; it cannot be compared.`);
        failed = true;
        continue;
      }
      const diff = diffModels(old, model);
      reportBreakingChanges(diff, {
        console,
        failOnBreaking: context.failOnBreaking,
        file: relative(context.cwd, resolve(context.root, sdk.input)).replace(/\\/g, '/'),
      });
      console.out(diffAsText(diff, `${sdk.name}: ${base.repoPath} since ${ref}`));
      const count = breakingCount(diff);
      if (count > 0) console.out(`${sdk.name}: this change breaks users (${count} breaking change(s) since ${ref}).`);
      breaking += count;
    } finally {
      await base.cleanup();
    }
  }
  return { breaking, failed };
}
