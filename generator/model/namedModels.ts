import { basename, extname } from 'node:path';
import { locationKey, type Location } from '../resolve/location';
import { isRecord } from '../util/guards';
import { parsePointer } from '../util/jsonPointer';
import { warnAt, type ModelContext } from './context';
import { docsOf } from './docs';
import { toTypeName } from './identifiers';
import { schemaType } from './schemaType';
import type { NamedModel, TypeNode } from './types';

/**
 * The name of the model for the schema at `location` (the target of a
 * `$ref`). On first use the name is reserved and the schema queued for
 * `defineQueuedModels`, so a model that refers to itself, or a chain of
 * thousands of references, costs no recursion.
 */
export function namedModelFor(context: ModelContext, location: Location): string {
  const existing = context.models.get(locationKey(location));
  if (existing) return existing.name;
  const name = reserveModelName(context, location);
  context.undefinedModels.push(location);
  return name;
}

/** Converts every queued schema, including those queued while converting. */
export function defineQueuedModels(context: ModelContext): void {
  for (let location = context.undefinedModels.shift(); location; location = context.undefinedModels.shift()) {
    const entry = context.models.get(locationKey(location));
    if (entry && 'pending' in entry) defineModel(context, location, entry.name);
  }
}

/** Claims the name of a schema before converting anything, so names follow spec order. */
export function reserveModelName(context: ModelContext, location: Location): string {
  const key = locationKey(location);
  const existing = context.models.get(key);
  if (existing) return existing.name;
  const name = context.names.claim(chosenName(context, location) ?? toTypeName(nameFromLocation(location)), {
    folder: 'models',
    report: (fields) => warnAt(context, location, fields),
  });
  context.models.set(key, { name, pending: true });
  return name;
}

/** Converts a schema whose name is reserved; a no-op when it is converted already. */
export function defineModel(context: ModelContext, location: Location, name: string): string {
  const key = locationKey(location);
  const entry = context.models.get(key);
  if (entry && !('pending' in entry)) return entry.name;
  const type = schemaType(context, location);
  const schema = context.spec.valueAt(location);
  const model: NamedModel = {
    name,
    file: location.source.displayPath,
    pointer: location.pointer,
    type,
    docs: docsOf(schema),
    ...(isEnum(schema, type)
      ? {
          enumValuesName: context.names.claim(`${name}Values`, {
            report: (fields) => warnAt(context, location, fields),
          }),
        }
      : {}),
  };
  context.models.set(key, model);
  return name;
}

/** A schema with `enum` whose type came out as literals gets a runtime list of its values. */
function isEnum(schema: unknown, type: TypeNode): boolean {
  if (!isRecord(schema) || !Array.isArray(schema['enum'])) return false;
  const members = type.kind === 'union' ? type.members : [type];
  return members.every((member) => member.kind === 'literal' || member.kind === 'null');
}

/** The name the config's `naming.models` gives a component schema, if any. */
function chosenName(context: ModelContext, location: Location): string | undefined {
  if (context.naming.models === undefined) return undefined;
  const segments = parsePointer(location.pointer);
  if (segments?.length !== 3 || segments[0] !== 'components' || segments[1] !== 'schemas') return undefined;
  return context.naming.models?.[segments[2]!];
}

const structuralSegments = new Set([
  'components',
  'schemas',
  'definitions',
  '$defs',
  'properties',
  'items',
  'prefixItems',
  'allOf',
  'oneOf',
  'anyOf',
  'additionalProperties',
  'content',
  'schema',
  'paths',
  'parameters',
  'responses',
  'requestBodies',
]);

/** Keys under which a document names its schemas: a digit-only key there is a name, not an index. */
const schemaMaps = new Set(['schemas', 'definitions', '$defs']);

/**
 * A readable name from where a schema lives: `#/components/schemas/Pet` is
 * `Pet`; the root of `schemas/Pet.yaml` is `Pet`; a nested schema joins the
 * meaningful segments of its pointer (`Pet` + `properties/owner` -> `PetOwner`).
 * A schema named by digits only (`#/components/schemas/404`) is `Schema404`.
 */
function nameFromLocation(location: Location): string {
  const all = parsePointer(location.pointer) ?? [];
  const segments = all.filter(
    (segment, index) =>
      !structuralSegments.has(segment) &&
      (!/^\d+$/.test(segment) || schemaMaps.has(all[index - 1] ?? '')) &&
      !segment.includes('/'),
  );
  if (segments.length === 0) segments.push(basename(location.source.path, extname(location.source.path)));
  const name = segments.map((segment) => toTypeName(segment)).join('');
  return /^\d+$/.test(segments[0]!) ? `Schema${name.replace(/^_/, '')}` : name;
}
