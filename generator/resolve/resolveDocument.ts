import { realpath } from 'node:fs/promises';
import { dirname, sep } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { loadSpecFile } from '../load/loadSpec';
import type { ParseLimits } from '../load/parseSpecText';
import type { SpecSource } from '../load/specSource';
import { isRecord } from '../util/guards';
import { collectRefs } from './collectRefs';
import { diagnosticAt, locationKey, type Location } from './location';
import { parseRef } from './parseRef';
import { ResolvedSpec } from './resolvedSpec';

export interface ResolveOptions {
  readonly cwd: string;
  readonly limits?: ParseLimits;
}

/**
 * Loads every file the root document references (relative `$ref`s, confined to
 * the root's folder) and checks that every `$ref` leads somewhere. All broken
 * references are reported together.
 */
export async function resolveDocument(
  root: SpecSource,
  options: ResolveOptions,
): Promise<{ spec: ResolvedSpec; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = [];
  const sources = new Map<string, SpecSource>([[root.path, root]]);
  const rootFolder = await realFolder(dirname(root.path));
  const pending: SpecSource[] = [root];
  const refSites: { site: Location; ref: string }[] = [];

  while (pending.length > 0) {
    const source = pending.shift()!;
    for (const { pointer, ref } of collectRefs(source.value)) {
      const site: Location = { source, pointer };
      refSites.push({ site, ref });
      const parsed = parseRef(ref, source.path);
      if (parsed.kind === 'remote') {
        diagnostics.push(
          refError(
            site,
            ref,
            'SDK2003',
            `it names a remote document (${parsed.url}), which is not fetched`,
            'Download the document next to the spec and reference it by a relative path.',
          ),
        );
      } else if (parsed.kind === 'invalid') {
        diagnostics.push(
          refError(site, ref, 'SDK2002', parsed.reason, 'Write the reference as `file.yaml#/json/pointer`.'),
        );
      } else if (parsed.kind === 'file' && !sources.has(parsed.path)) {
        const loaded = await loadReferencedFile(parsed.path, rootFolder, site, ref, options);
        diagnostics.push(...loaded.diagnostics);
        if (loaded.source) {
          sources.set(parsed.path, loaded.source);
          pending.push(loaded.source);
        }
      }
    }
  }

  const spec = new ResolvedSpec(root, sources);
  for (const { site, ref } of refSites) {
    const parsed = parseRef(ref, site.source.path);
    if (parsed.kind !== 'local' && !(parsed.kind === 'file' && sources.has(parsed.path))) continue;
    const problem = checkTarget(spec, site);
    if (problem) diagnostics.push(refError(site, ref, problem.code, problem.reason, problem.hint));
  }
  return { spec, diagnostics };
}

function checkTarget(spec: ResolvedSpec, site: Location): { code: string; reason: string; hint: string } | undefined {
  const seen: string[] = [];
  let current = site;
  for (;;) {
    const value = spec.valueAt(current);
    const ref = isRecord(value) ? value['$ref'] : undefined;
    if (value === undefined) {
      return { code: 'SDK2001', reason: 'it points to nothing', hint: 'Fix the pointer or add the missing component.' };
    }
    if (typeof ref !== 'string') return undefined;
    const key = locationKey(current);
    if (seen.includes(key)) {
      return {
        code: 'SDK2004',
        reason: `it is part of a cycle of references with no content: ${seen.map((k) => k.slice(k.indexOf('#'))).join(' -> ')}`,
        hint: 'Give one of the schemas in the cycle real content (properties, items, a type).',
      };
    }
    seen.push(key);
    const target = spec.targetOf(ref, current);
    if (!target) return undefined; // A file that failed to load is reported already.
    current = target;
  }
}

async function loadReferencedFile(
  path: string,
  rootFolder: string,
  site: Location,
  ref: string,
  options: ResolveOptions,
): Promise<{ source?: SpecSource; diagnostics: Diagnostic[] }> {
  const outside = refError(
    site,
    ref,
    'SDK2005',
    'it names a file outside the folder of the root document',
    'Move the file into the spec folder; references may not leave it.',
  );
  let real: string;
  try {
    real = await realpath(path);
  } catch {
    if (!isInside(path, rootFolder)) return { diagnostics: [outside] };
    return { diagnostics: [refError(site, ref, 'SDK2006', 'the file it names does not exist', 'Fix the file path.')] };
  }
  if (!isInside(real, rootFolder)) return { diagnostics: [outside] };
  const loaded = await loadSpecFile(path, { cwd: options.cwd, ...(options.limits ? { limits: options.limits } : {}) });
  return { ...(loaded.source ? { source: loaded.source } : {}), diagnostics: [...loaded.diagnostics] };
}

async function realFolder(folder: string): Promise<string> {
  try {
    return await realpath(folder);
  } catch {
    return folder;
  }
}

function isInside(path: string, folder: string): boolean {
  return path.startsWith(folder.endsWith(sep) ? folder : folder + sep);
}

function refError(site: Location, ref: string, code: string, reason: string, hint: string): Diagnostic {
  return diagnosticAt(
    { source: site.source, pointer: `${site.pointer}/$ref` },
    { code, severity: 'error', message: `The reference ${JSON.stringify(ref)} is broken: ${reason}.`, hint },
  );
}
