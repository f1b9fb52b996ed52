#!/usr/bin/env node
import { Command, CommanderError } from 'commander';
import { ConfigError } from '../config/configError';
import { enableCompileCacheForShortRun } from '../compileCache';
import type { CheckFlags } from './commands/check';
import type { DiffFlags } from './commands/diff';
import type { GenerateFlags } from './commands/generate';
import { processConsole, reportDiagnostics, withReporter, type Console } from './console';
import { ExitCode } from './exitCodes';
import type { TargetFlags } from './targets';
import { UsageError } from './usageError';
import { tuneV8ForShortRun } from './v8Tuning';

// Commands are required when they run, not here: `--help` and usage errors then
// never load the pipeline (ts-morph, prettier, the config loader), and answer at once.
// With `require`, not `import()`: the first `import()` starts Node's ESM loader, ~10 ms.

/** Runs the CLI with `argv` (without `node` and the script) and returns the exit code. */
export async function main(
  argv: readonly string[],
  cwd = process.cwd(),
  console: Console = processConsole,
): Promise<ExitCode> {
  let run: (() => Promise<ExitCode>) | undefined;
  /** What a bad config or spec means for the command: `generate` 1, `check` 2. */
  let problemCode: ExitCode = ExitCode.Problem;
  /** The console with the command's `--reporter`, once the command runs (config errors are reported through it too). */
  let activeConsole = console;
  const reporting = (reporter: string | undefined): Console => (activeConsole = withReporter(console, reporter));
  const program = new Command('sdkgen')
    .description('Generates typed, dependency-free TypeScript SDKs from OpenAPI documents.')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => console.out(text.trimEnd()),
      writeErr: (text) => console.err(text.trimEnd()),
    })
    .showHelpAfterError();

  /** `--overlay <file>`, repeatable: each one is applied after those before it (and after the config's). */
  const overlayOption = [
    '--overlay <file>',
    "an OpenAPI Overlay (1.0 or 1.1) to apply to the spec; repeat it to apply several in order, after the config's",
    (file: string, files: string[] = []) => [...files, file],
  ] as const;
  const targetOptions = (command: Command): Command =>
    command
      .option('-i, --input <spec>', 'the OpenAPI document (YAML or JSON) of one SDK')
      .option('-o, --output <dir>', 'the folder of that SDK')
      .option('-c, --config <file>', 'the config file (default: sdkgen.config.{ts,mts,js,json} in this folder)')
      .option('--sdk <name>', 'only this SDK of the config file; -i/-o then override its input/output')
      .option(...overlayOption);

  targetOptions(
    program.command('generate').description('Generate every SDK in the config file, or the one given by -i and -o.'),
  )
    .option('--strict', 'treat warnings as errors')
    .option('--force', 'write even into a folder sdkgen does not own, the working folder or a folder holding the spec')
    .option('-q, --quiet', 'print nothing but problems')
    .option('--json', 'print the summary as JSON on stdout')
    .option('--progress', 'print what a long run is doing on stderr even when it is not a terminal')
    .option('--reporter <name>', 'text, or github: problems as GitHub Actions annotations')
    .option('-w, --watch', 'regenerate whenever a spec (or a file it $refs) changes, until Ctrl+C')
    .addHelpText(
      'after',
      '\nExit codes: 0 generated, 1 a problem with the spec, config or output folder (nothing written), 2 usage error.',
    )
    .action((flags: GenerateFlags) => {
      run = async () => {
        if (flags.watch)
          return (require('./commands/watch') as typeof import('./commands/watch')).watchCommand(
            flags,
            cwd,
            reporting(flags.reporter),
          );
        // The emitting thread starts first: it loads ts-morph while this one loads the pipeline and reads the spec.
        const worker = (require('../pipelineWorker') as typeof import('../pipelineWorker')).startPipelineWorker();
        try {
          const { generateCommand } = require('./commands/generate') as typeof import('./commands/generate');
          return await generateCommand(flags, cwd, reporting(flags.reporter), { worker });
        } finally {
          await worker.close();
        }
      };
    });
  program
    .command('validate')
    .description('Report the problems of a spec (errors and warnings); generates and writes nothing.')
    .requiredOption('-i, --input <spec>', 'the OpenAPI document (YAML or JSON)')
    .option(...overlayOption)
    .option('--strict', 'treat warnings as errors')
    .option('--reporter <name>', 'text, or github: problems as GitHub Actions annotations')
    .addHelpText('after', '\nExit codes: 0 no errors, 1 errors (or warnings with --strict), 2 usage error.')
    .action((flags: { input: string; overlay?: string[]; strict?: boolean; reporter?: string }) => {
      run = async () =>
        (require('./commands/validate') as typeof import('./commands/validate')).validateCommand(
          flags,
          cwd,
          reporting(flags.reporter),
        );
    });
  targetOptions(
    program
      .command('check')
      .description('Fail when the SDKs on disk differ from what the specs generate. Writes nothing.'),
  )
    .option(
      '--base <git-ref>',
      "also report what changed for the SDK's users since the spec at this git ref (as `diff` does)",
    )
    .option('--fail-on <level>', 'with --base, exit 1 when a change of this level is found: breaking')
    .option(
      '--reporter <name>',
      'text, or github: problems, stale files and breaking changes as GitHub Actions annotations',
    )
    .addHelpText(
      'after',
      '\nExit codes: 0 up to date, 1 regenerating would change files (listed with a diff) or, with --base and --fail-on breaking, a breaking change, 2 error.',
    )
    .action((flags: CheckFlags) => {
      run = async () =>
        (require('./commands/check') as typeof import('./commands/check')).checkCommand(
          flags,
          cwd,
          reporting(flags.reporter),
        );
      problemCode = ExitCode.Usage;
    });

  program
    .command('diff')
    .description(
      "Report what changed for the SDK's users between two versions of a spec, breaking changes first: removed or renamed operations, removed properties, new required properties and parameters, narrowed request types, widened response types, changed paths and methods; and what was added.",
    )
    .argument('<old-spec>', 'the spec before the change')
    .argument('<new-spec>', 'the spec after the change')
    .option('--format <format>', 'text, markdown (for a pull-request comment) or json', 'text')
    .option('--fail-on <level>', 'exit 1 when a change of this level is found: breaking')
    .option('--reporter <name>', 'text, or github: breaking changes (and spec errors) as GitHub Actions annotations')
    .option(...overlayOption)
    .addHelpText(
      'after',
      '\nExit codes: 0 done (or nothing breaking with --fail-on breaking), 1 breaking changes with --fail-on breaking, 2 usage error or a spec with errors.',
    )
    .action((oldSpec: string, newSpec: string, flags: DiffFlags) => {
      run = async () =>
        (require('./commands/diff') as typeof import('./commands/diff')).diffCommand(
          { old: oldSpec, new: newSpec },
          flags,
          {
            cwd,
            console: reporting(flags.reporter),
          },
        );
    });

  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.code === 'commander.helpDisplayed' || error.code === 'commander.version'
        ? ExitCode.Success
        : ExitCode.Usage;
    }
    throw error;
  }
  if (!run) {
    program.outputHelp();
    return ExitCode.Usage;
  }
  try {
    return await run();
  } catch (error) {
    if (error instanceof UsageError) {
      console.err(`error: ${error.message}`);
      return ExitCode.Usage;
    }
    if (error instanceof ConfigError) {
      reportDiagnostics(activeConsole, error.diagnostics);
      return problemCode;
    }
    throw error;
  }
}

if (require.main === module) {
  tuneV8ForShortRun();
  enableCompileCacheForShortRun();
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`sdkgen: internal error, please report it: ${(error as Error).stack ?? String(error)}\n`);
      process.exitCode = ExitCode.Usage;
    },
  );
}
