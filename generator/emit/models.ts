import type { Docs, NamedModel, SdkModel, TypeNode } from '../model/types';
import { compareStrings } from '../util/compare';
import { parsePointer } from '../util/jsonPointer';
import { constDeclaration } from './codeSyntax';
import { datePlanExpression } from './datePlanSyntax';
import {
  constArrayDeclaration,
  interfaceDeclaration,
  laidOutDoc,
  typeAliasDeclaration,
  type LaidOut,
} from './declarations';
import type { EmittedFile } from './emittedFile';
import { escapeCommentText, jsDocText } from './jsdoc';
import { literalValueText } from './literals';
import { emptyModule, typeImport, type SourcePrinter } from './sourceFile';

/**
 * `models.ts`: every named model, in one file sorted by name. One file rather
 * than one per model: TypeScript parses, binds and resolves the imports of
 * each file on its own, and for the Qovery spec's 733 models the per-file work
 * (a module each, an import declaration per reference) cost a third of
 * `tsc --noEmit` on the whole SDK. The models only name each other, so the
 * file needs no import.
 */
export function emitModels(model: SdkModel, printer: SourcePrinter, banner: string): EmittedFile {
  const sorted = [...model.models].sort((a, b) => compareStrings(a.name, b.name));
  const declarations = sorted.flatMap((named): LaidOut[] => [
    declarationOf(named),
    ...(named.enumValuesName ? [enumValuesOf(named)] : []),
    ...(named.dates ? [datesOf(named)] : []),
  ]);
  if (declarations.length === 0) return printer.print('models.ts', banner, [emptyModule]);
  // Only the plans of `dates: 'Date'` import anything: the models only name each other.
  const datePlans = sorted.some((named) => named.dates) ? typeImport(['DatePlan'], './runtime/index.js') : [];
  return printer.print('models.ts', banner, [...datePlans, ...declarations]);
}

function declarationOf(named: NamedModel): LaidOut {
  // Every export is documented, so an editor shows where a model comes from even when the spec says nothing.
  const docs =
    jsDocText(withoutNameTitle(named), directionNotes(named)) ??
    escapeCommentText(`The schema at \`#${named.pointer}\` of the spec.`);
  const type = named.type;
  if (type.kind === 'object') return interfaceDeclaration({ name: named.name, docs, type });
  return typeAliasDeclaration({ name: named.name, docs, type });
}

/**
 * The model's docs without a `title` that only repeats its name (`title: AlertReceiverType` on the schema of that
 * name, as Qovery's spec gives 132 of its schemas): the declaration says as much, and where the schema comes from
 * says more.
 */
function withoutNameTitle(named: NamedModel): Docs {
  const { summary, ...rest } = named.docs;
  const key = parsePointer(named.pointer)?.at(-1);
  return summary === named.name || summary === key ? rest : named.docs;
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

function enumValuesOf(named: NamedModel): LaidOut {
  return constArrayDeclaration({
    name: named.enumValuesName!,
    docs: `Every value of {@link ${named.name}}, in the order of the spec.`,
    type: `readonly ${named.name}[]`,
    items: literalsOf(named.type),
  });
}

/** `export const PetDates: DatePlan = { fields: { created_at: 'date' } };` */
function datesOf(named: NamedModel): LaidOut {
  const { name, plan } = named.dates!;
  const value = datePlanExpression(plan, { lazy: true, named: new Set() });
  return laidOutDoc(
    `Where the \`Date\`s of {@link ${named.name}} are, for \`reviveDates\`: the SDK revives its responses itself.`,
    constDeclaration(name, 'DatePlan', value),
  );
}

function literalsOf(type: TypeNode): string[] {
  const members = type.kind === 'union' ? type.members : [type];
  return members.map((member) => (member.kind === 'literal' ? literalValueText(member.value) : 'null'));
}
