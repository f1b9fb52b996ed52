import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Diagnostic } from '../../generator/diagnostics/diagnostic';
import { checkRootDocument, loadSpecFile } from '../../generator/load/loadSpec';
import { buildModel } from '../../generator/model/buildModel';
import type { SdkModel } from '../../generator/model/types';
import { resolveDocument } from '../../generator/resolve/resolveDocument';

/** Writes files (path -> text) into a fresh temporary folder; returns the folder and a cleanup. */
export function writeTempFiles(files: Record<string, string>): { folder: string; cleanup: () => void } {
  const folder = mkdtempSync(join(tmpdir(), 'sdkgen-test-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(folder, path)), { recursive: true });
    writeFileSync(join(folder, path), text);
  }
  return { folder, cleanup: () => rmSync(folder, { recursive: true, force: true }) };
}

/** Runs load -> resolve -> model on spec files given as text; `root` names the entry file. */
export async function buildFromFiles(
  files: Record<string, string>,
  root = Object.keys(files)[0]!,
  options: Parameters<typeof buildModel>[1] = {},
): Promise<{ model?: SdkModel; diagnostics: Diagnostic[] }> {
  const { folder, cleanup } = writeTempFiles(files);
  try {
    const loaded = await loadSpecFile(join(folder, root), { cwd: folder });
    if (!loaded.source) return { diagnostics: [...loaded.diagnostics] };
    const rootProblems = checkRootDocument(loaded.source);
    if (rootProblems.length > 0) return { diagnostics: rootProblems };
    const resolved = await resolveDocument(loaded.source, { cwd: folder });
    if (resolved.diagnostics.some((d) => d.severity === 'error')) return { diagnostics: resolved.diagnostics };
    const built = buildModel(resolved.spec, options);
    return { model: built.model, diagnostics: [...resolved.diagnostics, ...built.diagnostics] };
  } finally {
    cleanup();
  }
}

/** A one-file OpenAPI 3.x document (YAML) with the given components/schemas and paths. */
export function specText(parts: { version?: string; schemas?: string; paths?: string; extra?: string }): string {
  const indent = (text: string, by: number): string => text.replace(/^(?=.)/gm, ' '.repeat(by));
  return [
    `openapi: ${parts.version ?? '3.0.3'}`,
    'info: { title: Test, version: 1.0.0 }',
    parts.paths ? `paths:\n${indent(parts.paths, 2)}` : 'paths: {}',
    parts.schemas ? `components:\n  schemas:\n${indent(parts.schemas, 4)}` : '',
    parts.extra ?? '',
  ].join('\n');
}

/** Runs load -> resolve -> model on a spec file on disk (a corpus spec, a fixture). */
export async function buildFromFile(path: string, options: Parameters<typeof buildModel>[1] = {}): Promise<SdkModel> {
  const folder = dirname(path);
  const loaded = await loadSpecFile(path, { cwd: folder });
  if (!loaded.source) throw new Error(`${path} does not load: ${JSON.stringify(loaded.diagnostics)}`);
  const resolved = await resolveDocument(loaded.source, { cwd: folder });
  return buildModel(resolved.spec, options).model;
}
