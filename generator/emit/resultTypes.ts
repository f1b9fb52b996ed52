import { pageType } from '../model/pageShape';
import { successResponses, successType } from '../model/successes';
import { propertiesOf, refType, resolvedType, withoutNull } from '../model/typeNodes';
import type { NamedModel, Operation, TypeNode } from '../model/types';
import { interfaceDeclaration, laidOutDoc, typeAliasDeclaration, type LaidOut } from './declarations';
import { indexedAccessDoc, typeAliasOfDoc, type AccessStep } from './typeSyntax';

/** What an operation's signature writes, and the declarations of the names it uses. */
export interface ResultTypes {
  readonly declarations: LaidOut[];
  /** The names declared: the operation's file has them, not the models. */
  readonly declared: string[];
  /** What the call resolves to: the `<Operation>Response` alias where the spec's type is inline. */
  readonly result: TypeNode | 'void';
  /** For a list that pages, one item: the `<Operation>Item` alias where the spec's type is inline. */
  readonly item?: TypeNode;
}

/**
 * `<Operation>Response` and, for a list that pages, `<Operation>Item`: the names users import for what a call
 * resolves to and what iterating it yields. A signature uses them where the spec writes the type inline, so that it
 * is written once, and names the model otherwise (what an editor then shows on hover). An inline item is read from
 * its page (`ListKeysResponse['data'][number]`) rather than written again.
 */
export function resultTypes(
  operation: Operation,
  models: ReadonlyMap<string, NamedModel>,
  refs: Set<string>,
): ResultTypes {
  const { response, item: itemName } = operation.names;
  const result = successType(operation);
  const declarations: LaidOut[] = [];
  const declared: string[] = [];
  if (result === 'void' || response === undefined) return { declarations, declared, result };
  if (!isRefTo(result, response)) {
    const docs = responseDocs(operation, result);
    // An object is an interface, as a model's is: TypeScript caches an interface's members by name.
    declarations.push(
      result.kind === 'object'
        ? interfaceDeclaration({ name: response, docs, type: result, refs })
        : typeAliasDeclaration({ name: response, docs, type: result, refs }),
    );
    declared.push(response);
  }
  const written = isWrittenInline(result) ? refType(response) : result;
  const { pagination } = operation;
  if (!pagination || itemName === undefined) return { declarations, declared, result: written };
  const { item } = pagination;
  if (!isRefTo(item, itemName)) {
    const docs = `One item of the pages of {@link ${operation.names.function}}, as \`for await\` yields it.`;
    const access = isWrittenInline(item) ? itemAccess(operation, result, written, models) : undefined;
    // An indexed access is laid out by rules the emitters only follow on one line: prettier checks a longer one.
    declarations.push(
      access
        ? { ...laidOutDoc(docs, typeAliasOfDoc(itemName, access)), exact: false }
        : typeAliasDeclaration({ name: itemName, docs, type: item, refs }),
    );
    declared.push(itemName);
  }
  return { declarations, declared, result: written, item: isWrittenInline(item) ? refType(itemName) : item };
}

/** Whether a type holds an object type of its own (not a model's name): written out, it takes many lines. */
export function isWrittenInline(type: TypeNode): boolean {
  switch (type.kind) {
    case 'object':
    case 'intersection':
    case 'tuple':
      return true;
    case 'array':
      return isWrittenInline(type.items);
    case 'union':
      return type.members.some(isWrittenInline);
    case 'eventStream':
      return isWrittenInline(type.data);
    default:
      return false;
  }
}

function isRefTo(type: TypeNode, name: string): boolean {
  return type.kind === 'ref' && type.name === name;
}

function responseDocs(operation: Operation, result: TypeNode): string {
  const statuses = successResponses(operation).map((response) => `\`${response.status}\``);
  const listed = statuses.length > 1 ? `${statuses.slice(0, -1).join(', ')} or ${statuses.at(-1)}` : statuses[0];
  const what = result.kind === 'eventStream' ? 'the items of' : 'the body of';
  return `What {@link ${operation.names.function}} resolves to: ${what} its ${listed} response.`;
}

/**
 * The item type as an indexed access into the type the signature names for the page, through the properties the
 * items are under; `undefined` when the page is not that type alone (another media type's body beside it).
 */
function itemAccess(
  operation: Operation,
  result: TypeNode,
  written: TypeNode,
  models: ReadonlyMap<string, NamedModel>,
): ReturnType<typeof indexedAccessDoc> | undefined {
  const page = pageType(operation);
  const pagination = operation.pagination;
  if (!page || !pagination || JSON.stringify(page) !== JSON.stringify(withoutNull(result))) return undefined;
  // The alias of an inline page, else the page's model.
  const base = written.kind === 'ref' ? written : page.kind === 'ref' ? page : undefined;
  if (base === undefined) return undefined;
  const steps: AccessStep[] = [];
  let current: TypeNode = page;
  for (const name of pagination.items) {
    const property = propertiesOf(resolvedType(current, models), models)?.get(name);
    if (!property) return undefined;
    steps.push({ key: name, nullable: !property.required || mayBeNull(property.type, models) });
    current = property.type;
  }
  if (resolvedType(current, models).kind !== 'array') return undefined;
  steps.push({ key: 0, nullable: false });
  return indexedAccessDoc(base.name, mayBeNull(base === written ? result : base, models), steps);
}

function mayBeNull(type: TypeNode, models: ReadonlyMap<string, NamedModel>, depth = 0): boolean {
  if (type.kind === 'null' || type.kind === 'unknown') return true;
  if (type.kind === 'union') return type.members.some((member) => mayBeNull(member, models, depth));
  const named = type.kind === 'ref' && depth < 16 ? models.get(type.name) : undefined;
  return named ? mayBeNull(named.type, models, depth + 1) : false;
}
