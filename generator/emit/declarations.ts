import type { Doc } from './layout';
import type { CodeBlockWriter, WriterFunction } from 'ts-morph';
import type { ObjectNode, TypeNode } from '../model/types';
import { commentLines } from './jsdoc';
import { arrayLiteralDoc, renderDoc } from './layout';
import { layoutWidth } from './layoutOptions';
import { memberDocs, typeAliasDoc } from './typeSyntax';
import { constDeclaration, type Expression } from './codeSyntax';

/**
 * Declarations whose types may span lines, written on ts-morph's writer.
 * ts-morph's declaration structures print a type after `: ` or `=` with a
 * hanging indent (every line after the first one level deeper, its own
 * `Writers.objectType` included), which misplaces the closing line of an
 * object type or a broken union; here the writer's blocks give the
 * indentation and each member or type is laid out as prettier lays it out.
 */
export interface LaidOut {
  /** The statement, already in prettier's layout (so prettier can skip it). */
  readonly laidOut: WriterFunction;
  /** Laid out whole by prettier's docs (see `LaidOutStatement`). */
  readonly exact: boolean;
}

/** `export interface Name extends A, B { … }`: index signature first, then the properties, as ts-morph orders them. */
export function interfaceDeclaration(input: {
  readonly name: string;
  readonly docs: string;
  readonly type: ObjectNode;
  readonly refs?: Set<string>;
}): LaidOut {
  const { name, type, refs } = input;
  for (const base of type.bases) refs?.add(base);
  return interfaceOf({ name, docs: input.docs, bases: type.bases, members: memberDocs(type, refs, true) });
}

/** `export interface Name extends A, B { … }` with these members (see `memberDocs`). */
export function interfaceOf(input: {
  readonly name: string;
  readonly docs: string;
  readonly bases: readonly string[];
  readonly members: readonly Doc[];
}): LaidOut {
  const { name, members } = input;
  const heritage = input.bases.length > 0 ? ` extends ${input.bases.join(', ')}` : '';
  const header = `export interface ${name}${heritage} `;
  return {
    // Prettier breaks a heritage clause that does not fit; that layout is left to it. Without one, the line
    // cannot break, however long the name.
    exact: input.bases.length === 0 || header.length + 2 <= layoutWidth,
    laidOut: (writer) => {
      writeComment(writer, input.docs);
      writer.write(header);
      if (members.length === 0) {
        writer.write('{}');
        return;
      }
      writer.inlineBlock(() => {
        for (const member of members) writer.writeLine(renderDoc(member, writer.getIndentationLevel()));
      });
    },
  };
}

/** `export type Name = …;` */
export function typeAliasDeclaration(input: {
  readonly name: string;
  readonly docs: string;
  readonly type: TypeNode;
  readonly refs?: Set<string>;
}): LaidOut {
  return laidOutDoc(input.docs, typeAliasDoc(input.name, input.type, input.refs));
}

/** `export const name: type = [a, b, …];` */
export function constArrayDeclaration(input: {
  readonly name: string;
  readonly docs: string;
  readonly type: string;
  readonly items: readonly string[];
}): LaidOut {
  const value: Expression = { doc: arrayLiteralDoc(input.items), kind: 'array', size: input.items.length };
  return laidOutDoc(input.docs, constDeclaration(input.name, input.type, value));
}

/** A statement laid out whole by its doc, after its JSDoc comment (none when `docs` is empty). */
export function laidOutDoc(docs: string, doc: Doc): LaidOut {
  return {
    exact: true,
    laidOut: (writer) => {
      writeComment(writer, docs);
      writer.write(renderDoc(doc, writer.getIndentationLevel()));
    },
  };
}

function writeComment(writer: CodeBlockWriter, text: string): void {
  if (text === '') return;
  for (const line of commentLines(text)) writer.writeLine(line);
}
