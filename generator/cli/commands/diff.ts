import type { SpecDiff } from '../../diff/change';
import { breakingCount } from '../../diff/change';
import { diffModels } from '../../diff/diffModels';
import { diffAsJson } from '../../diff/report/json';
import { diffAsMarkdown } from '../../diff/report/markdown';
import { diffAsText } from '../../diff/report/text';
import type { Diagnostic } from '../../diagnostics/diagnostic';
import type { SdkModel } from '../../model/types';
import { buildSdkModel, type GenerateInput } from '../../pipeline';
import { reportDiagnostics, type Console } from '../console';
import { ExitCode } from '../exitCodes';
import { annotation } from '../githubAnnotations';
import { overlayInput } from '../overlayInput';
import { UsageError } from '../usageError';

export type DiffFormat = 'text' | 'markdown' | 'json';

export interface DiffFlags {
  readonly format?: string;
  readonly reporter?: string;
  readonly failOn?: string;
  /** Overlays applied to both specs: the fixes a user keeps for a vendor's spec apply to each of its versions. */
  readonly overlay?: readonly string[];
}

export interface DiffOptions {
  readonly format: DiffFormat;
  readonly failOnBreaking: boolean;
}

/** `--format` and `--fail-on`, checked. */
export function diffOptions(flags: DiffFlags): DiffOptions {
  const format = flags.format ?? 'text';
  if (format !== 'text' && format !== 'markdown' && format !== 'json') {
    throw new UsageError(`--format ${format}: expected text, markdown or json.`);
  }
  if (flags.failOn !== undefined && flags.failOn !== 'breaking') {
    throw new UsageError(`--fail-on ${flags.failOn}: the only level is "breaking".`);
  }
  return { format, failOnBreaking: flags.failOn === 'breaking' };
}

/** `sdkgen diff <old-spec> <new-spec>`: what changed for the SDK's users, breaking changes first. */
export async function diffCommand(
  specs: { readonly old: string; readonly new: string },
  flags: DiffFlags,
  context: { readonly cwd: string; readonly console: Console },
): Promise<ExitCode> {
  const options = diffOptions(flags);
  const { console, cwd } = context;
  const overlaid = overlayInput(flags.overlay);
  const old = await modelOrReport({ specPath: specs.old, cwd, ...overlaid }, console);
  const next = await modelOrReport({ specPath: specs.new, cwd, ...overlaid }, console);
  if (!old || !next) {
    console.err('No report: fix the errors above and run again.');
    return ExitCode.Usage;
  }
  const diff = diffModels(old, next);
  reportBreakingChanges(diff, { console, failOnBreaking: options.failOnBreaking });
  console.out(renderDiff(diff, { format: options.format, title: `${specs.old} -> ${specs.new}` }));
  return diffExitCode(diff, options);
}

/**
 * With `--reporter github`, each breaking change as an annotation on the spec:
 * an error when it fails the run (`--fail-on breaking`), else a warning.
 */
export function reportBreakingChanges(
  diff: SpecDiff,
  context: { console: Console; failOnBreaking: boolean; file?: string },
): void {
  if (context.console.reporter !== 'github') return;
  for (const change of diff.changes) {
    if (change.severity !== 'breaking') continue;
    context.console.out(
      annotation(
        context.failOnBreaking ? 'error' : 'warning',
        { file: context.file ?? change.file, title: 'Breaking change' },
        `${change.subject}: ${change.message}`,
      ),
    );
  }
}

export function diffExitCode(diff: SpecDiff, options: DiffOptions): ExitCode {
  return options.failOnBreaking && breakingCount(diff) > 0 ? ExitCode.Problem : ExitCode.Success;
}

export function renderDiff(diff: SpecDiff, options: { format: DiffFormat; title: string }): string {
  switch (options.format) {
    case 'text':
      return diffAsText(diff, options.title);
    case 'markdown':
      return diffAsMarkdown(diff, options.title);
    case 'json':
      return JSON.stringify(diffAsJson(diff), null, 2);
  }
}

/** The model of one spec; its errors (not its warnings: they are `validate`'s business) are reported. */
export async function modelOrReport(input: GenerateInput, console: Console): Promise<SdkModel | undefined> {
  const result = await buildSdkModel(input);
  const errors: Diagnostic[] = result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
  reportDiagnostics(console, errors);
  return errors.length === 0 ? result.model : undefined;
}
