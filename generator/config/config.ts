import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { packageNameProblems } from '../emit/package/packageName';
import { isRecord } from '../util/guards';

/** The project's config file, found in the working folder. */
export const configFileName = 'sdkgen.config.json';

/** One SDK to generate. */
export interface SdkConfig {
  /** A short name for messages (`qovery`). */
  readonly name: string;
  /** The spec, relative to the config file. */
  readonly input: string;
  /** The SDK's folder, relative to the config file. */
  readonly output: string;
  /** The SDK's npm package name; derived from the spec's title when absent. */
  readonly packageName?: string;
}

export interface Config {
  readonly sdks: readonly SdkConfig[];
  /** The folder of the config file; paths in it are relative to it. */
  readonly root: string;
}

/** A problem with the config file, naming the key. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

export async function loadConfig(cwd: string, path = join(cwd, configFileName)): Promise<Config> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new ConfigError(`No config file at ${path}. Create ${configFileName}, or pass -i <spec> -o <dir>.`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${path} is not valid JSON: ${(error as Error).message}`);
  }
  return { sdks: parseConfig(value, path), root: dirname(path) };
}

function parseConfig(value: unknown, path: string): SdkConfig[] {
  if (!isRecord(value)) throw new ConfigError(`${path}: the config must be an object with an "sdks" list.`);
  rejectUnknownKeys(value, ['$schema', 'sdks'], path, '');
  const sdks = value['sdks'];
  if (!Array.isArray(sdks) || sdks.length === 0) throw new ConfigError(`${path}: "sdks" must be a non-empty list.`);
  return sdks.map((sdk, index) => {
    const at = `sdks[${index}]`;
    if (!isRecord(sdk)) throw new ConfigError(`${path}: "${at}" must be an object.`);
    rejectUnknownKeys(sdk, ['name', 'input', 'output', 'packageName'], path, `${at}.`);
    for (const key of ['name', 'input', 'output']) {
      if (typeof sdk[key] !== 'string' || sdk[key] === '')
        throw new ConfigError(`${path}: "${at}.${key}" must be a non-empty string.`);
    }
    const packageName = sdk['packageName'];
    if (packageName !== undefined) checkPackageName(packageName, path, `${at}.packageName`);
    return {
      name: sdk['name'] as string,
      input: sdk['input'] as string,
      output: sdk['output'] as string,
      ...(typeof packageName === 'string' ? { packageName } : {}),
    };
  });
}

function checkPackageName(value: unknown, path: string, key: string): void {
  if (typeof value !== 'string') throw new ConfigError(`${path}: "${key}" must be a string (an npm package name).`);
  const problems = packageNameProblems(value);
  if (problems.length > 0) {
    throw new ConfigError(
      `${path}: "${key}" ${JSON.stringify(value)} is not a valid npm package name: ${problems.join('; ')}. Use lowercase letters, digits and dashes, optionally under a @scope/.`,
    );
  }
}

function rejectUnknownKeys(
  value: Record<string, unknown>,
  known: readonly string[],
  path: string,
  prefix: string,
): void {
  for (const key of Object.keys(value)) {
    if (!known.includes(key))
      throw new ConfigError(`${path}: unknown key "${prefix}${key}" (known: ${known.join(', ')}).`);
  }
}
