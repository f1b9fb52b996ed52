/**
 * The intermediate model: what the SDK contains, with every `$ref`, `allOf`
 * and `nullable` already resolved. Emitters read only this. Every node that
 * comes from the spec keeps the pointer it came from, for diagnostics and docs.
 *
 * The model is plain read-only data: no classes, no functions, no cycles
 * (named models refer to each other by name, through `ref` nodes).
 */

export interface SdkModel {
  readonly info: ApiInfo;
  readonly servers: readonly Server[];
  readonly models: readonly NamedModel[];
  readonly operations: readonly Operation[];
  /** Webhooks and callbacks: requests the API sends, whose bodies are models; the SDK has no function for them. */
  readonly webhooks: readonly Webhook[];
  readonly securitySchemes: readonly SecurityScheme[];
  /** The document's `security`: alternatives, each a list of scheme names. */
  readonly defaultSecurity: readonly SecurityRequirement[];
}

export interface ApiInfo {
  readonly title: string;
  readonly version: string;
  readonly description?: string;
}

/** A Server Object (OpenAPI 3.1 §4.8.5): `url` as written, `{name}` placeholders included. */
export interface Server {
  readonly url: string;
  readonly description?: string;
  /** Each `{name}` of `url`, with its default (and allowed values when the spec lists them). */
  readonly variables: readonly ServerVariable[];
}

export interface ServerVariable {
  readonly name: string;
  readonly default: string;
  readonly enum?: readonly string[];
  readonly description?: string;
}

/** Documentation carried into JSDoc. */
export interface Docs {
  readonly summary?: string;
  readonly description?: string;
  readonly deprecated?: boolean;
  readonly format?: string;
  readonly default?: unknown;
  readonly examples?: readonly unknown[];
}

export type Literal = string | number | boolean | null;

export type TypeNode =
  | { readonly kind: 'unknown' }
  | { readonly kind: 'never' }
  /**
   * `acceptsDate`: a `date-time` string that is a `Date` in the SDK (config `dates: 'Date'`): the direction views
   * turn it into `Date | string` for requests and `Date` for responses (text where it may also be other text).
   */
  | { readonly kind: 'string'; readonly acceptsDate?: true }
  /** A JavaScript `Date`: sent as its ISO 8601 text, revived from it in responses. */
  | { readonly kind: 'date' }
  | { readonly kind: 'number' }
  | { readonly kind: 'boolean' }
  | { readonly kind: 'null' }
  /** No body: what a call resolves to on a success the spec documents without content (a `204` beside a `200`). */
  | { readonly kind: 'undefined' }
  /** `format: binary`: a file or byte stream. */
  | { readonly kind: 'binary' }
  | { readonly kind: 'literal'; readonly value: Literal }
  | { readonly kind: 'array'; readonly items: TypeNode }
  | { readonly kind: 'tuple'; readonly items: readonly TypeNode[]; readonly rest?: TypeNode }
  | ObjectNode
  | { readonly kind: 'union'; readonly members: readonly TypeNode[] }
  | { readonly kind: 'intersection'; readonly members: readonly TypeNode[] }
  /** A named model, by its `NamedModel.name`. */
  | { readonly kind: 'ref'; readonly name: string }
  /**
   * A body that is a stream of items, `data` the type of each: a success response read item by item as it arrives
   * (an `AsyncIterable`), or a request body sent item by item. How the runtime reads or writes them is the `stream`
   * of its media content. `sync`: any iterable (`Iterable<data>`, arrays included), which the emitter writes beside
   * the async ones for what a request body takes.
   */
  | { readonly kind: 'eventStream'; readonly data: TypeNode; readonly sync?: true };

/**
 * How the runtime reads the items of a stream: the name of its reader (each event's `data` as JSON or as text, each
 * JSON line, each value of a JSON text sequence), or for whole server-sent events (`{ data, event, id, retry }`,
 * described by an OpenAPI 3.2 `itemSchema`), which events' `data` it parses as JSON: all, none, or those of the
 * `event` names listed.
 */
export type StreamItems =
  | 'jsonEvents'
  | 'textEvents'
  | 'jsonLines'
  | 'jsonSequence'
  | { readonly reader: 'serverSentEvents'; readonly jsonData: boolean | readonly string[] };

/**
 * Where a response's `Date`s are (config `dates: 'Date'`): the strings the runtime turns into `Date`s, read from the
 * response types. `fields` lists an object's properties by name, `plan: undefined` for one whose value has no date
 * but would otherwise fall under `each` (every other property). `items` is every item of an array, after the
 * positions of a tuple's `first` items. `tagged` picks a plan by the value of a property that tells a union's members
 * apart; `all` applies each plan (`allOf`, a union's members).
 */
