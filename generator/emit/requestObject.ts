import { defaultServerUrl } from '../model/servers';
import type {
  MediaContent,
  Operation,
  Parameter,
  PropertyEncoding,
  Server,
  StreamItems,
  TypeNode,
} from '../model/types';
import {
  arrayExpression,
  callExpression,
  identifier,
  literalExpression,
  memberExpression,
  objectExpression,
  stringExpression,
  type Expression,
  type PropertyAssignment,
} from './codeSyntax';
import { allPlans } from '../model/datePlans';
import { datePlanExpression } from './datePlanSyntax';
import { objectLiteralKey } from './literals';
import { isEncodedForm, isJsonMediaType, isUrlEncodedMediaType, requestContent } from '../model/mediaTypes';
import { successMediaTypes, successStreams } from './operationTypes';

/**
 * The object literal a generated operation hands to `client.request`, and the
 * runtime helpers it uses (imported one by one, so bundlers keep only those:
 * an SDK without multipart bodies ships no multipart code).
 */
export function requestObject(operation: Operation): {
  expression: Expression;
  /** Whether it reads the call's arguments: a parameter it sends, or a body. */
  readsArgs: boolean;
  /** Whether it reads the call's signal (the builder's parameter): a body streamed from an async iterable stops with it. */
  readsSignal: boolean;
  helpers: Set<string>;
  /** The plans of models' `Date`s it names, which the file imports from `models.ts`. */
  datePlans: Set<string>;
} {
  const helpers = new Set<string>();
  const datePlans = new Set<string>();
  const fields: PropertyAssignment[] = [
    { key: 'operationId', value: stringExpression(operation.operationId) },
    { key: 'method', value: stringExpression(operation.method) },
    { key: 'path', value: pathExpression(operation, helpers) },
  ];
  const query = operation.parameters.filter((parameter) => parameter.in === 'query');
  if (query.length > 0) {
    const parts = query.map((parameter) => queryPart(parameter, helpers));
    fields.push({ key: 'query', value: helperCall(helpers, 'queryString', parts) });
  }
  // The model keeps no `in: query` parameter beside a querystring one.
  const querystring = operation.parameters.find((parameter) => parameter.in === 'querystring');
  if (querystring) fields.push({ key: 'query', value: querystringExpression(querystring, helpers) });
  const cookies = operation.parameters.filter((parameter) => parameter.in === 'cookie');
  const headers = operation.parameters.filter((parameter) => parameter.in === 'header');
  const entries = headers.map((parameter): PropertyAssignment => {
    const explode = parameter.explode ? [literalExpression('true')] : [];
    // An idempotency key is a string: the caller's, else a random one, made once per call (the request is built once).
    const value = parameter.idempotencyKey
      ? helperCall(helpers, 'idempotencyKey', [argument(parameter, helpers)])
      : helperCall(helpers, 'headerSimple', [argument(parameter, helpers), ...explode]);
    return { key: objectLiteralKey(parameter.name), value };
  });
  if (cookies.length > 0) {
    const parts = cookies.map((parameter) =>
      helperCall(helpers, parameter.style === 'cookie' ? 'cookieStyle' : 'cookieForm', [
        stringExpression(parameter.name),
        argument(parameter, helpers),
        ...(parameter.explode ? [] : [literalExpression('false')]),
      ]),
    );
    entries.push({ key: 'Cookie', value: helperCall(helpers, 'cookieHeader', parts) });
  }
  if (entries.length > 0) fields.push({ key: 'headers', value: objectExpression(entries) });
  // The key makes repeating the request safe: the runtime retries it as it retries a GET.
  if (headers.some((parameter) => parameter.idempotencyKey))
    fields.push({ key: 'idempotent', value: literalExpression('true') });
  const body = bodyExpression(operation, helpers);
  if (body) fields.push({ key: 'body', value: body });
  const accept = acceptHeader(operation);
  if (accept) fields.push({ key: 'accept', value: stringExpression(accept) });
  // The runtime reader of a stream is named as the model names how its items are read.
  // A response offered as several streams is read by the reader of the content type it comes as.
  const readers = successStreams(operation).map((content) => {
    const reader = eventReader(content.stream, helpers);
    if (!content.dates) return reader;
    return helperCall(helpers, 'reviveItems', [
      reader,
      datePlanExpression(content.dates, { lazy: false, named: datePlans }),
    ]);
  });
  if (readers.length === 1) fields.push({ key: 'events', value: readers[0]! });
  if (readers.length > 1) fields.push({ key: 'events', value: helperCall(helpers, 'oneOfReaders', readers) });
  const revive = responseDates(operation, helpers, datePlans);
  if (revive) fields.push({ key: 'revive', value: revive });
  const server = operation.servers?.[0];
  if (server) fields.push({ key: 'server', value: serverExpression(server, helpers) });
  // An operation without security of its own uses the document's, which the client holds (see client.ts).
  if (operation.security) fields.push({ key: 'security', value: securityExpression(operation.security) });
  // Every parameter of the model is sent: a path parameter the path does not name is left out (`matchPathTemplate`).
  return {
    expression: objectExpression(fields, true),
    readsArgs: body !== undefined || operation.parameters.length > 0,
    readsSignal: readsSignal(operation),
    helpers,
    datePlans,
  };
}

