import { childLocation, type Location } from '../resolve/location';
import { isRecord } from '../util/guards';
import { warnAt, type ModelContext } from './context';
import { docsOf } from './docs';
import { onlyAnnotates, schemaType } from './schemaType';
import { objectType, unionOf, unknownType } from './typeNodes';
import type { ObjectNode, Property, TypeNode } from './types';

/** The object type a schema's own `properties`, `required` and `additionalProperties` describe. */
export function objectTypeOf(
  context: ModelContext,
  location: Location,
  schema: Record<string, unknown>,
  bases: readonly string[] = [],
  /** Set for a member of an `allOf`, whose `required` may name its siblings' properties. */
  inComposition = false,
): ObjectNode {
  const required = requiredNames(schema);
  const properties = isRecord(schema['properties'])
    ? Object.keys(schema['properties']).map((name) =>
        propertyOf(context, childLocation(location, 'properties', name), name, required.has(name)),
      )
    : [];
  const additionalProperties = additionalPropertiesType(
    context,
    location,
    schema,
    properties.length > 0 || bases.length > 0,
  );
  const listed = new Set(properties.map((property) => property.name));
  const undeclared =
    !inComposition && standsAlone(schema, bases) ? [...required].filter((name) => !listed.has(name)) : [];
  // JSON Schema: a required name must be present even when `properties` does not list it; its value is
  // whatever `additionalProperties` allows.
  if (undeclared.length > 0) {
    const typed = additionalProperties ? 'the type additionalProperties gives' : 'type unknown';
    const names = undeclared.map((name) => JSON.stringify(name)).join(', ');
    warnAt(context, childLocation(location, 'required'), {
      code: 'SDK3109',
      message: `\`required\` lists ${names}, which \`properties\` does not declare; the SDK makes them required properties of ${typed}.`,
      hint: 'Declare the property under `properties`, or remove it from `required` (a spelling mistake?).',
    });
  }
  const requiredOnly = undeclared.map((name): Property => ({
    name,
    required: true,
    readOnly: false,
    writeOnly: false,
    type: additionalProperties ?? unknownType,
    docs: {},
  }));
  return objectType([...properties, ...requiredOnly], {
    bases,
    ...(additionalProperties ? { additionalProperties } : {}),
  });
}

/** A schema whose `required` can only name its own properties: not a part of a composition, no base. */
function standsAlone(schema: Record<string, unknown>, bases: readonly string[]): boolean {
  return bases.length === 0 && !['allOf', 'oneOf', 'anyOf'].some((key) => key in schema);
}

export function requiredNames(schema: Record<string, unknown>): Set<string> {
  const required = schema['required'];
  return new Set(Array.isArray(required) ? required.filter((name): name is string => typeof name === 'string') : []);
}

export function propertyOf(context: ModelContext, location: Location, name: string, required: boolean): Property {
  const raw = context.spec.valueAt(location);
  const target = context.spec.deref(location)?.value;
  // `allOf: [$ref, { readOnly: true }]` says it beside a reference, in a member of its own.
  const members =
    isRecord(raw) && Array.isArray(raw['allOf']) ? raw['allOf'].filter(isRecord).filter(onlyAnnotates) : [];
  const flag = (key: string): boolean =>
    [raw, target, ...members].some((schema) => isRecord(schema) && schema[key] === true);
  return {
    name,
    required,
    readOnly: flag('readOnly'),
    writeOnly: flag('writeOnly'),
    type: schemaType(context, location),
    // A `$ref`'d schema's description stays on its model; the property keeps its own.
    docs: docsOf(raw),
  };
}

/**
 * `additionalProperties` (and `patternProperties`): the type of keys that are
 * not listed. Said nothing with listed properties: none are typed (the usual
 * reading of API schemas); said nothing and listed nothing: any key.
 */
export function additionalPropertiesType(
  context: ModelContext,
  location: Location,
  schema: Record<string, unknown>,
  hasListedProperties: boolean,
): TypeNode | undefined {
  const members: TypeNode[] = [];
  const additional = schema['additionalProperties'];
  if (
    additional === true ||
    (additional === undefined && !hasListedProperties && !isRecord(schema['patternProperties']))
  ) {
    members.push(unknownType);
  } else if (isRecord(additional)) {
    members.push(schemaType(context, childLocation(location, 'additionalProperties')));
  }
  if (isRecord(schema['patternProperties'])) {
    for (const pattern of Object.keys(schema['patternProperties'])) {
      members.push(schemaType(context, childLocation(location, 'patternProperties', pattern)));
    }
  }
  return members.length > 0 ? unionOf(members) : undefined;
}
