import type { Diagnostic } from '../diagnostics/diagnostic';

/** The config cannot be used; carries every problem found in it, each naming the key. */
export class ConfigError extends Error {
  constructor(readonly diagnostics: readonly Diagnostic[]) {
    super(diagnostics.map((diagnostic) => diagnostic.message).join('\n'));
    this.name = 'ConfigError';
  }
}
