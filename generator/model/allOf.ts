import { childLocation, locationKey, type Location } from '../resolve/location';
import { isRecord } from '../util/guards';
import { unescapeSegment } from '../util/jsonPointer';
import { warnAt, type ModelContext } from './context';
import { namedModelFor } from './namedModels';
import { additionalPropertiesType, objectTypeOf, propertyOf, requiredNames } from './objects';
import { onlyAnnotates, saysNullable, schemaObjectType, withoutNullable } from './schemaType';
import { intersectionOf, literal, objectType, refType, unionOf } from './typeNodes';
import type { Property, TypeNode } from './types';
import { declaredDiscriminatorValue } from './unions';

/**
 * One member of an `allOf`: a `$ref` to a schema (its target), or a schema
 * written in place. Keywords beside `allOf` (or, in 3.1, beside a `$ref`)
 * are one more in-place member.
 */
export type AllOfPart =
  | { readonly kind: 'ref'; readonly target: Location; readonly schema: Record<string, unknown> }
  | { readonly kind: 'inline'; readonly location: Location; readonly schema: Record<string, unknown> };

/**
 * The members of a schema's `allOf` that say something of the value (not
 * only a description or an example), plus its own object keywords when it
 * has some.
 */
export function allOfParts(context: ModelContext, location: Location, schema: Record<string, unknown>): AllOfPart[] {
  const parts = (schema['allOf'] as unknown[]).flatMap((_, index) =>
    partAt(context, childLocation(location, 'allOf', index)).filter(
      (part) => part.kind === 'ref' || !(onlyAnnotates(part.schema) || onlyNullable(part.schema)),
    ),
  );
  // `nullable` applies to the whole schema (see `schemaType`), not to one of its parts.
  const { allOf: _allOf, ...own } = withoutNullable(schema);
  return hasObjectPart(own) ? [...parts, { kind: 'inline', location, schema: own }] : parts;
}

/**
 * Whether a member says only `nullable: true` (`allOf: [A, { nullable: true }]`): how specs say that the value
 * may be null, and the API then sends null, though `nullable` without a `type` beside it means nothing in 3.0.
 */
export function allOfAllowsNull(schema: Record<string, unknown>): boolean {
  return Array.isArray(schema['allOf']) && schema['allOf'].some((member) => isRecord(member) && onlyNullable(member));
}

function onlyNullable(schema: Record<string, unknown>): boolean {
  return saysNullable(schema) && onlyAnnotates(withoutNullable(schema));
}

export function partAt(context: ModelContext, location: Location): AllOfPart[] {
  const value = context.spec.valueAt(location);
  if (!isRecord(value)) return [];
  if (typeof value['$ref'] !== 'string') return [{ kind: 'inline', location, schema: value }];
  const target = context.spec.deref(location);
  return target && isRecord(target.value) ? [{ kind: 'ref', target: target.location, schema: target.value }] : [];
}

/**
 * `allOf` (JSON Schema 2020-12 §10.2.1.1). When every member is an object
 * schema the result is one object type: it extends the `$ref`'d members when
 * that is sound in TypeScript, and lists every property itself otherwise. Any
 * other combination becomes an intersection.
 */
export function allOfType(context: ModelContext, location: Location, parts: readonly AllOfPart[]): TypeNode {
  const reach = allOfReach(context, location, parts);
  if (reach.tooFar) {
    warnAt(context, location, {
      code: 'SDK3107',
      message: `This allOf reaches more than ${maxAllOfMembers} schemas through $refs and nested allOfs; it is emitted as the intersection of its members instead of one merged object.`,
      hint: 'Flatten the chain of allOfs: a schema rarely needs more than a few levels of inheritance.',
    });
    return intersectionOf(parts.map((part) => partType(context, part)));
  }
  if (!parts.every((part) => isObjectSchema(context, part.schema, locationOf(part), new Set()))) {
    return intersectionOf(parts.map((part) => partType(context, part)));
  }
  if (reach.cyclic) {
    warnAt(context, location, {
      code: 'SDK3108',
      message:
        'This allOf includes the schema itself through $refs; every property of the cycle is merged into one object.',
      hint: 'Remove the $ref that leads back to the schema: allOf cannot inherit from itself.',
    });
    // `interface A extends B` with `B extends A` (or `type A = A`) does not compile; one flat object does.
    return flattenedObject(context, location, parts, reach.members);
  }
  const [only] = parts;
  if (parts.length === 1 && only?.kind === 'ref') {
    // `allOf: [$ref]` (a description or `nullable` beside a reference) is that model, unless it takes a tag.
    const model = refType(namedModelFor(context, only.target));
    if (withDiscriminatorTags(context, location, parts, model) === model) return model;
  }
  const merged = extendedObject(context, parts) ?? flattenedObject(context, location, parts, reach.members);
  return withDiscriminatorTags(context, location, parts, merged);
}

