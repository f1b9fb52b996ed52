import { childLocation, type Location } from '../resolve/location';
import { isRecord } from '../util/guards';
import { isSuccessStatus } from './bodies';
import type { ModelContext } from './context';
import { propertiesOf } from './typeNodes';
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
 * - a numeric `page` query parameter whose `default` is 0 or 1, advanced by one.
 * Only `GET` operations page, whose success responses are one JSON type: the list itself, or an object with one
 * list (or one whose name says it holds the items, `data`, `items`, `results`...).
 *
 * Returns the operations, each list operation with its `pagination`.
 */
export function withPagination(
  models: readonly NamedModel[],
  operations: readonly Operation[],
  hints: ReadonlyMap<string, PagingHints>,
): Operation[] {
  const byName = new Map(models.map((model) => [model.name, model]));
  return operations.map((operation) => {
    const pagination = paginationOf(operation, hints.get(operation.operationId), byName);
    return pagination ? { ...operation, pagination } : operation;
  });
}

function paginationOf(
  operation: Operation,
  hints: PagingHints | undefined,
  models: ReadonlyMap<string, NamedModel>,
): Pagination | undefined {
  if (operation.method !== 'GET' || hints?.msPageable?.nextLinkName === null) return undefined;
  const page = pageType(operation);
  if (!page) return undefined;
  const shape = new PageShape(page, models);
  const items = shape.items(hints?.msPageable?.itemName);
  if (!items) return undefined;
  const query = operation.parameters.filter((parameter) => parameter.in === 'query');
  const more = shape.find(moreNames, isBoolean);
  const ending = { ...(more ? { more } : {}) };

  if (hints?.msPageable) {
    const name = hints.msPageable.nextLinkName as string;
    return isText(shape.at([name])) ? { ...items, next: { kind: 'url', path: [name] } } : undefined;
  }
  if (hints?.linkHeader) return { ...items, next: { kind: 'link' } };
  const url =
    shape.find(urlNames, isText, 'any') ??
    shape.find(['next', 'nextpage'], (type, property, container) => {
      return isText(type) && (isUriFormat(property) || linkContainers.includes(container ?? ''));
    }) ??
    shape.find(['next'], (type) => isText(shape.property(type, 'href')?.type))?.concat('href');
  if (url) return { ...items, next: { kind: 'url', path: url }, ...ending };

  const cursors = query.filter(
    (parameter) => cursorParameters.includes(normalized(parameter.name)) && acceptsText(parameter.type),
  );
  for (const parameter of cursors) {
    const cursor = shape.find(cursorFieldsFor(parameter.name), (type, property, container) => {
      // `next` names a cursor only in a container of cursors (`cursor.next`, `meta.cursors.next`).
      return isText(type) && (normalized(property.name) !== 'next' || cursorContainers.includes(container ?? ''));
    });
    if (cursor) return { ...items, next: { kind: 'cursor', path: cursor, arg: parameter.argName }, ...ending };
  }
  const startingAfter = query.find((parameter) => normalized(parameter.name) === 'startingafter');
  if (startingAfter && more && isText(shape.property(items.item, 'id')?.type)) {
    return { ...items, next: { kind: 'lastItem', property: 'id', arg: startingAfter.argName }, more };
  }
  // A cursor parameter whose value the page does not give: its pages are not asked for by position.
  if (cursors.length > 0) return undefined;
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

/** The one JSON type of the success responses, or `undefined` when they differ or are not JSON. */
function pageType(operation: Operation): TypeNode | undefined {
  const types = operation.responses
    .filter((response) => isSuccessStatus(response.status))
    .flatMap((response) => response.contents)
    .filter((content) => /^application\/([^;]*\+)?json\s*(;|$)/i.test(content.mediaType))
    .map((content) => content.type);
  const distinct = new Set(types.map((type) => JSON.stringify(type)));
  return distinct.size === 1 ? withoutNull(types[0]!) : undefined;
}

/** A page's properties, at its root and in the containers APIs put paging fields in (`links`, `meta`). */
class PageShape {
  private readonly root: Map<string, Property> | undefined;

  constructor(
    private readonly page: TypeNode,
    private readonly models: ReadonlyMap<string, NamedModel>,
  ) {
    this.root = propertiesOf(page, models);
  }

  /** Where the items are, and the type of one. */
  items(named?: string): Pick<Pagination, 'items' | 'item'> | undefined {
    const page = this.resolved(this.page);
    if (page.kind === 'array') return { items: [], item: page.items };
    if (!this.root) return undefined;
    const lists = [...this.root.values()].filter(
      (property) => this.resolved(property.type).kind === 'array' && !notItems.includes(normalized(property.name)),
    );
    const chosen =
      named !== undefined
        ? lists.find((property) => property.name === named)
        : lists.length === 1
          ? lists[0]
          : lists.find((property) => itemNames.includes(normalized(property.name)));
    const list = chosen && this.resolved(chosen.type);
    return list?.kind === 'array' ? { items: [chosen!.name], item: list.items } : undefined;
  }

  /** The type at a path of property names from the root. */
  at(path: readonly string[]): TypeNode | undefined {
    let type: TypeNode | undefined = this.page;
    for (const name of path) type = type && this.property(type, name)?.type;
    return type && withoutNull(type);
  }

  property(type: TypeNode | undefined, name: string): Property | undefined {
    return type ? propertiesOf(this.resolved(type), this.models)?.get(name) : undefined;
  }

  /**
   * The path of the first property whose normalized name is one of `names` (in their order of preference) and whose
   * type passes `test`: at the root, else in a container of paging fields (`links`, `meta`, `meta.cursors`), else,
   * with `anywhere`, in any object at the root (`pageDetails.nextPageUrl`).
   */
  find(
    names: readonly string[],
    test: (type: TypeNode, property: Property, container: string | undefined) => boolean,
    anywhere?: 'any',
  ): string[] | undefined {
    const places = this.places(anywhere === 'any');
    for (const name of names) {
      for (const place of places) {
        for (const property of place.properties.values()) {
          if (normalized(property.name) === name && test(withoutNull(property.type), property, place.container))
            return [...place.path, property.name];
        }
      }
    }
    return undefined;
  }

  /** The root's properties, then those of its containers, two levels down at most. */
  private places(anywhere: boolean): { path: string[]; container?: string; properties: Map<string, Property> }[] {
    if (!this.root) return [];
    const places: { path: string[]; container?: string; properties: Map<string, Property> }[] = [
      { path: [], properties: this.root },
    ];
    for (const place of places) {
      if (place.path.length === 2) continue;
      for (const property of place.properties.values()) {
        const container = normalized(property.name);
        const open = containers.includes(container) || (anywhere && place.path.length === 0);
        const properties = open ? propertiesOf(this.resolved(property.type), this.models) : undefined;
        if (properties) places.push({ path: [...place.path, property.name], container, properties });
      }
    }
    return places;
  }

  /** A type without `null`, its named model's type when it is a reference to one. */
  private resolved(type: TypeNode, depth = 0): TypeNode {
    const bare = withoutNull(type);
    if (bare.kind !== 'ref' || depth > 16) return bare;
    const named = this.models.get(bare.name);
    return named ? this.resolved(named.type, depth + 1) : bare;
  }
}

/** Lower case, letters and digits only: `next_page_token`, `nextPageToken` and `NextPageToken` read alike. */
function normalized(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
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
/** Names of the list in a page with several: the items. */
const itemNames = ['data', 'items', 'results', 'value', 'values', 'entries', 'records', 'elements', 'list', 'content'];
/** Lists in a page that are never its items. */
const notItems = ['links', 'errors', 'warnings'];
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
/** Containers in which `next` is a URL. */
const linkContainers = ['links', 'link', 'paging', 'pagination'];
/** Containers in which `next` is a cursor. */
const cursorContainers = ['cursor', 'cursors'];
/** Containers of paging fields. */
const containers = [
  ...linkContainers,
  ...cursorContainers,
  'meta',
  'metadata',
  'responsemetadata',
  'pageinfo',
  'page',
  'pagedetails',
];
const moreNames = ['hasmore', 'hasnextpage', 'hasnext', 'more'];
const totalNames = ['total', 'totalcount', 'totalresults', 'totalitems', 'totalsize', 'totalrecords'];
const pageCountNames = ['totalpages', 'pagecount', 'numpages'];
const offsetNames = ['offset', 'skip', 'startat', 'startindex'];
const pageNames = ['page', 'pagenumber', 'pagenum', 'pageno'];

function withoutNull(type: TypeNode): TypeNode {
  if (type.kind !== 'union') return type;
  const members = type.members.filter((member) => member.kind !== 'null');
  return members.length === 1 ? members[0]! : { kind: 'union', members };
}

function isText(type: TypeNode | undefined): boolean {
  return type?.kind === 'string';
}

function isBoolean(type: TypeNode): boolean {
  return type.kind === 'boolean';
}

function isNumber(type: TypeNode): boolean {
  return type.kind === 'number';
}

function isNumeric(parameter: Parameter): boolean {
  return withoutNull(parameter.type).kind === 'number';
}

/** A parameter a string can be given to. */
function acceptsText(type: TypeNode): boolean {
  const bare = withoutNull(type);
  return bare.kind === 'string' || bare.kind === 'unknown';
}

function isUriFormat(property: Property): boolean {
  return ['uri', 'url', 'uri-reference', 'iri', 'iri-reference'].includes(property.docs.format ?? '');
}
