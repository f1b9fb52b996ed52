import type { Literal, NamedModel, ObjectNode, Property, TypeNode } from './types';

export const unknownType: TypeNode = { kind: 'unknown' };
export const neverType: TypeNode = { kind: 'never' };
export const nullType: TypeNode = { kind: 'null' };
export const undefinedType: TypeNode = { kind: 'undefined' };

export function literal(value: Literal): TypeNode {
  return { kind: 'literal', value };
}

export function refType(name: string): TypeNode {
  return { kind: 'ref', name };
}

export function objectType(
  properties: readonly Property[],
  extra: Partial<Omit<ObjectNode, 'kind' | 'properties'>> = {},
): ObjectNode {
  return {
    kind: 'object',
    bases: extra.bases ?? [],
    properties,
    ...(extra.additionalProperties ? { additionalProperties: extra.additionalProperties } : {}),
  };
}

/** A union, flattened and without duplicates; `unknown` absorbs everything. */
export function unionOf(members: readonly TypeNode[]): TypeNode {
  const flat = members.flatMap((member) => (member.kind === 'union' ? member.members : [member]));
  if (flat.some((member) => member.kind === 'unknown')) return unknownType;
  const unique = dedupe(flat.filter((member) => member.kind !== 'never'));
  if (unique.length === 0) return neverType;
  return unique.length === 1 ? unique[0]! : { kind: 'union', members: unique };
}

/** An intersection, flattened and without duplicates; `unknown` members add nothing. */
export function intersectionOf(members: readonly TypeNode[]): TypeNode {
  const flat = members.flatMap((member) => (member.kind === 'intersection' ? member.members : [member]));
  const unique = dedupe(flat.filter((member) => member.kind !== 'unknown'));
  if (unique.some((member) => member.kind === 'never')) return neverType;
  if (unique.length === 0) return unknownType;
  return unique.length === 1 ? unique[0]! : { kind: 'intersection', members: unique };
}

export function withNull(type: TypeNode): TypeNode {
  return unionOf([type, nullType]);
}

/** The type without its `null` member. */
export function withoutNull(type: TypeNode): TypeNode {
  if (type.kind !== 'union') return type;
  const members = type.members.filter((member) => member.kind !== 'null');
  return members.length === 1 ? members[0]! : { kind: 'union', members };
}

/** A type without `null`, its named model's type when it is a reference to one. */
export function resolvedType(type: TypeNode, models: ReadonlyMap<string, NamedModel>, depth = 0): TypeNode {
  const bare = withoutNull(type);
  if (bare.kind !== 'ref' || depth > 16) return bare;
  const named = models.get(bare.name);
  return named ? resolvedType(named.type, models, depth + 1) : bare;
}

/** JSON writes NaN and the infinities as `null` and -0 as `0`; YAML enums may hold all of them, each distinct. */
function distinctNumbers(_key: string, value: unknown): unknown {
  return typeof value === 'number' && (!Number.isFinite(value) || Object.is(value, -0))
    ? `number:${Object.is(value, -0) ? '-0' : value}`
    : value;
}

function dedupe(members: readonly TypeNode[]): TypeNode[] {
  // Members of different kinds never print alike: only those that share a kind are printed to compare.
  const kinds = new Map<string, number>();
  for (const member of members) kinds.set(member.kind, (kinds.get(member.kind) ?? 0) + 1);
  const seen = new Set<string>();
  return members.filter((member) => {
    if (kinds.get(member.kind) === 1) return true;
    const key = JSON.stringify(member, distinctNumbers);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The named models a type mentions directly (through `ref`s and object bases). */
export function modelNamesIn(type: TypeNode): string[] {
  switch (type.kind) {
    case 'ref':
      return [type.name];
    case 'array':
      return modelNamesIn(type.items);
    case 'eventStream':
      return modelNamesIn(type.data);
    case 'tuple':
      return [...type.items, ...(type.rest ? [type.rest] : [])].flatMap(modelNamesIn);
    case 'object':
      return [
        ...type.bases,
        ...type.properties.flatMap((property) => modelNamesIn(property.type)),
        ...(type.additionalProperties ? modelNamesIn(type.additionalProperties) : []),
      ];
    case 'union':
    case 'intersection':
      return type.members.flatMap(modelNamesIn);
    case 'unknown':
    case 'never':
    case 'string':
    case 'number':
    case 'boolean':
    case 'null':
    case 'undefined':
    case 'binary':
    case 'date':
    case 'literal':
      return [];
  }
}

/** Calls `callback` on `type` and on every type inside it, down to named models (`ref`s are not followed). */
export function visitType(type: TypeNode, callback: (node: TypeNode) => void): void {
  callback(type);
  switch (type.kind) {
    case 'array':
      return visitType(type.items, callback);
    case 'eventStream':
      return visitType(type.data, callback);
    case 'tuple':
      type.items.forEach((item) => visitType(item, callback));
      if (type.rest) visitType(type.rest, callback);
      return;
    case 'object':
      type.properties.forEach((property) => visitType(property.type, callback));
      if (type.additionalProperties) visitType(type.additionalProperties, callback);
      return;
    case 'union':
    case 'intersection':
      type.members.forEach((member) => visitType(member, callback));
      return;
    default:
      return;
  }
}

/** The values of an enum (a literal, or a union of literals and `null`); `undefined` for any other type. */
export function enumValues(type: TypeNode): Literal[] | undefined {
  if (type.kind === 'literal') return [type.value];
  if (type.kind !== 'union') return undefined;
  const values: Literal[] = [];
  for (const member of type.members) {
    if (member.kind === 'literal') values.push(member.value);
    else if (member.kind === 'null') values.push(null);
    else return undefined;
  }
  return values;
}

/** The string values of a type made only of string literals. */
export function stringLiterals(type: TypeNode): string[] | undefined {
  const values = enumValues(type);
  return values?.every((value) => typeof value === 'string') ? (values as string[]) : undefined;
}

/**
 * The properties of an object-like type (an object, a model, an intersection), with its bases', by name; `undefined`
 * for any other type.
 */
export function propertiesOf(
  type: TypeNode,
  models: ReadonlyMap<string, NamedModel>,
  depth = 0,
): Map<string, Property> | undefined {
  if (depth > 16) return new Map();
  if (type.kind === 'ref') {
    const named = models.get(type.name);
    return named && propertiesOf(named.type, models, depth + 1);
  }
  if (type.kind === 'intersection') {
    const parts = type.members.map((member) => propertiesOf(member, models, depth + 1));
    if (parts.every((part) => part === undefined)) return undefined;
    // A property in several parts takes every part's constraint: a tag's literal values win over a base's string.
    const merged = new Map<string, Property>();
    for (const [name, property] of parts.flatMap((part) => [...(part ?? [])])) {
      const known = merged.get(name);
      if (!known || !stringLiterals(known.type)) merged.set(name, property);
    }
    return merged;
  }
  if (type.kind !== 'object') return undefined;
  const inherited = type.bases.flatMap((base) => [
    ...(propertiesOf({ kind: 'ref', name: base }, models, depth + 1) ?? []),
  ]);
  return new Map([...inherited, ...type.properties.map((property): [string, Property] => [property.name, property])]);
}