/**
 * A schema that inherits (through `allOf`) from a schema with a
 * `discriminator` is selected by its own discriminator value(s) (OpenAPI 3.1
 * §4.8.25: the mapping's keys that name it, else its name under
 * `components/schemas`): where the inherited property is a plain string, this
 * model's property is those values, so `Cat['petType']` is `'cat'`.
 */
function withDiscriminatorTags(
  context: ModelContext,
  self: Location,
  parts: readonly AllOfPart[],
  merged: TypeNode,
): TypeNode {
  let type = merged;
  for (const part of parts) {
    if (part.kind !== 'ref' || !isRecord(part.schema['discriminator'])) continue;
    const propertyName = part.schema['discriminator']['propertyName'];
    if (typeof propertyName !== 'string') continue;
    const site = collectProperties(context, part.target, part.schema, new Set()).get(propertyName)?.site;
    const declared = site && context.spec.deref(site)?.value;
    const plainString =
      isRecord(declared) &&
      declared['type'] === 'string' &&
      !['enum', 'const', 'format', 'nullable', 'x-nullable'].some((keyword) => keyword in declared);
    const values = plainString ? discriminatorValues(context, self, part.schema['discriminator']) : [];
    if (values.length > 0) type = withProperty(type, propertyName, unionOf(values.map(literal)));
  }
  return type;
}

function discriminatorValues(context: ModelContext, self: Location, discriminator: Record<string, unknown>): string[] {
  const selfKey = locationKey(self);
  const mapping = isRecord(discriminator['mapping']) ? discriminator['mapping'] : {};
  const mapped = Object.entries(mapping).flatMap(([value, reference]) => {
    if (typeof reference !== 'string') return [];
    const ref = reference.includes('#') || reference.includes('/') ? reference : `#/components/schemas/${reference}`;
    const target = context.spec.targetOf(ref, self);
    const resolved = target && context.spec.deref(target);
    return resolved && locationKey(resolved.location) === selfKey ? [value] : [];
  });
  if (mapped.length > 0) return mapped;
  const declared = declaredDiscriminatorValue(context, self);
  if (declared !== undefined) return [declared];
  const name = /^\/components\/schemas\/([^/]+)$/.exec(self.pointer)?.[1];
  return name !== undefined && self.source === context.spec.root ? [unescapeSegment(name)] : [];
}

/** The object with `name` set to `type`: a property of its own, beside or instead of an inherited one. */
function withProperty(type: TypeNode, name: string, tag: TypeNode): TypeNode {
  const property: Property = { name, required: true, readOnly: false, writeOnly: false, type: tag, docs: {} };
  if (type.kind === 'ref') return objectType([property], { bases: [type.name] });
  if (type.kind !== 'object') return type;
  const existing = type.properties.find((entry) => entry.name === name);
  const properties = existing
    ? type.properties.map((entry) => (entry === existing ? { ...entry, required: true, type: tag } : entry))
    : [property, ...type.properties];
  return { ...type, properties };
}

/**
 * Members an `allOf` may reach through `$ref`s and nested `allOf`s before it
 * is no longer merged: merging visits each one for every schema of the chain.
 */
export const maxAllOfMembers = 100;

/**
 * Walks (without recursion) what an `allOf` reaches: whether a `$ref` leads
 * back to the schema at `self`, whether it reaches too many schemas, and
 * every schema it reaches, each once, in spec order (depth first).
 */
