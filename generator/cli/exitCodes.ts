/** The CLI's exit codes: a contract with scripts and CI. */
export const ExitCode = {
  Success: 0,
  /** A problem with the input (spec, config, output folder), or drift found by `check`. */
  Problem: 1,
  /** A usage error (unknown flag, missing argument), or an error `check` could not get past. */
  Usage: 2,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
