import { builders } from 'prettier/doc';
import type { Doc } from './layout';
import type { ObjectNode, Property, TypeNode } from '../model/types';
import { jsDocLines } from './jsdoc';
import { breakAfterOperator, fluidRight, renderUnbounded } from './layout';
import { literalText, propertyKey } from './literals';

const { align, group, hardline, ifBreak, indent, join, line, softline } = builders;

/**
 * The only module that spells TypeScript type syntax. Types are built as
 * prettier docs, the ones prettier's TypeScript printer builds for the same
 * syntax, so that they break where prettier would break them. `refs`
 * collects the named models a type mentions, so the caller can import them.
 */
export function typeText(type: TypeNode, refs?: Set<string>): string {
  return renderUnbounded(typeDoc(type, refs));
}

/** A type as it stands on its own (a type argument, the right-hand side of an alias when it is not a union). */
export function typeDoc(type: TypeNode, refs?: Set<string>): Doc {
  switch (type.kind) {
    case 'unknown':
    case 'never':
    case 'string':
    case 'number':
    case 'boolean':
    case 'null':
    case 'undefined':
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
      return arrayDoc(type.items, refs);
    case 'tuple':
      return tupleDoc(type, refs);
    case 'object':
      return type.bases.length > 0 ? intersectionDoc(intersectionMembers(type), refs) : objectBody(type, refs);
    case 'union': {
      const members = unionMembers(type);
      if (members.length === 1) return typeDoc(members[0]!, refs);
      return isHuggedUnion(members) ? huggedUnion(members, refs) : unionGroup(unionOperands(members, refs));
    }
    case 'intersection':
      return intersectionDoc(intersectionMembers(type), refs);
    case 'eventStream':
      return [type.sync ? 'Iterable' : 'AsyncIterable', typeArgumentsDoc([type.data], refs)];
  }
}

/**
 * A type after `name: ` (a property or an index signature): a union that
 * does not fit moves to the next line, indented, and breaks there if it must.
 */
export function annotationDoc(type: TypeNode, refs?: Set<string>): Doc {
  const members = unionMembers(type);
  if (members.length < 2 || isHuggedUnion(members)) return typeDoc(type, refs);
  return indentedUnion(unionOperands(members, refs));
}

function indentedUnion(operands: readonly Doc[]): Doc {
  return group(indent([softline, unionGroup(operands)]));
}

/**
 * `type Name = …;`. After `=`, a union that does not fit moves to the next
 * line (and breaks there if it must); any other type stays on the line of
 * `=` unless even its first line does not fit there.
 */
export function typeAliasDoc(name: string, type: TypeNode, refs?: Set<string>): Doc {
  const members = unionMembers(type);
  const left = group(['type ', name]);
  if (members.length >= 2 && !isHuggedUnion(members)) {
    return ['export ', group([left, ' =', breakAfterOperator(unionGroup(unionOperands(members, refs)))]), ';'];
  }
  return typeAliasOfDoc(name, typeDoc(type, refs));
}

/** `type Name = …;` for a type already laid out, that is not a union. */
export function typeAliasOfDoc(name: string, type: Doc): Doc {
  return ['export ', group([group(['type ', name]), ' =', ...fluidRight(type)]), ';'];
}

/** One step of an indexed access: a property's name, or `number` for an array's items. */
export interface AccessStep {
  readonly key: string | number;
  /** The value reached may be `null` or `undefined`: the next step reads it through `NonNullable`. */
  readonly nullable: boolean;
}

/**
 * A type reached from a named type through its properties and arrays: `Page['data'][number]`, or with
 * `NonNullable<Page['data']>[number]` where a value on the way may be missing.
 */
