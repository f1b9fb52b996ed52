import { childLocation, type Location } from '../resolve/location';
import { isRecord } from '../util/guards';
import { allOfAllowsNull, allOfParts, allOfType } from './allOf';
import { warnAt, type ModelContext } from './context';
import { namedModelFor } from './namedModels';
import { objectTypeOf } from './objects';
import { polymorphicType } from './polymorphism';
import { intersectionOf, literal, neverType, refType, unionOf, unknownType, withNull } from './typeNodes';
import type { Literal, TypeNode } from './types';
import { unionType } from './unions';

/** Keywords that may stand beside a `$ref` without changing the type it names. */
const annotationKeywords = new Set([
  '$ref',
  'description',
  'summary',
  'title',
  '$comment',
  'deprecated',
  'readOnly',
  'writeOnly',
  'example',
  'examples',
  'default',
  'nullable',
  'externalDocs',
  'xml',
]);

/** A schema that only annotates (a description, an example): it allows any value. */
export function onlyAnnotates(schema: Record<string, unknown>): boolean {
  return Object.keys(schema).every(
    (key) => (annotationKeywords.has(key) && key !== '$ref' && key !== 'nullable') || key.startsWith('x-'),
  );
}

/**
 * Whether the schema allows null the 3.0 way: `nullable: true`, or `x-nullable: true`, the extension Swagger 2.0
 * tools wrote before `nullable` existed and that documents converted from them (drf-yasg, go-swagger) still carry.
 * An explicit `nullable: false` wins over the extension.
 */
export function saysNullable(schema: Record<string, unknown>): boolean {
  return schema['nullable'] === true || (schema['nullable'] === undefined && schema['x-nullable'] === true);
}

/** The schema without the keywords `saysNullable` reads, which apply to a whole schema, not to one part of it. */
export function withoutNullable(schema: Record<string, unknown>): Record<string, unknown> {
  const { nullable: _nullable, 'x-nullable': _extension, ...rest } = schema;
  return rest;
}

/**
 * The TypeScript type of the schema at `location` (OpenAPI 3.0 Schema Object,
 * 3.1 JSON Schema 2020-12). A `$ref` to a schema becomes a reference to its
 * named model.
 */
export function schemaType(context: ModelContext, location: Location): TypeNode {
  const schema = context.spec.valueAt(location);
  if (schema === true || schema === undefined) return unknownType;
  if (schema === false) return neverType;
  if (!isRecord(schema)) {
    warnAt(context, location, {
      code: 'SDK3101',
      message: 'A schema must be an object (or a boolean in OpenAPI 3.1); it is read as `unknown`.',
      hint: 'Write the schema as an object, e.g. `{ type: string }`.',
    });
    return unknownType;
  }
  return schemaObjectType(context, location, schema);
}

/**
 * The type of a schema object written at `location`, or of a part of one:
 * the keywords beside an `allOf` or a `$ref` are typed from what they say,
 * not from the whole schema at that location (which holds the `allOf` again).
 */
export function schemaObjectType(context: ModelContext, location: Location, schema: Record<string, unknown>): TypeNode {
  const type =
    typeof schema['$ref'] === 'string'
      ? referenceType(context, location, schema)
      : structuralType(context, location, schema);
  return saysNullable(schema) ? withNull(type) : type;
}

function referenceType(context: ModelContext, location: Location, schema: Record<string, unknown>): TypeNode {
  const target = context.spec.deref(location);
  if (!target) return unknownType; // Reported by the resolve stage.
  // OpenAPI 3.0 ignores `$ref` siblings; in 3.1 they apply as if both were members of an `allOf`.
  const siblings = Object.keys(schema).filter((key) => !annotationKeywords.has(key) && !key.startsWith('x-'));
  if (context.version === '3.0' || siblings.length === 0 || !isRecord(target.value)) {
    return polymorphicType(context, target.location, target.value) ?? refType(namedModelFor(context, target.location));
  }
  const { $ref: _ref, ...own } = withoutNullable(schema);
  return allOfType(context, location, [
    { kind: 'ref', target: target.location, schema: target.value },
    { kind: 'inline', location, schema: own },
  ]);
}

