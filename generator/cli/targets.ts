import { basename, extname, relative, resolve as resolvePath } from 'node:path';
import type { SdkConfig } from '../config/schema';
import { UsageError } from './usageError';

export interface Targets {
  /** The folder paths are relative to: the config file's, or the working folder for `-i/-o`. */
  readonly root: string;
  readonly sdks: readonly SdkConfig[];
}

export interface TargetFlags {
  readonly input?: string;
  readonly output?: string;
  readonly config?: string;
  readonly sdk?: string;
  /** `--overlay`, in the order given: applied after the config's `overlays`. */
  readonly overlay?: readonly string[];
}

export { UsageError };

/**
 * The SDKs a command works on: every SDK in the config file, the one named by
 * `--sdk` (whose `input`/`output` `-i`/`-o` override), or, with `-i` and `-o`
 * alone, one SDK from flags only (no config file needed).
 */
export async function resolveTargets(flags: TargetFlags, cwd: string): Promise<Targets> {
  if (flags.sdk === undefined && (flags.input !== undefined || flags.output !== undefined)) {
    if (flags.input === undefined || flags.output === undefined) {
      throw new UsageError('-i/--input and -o/--output go together: pass both, or neither to use the config file.');
    }
    const overlays = flags.overlay ?? [];
    return {
      root: cwd,
      sdks: [
        {
          name: basename(flags.input, extname(flags.input)),
          input: flags.input,
          output: flags.output,
          ...(overlays.length > 0 ? { overlays: [...overlays] } : {}),
        },
      ],
    };
  }
  // Loaded here: `-i/-o` alone need no config, nor its schema library.
  const { loadConfig } = await import('../config/loadConfig.js');
  const config = await loadConfig(cwd, flags.config);
  // Flag paths are relative to the working folder; the config's, and so the banner's, to the config's folder.
  const withOverlays = overlaysAdded(flags.overlay ?? [], { cwd, root: config.root });
  if (flags.sdk === undefined) return { root: config.root, sdks: config.sdks.map(withOverlays) };
  const sdk = config.sdks.find((candidate) => candidate.name === flags.sdk);
  if (!sdk) {
    const names = config.sdks.map((candidate) => candidate.name).join(', ');
    throw new UsageError(`--sdk ${flags.sdk}: ${config.file} has no such SDK (it has: ${names}).`);
  }
  // Flags are relative to the working folder, config paths to the config file's folder.
  const fromCwd = (path: string): string => resolvePath(cwd, path);
  return {
    root: config.root,
    sdks: [
      {
        ...withOverlays(sdk),
        ...(flags.input !== undefined ? { input: fromCwd(flags.input) } : {}),
        ...(flags.output !== undefined ? { output: fromCwd(flags.output) } : {}),
      },
    ],
  };
}

/** Adds `--overlay` files to an SDK of the config, after its own `overlays`, named from the config's folder. */
function overlaysAdded(
  files: readonly string[],
  folders: { cwd: string; root: string },
): (sdk: SdkConfig) => SdkConfig {
  if (files.length === 0) return (sdk) => sdk;
  const named = files.map((file) => relative(folders.root, resolvePath(folders.cwd, file)).replace(/\\/g, '/'));
  return (sdk) => ({ ...sdk, overlays: [...(sdk.overlays ?? []), ...named] });
}
