import type { Docs, NamedModel, ObjectNode, Property, TypeNode } from '../../model/types';
import { literalValueText, propertyKey, stringLiteral } from '../literals';

/** Named models by name, to follow `ref`s. */
export type ModelIndex = ReadonlyMap<string, NamedModel>;

/** How deep an example may nest named models before it gives up (recursive schemas). */
const maxDepth = 6;

/**
 * A TypeScript expression of type `type`, for README examples: the spec's
 * example when it is a plain value of the right kind, else the smallest value
 * that fits (required properties only, one array item, the first enum value).
 * `undefined` when no value can be written down (`never`, or recursion that
 * requires itself), so that examples only show calls that compile.
 */
export function exampleValue(type: TypeNode, models: ModelIndex, docs?: Docs, name?: string): string | undefined {
  return valueOf(type, { models, depth: 0, seen: new Set(), name }, docs);
}

interface Context {
  readonly models: ModelIndex;
  readonly depth: number;
  readonly seen: ReadonlySet<string>;
  /** The parameter or property the value is for, to name placeholder strings. */
  readonly name: string | undefined;
}

/** A string that looks like what the format asks for; else the name of what it is for. */
function stringExample(format: string | undefined, name: string | undefined): string {
  switch (format) {
    case 'date-time':
      return '2024-01-31T12:00:00Z';
    case 'date':
      return '2024-01-31';
    case 'uuid':
      return '00000000-0000-4000-8000-000000000000';
    case 'email':
      return 'user@example.com';
    case 'uri':
    case 'url':
      return 'https://example.com';
    default:
      return name ?? 'string';
  }
}

function valueOf(type: TypeNode, context: Context, docs?: Docs): string | undefined {
  const example = docs?.examples?.[0];
  switch (type.kind) {
    case 'unknown':
      return '{}';
    case 'never':
      return undefined;
    case 'string':
      return stringLiteral(typeof example === 'string' ? example : stringExample(docs?.format, context.name));
    case 'number':
      return typeof example === 'number' && Number.isFinite(example) ? String(example) : '0';
    case 'boolean':
      return typeof example === 'boolean' ? String(example) : 'true';
    case 'null':
      return 'null';
    case 'binary':
      return `new Blob(['file contents'])`;
    case 'date':
      return `new Date(${stringLiteral(typeof example === 'string' ? example : '2024-01-01T00:00:00Z')})`;
    case 'literal':
      return literalValueText(type.value);
    case 'array': {
      const item = valueOf(type.items, context);
      return item === undefined ? '[]' : `[${item}]`;
    }
    case 'tuple': {
      const items = type.items.map((item) => valueOf(item, context));
      return items.every((item) => item !== undefined) ? `[${items.join(', ')}]` : undefined;
    }
    case 'object':
      return objectValue(objectProperties(type, context), context);
    case 'union':
      // The first member that can be written down.
      for (const member of type.members) {
        const value = valueOf(member, context, docs);
        if (value !== undefined) return value;
      }
      return undefined;
    case 'intersection': {
      const properties: Property[] = [];
      for (const member of type.members) {
        const resolved = objectOf(member, context);
        if (!resolved) return undefined;
        properties.push(...resolved);
      }
      return objectValue(properties, context);
    }
    case 'eventStream': {
      // A request body of items: a list of one.
      const item = valueOf(type.data, context);
      return item === undefined ? '[]' : `[${item}]`;
    }
    case 'ref': {
      const next = enter(type.name, context);
      const named = context.models.get(type.name);
      return next && named ? valueOf(named.type, next, docs ?? named.docs) : undefined;
    }
  }
}

/** The properties an object literal of this type needs, its named bases' included. */
function objectOf(type: TypeNode, context: Context): Property[] | undefined {
  if (type.kind === 'object') return objectProperties(type, context);
  if (type.kind !== 'ref') return undefined;
  const next = enter(type.name, context);
  const named = context.models.get(type.name);
  return next && named ? objectOf(named.type, next) : undefined;
}

function objectProperties(type: ObjectNode, context: Context): Property[] | undefined {
  const properties: Property[] = [];
  for (const base of type.bases) {
    const inherited = objectOf({ kind: 'ref', name: base }, context);
    if (!inherited) return undefined;
    properties.push(...inherited);
  }
  return [...properties, ...type.properties];
}

/** Required properties only; the last declaration of a name wins, as in TypeScript's `extends`. */
function objectValue(properties: readonly Property[] | undefined, context: Context): string | undefined {
  if (!properties) return undefined;
  const byName = new Map(properties.map((property) => [property.name, property]));
  const entries: string[] = [];
  for (const property of byName.values()) {
    if (!property.required) continue;
    const value = valueOf(property.type, { ...context, name: property.name }, property.docs);
    if (value === undefined) return undefined;
    entries.push(`${propertyKey(property.name)}: ${value}`);
  }
  return entries.length === 0 ? '{}' : `{ ${entries.join(', ')} }`;
}

function enter(name: string, context: Context): Context | undefined {
  if (context.seen.has(name) || context.depth >= maxDepth) return undefined;
  return { ...context, depth: context.depth + 1, seen: new Set([...context.seen, name]) };
}
