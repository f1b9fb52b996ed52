import type { Diagnostic } from '../diagnostics/diagnostic';

/**
 * GitHub Actions workflow commands (`::error file=…,line=…::message`), which
 * a workflow run shows as annotations on the pull request. Escaped as GitHub's
 * own toolkit does (actions/toolkit, packages/core/src/command.ts): `%`, CR
 * and LF everywhere, and `:` and `,` in properties too, so that text from a
 * spec can neither end the command early nor start another one.
 */

export type AnnotationLevel = 'error' | 'warning' | 'notice';

export interface AnnotationProperties {
  readonly file?: string | undefined;
  readonly line?: number | undefined;
  readonly col?: number | undefined;
  readonly title?: string | undefined;
}

export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function annotation(level: AnnotationLevel, properties: AnnotationProperties, message: string): string {
  const fields = Object.entries(properties)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`);
  return `::${level}${fields.length > 0 ? ` ${fields.join(',')}` : ''}::${escapeData(message)}`;
}

/** A diagnostic as an annotation: titled by its code, with the JSON pointer and the hint in the message. */
export function diagnosticAnnotation(diagnostic: Diagnostic): string {
  const pointer = diagnostic.pointer !== undefined ? ` (at #${diagnostic.pointer})` : '';
  const hint = diagnostic.hint !== undefined ? `\nhint: ${diagnostic.hint}` : '';
  return annotation(
    diagnostic.severity,
    {
      file: diagnostic.file?.replace(/\\/g, '/'),
      line: diagnostic.position?.line,
      col: diagnostic.position?.column,
      title: diagnostic.code,
    },
    `${diagnostic.message}${pointer}${hint}`,
  );
}
