import { StructureKind, VariableDeclarationKind, type StatementStructures } from 'ts-morph';
import type { NamedModel, SdkModel, TypeNode } from '../model/types';
import { compareStrings } from '../util/compare';
import type { EmittedFile } from './emittedFile';
import { escapeCommentText, jsDocText } from './jsdoc';
import { literalValueText, propertyKey } from './literals';
import { typeImport, type SourcePrinter } from './sourceFile';
import { indexSignatureType, typeText } from './typeSyntax';

/** `models/<Name>.ts` for every named model, and `models/index.ts` re-exporting them. */
export function emitModels(model: SdkModel, printer: SourcePrinter, banner: string): EmittedFile[] {
  const files = model.models.map((named) => emitModel(named, printer, banner));
  const names = model.models.map((named) => named.name).sort(compareStrings);
  const index = names.map((name) => `export * from './${name}.js';`);
  files.push(printer.print('models/index.ts', banner, index.length > 0 ? index : ['export {};']));
  return files;
}

function emitModel(named: NamedModel, printer: SourcePrinter, banner: string): EmittedFile {
  const refs = new Set<string>();
  const declarations: StatementStructures[] = [declarationOf(named, refs)];
  if (named.enumValuesName) declarations.push(enumValuesOf(named));
  refs.delete(named.name);
  // Each model imports the others from their own files, so a model file reads on its own.
  const imports = [...refs].sort(compareStrings).flatMap((name) => typeImport([name], `./${name}.js`));
  return printer.print(`models/${named.name}.ts`, banner, [...imports, ...declarations]);
}

function declarationOf(named: NamedModel, refs: Set<string>): StatementStructures {
  // Every export is documented, so an editor shows where a model comes from even when the spec says nothing.
  const docs = docsStructure(
    jsDocText(named.docs, directionNotes(named)) ??
      escapeCommentText(`The schema at \`#${named.pointer}\` of the spec.`),
  );
  const type = named.type;
  if (type.kind === 'object') {
    for (const base of type.bases) refs.add(base);
    const index = indexSignatureType(type, refs);
    return {
      kind: StructureKind.Interface,
      name: named.name,
      isExported: true,
      docs,
      extends: [...type.bases],
      properties: type.properties.map((property) => ({
        name: propertyKey(property.name),
        type: typeText(property.type, refs),
        hasQuestionToken: !property.required,
        // The server sets read-only properties; `readonly` says so to the reader too.
        isReadonly: property.readOnly,
        docs: docsStructure(jsDocText(property.docs)),
      })),
      indexSignatures: index ? [{ keyName: 'key', keyType: 'string', returnType: index }] : [],
    };
  }
  return { kind: StructureKind.TypeAlias, name: named.name, isExported: true, docs, type: typeText(type, refs) };
}

/** Where a model has a request and a response form, each says which one it is. */
function directionNotes(named: NamedModel): string[] {
  if (named.inputOf) {
    return [`{@link ${named.inputOf}} as a request sends it: without its read-only properties.`];
  }
  if (named.inputName) {
    return [`As the API returns it, without write-only properties; requests send {@link ${named.inputName}}.`];
  }
  return [];
}

function enumValuesOf(named: NamedModel): StatementStructures {
  return {
    kind: StructureKind.VariableStatement,
    isExported: true,
    docs: [`Every value of {@link ${named.name}}, in the order of the spec.`],
    declarationKind: VariableDeclarationKind.Const,
    declarations: [
      {
        name: named.enumValuesName!,
        type: `readonly ${named.name}[]`,
        initializer: `[${literalsOf(named.type).join(', ')}]`,
      },
    ],
  };
}

function literalsOf(type: TypeNode): string[] {
  const members = type.kind === 'union' ? type.members : [type];
  return members.map((member) => (member.kind === 'literal' ? literalValueText(member.value) : 'null'));
}

function docsStructure(text: string | undefined): string[] {
  return text ? [text] : [];
}
