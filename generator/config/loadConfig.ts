import { access, readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { parseSpecText } from '../load/parseSpecText';
import { SpecSource } from '../load/specSource';
import { ConfigError } from './configError';
import { configIssueDiagnostics } from './configIssues';
import { configSchema, type SdkConfig } from './schema';

/** Config files looked for in the working folder, in this order. */
export const configFileNames = ['sdkgen.config.ts', 'sdkgen.config.mts', 'sdkgen.config.js', 'sdkgen.config.json'];

export interface Config {
  readonly sdks: readonly SdkConfig[];
  /** The config file's folder: paths in it are relative to it. */
  readonly root: string;
  /** The config file, as shown to the user. */
  readonly file: string;
}

/**
 * Loads and validates the config file: `path`, or the first of
 * `configFileNames` in `cwd`. Throws a `ConfigError` listing every problem.
 */
export async function loadConfig(cwd: string, path?: string): Promise<Config> {
  const file = path ? resolve(cwd, path) : await findConfigFile(cwd);
  const display = relative(cwd, file) || file;
  const value = /\.json$/i.test(file) ? await readJsonConfig(file, display) : await importConfig(file, display);
  const parsed = configSchema.safeParse(value.value);
  if (!parsed.success) throw new ConfigError(configIssueDiagnostics(parsed.error.issues, display, value.locate));
  return { sdks: parsed.data.sdks, root: dirname(file), file: display };
}

async function findConfigFile(cwd: string): Promise<string> {
  for (const name of configFileNames) {
    const candidate = join(cwd, name);
    if (
      await access(candidate).then(
        () => true,
        () => false,
      )
    )
      return candidate;
  }
  throw new ConfigError([
    {
      code: 'SDK5001',
      severity: 'error',
      message: `No config file in ${cwd} (looked for ${configFileNames.join(', ')}).`,
      hint: 'Create sdkgen.config.json (README.md shows one), pass -c <file>, or pass -i <spec> -o <dir>.',
    },
  ]);
}

interface LoadedValue {
  readonly value: unknown;
  readonly locate: (pointer: string) => Diagnostic['position'];
}

async function readJsonConfig(file: string, display: string): Promise<LoadedValue> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw unreadable(display, `cannot be read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  const { parsed, diagnostics } = parseSpecText(text, display);
  if (!parsed) throw new ConfigError(diagnostics.map((diagnostic) => ({ ...diagnostic, code: 'SDK5002' })));
  const source = new SpecSource(file, display, text, parsed.value, parsed.positionIndex);
  return { value: parsed.value, locate: (pointer) => source.locate(pointer) };
}

/**
 * A TypeScript or JavaScript config, run through jiti. `openapi-sdkgen` resolves to this
 * generator's `defineConfig` (all a config needs at run time), even where the package is not installed.
 */
async function importConfig(file: string, display: string): Promise<LoadedValue> {
  // Loaded only for a TypeScript or JavaScript config: a JSON config or `-i/-o` never needs it.
  const { createJiti } = require('jiti') as typeof import('jiti');
  const jiti = createJiti(__filename, {
    alias: { 'openapi-sdkgen': resolve(__dirname, 'defineConfig') },
    moduleCache: false,
    fsCache: false,
  });
  try {
    const value = await jiti.import(file, { default: true });
    return { value, locate: () => undefined };
  } catch (error) {
    throw unreadable(display, `failed to load: ${(error as Error).message.split('\n')[0] ?? String(error)}`);
  }
}

function unreadable(display: string, what: string): ConfigError {
  return new ConfigError([
    {
      code: 'SDK5002',
      severity: 'error',
      message: `The config file ${what}.`,
      hint: 'Fix the file; a TypeScript config must `export default defineConfig({ sdks: [...] })`.',
      file: display,
    },
  ]);
}
