import { builders } from 'prettier/doc';
import { isIdentifier } from '../model/identifiers';
import { breakAfterOperator, fluidRight, type Doc } from './layout';
import { stringLiteral } from './literals';
import { layoutIndent, layoutWidth } from './layoutOptions';

const { breakParent, conditionalGroup, group, hardline, ifBreak, indent, join, line, softline } = builders;

/**
 * Expressions and statements as the docs prettier's JavaScript printer builds
 * for them, for the constructs the emitters write (calls, member accesses,
 * object and array literals, arrow functions, function declarations): the doc
 * printer then breaks them where prettier would. Each expression carries what
 * prettier's layout rules look at besides its doc (an object literal as a
 * call's last argument hugs the parentheses, a string after a long key moves
 * to the next line...).
 */
export interface Expression {
  readonly doc: Doc;
  readonly kind: 'string' | 'literal' | 'identifier' | 'member' | 'call' | 'object' | 'array' | 'arrow' | 'other';
  /** The number of properties or elements of an object or array literal. */
  readonly size?: number;
  /** Prettier's "lone short argument": an identifier, a string (of 30 columns at most) or another literal. */
  readonly short?: boolean;
  /** A chain of accesses, or calls without arguments or with one short one ("poorly breakable"). */
  readonly chain?: boolean;
  /** Breaks whatever the width (an object literal kept on several lines, or something holding one). */
  readonly breaks?: boolean;
}

/** A string literal for this text. */
export function stringExpression(text: string): Expression {
  const doc = stringLiteral(text);
  return { doc, kind: 'string', short: doc.length <= shortArgumentWidth };
}

/** Prettier's threshold for a lone short argument: a quarter of the line. */
const shortArgumentWidth = layoutWidth * 0.25;

/** A number, boolean or `null`. */
export function literalExpression(text: string): Expression {
  return { doc: text, kind: 'literal', short: true };
}

export function identifier(name: string): Expression {
  return { doc: name, kind: 'identifier', short: name.length <= shortArgumentWidth };
}

/**
 * `a.b`, `a['b-c']`, `a.b.c`: an access to a name that is not an identifier is
 * computed. A chain of two or more accesses may break before each dot.
 */
export function memberExpression(object: string, names: readonly string[]): Expression {
  if (names.length === 0) return identifier(object);
  const parts: Doc[] = [object];
  names.forEach((name) => {
    if (!isIdentifier(name)) {
      parts.push(group(['[', indent([softline, stringLiteral(name)]), softline, ']']));
      return;
    }
    // Prettier inlines `.name` on an identifier that is not itself accessed further.
    parts.push(names.length === 1 ? ['.', name] : group(indent([softline, '.', name])));
  });
  return { doc: parts, kind: 'member', chain: true };
}

/**
 * `callee(a, b)`, or `callee<T>(a, b)` with type arguments (their doc, from
 * typeSyntax; `simpleTypeArguments` when prettier calls them simple: none, or
 * one that is not a union, an intersection or an object type). A callee
 * `a.b` is one call on a member: prettier prints it as one group, not as a
 * member chain.
 */
export function callExpression(
  callee: string,
  args: readonly Expression[],
  typeArguments: { readonly doc: Doc; readonly simple: boolean } = { doc: '', simple: true },
): Expression {
  const call = [callee, typeArguments.doc, callArguments(args)];
  const shortArguments = args.length === 0 || (args.length === 1 && args[0]!.short === true);
  return {
    doc: callee.includes('.') ? group(call) : call,
    kind: 'call',
    chain: shortArguments && typeArguments.simple,
    breaks: args.some((arg) => arg.breaks),
  };
}

/**
 * The arguments of a call: on one line, or one per line; an object or array
 * literal (or an arrow function returning one) last, after an argument of
 * another kind, stays on the line of the others and breaks inside itself
 * when only that fits.
 */
function callArguments(args: readonly Expression[]): Doc {
  if (args.length === 0) return group(['(', ')']);
  const printed = args.map((arg) => arg.doc);
  const allBrokenOut = (): Doc =>
    group(['(', indent([line, join([',', line], printed)]), ',', line, ')'], { shouldBreak: true });
  const last = args.at(-1)!;
  const penultimate = args.at(-2);
  const expandable =
    ((last.kind === 'object' || last.kind === 'array') && (last.size ?? 0) > 0) || last.kind === 'arrow';
  // Prettier also leaves alone `f(() => x, [a])` (a hook with its dependencies).
  const hook = args.length === 2 && penultimate?.kind === 'arrow' && last.kind === 'array';
  if (expandable && penultimate?.kind !== last.kind && !hook) {
    if (args.slice(0, -1).some((arg) => arg.breaks)) return allBrokenOut();
    const head = printed.slice(0, -1).flatMap((doc) => [doc, ',', line]);
    if (last.breaks) {
      return [
        breakParent,
        conditionalGroup([['(', ...head, group(last.doc, { shouldBreak: true }), ')'], allBrokenOut()]),
      ];
    }
    return conditionalGroup([
      ['(', ...head, last.doc, ')'],
      ['(', ...head, group(last.doc, { shouldBreak: true }), ')'],
      allBrokenOut(),
    ]);
  }
  return group(['(', indent([softline, join([',', line], printed)]), ifBreak(','), softline, ')'], {
    shouldBreak: args.some((arg) => arg.breaks),
  });
}