function structuralType(context: ModelContext, location: Location, schema: Record<string, unknown>): TypeNode {
  if ('const' in schema) return literalType(context, location, schema['const']);
  if (Array.isArray(schema['enum'])) return enumType(context, location, schema['enum']);
  if ('not' in schema) {
    warnAt(context, childLocation(location, 'not'), {
      code: 'SDK3102',
      message: '`not` cannot be expressed as a TypeScript type and is ignored.',
      hint: 'Describe the allowed values positively (enum, oneOf) if the SDK should enforce them.',
    });
  }
  if (Array.isArray(schema['allOf'])) {
    const parts = allOfParts(context, location, schema);
    const { allOf: _allOf, ...rest } = schema;
    // Members that only annotate (`allOf: [{}, { example }]`): the schema is what its other keywords say.
    const type = parts.length > 0 ? allOfType(context, location, parts) : structuralType(context, location, rest);
    return allOfAllowsNull(schema) ? withNull(type) : type;
  }
  const variants = Array.isArray(schema['oneOf']) ? 'oneOf' : Array.isArray(schema['anyOf']) ? 'anyOf' : undefined;
  if (variants) {
    const union = unionType(context, location, schema, variants);
    return typesOwnKeys(schema) ? intersectionOf([objectTypeOf(context, location, schema), union]) : union;
  }
  const types = declaredTypes(schema);
  if (types) return unionOf(types.map((name) => typeForName(context, location, schema, name)));
  if (hasObjectKeywords(schema)) return objectTypeOf(context, location, schema);
  if ('items' in schema || 'prefixItems' in schema) return arrayType(context, location, schema);
  return unknownType;
}

/** `type` as a list: a single name in 3.0, a name or a list in 3.1. */
export function declaredTypes(schema: Record<string, unknown>): string[] | undefined {
  const type = schema['type'];
  if (typeof type === 'string') return [type];
  if (Array.isArray(type) && type.every((item) => typeof item === 'string')) return type as string[];
  return undefined;
}

function typeForName(
  context: ModelContext,
  location: Location,
  schema: Record<string, unknown>,
  name: string,
): TypeNode {
  switch (name) {
    case 'string':
      if (schema['format'] === 'binary') return { kind: 'binary' };
      // Only `date-time`: a `Date` is sent as a full timestamp, which a `date` (RFC 3339 full-date) is not.
      return context.dates === 'Date' && schema['format'] === 'date-time'
        ? { kind: 'string', acceptsDate: true }
        : { kind: 'string' };
    case 'integer':
    case 'number':
      return { kind: 'number' };
    case 'boolean':
      return { kind: 'boolean' };
    case 'null':
      return { kind: 'null' };
    case 'array':
      return arrayType(context, location, schema);
    case 'object':
      return objectTypeOf(context, location, schema);
    default:
      warnAt(context, childLocation(location, 'type'), {
        code: 'SDK3103',
        message: `Unknown type ${JSON.stringify(name)}; it is read as \`unknown\`.`,
        hint: 'Use one of string, number, integer, boolean, array, object, null.',
      });
      return unknownType;
  }
}

function arrayType(context: ModelContext, location: Location, schema: Record<string, unknown>): TypeNode {
  const items = schema['items'];
  if (Array.isArray(schema['prefixItems'])) {
    const prefix = schema['prefixItems'].map((_, index) =>
      schemaType(context, childLocation(location, 'prefixItems', index)),
    );
    if (items === false) return { kind: 'tuple', items: prefix };
    const rest = items === undefined ? unknownType : schemaType(context, childLocation(location, 'items'));
    return { kind: 'tuple', items: prefix, rest };
  }
  return {
    kind: 'array',
    items: items === undefined ? unknownType : schemaType(context, childLocation(location, 'items')),
  };
}

/**
 * Whether the object keywords beside a `oneOf` or `anyOf` type keys of their
 * own. `additionalProperties: false` alone would make every variant's
 * properties `never` (`Record<string, never> & (A | B)`): specs write it to
 * say that each variant is closed, which the variants say themselves.
 */
function typesOwnKeys(schema: Record<string, unknown>): boolean {
  return 'properties' in schema || 'patternProperties' in schema || isRecord(schema['additionalProperties']);
}

function hasObjectKeywords(schema: Record<string, unknown>): boolean {
  return 'properties' in schema || 'additionalProperties' in schema || 'patternProperties' in schema;
}

function isLiteral(value: unknown): value is Literal {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

function literalType(context: ModelContext, location: Location, value: unknown): TypeNode {
  if (isLiteral(value)) return literal(value);
  warnAt(context, childLocation(location, 'const'), {
    code: 'SDK3104',
    message: 'A `const` that is an object or an array is read as `unknown`.',
  });
  return unknownType;
}

function enumType(context: ModelContext, location: Location, values: readonly unknown[]): TypeNode {
  if (!values.every(isLiteral)) {
    warnAt(context, childLocation(location, 'enum'), {
      code: 'SDK3105',
      message: 'An `enum` with object or array values is read as `unknown`.',
    });
    return unknownType;
  }
  return unionOf(values.map(literal));
}
