import type { Operation, Parameter } from '../model/types';
import { objectLiteralKey, propertyAccess, stringLiteral, templateText } from './literals';
import { isJsonMediaType, requestContent } from './operationTypes';

/**
 * The object literal a generated operation hands to `client.request`, and the
 * runtime helpers it uses (imported one by one, so bundlers keep only those).
 */
export function requestObject(operation: Operation): { text: string; helpers: Set<string> } {
  const helpers = new Set<string>();
  const fields = [
    `operationId: ${stringLiteral(operation.operationId)}`,
    `method: ${stringLiteral(operation.method.toUpperCase())}`,
    `path: ${pathExpression(operation, helpers)}`,
  ];
  const query = operation.parameters.filter((parameter) => parameter.in === 'query');
  if (query.length > 0) fields.push(`query: [${query.map((parameter) => formEntries(parameter, helpers)).join(', ')}]`);
  const cookies = operation.parameters.filter((parameter) => parameter.in === 'cookie');
  if (cookies.length > 0)
    fields.push(`cookies: [${cookies.map((parameter) => formEntries(parameter, helpers)).join(', ')}]`);
  const headers = operation.parameters.filter((parameter) => parameter.in === 'header');
  if (headers.length > 0) {
    helpers.add('headerValue');
    const entries = headers.map(
      (parameter) =>
        `${objectLiteralKey(parameter.name)}: headerValue(${stringLiteral(parameter.name)}, ${argument(parameter)})`,
    );
    fields.push(`headers: { ${entries.join(', ')} }`);
  }
  const body = bodyExpression(operation, helpers);
  if (body) fields.push(`body: ${body}`);
  fields.push(`security: ${securityExpression(operation)}`);
  return { text: `{\n${fields.join(',\n')},\n}`, helpers };
}

function argument(parameter: Parameter): string {
  return propertyAccess('args', parameter.argName);
}

/** `/organization/${encodePath(args.organizationId)}/containerRegistry` */
function pathExpression(operation: Operation, helpers: Set<string>): string {
  const byName = new Map(
    operation.parameters.filter((p) => p.in === 'path').map((parameter) => [parameter.name, parameter]),
  );
  const parts = operation.path.split(/(\{[^}]+\})/).map((part) => {
    const parameter = /^\{(.+)\}$/.test(part) ? byName.get(part.slice(1, -1)) : undefined;
    if (!parameter) return templateText(part);
    helpers.add('encodePath');
    return `\${encodePath(${argument(parameter)})}`;
  });
  return `\`${parts.join('')}\``;
}

function formEntries(parameter: Parameter, helpers: Set<string>): string {
  helpers.add('formQuery');
  const explode = parameter.explode ? '' : ', false';
  return `...formQuery(${stringLiteral(parameter.name)}, ${argument(parameter)}${explode})`;
}

function bodyExpression(operation: Operation, helpers: Set<string>): string | undefined {
  const content = operation.requestBody && requestContent(operation.requestBody.contents);
  if (!content) return undefined;
  if (isJsonMediaType(content.mediaType)) {
    helpers.add('jsonBody');
    const mediaType = content.mediaType === 'application/json' ? '' : `, ${stringLiteral(content.mediaType)}`;
    return `jsonBody(args.body${mediaType})`;
  }
  helpers.add('rawBody');
  return `rawBody(args.body, ${stringLiteral(content.mediaType)})`;
}

/** The operation's security alternatives, or the document's when it has none of its own. */
function securityExpression(operation: Operation): string {
  if (!operation.security) return 'security.defaultSecurity';
  const alternatives = operation.security.map(
    (schemes) => `[${schemes.map((scheme) => propertyAccess('security.schemes', scheme)).join(', ')}]`,
  );
  return `[${alternatives.join(', ')}]`;
}