export type DatePlan =
  /** `guarded`: only text that reads as a date-time (a union member's property that another member has as text). */
  | { readonly kind: 'date'; readonly guarded?: true }
  /** A model's plan, by the name `models.ts` exports it under (`PetDates`). */
  | { readonly kind: 'named'; readonly name: string }
  | {
      readonly kind: 'items';
      readonly items: DatePlan | undefined;
      readonly first?: readonly (DatePlan | undefined)[];
    }
  | {
      readonly kind: 'fields';
      readonly fields: readonly { readonly name: string; readonly plan: DatePlan | undefined }[];
      readonly each?: DatePlan;
    }
  | {
      readonly kind: 'tagged';
      readonly property: string;
      readonly cases: readonly { readonly value: string; readonly plan: DatePlan }[];
    }
  | { readonly kind: 'all'; readonly plans: readonly DatePlan[] };

export interface ObjectNode {
  readonly kind: 'object';
  /** Named object models whose properties this object also has (`allOf` of `$ref`s). */
  readonly bases: readonly string[];
  readonly properties: readonly Property[];
  /** Type of properties not listed; absent when the spec allows none or says nothing. */
  readonly additionalProperties?: TypeNode;
}

export interface Property {
  /** The name on the wire, exactly as in the spec. */
  readonly name: string;
  readonly required: boolean;
  readonly readOnly: boolean;
  readonly writeOnly: boolean;
  readonly type: TypeNode;
  readonly docs: Docs;
}

export interface NamedModel {
  /** TypeScript name, unique in the SDK (also unique ignoring case: it names a file). */
  readonly name: string;
  /** Where the schema is: `file` as shown to the user, and the pointer inside it. */
  readonly file: string;
  readonly pointer: string;
  readonly type: TypeNode;
  readonly docs: Docs;
  /** For enums: the name of the exported list of values. */
  readonly enumValuesName?: string;
  /** Set when the model has `readOnly` or `writeOnly` properties: the name of its request variant. */
  readonly inputName?: string;
  /** Set on a request variant: the model it is the request form of (without `readOnly` properties). */
  readonly inputOf?: string;
  /** Where its `Date`s are, for a model that has some (config `dates: 'Date'`): the exported plan's name and the plan. */
  readonly dates?: { readonly name: string; readonly plan: DatePlan };
}

/**
 * An operation's method as it is sent (RFC 9110 §9): a Path Item's fixed field in upper case (`GET`, `QUERY`),
 * or an OpenAPI 3.2 `additionalOperations` key as written (`LINK`, `M-SEARCH`).
 */
export type HttpMethod = string;

/** `querystring` (OpenAPI 3.2): one value that is the whole query string, encoded as its media type says. */
export type ParameterLocation = 'path' | 'query' | 'querystring' | 'header' | 'cookie';

export interface Parameter {
  /** Name on the wire. */
  readonly name: string;
  readonly in: ParameterLocation;
  /** Key of the parameter in the operation's argument object. */
  readonly argName: string;
  /** Whether the caller must give it: false for an idempotency key, which the SDK makes up when it is left out. */
  readonly required: boolean;
  /**
   * Set on a header that is an idempotency key (`Idempotency-Key`, `X-Idempotency-Key`, see `model/idempotency.ts`):
   * left out, the SDK sends a random UUID, the same on every retry of the call, and retries the call as a GET.
   */
  readonly idempotencyKey?: true;
  readonly type: TypeNode;
  /**
   * `simple`, `label`, `matrix`, `form`, `spaceDelimited`, `pipeDelimited`, `deepObject`, `cookie` (or any the spec
   * names); `''` for a querystring parameter, which its media type encodes.
   */
  readonly style: string;
  readonly explode: boolean;
  readonly allowReserved: boolean;
  /** Set when the parameter is described by `content` instead of `schema`: its one media type (OpenAPI 3.1 §4.8.12.3). */
  readonly mediaType?: string;
  /** A URL-encoded querystring parameter's Encoding Objects, by field, as for a form body (OpenAPI 3.2). */
  readonly encoding?: readonly PropertyEncoding[];
  readonly docs: Docs;
}

export interface MediaContent {
  readonly mediaType: string;
  readonly type: TypeNode;
  /** Set when `type` is an `eventStream`: how its items are read (a response) or written (a request body). */
  readonly stream?: StreamItems;
  /** In a response whose type holds `Date`s: where they are (of each item, for a stream). */
  readonly dates?: DatePlan;
  /**
   * The Encoding Objects of a `multipart/*` or `application/x-www-form-urlencoded`
   * body, by property (OpenAPI 3.1 §4.8.15); empty otherwise.
   */
  readonly encoding: readonly PropertyEncoding[];
}