export function indexedAccessDoc(base: string, baseNullable: boolean, steps: readonly AccessStep[]): Doc {
  let doc: Doc = base;
  let nullable = baseNullable;
  for (const step of steps) {
    if (nullable) doc = ['NonNullable', group(['<', indent([softline, doc]), softline, '>'])];
    doc = [doc, '[', typeof step.key === 'number' ? 'number' : literalText(step.key), ']'];
    nullable = step.nullable;
  }
  return nullable ? ['NonNullable', group(['<', indent([softline, doc]), softline, '>'])] : doc;
}

/** A generic type applied to type arguments: `ApiError<401 | 403, Problem>`. */
export interface GenericReference {
  readonly name: string;
  readonly args: readonly TypeNode[];
}

/**
 * `type Name = A<…> | B<…>;`, laid out as a union of named types (which
 * prettier never hugs); one member stays on the line of `=` like any type.
 */
export function genericUnionAliasDoc(name: string, members: readonly GenericReference[], refs?: Set<string>): Doc {
  const left = group(['type ', name]);
  const docs = members.map((member) => [member.name, typeArgumentsDoc(member.args, refs)]);
  if (docs.length >= 2) return ['export ', group([left, ' =', breakAfterOperator(unionGroup(docs))]), ';'];
  return ['export ', group([left, ' =', ...fluidRight(docs[0] ?? 'never')]), ';'];
}

/**
 * `<A, B>` after a generic type or a callee: one type prettier calls simple
 * (a keyword, a literal, a name, an object type, or one of these with `null`)
 * hugs the brackets; others break one per line, without a trailing comma
 * (TypeScript refuses one there). `simple` says whether prettier's
 * assignment layout calls them simple: one type, not a union, an
 * intersection or an object type.
 */
export function typeArgumentsOf(args: readonly TypeNode[], refs?: Set<string>): { doc: Doc; simple: boolean } {
  const only = args.length === 1 ? args[0]! : undefined;
  const simple =
    only !== undefined &&
    unionMembers(only).length === 1 &&
    !isIntersection(only) &&
    !(only.kind === 'object' && isObjectLiteral(only));
  return { doc: typeArgumentsDoc(args, refs), simple };
}

/** `Readonly<Record<Keys, Value>>`: when it does not fit, `Record<…>` moves to a line of its own, as prettier moves it. */
export function readonlyRecordDoc(keys: TypeNode, value: TypeNode): Doc {
  return [
    'Readonly',
    group(['<', indent([softline, 'Record', typeArgumentsDoc([keys, value], undefined)]), softline, '>']),
  ];
}

function typeArgumentsDoc(args: readonly TypeNode[], refs: Set<string> | undefined): Doc {
  if (args.length === 1 && isHuggedTypeArgument(args[0]!)) return ['<', typeDoc(args[0]!, refs), '>'];
  return group([
    '<',
    indent([
      softline,
      join(
        [',', line],
        args.map((arg) => typeDoc(arg, refs)),
      ),
    ]),
    softline,
    '>',
  ]);
}

/** Prettier's `shouldHugType`: a keyword, literal or name, an object type, or one object-like type with `null`. */
function isHuggedTypeArgument(type: TypeNode): boolean {
  const members = unionMembers(type);
  if (members.length > 1) return isHuggedUnion(members);
  const only = members[0]!;
  switch (only.kind) {
    case 'array':
    case 'tuple':
    case 'intersection':
      return false;
    case 'object':
      return isObjectLiteral(only);
    case 'union':
      return only.members.length === 1 && isHuggedTypeArgument(only.members[0]!);
    default:
      return true;
  }
}

/**
 * The members of an object type or an interface, each a line (or lines) of
 * its own ending with `;`: the properties, and the index signature of
 * additional properties, first in an interface, last in an object type.
 */
export function memberDocs(type: ObjectNode, refs: Set<string> | undefined, indexFirst: boolean): Doc[] {
  const members = propertyDocs(type.properties, refs);
  const index = indexSignatureDoc(type, refs);
  if (!index) return members;
  return indexFirst ? [[group(index), ';'], ...members] : [...members, [group(index), ';']];
}

