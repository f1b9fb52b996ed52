import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Options } from 'prettier';
import type { EmittedFile } from '../emit/emittedFile';
import { layoutIndent, layoutWidth } from '../emit/layoutOptions';
import { FormatCache } from './formatCache';
import { FormatterPool } from './formatterPool';

/** How generated code is laid out; the runtime templates are written in the same style. */
export const prettierOptions: Options = {
  // Prettier's Babel TypeScript parser prints the same code as its `typescript`
  // parser and parses our output in about half the time; the pool falls back
  // to `typescript` for a file Babel cannot parse.
  parser: 'babel-ts',
  singleQuote: true,
  printWidth: layoutWidth,
  tabWidth: layoutIndent,
  trailingComma: 'all',
};

export interface FormatOptions {
  readonly prettier?: Options;
  /** The working folder: where the format cache lives (see FormatCache). */
  readonly cwd?: string;
  /** Workers started earlier; the caller closes them. Without, a pool lives for this call. */
  readonly pool?: FormatterPool | undefined;
}

/**
 * Formats the generated files with prettier, in worker threads: prettier's
 * cost grows faster than a file's size, so many files on all cores beat one
 * thread. With the generator's own options, only the statements the emitter
 * did not write in prettier's layout go (formatting a statement alone gives
 * what formatting it in its file gives, for options that only choose a
 * layout); with the user's options, whole files. Texts formatted before with
 * the same prettier and options come from the cache. Runtime files and
 * documents are already laid out and pass through.
 */
export async function formatFiles(files: readonly EmittedFile[], options: FormatOptions = {}): Promise<EmittedFile[]> {
  const prettier = options.prettier ?? prettierOptions;
  const pieces = piecesOf(files, isOurLayout(prettier));
  const cache = options.cwd === undefined ? undefined : FormatCache.open(options.cwd, prettierVersion(), prettier);
  const formatted = new Map<string, string>();
  const pending: string[] = [];
  for (const { text } of pieces) {
    if (formatted.has(text)) continue;
    const cached = cache?.get(text);
    if (cached === undefined) pending.push(text);
    formatted.set(text, cached ?? '');
  }

  if (pending.length > 0) {
    // One worker, and more as the text queued for them asks for (see FormatterPool).
    const pool = options.pool ?? new FormatterPool(1);
    const boundary = batchBoundary(pending, prettier);
    try {
      await Promise.all(
        batchesOf(pending, boundary === undefined ? 1 : batchBytes).map(async (batch) => {
          const texts = await pool.formatBatch(batch, prettier, boundary);
          batch.forEach((text, index) => formatted.set(text, texts[index]!));
          for (const [index, text] of batch.entries()) await cache?.set(text, texts[index]!);
        }),
      );
    } finally {
      if (!options.pool) await pool.close();
    }
    cache?.prune();
  }
  const byPath = new Map<string, Piece[]>();
  for (const piece of pieces) byPath.set(piece.path, [...(byPath.get(piece.path) ?? []), piece]);
  return files.map((file) => withFormatted(file, byPath.get(file.path) ?? [], formatted));
}

/** A text prettier formats: a whole file, or one statement of it (`range`). */
interface Piece {
  readonly path: string;
  readonly range?: { readonly start: number; readonly end: number };
  readonly text: string;
}

function piecesOf(files: readonly EmittedFile[], ourLayout: boolean): Piece[] {
  return files.flatMap((file): Piece[] => {
    if (file.origin !== 'generated') return [];
    if (!ourLayout || !file.unformatted) return [{ path: file.path, text: file.content }];
    return file.unformatted.map((range) => ({
      path: file.path,
      range,
      text: file.content.slice(range.start, range.end),
    }));
  });
}

/** The file with its pieces replaced by prettier's text for them. */
function withFormatted(file: EmittedFile, own: readonly Piece[], formatted: Map<string, string>): EmittedFile {
  if (file.origin !== 'generated') return file;
  const whole = own.find((piece) => piece.range === undefined);
  if (whole) return { path: file.path, content: formatted.get(whole.text)!, origin: file.origin };
  let content = '';
  let at = 0;
  for (const { range, text } of own) {
    // Prettier ends a text with a line break; a statement's range stops before its own.
    content += file.content.slice(at, range!.start) + formatted.get(text)!.replace(/\n$/, '');
    at = range!.end;
  }
  return { path: file.path, content: content + file.content.slice(at), origin: file.origin };
}

/** Whether these are the generator's own options, the layout the emitters write in. */
function isOurLayout(options: Options): boolean {
  const keys = Object.keys(options).filter((key) => options[key as keyof Options] !== undefined);
  return (
    keys.length === Object.keys(prettierOptions).length &&
    keys.every((key) => options[key as keyof Options] === prettierOptions[key as keyof Options])
  );
}

/** About this much text goes to prettier in one call; see FormatterPool for why files are batched. */
const batchBytes = 48_000;

/** Consecutive texts, up to about `maxBytes` per batch (a larger text alone). */
function batchesOf(texts: readonly string[], maxBytes: number): string[][] {
  const batches: string[][] = [];
  let current: string[] = [];
  let size = 0;
  for (const text of texts) {
    if (current.length > 0 && size + text.length > maxBytes) {
      batches.push(current);
      current = [];
      size = 0;
    }
    current.push(text);
    size += text.length;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/**
 * Options that only choose a layout, which prettier applies to each statement
 * alike, so formatting files joined is formatting each. Anything else (plugins
 * that sort imports, pragmas, CRLF line ends) gets one file per call.
 */
const layoutOptions = new Set([
  'parser',
  'printWidth',
  'tabWidth',
  'useTabs',
  'semi',
  'singleQuote',
  'jsxSingleQuote',
  'quoteProps',
  'trailingComma',
  'bracketSpacing',
  'bracketSameLine',
  'objectWrap',
  'arrowParens',
  'experimentalTernaries',
  'experimentalOperatorPosition',
]);

/** A comment line found in none of the files, that joins them for one prettier call; none when they cannot be joined. */
function batchBoundary(texts: readonly string[], options: Options): string | undefined {
  const joinable = Object.entries(options).every(
    ([key, value]) =>
      layoutOptions.has(key) || value === undefined || (key === 'endOfLine' && (value === 'lf' || value === 'auto')),
  );
  if (!joinable || (options.parser !== 'babel-ts' && options.parser !== 'typescript')) return undefined;
  const boundary = `// sdkgen format boundary ${randomUUID()}`;
  return texts.some((text) => text.includes(boundary)) ? undefined : boundary;
}

/** Read from its package.json: importing prettier on the main thread would cost its load time for nothing. */
function prettierVersion(): string {
  const packageJson = join(dirname(require.resolve('prettier')), 'package.json');
  return (JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string }).version;
}
