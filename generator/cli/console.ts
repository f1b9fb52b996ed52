import type { Diagnostic } from '../diagnostics/diagnostic';
import { formatDiagnostic, sortDiagnostics } from '../diagnostics/format';

/** Where the CLI writes; tests pass their own. */
export interface Console {
  out(text: string): void;
  err(text: string): void;
}

export const processConsole: Console = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};

export function reportDiagnostics(console: Console, diagnostics: readonly Diagnostic[]): void {
  for (const diagnostic of sortDiagnostics(diagnostics)) console.err(formatDiagnostic(diagnostic));
}
