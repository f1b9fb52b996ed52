import { basename, extname, resolve } from 'node:path';
import { loadConfig, type SdkConfig } from '../config/config';

export interface Targets {
  /** The folder paths are relative to: the config file's, or the working folder for `-i/-o`. */
  readonly root: string;
  readonly sdks: readonly SdkConfig[];
}

export interface TargetFlags {
  readonly input?: string;
  readonly output?: string;
  readonly config?: string;
}

/** A usage error: the command line itself is wrong. */
export class UsageError extends Error {}

/** The SDKs a command works on: the one named by `-i/-o`, or every SDK in the config file. */
export async function resolveTargets(flags: TargetFlags, cwd: string): Promise<Targets> {
  if (flags.input !== undefined || flags.output !== undefined) {
    if (flags.input === undefined || flags.output === undefined) {
      throw new UsageError('-i/--input and -o/--output go together: pass both, or neither to use the config file.');
    }
    return {
      root: cwd,
      sdks: [{ name: basename(flags.input, extname(flags.input)), input: flags.input, output: flags.output }],
    };
  }
  const config = await loadConfig(cwd, flags.config === undefined ? undefined : resolve(cwd, flags.config));
  return { root: config.root, sdks: config.sdks };
}
