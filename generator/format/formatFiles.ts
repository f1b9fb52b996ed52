import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Options } from 'prettier';
import type { EmittedFile } from '../emit/emittedFile';
import { FormatCache } from './formatCache';
import { FormatterPool } from './formatterPool';

/** How generated code is laid out; the runtime templates are written in the same style. */
export const prettierOptions: Options = {
  // Prettier's Babel TypeScript parser prints the same code as its `typescript`
  // parser and parses our output in about half the time; the pool falls back
  // to `typescript` for a file Babel cannot parse.
  parser: 'babel-ts',
  singleQuote: true,
  printWidth: 120,
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
 * thread. Files formatted before with the same prettier and options come from
 * the cache. Runtime files and documents are already laid out and pass through.
 */
export async function formatFiles(files: readonly EmittedFile[], options: FormatOptions = {}): Promise<EmittedFile[]> {
  const prettier = options.prettier ?? prettierOptions;
  const cache = options.cwd === undefined ? undefined : FormatCache.open(options.cwd, prettierVersion(), prettier);
  const formatted = new Map<string, string>();
  const pending: EmittedFile[] = [];
  for (const file of files) {
    if (file.origin !== 'generated') continue;
    const cached = cache?.get(file.content);
    if (cached === undefined) pending.push(file);
    else formatted.set(file.path, cached);
  }

  if (pending.length > 0) {
    // One worker, and more as the text queued for them asks for (see FormatterPool).
    const pool = options.pool ?? new FormatterPool(1);
    const boundary = batchBoundary(pending, prettier);
    try {
      await Promise.all(
        batchesOf(pending, boundary === undefined ? 1 : batchBytes).map(async (batch) => {
          const texts = await pool.formatBatch(
            batch.map((file) => file.content),
            prettier,
            boundary,
          );
          batch.forEach((file, index) => formatted.set(file.path, texts[index]!));
          for (const [index, file] of batch.entries()) await cache?.set(file.content, texts[index]!);
        }),
      );
    } finally {
      if (!options.pool) await pool.close();
    }
    cache?.prune();
  }
  return files.map((file) => (formatted.has(file.path) ? { ...file, content: formatted.get(file.path)! } : file));
}

/** About this much text goes to prettier in one call; see FormatterPool for why files are batched. */
const batchBytes = 48_000;

/** Consecutive files, up to about `maxBytes` per batch (a larger file alone). */
function batchesOf(files: readonly EmittedFile[], maxBytes: number): EmittedFile[][] {
  const batches: EmittedFile[][] = [];
  let current: EmittedFile[] = [];
  let size = 0;
  for (const file of files) {
    if (current.length > 0 && size + file.content.length > maxBytes) {
      batches.push(current);
      current = [];
      size = 0;
    }
    current.push(file);
    size += file.content.length;
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
function batchBoundary(files: readonly EmittedFile[], options: Options): string | undefined {
  const joinable = Object.entries(options).every(
    ([key, value]) =>
      layoutOptions.has(key) || value === undefined || (key === 'endOfLine' && (value === 'lf' || value === 'auto')),
  );
  if (!joinable || (options.parser !== 'babel-ts' && options.parser !== 'typescript')) return undefined;
  const boundary = `// sdkgen format boundary ${randomUUID()}`;
  return files.some((file) => file.content.includes(boundary)) ? undefined : boundary;
}

/** Read from its package.json: importing prettier on the main thread would cost its load time for nothing. */
function prettierVersion(): string {
  const packageJson = join(dirname(require.resolve('prettier')), 'package.json');
  return (JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string }).version;
}
