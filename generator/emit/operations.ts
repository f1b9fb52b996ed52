import type { MediaContent, NamedModel, Operation, SdkModel, TypeNode } from '../model/types';
import { compareStrings } from '../util/compare';
import {
  arrowReturningObject,
  callExpression,
  functionDeclaration,
  identifier,
  returnStatement,
  type Expression,
} from './codeSyntax';
import type { Doc } from './layout';
import { pagePlanExpression, paginationDocs } from './pagination';
import { interfaceOf, laidOutDoc, typeAliasDeclaration, type LaidOut } from './declarations';
import type { EmittedFile } from './emittedFile';
import { jsDocText } from './jsdoc';
import { requestContent } from '../model/mediaTypes';
import { errorResponses, sentBodyType, sentItemsText } from './operationTypes';
import { responseBodyType } from '../model/successes';
import { resultTypes } from './resultTypes';
import { requestObject } from './requestObject';
import {
  emptyModule,
  exportAll,
  namespaceImport,
  typeImport,
  valueImport,
  type SourcePrinter,
  type Statement,
} from './sourceFile';
import {
  genericUnionAliasDoc,
  propertyDocs,
  typeAliasDoc,
  typeArgumentsOf,
  typeText,
  type GenericReference,
  type Member,
} from './typeSyntax';

/** `operations/<group>.ts` per tag, and `operations/index.ts` re-exporting them. */
export function emitOperations(model: SdkModel, printer: SourcePrinter, banner: string): EmittedFile[] {
  const groups = new Map<string, Operation[]>();
  for (const operation of model.operations)
    groups.set(operation.group, [...(groups.get(operation.group) ?? []), operation]);
  const names = [...groups.keys()].sort(compareStrings);
  const models = new Map(model.models.map((named) => [named.name, named]));
  const files = names.map((group) => emitGroup(group, groups.get(group)!, models, printer, banner));
  const index = names.map((group) => exportAll(`./${group}.js`));
  files.push(printer.print('operations/index.ts', banner, index.length > 0 ? index : [emptyModule]));
  return files;
}

function emitGroup(
  group: string,
  operations: readonly Operation[],
  models: ReadonlyMap<string, NamedModel>,
  printer: SourcePrinter,
  banner: string,
): EmittedFile {
  const refs = new Set<string>();
  const helpers = new Set<string>();
  const runtimeTypes = new Set(['BaseClient', 'RequestOptions', 'ApiError', 'OperationRequest']);
  const datePlans = new Set<string>();
  const declared = new Set<string>();
  const declarations = operations.flatMap((operation) =>
    operationDeclarations(operation, models, { refs, helpers, runtimeTypes, datePlans, declared }),
  );
  // A signature names the `<Operation>Response` declared above it; the models file has every other name.
  for (const name of declared) refs.delete(name);
  const statements: Statement[] = [
    ...valueImport(helpers, '../runtime/index.js'),
    ...typeImport(runtimeTypes, '../runtime/index.js'),
    ...valueImport(datePlans, '../models.js'),
    ...typeImport(refs, '../models.js'),
    // Only operations with security of their own name the spec's schemes.
    ...(operations.some((operation) => operation.security?.some((schemes) => schemes.length > 0))
      ? [namespaceImport('security', '../security.js')]
      : []),
    ...declarations,
  ];
  return printer.print(`operations/${group}.ts`, banner, statements);
}