/** A property of an object type or interface; `extraDocs` end its comment (before the tags). */
export interface Member extends Property {
  readonly extraDocs?: readonly string[];
}

/** Properties, each a member (its comment and `name: type;`). */
export function propertyDocs(properties: readonly Member[], refs: Set<string> | undefined): Doc[] {
  return properties.map((property) =>
    withDocs(jsDocLines(property.docs, property.extraDocs), propertyDoc(property, refs)),
  );
}

function propertyDoc(property: Property, refs: Set<string> | undefined): Doc {
  const modifier = property.readOnly ? 'readonly ' : '';
  const key = `${modifier}${propertyKey(property.name)}${property.required ? '' : '?'}`;
  return [group([key, ': ', annotationDoc(property.type, refs)]), ';'];
}

/** A member after its JSDoc comment, if it has one. */
function withDocs(comment: readonly string[], member: Doc): Doc {
  return comment.length === 0 ? member : [join(hardline, [...comment]), hardline, member];
}

/**
 * `[key: string]: T` for an object with additional properties. Every listed
 * property must fit it, so their types join the union (and `undefined` for
 * optional ones, which compilers without `exactOptionalPropertyTypes` add).
 */
function indexSignatureDoc(type: ObjectNode, refs: Set<string> | undefined): Doc | undefined {
  if (!type.additionalProperties) return undefined;
  const key = ['[', group([indent([softline, 'key: string']), softline]), ']: '];
  if (type.additionalProperties.kind === 'unknown' || type.properties.length === 0) {
    return [...key, annotationDoc(type.additionalProperties, refs)];
  }
  const all = unionMembers({
    kind: 'union',
    members: [type.additionalProperties, ...type.properties.map((property) => property.type)],
  });
  const texts = all.map((member) => typeText(member));
  const members = all.filter((_, index) => texts.indexOf(texts[index]!) === index);
  if (!type.properties.some((property) => !property.required)) {
    return [...key, annotationDoc(members.length === 1 ? members[0]! : { kind: 'union', members }, refs)];
  }
  // `undefined` makes the union one that never hugs an object type.
  return [...key, indentedUnion([...unionOperands(members, refs), 'undefined'])];
}

/** An inline object type: always one member per line, as the emitters write it and prettier then keeps it. */
function objectBody(type: ObjectNode, refs: Set<string> | undefined): Doc {
  const members = memberDocs(type, refs, false);
  if (members.length === 0) return 'Record<string, never>';
  return group(['{', indent([line, join(line, members)]), line, '}'], { shouldBreak: true });
}

function arrayDoc(items: TypeNode, refs: Set<string> | undefined): Doc {
  return [parenthesized(items, refs), '[]'];
}

/** An array's element type, in parentheses when it is a union or an intersection. */
function parenthesized(type: TypeNode, refs: Set<string> | undefined): Doc {
  if (type.kind === 'union') {
    const members = unionMembers(type);
    if (members.length >= 2) {
      if (isHuggedUnion(members)) return ['(', huggedUnion(members, refs), ')'];
      return ['(', group([indent([softline, unionGroup(unionOperands(members, refs))]), softline]), ')'];
    }
  }
  if (isIntersection(type)) return ['(', typeDoc(type, refs), ')'];
  return typeDoc(type, refs);
}

function tupleDoc(type: Extract<TypeNode, { kind: 'tuple' }>, refs: Set<string> | undefined): Doc {
  const count = type.items.length + (type.rest ? 1 : 0);
  if (count === 0) return '[]';
  const items = type.items.map((item) => group(tupleItem(item, count, refs)));
  if (type.rest) items.push(group(['...', arrayDoc(type.rest, refs)]));
  return group(['[', indent([softline, join([',', line], items), ifBreak(',')]), softline, ']']);
}