/**
 * `responseDates({ 200: PetDates, default: ErrorDates })`: where the `Date`s of each status's body are (streams are
 * revived item by item by their reader). A status without any gets `false` when a range or `default` has some, so
 * that theirs does not apply to it. `undefined` when no response has `Date`s.
 */
function responseDates(operation: Operation, helpers: Set<string>, named: Set<string>): Expression | undefined {
  const plans = operation.responses.map((response) => {
    const plan = allPlans(response.contents.map((content) => (content.stream ? undefined : content.dates)));
    const key = response.status === 'default' ? 'default' : response.status.toUpperCase();
    return { key, plan };
  });
  if (plans.every(({ plan }) => plan === undefined)) return undefined;
  const broader = (key: string): string[] =>
    /^\d{3}$/.test(key) ? [`${key[0]}XX`, 'default'] : key === 'default' ? [] : ['default'];
  const entries = plans.flatMap(({ key, plan }): PropertyAssignment[] => {
    if (!plan && !plans.some((other) => other.plan && broader(key).includes(other.key))) return [];
    return [
      {
        key: /^\d{3}$/.test(key) ? key : objectLiteralKey(key),
        value: plan ? datePlanExpression(plan, { lazy: false, named }) : literalExpression('false'),
      },
    ];
  });
  return helperCall(helpers, 'responseDates', [objectExpression(entries)]);
}

/** `jsonLines`, or for whole events `serverSentEvents(true)` (`['delta']`: parse the data of `delta` events only). */
function eventReader(items: StreamItems, helpers: Set<string>): Expression {
  if (typeof items === 'string') {
    helpers.add(items);
    return identifier(items);
  }
  const { jsonData } = items;
  const json =
    typeof jsonData === 'boolean'
      ? literalExpression(String(jsonData))
      : arrayExpression(jsonData.map((name) => stringExpression(name)));
  return helperCall(helpers, items.reader, [json]);
}

/** A call of the runtime helper `name`, which the file then imports. */
function helperCall(helpers: Set<string>, name: string, args: readonly Expression[]): Expression {
  helpers.add(name);
  return callExpression(name, args);
}

/**
 * `'https://api.example.com'`, or `serverUrl('https://{region}.example.com', { region: 'eu' })`
 * when the URL has variables: the runtime fills them in from `serverVariables`.
 */
export function serverExpression(server: Server, helpers: Set<string>): Expression {
  if (server.variables.length === 0) return stringExpression(defaultServerUrl(server));
  const variables = server.variables.map((variable): PropertyAssignment => ({
    key: objectLiteralKey(variable.name),
    value: stringExpression(variable.default),
  }));
  return helperCall(helpers, 'serverUrl', [stringExpression(server.url), objectExpression(variables)]);
}

