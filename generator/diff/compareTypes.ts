import { literalText } from '../emit/literals';
import { typeSummary } from '../emit/readme/typeSummary';
import { enumValues } from '../model/typeNodes';
import type { Literal, Property, TypeNode } from '../model/types';
import { severityFor, type Change, type Direction } from './change';
import { objectProperties, type Side } from './sides';
import { isSubtype } from './subtype';

/** Where a comparison stands: both versions, which way the data flows, and what to call it. */
export interface TypeComparison {
  readonly old: Side;
  readonly new: Side;
  readonly direction: Direction;
  /** `createUser.body.name`, `User.email`. */
  readonly subject: string;
  readonly file?: string;
  readonly pointer?: string;
  readonly out: Change[];
}

/**
 * Compares a type of the old spec with its counterpart in the new one and
 * records each change: enum values and object properties one by one, any
 * other change as a whole type narrowed, widened or changed. A reference to
 * a model of the same name stops here: named models are compared once, on
 * their own.
 */
export function compareTypes(oldType: TypeNode, newType: TypeNode, at: TypeComparison): void {
  if (oldType.kind === 'ref' && newType.kind === 'ref' && oldType.name === newType.name) return;
  if (sameType(oldType, newType)) return;
  const oldValues = enumValues(oldType);
  const newValues = enumValues(newType);
  if (oldValues && newValues) return compareEnums(oldValues, newValues, at);
  if (oldType.kind === 'array' && newType.kind === 'array') {
    return compareTypes(oldType.items, newType.items, { ...at, subject: `${at.subject}[]` });
  }
  if (oldType.kind === 'eventStream' && newType.kind === 'eventStream') {
    return compareTypes(oldType.data, newType.data, { ...at, subject: `${at.subject} (each event)` });
  }
  const tagged = taggedMembers(oldType, newType);
  if (tagged) return compareTaggedMembers(tagged, at);
  const sharedBases = new Set(
    oldType.kind === 'object' && newType.kind === 'object'
      ? oldType.bases.filter((base) => newType.bases.includes(base))
      : [],
  );
  const oldProperties = objectProperties(oldType, at.old, { followRefs: true, skipBases: sharedBases });
  const newProperties = objectProperties(newType, at.new, { followRefs: true, skipBases: sharedBases });
  if (oldProperties && newProperties) return compareProperties(oldProperties, newProperties, at);
  compareWholeTypes(oldType, newType, at);
}

function compareWholeTypes(oldType: TypeNode, newType: TypeNode, at: TypeComparison): void {
  const widened = isSubtype({ type: oldType, side: at.old }, { type: newType, side: at.new });
  const narrowed = isSubtype({ type: newType, side: at.new }, { type: oldType, side: at.old });
  if (widened && narrowed) return;
  const from = `${typeSummary(oldType)} -> ${typeSummary(newType)}`;
  const record = (change: Omit<Change, 'subject' | 'file' | 'pointer'>): void => {
    at.out.push({ ...change, subject: at.subject, ...location(at) });
  };
  if (widened) {
    record({
      kind: 'type-widened',
      severity: severityFor(at.direction, 'response'),
      message: `type widened (${from}) in a ${at.direction}${at.direction === 'response' ? ': code that handles every case of the old type misses the new ones' : ''}`,
    });
  } else if (narrowed) {
    record({
      kind: 'type-narrowed',
      severity: severityFor(at.direction, 'request'),
      message: `type narrowed (${from}) in a ${at.direction}${at.direction === 'request' ? ': values accepted before are refused now' : ''}`,
    });
  } else {
    record({ kind: 'type-changed', severity: 'breaking', message: `type changed (${from})` });
  }
}

/** The members of two unions of objects, each known by the value of a property they all have (`event: 'delta'`). */
interface TaggedMembers {
  readonly property: string;
  readonly old: ReadonlyMap<string, TypeNode>;
  readonly new: ReadonlyMap<string, TypeNode>;
}

/**
 * Two unions of inline objects that tell their members apart by a property whose type is a literal (or a union of
 * them): the members by the first of those values. `undefined` for any other pair, and when two members of a union
 * share a value.
 */
function taggedMembers(oldType: TypeNode, newType: TypeNode): TaggedMembers | undefined {
  if (oldType.kind !== 'union' || newType.kind !== 'union') return undefined;
  const members = [...oldType.members, ...newType.members];
  if (!members.every((member) => member.kind === 'object')) return undefined;
  const first = members[0] as Extract<TypeNode, { kind: 'object' }>;
  const property = first.properties.find((candidate) =>
    members.every((member) => tagOf(member, candidate.name) !== undefined),
  )?.name;
  if (property === undefined) return undefined;
  const byTag = (union: readonly TypeNode[]): Map<string, TypeNode> | undefined => {
    const map = new Map(union.map((member) => [tagOf(member, property)!, member]));
    return map.size === union.length ? map : undefined;
  };
  const before = byTag(oldType.members);
  const after = byTag(newType.members);
  return before && after ? { property, old: before, new: after } : undefined;
}

