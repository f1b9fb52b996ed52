import { childLocation, locationKey, type Location } from '../resolve/location';
import { isRecord } from '../util/guards';
import { unescapeSegment } from '../util/jsonPointer';
import { warnAt, type ModelContext } from './context';
import { namedModelFor } from './namedModels';
import { propertyOf, requiredNames } from './objects';
import { onlyAnnotates, schemaType } from './schemaType';
import { intersectionOf, literal, objectType, unionOf, unknownType } from './typeNodes';
import type { TypeNode } from './types';

/**
 * `oneOf` / `anyOf` as a union. With a `discriminator` (OpenAPI 3.1 §4.8.25),
 * each member is tagged with its discriminator value(s), so the union narrows
 * on that property even where the member schema types it as a plain string.
 */
export function unionType(
  context: ModelContext,
  location: Location,
  schema: Record<string, unknown>,
  keyword: 'oneOf' | 'anyOf',
): TypeNode {
  const members = (schema[keyword] as unknown[]).map((_, index) => childLocation(location, keyword, index));
  const discriminator = schema['discriminator'];
  if (!isRecord(discriminator) || typeof discriminator['propertyName'] !== 'string') {
    return unionOf(
      members.map((member) => requiredAlternative(context, location, schema, member) ?? schemaType(context, member)),
    );
  }
  const propertyName = discriminator['propertyName'];
  const valuesByTarget = mappingValues(context, childLocation(location, 'discriminator'), discriminator);
  const fallback = defaultMappingTarget(context, childLocation(location, 'discriminator'), discriminator);
  return unionOf(
    members.map((member) => {
      const type = schemaType(context, member);
      const target = context.spec.deref(member);
      if (!target || !isRefSite(context, member)) return type;
      // The member for a missing or unmapped value: no tag, whatever its property says.
      if (fallback === locationKey(target.location)) return type;
      const values =
        valuesByTarget.get(locationKey(target.location))?.values ?? implicitValues(context, target.location);
      return values ? taggedMember(propertyName, values, type) : type;
    }),
  );
}

/**
 * A member that only lists `required` names (`anyOf: [{ required: [domain] }, { required: [domains] }]`): which of
 * the schema's own properties must be there. It is those properties, required, typed as the schema declares them
 * (`unknown` for one it does not declare), so the union says that one of them must be sent.
 */
function requiredAlternative(
  context: ModelContext,
  location: Location,
  schema: Record<string, unknown>,
  member: Location,
): TypeNode | undefined {
  const value = context.spec.valueAt(member);
  if (!isRecord(value) || !Array.isArray(value['required']) || value['required'].length === 0) return undefined;
  const { required: _required, type, ...rest } = value;
  if ((type !== undefined && type !== 'object') || !onlyAnnotates(rest)) return undefined;
  const declared = isRecord(schema['properties']) ? schema['properties'] : {};
  return objectType(
    [...requiredNames(value)].map((name) =>
      // Documented once, on the schema's own properties.
      Object.hasOwn(declared, name)
        ? { ...propertyOf(context, childLocation(location, 'properties', name), name, true), docs: {} }
        : { name, required: true, readOnly: false, writeOnly: false, type: unknownType, docs: {} },
    ),
  );
}

/** A member of a discriminated union: `{ petType: 'cat' } & Cat`, so the union narrows on the property. */
export function taggedMember(propertyName: string, values: readonly string[], type: TypeNode): TypeNode {
  const tag = objectType([
    {
      name: propertyName,
      required: true,
      readOnly: false,
      writeOnly: false,
      type: unionOf(values.map(literal)),
      docs: {},
    },
  ]);
  return intersectionOf([tag, type]);
}

function isRefSite(context: ModelContext, location: Location): boolean {
  const value = context.spec.valueAt(location);
  return isRecord(value) && typeof value['$ref'] === 'string';
}

/**
 * `mapping` values are schema names or references; map each target schema
 * (by its location key) to where it is and the discriminator values that select it.
 */
export function mappingValues(
  context: ModelContext,
  location: Location,
  discriminator: Record<string, unknown>,
): Map<string, { readonly location: Location; readonly values: string[] }> {
  const byTarget = new Map<string, { location: Location; values: string[] }>();
  const mapping = discriminator['mapping'];
  if (!isRecord(mapping)) return byTarget;
  for (const [value, reference] of Object.entries(mapping)) {
    if (typeof reference !== 'string') continue;
    const site = childLocation(location, 'mapping', value);
    const target = context.spec.targetOf(mappingReference(reference), site);
    const resolved = target && context.spec.deref(target);
    if (!resolved) {
      warnAt(context, site, {
        code: 'SDK3106',
        message: `The discriminator mapping ${JSON.stringify(value)} names ${JSON.stringify(reference)}, which does not exist.`,
        hint: 'Map the value to an existing schema, e.g. `#/components/schemas/Cat`.',
      });
      continue;
    }
    // Make sure the target has a model even when no `oneOf` member names it directly.
    namedModelFor(context, resolved.location);
    const key = locationKey(resolved.location);
    const entry = byTarget.get(key) ?? { location: resolved.location, values: [] };
    entry.values.push(value);
    byTarget.set(key, entry);
  }
  return byTarget;
}

/**
 * OpenAPI 3.2 `defaultMapping`: the schema (a name or a reference, as in `mapping`) of a value whose property is
 * missing or maps to no other member. Its location key, or `undefined` when there is none.
 */
function defaultMappingTarget(
  context: ModelContext,
  location: Location,
  discriminator: Record<string, unknown>,
): string | undefined {
  const reference = discriminator['defaultMapping'];
  if (typeof reference !== 'string') return undefined;
  const target = context.spec.targetOf(mappingReference(reference), childLocation(location, 'defaultMapping'));
  const resolved = target && context.spec.deref(target);
  return resolved && locationKey(resolved.location);
}

/** A mapping names a schema of `components/schemas` (`Dog`), or refers to one (`#/components/schemas/Dog`). */
function mappingReference(reference: string): string {
  return reference.includes('#') || reference.includes('/') ? reference : `#/components/schemas/${reference}`;
}

/**
 * Without a mapping, the value is the schema's `x-ms-discriminator-value` (AutoRest's, in Azure specs: the value the
 * service sends, `map:single-machine-dependency`), else its name in `components/schemas` (or in another file's map of
 * schemas). A schema without a name (inline in an operation: `.../schema/anyOf/0`) has no implicit value: its member
 * is left untagged, as the property's own type says, rather than tagged with a pointer's segment no server sends.
 */
export function implicitValues(context: ModelContext, location: Location): readonly string[] | undefined {
  const declared = declaredDiscriminatorValue(context, location);
  if (declared !== undefined) return [declared];
  const segments = location.pointer.split('/');
  const named =
    segments.length === 2 ? segments[1] !== '' : ['schemas', 'definitions', '$defs'].includes(segments.at(-2) ?? '');
  if (!named) return undefined;
  return [unescapeSegment(segments.at(-1) ?? '')];
}

/** A schema's own discriminator value, `x-ms-discriminator-value` (AutoRest's, in Azure specs), when it has one. */
export function declaredDiscriminatorValue(context: ModelContext, location: Location): string | undefined {
  const schema = context.spec.valueAt(location);
  const declared = isRecord(schema) ? schema['x-ms-discriminator-value'] : undefined;
  return typeof declared === 'string' ? declared : undefined;
}