/** A property of an object literal: its key as written (see `objectLiteralKey`) and its value. */
export interface PropertyAssignment {
  readonly key: string;
  readonly value: Expression;
  /** The lines of a comment before it (a comment makes the object break). */
  readonly comment?: readonly string[];
}

/**
 * `{ a: 1, b: 2 }`, on one line if it fits unless `expanded` (prettier keeps
 * an object literal on several lines when its text had a line break after `{`).
 */
export function objectExpression(properties: readonly PropertyAssignment[], expanded = false): Expression {
  if (properties.length === 0) return { doc: group(['{', '}']), kind: 'object', size: 0 };
  const members = join(
    [',', line],
    properties.map((property) =>
      property.comment?.length
        ? [join(hardline, [...property.comment]), hardline, propertyDoc(property)]
        : propertyDoc(property),
    ),
  );
  const breaks = expanded || properties.some((property) => property.value.breaks || property.comment?.length);
  return {
    doc: group(['{', indent([line, members]), ifBreak(','), line, '}'], { shouldBreak: expanded }),
    kind: 'object',
    size: properties.length,
    breaks,
  };
}

/**
 * `key: value`, laid out as prettier lays out an assignment: a value after a
 * short key, a number or a boolean stays on its line; a string or a chain
 * moves to the next line when it does not fit; any other value moves there
 * only when even its first line does not fit after the key ("fluid").
 */
function propertyDoc({ key, value }: PropertyAssignment): Doc {
  // Prettier's `isObjectPropertyWithShortKey`: a key narrower than the indentation plus three columns.
  const shortKey = key.length < layoutIndent + 3;
  if (!shortKey && (value.kind === 'string' || value.chain)) {
    return group([group(key), ':', breakAfterOperator(value.doc)]);
  }
  if (shortKey || value.kind === 'literal') return group([group(key), ':', ' ', value.doc]);
  return group([group(key), ':', ...fluidRight(value.doc)]);
}

/**
 * `[a, b]` on one line, or one element per line; an array of two or more
 * arrays (or objects) of two or more elements each always breaks.
 */
export function arrayExpression(elements: readonly Expression[]): Expression {
  if (elements.length === 0) return { doc: group(['[', ']']), kind: 'array', size: 0 };
  const shouldBreak =
    elements.length > 1 &&
    elements.every((element) => (element.kind === 'array' || element.kind === 'object') && (element.size ?? 0) > 1) &&
    elements.every((element) => element.kind === elements[0]!.kind);
  const items = join(
    [',', line],
    elements.map((element) => group(element.doc)),
  );
  return {
    doc: group(['[', indent([softline, items, ifBreak(',')]), softline, ']'], { shouldBreak }),
    kind: 'array',
    size: elements.length,
    breaks: shouldBreak || elements.some((element) => element.breaks),
  };
}

/**
 * `(): ReturnType => (body)` for a body that is an object literal, hugged by its parentheses; `(args): ...` with a
 * parameter.
 */
export function arrowReturningObject(returnType: Doc, body: Expression, parameter = ''): Expression {
  return {
    doc: group([group(group(['(', parameter, ')', ': ', returnType])), ' =>', group([' (', body.doc, ')'])]),
    kind: 'arrow',
    breaks: body.breaks === true,
  };
}

/** `value as const satisfies Type`: a literal whose type is kept, checked against a type (its doc). */
export function constSatisfies(value: Expression, type: Doc): Expression {
  return { doc: [value.doc, ' as const satisfies ', type], kind: 'other', breaks: value.breaks === true };
}

/** A parameter of a function declaration. */
export interface Parameter {
  readonly name: string;
  readonly type: Doc;
  readonly optional?: boolean;
  /** Only `{}` is written. */
  readonly initializer?: '{}';
}

/**
 * `export function name(a: A, b: B): R {` and its body, one statement per
 * line: the parameters on the line of the name, or one per line with a
 * trailing comma and the return type after the closing parenthesis.
 */
export function functionDeclaration(input: {
  readonly name: string;
  readonly parameters: readonly Parameter[];
  readonly returnType: Doc;
  readonly body: readonly Doc[];
}): Doc {
  const parameters = input.parameters.map((parameter): Doc => [
    parameter.name,
    parameter.optional ? '?' : '',
    ': ',
    parameter.type,
    parameter.initializer ? [' = ', group(group(['{', '}']))] : '',
  ]);
  const signature = group([
    '(',
    indent([softline, join([',', line], parameters)]),
    ifBreak(','),
    softline,
    ')',
    ': ',
    input.returnType,
  ]);
  const body =
    input.body.length === 0 ? '{}' : ['{', indent([hardline, join(hardline, [...input.body])]), hardline, '}'];
  return ['export function ', input.name, signature, ' ', body];
}

/** `return value;` */
export function returnStatement(value: Expression): Doc {
  return ['return ', value.doc, ';'];
}

/** `export const name: type = value;` (no type when `undefined`), the value moved to the next line as prettier moves it. */
export function constDeclaration(name: string, type: Doc | undefined, value: Expression): Doc {
  return ['export ', localConstDeclaration(name, type, value)];
}

/** `const name: type = value;`, not exported (see {@link constDeclaration}). */
export function localConstDeclaration(name: string, type: Doc | undefined, value: Expression): Doc {
  const left = group(type === undefined ? name : [name, ': ', type]);
  const right = value.kind === 'string' || value.chain ? [breakAfterOperator(value.doc)] : fluidRight(value.doc);
  return group(['const ', group([left, ' =', ...right]), ';']);
}
