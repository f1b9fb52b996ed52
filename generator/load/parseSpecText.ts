import { LineCounter, parseDocument, type Document } from 'yaml';
import type { Diagnostic } from '../diagnostics/diagnostic';

export interface ParsedText {
  readonly value: unknown;
  /** Present when the text went through the YAML parser, which records positions. */
  readonly positionIndex?: { document: Document; lines: LineCounter };
}

export interface ParseLimits {
  /** Most alias expansions allowed in one YAML file (guards against "billion laughs"). */
  readonly maxAliasCount: number;
}

export const defaultParseLimits: ParseLimits = { maxAliasCount: 1000 };

/**
 * Parses a spec file. JSON text (by extension or by its first character) goes
 * through `JSON.parse`; anything else, or JSON with a syntax error, through the
 * YAML 1.2 parser, which also reports where the error is.
 */
export function parseSpecText(
  text: string,
  file: string,
  limits: ParseLimits = defaultParseLimits,
): { parsed?: ParsedText; diagnostics: Diagnostic[] } {
  if (looksLikeJson(text, file)) {
    try {
      return { parsed: { value: JSON.parse(text) }, diagnostics: [] };
    } catch {
      // Fall through: the YAML parser locates the syntax error.
    }
  }
  return parseYaml(text, file, limits);
}

function looksLikeJson(text: string, file: string): boolean {
  return /\.json$/i.test(file) || /^\s*[{[]/.test(text);
}

function parseYaml(
  text: string,
  file: string,
  limits: ParseLimits,
): { parsed?: ParsedText; diagnostics: Diagnostic[] } {
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  const diagnostics: Diagnostic[] = document.errors.map((error) => {
    const position = lines.linePos(error.pos[0]);
    return {
      code: 'SDK1002',
      severity: 'error',
      message: `The file is not valid YAML or JSON: ${firstLine(error.message)}`,
      hint: 'Fix the syntax at this position; a YAML linter shows the exact problem.',
      file,
      position: { line: position.line, column: position.col },
    };
  });
  if (diagnostics.length > 0) return { diagnostics };
  try {
    const value = document.toJS({ maxAliasCount: limits.maxAliasCount });
    return { parsed: { value, positionIndex: { document, lines } }, diagnostics: [] };
  } catch (error) {
    return {
      diagnostics: [
        {
          code: 'SDK1003',
          severity: 'error',
          message: `The YAML could not be expanded: ${firstLine((error as Error).message)}`,
          hint: 'Replace excessive YAML aliases (*name) with plain values.',
          file,
        },
      ],
    };
  }
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}