/** The argument's value; a parameter described by `content` (JSON) is sent as JSON text. */
function argument(parameter: Parameter, helpers: Set<string>): Expression {
  const value = memberExpression('args', [parameter.argName]);
  if (parameter.mediaType === undefined || !isJsonMediaType(parameter.mediaType)) return value;
  return helperCall(helpers, 'jsonText', [value]);
}

/**
 * The path as text (`'/ping'`), or text and encoded parameter values in turn
 * (`['/organization/', pathSimple(args.organizationId), '/containerRegistry']`),
 * so that the runtime can refuse an empty value, which would drop its segment.
 */
function pathExpression(operation: Operation, helpers: Set<string>): Expression {
  const byName = new Map(
    operation.parameters.filter((p) => p.in === 'path').map((parameter) => [parameter.name, parameter]),
  );
  const parts: Expression[] = [];
  let text = '';
  for (const part of operation.path.split(/(\{[^}]+\})/)) {
    const parameter = /^\{(.+)\}$/.test(part) ? byName.get(part.slice(1, -1)) : undefined;
    if (!parameter) {
      text += part;
      continue;
    }
    parts.push(stringExpression(text), pathPart(parameter, helpers));
    text = '';
  }
  if (text !== '' || parts.length === 0) parts.push(stringExpression(text));
  return parts.length === 1 ? parts[0]! : arrayExpression(parts);
}

function pathPart(parameter: Parameter, helpers: Set<string>): Expression {
  const value = argument(parameter, helpers);
  const explode = parameter.explode ? [literalExpression('true')] : [];
  switch (parameter.style) {
    case 'label':
      return helperCall(helpers, 'pathLabel', [value, ...explode]);
    case 'matrix':
      return helperCall(helpers, 'pathMatrix', [stringExpression(parameter.name), value, ...explode]);
    default:
      if (parameter.mediaType === undefined && isScalar(parameter.type)) {
        return helperCall(helpers, 'pathScalar', [value]);
      }
      return helperCall(helpers, 'pathSimple', [value, ...explode]);
  }
}

/** A string, `Date`, number or boolean (or a union of them): no array or object, so `explode` changes nothing. */
function isScalar(type: TypeNode): boolean {
  switch (type.kind) {
    case 'string':
    case 'date':
    case 'number':
    case 'boolean':
    case 'null':
    case 'literal':
      return true;
    case 'union':
      return type.members.every(isScalar);
    default:
      return false;
  }
}

function queryPart(parameter: Parameter, helpers: Set<string>): Expression {
  const name = stringExpression(parameter.name);
  const value = argument(parameter, helpers);
  const reserved = parameter.allowReserved ? [literalExpression('true')] : [];
  const explode = literalExpression(String(parameter.explode));
  switch (parameter.style) {
    case 'deepObject':
      return helperCall(helpers, 'queryDeepObject', [name, value, ...reserved]);
    case 'spaceDelimited':
    case 'pipeDelimited': {
      const styleHelper = parameter.style === 'spaceDelimited' ? 'querySpaceDelimited' : 'queryPipeDelimited';
      return helperCall(helpers, styleHelper, [
        name,
        value,
        ...(parameter.explode || parameter.allowReserved ? [explode] : []),
        ...reserved,
      ]);
    }
    default:
      return helperCall(helpers, 'queryForm', [
        name,
        value,
        ...(!parameter.explode || parameter.allowReserved ? [explode] : []),
        ...reserved,
      ]);
  }
}

/** The whole query string, encoded as the querystring parameter's media type says. */
function querystringExpression(parameter: Parameter, helpers: Set<string>): Expression {
  const value = memberExpression('args', [parameter.argName]);
  const mediaType = parameter.mediaType ?? '';
  if (isJsonMediaType(mediaType)) return helperCall(helpers, 'querystringJson', [value]);
  if (!isUrlEncodedMediaType(mediaType)) return helperCall(helpers, 'querystringText', [value]);
  // A string is a form already encoded, as the model types it.
  if (parameter.type.kind === 'string') return helperCall(helpers, 'querystringEncoded', [value]);
  return helperCall(helpers, 'querystringForm', [value, ...formEncodings(parameter.encoding ?? [])]);
}

