import { childLocation, type Location } from '../resolve/location';
import { isRecord } from '../util/guards';
import { isSuccessStatus } from './bodies';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { configuredPagination, unknownOperations, type ConfiguredPages } from './configuredPagination';
import type { ModelContext } from './context';
import { cursorContainers, jsonBodyProperties, linkContainers, normalized, PageShape, pageType } from './pageShape';
import type { NamedModel, Operation, Pagination, Parameter, Property, TypeNode } from './types';

/** What an operation's spec says of its pages (extensions, headers), read before its types are known. */
export interface PagingHints {
  /** `x-ms-pageable`, when the operation has it: `nextLinkName` `null` says it has one page. */
  readonly msPageable?: { readonly nextLinkName: string | null; readonly itemName: string };
  /** A success response declares a `Link` header. */
  readonly linkHeader: boolean;
}

/** What an operation's spec says of its pages, before its types are known. */
export function pagingHintsOf(context: ModelContext, operation: Location): PagingHints {
  const value = context.spec.valueAt(operation);
  const pageable = isRecord(value) ? value['x-ms-pageable'] : undefined;
  const responses = context.spec.valueAt(childLocation(operation, 'responses'));
  const linkHeader =
    isRecord(responses) &&
    Object.keys(responses).some((status) => {
      if (!isSuccessStatus(status.toUpperCase())) return false;
      const response = context.spec.deref(childLocation(operation, 'responses', status));
      const headers = response && isRecord(response.value) ? response.value['headers'] : undefined;
      return isRecord(headers) && Object.keys(headers).some((name) => name.toLowerCase() === 'link');
    });
  return {
    linkHeader,
    ...(isRecord(pageable)
      ? {
          msPageable: {
            nextLinkName:
              pageable['nextLinkName'] === null
                ? null
                : typeof pageable['nextLinkName'] === 'string'
                  ? pageable['nextLinkName']
                  : 'nextLink',
            itemName: typeof pageable['itemName'] === 'string' ? pageable['itemName'] : 'value',
          },
        }
      : {}),
  };
}

/**
 * Which list operations page, and how, read from the spec. A wrong guess would make a loop that never ends or one
 * that skips items, so an operation pages only when its spec names both halves: where a page's items are, and what
 * asks for the next page. In that order:
 * - `x-ms-pageable` (AutoRest, in every Azure spec): `nextLinkName` holds the next page's URL, `itemName` the items;
 * - a `Link` response header (RFC 8288; GitHub), whose `rel="next"` is the next page;
 * - a URL in the page: `nextLink`, `next_page_uri`, `next_url`, or `next` under `links` or with `format: uri`;
 * - a cursor in the page sent back as a query parameter of a matching name (`next_cursor` -> `cursor`,
 *   `nextPageToken` -> `pageToken`, `next_marker` -> `marker`, `NextToken` -> `NextToken`);
 * - `starting_after`, with a `has_more` in the page: the last item's `id` (Stripe);
 * - a numeric `offset` (or `skip`) query parameter, advanced by the items read;
 * - a numeric `page` query parameter whose `default` is 0 or 1, advanced by one;
 * - for a `POST` or `QUERY` operation, only a cursor sent back in its JSON body (AWS's `NextToken`).
 * Only `GET`, `POST` and `QUERY` operations page, whose success responses are one JSON type: the list itself, or an
 * object with one list (or one whose name says it holds the items, `data`, `items`, `results`...).
 *
 * Returns the operations, each list operation with its `pagination`.
 */