export interface PropertyEncoding {
  readonly property: string;
  readonly contentType?: string;
  /** Only set when the spec sets them (they apply to `application/x-www-form-urlencoded`). */
  readonly style?: string;
  readonly explode?: boolean;
  readonly allowReserved?: boolean;
}

export interface RequestBody {
  readonly required: boolean;
  readonly contents: readonly MediaContent[];
  readonly docs: Docs;
}

export interface Response {
  /** `'200'`, `'2XX'` or `'default'`, as in the spec. */
  readonly status: string;
  readonly description: string;
  readonly contents: readonly MediaContent[];
}

/** One Security Requirement Object: scheme names that apply together. */
export type SecurityRequirement = readonly string[];

export type SecurityScheme =
  | { readonly name: string; readonly type: 'http'; readonly scheme: string; readonly docs: Docs }
  | {
      readonly name: string;
      readonly type: 'apiKey';
      readonly in: 'header' | 'query' | 'cookie';
      readonly parameterName: string;
      readonly docs: Docs;
    }
  | { readonly name: string; readonly type: 'oauth2' | 'openIdConnect'; readonly docs: Docs };

/**
 * A webhook (OpenAPI 3.1 `webhooks`) or a callback of an operation (OpenAPI
 * 3.x `callbacks`): one request the API sends to its users.
 */
export interface Webhook {
  readonly kind: 'webhook' | 'callback';
  /** The key under `webhooks`, or the callback's name under the operation's `callbacks`. */
  readonly name: string;
  /** For a callback: the operation that registers it. */
  readonly operationId?: string;
  /** For a callback: the runtime expression of the URL it calls (`{$request.body#/url}`). */
  readonly expression?: string;
  readonly method: HttpMethod;
  readonly file: string;
  readonly pointer: string;
  readonly docs: Docs;
  /** The named model of the body it sends; absent when it sends none. */
  readonly payload?: string;
}

export interface OperationNames {
  /** The standalone function and the client method. */
  readonly function: string;
  /** The type of the argument object. */
  readonly args: string;
  /** The union of documented error responses. */
  readonly error: string;
  /**
   * The type a successful call resolves to, for users to name; absent when it resolves to nothing. It is the name
   * of the response's model when that model already has it.
   */
  readonly response?: string;
  /** The type of one item of a list that pages (`for await`); the name of the item's model when it has it. */
  readonly item?: string;
}

export interface Operation {
  /** The spec's `operationId`, or one derived from method and path. */
  readonly operationId: string;
  readonly names: OperationNames;
  readonly method: HttpMethod;
  readonly path: string;
  /** The file the operation is emitted in, from its first tag. */
  readonly group: string;
  /** The spec's `tags`, for choosing operations (`include`/`exclude` in the config). */
  readonly tags: readonly string[];
  readonly file: string;
  readonly pointer: string;
  readonly docs: Docs;
  readonly parameters: readonly Parameter[];
  readonly requestBody?: RequestBody;
  readonly responses: readonly Response[];
  /** Its own `security`, or `undefined` to use the document's. */
  readonly security?: readonly SecurityRequirement[];
  /** Its own `servers`, else its path item's; `undefined` to use the document's. */
  readonly servers?: readonly Server[];
  /** Set on a list operation whose pages the SDK iterates (see `model/pagination.ts`). */
  readonly pagination?: Pagination;
}

/**
 * How a list operation's pages follow one another (the runtime's `PagePlan`). A path is the property names from a
 * page's root to a value; `arg` is the key of a parameter in the operation's argument object.
 */
export interface Pagination {
  /** Where a page's items are; `[]` when the page is the list. */
  readonly items: readonly string[];
  /** The type of one item, as responses have it. */
  readonly item: TypeNode;
  readonly next:
    /** A URL in the page. */
    | { readonly kind: 'url'; readonly path: readonly string[] }
    /** The `Link` response header's `rel="next"`. */
    | { readonly kind: 'link' }
    /** A value in the page, sent back as the argument, or with `body` as that property of the JSON body. */
    | { readonly kind: 'cursor'; readonly path: readonly string[]; readonly arg: string; readonly body?: true }
    /** A property of the page's last item, sent back as the argument (`starting_after`). */
    | { readonly kind: 'lastItem'; readonly property: string; readonly arg: string }
    /** The argument advanced by the number of items read. */
    | { readonly kind: 'offset'; readonly arg: string }
    /** The argument advanced by one, from `first`. */
    | { readonly kind: 'page'; readonly arg: string; readonly first: number };
  /** A boolean that says whether another page follows. */
  readonly more?: readonly string[];
  /** The count of all items (`offset`) or of all pages (`page`). */
  readonly total?: readonly string[];
}
