import { isSuccessStatus } from './bodies';
import { baseMediaType, isJsonMediaType, requestContent } from './mediaTypes';
import { propertiesOf, resolvedType, withoutNull } from './typeNodes';
import type { NamedModel, Operation, Pagination, Property, TypeNode } from './types';

/** The one JSON type of the success responses, or `undefined` when they differ or are not JSON. */
export function pageType(operation: Operation): TypeNode | undefined {
  const types = operation.responses
    .filter((response) => isSuccessStatus(response.status))
    .flatMap((response) => response.contents)
    .filter((content) => isJsonDocument(content.mediaType))
    .map((content) => content.type);
  const distinct = new Set(types.map((type) => JSON.stringify(type)));
  return distinct.size === 1 ? withoutNull(types[0]!) : undefined;
}

/** The properties of an operation's JSON request body (where a `POST` search takes its cursor), by name. */
export function jsonBodyProperties(
  operation: Operation,
  models: ReadonlyMap<string, NamedModel>,
): Map<string, Property> | undefined {
  const body = operation.requestBody && requestContent(operation.requestBody.contents);
  return body && isJsonDocument(body.mediaType) ? propertiesOf(body.type, models) : undefined;
}

/** A JSON media type a page or a search is written in; any media type (`*\/*`), which the model also reads as JSON, is not one. */
function isJsonDocument(mediaType: string): boolean {
  return isJsonMediaType(mediaType) && baseMediaType(mediaType) !== '*/*';
}

/** A page's properties, at its root and in the containers APIs put paging fields in (`links`, `meta`). */
export class PageShape {
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
    return type && this.resolved(type);
  }

  /** The type of one item of the list at `path` (`[]`: the page itself), or `undefined` when it is no list. */
  list(path: readonly string[]): TypeNode | undefined {
    const list = this.at(path);
    return list?.kind === 'array' ? list.items : undefined;
  }

  private property(type: TypeNode | undefined, name: string): Property | undefined {
    return type ? propertiesOf(this.resolved(type), this.models)?.get(name) : undefined;
  }

  /** The type of an object's property, resolved (see {@link resolved}). */
  fieldType(type: TypeNode, name: string): TypeNode | undefined {
    const property = this.property(type, name);
    return property && this.resolved(property.type);
  }

  /**
   * The path of the first property whose normalized name is one of `names` and whose type passes `test`. Names are
   * tried in their order of preference, each at the root, then in the containers of paging fields (`links`, `meta`,
   * `meta.cursors`), and with `anywhere` in any object at the root too (`pageDetails.nextPageUrl`).
   */
  find(
    names: readonly string[],
    test: (type: TypeNode, property: Property, container: string | undefined) => boolean,
    { anywhere = false } = {},
  ): string[] | undefined {
    const places = this.places(anywhere);
    for (const name of names) {
      for (const place of places) {
        for (const property of place.properties.values()) {
          if (normalized(property.name) === name && test(this.resolved(property.type), property, place.container))
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
  resolved(type: TypeNode): TypeNode {
    return resolvedType(type, this.models);
  }
}

/** Lower case, letters and digits only: `next_page_token`, `nextPageToken` and `NextPageToken` read alike. */
export function normalized(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Names of the list in a page with several: the items. */
const itemNames = ['data', 'items', 'results', 'value', 'values', 'entries', 'records', 'elements', 'list', 'content'];
/** Lists in a page that are never its items. */
const notItems = ['links', 'errors', 'warnings'];
/** Containers in which `next` is a URL. */
export const linkContainers = ['links', 'link', 'paging', 'pagination'];
/** Containers in which `next` is a cursor. */
export const cursorContainers = ['cursor', 'cursors'];
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
