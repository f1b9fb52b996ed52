import type { Diagnostic } from '../diagnostics/diagnostic';
import { formatDiagnostic, sortDiagnostics } from '../diagnostics/format';
import { diagnosticAnnotation } from './githubAnnotations';
import { UsageError } from './usageError';

/** How problems are printed: for a person, or as GitHub Actions annotations (`--reporter github`). */
export type Reporter = 'text' | 'github';

/** Where the CLI writes; tests pass their own. */
export interface Console {
  out(text: string): void;
  err(text: string): void;
  readonly reporter?: Reporter;
}

/** The console with the `--reporter` a command was given. */
export function withReporter(console: Console, reporter: string | undefined): Console {
  if (reporter === undefined || reporter === 'text') return console;
  if (reporter !== 'github') throw new UsageError(`--reporter ${reporter}: expected text or github.`);
  return { out: (text) => console.out(text), err: (text) => console.err(text), reporter };
}

export const processConsole: Console = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};

/** Every diagnostic, sorted: on stderr for a person, or on stdout as annotations (where GitHub reads them). */
export function reportDiagnostics(console: Console, diagnostics: readonly Diagnostic[]): void {
  for (const diagnostic of sortDiagnostics(diagnostics)) {
    if (console.reporter === 'github') console.out(diagnosticAnnotation(diagnostic));
    else console.err(formatDiagnostic(diagnostic));
  }
}
