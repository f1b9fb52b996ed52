import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { isRecord } from '../util/guards';
import { defaultParseLimits, parseSpecText, type ParseLimits } from './parseSpecText';
import { SpecSource } from './specSource';

export interface LoadResult {
  readonly source?: SpecSource;
  readonly diagnostics: readonly Diagnostic[];
}

/** Reads and parses one spec file (the root, or one a `$ref` points to). */
export async function loadSpecFile(
  absolutePath: string,
  options: { cwd: string; limits?: ParseLimits },
): Promise<LoadResult> {
  const displayPath = relative(options.cwd, absolutePath) || absolutePath;
  let text: string;
  try {
    text = await readFile(absolutePath, 'utf8');
  } catch (error) {
    return {
      diagnostics: [
        {
          code: 'SDK1001',
          severity: 'error',
          message: `Cannot read the file: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`,
          hint: 'Check the path; relative paths are resolved from the file that names them.',
          file: displayPath,
        },
      ],
    };
  }
  return parseSpecSource(text, absolutePath, displayPath, options.limits);
}

export function parseSpecSource(
  text: string,
  absolutePath: string,
  displayPath: string,
  limits: ParseLimits = defaultParseLimits,
): LoadResult {
  const { parsed, diagnostics } = parseSpecText(text, displayPath, limits);
  if (!parsed) return { diagnostics };
  return { source: new SpecSource(absolutePath, displayPath, text, parsed.value, parsed.positionIndex), diagnostics };
}

/** The root of an OpenAPI document must be an object naming its version. */
export function checkRootDocument(source: SpecSource): Diagnostic[] {
  const root = source.value;
  if (!isRecord(root)) {
    return [rootError(source, 'The document is not an object.', 'An OpenAPI document starts with `openapi: 3.x.y`.')];
  }
  const version = root['openapi'];
  if (typeof version === 'string' && /^3\.[01]\./.test(version)) return [];
  return [
    rootError(
      source,
      `Unsupported OpenAPI version ${JSON.stringify(version ?? root['swagger'] ?? null)}.`,
      'Set `openapi` to a 3.0.x or 3.1.x version.',
      typeof version === 'string' ? '/openapi' : '',
    ),
  ];
}

function rootError(source: SpecSource, message: string, hint: string, pointer = ''): Diagnostic {
  const position = source.locate(pointer);
  return {
    code: 'SDK1004',
    severity: 'error',
    message,
    hint,
    file: source.displayPath,
    pointer,
    ...(position ? { position } : {}),
  };
}
