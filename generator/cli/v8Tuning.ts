import { setFlagsFromString } from 'node:v8';

/**
 * V8's budget of bytecode a function runs before its optimizing compiler takes it on, for a run of
 * sdkgen (four times V8 11's default). A run lasts about a second: with the default, that compiler
 * compiles hundreds of functions of ts-morph, the `yaml` library and prettier that run only briefly,
 * on background threads that take the cores from the pipeline's own threads (about 0.5 s of CPU on
 * Qovery, a fifth of the run's). With four times the budget, only the loops that are really hot are
 * compiled; a larger budget saves no more.
 */
const interruptBudget = 264 * 1024;

/**
 * V8 versions that read the flag: 11 (Node.js 20). V8 12 and later (Node.js 22, 24, 26) dropped it for
 * invocation counts, and `setFlagsFromString` would print "Error: unrecognized flag" on every run.
 */
const knownMajors = [11];

/**
 * Tunes V8 for a short run of the CLI, before its threads start (worker threads share the
 * process's flags). Not for programs that import sdkgen: they keep their own tuning.
 */
export function tuneV8ForShortRun(): void {
  const major = Number(process.versions.v8.split('.')[0]);
  const given = process.execArgv.some((argument) => argument.startsWith('--interrupt-budget'));
  if (knownMajors.includes(major) && !given) setFlagsFromString(`--interrupt-budget=${interruptBudget}`);
}