export function withPagination(
  models: readonly NamedModel[],
  operations: readonly Operation[],
  hints: ReadonlyMap<string, PagingHints>,
  configured: ConfiguredPages = {},
): { operations: Operation[]; diagnostics: Diagnostic[] } {
  const byName = new Map(models.map((model) => [model.name, model]));
  const diagnostics = unknownOperations(operations, configured);
  const paged = operations.map((operation) => {
    const setting = Object.hasOwn(configured, operation.operationId) ? configured[operation.operationId] : undefined;
    let pagination: Pagination | undefined;
    if (setting === undefined) pagination = paginationOf(operation, hints.get(operation.operationId), byName);
    else if (setting !== false) {
      const configuredPlan = configuredPagination(operation, setting, byName);
      diagnostics.push(...configuredPlan.diagnostics);
      pagination = configuredPlan.pagination;
    }
    return pagination ? { ...operation, pagination } : operation;
  });
  return { operations: paged, diagnostics };
}

function paginationOf(
  operation: Operation,
  hints: PagingHints | undefined,
  models: ReadonlyMap<string, NamedModel>,
): Pagination | undefined {
  const searches = operation.method === 'POST' || operation.method === 'QUERY';
  if ((operation.method !== 'GET' && !searches) || hints?.msPageable?.nextLinkName === null) return undefined;
  const page = pageType(operation);
  if (!page) return undefined;
  const shape = new PageShape(page, models);
  const items = shape.items(searches ? undefined : hints?.msPageable?.itemName);
  if (!items) return undefined;
  const query = operation.parameters.filter((parameter) => parameter.in === 'query');
  const more = shape.find(moreNames, isBoolean);
  const ending = { ...(more ? { more } : {}) };
  if (searches) return bodyCursorOf(operation, shape, models, { ...items, ...ending });

  if (hints?.msPageable) {
    const name = hints.msPageable.nextLinkName as string;
    return isText(shape.at([name])) ? { ...items, next: { kind: 'url', path: [name] } } : undefined;
  }
  if (hints?.linkHeader) return { ...items, next: { kind: 'link' } };
  const url =
    shape.find(urlNames, isText, { anywhere: true }) ??
    shape.find(['next', 'nextpage'], (type, property, container) => {
      return isText(type) && (isUriFormat(property) || linkContainers.includes(container ?? ''));
    }) ??
    shape.find(['next'], (type) => isText(shape.fieldType(type, 'href')))?.concat('href');
  if (url) return { ...items, next: { kind: 'url', path: url }, ...ending };

  const cursors = query.filter(
    (parameter) => cursorParameters.includes(normalized(parameter.name)) && acceptsText(shape.resolved(parameter.type)),
  );
  for (const parameter of cursors) {
    const cursor = shape.find(cursorFieldsFor(parameter.name), isCursor);
    if (cursor) return { ...items, next: { kind: 'cursor', path: cursor, arg: parameter.argName }, ...ending };
  }
  const startingAfter = query.find((parameter) => normalized(parameter.name) === 'startingafter');
  if (startingAfter && more && isText(shape.fieldType(items.item, 'id'))) {
    return { ...items, next: { kind: 'lastItem', property: 'id', arg: startingAfter.argName }, more };
  }
  // A cursor parameter whose value the page does not give: its pages are not asked for by position.
  if (cursors.length > 0) return undefined;
  const isNumeric = (parameter: Parameter): boolean => shape.resolved(parameter.type).kind === 'number';
  const offset = query.find((parameter) => offsetNames.includes(normalized(parameter.name)) && isNumeric(parameter));
  if (offset) {
    const total = shape.find(totalNames, isNumber);
    return { ...items, next: { kind: 'offset', arg: offset.argName }, ...ending, ...(total ? { total } : {}) };
  }
  // Numbered from 0 or from 1: only the spec's `default` says which page a call that leaves it out gets.
  const pageNumber = query.find((parameter) => pageNames.includes(normalized(parameter.name)) && isNumeric(parameter));
  const first = pageNumber?.docs.default;
  if (pageNumber && (first === 0 || first === 1)) {
    const total = shape.find(pageCountNames, isNumber);
    return { ...items, next: { kind: 'page', arg: pageNumber.argName, first }, ...ending, ...(total ? { total } : {}) };
  }
  return undefined;
}