/** A tuple member: a union among others gets parentheses once it breaks. */
function tupleItem(type: TypeNode, count: number, refs: Set<string> | undefined): Doc {
  const members = unionMembers(type);
  if (members.length < 2 || isHuggedUnion(members) || count === 1) return typeDoc(type, refs);
  return group([indent([ifBreak(['(', softline]), unionGroup(unionOperands(members, refs))]), softline, ifBreak(')')]);
}

/** `A | B | C` on one line, or one member per line each after `| `. */
function unionGroup(operands: readonly Doc[]): Doc {
  return group([
    ifBreak('| '),
    join(
      [line, '| '],
      operands.map((operand) => align(2, operand)),
    ),
  ]);
}

/** The members of a union, an intersection among them in parentheses. */
function unionOperands(members: readonly TypeNode[], refs: Set<string> | undefined): Doc[] {
  return members.map((member) => (isIntersection(member) ? ['(', typeDoc(member, refs), ')'] : typeDoc(member, refs)));
}

/**
 * An object type (or a named one) with `null`: it stays joined to the
 * `null` (`{…} | null`) rather than breaking into one member per line.
 */
function isHuggedUnion(members: readonly TypeNode[]): boolean {
  const others = members.filter((member) => member.kind !== 'null');
  if (others.length !== 1) return false;
  const kind = others[0]!.kind;
  return kind === 'ref' || kind === 'binary' || kind === 'date' || (kind === 'object' && !isIntersection(others[0]!));
}

function huggedUnion(members: readonly TypeNode[], refs: Set<string> | undefined): Doc {
  return join(
    ' | ',
    members.map((member) => typeDoc(member, refs)),
  );
}

/**
 * The members of a union as the parser reads them back: nested unions are
 * written without parentheses, so they join the outer one.
 */
function unionMembers(type: TypeNode): TypeNode[] {
  return type.kind === 'union' ? type.members.flatMap(unionMembers) : [type];
}

function isIntersection(type: TypeNode): boolean {
  return (type.kind === 'intersection' && type.members.length > 1) || (type.kind === 'object' && type.bases.length > 0);
}

/** An intersection's members as the parser reads them back (an object with named bases is one too). */
function intersectionMembers(type: TypeNode): TypeNode[] {
  if (type.kind === 'intersection') return type.members.flatMap(intersectionMembers);
  if (type.kind !== 'object' || type.bases.length === 0) return [type];
  const bases: TypeNode[] = type.bases.map((name) => ({ kind: 'ref', name }));
  const hasBody = type.properties.length > 0 || type.additionalProperties !== undefined;
  return [...bases, ...(hasBody ? [{ ...type, bases: [] }] : [])];
}

/**
 * `A & B & {…}`: names stay on one line while they fit; an object type
 * joins the member before it on its line.
 */
function intersectionDoc(members: readonly TypeNode[], refs: Set<string> | undefined): Doc {
  if (members.length === 1) return typeDoc(members[0]!, refs);
  let wasIndented = false;
  const parts = members.map((member, index): Doc => {
    const printed =
      member.kind === 'union' && unionMembers(member).length > 1 ? parenthesized(member, refs) : typeDoc(member, refs);
    if (index === 0) return printed;
    const isObject = isObjectLiteral(member);
    const previousIsObject = isObjectLiteral(members[index - 1]!);
    if (isObject && previousIsObject) return [' & ', wasIndented ? indent(printed) : printed];
    if (!isObject && !previousIsObject) return indent([' &', line, printed]);
    if (index > 1) wasIndented = true;
    return [' & ', index > 1 ? indent(printed) : printed];
  });
  return group(parts);
}

/** An object type printed as `{…}` (one without members is `Record<string, never>`). */
function isObjectLiteral(type: TypeNode): boolean {
  return (
    type.kind === 'object' &&
    type.bases.length === 0 &&
    (type.properties.length > 0 || type.additionalProperties !== undefined)
  );
}
