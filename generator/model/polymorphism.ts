import type { ResolvedSpec } from '../resolve/resolvedSpec';
import { childLocation, locationKey, type Location } from '../resolve/location';
import { isRecord } from '../util/guards';
import { toPointer } from '../util/jsonPointer';
import { warnAt, type ModelContext } from './context';
import { namedModelFor } from './namedModels';
import { refType, unionOf } from './typeNodes';
import type { TypeNode } from './types';
import { implicitValues, mappingValues, taggedMember } from './unions';

/** Per run of the model stage: each polymorphic base's type where the spec uses it (`null`: not one), by location. */
const basesByContext = new WeakMap<ModelContext, Map<string, TypeNode | null>>();
/** Per spec: the component schemas that name each schema in their `allOf`, by that schema's location. */
const heirsBySpec = new WeakMap<ResolvedSpec, Map<string, Location[]>>();

/**
 * A schema with a `discriminator` and no `oneOf` or `anyOf` is the base of
 * the schemas that extend it through `allOf` (OpenAPI 3.1 §4.8.25, "allOf"
 * polymorphism): where the spec uses the base as a type, the API sends one of
 * them, told by the discriminator property. That type is a model of its own,
 * `<Base>Variant`: their union, each member tagged with its values (the
 * mapping's keys that name it, else its name under `components/schemas`), so
 * it narrows on the property. The base itself is a member only when the
 * mapping names it. `undefined` for any other schema, and for a base nothing
 * extends: its own model is the type. The model of the base stays the object
 * its heirs extend.
 */
export function polymorphicType(context: ModelContext, base: Location, schema: unknown): TypeNode | undefined {
  if (!isRecord(schema) || 'oneOf' in schema || 'anyOf' in schema) return undefined;
  const discriminator = schema['discriminator'];
  if (!isRecord(discriminator) || typeof discriminator['propertyName'] !== 'string') return undefined;
  const known = basesByContext.get(context) ?? new Map<string, TypeNode | null>();
  basesByContext.set(context, known);
  const key = locationKey(base);
  if (!known.has(key)) known.set(key, unionOfHeirs(context, base, discriminator) ?? null);
  return known.get(key) ?? undefined;
}

function unionOfHeirs(
  context: ModelContext,
  base: Location,
  discriminator: Record<string, unknown>,
): TypeNode | undefined {
  const mapped = mappingValues(context, childLocation(base, 'discriminator'), discriminator);
  const members = new Map<string, Location>([...mapped].map(([key, { location }]) => [key, location]));
  for (const heir of heirsOf(context.spec).get(locationKey(base)) ?? []) members.set(locationKey(heir), heir);
  // The base is a variant of its own only when the mapping names it.
  if (!mapped.has(locationKey(base))) members.delete(locationKey(base));
  if (members.size === 0 || [...members.keys()].every((key) => key === locationKey(base))) return undefined;
  const propertyName = discriminator['propertyName'] as string;
  const union = unionOf(
    [...members].map(([key, location]) => {
      const values = mapped.get(key)?.values ?? implicitValues(context, location);
      const type = refType(namedModelFor(context, location));
      return values ? taggedMember(propertyName, values, type) : type;
    }),
  );
  const baseName = namedModelFor(context, base);
  const name = context.names.claim(`${baseName}Variant`, {
    folder: 'models',
    report: (fields) => warnAt(context, base, fields),
  });
  context.extraModels.push({
    name,
    file: base.source.displayPath,
    pointer: base.pointer,
    type: union,
    docs: { description: `One of the schemas that extend {@link ${baseName}}, told apart by \`${propertyName}\`.` },
  });
  return refType(name);
}

/** The component schemas whose `allOf` has a `$ref` to each schema, in spec order; found once per spec. */
function heirsOf(spec: ResolvedSpec): Map<string, Location[]> {
  const cached = heirsBySpec.get(spec);
  if (cached) return cached;
  const heirs = new Map<string, Location[]>();
  const components = spec.document['components'];
  const schemas = isRecord(components) && isRecord(components['schemas']) ? components['schemas'] : {};
  for (const [name, schema] of Object.entries(schemas)) {
    if (!isRecord(schema) || !Array.isArray(schema['allOf'])) continue;
    const location = spec.rootLocation(toPointer(['components', 'schemas', name]));
    schema['allOf'].forEach((member, index) => {
      if (!isRecord(member) || typeof member['$ref'] !== 'string') return;
      const target = spec.deref(childLocation(location, 'allOf', index));
      if (!target) return;
      const key = locationKey(target.location);
      heirs.set(key, [...(heirs.get(key) ?? []), location]);
    });
  }
  heirsBySpec.set(spec, heirs);
  return heirs;
}
