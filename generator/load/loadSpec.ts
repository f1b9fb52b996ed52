import { relative } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { isRecord } from '../util/guards';
import { defaultSpecLimits, type SpecLimits } from './limits';
import { parseSpecText } from './parseSpecText';
import { readSpecFile } from './readSpecFile';
import { SpecSource } from './specSource';

export interface LoadResult {
  readonly source?: SpecSource;
  readonly diagnostics: readonly Diagnostic[];
}

/** Reads and parses one spec file (the root, or one a `$ref` points to), within the limits. */
export async function loadSpecFile(
  absolutePath: string,
  options: { cwd: string; limits?: SpecLimits; readFrom?: string; confinedTo?: string },
): Promise<LoadResult> {
  const displayPath = relative(options.cwd, absolutePath) || absolutePath;
  const limits = options.limits ?? defaultSpecLimits;
  // `readFrom`: the real path, once checked; `confinedTo`: the folder the file opened must still be in.
  const read = await readSpecFile(options.readFrom ?? absolutePath, limits, options.confinedTo);
  if (!('text' in read)) {
    return {
      diagnostics: [{ code: 'SDK1001', severity: 'error', message: read.problem, hint: read.hint, file: displayPath }],
    };
  }
  return parseSpecSource(read.text, absolutePath, displayPath, limits);
}

export function parseSpecSource(
  text: string,
  absolutePath: string,
  displayPath: string,
  limits: SpecLimits = defaultSpecLimits,
): LoadResult {
  const { parsed, diagnostics } = parseSpecText(text, displayPath, limits);
  if (!parsed) return { diagnostics: withPositions(diagnostics, text, absolutePath, displayPath) };
  return {
    source: new SpecSource(absolutePath, displayPath, text, parsed.value, parsed.positionIndex),
    diagnostics,
  };
}

/** Fills in line and column for problems known only by their JSON pointer. */
function withPositions(diagnostics: Diagnostic[], text: string, path: string, displayPath: string): Diagnostic[] {
  if (!diagnostics.some((d) => d.pointer !== undefined && !d.position)) return diagnostics;
  const source = new SpecSource(path, displayPath, text, undefined);
  return diagnostics.map((d) => {
    if (d.pointer === undefined || d.position) return d;
    const position = source.locate(d.pointer);
    return position ? { ...d, position } : d;
  });
}

/** The root of an OpenAPI document must be an object naming its version. */
export function checkRootDocument(source: SpecSource): Diagnostic[] {
  const root = source.value;
  if (!isRecord(root)) {
    return [rootError(source, 'The document is not an object.', 'An OpenAPI document starts with `openapi: 3.x.y`.')];
  }
  const version = root['openapi'];
  if (typeof version === 'string' && /^3\.[012]\./.test(version)) return [];
  // Swagger 2.0 is converted to OpenAPI 3.0 after its files are resolved.
  if (version === undefined && root['swagger'] === '2.0') return [];
  return [
    rootError(
      source,
      `Unsupported OpenAPI version ${JSON.stringify(version ?? root['swagger'] ?? null)}.`,
      'Set `openapi` to a 3.0.x, 3.1.x or 3.2.x version (or `swagger` to 2.0).',
      typeof version === 'string' ? '/openapi' : '',
    ),
  ];
}

function rootError(source: SpecSource, message: string, hint: string, pointer = ''): Diagnostic {
  return source.diagnosticAt(pointer, { code: 'SDK1004', severity: 'error', message, hint });
}