/** The first value a member's property may take, when its type is literals only. */
function tagOf(member: TypeNode, property: string): string | undefined {
  if (member.kind !== 'object') return undefined;
  const type = member.properties.find((candidate) => candidate.name === property)?.type;
  const values = type && enumValues(type);
  return values && values.length > 0 ? literalText(values[0]!) : undefined;
}

/** Members matched by their tag are compared as objects; one that is gone narrows the union, a new one widens it. */
function compareTaggedMembers(tagged: TaggedMembers, at: TypeComparison): void {
  const tags = [...new Set([...tagged.old.keys(), ...tagged.new.keys()])];
  for (const tag of tags) {
    const before = tagged.old.get(tag);
    const after = tagged.new.get(tag);
    const subject = `${at.subject} (${tagged.property}: ${tag})`;
    if (before && after) compareTypes(before, after, { ...at, subject });
    else {
      const widened = after !== undefined;
      at.out.push({
        kind: widened ? 'type-widened' : 'type-narrowed',
        severity: severityFor(at.direction, widened ? 'response' : 'request'),
        subject,
        message: widened
          ? `member added to a ${at.direction}${at.direction === 'response' ? ': code that handles every case of the old type misses it' : ''}`
          : `member removed from a ${at.direction}${at.direction === 'request' ? ': values accepted before are refused now' : ''}`,
        ...location(at),
      });
    }
  }
}

function compareEnums(oldValues: readonly Literal[], newValues: readonly Literal[], at: TypeComparison): void {
  for (const value of oldValues.filter((candidate) => !newValues.includes(candidate))) {
    at.out.push({
      kind: 'enum-value-removed',
      severity: severityFor(at.direction, 'request'),
      subject: at.subject,
      detail: JSON.stringify(value),
      message: `enum value ${JSON.stringify(value)} removed${at.direction === 'request' ? ' from a request: callers that send it are refused' : ''}`,
      ...location(at),
    });
  }
  for (const value of newValues.filter((candidate) => !oldValues.includes(candidate))) {
    at.out.push({
      kind: 'enum-value-added',
      severity: severityFor(at.direction, 'response'),
      subject: at.subject,
      detail: JSON.stringify(value),
      message: `enum value ${JSON.stringify(value)} added${at.direction === 'response' ? ' to a response: exhaustive switches over it miss the new value' : ''}`,
      ...location(at),
    });
  }
}

/** A request never carries `readOnly` properties, a response never `writeOnly` ones (OpenAPI 3.1 §4.8.24). */
function carried(property: Property | undefined, direction: Direction): Property | undefined {
  if (!property) return undefined;
  return (direction === 'request' ? property.readOnly : property.writeOnly) ? undefined : property;
}

function compareProperties(
  oldProperties: ReadonlyMap<string, Property>,
  newProperties: ReadonlyMap<string, Property>,
  at: TypeComparison,
): void {
  const names = [...new Set([...oldProperties.keys(), ...newProperties.keys()])];
  for (const name of names) {
    const before = carried(oldProperties.get(name), at.direction);
    const after = carried(newProperties.get(name), at.direction);
    const subject = `${at.subject}.${name}`;
    const record = (change: Omit<Change, 'subject' | 'detail' | 'file' | 'pointer'>): void => {
      at.out.push({ ...change, subject, detail: name, ...location(at) });
    };
    if (before && !after) {
      record({ kind: 'property-removed', severity: 'breaking', message: `property removed from a ${at.direction}` });
    } else if (!before && after) {
      const required = after.required && at.direction === 'request';
      record({
        kind: 'property-added',
        severity: required ? 'breaking' : 'non-breaking',
        message: required ? 'new required property in a request' : `property added to a ${at.direction}`,
      });
    } else if (before && after) {
      if (!before.required && after.required) {
        record({
          kind: 'property-required',
          severity: severityFor(at.direction, 'request'),
          message: `property became required in a ${at.direction}`,
        });
      } else if (before.required && !after.required) {
        record({
          kind: 'property-optional',
          severity: severityFor(at.direction, 'response'),
          message: `property became optional in a ${at.direction}${at.direction === 'response' ? ': it may be absent now' : ''}`,
        });
      }
      compareTypes(before.type, after.type, { ...at, subject });
    }
  }
}

/** Equal but for documentation (`ref`s compare by name). */
function sameType(a: TypeNode, b: TypeNode): boolean {
  const withoutDocs = (key: string, value: unknown): unknown => (key === 'docs' ? undefined : value);
  return JSON.stringify(a, withoutDocs) === JSON.stringify(b, withoutDocs);
}

function location(at: TypeComparison): { file?: string; pointer?: string } {
  return {
    ...(at.file !== undefined ? { file: at.file } : {}),
    ...(at.pointer !== undefined ? { pointer: at.pointer } : {}),
  };
}
