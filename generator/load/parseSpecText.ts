import type { Diagnostic, SourcePosition } from '../diagnostics/diagnostic';
import { checkExpandedValue, fitsLimits } from './checkExpandedValue';
import { checkJsonText, tooDeep } from './checkJsonText';
import { checkYamlDocument } from './checkYamlDocument';
import { defaultSpecLimits, type SpecLimits } from './limits';
import { yamlDocumentPositions, type PositionIndex } from './positionIndex';
import { yamlLibrary } from './yamlLibrary';
import { readYamlValue } from './yamlValue';

export interface ParsedText {
  readonly value: unknown;
  /** Present when the text went through a YAML reader, which records positions. */
  readonly positionIndex?: PositionIndex;
}

type ParseResult = { parsed?: ParsedText; diagnostics: Diagnostic[] };

/**
 * Parses a spec file. JSON text (by extension or by its first character) goes
 * through `JSON.parse`; anything else, or JSON with a syntax error, through a
 * YAML 1.2 reader: js-yaml when it reads the text to the value the `yaml`
 * library reads, within the limits (`readYamlValue`), else the `yaml` library,
 * which checks everything and says exactly where a problem is.
 */
export function parseSpecText(text: string, file: string, limits: SpecLimits = defaultSpecLimits): ParseResult {
  if (looksLikeJson(text, file)) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return parseYaml(text, file, limits); // It locates the syntax error.
    }
    const { diagnostics, positions } = checkJsonText(text, file, limits);
    return diagnostics.length > 0 ? { diagnostics } : { parsed: { value, positionIndex: positions }, diagnostics };
  }
  const fast = readYamlValue(text);
  // Anything amiss (too deep a nesting, too many values): the `yaml` path says exactly what.
  if (fast && fitsLimits(fast.value, limits))
    return { parsed: { value: fast.value, positionIndex: fast.positions }, diagnostics: [] };
  return parseYaml(text, file, limits);
}

/** JSON by its extension or its first character; it goes through `JSON.parse`. */
export function looksLikeJson(text: string, file: string): boolean {
  return /\.json$/i.test(file) || /^\s*[{[]/.test(text);
}

function parseYaml(text: string, file: string, limits: SpecLimits): ParseResult {
  const { LineCounter, parseDocument } = yamlLibrary();
  const lines = new LineCounter();
  // The core schema without merge keys, whatever a `%YAML 1.1` directive says: `yes` stays a string.
  const document = parseDocument(text, {
    lineCounter: lines,
    uniqueKeys: false,
    prettyErrors: false,
    schema: 'core',
    merge: false,
  });
  const at = (offset: number): SourcePosition => {
    const { line, col } = lines.linePos(offset);
    return { line, column: col };
  };
  // The parser recurses; it stops at its stack's end and reports that, and then more errors that follow from it.
  const exhausted = document.errors.find(
    (error) => error.code === 'RESOURCE_EXHAUSTION' || /call stack/i.test(error.message),
  );
  if (exhausted) return { diagnostics: [{ ...tooDeep(limits, { file }), position: at(exhausted.pos[0]) }] };
  if (document.errors.length > 0) {
    return {
      diagnostics: document.errors.map((error): Diagnostic => ({
        code: 'SDK1002',
        severity: 'error',
        message: `The file is not valid YAML or JSON: ${firstLine(error.message)}`,
        hint: 'Fix the syntax at this position; a YAML linter shows the exact problem.',
        file,
        position: at(error.pos[0]),
      })),
    };
  }
  const structure = checkYamlDocument(document, lines, file);
  if (structure.length > 0) return { diagnostics: structure };
  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: limits.maxAliasCount });
  } catch (error) {
    return { diagnostics: [aliasProblem(file, firstLine((error as Error).message))] };
  }
  const expansion = checkExpandedValue(value, limits);
  if (expansion) {
    const where = { file, pointer: expansion.pointer };
    return {
      diagnostics: [
        expansion.kind === 'depth'
          ? tooDeep(limits, where)
          : {
              ...aliasProblem(file, `it stands for more than ${limits.maxNodes} values once its aliases are expanded`),
              ...where,
            },
      ],
    };
  }
  return { parsed: { value, positionIndex: yamlDocumentPositions(document, lines) }, diagnostics: [] };
}

function aliasProblem(file: string, reason: string): Diagnostic {
  return {
    code: 'SDK1003',
    severity: 'error',
    message: `The YAML could not be expanded: ${reason}.`,
    hint: 'Replace repeated YAML aliases (*name) with plain values, or raise the maxNodes limit.',
    file,
  };
}

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/\.$/, '');
}
