import { defaultServerUrl } from '../model/servers';
import type { MediaContent, Operation, Parameter, Server, TypeNode } from '../model/types';
import { objectLiteralKey, propertyAccess, stringLiteral } from './literals';
import { isJsonMediaType, requestContent } from '../model/mediaTypes';
import { successMediaTypes } from './operationTypes';

/**
 * The object literal a generated operation hands to `client.request`, and the
 * runtime helpers it uses (imported one by one, so bundlers keep only those:
 * an SDK without multipart bodies ships no multipart code).
 */
export function requestObject(operation: Operation): { text: string; helpers: Set<string> } {
  const helpers = new Set<string>();
  const fields = [
    `operationId: ${stringLiteral(operation.operationId)}`,
    `method: ${stringLiteral(operation.method.toUpperCase())}`,
    `path: ${pathExpression(operation, helpers)}`,
  ];
  const query = operation.parameters.filter((parameter) => parameter.in === 'query');
  if (query.length > 0) {
    helpers.add('queryString');
    fields.push(`query: queryString(${query.map((parameter) => queryPart(parameter, helpers)).join(', ')})`);
  }
  const cookies = operation.parameters.filter((parameter) => parameter.in === 'cookie');
  const headers = operation.parameters.filter((parameter) => parameter.in === 'header');
  const entries = headers.map((parameter) => {
    helpers.add('headerSimple');
    return `${objectLiteralKey(parameter.name)}: headerSimple(${argument(parameter, helpers)}${parameter.explode ? ', true' : ''})`;
  });
  if (cookies.length > 0) {
    helpers.add('cookieForm').add('cookieHeader');
    const parts = cookies.map(
      (parameter) =>
        `cookieForm(${stringLiteral(parameter.name)}, ${argument(parameter, helpers)}${parameter.explode ? '' : ', false'})`,
    );
    entries.push(`Cookie: cookieHeader(${parts.join(', ')})`);
  }
  if (entries.length > 0) fields.push(`headers: { ${entries.join(', ')} }`);
  const body = bodyExpression(operation, helpers);
  if (body) fields.push(`body: ${body}`);
  const accept = acceptHeader(operation);
  if (accept) fields.push(`accept: ${stringLiteral(accept)}`);
  const server = operation.servers?.[0];
  if (server) fields.push(`server: ${serverLiteral(server, helpers)}`);
  // An operation without security of its own uses the document's, which the client holds (see client.ts).
  if (operation.security) fields.push(`security: ${securityExpression(operation.security)}`);
  return { text: `{\n${fields.join(',\n')},\n}`, helpers };
}

/**
 * `'https://api.example.com'`, or `serverUrl('https://{region}.example.com', { region: 'eu' })`
 * when the URL has variables: the runtime fills them in from `serverVariables`.
 */
export function serverLiteral(server: Server, helpers: Set<string>): string {
  if (server.variables.length === 0) return stringLiteral(defaultServerUrl(server));
  helpers.add('serverUrl');
  const variables = server.variables.map(
    (variable) => `${objectLiteralKey(variable.name)}: ${stringLiteral(variable.default)}`,
  );
  return `serverUrl(${stringLiteral(server.url)}, { ${variables.join(', ')} })`;
}

/** The argument's value; a parameter described by `content` (JSON) is sent as JSON text. */
function argument(parameter: Parameter, helpers: Set<string>): string {
  const value = propertyAccess('args', parameter.argName);
  if (parameter.mediaType === undefined || !isJsonMediaType(parameter.mediaType)) return value;
  helpers.add('jsonText');
  return `jsonText(${value})`;
}

/**
 * The path as text (`'/ping'`), or text and encoded parameter values in turn
 * (`['/organization/', pathSimple(args.organizationId), '/containerRegistry']`),
 * so that the runtime can refuse an empty value, which would drop its segment.
 */
function pathExpression(operation: Operation, helpers: Set<string>): string {
  const byName = new Map(
    operation.parameters.filter((p) => p.in === 'path').map((parameter) => [parameter.name, parameter]),
  );
  const parts: string[] = [];
  let text = '';
  for (const part of operation.path.split(/(\{[^}]+\})/)) {
    const parameter = /^\{(.+)\}$/.test(part) ? byName.get(part.slice(1, -1)) : undefined;
    if (!parameter) {
      text += part;
      continue;
    }
    parts.push(stringLiteral(text), pathPart(parameter, helpers));
    text = '';
  }
  if (text !== '' || parts.length === 0) parts.push(stringLiteral(text));
  return parts.length === 1 ? parts[0]! : `[${parts.join(', ')}]`;
}

