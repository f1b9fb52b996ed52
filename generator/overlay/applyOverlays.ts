import { resolve as resolvePath } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { fitsLimits } from '../load/checkExpandedValue';
import type { SpecLimits } from '../load/limits';
import { loadSpecFile } from '../load/loadSpec';
import type { SpecSource } from '../load/specSource';
import { applyAction, type OverlayState } from './applyAction';
import { OverlaidSource } from './overlaidSource';
import { readOverlayDocument, type OverlayDocument } from './overlayDocument';
import { Origins, setOwn } from './origins';

export interface OverlaidSpec {
  /** The root document with every overlay applied (the one given when there are none); absent on errors. */
  readonly source?: SpecSource;
  /** The overlay files, absolute, in the order given (read or not: a watcher follows them either way). */
  readonly files: readonly string[];
  /** Each overlay's name as given and its text, for the spec's hash. */
  readonly texts: readonly { readonly name: string; readonly text: string }[];
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Applies OpenAPI Overlays (1.0 and 1.1) to the root document, in the order given, each action to the result of
 * the one before. Overlay files are read by the spec's loader, within its limits, so every problem has a line.
 * Only the root document is changed: the files it `$ref`s are read later, as they are on disk.
 */
export async function applyOverlays(
  root: SpecSource,
  overlays: readonly string[],
  options: { readonly cwd: string; readonly limits: SpecLimits },
): Promise<OverlaidSpec> {
  if (overlays.length === 0) return { source: root, files: [], texts: [], diagnostics: [] };
  const files = overlays.map((path) => resolvePath(options.cwd, path));
  const loaded = await Promise.all(files.map((file) => loadSpecFile(file, options)));
  const diagnostics: Diagnostic[] = [];
  const documents: OverlayDocument[] = [];
  const texts: { name: string; text: string }[] = [];
  loaded.forEach((result, index) => {
    diagnostics.push(...result.diagnostics);
    if (!result.source) return;
    texts.push({ name: overlays[index]!.replace(/\\/g, '/'), text: result.source.text });
    const read = readOverlayDocument(result.source);
    diagnostics.push(...read.diagnostics);
    if (read.document) documents.push(read.document);
  });
  if (hasErrors(diagnostics)) return { files, texts, diagnostics };

  const applied = applyOverlayDocuments(root, documents, options.limits);
  return { ...applied, files, texts, diagnostics: [...diagnostics, ...applied.diagnostics] };
}

/** Applies overlays already read and checked, in order; the root document itself is left as it is. */
export function applyOverlayDocuments(
  root: SpecSource,
  documents: readonly OverlayDocument[],
  limits: SpecLimits,
): { source?: SpecSource; diagnostics: Diagnostic[] } {
  // A copy: YAML aliases share one object between places, and the actions change the document in place.
  const document = copyOf(root.value) as Record<string, unknown>;
  const origins = new Origins({ source: root, pointer: '' });
  const state: OverlayState = { document, origins, specName: root.displayPath };
  const diagnostics: Diagnostic[] = [];
  for (const overlay of documents) {
    for (const action of overlay.actions) {
      diagnostics.push(...applyAction(state, overlay, action));
      if (action.remove || fitsLimits(document, limits)) continue;
      diagnostics.push(
        overlay.source.diagnosticAt(`/actions/${action.index}`, {
          code: 'SDK1107',
          severity: 'error',
          message: `After action ${action.index}, the document is larger or deeper than the limits (${limits.maxNodes} values, ${limits.maxDepth} levels).`,
          hint: 'Narrow the target, copy a smaller node, or raise the maxNodes or maxDepth limit.',
        }),
      );
      return { diagnostics };
    }
  }
  if (hasErrors(diagnostics)) return { diagnostics };
  return { source: new OverlaidSource(root, document, origins), diagnostics };
}

function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((diagnostic) => diagnostic.severity === 'error');
}

/** A deep copy of a parsed document (its values as they are: YAML's `.inf` stays `Infinity`). */
function copyOf(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(copyOf);
  const copy = {};
  for (const [key, entry] of Object.entries(value)) setOwn(copy, key, copyOf(entry));
  return copy;
}