function operationDeclarations(
  operation: Operation,
  models: ReadonlyMap<string, NamedModel>,
  imports: {
    refs: Set<string>;
    helpers: Set<string>;
    runtimeTypes: Set<string>;
    datePlans: Set<string>;
    declared: Set<string>;
  },
): LaidOut[] {
  const { names } = operation;
  const { refs, helpers } = imports;
  const args = argsDeclaration(operation, imports);
  const results = resultTypes(operation, models, refs);
  for (const name of results.declared) imports.declared.add(name);
  const { result } = results;
  // `void` is no model: it names nothing to import.
  const typeArguments =
    result === 'void' ? typeArgumentsOf([{ kind: 'ref', name: 'void' }]) : typeArgumentsOf([result], refs);
  const request = requestObject(operation);
  for (const helper of request.helpers) helpers.add(helper);
  for (const plan of request.datePlans) imports.datePlans.add(plan);
  const { pagination } = operation;
  // The builder declares what it returns: TypeScript then checks the object literal against
  // `OperationRequest` once, where an unannotated arrow has its return type inferred, widened and
  // compared again with `request`'s parameter (a fifth of the check time of an SDK's operations).
  // A list's builder takes the arguments of each page, where there are any.
  // A body of items takes the call's signal, which stops an async iterable's.
  const builder = arrowReturningObject(
    'OperationRequest',
    request.expression,
    pagination && request.readsArgs ? 'args' : request.readsSignal ? 'signal' : '',
  );
  let returnType: Doc;
  let call: Expression;
  if (pagination && result !== 'void') {
    helpers.add('paginate');
    imports.runtimeTypes.add('PagePromise');
    returnType = ['PagePromise', typeArgumentsOf([result, results.item ?? pagination.item], refs).doc];
    const plan = pagePlanExpression(pagination);
    call = callExpression('paginate', [identifier('client'), identifier('args'), builder, plan, identifier('options')]);
  } else {
    imports.runtimeTypes.add('ApiPromise');
    returnType = ['ApiPromise', typeArguments.doc];
    call = callExpression('client.request', [builder, identifier('options')], typeArguments);
  }
  const doc = functionDeclaration({
    name: names.function,
    parameters: [
      { name: 'client', type: 'BaseClient' },
      {
        // An operation that sends no argument (it has none) still takes them, so that adding one later breaks
        // no call; the underscore tells `noUnusedParameters` (Vite's tsconfig sets it) that it goes unread.
        name: request.readsArgs || pagination ? 'args' : '_args',
        type: names.args,
        ...(args.hasRequired ? {} : { initializer: '{}' as const }),
      },
      { name: 'options', type: 'RequestOptions', optional: true },
    ],
    returnType,
    body: [returnStatement(call)],
  });
  return [
    args.declaration,
    ...results.declarations,
    errorDeclaration(operation, refs),
    laidOutDoc(operationDocs(operation), doc),
  ];
}

/** The argument object: each parameter under its spec name, the request body under `body`. */
function argsDeclaration(
  operation: Operation,
  imports: { refs: Set<string>; runtimeTypes: Set<string> },
): { declaration: LaidOut; hasRequired: boolean } {
  const { refs } = imports;
  const properties: Member[] = operation.parameters.map((parameter) => ({
    name: parameter.argName,
    type: parameter.type,
    required: parameter.required,
    readOnly: false,
    writeOnly: false,
    docs: parameter.docs,
    ...(parameter.in === 'querystring'
      ? { extraDocs: [`The whole query string, sent as \`${parameter.mediaType}\`.`] }
      : {}),
    ...(parameter.idempotencyKey ? { extraDocs: [idempotencyKeyDocs] } : {}),
  }));
  const body = operation.requestBody && requestContent(operation.requestBody.contents);
  if (operation.requestBody && body) {
    properties.push({
      name: 'body',
      type: bodyType(body, imports),
      required: operation.requestBody.required,
      readOnly: false,
      writeOnly: false,
      docs: operation.requestBody.docs,
      extraDocs: [sentItemsText(body, (text) => `\`${text}\``) ?? `Sent as \`${body.mediaType}\`.`],
    });
  }
  const name = operation.names.args;
  const docs = `Arguments of {@link ${operation.names.function}}.`;
  const hasRequired = properties.some((property) => property.required);
  if (properties.length === 0) {
    const type: TypeNode = { kind: 'object', bases: [], properties: [] };
    return { declaration: typeAliasDeclaration({ name, docs, type }), hasRequired };
  }
  const members = propertyDocs(properties, refs);
  // `BinaryBody` is the runtime's (no model takes that name), imported with the runtime's types.
  refs.delete('BinaryBody');
  return { declaration: interfaceOf({ name, docs, bases: [], members }), hasRequired };
}