function pathPart(parameter: Parameter, helpers: Set<string>): string {
  const value = argument(parameter, helpers);
  const explode = parameter.explode ? ', true' : '';
  switch (parameter.style) {
    case 'label':
      helpers.add('pathLabel');
      return `pathLabel(${value}${explode})`;
    case 'matrix':
      helpers.add('pathMatrix');
      return `pathMatrix(${stringLiteral(parameter.name)}, ${value}${explode})`;
    default:
      if (parameter.mediaType === undefined && isScalar(parameter.type)) {
        helpers.add('pathScalar');
        return `pathScalar(${value})`;
      }
      helpers.add('pathSimple');
      return `pathSimple(${value}${explode})`;
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

function queryPart(parameter: Parameter, helpers: Set<string>): string {
  const name = stringLiteral(parameter.name);
  const value = argument(parameter, helpers);
  const reserved = parameter.allowReserved ? ', true' : '';
  switch (parameter.style) {
    case 'deepObject':
      helpers.add('queryDeepObject');
      return `queryDeepObject(${name}, ${value}${reserved})`;
    case 'spaceDelimited':
    case 'pipeDelimited': {
      const styleHelper = parameter.style === 'spaceDelimited' ? 'querySpaceDelimited' : 'queryPipeDelimited';
      helpers.add(styleHelper);
      return `${styleHelper}(${name}, ${value}${parameter.explode || reserved ? `, ${parameter.explode}` : ''}${reserved})`;
    }
    default:
      helpers.add('queryForm');
      return `queryForm(${name}, ${value}${!parameter.explode || reserved ? `, ${parameter.explode}` : ''}${reserved})`;
  }
}

function bodyExpression(operation: Operation, helpers: Set<string>): string | undefined {
  const content = operation.requestBody && requestContent(operation.requestBody.contents);
  if (!content) return undefined;
  const mediaType = content.mediaType.split(';')[0]!.trim().toLowerCase();
  if (isJsonMediaType(content.mediaType)) {
    helpers.add('jsonBody');
    const type = content.mediaType === 'application/json' ? '' : `, ${stringLiteral(content.mediaType)}`;
    return `jsonBody(args.body${type})`;
  }
  if (mediaType.startsWith('multipart/')) {
    helpers.add('multipartBody');
    return `multipartBody(args.body${multipartTypes(content)})`;
  }
  if (mediaType === 'application/x-www-form-urlencoded') {
    helpers.add('formBody');
    return `formBody(args.body${formEncodings(content)})`;
  }
  helpers.add('rawBody');
  return `rawBody(args.body, ${stringLiteral(content.mediaType)})`;
}

/** `, { file: 'image/png' }`: each part's `encoding.contentType`. */
function multipartTypes(content: MediaContent): string {
  const entries = content.encoding.flatMap((encoding) =>
    encoding.contentType ? [`${objectLiteralKey(encoding.property)}: ${stringLiteral(encoding.contentType)}`] : [],
  );
  return entries.length > 0 ? `, { ${entries.join(', ')} }` : '';
}

/** `, { ids: { style: 'pipeDelimited', explode: false } }`: each property's Encoding Object. */
function formEncodings(content: MediaContent): string {
  const entries = content.encoding.flatMap((encoding) => {
    const fields = [
      ...(encoding.contentType ? [`contentType: ${stringLiteral(encoding.contentType)}`] : []),
      ...(encoding.style ? [`style: ${stringLiteral(encoding.style)}`] : []),
      ...(encoding.explode !== undefined ? [`explode: ${encoding.explode}`] : []),
      ...(encoding.allowReserved !== undefined ? [`allowReserved: ${encoding.allowReserved}`] : []),
    ];
    return fields.length > 0 ? [`${objectLiteralKey(encoding.property)}: { ${fields.join(', ')} }`] : [];
  });
  return entries.length > 0 ? `, { ${entries.join(', ')} }` : '';
}

/** The media types of the success responses, when any is not JSON (the runtime asks for JSON otherwise). */
function acceptHeader(operation: Operation): string | undefined {
  const mediaTypes = successMediaTypes(operation);
  return mediaTypes.every(isJsonMediaType) ? undefined : mediaTypes.join(', ');
}

/** The operation's own security alternatives, each a list of the spec's schemes. */
function securityExpression(security: NonNullable<Operation['security']>): string {
  const alternatives = security.map(
    (schemes) => `[${schemes.map((scheme) => propertyAccess('security.schemes', scheme)).join(', ')}]`,
  );
  return `[${alternatives.join(', ')}]`;
}
