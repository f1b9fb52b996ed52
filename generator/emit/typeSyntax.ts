import type { ObjectNode, Property, TypeNode } from '../model/types';
import { jsDocComment } from './jsdoc';
import { literalText, propertyKey } from './literals';

/**
 * The only module that spells TypeScript type syntax. `refs` collects the
 * named models a type mentions, so the caller can import them.
 */
export function typeText(type: TypeNode, refs?: Set<string>): string {
  switch (type.kind) {
    case 'unknown':
    case 'never':
    case 'string':
    case 'number':
    case 'boolean':
    case 'null':
      return type.kind;
    case 'binary':
      return 'Blob';
    case 'date':
      return 'Date';
    case 'literal':
      return literalText(type.value);
    case 'ref':
      refs?.add(type.name);
      return type.name;
    case 'array':
      return `${operand(type.items, refs, 'array')}[]`;
    case 'tuple': {
      const items = type.items.map((item) => typeText(item, refs));
      if (type.rest) items.push(`...${operand(type.rest, refs, 'array')}[]`);
      return `[${items.join(', ')}]`;
    }
    case 'object':
      return objectText(type, refs);
    case 'union':
      return type.members.map((member) => operand(member, refs, 'union')).join(' | ');
    case 'intersection':
      return type.members.map((member) => operand(member, refs, 'intersection')).join(' & ');
  }
}

/** Parenthesizes a member where precedence would otherwise change its meaning or readability. */
function operand(type: TypeNode, refs: Set<string> | undefined, context: 'array' | 'union' | 'intersection'): string {
  const text = typeText(type, refs);
  const needsParens =
    (context === 'array' &&
      (type.kind === 'union' || type.kind === 'intersection' || (type.kind === 'object' && type.bases.length > 0))) ||
    (context === 'intersection' && type.kind === 'union') ||
    (context === 'union' && (type.kind === 'intersection' || (type.kind === 'object' && type.bases.length > 0)));
  return needsParens ? `(${text})` : text;
}

/** An inline object type; named bases become an intersection (interfaces use `extends` instead). */
function objectText(type: ObjectNode, refs: Set<string> | undefined): string {
  const body = objectBody(type, refs);
  if (type.bases.length === 0) return body;
  for (const base of type.bases) refs?.add(base);
  return [...type.bases, ...(type.properties.length > 0 || type.additionalProperties ? [body] : [])].join(' & ');
}

function objectBody(type: ObjectNode, refs: Set<string> | undefined): string {
  const members = type.properties.map(
    (property) => `${jsDocComment(property.docs)}${propertySignature(property, refs)};`,
  );
  const index = indexSignatureType(type, refs);
  if (index) members.push(`[key: string]: ${index};`);
  if (members.length === 0) return 'Record<string, never>';
  return `{\n${members.join('\n')}\n}`;
}

export function propertySignature(property: Property, refs?: Set<string>): string {
  const modifier = property.readOnly ? 'readonly ' : '';
  return `${modifier}${propertyKey(property.name)}${property.required ? '' : '?'}: ${typeText(property.type, refs)}`;
}

/**
 * The index signature type of an object with additional properties. Every
 * listed property must fit it, so their types join the union (and `undefined`
 * for optional ones, which compilers without `exactOptionalPropertyTypes` add).
 */
export function indexSignatureType(type: ObjectNode, refs?: Set<string>): string | undefined {
  if (!type.additionalProperties) return undefined;
  if (type.additionalProperties.kind === 'unknown' || type.properties.length === 0) {
    return typeText(type.additionalProperties, refs);
  }
  const members = [type.additionalProperties, ...type.properties.map((property) => property.type)];
  const texts = [...new Set(members.map((member) => operand(member, refs, 'union')))];
  if (type.properties.some((property) => !property.required)) texts.push('undefined');
  return texts.join(' | ');
}
