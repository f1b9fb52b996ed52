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
  const location = printable(formatLocation(diagnostic));
  const pointer = diagnostic.pointer !== undefined ? ` at #${printable(diagnostic.pointer)}` : '';
  const head = `${location ? `${location} ` : ''}${diagnostic.severity} ${diagnostic.code}${pointer}: ${printable(diagnostic.message)}`;
  return diagnostic.hint ? `${head}\n  hint: ${printable(diagnostic.hint)}` : head;
}

/**
 * Messages quote the spec: its names and keys may hold terminal escape
 * sequences, line breaks or bidirectional controls that would redraw or
 * disguise the report. They are shown escaped, as `\u001b`.
 */
export function printable(text: string): string {
  return text.replace(
    /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g,
    (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
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
