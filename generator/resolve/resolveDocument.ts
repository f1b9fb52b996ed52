import { realpath } from 'node:fs/promises';
import { dirname, sep } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { defaultSpecLimits, type SpecLimits } from '../load/limits';
import { loadSpecFile, parseSpecSource } from '../load/loadSpec';
import type { SpecSource } from '../load/specSource';
import { isRecord } from '../util/guards';
import { collectRefs } from './collectRefs';
import { defaultRemoteOptions, fetchRemote, isAllowedHost, type RemoteOptions } from './fetchRemote';
import { diagnosticAt, locationKey, type Location } from './location';
import { parseRef, selfOf, type ParsedRef } from './parseRef';
import { ResolvedSpec } from './resolvedSpec';

export interface ResolveOptions {
  readonly cwd: string;
  /** The folder referenced files must be in (absolute); by default the root document's folder. */
  readonly folder?: string;
  readonly limits?: SpecLimits;
  /** Which remote documents a `$ref` may fetch; none unless the user allows hosts. */
  readonly remote?: RemoteOptions;
}

type Loaded = { source?: SpecSource; diagnostics: Diagnostic[] };

/**
 * Loads every document the root references (relative `$ref`s confined to the
 * root's folder, http(s) ones only from allowed hosts) and checks that every
 * `$ref` leads somewhere. All broken references are reported together.
 */
export async function resolveDocument(
  root: SpecSource,
  options: ResolveOptions,
): Promise<{ spec: ResolvedSpec; diagnostics: Diagnostic[] }> {
  const limits = options.limits ?? defaultSpecLimits;
  const diagnostics: Diagnostic[] = [];
  const sources = new Map<string, SpecSource>([[root.path, root]]);
  // A file that failed to load is reported once, at the first reference to it.
  const failed = new Set<string>();
  const rootFolder = await realFolder(options.folder ?? dirname(root.path));
  const pending: SpecSource[] = [root];
  const refSites: { site: Location; ref: string }[] = [];

  while (pending.length > 0) {
    const source = pending.shift()!;
    for (const { pointer, ref } of collectRefs(source.value)) {
      const site: Location = { source, pointer };
      refSites.push({ site, ref });
      const parsed = parseRef(ref, source.path, selfOf(source.value));
      if (parsed.kind === 'invalid') {
        diagnostics.push(
          refError(site, ref, 'SDK2002', parsed.reason, 'Write the reference as `file.yaml#/json/pointer`.'),
        );
        continue;
      }
      if (parsed.kind === 'local') continue;
      const key = parsed.kind === 'file' ? parsed.path : parsed.url;
      if (sources.has(key) || failed.has(key)) continue;
      if (sources.size >= limits.maxFiles) {
        diagnostics.push(
          refError(
            site,
            ref,
            'SDK2007',
            `the spec already references ${limits.maxFiles} documents, the most allowed`,
            'Merge documents, or raise the maxFiles limit.',
          ),
        );
        failed.add(key);
        continue;
      }
      const loaded = await loadReferenced(parsed, { site, ref, rootFolder, options, limits });
      diagnostics.push(...loaded.diagnostics);
      if (loaded.source) {
        sources.set(key, loaded.source);
        pending.push(loaded.source);
      } else {
        failed.add(key);
      }
    }
  }

  const spec = new ResolvedSpec(root, sources);
  for (const { site, ref } of refSites) {
    const parsed = parseRef(ref, site.source.path, selfOf(site.source.value));
    const loaded =
      parsed.kind === 'local' ||
      (parsed.kind === 'file' && sources.has(parsed.path)) ||
      (parsed.kind === 'remote' && sources.has(parsed.url));
    if (!loaded) continue;
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
      const cycle = [...seen.slice(seen.indexOf(key)), key].map((k) => k.slice(k.indexOf('#')));
      return {
        code: 'SDK2004',
        reason: `it is part of a cycle of references with no content: ${cycle.join(' -> ')}`,
        hint: 'Give one of the schemas in the cycle real content (properties, items, a type).',
      };
    }
    seen.push(key);
    const target = spec.targetOf(ref, current);
    if (!target) return undefined; // A document that failed to load is reported already.
    current = target;
  }
}

interface LoadContext {
  readonly site: Location;
  readonly ref: string;
  readonly rootFolder: string;
  readonly options: ResolveOptions;
  readonly limits: SpecLimits;
}

function loadReferenced(parsed: ParsedRef & { kind: 'file' | 'remote' }, context: LoadContext): Promise<Loaded> {
  return parsed.kind === 'file' ? loadReferencedFile(parsed.path, context) : loadRemote(parsed.url, context);
}

/**
 * A file is read only when its real path (symbolic links resolved) lies
 * inside the real folder of the root document: checked before opening it, for
 * a clear error, and again on the file opened (see `readSpecFile`).
 */
async function loadReferencedFile(path: string, context: LoadContext): Promise<Loaded> {
  const { site, ref, rootFolder, options, limits } = context;
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
  const loaded = await loadSpecFile(path, { cwd: options.cwd, limits, readFrom: real, confinedTo: rootFolder });
  return { ...(loaded.source ? { source: loaded.source } : {}), diagnostics: [...loaded.diagnostics] };
}

/** An http(s) document, fetched only from a host the user allowed; any other host is never contacted. */
async function loadRemote(url: string, context: LoadContext): Promise<Loaded> {
  const { site, ref, options, limits } = context;
  const remote = options.remote ?? defaultRemoteOptions;
  const parsedUrl = new URL(url);
  if (!isAllowedHost(parsedUrl, remote.allowedHosts)) {
    return {
      diagnostics: [
        refError(
          site,
          ref,
          'SDK2003',
          `it names a remote document on ${parsedUrl.host}, a host that is not allowed`,
          `Download the document next to the spec and reference it by a relative path, or allow the host in the config (remote: { allowedHosts: ["${parsedUrl.host}"] }).`,
        ),
      ],
    };
  }
  const fetched = await fetchRemote(parsedUrl, remote, limits);
  if (!('text' in fetched)) {
    return { diagnostics: [refError(site, ref, 'SDK2008', fetched.problem.replace(/\.$/, ''), fetched.hint)] };
  }
  const loaded = parseSpecSource(fetched.text, url, url, limits);
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
