import { createHash } from 'node:crypto';
import { dirname, relative, resolve as resolvePath } from 'node:path';
import type { Diagnostic } from './diagnostics/diagnostic';
import type { EmittedFile } from './emit/emittedFile';
import { emitSdk } from './emit/emitSdk';
import { formatFiles } from './format/formatFiles';
import { checkRootDocument, loadSpecFile } from './load/loadSpec';
import { buildModel } from './model/buildModel';
import type { SdkModel } from './model/types';
import { resolveDocument } from './resolve/resolveDocument';
import type { ResolvedSpec } from './resolve/resolvedSpec';

export interface GenerateInput {
  /** The spec as the user named it (relative to `cwd`, or absolute). */
  readonly specPath: string;
  readonly cwd: string;
}

export interface GenerateResult {
  /** The SDK's files, formatted; absent when the spec has errors. */
  readonly files?: readonly EmittedFile[];
  readonly model?: SdkModel;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * The whole generator: load -> resolve -> model -> emit -> format. Nothing is
 * written here; `writeOutput` does that once the result is known to be good.
 */
export async function generateSdk(input: GenerateInput): Promise<GenerateResult> {
  const loaded = await loadSpecFile(resolvePath(input.cwd, input.specPath), { cwd: input.cwd });
  if (!loaded.source) return { diagnostics: loaded.diagnostics };
  const rootProblems = checkRootDocument(loaded.source);
  if (rootProblems.length > 0) return { diagnostics: [...loaded.diagnostics, ...rootProblems] };

  const resolved = await resolveDocument(loaded.source, { cwd: input.cwd });
  const diagnostics: Diagnostic[] = [...loaded.diagnostics, ...resolved.diagnostics];
  if (hasErrors(diagnostics)) return { diagnostics };

  const built = buildModel(resolved.spec);
  diagnostics.push(...built.diagnostics);
  if (hasErrors(diagnostics)) return { diagnostics };

  const emitted = emitSdk(built.model, {
    specPath: input.specPath.replace(/\\/g, '/'),
    specHash: specHash(resolved.spec),
  });
  const files = await formatFiles(emitted, { cwd: input.cwd });
  return { files, model: built.model, diagnostics };
}

function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((diagnostic) => diagnostic.severity === 'error');
}

/** sha256 of the spec: of its one file, or of every file it references, in path order. */
export function specHash(spec: ResolvedSpec): string {
  const hash = createHash('sha256');
  if (spec.sources.size === 1) return hash.update(spec.root.text).digest('hex');
  const folder = dirname(spec.root.path);
  for (const path of [...spec.sources.keys()].sort()) {
    hash.update(`${relative(folder, path).replace(/\\/g, '/')}\0${spec.sources.get(path)!.text}\0`);
  }
  return hash.digest('hex');
}