/**
 * A `POST` (or `QUERY`) list sends its cursor in its JSON body, as every list of AWS's JSON APIs sends `NextToken`:
 * a body property named as a cursor parameter whose page has the matching cursor. Nothing else pages such an
 * operation, whose method may change what it lists.
 */
function bodyCursorOf(
  operation: Operation,
  shape: PageShape,
  models: ReadonlyMap<string, NamedModel>,
  page: Omit<Pagination, 'next'>,
): Pagination | undefined {
  for (const field of jsonBodyProperties(operation, models)?.values() ?? []) {
    if (!cursorParameters.includes(normalized(field.name)) || !acceptsText(shape.resolved(field.type))) continue;
    const cursor = shape.find(cursorFieldsFor(field.name), isCursor);
    if (cursor) return { ...page, next: { kind: 'cursor', path: cursor, arg: field.name, body: true } };
  }
  return undefined;
}

/** A cursor in a page is text; `next` names one only in a container of cursors (`cursor.next`, `meta.cursors.next`). */
function isCursor(type: TypeNode, property: Property, container: string | undefined): boolean {
  return isText(type) && (normalized(property.name) !== 'next' || cursorContainers.includes(container ?? ''));
}

/**
 * The names of a page's cursor that a cursor parameter takes, normalized: `next` and the parameter's name
 * (`next_cursor` for `cursor`, `nextPageToken` for `pageToken`, `next_marker` for `marker`, `next_page` for a
 * `page` that is text), the name itself for a next token (`NextToken`, as AWS writes both; `next_page_token`) and
 * a cursor (ATProto), and for `cursor` or `after` the usual names of a next cursor (`end_cursor`, `cursor.next`,
 * `paging.cursors.after`).
 */
function cursorFieldsFor(parameter: string): string[] {
  const name = normalized(parameter);
  const fields = [name.startsWith('next') ? name : `next${name}`];
  if (name.startsWith('page') && name !== 'page') fields.push(`next${name.slice(4)}`);
  if (name === 'paginationtoken') fields.push('nexttoken');
  // The same name only for a name that says next (a `pageToken` in a page may be the one it was asked with).
  if (/^next.*token$/.test(name) || name === 'cursor') fields.push(name);
  if (name === 'cursor' || name === 'after' || name === 'startcursor')
    fields.push('nextcursor', 'endcursor', 'nextpagecursor', 'next', 'after');
  return fields;
}

/** Query parameters that take a cursor; a `page` that is text (a number is a page number) is one. */
const cursorParameters = [
  'cursor',
  'after',
  'startcursor',
  'pagecursor',
  'pagetoken',
  'nextpagetoken',
  'nexttoken',
  'paginationtoken',
  'continuationtoken',
  'marker',
  'nextmarker',
  'page',
];
/** Names of a next page's URL wherever they are. */
const urlNames = [
  'nextlink',
  'odatanextlink',
  'nexturl',
  'nextpageurl',
  'nextpageuri',
  'nexturi',
  'nexthref',
  'nextpagelink',
];
const moreNames = ['hasmore', 'hasnextpage', 'hasnext', 'more'];
const totalNames = ['total', 'totalcount', 'totalresults', 'totalitems', 'totalsize', 'totalrecords'];
const pageCountNames = ['totalpages', 'pagecount', 'numpages'];
const offsetNames = ['offset', 'skip', 'startat', 'startindex'];
const pageNames = ['page', 'pagenumber', 'pagenum', 'pageno'];

function isText(type: TypeNode | undefined): boolean {
  return type?.kind === 'string';
}

function isBoolean(type: TypeNode): boolean {
  return type.kind === 'boolean';
}

function isNumber(type: TypeNode): boolean {
  return type.kind === 'number';
}

/** A parameter or body property a string can be given to (its type resolved, without `null`). */
function acceptsText(type: TypeNode): boolean {
  return type.kind === 'string' || type.kind === 'unknown';
}

function isUriFormat(property: Property): boolean {
  return ['uri', 'url', 'uri-reference', 'iri', 'iri-reference'].includes(property.docs.format ?? '');
}
