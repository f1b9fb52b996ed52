import { resolve } from 'node:path';
import type { Options } from 'prettier';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { prettierOptions } from './formatFiles';

/**
 * The prettier options for generated code: ours by default; the user's own
 * when the config gives options or a prettier config file (they replace ours
 * whole, so prettier's defaults apply to what they leave out, as in their project).
 */
export async function prettierOptionsFor(
  setting: string | Readonly<Record<string, unknown>> | undefined,
  root: string,
): Promise<{ options?: Options; diagnostics: Diagnostic[] }> {
  if (setting === undefined) return { options: prettierOptions, diagnostics: [] };
  if (typeof setting !== 'string') return { options: { ...setting, parser: 'typescript' }, diagnostics: [] };
  const file = resolve(root, setting);
  try {
    // Loaded only here: the generator itself runs prettier in worker threads.
    const { resolveConfig } = await import('prettier');
    const options = await resolveConfig(file, { config: file, editorconfig: false });
    if (options) return { options: { ...options, parser: 'typescript' }, diagnostics: [] };
    return { diagnostics: [problem(setting, 'holds no prettier options')] };
  } catch (error) {
    return { diagnostics: [problem(setting, `cannot be read: ${(error as Error).message.split('\n')[0]}`)] };
  }
}

function problem(setting: string, what: string): Diagnostic {
  return {
    code: 'SDK5201',
    severity: 'error',
    message: `The prettier config ${setting} named by the config's "prettier" key ${what}.`,
    hint: 'Name an existing prettier config file (relative to the config file), or give the options inline.',
    file: setting,
  };
}