function allOfReach(
  context: ModelContext,
  self: Location,
  parts: readonly AllOfPart[],
): { cyclic: boolean; tooFar: boolean; members: AllOfPart[] } {
  const selfKey = locationKey(self);
  const seen = new Set<string>();
  const members: AllOfPart[] = [];
  // Pushed in reverse, popped in spec order.
  const pending = [...parts].reverse();
  let cyclic = false;
  for (let part = pending.pop(); part; part = pending.pop()) {
    const location = locationOf(part);
    const key = locationKey(location);
    if (part.kind === 'ref' && key === selfKey) cyclic = true;
    if (seen.has(key)) continue;
    seen.add(key);
    members.push(part);
    if (seen.size > maxAllOfMembers) return { cyclic, tooFar: true, members };
    const nested = part.schema['allOf'];
    if (!Array.isArray(nested)) continue;
    const reached = nested.flatMap((_, index) => partAt(context, childLocation(location, 'allOf', index)));
    pending.push(...reached.reverse());
  }
  return { cyclic, tooFar: false, members };
}

function partType(context: ModelContext, part: AllOfPart): TypeNode {
  if (part.kind === 'ref') return refType(namedModelFor(context, part.target));
  return hasObjectPart(part.schema) &&
    !('allOf' in part.schema) &&
    !('oneOf' in part.schema) &&
    !('anyOf' in part.schema)
    ? objectTypeOf(context, part.location, part.schema, [], true)
    : schemaObjectType(context, part.location, part.schema);
}

/** `interface X extends A, B { own }`, unless own properties redeclare or re-require inherited ones. */
function extendedObject(context: ModelContext, parts: readonly AllOfPart[]): TypeNode | undefined {
  const bases = parts.filter((part) => part.kind === 'ref');
  const own = parts.filter((part) => part.kind === 'inline');
  if (!bases.every((base) => isExtendable(base.schema))) return undefined;
  if (
    own.some(({ schema }) => 'additionalProperties' in schema || 'patternProperties' in schema || 'allOf' in schema)
  ) {
    return undefined;
  }
  const inheritedNames = bases.flatMap((base) => [
    ...collectProperties(context, base.target, base.schema, new Set()).keys(),
  ]);
  if (new Set(inheritedNames).size !== inheritedNames.length) return undefined;
  const ownProperties = own.flatMap(
    ({ location, schema }) => objectTypeOf(context, location, schema, [], true).properties,
  );
  const ownNames = new Set(ownProperties.map((property) => property.name));
  if (ownProperties.length !== ownNames.size) return undefined;
  if ([...ownNames].some((name) => inheritedNames.includes(name))) return undefined;
  if (own.some(({ schema }) => [...requiredNames(schema)].some((name) => !ownNames.has(name)))) return undefined;
  const baseNames = bases.map((base) => namedModelFor(context, base.target));
  // `allOf: [$ref]` (often written to put `nullable` or a description beside a reference) is that model.
  if (ownProperties.length === 0 && baseNames.length === 1) return refType(baseNames[0]!);
  return objectType(ownProperties, { bases: baseNames });
}

/**
 * One object listing the properties of every member; a property named twice
 * gets both types. A member's property may be this very `allOf` again (`Node`
 * with `next: { allOf: [Node, …] }`, where `Node` cannot be extended): there,
 * the members' intersection ends the merge.
 */
function flattenedObject(
  context: ModelContext,
  location: Location,
  parts: readonly AllOfPart[],
  reached: readonly AllOfPart[],
): TypeNode {
  const key = locationKey(location);
  if (context.merging.has(key)) return intersectionOf(parts.map((part) => partType(context, part)));
  context.merging.add(key);
  try {
    return mergedProperties(context, parts, reached);
  } finally {
    context.merging.delete(key);
  }
}

/** `reached`: every schema the members reach (see `allOfReach`). */
function mergedProperties(context: ModelContext, parts: readonly AllOfPart[], reached: readonly AllOfPart[]): TypeNode {
  const merged = new Map<string, { sites: Location[]; required: boolean }>();
  // A member may require a property that another member declares.
  const requiredByAny = new Set(parts.flatMap((part) => [...requiredNames(part.schema)]));
  for (const part of parts) {
    for (const [name, property] of collectProperties(context, locationOf(part), part.schema, new Set())) {
      const entry = merged.get(name) ?? { sites: [], required: false };
      if (!entry.sites.some((site) => locationKey(site) === locationKey(property.site)))
        entry.sites.push(property.site);
      entry.required ||= property.required;
      merged.set(name, entry);
    }
  }
  const properties: Property[] = [...merged].map(([name, entry]) => {
    const [first, ...others] = entry.sites.map((site) => propertyOf(context, site, name, false));
    return {
      ...first!,
      required: entry.required || requiredByAny.has(name),
      type: others.length === 0 ? first!.type : intersectionOf([first!.type, ...others.map((other) => other.type)]),
    };
  });
  const additional = mergedAdditionalProperties(context, reached, properties.length > 0);
  return objectType(properties, additional ? { additionalProperties: additional } : {});
}

