import { defaultServerUrl } from '../model/servers';
import type { SdkModel, SecurityScheme } from '../model/types';
import type { EmittedFile } from './emittedFile';
import { jsDocComment } from './jsdoc';
import { propertyKey, stringLiteral } from './literals';
import { serverLiteral } from './requestObject';
import { layoutWidth } from './layoutOptions';
import type { SourcePrinter } from './sourceFile';

/**
 * `client.ts`: `createClient` (a method per operation) and `createBaseClient`
 * (no methods: pass it to the standalone functions and a bundler keeps only
 * the operations you import).
 */
export function emitClient(model: SdkModel, printer: SourcePrinter, banner: string): EmittedFile {
  const operations = model.operations;
  const argsTypes = operations.map((operation) => operation.names.args);
  const functions = operations.map((operation) => operation.names.function);
  const methods = operations.map((operation) => {
    const docs = jsDocComment({
      ...operation.docs,
      ...(operation.docs.summary ? {} : { summary: `\`${operation.method.toUpperCase()} ${operation.path}\`` }),
    });
    const optional = isArgsOptional(operation) ? ' = {}' : '';
    return (
      indented(docs, 2) +
      methodText(
        propertyKey(operation.names.function),
        `args: ${operation.names.args}${optional}`,
        operation.names.function,
      )
    );
  });
  const authMembers = model.securitySchemes.map(
    (scheme) =>
      `${jsDocComment({ description: authDescription(scheme) })}readonly ${propertyKey(scheme.name)}?: Credential;`,
  );
  const server = model.servers[0];
  const baseUrl = server && defaultServerUrl(server);
  const helpers = new Set(['createHttpClient']);
  // The client holds what operations share, so that each operation states only its own server and security.
  const serverArgument = server ? serverLiteral(server, helpers) : 'undefined';
  return printer.print('client.ts', banner, [
    `import { ${[...helpers].sort().join(', ')}, type BaseClient, type BaseClientOptions, type Credential, type RequestOptions } from './runtime/index.js';`,
    `import { defaultSecurity } from './security.js';`,
    ...(operations.length > 0
      ? [`import { ${functions.join(', ')}, type ${argsTypes.join(', type ')} } from './operations/index.js';`]
      : []),
    `/** The spec's first server; \`baseUrl\` overrides it. */\nexport const defaultBaseUrl: string | undefined = ${baseUrl === undefined ? 'undefined' : stringLiteral(baseUrl)};`,
    `/** A credential for each security scheme of the spec; each is a string or a function returning one. */\nexport type Auth = {\n${authMembers.join('\n')}\n};`,
    `/** Values for the variables of the spec's server URLs; each defaults to the spec's \`default\`. */\nexport type ServerVariables = ${serverVariablesType(model)};`,
    `/** Options of {@link createClient} and {@link createBaseClient}: where the API is, how to reach it, the credentials. */\nexport interface ClientOptions extends Omit<BaseClientOptions, 'auth' | 'serverVariables'> {\n/** Credentials by security scheme; an operation uses the ones the spec lists for it. */\nreadonly auth?: Auth;\n/** Values for the \`{variables}\` of the spec's server URLs. */\nreadonly serverVariables?: ServerVariables;\n}`,
    `/** A client without methods, for the standalone operation functions. */\nexport function createBaseClient(options: ClientOptions = {}): BaseClient {\nreturn createHttpClient(options, ${serverArgument}, defaultSecurity);\n}`,
    {
      laidOut: `/** A client with a method for each operation of the API. */\nexport function createClient(options: ClientOptions = {}) {\n  const client = createBaseClient(options);\n  return {\n${['    request: client.request,', ...methods].join('\n')}\n  };\n}`,
    },
    `/** The client {@link createClient} returns. */\nexport type Client = ReturnType<typeof createClient>;`,
  ]);
}

/** Each variable of every server the SDK may call, with its allowed values when the spec lists them. */
function serverVariablesType(model: SdkModel): string {
  const servers = [
    ...model.servers.slice(0, 1),
    ...model.operations.flatMap((operation) => operation.servers?.slice(0, 1) ?? []),
  ];
  const values = new Map<string, Set<string> | undefined>();
  for (const variable of servers.flatMap((server) => server.variables)) {
    const known = values.has(variable.name) ? values.get(variable.name) : new Set<string>();
    values.set(variable.name, known && variable.enum ? new Set([...known, ...variable.enum]) : undefined);
  }
  if (values.size === 0) return 'Record<string, never>';
  const members = [...values].map(([name, allowed]) => {
    const type = allowed && allowed.size > 0 ? [...allowed].map(stringLiteral).join(' | ') : 'string';
    return `readonly ${propertyKey(name)}?: ${type};`;
  });
  return `{\n${members.join('\n')}\n}`;
}

/**
 * A method of `createClient`'s object (two levels in), in prettier's layout: on one line when it fits, else the
 * call under the arrow, else the parameters one per line. A line still too wide sends the statement to prettier.
 */
function methodText(key: string, args: string, name: string): string {
  const head = `${key}: (${args}, requestOptions?: RequestOptions) =>`;
  const call = `${name}(client, args, requestOptions),`;
  if (4 + head.length + 1 + call.length <= layoutWidth) return `    ${head} ${call}`;
  if (4 + head.length <= layoutWidth) return `    ${head}\n      ${call}`;
  return `    ${key}: (\n      ${args},\n      requestOptions?: RequestOptions,\n    ) => ${call}`;
}

/** Text moved `levels` in (two spaces each), line by line. */
function indented(text: string, levels: number): string {
  const indent = '  '.repeat(levels);
  return text.replace(/^(?=.)/gm, indent);
}

function isArgsOptional(operation: SdkModel['operations'][number]): boolean {
  return operation.parameters.every((parameter) => !parameter.required) && !operation.requestBody?.required;
}

function authDescription(scheme: SecurityScheme): string {
  const how =
    scheme.type === 'http'
      ? `HTTP ${scheme.scheme}: sent as \`Authorization: ${scheme.scheme.charAt(0).toUpperCase()}${scheme.scheme.slice(1).toLowerCase()} <credential>\`.`
      : scheme.type === 'apiKey'
        ? `API key, sent as given in the ${scheme.in} \`${scheme.parameterName}\`.`
        : `${scheme.type === 'oauth2' ? 'OAuth 2' : 'OpenID Connect'} access token, sent as \`Authorization: Bearer <token>\`.`;
  return [scheme.docs.description, how].filter(Boolean).join('\n\n');
}
