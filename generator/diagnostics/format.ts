import type { Diagnostic } from './diagnostic';
import { compareStrings } from '../util/compare';

/** `file:line:col` of a diagnostic, as far as it is known. */
export function formatLocation(diagnostic: Diagnostic): string {
  const parts: string[] = [];
  if (diagnostic.file !== undefined) parts.push(diagnostic.file);
  if (diagnostic.position) parts.push(String(diagnostic.position.line), String(diagnostic.position.column));
  return parts.join(':');
}

/**
 * One diagnostic as the terminal shows it:
 *
 *     spec/openapi.yaml:12:7 error SDK2001 at #/paths/~1a/get: The reference "#/x" points nowhere.
 *       hint: Fix the reference or add the missing component.
 */
export function formatDiagnostic(diagnostic: Diagnostic): string {
  const location = formatLocation(diagnostic);
  const pointer = diagnostic.pointer !== undefined ? ` at #${diagnostic.pointer}` : '';
  const head = `${location ? `${location} ` : ''}${diagnostic.severity} ${diagnostic.code}${pointer}: ${diagnostic.message}`;
  return diagnostic.hint ? `${head}\n  hint: ${diagnostic.hint}` : head;
}

/** Sort by file, then position, so a run reports in a stable order. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      compareStrings(a.file ?? '', b.file ?? '') ||
      (a.position?.line ?? 0) - (b.position?.line ?? 0) ||
      (a.position?.column ?? 0) - (b.position?.column ?? 0) ||
      compareStrings(a.code, b.code),
  );
}