/** What the JSDoc says of an argument that is an idempotency key. */
const idempotencyKeyDocs = [
  'Left out, the SDK sends a random UUID (`crypto.randomUUID()`), the same on every retry of this call,',
  'and retries the call as it retries a GET. Give your own key to repeat the call later without repeating',
  'its effect.',
].join('\n');

/**
 * A body sent as is (octet-stream, images, text, XML...) takes any bytes or
 * text `fetch` can send (the runtime's `BinaryBody`); a string schema keeps
 * its type. The SDK does not serialize other schemas in such media types: the
 * caller passes the text. A body of items (JSON lines, JSON text sequences)
 * takes them in any iterable, sync or async, or the bytes already encoded.
 */
function bodyType(body: MediaContent, imports: { runtimeTypes: Set<string> }): TypeNode {
  const type = sentBodyType(body);
  if (type === body.type) return type;
  imports.runtimeTypes.add('BinaryBody');
  const bytes: TypeNode = { kind: 'ref', name: 'BinaryBody' };
  return type.kind === 'union'
    ? { ...type, members: type.members.map((member) => (member.kind === 'binary' ? bytes : member)) }
    : bytes;
}

/**
 * The union of documented error responses, each narrowing on `status`. Statuses
 * with the same body share one member (`ApiError<401 | 403, unknown>`): it
 * narrows the same, reads shorter, and TypeScript checks one type reference
 * instead of one per status (most operations document several bodiless errors).
 */
function errorDeclaration(operation: Operation, refs: Set<string>): LaidOut {
  // Keyed by body type, in the order of the spec; a `default` (any status) keeps a member of its own.
  const statusesByBody = new Map<string, { body: TypeNode; statuses: Set<number> }>();
  const defaults = new Map<string, TypeNode>();
  for (const { status, response } of errorResponses(operation)) {
    const body = responseBodyType(response) ?? { kind: 'unknown' };
    const key = typeText(body);
    if (status === undefined) defaults.set(key, body);
    else {
      const entry = statusesByBody.get(key) ?? { body, statuses: new Set<number>() };
      statusesByBody.set(key, entry);
      entry.statuses.add(status);
    }
  }
  const members: GenericReference[] = [
    ...[...statusesByBody.values()].map(({ body, statuses }) => ({
      name: 'ApiError',
      args: [statusType([...statuses]), body],
    })),
    ...[...defaults.values()].map((body) => ({ name: 'ApiError', args: [{ kind: 'number' } as const, body] })),
  ];
  const docs = `Errors the spec documents for {@link ${operation.names.function}}; narrow them with \`status\`.`;
  const doc =
    members.length > 0
      ? genericUnionAliasDoc(operation.names.error, members, refs)
      : typeAliasDoc(operation.names.error, { kind: 'ref', name: 'ApiError' });
  return laidOutDoc(docs, doc);
}

/** `401`, or `401 | 403`. */
function statusType(statuses: readonly number[]): TypeNode {
  const literals = statuses.map((status): TypeNode => ({ kind: 'literal', value: status }));
  return literals.length === 1 ? literals[0]! : { kind: 'union', members: literals };
}

function operationDocs(operation: Operation): string {
  const route = `\`${operation.method} ${operation.path}\``;
  const throws = `@throws {@link ${operation.names.error}} for a documented error status, {@link ApiError} for any other.`;
  const { pagination } = operation;
  const pages = pagination ? [paginationDocs({ ...operation, pagination })] : [];
  return jsDocText(operation.docs, [route, ...pages, throws]) ?? route;
}