/**
 * The type of the keys the merged object does not list: a key must be what
 * every member that types its unlisted keys (`additionalProperties`,
 * `patternProperties`) allows. When no member lists a property, a member
 * that says nothing leaves them open, as a lone schema would.
 */
function mergedAdditionalProperties(
  context: ModelContext,
  reached: readonly AllOfPart[],
  listsProperties: boolean,
): TypeNode | undefined {
  const types = reached.flatMap(
    (member) => additionalPropertiesType(context, locationOf(member), member.schema, listsProperties) ?? [],
  );
  return types.length > 0 ? intersectionOf(types) : undefined;
}

interface CollectedProperty {
  readonly site: Location;
  readonly required: boolean;
}

/**
 * The properties an object schema has, through `$ref`s and nested `allOf`s.
 * A `required` entry without a property of its own makes an inherited one required.
 */
function collectProperties(
  context: ModelContext,
  location: Location,
  schema: Record<string, unknown>,
  seen: Set<string>,
): Map<string, CollectedProperty> {
  const collected = new Map<string, CollectedProperty>();
  const key = locationKey(location);
  if (seen.has(key)) return collected;
  seen.add(key);
  const add = (name: string, property: CollectedProperty): void => {
    collected.set(name, {
      site: property.site,
      required: property.required || (collected.get(name)?.required ?? false),
    });
  };
  if (Array.isArray(schema['allOf'])) {
    schema['allOf'].forEach((_, index) => {
      for (const part of partAt(context, childLocation(location, 'allOf', index))) {
        for (const [name, property] of collectProperties(context, locationOf(part), part.schema, seen))
          add(name, property);
      }
    });
  }
  const required = requiredNames(schema);
  if (isRecord(schema['properties'])) {
    for (const name of Object.keys(schema['properties'])) {
      add(name, { site: childLocation(location, 'properties', name), required: required.has(name) });
    }
  }
  for (const name of required) {
    const existing = collected.get(name);
    if (existing) collected.set(name, { ...existing, required: true });
  }
  return collected;
}

function locationOf(part: AllOfPart): Location {
  return part.kind === 'ref' ? part.target : part.location;
}

/**
 * Whether a schema describes a plain object (or adds only `required`): then
 * TypeScript can extend it or copy its properties.
 */
function isObjectSchema(
  context: ModelContext,
  schema: Record<string, unknown>,
  location: Location,
  seen: Set<string>,
): boolean {
  const key = locationKey(location);
  if (seen.has(key)) return true;
  seen.add(key);
  const type = schema['type'];
  if (type !== undefined && type !== 'object') return false;
  if (['oneOf', 'anyOf', 'enum', 'const', 'items', 'prefixItems', 'not'].some((keyword) => keyword in schema))
    return false;
  if (saysNullable(schema)) return false;
  if (!Array.isArray(schema['allOf'])) return true;
  return schema['allOf'].every((_, index) => {
    const parts = partAt(context, childLocation(location, 'allOf', index));
    return parts.length > 0 && parts.every((part) => isObjectSchema(context, part.schema, locationOf(part), seen));
  });
}

/** An interface can extend a model that is an object type without an index signature. */
function isExtendable(schema: Record<string, unknown>): boolean {
  if ('additionalProperties' in schema || 'patternProperties' in schema) return false;
  // A base that requires a name it does not declare types it `unknown`: an interface extending it could not
  // declare it more narrowly, so the members are merged instead.
  const declared = isRecord(schema['properties']) ? schema['properties'] : {};
  if (!Array.isArray(schema['allOf']) && [...requiredNames(schema)].some((name) => !Object.hasOwn(declared, name))) {
    return false;
  }
  return 'properties' in schema || schema['type'] === 'object' || Array.isArray(schema['allOf']);
}

function hasObjectPart(schema: Record<string, unknown>): boolean {
  return (
    'properties' in schema || 'required' in schema || 'additionalProperties' in schema || 'patternProperties' in schema
  );
}
