import { basename, extname } from 'node:path';
import { collectRefs } from '../resolve/collectRefs';
import { locationKey, type Location } from '../resolve/location';
import type { ResolvedSpec } from '../resolve/resolvedSpec';
import { isRecord } from '../util/guards';
import { appendPointer, getAtPointer, parsePointer, toPointer } from '../util/jsonPointer';

type Section = 'definitions' | 'parameters' | 'responses';

/**
 * One Swagger 2.0 document out of a root file and the files it references:
 * every schema, parameter or response taken from another file is copied into
 * the root's `definitions`, `parameters` or `responses` (named after its
 * pointer or its file) and referenced from there. The converter to OpenAPI 3.0
 * then sees, and upgrades, every part of the spec, and never reads a file itself.
 */
export function bundleSwagger2(spec: ResolvedSpec): Record<string, unknown> {
  const document = structuredClone(spec.document);
  const hoisted = new Map<string, string>();

  const sectionOf = (name: Section): Record<string, unknown> => {
    if (!isRecord(document[name])) document[name] = {};
    return document[name] as Record<string, unknown>;
  };

  /** Rewrites the `$ref`s of `value` (a copy of the node at `at`) in place; `logical` is where it lands in the bundle. */
  const rewrite = (value: unknown, at: Location, logical: string): void => {
    for (const site of collectRefs(value)) {
      const holder = getAtPointer(value, site.pointer) as Record<string, unknown>;
      const target = spec.targetOf(site.ref, { source: at.source, pointer: at.pointer + site.pointer });
      if (!target) continue; // Broken references are reported by the resolve stage.
      if (target.source === spec.root) {
        // A copied node names the root's own parts with a local reference.
        if (at.source !== spec.root) holder['$ref'] = `#${encodeFragment(target.pointer)}`;
        continue;
      }
      const sitePointer = logical + site.pointer;
      const section = sectionFor(sitePointer);
      if (section === undefined) {
        // A path item from another file: copied in place.
        const copy = structuredClone(spec.valueAt(target));
        rewrite(copy, target, sitePointer);
        replaceContents(holder, copy);
        continue;
      }
      holder['$ref'] = `#${encodeFragment(hoist(target, section))}`;
    }
  };

  const hoist = (target: Location, section: Section): string => {
    const key = `${section} ${locationKey(target)}`;
    const existing = hoisted.get(key);
    if (existing) return existing;
    const entries = sectionOf(section);
    const wanted = hoistedName(target);
    let name = wanted;
    for (let suffix = 2; name in entries; suffix++) name = `${wanted}${suffix}`;
    const pointer = toPointer([section, name]);
    hoisted.set(key, pointer);
    const copy = structuredClone(spec.valueAt(target));
    entries[name] = copy;
    rewrite(copy, target, pointer);
    return pointer;
  };

  rewrite(document, spec.rootLocation(), '');
  return document;
}

/**
 * What a reference at `pointer` stands for: a parameter (in a `parameters`
 * list or map), a response (in a `responses` map), a path item, or a schema.
 */
function sectionFor(pointer: string): Section | undefined {
  const segments = parsePointer(pointer) ?? [];
  const parent = segments[segments.length - 2];
  if (segments.length === 2 && segments[0] === 'paths') return undefined;
  const inSchema = segments.some((segment, index) => index < segments.length - 2 && isSchemaKeyword(segment));
  if (!inSchema && parent === 'parameters') return 'parameters';
  if (!inSchema && parent === 'responses') return 'responses';
  return 'definitions';
}

function isSchemaKeyword(segment: string): boolean {
  return ['schema', 'definitions', 'properties', 'items', 'allOf', 'additionalProperties'].includes(segment);
}

function hoistedName(target: Location): string {
  const segments = parsePointer(target.pointer) ?? [];
  const last = segments[segments.length - 1];
  return last ?? basename(target.source.path, extname(target.source.path));
}

function replaceContents(holder: Record<string, unknown>, value: unknown): void {
  for (const key of Object.keys(holder)) delete holder[key];
  if (isRecord(value)) Object.assign(holder, value);
}

/** A JSON pointer as a URI fragment: characters outside the fragment set are percent-encoded. */
function encodeFragment(pointer: string): string {
  return appendPointer('', ...(parsePointer(pointer) ?? [])).replace(/[^A-Za-z0-9\-._~!$&'()*+,;=:@/]/g, (character) =>
    encodeURIComponent(character),
  );
}