function bodyExpression(operation: Operation, helpers: Set<string>): Expression | undefined {
  const content = operation.requestBody && requestContent(operation.requestBody.contents);
  if (!content) return undefined;
  const mediaType = content.mediaType.split(';')[0]!.trim().toLowerCase();
  const body = memberExpression('args', ['body']);
  // Items (JSON lines, JSON text sequences) are encoded one by one, or sent as is when they are bytes already.
  if (sendsItems(operation)) {
    const encoder = content.stream === 'jsonLines' ? 'jsonLinesBody' : 'jsonSequenceBody';
    // A list's builder takes the arguments of each page instead: its items go without the signal.
    const signal = readsSignal(operation) ? [identifier('signal')] : [];
    return helperCall(helpers, encoder, [body, stringExpression(content.mediaType), ...signal]);
  }
  if (isJsonMediaType(content.mediaType)) {
    const type = content.mediaType === 'application/json' ? [] : [stringExpression(content.mediaType)];
    return helperCall(helpers, 'jsonBody', [body, ...type]);
  }
  if (mediaType.startsWith('multipart/')) {
    return helperCall(helpers, 'multipartBody', [body, ...multipartTypes(content)]);
  }
  if (mediaType === 'application/x-www-form-urlencoded' && !isEncodedForm(content)) {
    return helperCall(helpers, 'formBody', [body, ...formEncodings(content.encoding)]);
  }
  return helperCall(helpers, 'rawBody', [body, stringExpression(content.mediaType)]);
}

/** Whether the request body is items (JSON lines, JSON text sequences), which the runtime encodes one by one. */
function sendsItems(operation: Operation): boolean {
  const stream = operation.requestBody && requestContent(operation.requestBody.contents)?.stream;
  return stream === 'jsonLines' || stream === 'jsonSequence';
}

/** Whether the builder takes the call's signal: for a body of items, unless its parameter is a list's arguments. */
function readsSignal(operation: Operation): boolean {
  return sendsItems(operation) && !operation.pagination;
}

/** `{ file: 'image/png' }`: each part's `encoding.contentType`, if any. */
function multipartTypes(content: MediaContent): Expression[] {
  const entries = content.encoding.flatMap((encoding): PropertyAssignment[] =>
    encoding.contentType
      ? [{ key: objectLiteralKey(encoding.property), value: stringExpression(encoding.contentType) }]
      : [],
  );
  return entries.length > 0 ? [objectExpression(entries)] : [];
}

/** `{ ids: { style: 'pipeDelimited', explode: false } }`: each property's Encoding Object, if any. */
function formEncodings(encodings: readonly PropertyEncoding[]): Expression[] {
  const entries = encodings.flatMap((encoding): PropertyAssignment[] => {
    const fields: PropertyAssignment[] = [
      ...(encoding.contentType ? [{ key: 'contentType', value: stringExpression(encoding.contentType) }] : []),
      ...(encoding.style ? [{ key: 'style', value: stringExpression(encoding.style) }] : []),
      ...(encoding.explode !== undefined ? [{ key: 'explode', value: literalExpression(`${encoding.explode}`) }] : []),
      ...(encoding.allowReserved !== undefined
        ? [{ key: 'allowReserved', value: literalExpression(`${encoding.allowReserved}`) }]
        : []),
    ];
    return fields.length > 0 ? [{ key: objectLiteralKey(encoding.property), value: objectExpression(fields) }] : [];
  });
  return entries.length > 0 ? [objectExpression(entries)] : [];
}

/** The media types of the success responses, when any is not JSON (the runtime asks for JSON otherwise). */
function acceptHeader(operation: Operation): string | undefined {
  const mediaTypes = successMediaTypes(operation);
  return mediaTypes.every(isJsonMediaType) ? undefined : mediaTypes.join(', ');
}

/** The operation's own security alternatives, each a list of the spec's schemes. */
function securityExpression(security: NonNullable<Operation['security']>): Expression {
  return arrayExpression(
    security.map((schemes) =>
      arrayExpression(schemes.map((scheme) => memberExpression('security', ['schemes', scheme]))),
    ),
  );
}
